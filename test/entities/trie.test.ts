import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {PrefixSet, SuffixSet, Trie} from '../../source/entities/trie.js';

// The trie is frozen into flat arrays on its first lookup (a dense table at the root and at nodes
// with many children, side-by-side edges elsewhere): it must answer as a plain list of words would.
const letters = fc.constantFrom('ก', 'ข', 'ค', 'ง', 'จ', 'ฉ', 'า', 'ี', '่', '.', ' ', 'a', 'B', 'é', '中');
const str = (min: number, max: number) => fc.array(letters, {minLength: min, maxLength: max}).map((a) => a.join(''));

function naiveMatches(words: string[], text: string, pos: number): Array<{end: number; values: number[]}> {
	const ends = new Map<number, number[]>();
	words.forEach((w, k) => {
		if (w !== '' && text.startsWith(w, pos)) ends.set(pos + w.length, [...(ends.get(pos + w.length) ?? []), k]);
	});
	return [...ends].sort((a, b) => a[0] - b[0]).map(([end, values]) => ({end, values}));
}

describe('Trie', () => {
	it('finds every listed word starting at a position, shortest first, with its values in order', () => {
		fc.assert(
			fc.property(fc.array(str(1, 4), {maxLength: 40}), str(0, 30), (words, text) => {
				const trie = new Trie<number>();
				words.forEach((w, k) => trie.add(w, k));
				for (let pos = 0; pos <= text.length; pos++) {
					const expected = naiveMatches(words, text, pos);
					assert.deepEqual(trie.matchesAt(text, pos), expected);
					assert.equal(trie.hasWordAt(text, pos), expected.length > 0);
					assert.equal(
						trie.startsAt(text, pos),
						words.some((w) => w[0] === text[pos]),
					);
				}
				words.forEach((w) =>
					assert.deepEqual(
						trie.get(w),
						words.flatMap((x, k) => (x === w ? [k] : [])),
					),
				);
			}),
		);
	});

	it('takes words added after a lookup (it lays itself out again)', () => {
		const trie = new Trie<string>();
		trie.add('กข', 'a');
		assert.deepEqual(trie.matchesAt('กขค', 0), [{end: 2, values: ['a']}]);
		trie.add('กขค', 'b');
		assert.deepEqual(trie.matchesAt('กขค', 0), [
			{end: 2, values: ['a']},
			{end: 3, values: ['b']},
		]);
	});

	it('uses a dense table for a node with many children and finds each of them', () => {
		const trie = new Trie<number>();
		const seconds = 'กขคงจฉชซ';
		[...seconds].forEach((c, k) => trie.add(`ป${c}`, k));
		[...seconds].forEach((c, k) => assert.deepEqual(trie.matchesAt(`ป${c}`, 0), [{end: 2, values: [k]}]));
		assert.deepEqual(trie.matchesAt('ปa', 0), []);
	});
});

describe('SuffixSet and PrefixSet', () => {
	it('find the longest listed word ending at a position, and whether one starts there', () => {
		fc.assert(
			fc.property(fc.array(str(1, 4), {maxLength: 30}), str(0, 25), (words, text) => {
				const suffixes = new SuffixSet(words);
				const prefixes = new PrefixSet(words);
				for (let pos = 0; pos <= text.length; pos++) {
					const longest = Math.max(0, ...words.filter((w) => pos - w.length >= 0 && text.slice(pos - w.length, pos) === w).map((w) => w.length));
					assert.equal(suffixes.endingAt(text, pos), longest);
					assert.equal(
						prefixes.startsAt(text, pos),
						words.some((w) => text.startsWith(w, pos)),
					);
				}
			}),
		);
	});
});
