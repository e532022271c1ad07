// Character trigrams over the tone-less compact fold: the candidate filter of the index. A tone-less
// key lets a query typed without tone marks (or with other ones) find its candidates; the tones
// are checked afterwards on the real folded text.
//
// Units are first reduced to a class alphabet of fewer than 128 symbols (each Thai letter and vowel,
// a–z, 0–9, space; all other punctuation, symbols and scripts share a few classes), so three fit in
// 21 bits, hashed to a key small enough for the builder to count with flat arrays. A shared class only
// adds candidates; matches are always verified on the folded text.

/** Each passage's trigram set also holds the trigrams of the first OVERLAP tone-less units after it, so a match that starts in a passage and runs into the next still has all its trigrams there. */
export const OVERLAP = 32;

/**
 * The three 7-bit classes (21 bits) are hashed down to KEY_BITS: the builder's flat per-key arrays
 * then stay small enough for the CPU cache. A collision only adds candidates.
 */
export const KEY_BITS = 18;
export const KEY_SPACE = 1 << KEY_BITS;
const HASH = 0x9e3779b1;

/** The key of a trigram given as the 21-bit join of its classes. */
export function hashTrigram(classes21: number): number {
	return Math.imul(classes21, HASH) >>> (32 - KEY_BITS);
}

/** Compact tone marks (่ ้ ๊ ๋ ็ ์ at U+00E7–00EC): skipped by the tone-less fold. */
export function isCompactTone(unit: number): boolean {
	return unit >= 0xe7 && unit <= 0xec;
}

const OTHER = 1;
const WIDE = 2; // 2..9: units ≥ 256 by unit % 8

/** Class of each unit below 256. */
export const TRIGRAM_CLASS: Uint8Array = (() => {
	const table = new Uint8Array(256).fill(OTHER);
	let next = 10;
	table[0x0a] = next++;
	table[0x20] = next++;
	for (let c = 0x61; c <= 0x7a; c++) table[c] = next++;
	for (let c = 0x30; c <= 0x39; c++) table[c] = next++;
	// Thai letters, vowels and signs (compact U+00A1–00FB) but the tones (never in tone-less text),
	// the unassigned U+0E3B–0E3E and the digits (folded to ASCII).
	for (let c = 0xa1; c <= 0xfb; c++) {
		if (isCompactTone(c) || (c >= 0xdb && c <= 0xde) || (c >= 0xf0 && c <= 0xf9)) continue;
		table[c] = next++;
	}
	if (next > 128) throw new Error('trigram alphabet too large');
	return table;
})();

/** The class of any unit. */
export function unitClass(unit: number): number {
	return unit < 256 ? TRIGRAM_CLASS[unit]! : WIDE + (unit % 8);
}

/** The distinct trigram keys of a tone-less compact string, in order of first appearance, with the tone-less offset each starts at. */
export function queryTrigrams(toneless: string): {keys: number[]; offsets: number[]} {
	const keys: number[] = [];
	const offsets: number[] = [];
	const seen = new Set<number>();
	for (let i = 0; i + 2 < toneless.length; i++) {
		const key = hashTrigram((unitClass(toneless.charCodeAt(i)) << 14) | (unitClass(toneless.charCodeAt(i + 1)) << 7) | unitClass(toneless.charCodeAt(i + 2)));
		if (seen.has(key)) continue;
		seen.add(key);
		keys.push(key);
		offsets.push(i);
	}
	return {keys, offsets};
}
