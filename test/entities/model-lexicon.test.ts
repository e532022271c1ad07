import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {commonWordAt, isCommonWord} from '../../source/entities/common-words.js';
import {forEachLexiconWord, lexiconFlags} from '../../source/entities/model/features.js';
import {splitUnits} from '../../source/entities/model/units.js';

// The tagger's lexicon flags and the common-word check of its evidence are read by walks made for
// speed (a unit-start table, a trie with a bounded end): they must answer as the plain definitions do.

/** Flags of listed words that start at a unit and end at a unit edge, by trying every listed word. */
function naiveFlags(text: string): {starts: number[]; ends: number[]} {
	const units = splitUnits(text);
	const us = [...units.starts];
	const starts = new Array<number>(units.count + 1).fill(0);
	const ends = new Array<number>(units.count + 1).fill(0);
	const words: Array<[string, number]> = [];
	forEachLexiconWord((w, flag) => {
		if ([...w].every((ch) => /[\u0e00-\u0e7f\u0000-\u007f]/.test(ch))) words.push([w, flag]);
	});
	for (let i = 0; i < units.count; i++) {
		for (const [w, flag] of words) {
			if (!text.startsWith(w, us[i]!)) continue;
			const j = us.indexOf(us[i]! + w.length);
			if (j <= i) continue;
			starts[i]! |= flag;
			ends[j]! |= flag;
		}
	}
	return {starts, ends};
}

// Sentences of our own: titles, head words, places, function words, glued and spaced, a zero-width
// space inside a word, Latin and digits.
const SENTENCES = [
	'นายสมศักดิ์ มีสุข รองผู้ว่าราชการจังหวัดลำปาง กล่าวว่าโครงการนี้จะเริ่มในปีหน้า',
	'กระทรวงพาณิชย์ร่วมกับสมาคมผู้ส่งออกข้าวไทยจัดงานที่กรุงเทพมหานคร',
	'ดร.วิไลพร แก้วใส ผู้อำนวยการสำนักงาน\u200bสถิติ เดินทางไปอำเภอเมืองเชียงราย',
	'Mr. John Carter ประธานบริษัท ABC จำกัด พบกับรัฐมนตรีว่าการกระทรวงการคลัง 2 ครั้ง',
	'ที่ประชุมคณะรัฐมนตรีมีมติเห็นชอบให้จังหวัดขอนแก่นเป็นเมืองต้นแบบ',
];

describe('lexiconFlags', () => {
	it('flags the listed words that start at a unit and end at a unit edge', () => {
		for (const text of SENTENCES) {
			const units = splitUnits(text);
			const {starts, ends} = lexiconFlags(text, units);
			const expected = naiveFlags(text);
			assert.ok(
				expected.starts.some((f) => f !== 0),
				text,
			);
			assert.deepEqual([...starts.subarray(0, units.count + 1)], expected.starts, text);
			assert.deepEqual([...ends.subarray(0, units.count + 1)], expected.ends, text);
		}
	});

	it('gives the same flags for a text after a longer one (its tables are reused)', () => {
		const long = SENTENCES.join(' ');
		lexiconFlags(long, splitUnits(long));
		const text = SENTENCES[1]!;
		const units = splitUnits(text);
		const {starts, ends} = lexiconFlags(text, units);
		const expected = naiveFlags(text);
		assert.deepEqual([...starts.subarray(0, units.count + 1)], expected.starts);
		assert.deepEqual([...ends.subarray(0, units.count + 1)], expected.ends);
	});
});

describe('commonWordAt', () => {
	it('answers as isCommonWord on every slice with an end in the range', () => {
		const text = SENTENCES.join(' ');
		fc.assert(
			fc.property(fc.integer({min: 0, max: text.length}), fc.integer({min: 0, max: 10}), fc.integer({min: 0, max: 12}), (from, a, b) => {
				const minEnd = from + a;
				const maxEnd = minEnd + b;
				let expected = false;
				for (let to = Math.max(minEnd, from + 1); to <= Math.min(maxEnd, text.length); to++) if (isCommonWord(text.slice(from, to))) expected = true;
				assert.equal(commonWordAt(text, from, minEnd, maxEnd), expected);
			}),
			{numRuns: 2000},
		);
	});

	it('finds a listed word that ends inside the range and not one that ends outside it', () => {
		const text = 'เขาประชุมกันนาน';
		const from = text.indexOf('ประชุม');
		assert.ok(isCommonWord('ประชุม'));
		const end = from + 'ประชุม'.length;
		assert.equal(commonWordAt(text, from, end, end), true);
		assert.equal(commonWordAt(text, from, end + 1, end + 3), isCommonWord('ประชุมก') || isCommonWord('ประชุมกั') || isCommonWord('ประชุมกัน'));
		assert.equal(
			commonWordAt(text, from, from + 1, end - 1),
			[...Array(end - 1 - from).keys()].some((k) => isCommonWord(text.slice(from, from + 1 + k))),
		);
	});
});
