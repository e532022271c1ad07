// Near-word matching is run bit-parallel first (Myers' algorithm finds where a near match ends) and
// the dynamic programme only around those ends: the spans must be exactly those of the programme
// over the whole range (start, end, edits, overlaps resolved the same way, word edges), and a text
// with no near match must cost the programme nothing.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {approximateSpans, approximateSpansPlain, programmeColumns} from '../../source/search/approximate.js';
import {foldCompact, removeThaiTones} from '../../source/text/fold.js';

const compact = (s: string) => removeThaiTones(foldCompact(s), true);

/** A small deterministic generator (the same cases on every run). */
function generator(seed: number): (n: number) => number {
	let x = seed;
	return (n) => {
		x = (x * 1103515245 + 12345) & 0x7fffffff;
		return x % n;
	};
}

// Syllables of our own: few letters, so near matches are everywhere.
const SYLLABLES = ['กา', 'มี', 'นา', 'ปลา', 'ข้าว', 'น้ำ', 'บ้าน', 'ไป', 'ตลาด', 'เรือ', 'สวน', 'ผล', 'ไม้', ' ', 'ok', 'lab', '2.5'];

test('bit-parallel near matching finds exactly the spans of the programme over the whole range', () => {
	const rand = generator(7);
	let spans = 0;
	for (let c = 0; c < 1000; c++) {
		let words = '';
		const length = 20 + rand(60);
		for (let i = 0; i < length; i++) words += SYLLABLES[rand(SYLLABLES.length)];
		const text = compact(words);
		// A piece of the text, a few letters changed; now and then longer than one machine word (32).
		const m = c % 10 === 0 ? 30 + rand(12) : 1 + rand(14);
		const at = rand(Math.max(1, text.length - m));
		const letters = text.slice(at, at + m).split('');
		for (let e = rand(3); e > 0 && letters.length > 2; e--) {
			const i = rand(letters.length);
			if (e % 2 === 0) letters.splice(i, 1);
			else letters[i] = text[rand(text.length)]!;
		}
		const pattern = letters.join('');
		const k = Math.min(rand(4), Math.max(0, pattern.length - 2));
		const from = rand(text.length >> 1);
		const to = from + rand(text.length - from) + 1;
		const plain = approximateSpansPlain(text, from, to, pattern, k);
		spans += plain.length;
		assert.deepEqual(approximateSpans(text, from, to, pattern, k), plain, `${JSON.stringify(pattern)} k=${k} in [${from}, ${to})`);
	}
	assert.ok(spans > 200, `the cases hold near matches (${spans})`);
});

test('a long text without a near match costs the programme nothing; with one, only the stretch before it', () => {
	const pattern = compact('ทาจิกิสถาน');
	const filler = compact('ชาวบ้านพายเรือไปตลาดน้ำแต่เช้า ').repeat(200);
	let before = programmeColumns;
	assert.deepEqual(approximateSpans(filler, 0, filler.length, pattern, 1), []);
	assert.equal(programmeColumns - before, 0);
	const text = filler + compact('คณะจากทาจิกิสถาณเดินทางมา');
	before = programmeColumns;
	const found = approximateSpans(text, 0, text.length, pattern, 1);
	assert.deepEqual(
		found.map((s) => text.slice(s.start, s.end)),
		[compact('ทาจิกิสถาณ')],
	);
	assert.ok(programmeColumns - before <= 4 * pattern.length + 8, `${programmeColumns - before} columns for a ${text.length}-unit text`);
});
