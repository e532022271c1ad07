// Listed words matched at every unit of every article, so the walk must be cheap: transitions live
// in one open-addressing table of integers (the shared Trie keeps a Map per node, and returns
// arrays of matches: fine for the rules, several times slower in this loop). Thai letters and
// ASCII are enough for the word lists; any other character ends a walk.

const EMPTY = -1;

function codeOf(c: number): number {
	if (c >= 0x0e00 && c < 0x0e80) return c - 0x0e00;
	if (c < 0x80) return 128 + c;
	return -1;
}

export class FlagTrie {
	private keys: Int32Array;
	private children: Int32Array;
	private flags: number[] = [0];
	private mask: number;
	private used = 0;

	constructor(capacityBits = 16) {
		this.keys = new Int32Array(1 << capacityBits).fill(EMPTY);
		this.children = new Int32Array(1 << capacityBits);
		this.mask = (1 << capacityBits) - 1;
	}

	private slot(key: number): number {
		let s = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
		while (this.keys[s] !== EMPTY && this.keys[s] !== key) s = (s + 1) & this.mask;
		return s;
	}

	/** The node reached from `node` by `code`, or -1. */
	child(node: number, code: number): number {
		const key = node * 256 + code;
		let s = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
		for (;;) {
			const k = this.keys[s]!;
			if (k === key) return this.children[s]!;
			if (k === EMPTY) return -1;
			s = (s + 1) & this.mask;
		}
	}

	/** Adds `word` with `flag` (flags of one word OR together); words with other characters are skipped. */
	add(word: string, flag: number): void {
		let node = 0;
		for (let i = 0; i < word.length; i++) {
			const code = codeOf(word.charCodeAt(i));
			if (code < 0) return;
			const key = node * 256 + code;
			const s = this.slot(key);
			if (this.keys[s] === EMPTY) {
				if (++this.used * 2 > this.mask) throw new Error('FlagTrie is full');
				this.keys[s] = key;
				this.children[s] = this.flags.length;
				this.flags.push(0);
			}
			node = this.children[s]!;
		}
		this.flags[node]! |= flag;
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
