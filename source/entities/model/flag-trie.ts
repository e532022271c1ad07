// Listed words matched at every unit of every article, so the walk must be cheap and small: the
// words go in first, then the trie is frozen into flat arrays (the shared Trie keeps a Map per
// node, and returns arrays of matches: fine for the rules, several times slower in this loop).
// The root's children are one dense table (every walk starts there, at every unit), and so are
// those of a node with many (the first letters' nodes: scanned, they cost five reads a step); a
// node with few keeps them side by side, scanned. The whole trie is ~160 KB, so it stays in the
// cache beside the tagger's weights (an open-addressing table of 64 K slots, 512 KB, pushed them
// out). Thai letters and ASCII are enough for the word lists; any other character ends a walk.

function codeOf(c: number): number {
	if (c >= 0x0e00 && c < 0x0e80) return c - 0x0e00;
	if (c < 0x80) return 128 + c;
	return -1;
}

const ALPHABET = 256;
/** A node with this many children or more gets a dense table of them. */
const DENSE_CHILDREN = 8;

export class FlagTrie {
	/** While words are added: each node's children by code. */
	private building: Array<Map<number, number>> | undefined = [new Map()];
	private nodeFlags: number[] = [0];
	/** Frozen: the root's child for each code (-1: none). */
	private root = new Int32Array(0);
	/** Frozen: node k's children are edges edgeStart[k] … edgeStart[k + 1] - 1. */
	private edgeStart = new Int32Array(0);
	private edgeCode = new Uint8Array(0);
	private edgeChild = new Int32Array(0);
	/** Frozen: node k's dense table is dense[denseRow[k] * ALPHABET …] (-1: it has none). */
	private denseRow = new Int32Array(0);
	private dense = new Int32Array(0);
	private flags = new Uint8Array(0);

	/** Adds `word` with `flag` (1–128; flags of one word OR together); words with other characters are skipped. */
	add(word: string, flag: number): void {
		const nodes = this.building;
		if (nodes === undefined) throw new Error('FlagTrie is frozen: words go in before the first walk');
		for (let i = 0; i < word.length; i++) if (codeOf(word.charCodeAt(i)) < 0) return;
		let node = 0;
		for (let i = 0; i < word.length; i++) {
			const code = codeOf(word.charCodeAt(i));
			let next = nodes[node]!.get(code);
			if (next === undefined) {
				next = nodes.length;
				nodes.push(new Map());
				this.nodeFlags.push(0);
				nodes[node]!.set(code, next);
			}
			node = next;
		}
		this.nodeFlags[node]! |= flag;
	}

	/** Lays the trie out flat; called by the first walk. */
	private freeze(): void {
		const nodes = this.building!;
		this.building = undefined;
		this.root = new Int32Array(ALPHABET).fill(-1);
		for (const [code, child] of nodes[0]!) this.root[code] = child;
		this.edgeStart = new Int32Array(nodes.length + 1);
		let edges = 0;
		for (let k = 0; k < nodes.length; k++) {
			this.edgeStart[k] = edges;
			if (k > 0) edges += nodes[k]!.size;
		}
		this.edgeStart[nodes.length] = edges;
		this.edgeCode = new Uint8Array(edges);
		this.edgeChild = new Int32Array(edges);
		for (let k = 1; k < nodes.length; k++) {
			let e = this.edgeStart[k]!;
			for (const [code, child] of nodes[k]!) {
				this.edgeCode[e] = code;
				this.edgeChild[e++] = child;
			}
		}
		this.denseRow = new Int32Array(nodes.length).fill(-1);
		const many = nodes.flatMap((children, k) => (k > 0 && children.size >= DENSE_CHILDREN ? [k] : []));
		this.dense = new Int32Array(many.length * ALPHABET).fill(-1);
		many.forEach((k, row) => {
			this.denseRow[k] = row;
			for (const [code, child] of nodes[k]!) this.dense[row * ALPHABET + code] = child;
		});
		this.flags = Uint8Array.from(this.nodeFlags);
	}

	/** The node reached from `node` by `code`, or -1. */
	child(node: number, code: number): number {
		if (node === 0) {
			if (this.building !== undefined) this.freeze();
			return this.root[code]!;
		}
		const row = this.denseRow[node]!;
		if (row >= 0) return this.dense[row * ALPHABET + code]!;
		const end = this.edgeStart[node + 1]!;
		for (let e = this.edgeStart[node]!; e < end; e++) if (this.edgeCode[e] === code) return this.edgeChild[e]!;
		return -1;
	}

	/** The flags of the words ending at `node` (0 when none). */
	flagsAt(node: number): number {
		return this.flags[node]!;
	}

	/** The trie's code for a character (-1: no word holds it). */
	static code(c: number): number {
		return codeOf(c);
	}
}
