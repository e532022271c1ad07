// A character trie for finding many literal trigger words (titles, head words, place names) in one
// pass over an article: a regular expression with hundreds of Thai alternatives tries each one at
// every position, the trie follows one path. Its walk is flat-trie.ts's (frozen on the first lookup,
// again after words are added); the values of the words ending at each node are kept here.

import {type FlatTrie, TrieBuilder} from './flat-trie.js';

export interface TrieMatch<V> {
	end: number;
	values: V[];
}

const NO_MATCHES: ReadonlyArray<TrieMatch<unknown>> = Object.freeze([]);
const NONE = -1;

export class Trie<V> {
	private readonly building = new TrieBuilder();
	private nodeValues: Array<V[] | undefined> = [undefined];
	/** The flat layout, undefined while words are being added. */
	private flat: FlatTrie | undefined;
	/** Frozen: 1 where a word ends at the node (a byte read; most nodes a walk passes end none). */
	private ends = new Uint8Array(0);

	add(word: string, value: V): void {
		this.flat = undefined;
		const node = this.building.insert(word);
		while (this.nodeValues.length < this.building.nodes) this.nodeValues.push(undefined);
		(this.nodeValues[node] ??= []).push(value);
	}

	/** The flat layout (laid out again if words were added since). */
	private walk(): FlatTrie {
		if (this.flat === undefined) {
			this.flat = this.building.freeze();
			this.ends = Uint8Array.from(this.nodeValues, (v) => (v === undefined ? 0 : 1));
		}
		return this.flat;
	}

	/** The node reached from the root by character `c`, or -1. */
	private first(c: number): number {
		return this.walk().child(0, c);
	}

	/** The node reached from `node` (not the root) by character `c`, or -1; after `first`. */
	private child(node: number, c: number): number {
		return this.flat!.child(node, c);
	}

	/** Every word of the trie that starts at `pos`, shortest first. */
	matchesAt(text: string, pos: number): Array<TrieMatch<V>> {
		let out: Array<TrieMatch<V>> = NO_MATCHES as Array<TrieMatch<V>>;
		if (pos >= text.length) return out;
		let node = this.first(text.charCodeAt(pos));
		let i = pos + 1;
		while (node !== NONE) {
			if (this.ends[node] === 1) {
				if (out === NO_MATCHES) out = [];
				out.push({end: i, values: this.nodeValues[node]!});
			}
			if (i >= text.length) break;
			node = this.child(node, text.charCodeAt(i));
			i++;
		}
		return out;
	}

	/**
	 * `matchesAt` without an object a match, for the trigger scan, which asks at almost every Thai
	 * letter: the ends of the words that start at `pos`, shortest first, go into `ends` and their
	 * nodes (for `valuesAt`) into `nodes`, both reused by the caller; returns how many.
	 */
	matchEndsAt(text: string, pos: number, ends: number[], nodes: number[]): number {
		let count = 0;
		if (pos >= text.length) return count;
		let node = this.first(text.charCodeAt(pos));
		let i = pos + 1;
		while (node !== NONE) {
			if (this.ends[node] === 1) {
				ends[count] = i;
				nodes[count++] = node;
			}
			if (i >= text.length) break;
			node = this.child(node, text.charCodeAt(i));
			i++;
		}
		return count;
	}

	/** The values of the word ending at `node` (a node from `matchEndsAt`). */
	valuesAt(node: number): V[] {
		return this.nodeValues[node]!;
	}

	/**
	 * True when a whole word of the trie starts at `pos` and ends in [minEnd, maxEnd]
	 * (matchesAt(…).some(…) without the array, nor a slice and a lookup per end tried).
	 */
	hasWordAt(text: string, pos: number, minEnd = pos, maxEnd = text.length): boolean {
		const last = Math.min(maxEnd, text.length);
		if (pos >= last) return false;
		let node = this.first(text.charCodeAt(pos));
		for (let i = pos + 1; node !== NONE; i++) {
			if (this.ends[node] === 1 && i >= minEnd) return true;
			if (i >= last) break;
			node = this.child(node, text.charCodeAt(i));
		}
		return false;
	}

	/** True when some word starts with the character at `pos` (a cheap pre-check). */
	startsAt(text: string, pos: number): boolean {
		return pos < text.length && this.first(text.charCodeAt(pos)) !== NONE;
	}

	/** The values stored for exactly `word`. */
	get(word: string): V[] | undefined {
		if (word.length === 0) return this.nodeValues[0];
		let node = this.first(word.charCodeAt(0));
		for (let i = 1; i < word.length && node !== NONE; i++) node = this.child(node, word.charCodeAt(i));
		return node === NONE ? undefined : this.nodeValues[node];
	}

	/**
	 * The length of the longest word that, read backwards, ends at text[pos - 1] and runs down to
	 * lower offsets (for a trie of reversed words: SuffixSet), 0 when none.
	 */
	longestBackwardsFrom(text: string, pos: number): number {
		let best = 0;
		let i = pos - 1;
		if (i < 0) return 0;
		let node = this.first(text.charCodeAt(i));
		while (node !== NONE) {
			if (this.ends[node] === 1) best = pos - i;
			i--;
			if (i < 0) break;
			node = this.child(node, text.charCodeAt(i));
		}
		return best;
	}
}

/** Words matched backwards from a position: "does one of these words end right here?" */
export class SuffixSet {
	private readonly trie = new Trie<true>();

	constructor(words: Iterable<string>) {
		for (const w of words) if (w !== '') this.trie.add([...w].reverse().join(''), true);
	}

	/** The length of the longest listed word ending at `pos` (0 when none). */
	endingAt(text: string, pos: number): number {
		return this.trie.longestBackwardsFrom(text, pos);
	}
}

/** Words matched forwards: "does one of these words start right here?" */
export class PrefixSet {
	private readonly trie = new Trie<true>();

	constructor(words: Iterable<string>) {
		for (const w of words) if (w !== '') this.trie.add(w, true);
	}

	/** Some listed word starts at `pos` (and, when given, ends in [minEnd, maxEnd]). */
	startsAt(text: string, pos: number, minEnd = pos, maxEnd = text.length): boolean {
		return this.trie.hasWordAt(text, pos, minEnd, maxEnd);
	}
}
