// Thai words that are common and practically never a name, learned from data (see
// bench/build-common-words.ts): the evidence that a word after a position, a province or city
// head, or in one of the tagger's names is the next phrase, not a name (รัฐมนตรี|อนุมัติ…,
// จังหวัด|แรก, เมือง|เกษตรกรรม). Given names that are also words (ประกอบ, สมชาย) are not in it.
import {COMMON_WORD_LIST, ORG_WORD_LIST, PLACE_WORD_LIST} from './common-words-data.js';
import {PrefixSet} from './trie.js';

let words: Set<string> | undefined;
let placeWords: Set<string> | undefined;
let orgWords: Set<string> | undefined;
let wordStarts: PrefixSet | undefined;

/** A listed common word (a whole Intl.Segmenter word). */
export function isCommonWord(word: string): boolean {
	words ??= new Set(COMMON_WORD_LIST.split(' '));
	return words.has(word);
}

/**
 * A listed common word starts at `from` and ends in [minEnd, maxEnd]: the same answer as
 * isCommonWord on each slice, by one walk (the tagger's evidence asks this at every span edge).
 */
export function commonWordAt(text: string, from: number, minEnd: number, maxEnd: number): boolean {
	wordStarts ??= new PrefixSet(COMMON_WORD_LIST.split(' '));
	return wordStarts.startsAt(text, from, minEnd, maxEnd);
}

/** A common word that is also seen in places' names (พัทยา, ยุโรป): a place head may open it. */
export function isPlaceWord(word: string): boolean {
	placeWords ??= new Set(PLACE_WORD_LIST.split(' '));
	return placeWords.has(word);
}

/** A common word that is also seen in bodies' names (พลังงาน, ส่งเสริม): a body's name may hold it. */
export function isOrgWord(word: string): boolean {
	orgWords ??= new Set(ORG_WORD_LIST.split(' '));
	return orgWords.has(word);
}

let nearMisses: Map<string, string[]> | undefined;
let nearMissWords: Set<string> | undefined;

/**
 * The listed common words or `extra` words, five letters or more, that `word` misses by one letter
 * (one left out, one added or one changed: รัฐ|นตรี for รัฐมนตรี, รัฐวิสา|กิจ for รัฐวิสาหกิจ), by
 * their one-letter deletions (looked up, not an edit distance to every word). `extra` is read on the
 * first call only.
 */
export function wordsOneLetterFrom(word: string, extra: readonly string[] = []): string[] {
	if (nearMisses === undefined || nearMissWords === undefined) {
		nearMissWords = new Set([...COMMON_WORD_LIST.split(' '), ...extra].filter((w) => w.length >= 5));
		nearMisses = new Map();
		for (const w of nearMissWords) {
			for (const d of deletions(w)) {
				const list = nearMisses.get(d);
				if (list === undefined) nearMisses.set(d, [w]);
				else if (!list.includes(w)) list.push(w);
			}
		}
	}
	if (word.length < 4 || nearMissWords.has(word)) return [];
	const found = new Set<string>(nearMisses.get(word) ?? []);
	for (const d of deletions(word)) {
		if (nearMissWords.has(d)) found.add(d);
		for (const w of nearMisses.get(d) ?? []) if (w.length === word.length) found.add(w);
	}
	return [...found];
}

/** Each string with one of its letters left out. */
function deletions(word: string): Set<string> {
	const out = new Set<string>();
	for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
	return out;
}
