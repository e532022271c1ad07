import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {WordBoundaries} from '../../source/entities/words.js';

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
