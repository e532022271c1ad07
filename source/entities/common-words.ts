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

/**
 * A lookup of the listed common words and `extra` words, five letters or more, that a word misses
 * by one letter (one left out, one added or one changed: รัฐ|นตรี for รัฐมนตรี, รัฐวิสา|กิจ for
 * รัฐวิสาหกิจ), the first two letters kept (the words are bucketed by them, so a query reads a few
 * dozen words, not thousands). Build it once and keep it: it reads the whole list.
 */
export function oneLetterLookup(extra: readonly string[] = []): (word: string) => string[] {
	const buckets = new Map<string, string[]>();
	for (const w of new Set([...COMMON_WORD_LIST.split(' '), ...extra])) {
		if (w.length < 5) continue;
		const bucket = buckets.get(w.slice(0, 2));
		if (bucket === undefined) buckets.set(w.slice(0, 2), [w]);
		else bucket.push(w);
	}
	return (word) => {
		if (word.length < 4) return [];
		const bucket = buckets.get(word.slice(0, 2));
		if (bucket === undefined || bucket.includes(word)) return [];
		return bucket.filter((w) => Math.abs(w.length - word.length) <= 1 && oneEditApart(w, word));
	};
}

/** `a` and `b` differ by one letter left out, added or changed (not equal). */
function oneEditApart(a: string, b: string): boolean {
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	let i = 0;
	while (i < short.length && short[i] === long[i]) i++;
	if (i === short.length) return long.length === short.length + 1;
	// Changed (same length) or left out of the shorter (one longer): the rest must then match.
	return short.length === long.length ? short.slice(i + 1) === long.slice(i + 1) : short.slice(i) === long.slice(i + 1);
}
