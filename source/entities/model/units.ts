// The tagger's units: pieces of text no name boundary falls inside, found in one pass over char
// codes (Intl.Segmenter is too slow for every article, and it splits unknown names anyway). A Thai
// unit is one onset consonant with its vowels and marks, a leading vowel (เ แ โ ใ ไ) joined to the
// consonant after it; Latin letters and digits make one unit per run, spaces one per run, and
// every other character (punctuation, ฯ, ๆ) is a unit of its own. Thai words, and so names, start
// at a consonant or a leading vowel, so a name's edges are always unit edges.
import {isLeadingVowel, isThaiConsonant} from '../../text/syllables.js';
import {isSpace} from '../words.js';

/** Unit classes: the "shape" features and where runs join. */
export const enum UnitClass {
	Thai = 1,
	Latin = 2,
	Digit = 3,
	Space = 4,
	Other = 5,
}

export interface Units {
	count: number;
	/** Start offset of each unit; starts[count] is the end of the text. */
	starts: Int32Array;
	/** A 32-bit hash of each unit's characters (invisible characters left out). */
	hashes: Int32Array;
	classes: Uint8Array;
}

const isInvisible = (c: number): boolean => c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;

function classOf(c: number): UnitClass {
	if (c >= 0x0e01 && c <= 0x0e4e && c !== 0x0e2f && c !== 0x0e46) return UnitClass.Thai;
	if ((c >= 0x30 && c <= 0x39) || (c >= 0x0e50 && c <= 0x0e59)) return UnitClass.Digit;
	if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) return UnitClass.Latin;
	if (isSpace(c)) return UnitClass.Space;
	return UnitClass.Other;
}

/** Buffers the tagger's units are written into, reused from one paragraph to the next. */
let reused = {starts: new Int32Array(0), hashes: new Int32Array(0), classes: new Uint8Array(0)};

/**
 * Splits `text` into units. With `reuse`, the arrays are views of buffers kept for the next call,
 * valid until then (the tagger's, a paragraph at a time: three arrays made per paragraph were
 * garbage for the collector); without it, arrays of their own.
 */
export function splitUnits(text: string, reuse = false): Units {
	const n = text.length;
	// At most one unit per character; trimmed views are returned.
	if (reuse && reused.classes.length < n + 1) {
		const size = Math.max(n + 1, reused.classes.length * 2);
		reused = {starts: new Int32Array(size + 1), hashes: new Int32Array(size), classes: new Uint8Array(size)};
	}
	// Every unit's start, class and hash is written below: nothing is read that this call did not write.
	const starts = reuse ? reused.starts : new Int32Array(n + 1);
	const hashes = reuse ? reused.hashes : new Int32Array(n);
	const classes = reuse ? reused.classes : new Uint8Array(n);
	let count = 0;
	let hash = 0;
	let cls = 0;
	let prev = 0;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (isInvisible(c)) continue;
		const k = classOf(c);
		let boundary: boolean;
		if (count === 0 || k !== cls) boundary = true;
		else if (k === UnitClass.Thai) boundary = isLeadingVowel(c) || (isThaiConsonant(c) && !isLeadingVowel(prev));
		else boundary = k === UnitClass.Other;
		if (boundary) {
			if (count > 0) hashes[count - 1] = hash;
			starts[count] = i;
			classes[count] = k;
			count++;
			hash = 0x811c9dc5 ^ k;
			cls = k;
		}
		// Latin case is kept: capitals are what marks a Latin name.
		hash = Math.imul(hash ^ c, 0x01000193);
		prev = c;
	}
	if (count > 0) hashes[count - 1] = hash;
	starts[count] = n;
	return {count, starts: starts.subarray(0, count + 1), hashes: hashes.subarray(0, count), classes: classes.subarray(0, count)};
}
