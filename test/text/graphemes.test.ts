import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {clusterEnd, graphemeBoundaries, graphemes} from '../../source/text/graphemes.js';

const intl = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const intlGraphemes = (s: string): string[] => [...intl.segment(s)].map((x) => x.segment);

describe('graphemes', () => {
	it('keeps Thai marks and SARA AM with their consonant, leading vowels apart', () => {
		assert.deepEqual(graphemes('น้ำใจ'), ['น้ำ', 'ใ', 'จ']);
		assert.deepEqual(graphemes('เกี่ยว'), ['เ', 'กี่', 'ย', 'ว']);
		assert.deepEqual(graphemes('ก\u0E48\u0E33'), ['ก\u0E48\u0E33']);
	});

	it('treats CRLF as one cluster and a mark after a tab as its own', () => {
		assert.deepEqual(graphemes('a\r\nb'), ['a', '\r\n', 'b']);
		assert.deepEqual(graphemes('\t\u0E48'), ['\t', '\u0E48']);
	});

	it('hands emoji sequences, Hangul jamo and Indic conjuncts to Intl', () => {
		assert.deepEqual(graphemes('a👨‍👩‍👧b'), ['a', '👨‍👩‍👧', 'b']);
		assert.deepEqual(graphemes('#️⃣🇹🇭🇯🇵'), ['#️⃣', '🇹🇭', '🇯🇵']);
		assert.deepEqual(graphemes('\u1100\u1161\u11A8x'), ['\u1100\u1161\u11A8', 'x']);
	});

	it('gives boundaries including both ends', () => {
		assert.deepEqual(graphemeBoundaries('กำa'), [0, 2, 3]);
		assert.deepEqual(graphemeBoundaries(''), [0]);
	});

	it('agrees with Intl.Segmenter on random mixed strings', () => {
		const alphabet = [...'aZ 1.\t\n\rกขเำ่้ิัะา中한😀👍🏽\u200D\u200C\uFE0F\u20E3#🇹🇭🇯\u0301\u0E4Dकाि्ষ\u09CDক\u0600ｱﾞ©\u1100\u1161\u11A8\uAC00\uD800'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...alphabet), {maxLength: 40}), (chars) => {
				const s = chars.join('');
				assert.deepEqual(graphemes(s), intlGraphemes(s), JSON.stringify(s));
			}),
			{numRuns: 3000},
		);
	});

	it('stays linear and right on a long string of complex clusters', () => {
		const s = '👍🏽한국어🇹🇭'.repeat(3000);
		const ours = graphemes(s);
		assert.equal(ours.length, 5 * 3000);
		assert.deepEqual(ours.slice(0, 5), ['👍🏽', '한', '국', '어', '🇹🇭']);
		assert.equal(ours.join(''), s);
		assert.equal(clusterEnd(s, s.length - 4), s.length);
	});
});
