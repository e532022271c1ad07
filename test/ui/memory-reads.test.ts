// Finding the last run's article and a bookmarked one reads bodies (their keys hash the text): in an
// archive of 60,000 articles, reading every body holds the keys for minutes. Only the articles that
// can be the one (the remembered length, the bookmark's title) may be read.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {articleKey} from '../../source/app/article-key.js';
import {ReadingState} from '../../source/app/session-state.js';
import {StoredArticle} from '../../source/corpus/article-store.js';
import type {Article} from '../../source/corpus/types.js';
import {lastArticle} from '../../source/ui/state/memory.js';
import {bookmarkRowsOf} from '../../source/ui/components/BookmarksPanel.js';
import {envOf, press} from './reducer-helpers.js';

/** Articles whose every body read is counted (a stored article's body is behind prototype getters). */
function countedCorpus(n: number): {articles: Article[]; reads: () => number} {
	let reads = 0;
	class Counted extends StoredArticle {
		override get text(): string {
			reads++;
			return super.text;
		}
	}
	const articles = Array.from({length: n}, (_, i) => {
		const text = `ข่าวทดลองฉบับที่ ${i} ว่าด้วยตลาดผลไม้${'ก'.repeat(i % 17)}`;
		return new Counted({id: `f.jsonl#${i}`, path: 'f.jsonl', format: 'jsonl', title: `เรื่องที่ ${i}`}, text.length, {
			kind: 'memory',
			text,
			blocks: [{kind: 'para', spans: [{start: 0, end: text.length}]}],
		});
	});
	return {articles, reads: () => reads};
}

const stateFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'khao-memory-reads-')), 'reading-state.json');

test('the last article moved to another id is found by reading only bodies of its length; one of another corpus reads few', () => {
	const {articles, reads} = countedCorpus(400);
	const target = articles[250]!;
	const reading = ReadingState.open(stateFile());
	reading.visit(articleKey(target), 'elsewhere.jsonl#9', {offset: 3, rank: -1}, 1000, target.text.length);
	const before = reads();
	const found = lastArticle(envOf(articles, {reading}), true);
	assert.equal(found?.article, 250);
	assert.ok(reads() - before <= Math.ceil(400 / 17) + 1, `${reads() - before} bodies read`);

	// The last article is in no article open now: nothing like it is read.
	const other = ReadingState.open(stateFile());
	other.visit('A'.repeat(22), 'other.jsonl#1', {offset: 0, rank: -1}, 1000, 999_999);
	const again = reads();
	assert.equal(lastArticle(envOf(articles, {reading: other}), true), undefined);
	assert.equal(reads() - again, 0);
});

test('choosing a bookmark reads only the bodies of articles with its title', () => {
	const {articles, reads} = countedCorpus(300);
	const reading = ReadingState.open(stateFile());
	const target = articles[120]!;
	reading.toggleBookmark(articleKey(target), {offset: 0, rank: -1}, target.title, 1000);
	const env = envOf(articles, {reading});
	const before = reads();
	const opened = press(env, ["'", 'enter']);
	assert.equal(opened.current, 120);
	// The article shown is read to be drawn; of the rest, only those titled as the bookmark.
	assert.ok(reads() - before <= 3, `${reads() - before} bodies read`);
});

test('listing the bookmarks reads only the bodies of articles with their titles, and agrees with choosing', () => {
	const {articles, reads} = countedCorpus(300);
	const reading = ReadingState.open(stateFile());
	const target = articles[77]!;
	reading.toggleBookmark(articleKey(target), {offset: 5, rank: -1}, target.title, 1000);
	reading.toggleBookmark('B'.repeat(22), {offset: 0, rank: -1}, 'เรื่องที่ไม่มีแล้ว', 1001);
	const before = reads();
	const rows = bookmarkRowsOf(reading, articles);
	assert.deepEqual(
		rows.map((r) => r.here),
		reading.bookmarks.map((b) => b.key === articleKey(target)),
	);
	assert.ok(reads() - before <= 1, `${reads() - before} bodies read`);
});
