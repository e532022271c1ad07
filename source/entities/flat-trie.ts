// The one character trie of entity detection, built with a Map per node and then frozen into flat
// arrays for the walk: the rules' trigger scan (trie.ts) and the tagger's lexicon features
// (model/flag-trie.ts) walk it at every Thai letter of every article, and a Map lookup per
// character was over half of the scan's own time. What a word ends at (values, flags) is kept by
// those users, per node; this file only answers "which node does character c lead to".
//
// Layout: a double array. Thai letters and ASCII have a slot each (256 of them); node k's child by
// the character of slot s is in cell base[k] + s when that cell's owner is k, so one step is two
// reads and a comparison whatever the node (the bases are chosen so that no two nodes' children
// share a cell). Before, a node with few children (3 of 4 nodes) kept them side by side, scanned,
// and the first letters' nodes a 1 KB table each: the walks were a fifth of detection's time.
// Characters without a slot (Latin with accents, CJK, curly quotes) are side-by-side edges of their
// node, scanned. The cells of the lexicon's 12,000 nodes take about 100 KB, beside the tagger's weights in the cache.

/** Slots: U+0E00–U+0E7F, then U+0000–U+007F. */
export const DENSE_SLOTS = 256;
const NONE = -1;

/** The slot of character `c`, or -1 when it has none. */
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

	/** The flat layout of the words so far. */
	freeze(): FlatTrie {
		return new FlatTrie(this.next);
	}
}

export class FlatTrie {
	/** Node k's children with a slot are in cells base[k] + slot. */
	private readonly base: Int32Array;
	/** Two numbers a cell: the node it belongs to (-1: none), then the child there. */
	private readonly cells: Int32Array;
	/** Node k's children without a slot are edges edgeStart[k] … edgeStart[k + 1] - 1. */
	private readonly edgeStart: Int32Array;
	private readonly edgeCode: Uint16Array;
	private readonly edgeChild: Int32Array;

	constructor(nodes: ReadonlyArray<ReadonlyMap<number, number>>) {
		const n = nodes.length;
		this.base = new Int32Array(n);
		// Each node's children go to the first base where all their cells are free (first fit).
		let owner = new Int32Array(Math.max(2 * DENSE_SLOTS, 2 * n)).fill(NONE);
		let child = new Int32Array(owner.length);
		// The search starts at the first free cell past the first 256: a cell below that only a node
		// with a child in a low slot can take stays free for good, and searching from it made the
		// layout quadratic (seconds for the lexicon). At most 256 cells are left unused.
		let firstFree = DENSE_SLOTS;
		let top = 0;
		for (let k = 0; k < n; k++) {
			const slots: number[] = [];
			for (const c of nodes[k]!.keys()) if (denseSlot(c) !== NONE) slots.push(denseSlot(c));
			if (slots.length === 0) continue;
			slots.sort((a, b) => a - b);
			let b = Math.max(0, firstFree - slots[0]!);
			for (;;) {
				if (b + DENSE_SLOTS > owner.length) {
					const more = new Int32Array(owner.length * 2).fill(NONE);
					more.set(owner);
					owner = more;
					const children = new Int32Array(more.length);
					children.set(child);
					child = children;
				}
				if (slots.every((slot) => owner[b + slot] === NONE)) break;
				b++;
			}
			this.base[k] = b;
			for (const [c, next] of nodes[k]!) {
				const slot = denseSlot(c);
				if (slot === NONE) continue;
				owner[b + slot] = k;
				child[b + slot] = next;
			}
			top = Math.max(top, b);
			while (owner[firstFree] !== NONE) firstFree++;
		}
		// Every node's base + any slot is a cell (no read past the end: V8 leaves its fast path there).
		const size = top + DENSE_SLOTS;
		this.cells = new Int32Array(2 * size);
		for (let p = 0; p < size; p++) {
			this.cells[2 * p] = owner[p]!;
			this.cells[2 * p + 1] = child[p]!;
		}
		this.edgeStart = new Int32Array(n + 1);
		let edges = 0;
		for (let k = 0; k < n; k++) {
			this.edgeStart[k] = edges;
			for (const c of nodes[k]!.keys()) if (denseSlot(c) === NONE) edges++;
		}
		this.edgeStart[n] = edges;
		this.edgeCode = new Uint16Array(edges);
		this.edgeChild = new Int32Array(edges);
		for (let k = 0; k < n; k++) {
			let e = this.edgeStart[k]!;
			for (const [c, next] of nodes[k]!) {
				if (denseSlot(c) !== NONE) continue;
				this.edgeCode[e] = c;
				this.edgeChild[e++] = next;
			}
		}
	}

	/**
	 * The node reached from `node` by character `c`, or -1 (0 is the root). Kept small (the scan of
	 * side-by-side edges is apart) so that V8 inlines it into the walks under the pool's inlining
	 * budget (INLINING_BUDGET): at 196 bytes of bytecode it was a call at every step of the lexicon's walk.
	 */
	child(node: number, c: number): number {
		const slot = c >= 0x0e00 && c < 0x0e80 ? c - 0x0e00 : c < 0x80 ? 128 + c : NONE;
		if (slot === NONE) return this.edgeTo(node, c);
		const p = (this.base[node]! + slot) << 1;
		return this.cells[p] === node ? this.cells[p + 1]! : NONE;
	}

	/** child() for a character without a slot: the node's side-by-side edges, scanned. */
	private edgeTo(node: number, c: number): number {
		const end = this.edgeStart[node + 1]!;
		for (let e = this.edgeStart[node]!; e < end; e++) if (this.edgeCode[e] === c) return this.edgeChild[e]!;
		return NONE;
	}
}
