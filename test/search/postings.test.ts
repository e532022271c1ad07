// Candidate passages from the trigram postings, and the cache that lets a query typed a letter at
// a time start from the candidates of what was typed before.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {candidatePassages} from '../../source/search/postings.js';
import {preparePattern} from '../../source/search/query.js';
import {search} from '../../source/search/search.js';
import {foldCompact} from '../../source/text/fold.js';
import {article, indexOf, SLOW_OK} from './helpers.js';

const texts = [
	'ชาวนาในภาคอีสานเริ่มเก็บเกี่ยวข้าวหอมมะลิ ราคาข้าวเปลือกปีนี้สูงกว่าปีก่อน',
	'โรงสีข้าวรับซื้อข้าวเปลือกจากสหกรณ์การเกษตรในราคาประกัน',
	'กรมการข้าวแนะนำพันธุ์ข้าวที่ทนน้ำท่วมให้ชาวนาในที่ลุ่ม',
	'ตลาดส่งออกข้าวหอมมะลิไปยังต่างประเทศขยายตัวต่อเนื่อง',
];

function keysOf(text: string): number[] {
	return preparePattern(foldCompact(text)).trigrams;
}

test('the candidates of a pattern are computed once and then reused', () => {
	const segment = indexOf(texts.map((t, i) => article(`a${i}`, t))).segments[0]!;
	const keys = keysOf('ข้าวหอมมะลิ');
	const first = candidatePassages(segment, keys);
	assert.ok(first && first.length > 0);
	assert.equal(candidatePassages(segment, keys), first);
});

test('every prefix typed in turn finds what a fresh index finds, in every segment', () => {
	const query = 'ข้าวหอมมะลิ ราคาข้าวเปลือก';
	const make = () => indexOf([...texts, ...texts, ...texts].map((t, i) => article(`a${i}`, t)));
	const typed = make();
	for (let k = 1; k <= query.length; k++) {
		const prefix = query.slice(0, k);
		const warm = search(typed, prefix, SLOW_OK);
		const cold = search(make(), prefix, SLOW_OK);
		assert.deepEqual(
			warm.hits.map((h) => [h.articleId, h.start, h.end, h.kind]),
			cold.hits.map((h) => [h.articleId, h.start, h.end, h.kind]),
			prefix,
		);
		assert.equal(warm.total, cold.total, prefix);
	}
});
