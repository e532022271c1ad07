// How Thai NER 1.5's annotators use a word (see bench/build-name-words.ts): the share of its uses
// inside a name and the share that end one. The learned listing bar reads a name that ends on a word
// almost never ending a name (a verb, a preposition) as one that swallowed the next phrase.
import {NAME_WORD_TABLE} from './name-words-data.js';

/** A word's uses: inside a name, ending one (shares in [0, 1]). */
export interface NameWordUse {
	inside: number;
	ending: number;
}

/** A word the table does not list: mostly a name's own, or too rare to say. */
const NAME_WORD: NameWordUse = {inside: 1, ending: 1};

let table: Map<string, NameWordUse> | undefined;

/** Reads the table's entries (exported for its test). */
export function parseNameWords(text: string): Map<string, NameWordUse> {
	const map = new Map<string, NameWordUse>();
	for (const entry of text.split(' ')) {
		const n = entry.length;
		// A damaged entry (no word, or not two digits at its end) is skipped: the word reads as a name's.
		if (n < 3 || !/^\d\d$/.test(entry.slice(n - 2))) continue;
		map.set(entry.slice(0, n - 2), {inside: Number(entry[n - 2]) / 10, ending: Number(entry[n - 1]) / 10});
	}
	return map;
}

/** How a whole Intl.Segmenter word is used in Thai NER 1.5 (unlisted words as a name's). */
export function nameWordUse(word: string): NameWordUse {
	table ??= parseNameWords(NAME_WORD_TABLE);
	return table.get(word) ?? NAME_WORD;
}
