import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {WordBoundaries} from '../../source/entities/words.js';
import {pushWordStarts} from '../../source/text/words.js';

// WordBoundaries keeps the last two phrases it was asked about, to answer again without scanning
// for them: in whatever order positions are asked about, the answers must be those of a fresh
// instance that has seen no question before.
const pieces = fc.constantFrom('นาย', 'สมชาย', 'กล่าว', 'ว่า', 'ประเทศไทย', 'กระทรวง', 'การ', 'คลัง', 'ABC', '12', '.', ' ', ' ', '\n');
const text = fc.array(pieces, {minLength: 1, maxLength: 120}).map((a) => a.join(''));

describe('WordBoundaries', () => {
	it('answers as a fresh instance would, in any order of questions', () => {
		fc.assert(
			fc.property(text, fc.array(fc.nat(), {minLength: 1, maxLength: 60}), (t, asks) => {
				const words = new WordBoundaries(t);
				for (const a of asks) {
					const pos = a % (t.length + 1);
					const fresh = new WordBoundaries(t);
					assert.equal(words.isBoundary(pos), fresh.isBoundary(pos), `isBoundary ${pos}`);
					assert.equal(words.wordAt(pos), new WordBoundaries(t).wordAt(pos), `wordAt ${pos}`);
					assert.equal(words.wordBefore(pos), new WordBoundaries(t).wordBefore(pos), `wordBefore ${pos}`);
					const to = Math.min(t.length, pos + 30);
					assert.deepEqual(words.boundsBetween(pos, to), new WordBoundaries(t).boundsBetween(pos, to), `boundsBetween ${pos}`);
				}
			}),
		);
	});

	it('gives a phrase of a long run without spaces the same pieces whatever was asked before', () => {
		const run = 'กระทรวงการคลัง'.repeat(40); // 560 characters: cut into pieces of 240
		const t = `นาย ${run} กล่าว`;
		const words = new WordBoundaries(t);
		for (const pos of [700, 5, 300, 600, 250, 4, 10, 580]) {
			assert.deepEqual(words.phraseAt(pos), new WordBoundaries(t).phraseAt(pos), `phrase at ${pos}`);
		}
	});
});

// A phrase over 64 characters is segmented where it is asked about (containing() at that place),
// not walked from its start: the answers must be those of the whole walk, asked in any order.
describe('WordBoundaries on long phrases', () => {
	const longPieces = fc.constantFrom('นาย', 'สมชาย', 'กล่าว', 'ว่า', 'ประเทศไทย', 'กระทรวง', 'การ', 'คลัง', 'ABC', '12', '.', 'เมื่อวันที่', 'ฯ');
	// 65 to 239 characters: one phrase (a run is cut into phrases of 240, its end then a new one's start).
	const longRun = fc.array(longPieces, {minLength: 25, maxLength: 90}).map((a) => a.join('').slice(0, 239));

	/** The answers from every word start of the phrase, as pushWordStarts walks them. */
	function walked(t: string, start: number, end: number) {
		const offsets = pushWordStarts(t.slice(start, end), start, [start]);
		offsets.push(end);
		const at = (pos: number): number => offsets.indexOf(pos);
		return {
			isBoundary: (pos: number) => pos <= start || pos >= end || at(pos) >= 0,
			wordAt: (pos: number) => (at(pos) >= 0 && at(pos) + 1 < offsets.length ? t.slice(pos, offsets[at(pos) + 1]) : ''),
			wordBefore: (pos: number) => (at(pos) > 0 ? t.slice(offsets[at(pos) - 1], pos) : ''),
			boundsBetween: (from: number, to: number) => offsets.filter((o) => o > from && o <= Math.min(to, end)),
			firstBoundAfter: (from: number, to: number) => offsets.find((o) => o > from && o <= Math.min(to, end)) ?? -1,
		};
	}

	it('answers as the whole walk does, in any order of questions', () => {
		fc.assert(
			fc.property(longRun, fc.array(fc.nat(), {minLength: 1, maxLength: 80}), (run, asks) => {
				const t = `ก ${run} ข`;
				const start = 2;
				const end = start + run.length;
				const ref = walked(t, start, end);
				const words = new WordBoundaries(t);
				for (const a of asks) {
					const pos = start + (a % (end - start + 1));
					const to = Math.min(end, pos + 1 + (a % 40));
					assert.equal(words.isBoundary(pos), ref.isBoundary(pos), `isBoundary ${pos}`);
					assert.equal(words.wordAt(pos), ref.wordAt(pos), `wordAt ${pos}`);
					assert.equal(words.wordBefore(pos), ref.wordBefore(pos), `wordBefore ${pos}`);
					assert.deepEqual(words.boundsBetween(pos, to), ref.boundsBetween(pos, to), `boundsBetween ${pos}`);
					assert.equal(words.firstBoundAfter(pos, to), ref.firstBoundAfter(pos, to), `firstBoundAfter ${pos}`);
				}
				assert.deepEqual(
					words.phraseAt(start + 1).offsets.map((o) => start + o),
					[...walked(t, start, end).boundsBetween(start - 1, end)],
				);
			}),
		);
	});

	// What is known of a short phrase's words is shared by every text that has it (a memo): the
	// questions one text asked must not change the answers another gets.
	it('answers about a short phrase shared by several texts as the whole walk does', () => {
		const shortRun = fc.array(longPieces, {minLength: 2, maxLength: 12}).map((a) => a.join('').slice(0, 64));
		fc.assert(
			fc.property(shortRun, fc.array(fc.nat(), {minLength: 1, maxLength: 40}), (run, asks) => {
				const texts = [`ก ${run} ข`, `${run} ค`, `ง ${run}`];
				const starts = [2, 0, 2];
				const boundaries = texts.map((t) => new WordBoundaries(t));
				for (const [n, a] of asks.entries()) {
					const which = n % 3;
					const t = texts[which]!;
					const start = starts[which]!;
					const ref = walked(t, start, start + run.length);
					const words = boundaries[which]!;
					const pos = start + (a % (run.length + 1));
					const to = Math.min(start + run.length, pos + 1 + (a % 20));
					assert.equal(words.isBoundary(pos), ref.isBoundary(pos), `isBoundary ${pos}`);
					assert.equal(words.wordAt(pos), ref.wordAt(pos), `wordAt ${pos}`);
					assert.equal(words.wordBefore(pos), ref.wordBefore(pos), `wordBefore ${pos}`);
					assert.equal(words.firstBoundAfter(pos, to), ref.firstBoundAfter(pos, to), `firstBoundAfter ${pos}`);
				}
			}),
		);
	});
});
