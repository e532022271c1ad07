import {test} from 'node:test';
import assert from 'node:assert/strict';
import {statusPieces} from '../../source/ui/status-line.js';
import {initialState} from '../../source/ui/state/index.js';
import {LazyWrap} from '../../source/layout/lazy.js';
import type {BackgroundState} from '../../source/ui/background.js';
import {makeArticle} from './helpers.js';
import {envOf} from './reducer-helpers.js';

const article = makeArticle('a.txt', 'เรื่องทดลอง', ['ย่อหน้าแรกของเรื่อง']);
const status = (corpus: {count: number; done: boolean}, background: BackgroundState) =>
	statusPieces({
		state: initialState,
		env: envOf([article]),
		order: [0],
		lines: new LazyWrap(article, 60),
		top: 0,
		matches: [],
		corpus: {...corpus, warnings: 0},
		background,
		showTitle: false,
	}).join(' · ');

test('from the first screen to both indexes ready the status bar says loading, then indexing, with no ready-looking frame between', () => {
	const counting: BackgroundState = {searchIndexed: 0, searchDone: false, entityArticles: 0, entitiesDone: false, total: 0};
	assert.match(status({count: 1, done: false}, counting), /loading… 1/);
	// Loading is over and the indexer has not counted the corpus yet: still not ready.
	assert.match(status({count: 1, done: true}, counting), /indexing…/);
	assert.match(status({count: 1, done: true}, {...counting, total: 1, searchDone: true}), /indexing…/);
	assert.doesNotMatch(status({count: 1, done: true}, {...counting, total: 1, searchDone: true, entitiesDone: true}), /indexing|loading/);
});

test('a focused entity seen once reads "1 mention in 1 article"', () => {
	const env = envOf([article]);
	const entity = {id: 'person:x', name: 'นายทดลอง', kind: 'person', mentionCount: 1, articleCount: 1};
	const line = statusPieces({
		state: {...initialState, focused: {id: 'person:x'}},
		env: {...env, entities: {entity: () => entity, positionOf: () => undefined}} as unknown as typeof env,
		order: [0],
		lines: new LazyWrap(article, 60),
		top: 0,
		matches: [],
		corpus: {count: 1, done: true, warnings: 0},
		background: {searchIndexed: 1, searchDone: true, entityArticles: 1, entitiesDone: true, total: 1},
		showTitle: false,
	}).join(' · ');
	assert.match(line, /นายทดลอง · 1 mention in 1 article(?!s)/);
});

test('while the search cache is written after indexing the bar says so: quitting then loses it', () => {
	const ready: BackgroundState = {searchIndexed: 1, searchDone: true, entityArticles: 1, entitiesDone: true, total: 1};
	assert.match(status({count: 1, done: true}, {...ready, saving: true}), /saving the search index…/);
	assert.doesNotMatch(status({count: 1, done: true}, {...ready, saving: false}), /saving|indexing|loading/);
});
