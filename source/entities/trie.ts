// A character trie for finding many literal trigger words (titles, head words, place names) in one
// pass over an article: a regular expression with hundreds of Thai alternatives tries each one at
// every position, the trie follows one path.
//
// The trigger scan walks it at every Thai letter of every article, so the walk must be cheap: words
// go in as a Map per node, and the first lookup freezes the trie into flat arrays (a Map lookup per
// character was over half of the scan's own time). The root's children are one dense table over Thai
// letters and ASCII (every walk starts there); a deeper node has few children (one for 3 of 4 nodes
// of the trigger trie), kept side by side and scanned.

interface BuildNode {
	next: Map<number, number>;
}

export interface TrieMatch<V> {
	end: number;
	values: V[];
}

const NO_MATCHES: ReadonlyArray<TrieMatch<unknown>> = Object.freeze([]);
const NONE = -1;
/** Dense root slots: U+0E00–U+0E7F, then U+0000–U+007F. */
const ROOT_SLOTS = 256;
/** Nodes with more children than this get a dense table of their Thai children. */
const DENSE_FROM = 4;

function rootSlot(c: number): number {
	if (c >= 0x0e00 && c < 0x0e80) return c - 0x0e00;
	if (c < 0x80) return 128 + c;
	return NONE;
}

export class Trie<V> {
	/** While words are added: each node's children by character code. */
	private building: BuildNode[] = [{next: new Map()}];
	private nodeValues: Array<V[] | undefined> = [undefined];
	private frozen = false;
	/** Frozen: the root's child for each dense slot (-1: none), and for other characters. */
	private rootDense = new Int32Array(0);
	private rootOther = new Map<number, number>();
	/** Frozen: node k's children are edges edgeStart[k] … edgeStart[k + 1] - 1. */
	private edgeStart = new Int32Array(0);
	private edgeCode = new Uint16Array(0);
	private edgeChild = new Int32Array(0);
	/** Frozen: for a node with many children, where its dense table of Thai children starts in `denseChild` (-1: none). */
	private denseAt = new Int32Array(0);
	private denseChild = new Int32Array(0);
	/** Frozen: 1 where a word ends at the node (a byte read; most nodes a walk passes end none). */
	private ends = new Uint8Array(0);

	add(word: string, value: V): void {
		const nodes = this.building;
		this.frozen = false;
		let node = 0;
		for (let i = 0; i < word.length; i++) {
			const c = word.charCodeAt(i);
			let child = nodes[node]!.next.get(c);
			if (child === undefined) {
				child = nodes.length;
				nodes.push({next: new Map()});
				this.nodeValues.push(undefined);
				nodes[node]!.next.set(c, child);
			}
			node = child;
		}
		(this.nodeValues[node] ??= []).push(value);
	}

	/** Lays the trie out flat (again, if words were added since). */
	private freeze(): void {
		const nodes = this.building;
		this.rootDense = new Int32Array(ROOT_SLOTS).fill(NONE);
		this.rootOther = new Map();
		for (const [c, child] of nodes[0]!.next) {
			const slot = rootSlot(c);
			if (slot === NONE) this.rootOther.set(c, child);
			else this.rootDense[slot] = child;
		}
		this.edgeStart = new Int32Array(nodes.length + 1);
		let edges = 0;
		for (let k = 0; k < nodes.length; k++) {
			this.edgeStart[k] = edges;
			if (k > 0) edges += nodes[k]!.next.size;
		}
		this.edgeStart[nodes.length] = edges;
		this.edgeCode = new Uint16Array(edges);
		this.edgeChild = new Int32Array(edges);
		for (let k = 1; k < nodes.length; k++) {
			let e = this.edgeStart[k]!;
			for (const [c, child] of nodes[k]!.next) {
				this.edgeCode[e] = c;
				this.edgeChild[e++] = child;
			}
		}
		// Nodes near the root have tens of children (every letter that can follow ป, ก…): scanning
		// them cost more than the rest of the walk, so they get a dense table of Thai letters too.
		this.denseAt = new Int32Array(nodes.length).fill(NONE);
		let tables = 0;
		for (let k = 1; k < nodes.length; k++) if (nodes[k]!.next.size > DENSE_FROM) this.denseAt[k] = 128 * tables++;
		this.denseChild = new Int32Array(128 * tables).fill(NONE);
		for (let k = 1; k < nodes.length; k++) {
			const at = this.denseAt[k]!;
			if (at === NONE) continue;
			for (const [c, child] of nodes[k]!.next) if (c >= 0x0e00 && c < 0x0e80) this.denseChild[at + c - 0x0e00] = child;
		}
		this.ends = Uint8Array.from(this.nodeValues, (v) => (v === undefined ? 0 : 1));
		this.frozen = true;
	}

	/** The node reached from the root by character `c`, or -1. */
	private first(c: number): number {
		if (!this.frozen) this.freeze();
		const slot = rootSlot(c);
		return slot === NONE ? (this.rootOther.get(c) ?? NONE) : this.rootDense[slot]!;
	}

	/** The node reached from `node` (not the root) by character `c`, or -1. */
	private child(node: number, c: number): number {
		const dense = this.denseAt[node]!;
		if (dense !== NONE && c >= 0x0e00 && c < 0x0e80) return this.denseChild[dense + c - 0x0e00]!;
		const end = this.edgeStart[node + 1]!;
		for (let e = this.edgeStart[node]!; e < end; e++) if (this.edgeCode[e] === c) return this.edgeChild[e]!;
		return NONE;
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

	/** True when a whole word of the trie starts at `pos` (matchesAt(…).length > 0 without the array). */
	hasWordAt(text: string, pos: number): boolean {
		if (pos >= text.length) return false;
		let node = this.first(text.charCodeAt(pos));
		for (let i = pos + 1; node !== NONE; i++) {
			if (this.ends[node] === 1) return true;
			if (i >= text.length) break;
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

	startsAt(text: string, pos: number): boolean {
		return this.trie.hasWordAt(text, pos);
	}
}
