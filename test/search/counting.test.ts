// Counting hits and not counting them twice: the collector's per-kind counts, a title cut short
// with … that is also the text's first line, and codes written with or without a space.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {HitCollector} from '../../source/search/collector.js';
import {search} from '../../source/search/search.js';
import {foldForSearch, foldWithOffsets} from '../../source/text/fold.js';
import {passageStarts} from '../../source/search/passages.js';
import type {Article} from '../../source/corpus/types.js';
import {article, indexOf, SLOW_OK} from './helpers.js';

test('the collector counts each hit once, in total and by kind', () => {
	const index = indexOf([article('a', 'หนึ่ง\nสอง\nสาม\nสี่\n')]);
	const segment = index.segments[0]!;
	const collector = new HitCollector(10);
	for (let p = 0; p < 3; p++) {
		collector.add({segment, passage: p, local: 0, ordinal: 0, start: 0, end: 1, ranges: [[0, 1]], kind: 'exact', score: 0});
	}
	collector.count(segment, 3, 'tone');
	assert.equal(collector.total, 4);
	assert.deepEqual(collector.byKind, {exact: 3, tone: 1, partial: 0, fuzzy: 0});
});

test('a .txt title cut short with … is not searched apart from the line it comes from', () => {
	const line = 'คณะผู้แทนการค้าเดินทางไปเยือนเมืองท่าทางเหนือเพื่อเจรจาเรื่องการขนส่งสินค้าเกษตรและประมง';
	const txt: Article = {id: 'n.txt', path: 'n.txt', format: 'txt', title: line.slice(0, 40) + '…', text: line + '\n\nเนื้อความต่อจากนั้น', blocks: []};
	const result = search(indexOf([txt]), 'เมืองท่า', SLOW_OK);
	assert.equal(result.total, 1);
	assert.equal(result.hits.length, 1);
	assert.equal(result.hits[0]!.field, 'text');
	assert.equal(txt.text.slice(result.hits[0]!.start, result.hits[0]!.end), 'เมืองท่า');
});

test('a space between Latin letters and a digit folds away: PM 2.5 = PM2.5 = pm2.5', () => {
	assert.equal(foldForSearch('PM 2.5'), foldForSearch('pm2.5'));
	assert.equal(foldForSearch('ค่า PM  2.5 สูง'), 'ค่า pm2.5 สูง');
	assert.equal(foldForSearch('2.5 PM'), '2.5 pm');
	assert.equal(foldForSearch('ปี 2567'), 'ปี 2567');
	const folded = foldWithOffsets('ค่า PM 2.5 วันนี้');
	const at = folded.text.indexOf('pm2.5');
	assert.equal('ค่า PM 2.5 วันนี้'.slice(folded.starts[at]!, folded.ends[at + 4]!), 'PM 2.5');
});

test('both spellings of a code find both places, with offsets on the source', () => {
	const articles = [article('a', 'ฝุ่นละออง PM2.5 เกินมาตรฐานในหลายพื้นที่'), article('b', 'ค่าฝุ่น PM 2.5 ลดลงหลังฝนตก'), article('c', 'อากาศดีทั้งวัน')];
	for (const query of ['pm 2.5', 'PM2.5']) {
		const result = search(indexOf(articles), query, SLOW_OK);
		assert.deepEqual(result.hits.map((h) => h.articleId).sort(), ['a', 'b'], query);
		for (const hit of result.hits) assert.match(articles.find((x) => x.id === hit.articleId)!.text.slice(hit.start, hit.end), /^PM ?2\.5$/);
	}
});

test('passages are never cut between a Latin letter and a digit joined by a space', () => {
	const text = 'ก'.repeat(170) + 'PM 2.5 ' + 'ข'.repeat(200);
	for (let pad = 0; pad < 12; pad++) {
		const padded = 'ค'.repeat(pad) + text;
		const starts: number[] = [];
		passageStarts(padded, 0, padded.length, starts);
		for (const s of starts) assert.ok(!(padded.slice(s).startsWith('2.5') && padded.slice(0, s).endsWith('PM ')), `cut at ${s}`);
	}
});

test('once the kept hits are full and better, a hit is counted without its kind', () => {
	const index = indexOf([article('a', 'หนึ่ง\nสอง\nสาม\nสี่\n')]);
	const segment = index.segments[0]!;
	const collector = new HitCollector(1);
	assert.equal(collector.cannotKeep(0.5, 0, 0), false, 'nothing kept yet');
	collector.add({segment, passage: 0, local: 0, ordinal: 0, start: 0, end: 1, ranges: [[0, 1]], kind: 'exact', score: 0.1});
	assert.equal(collector.cannotKeep(0.5, 0, 0), true);
	assert.equal(collector.cannotKeep(0.05, 0, 0), false, 'a better one would be kept');
	collector.count(segment, 1, undefined);
	assert.equal(collector.total, 2);
	assert.deepEqual(collector.byKind, {exact: 1, tone: 0, partial: 0, fuzzy: 0});
});

test('a common word: every passage is counted, and a late passage that is the word alone still ranks first', () => {
	const word = 'สหกรณ์';
	const body = (i: number) => `ข่าวที่ ${i} สมาชิก${word}ประชุมประจำปีเพื่อรับรองงบการเงิน และเลือกกรรมการชุดใหม่ตามข้อบังคับ`;
	const articles = Array.from({length: 40}, (_, i) => article(`t${i}`, `${body(i)}\n${body(i + 100)}\n`, `${word}จังหวัดที่ ${i}`));
	// Last in corpus order, with the word as a paragraph of its own: a whole passage, as good as a title.
	articles.push(article('alone', `${body(999)}\n${word}\n`, 'ประกาศ'));
	const result = search(indexOf(articles), word, {...SLOW_OK, limit: 5});
	assert.equal(result.total, 40 * 3 + 2);
	assert.equal(result.exhaustive, true);
	assert.equal(result.hits[0]!.articleId, 'alone');
	assert.equal(result.hits.length, 5);
});
