// How strongly two adjacent words of Thai hold together, from a table learned from public-domain
// Thai news (bench/build-breaks.ts writes cohesion-data.ts). The wrapper turns it into a cost for
// breaking a line between them: nothing between words that merely meet, more inside frequent
// compounds and between pieces of a word the dictionary did not know.
import {thaiClusterEnd} from '../text/syllables.js';
import {COHESION_LEVELS, KNOWN, PAIRS, TOTAL} from './cohesion-data.js';

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

let pairs: Map<string, number> | undefined;
let known: Map<string, number> | undefined;

function load(): void {
	pairs = new Map();
	for (const row of PAIRS.split('\n')) {
		const cut = row.lastIndexOf(' ');
		if (cut > 0) pairs.set(row.slice(0, cut), Number(row.slice(cut + 1)));
	}
	known = new Map();
	for (const row of KNOWN.split('\n')) {
		const cut = row.lastIndexOf(' ');
		if (cut > 0) known.set(row.slice(0, cut), Number(row.slice(cut + 1)));
	}
}

function isOneSyllable(word: string): boolean {
	return thaiClusterEnd(word, 0, word.length) === word.length;
}

/** Was the word seen often enough in the table's corpus to trust the dictionary's cut around it? */
export function isKnown(word: string): boolean {
	if (!known) load();
	return known!.has(word);
}

/** Cohesion level (0 to COHESION_LEVELS - 1) of Thai word `a` followed directly by `b`. */
export function cohesion(a: string, b: string): number {
	if (!pairs) load();
	const level = pairs!.get(`${a} ${b}`);
	if (level !== undefined) return level;
	const na = known!.get(a);
	const nb = known!.get(b);
	if (na === undefined || nb === undefined) return UNSEEN_UNKNOWN;
	if ((na * nb) / TOTAL >= EXPECTED_MIN) return 0;
	return isOneSyllable(a) && isOneSyllable(b) ? UNSEEN_SHORT : UNSEEN_KNOWN;
}
