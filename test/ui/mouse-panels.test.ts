// The mouse over an open panel, as reducer actions (no terminal): the wheel moves through the
// panel's list or scrolls the help, a click on a row picks it as Enter does, a click on the
// sidebar closes the panel as Esc does and does nothing else.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {initialState, panesOf, reduce, type Env, type Pointer, type State} from '../../source/ui/state/index.js';
import {ReadingState} from '../../source/app/session-state.js';
import {articleKey} from '../../source/app/article-key.js';
import {bookmarkListLayout, entityListLayout, rowAt, searchListLayout} from '../../source/ui/panel-lists.js';
import {builtIndexer, makeArticle, staticLoad} from './helpers.js';
import {envOf, press} from './reducer-helpers.js';

const lines = (n: number, word: string) => Array.from({length: n}, (_, i) => `ย่อหน้าที่ ${i + 1} ของเรื่อง${word} คนในชุมชนช่วยกันซ่อมสะพานไม้`);
const articles = [
	makeArticle('a.txt', 'เรื่องแรก', lines(30, 'หนึ่ง')),
	makeArticle('b.txt', 'เรื่องที่สอง', [...lines(10, 'สอง'), 'นายสมปองเดินทางไปเชียงใหม่กับนายสมปอง']),
	makeArticle('c.txt', 'เรื่องที่สาม', [...lines(10, 'สาม'), 'นายสมปองกลับบ้าน']),
];
const mouse = (state: State, pointer: Pointer, env: Env) => reduce(state, {type: 'mouse', pointer}, env);
const wheel = (button: 'up' | 'down', x: number, y: number): Pointer => ({kind: 'wheel', button, x, y});
const click = (x: number, y: number): Pointer => ({kind: 'press', button: 0, x, y});

test('list rows: a click finds the row drawn there, headers and rows past the end find none', () => {
	const search = searchListLayout(10, 0, 20);
	assert.deepEqual(search, {header: 3, rowHeight: 2, visible: 8, top: 0});
	assert.equal(rowAt(search, 10, 2), undefined, 'the rule above the list');
	assert.equal(rowAt(search, 10, 3), 0);
	assert.equal(rowAt(search, 10, 4), 0, 'a hit is two rows: its snippet picks it too');
	assert.equal(rowAt(search, 10, 5), 1);
	assert.equal(rowAt(searchListLayout(3, 0, 20), 3, 9), undefined, 'below the last hit');
	const scrolled = entityListLayout(50, 40, 10);
	assert.equal(scrolled.top, 40 - 3);
	assert.equal(rowAt(scrolled, 50, 3), 37);
	assert.equal(rowAt(bookmarkListLayout(2, 1, 10), 2, 2), 1);
});

test('help and warnings: the wheel scrolls them; a click on the sidebar closes them', () => {
	const env = envOf(articles, {size: {columns: 100, rows: 12}, warningCount: 30});
	const side = panesOf(initialState, env).sideWidth;
	const help = press(env, ['?']);
	const down = mouse(help, wheel('down', side + 10, 5), env);
	assert.deepEqual(down.panel, {kind: 'help', top: 3});
	assert.deepEqual(mouse(down, wheel('up', side + 10, 5), env).panel, {kind: 'help', top: 0});
	assert.deepEqual(mouse(help, wheel('up', side + 10, 5), env).panel, {kind: 'help', top: 0}, 'not above the top');
	const warnings = mouse(press(env, ['w']), wheel('down', side + 10, 5), env);
	assert.deepEqual(warnings.panel, {kind: 'warnings', top: 3});
	const closed = mouse(warnings, click(3, 4), env);
	assert.deepEqual(closed.panel, {kind: 'none'});
	assert.equal(closed.current, 0, 'the click that closed the panel did not also open the article under it');
	// The wheel over the sidebar still scrolls the sidebar, the help stays.
	assert.equal(mouse(help, wheel('down', 3, 4), env).panel.kind, 'help');
});

test('search panel: the wheel moves the choice, a click on a hit opens it, a click on the sidebar goes back', async () => {
	const load = staticLoad(articles);
	const indexer = await builtIndexer(load);
	const env = envOf(articles, {searchIndex: indexer.state.search, searchDone: true});
	const side = panesOf(initialState, env).sideWidth;
	let state = press(env, ['j', 'j', '/', 'สะพาน']);
	assert.equal(state.panel.kind, 'search');
	if (state.panel.kind !== 'search') return;
	const {search} = await import('../../source/search/index.js');
	const result = search(env.searchIndex!, 'สะพาน');
	assert.ok(result.hits.length >= 3, 'the query is found in every article');
	state = reduce(state, {type: 'searchResult', query: 'สะพาน', scope: 'corpus', result}, env);
	const moved = mouse(state, wheel('down', side + 10, 8), env);
	assert.equal(moved.panel.kind === 'search' && moved.panel.selected, 3);
	const up = mouse(moved, wheel('up', side + 10, 8), env);
	assert.equal(up.panel.kind === 'search' && up.panel.selected, 0);
	// The third hit's title is on pane row 3 + 2 × 2 (screen row 8): a click there opens it as Enter would.
	const hit = result.hits[2]!;
	const opened = mouse(state, click(side + 10, 8), env);
	assert.equal(opened.panel.kind, 'none');
	assert.equal(opened.current, hit.ordinal);
	assert.equal(opened.active?.query, 'สะพาน');
	// A click on the header does nothing; one on the sidebar closes the search and goes back.
	assert.equal(mouse(state, click(side + 10, 2), env), state);
	const back = mouse(state, click(3, 5), env);
	assert.equal(back.panel.kind, 'none');
	assert.equal(back.top, 2);
	assert.equal(back.active, undefined);
});

test('entity panel: a click on an entity focuses it as Enter does', async () => {
	const load = staticLoad(articles);
	const indexer = await builtIndexer(load);
	const env = envOf(articles, {entities: indexer.state.entities});
	const side = panesOf(initialState, env).sideWidth;
	let state = press(env, [']', 'p', 'tab']);
	assert.equal(state.panel.kind, 'entities');
	const byKey = press(env, [']', 'p', 'tab', 'enter']);
	assert.ok(byKey.focused, 'Enter on the first entity focuses it');
	state = mouse(state, click(side + 10, 4), env);
	assert.equal(state.panel.kind, 'none');
	assert.deepEqual(state.focused, byKey.focused, 'the click did what Enter did');
});

test('bookmarks panel: the wheel moves the choice, a click opens a bookmark, one on a missing article says so', () => {
	const reading = ReadingState.open(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'khao-mouse-')), 'state.json'));
	reading.toggleBookmark(articleKey(articles[2]!), {offset: 40, rank: -1}, articles[2]!.title, 1);
	reading.toggleBookmark('gone-article-key-1', {offset: 0, rank: -1}, 'บทความที่ไม่อยู่แล้ว', 2);
	const env = envOf(articles, {reading});
	const side = panesOf(initialState, env).sideWidth;
	const open = press(env, ["'"]);
	assert.deepEqual(mouse(open, wheel('down', side + 10, 4), env).panel, {kind: 'bookmarks', selected: 1});
	const opened = mouse(open, click(side + 10, 2), env);
	assert.equal(opened.current, 2);
	assert.equal(opened.panel.kind, 'none');
	const missing = mouse(open, click(side + 10, 3), env);
	assert.equal(missing.current, 0);
	assert.match(missing.message, /not among those open/);
});
