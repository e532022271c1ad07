// The one character trie of entity detection, built with a Map per node and then frozen into flat
// arrays for the walk: the rules' trigger scan (trie.ts) and the tagger's lexicon features
// (model/flag-trie.ts) walk it at every Thai letter of every article, and a Map lookup per
// character was over half of the scan's own time. What a word ends at (values, flags) is kept by
// those users, per node; this file only answers "which node does character c lead to".
//
// Layout: a node with many children (the root always: every walk starts there; and the first
// letters' nodes, with tens of children) gets a dense table over Thai letters and ASCII, read in one
// step; a node with few (one for 3 of 4 nodes of the trigger trie) keeps them side by side, scanned.
// Characters outside the table (Latin with accents, CJK, curly quotes) are side-by-side edges of
// their node in both cases. Thai letters and ASCII fill 256 slots, so a table is 1 KB and the whole
// lexicon trie stays small enough to sit in the cache beside the tagger's weights.

/** Dense slots: U+0E00–U+0E7F, then U+0000–U+007F. */
export const DENSE_SLOTS = 256;
const NONE = -1;

/** The dense slot of character `c`, or -1 when it has none. */
export function denseSlot(c: number): number {
	if (c >= 0x0e00 && c < 0x0e80) return c - 0x0e00;
	if (c < 0x80) return 128 + c;
	return NONE;
}

/** Words going in: each node's children by character code; node 0 is the root. */
export class TrieBuilder {
	private readonly next: Array<Map<number, number>> = [new Map()];

	get nodes(): number {
		return this.next.length;
	}

	/** The node `word` ends at, made along with the nodes before it as needed. */
	insert(word: string): number {
		const nodes = this.next;
		let node = 0;
		for (let i = 0; i < word.length; i++) {
			const c = word.charCodeAt(i);
			let child = nodes[node]!.get(c);
			if (child === undefined) {
				child = nodes.length;
				nodes.push(new Map());
				nodes[node]!.set(c, child);
			}
			node = child;
		}
		return node;
	}

	/** The flat layout of the words so far; nodes with `denseFrom` children or more (and the root) get a table. */
	freeze(denseFrom: number): FlatTrie {
		return new FlatTrie(this.next, denseFrom);
	}
}

export class FlatTrie {
	/** Node k's table is dense[denseRow[k] * DENSE_SLOTS …] (-1: it has none; the root's is row 0). */
	private readonly denseRow: Int32Array;
	private readonly dense: Int32Array;
	/** Node k's other children are edges edgeStart[k] … edgeStart[k + 1] - 1. */
	private readonly edgeStart: Int32Array;
	private readonly edgeCode: Uint16Array;
	private readonly edgeChild: Int32Array;

	constructor(nodes: ReadonlyArray<ReadonlyMap<number, number>>, denseFrom: number) {
		const n = nodes.length;
		this.denseRow = new Int32Array(n).fill(NONE);
		let rows = 0;
		for (let k = 0; k < n; k++) if (k === 0 || nodes[k]!.size >= denseFrom) this.denseRow[k] = rows++;
		this.dense = new Int32Array(rows * DENSE_SLOTS).fill(NONE);
		// A child goes in its node's table when it has a slot there, else on the side-by-side edges.
		const onEdge = (k: number, c: number): boolean => this.denseRow[k] === NONE || denseSlot(c) === NONE;
		this.edgeStart = new Int32Array(n + 1);
		let edges = 0;
		for (let k = 0; k < n; k++) {
			this.edgeStart[k] = edges;
			for (const c of nodes[k]!.keys()) if (onEdge(k, c)) edges++;
		}
		this.edgeStart[n] = edges;
		this.edgeCode = new Uint16Array(edges);
		this.edgeChild = new Int32Array(edges);
		for (let k = 0; k < n; k++) {
			let e = this.edgeStart[k]!;
			const row = this.denseRow[k]!;
			for (const [c, child] of nodes[k]!) {
				if (onEdge(k, c)) {
					this.edgeCode[e] = c;
					this.edgeChild[e++] = child;
				} else this.dense[row * DENSE_SLOTS + denseSlot(c)] = child;
			}
		}
	}

	/** The node reached from `node` by character `c`, or -1 (0 is the root). */
	child(node: number, c: number): number {
		const row = this.denseRow[node]!;
		if (row !== NONE) {
			const slot = c >= 0x0e00 && c < 0x0e80 ? c - 0x0e00 : c < 0x80 ? 128 + c : NONE;
			if (slot !== NONE) return this.dense[row * DENSE_SLOTS + slot]!;
		}
		const end = this.edgeStart[node + 1]!;
		for (let e = this.edgeStart[node]!; e < end; e++) if (this.edgeCode[e] === c) return this.edgeChild[e]!;
		return NONE;
	}
}
