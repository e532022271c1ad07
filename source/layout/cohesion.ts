// How strongly two adjacent words of Thai hold together, from a table learned from public-domain
// Thai news (bench/build-breaks.ts writes cohesion-data.ts). The wrapper turns it into a cost for
// breaking a line between them: nothing between words that merely meet, more inside frequent
// compounds and between pieces of a word the dictionary did not know.
import {thaiClusterEnd} from '../text/syllables.js';
import {COHESION_LEVELS, PAIR_KEY, PAIR_KEYS, PAIR_LEVELS, TOTAL, WORDS} from './cohesion-data.js';

export {COHESION_LEVELS};

/**
 * A pair missing from the table is free to break only if chance alone would have had the two words
 * meet at least this many times in the corpus (ของ การ); otherwise its absence says nothing.
 */
const EXPECTED_MIN = 2;
/**
 * Levels of a pair the table cannot judge. The dictionary cuts a word it does not know into
 * syllables (โอ|เค, นา|เมน, a name): a pair with an unknown word is most likely such pieces, two
 * short known words (one syllable each) may be, two longer known words rarely are.
 */
export const UNSEEN_UNKNOWN = 4;
export const UNSEEN_SHORT = 3;
export const UNSEEN_KNOWN = 2;

/** Word ids: the table's line numbers. */
let ids: Map<string, number> | undefined;
/** Count of word id k in the corpus, 0 for words only listed because of a pair. */
let counts = new Int32Array(0);
/** Pair keys a * PAIR_KEY + b, ascending, and their levels. */
let keys = new Int32Array(0);
/** Per id: 1 when the word is one Thai cluster, 0 when not, -1 not worked out yet. */
let single = new Int8Array(0);

function load(): Map<string, number> {
	const table = new Map<string, number>();
	const rows = WORDS.split('\n');
	counts = new Int32Array(rows.length);
	rows.forEach((row, id) => {
		const cut = row.lastIndexOf(' ');
		table.set(row.slice(0, cut), id);
		counts[id] = Number(row.slice(cut + 1));
	});
	const bytes = Buffer.from(PAIR_KEYS, 'base64');
	keys = new Int32Array(bytes.length >> 2);
	for (let k = 0; k < keys.length; k++) keys[k] = bytes.readInt32LE(k * 4);
	single = new Int8Array(rows.length).fill(-1);
	ids = table;
	return table;
}

/** Level of the pair with ids a, b, or -1 when the table does not hold it. */
function pairLevel(a: number, b: number): number {
	const key = a * PAIR_KEY + b;
	let low = 0;
	let high = keys.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const k = keys[mid]!;
		if (k === key) return PAIR_LEVELS.charCodeAt(mid) - 0x30;
		if (k < key) low = mid + 1;
		else high = mid - 1;
	}
	return -1;
}

function isOneSyllable(word: string, id: number): boolean {
	if (single[id]! < 0) single[id] = thaiClusterEnd(word, 0, word.length) === word.length ? 1 : 0;
	return single[id] === 1;
}

/** The table's id of a word, -1 when it has none. */
export function wordId(word: string): number {
	return (ids ?? load()).get(word) ?? -1;
}

/** Was the word (by id) seen often enough in the table's corpus to trust the dictionary's cuts around it? */
export function isKnownId(id: number): boolean {
	return id >= 0 && counts[id]! > 0;
}

/** Cohesion level (0 to COHESION_LEVELS - 1) of Thai word `a` (id `ia`) followed directly by `b` (id `ib`). */
export function cohesionOf(a: string, ia: number, b: string, ib: number): number {
	if (ia >= 0 && ib >= 0) {
		const level = pairLevel(ia, ib);
		if (level >= 0) return level;
	}
	if (!isKnownId(ia) || !isKnownId(ib)) return UNSEEN_UNKNOWN;
	if ((counts[ia]! * counts[ib]!) / TOTAL >= EXPECTED_MIN) return 0;
	return isOneSyllable(a, ia) && isOneSyllable(b, ib) ? UNSEEN_SHORT : UNSEEN_KNOWN;
}

/** Cohesion level (0 to COHESION_LEVELS - 1) of Thai word `a` followed directly by `b`. */
export function cohesion(a: string, b: string): number {
	return cohesionOf(a, wordId(a), b, wordId(b));
}
