// The tagger's listed words (titles, head words, places, function and common words) with a flag per
// word, matched at every unit of every article: the walk is flat-trie.ts's, the one the rules use,
// and the flags of the words ending at each node are one byte each. Words go in first; the first
// walk freezes the trie. Thai letters and ASCII are enough for the word lists: a word with any other
// character is left out, so such a character ends every walk.

import {type FlatTrie, TrieBuilder, denseSlot} from '../flat-trie.js';

export class FlagTrie {
	private building: TrieBuilder | undefined = new TrieBuilder();
	private nodeFlags: number[] = [0];
	private flat: FlatTrie | undefined;
	private flags = new Uint8Array(0);

	/** Adds `word` with `flag` (1–128; flags of one word OR together); words with other characters are skipped. */
	add(word: string, flag: number): void {
		const building = this.building;
		if (building === undefined) throw new Error('FlagTrie is frozen: words go in before the first walk');
		for (let i = 0; i < word.length; i++) if (denseSlot(word.charCodeAt(i)) < 0) return;
		const node = building.insert(word);
		while (this.nodeFlags.length < building.nodes) this.nodeFlags.push(0);
		this.nodeFlags[node]! |= flag;
	}

	/** The trie to walk from its root (node 0), frozen on the first call. */
	walk(): FlatTrie {
		if (this.flat === undefined) {
			this.flat = this.building!.freeze();
			this.building = undefined;
			this.flags = Uint8Array.from(this.nodeFlags);
		}
		return this.flat;
	}

	/** The flags of the words ending at `node` (0 when none). */
	flagsAt(node: number): number {
		return this.flags[node]!;
	}
}
