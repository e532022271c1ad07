import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {TrieBuilder} from '../../source/entities/flat-trie.js';
import {FlagTrie} from '../../source/entities/model/flag-trie.js';
import {PrefixSet, SuffixSet, Trie} from '../../source/entities/trie.js';

// The trie is frozen into flat arrays on its first lookup (a double array over Thai letters and
// ASCII, side-by-side edges for other characters): it must answer as a plain list of words would.
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
				// The scan's buffers, reused from one position to the next (longer matches left behind).
				const ends: number[] = [];
				const nodes: number[] = [];
				for (let pos = 0; pos <= text.length; pos++) {
					const expected = naiveMatches(words, text, pos);
					assert.deepEqual(trie.matchesAt(text, pos), expected);
					const count = trie.matchEndsAt(text, pos, ends, nodes);
					assert.deepEqual(
						Array.from({length: count}, (_, k) => ({end: ends[k], values: trie.valuesAt(nodes[k]!)})),
						expected,
					);
					assert.equal(trie.hasWordAt(text, pos), expected.length > 0);
					// With the end bounded: the same as filtering the matches (insideWord asks this).
					for (let minEnd = pos; minEnd <= text.length + 1; minEnd += 2)
						for (let maxEnd = minEnd; maxEnd <= text.length + 2; maxEnd += 3)
							assert.equal(
								trie.hasWordAt(text, pos, minEnd, maxEnd),
								expected.some((m) => m.end >= minEnd && m.end <= maxEnd),
							);
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

// The rules' Trie and the tagger's FlagTrie walk one flat layout (flat-trie.ts): each must answer
// as a plain list of words, whatever table a node got, for characters outside Thai and ASCII too.
describe('FlatTrie and FlagTrie', () => {
	it('walks to the node of every word and of nothing else', () => {
		fc.assert(
			fc.property(fc.array(str(1, 4), {maxLength: 40}), str(0, 6), (words, probe) => {
				const builder = new TrieBuilder();
				const ends = new Map(words.map((w) => [w, builder.insert(w)]));
				const flat = builder.freeze();
				const walk = (s: string): number => {
					let node = 0;
					for (let i = 0; i < s.length && node >= 0; i++) node = flat.child(node, s.charCodeAt(i));
					return node;
				};
				for (const [w, node] of ends) assert.equal(walk(w), node);
				const prefix = words.some((w) => w.startsWith(probe));
				assert.equal(walk(probe) >= 0, prefix || probe === '');
			}),
		);
	});

	it('ORs the flags of a word, and leaves out words with characters outside Thai and ASCII', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(str(1, 4), fc.constantFrom(1, 2, 4, 128)), {maxLength: 40}), (entries) => {
				const trie = new FlagTrie();
				for (const [w, flag] of entries) trie.add(w, flag);
				const walk = trie.walk();
				const kept = entries.filter(([w]) => /^[\u0e00-\u0e7f\u0000-\u007f]+$/.test(w));
				for (const [w] of entries) {
					let node = 0;
					for (let i = 0; i < w.length && node >= 0; i++) node = walk.child(node, w.charCodeAt(i));
					const expected = kept.filter(([x]) => x === w).reduce((f, [, flag]) => f | flag, 0);
					assert.equal(node >= 0 ? trie.flagsAt(node) : 0, expected);
				}
			}),
		);
	});

	it('finds a child with a slot or without one, and no child a node does not have', () => {
		const builder = new TrieBuilder();
		const seconds = ['ก', 'ข', 'ค', 'ง', 'จ', 'a', 'é', '中'];
		const nodes = seconds.map((c) => builder.insert(`ป${c}`));
		// Other nodes' children fill cells next to these: a cell's owner, not its place, says whose it is.
		for (const c of ['ก', 'ข', 'ฉ', 'b']) builder.insert(`ม${c}`);
		const flat = builder.freeze();
		const p = flat.child(0, 'ป'.charCodeAt(0));
		seconds.forEach((c, k) => assert.equal(flat.child(p, c.charCodeAt(0)), nodes[k]));
		assert.equal(flat.child(p, 'ฉ'.charCodeAt(0)), -1);
		assert.equal(flat.child(p, 'è'.charCodeAt(0)), -1);
		assert.equal(flat.child(0, 'é'.charCodeAt(0)), -1);
		const m = flat.child(0, 'ม'.charCodeAt(0));
		assert.equal(flat.child(m, 'ค'.charCodeAt(0)), -1);
		assert.equal(flat.child(m, 'ฉ'.charCodeAt(0)) >= 0, true);
	});
});
