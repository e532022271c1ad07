// A character trie for finding many literal trigger words (titles, head words, place names) in one
// pass over an article: a regular expression with hundreds of Thai alternatives tries each one at
// every position, the trie follows one path.

interface TrieNode<V> {
	next: Map<number, TrieNode<V>>;
	values?: V[];
}

export interface TrieMatch<V> {
	end: number;
	values: V[];
}

const NO_MATCHES: ReadonlyArray<TrieMatch<unknown>> = Object.freeze([]);

export class Trie<V> {
	readonly root: TrieNode<V> = {next: new Map()};
	/** Direct table for the root's Thai children (U+0E00–U+0E7F), the hot path. */
	private readonly thaiRoot: Array<TrieNode<V> | undefined> = new Array(128).fill(undefined);

	add(word: string, value: V): void {
		let node = this.root;
		for (let i = 0; i < word.length; i++) {
			const c = word.charCodeAt(i);
			let child = node.next.get(c);
			if (child === undefined) {
				child = {next: new Map()};
				node.next.set(c, child);
				if (node === this.root && c >= 0x0e00 && c < 0x0e80) this.thaiRoot[c - 0x0e00] = child;
			}
			node = child;
		}
		(node.values ??= []).push(value);
	}

	/** Every word of the trie that starts at `pos`, shortest first. */
	matchesAt(text: string, pos: number): Array<TrieMatch<V>> {
		let out: Array<TrieMatch<V>> = NO_MATCHES as Array<TrieMatch<V>>;
		const c0 = text.charCodeAt(pos);
		let node = c0 >= 0x0e00 && c0 < 0x0e80 ? this.thaiRoot[c0 - 0x0e00] : this.root.next.get(c0);
		let i = pos + 1;
		while (node !== undefined) {
			if (node.values !== undefined) {
				if (out === NO_MATCHES) out = [];
				out.push({end: i, values: node.values});
			}
			if (i >= text.length) break;
			node = node.next.get(text.charCodeAt(i));
			i++;
		}
		return out;
	}

	/** True when some word starts with the character at `pos` (a cheap pre-check). */
	startsAt(text: string, pos: number): boolean {
		const c0 = text.charCodeAt(pos);
		return (c0 >= 0x0e00 && c0 < 0x0e80 ? this.thaiRoot[c0 - 0x0e00] : this.root.next.get(c0)) !== undefined;
	}

	/** The values stored for exactly `word`. */
	get(word: string): V[] | undefined {
		let node: TrieNode<V> | undefined = this.root;
		for (let i = 0; i < word.length && node !== undefined; i++) node = node.next.get(word.charCodeAt(i));
		return node?.values;
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
		let best = 0;
		let i = pos - 1;
		let node = this.trie.root.next.get(text.charCodeAt(i));
		while (node !== undefined) {
			if (node.values !== undefined) best = pos - i;
			i--;
			if (i < 0) break;
			node = node.next.get(text.charCodeAt(i));
		}
		return best;
	}
}

/** Words matched forwards: "does one of these words start right here?" */
export class PrefixSet {
	private readonly trie = new Trie<true>();

	constructor(words: Iterable<string>) {
		for (const w of words) if (w !== '') this.trie.add(w, true);
	}

	startsAt(text: string, pos: number): boolean {
		return this.trie.matchesAt(text, pos).length > 0;
	}
}
