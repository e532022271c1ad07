// Folding for matching: query and text are folded the same way so that spellings a reader counts
// as equal compare equal. The displayed text is never changed; every folded character remembers
// the source range it came from, so a match in folded text maps back to exact offsets.
//
// What folds: Thai digits to ASCII digits; a tone mark typed before the vowel above or below its
// consonant moves after it; zero-width and other invisible format characters are
// dropped; any whitespace run becomes one space, and spaces between a Latin letter and a digit
// go (PM 2.5 = PM2.5); ํ + า (the decomposed SARA AM) becomes ำ; Latin is
// lower-cased and its diacritics stripped (Nguyễn = nguyen); curly quotes, dashes and the ellipsis
// become their ASCII forms. Thai vowels and marks are never stripped: กิน ≠ กัน, สี ≠ ส. Only the
// separate tone-less fold (`removeThaiTones`) drops tone marks, for a lower-ranked fallback.
//
// The "compact" variant additionally moves Thai (U+0E00–0E5F) onto U+00A0–00FF (the TIS-620 byte
// values) and the Latin-1 symbols that survive folding onto U+0080–009F, so that folded Thai text is
// a one-byte string in V8: half the memory and much faster to scan. Compact text is an internal
// search format; it is never shown.

const SARA_AM = 0x0e33;
const NIKHAHIT = 0x0e4d;
const SARA_AA = 0x0e32;

/** Thai tone marks ่ ้ ๊ ๋ plus ็ (mai taikhu) and ์ (thanthakhat): what the tone-less fold drops. */
export function isThaiToneMark(code: number): boolean {
	return code >= 0x0e47 && code <= 0x0e4c;
}

/** The same six marks in compact form. */
export const COMPACT_TONE_FIRST = 0x0e47 - 0x0d60;
export const COMPACT_TONE_LAST = 0x0e4c - 0x0d60;

/** Thai → compact: U+0E00–0E5F onto U+00A0–00FF. */
export const COMPACT_THAI_SHIFT = 0x0d60;

const WHITESPACE = new Set([
	0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f,
	0x205f, 0x3000,
]);

/** Zero-width and other invisible format characters (ZWSP, ZWNJ, ZWJ, bidi marks, word joiner, BOM, soft hyphen, variation selectors). */
function isInvisible(code: number): boolean {
	return (
		code === 0xad ||
		(code >= 0x200b && code <= 0x200f) ||
		(code >= 0x202a && code <= 0x202e) ||
		(code >= 0x2060 && code <= 0x206f) ||
		code === 0xfeff ||
		(code >= 0xfe00 && code <= 0xfe0f) ||
		code === 0x034f ||
		code === 0x061c ||
		code === 0x180e
	);
}

const PUNCTUATION: Record<number, string> = {
	0x2018: "'",
	0x2019: "'",
	0x201a: "'",
	0x201b: "'",
	0x2032: "'",
	0x201c: '"',
	0x201d: '"',
	0x201e: '"',
	0x201f: '"',
	0x2033: '"',
	0x00ab: '"',
	0x00bb: '"',
	0x2010: '-',
	0x2011: '-',
	0x2012: '-',
	0x2013: '-',
	0x2014: '-',
	0x2015: '-',
	0x2212: '-',
	0x2026: '...',
};

// Latin letters that carry their "diacritic" in the letter itself, so NFD leaves them whole.
const LATIN_SPECIAL: Record<string, string> = {
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ß: 'ss',
	ł: 'l',
	ı: 'i',
	ħ: 'h',
	ŧ: 't',
	ŀ: 'l',
	ĸ: 'k',
	ŉ: "'n",
	ſ: 's',
};

const COMBINING_DIACRITIC = /[\u0300-\u036f]/g;
const LATIN = /\p{Script=Latin}/u;

// '' = dropped, ' ' = whitespace, otherwise the folded form. Filled lazily, one entry per BMP code.
const table: (string | undefined)[] = new Array(0x10000);

function foldOther(code: number): string {
	const cached = table[code];
	if (cached !== undefined) return cached;
	let folded: string;
	if (WHITESPACE.has(code)) folded = ' ';
	else if (isInvisible(code) || code < 0xa0 || (code >= 0x0300 && code <= 0x036f)) folded = '';
	else if (PUNCTUATION[code] !== undefined) folded = PUNCTUATION[code]!;
	else {
		const ch = String.fromCharCode(code);
		if (LATIN.test(ch)) {
			const lower = ch.toLowerCase();
			folded = Array.from(lower.normalize('NFD').replace(COMBINING_DIACRITIC, ''), (c) => LATIN_SPECIAL[c] ?? c).join('');
		} else {
			const lower = ch.toLowerCase();
			// Keep one unit per unit: a lower-casing that changes length (rare outside Latin) is skipped.
			folded = lower.length === 1 ? lower : ch;
		}
	}
	table[code] = folded;
	return folded;
}

/** Compact code for a folded code unit (see the file comment). */
export function compactCode(code: number): number {
	if (code >= 0x0e00 && code <= 0x0e5f) return code - COMPACT_THAI_SHIFT;
	if (code >= 0xa0 && code <= 0xbf) return code - 0x20;
	if (code === 0xd7) return 0x80; // ×
	if (code === 0xf7) return 0x8d; // ÷
	return code;
}

/** Inverse of `compactCode` (for tests and debugging). */
export function expandCode(code: number): number {
	if (code >= 0xa0 && code <= 0xff) return code + COMPACT_THAI_SHIFT;
	if (code === 0x80) return 0xd7;
	if (code === 0x8d) return 0xf7;
	if (code >= 0x81 && code <= 0x9f) return code + 0x20;
	return code;
}

// Fast path: one table per output form maps a code unit that folds to exactly one unit and needs
// no context (most Thai, ASCII, Latin letters) to that unit; SLOW marks everything else.
const SLOW = 0xffff;
const UNKNOWN = 0xfffe;
const fastReadable = new Uint16Array(0x10000).fill(UNKNOWN);
const fastCompact = new Uint16Array(0x10000).fill(UNKNOWN);

function fastEntry(code: number, compact: boolean): number {
	let v = SLOW;
	if (code < 0x80) {
		if (code > 0x20 && code < 0x7f) v = code >= 0x41 && code <= 0x5a ? code + 32 : code;
	} else if (code >= 0x0e00 && code <= 0x0e5f) {
		if (code >= 0x0e50 && code <= 0x0e59) v = code - 0x0e50 + 0x30;
		else if (code !== NIKHAHIT && !isThaiToneMark(code)) v = compact ? code - COMPACT_THAI_SHIFT : code;
	} else if (code < 0xd800 || code > 0xdfff) {
		const folded = foldOther(code);
		if (folded.length === 1 && folded !== ' ') v = compact ? compactCode(folded.charCodeAt(0)) : folded.charCodeAt(0);
	}
	(compact ? fastCompact : fastReadable)[code] = v;
	return v;
}

/**
 * Folds `src[from, to)` into `out` starting at `at` and returns the end index in `out`. `out` must
 * hold 3 × (to − from) units (the ellipsis expands to three dots). With `starts`/`ends`, folded unit
 * k came from `src[starts[k], ends[k])`; ends of a collapsed whitespace run cover the whole run.
 * Folding two pieces cut right after a whitespace run gives the same as folding them at once.
 */
export function foldInto(src: string, from: number, to: number, out: Uint16Array, at: number, compact: boolean, starts?: Int32Array, ends?: Int32Array): number {
	let o = at;
	let prevSpace = false;
	const mapped = starts !== undefined && ends !== undefined;
	const fast = compact ? fastCompact : fastReadable;
	for (let i = from; i < to; i++) {
		const c = src.charCodeAt(i);
		let v = fast[c]!;
		if (v === UNKNOWN) v = fastEntry(c, compact);
		if (v !== SLOW) {
			out[o] = v;
			if (mapped) {
				starts[o] = i;
				ends[o] = i + 1;
			}
			o++;
			prevSpace = false;
			continue;
		}
		if (c === NIKHAHIT && i + 1 < to) {
			const next = src.charCodeAt(i + 1);
			if (next === SARA_AA) {
				out[o] = compact ? SARA_AM - COMPACT_THAI_SHIFT : SARA_AM;
				if (mapped) {
					starts[o] = i;
					ends[o] = i + 2;
				}
				o++;
				i++;
				prevSpace = false;
				continue;
			}
			// ํ + tone + า: the tone typed after the nikhahit; the proper order is tone then ำ.
			if (next >= 0x0e48 && next <= 0x0e4b && i + 2 < to && src.charCodeAt(i + 2) === SARA_AA) {
				out[o] = compact ? next - COMPACT_THAI_SHIFT : next;
				out[o + 1] = compact ? SARA_AM - COMPACT_THAI_SHIFT : SARA_AM;
				if (mapped) {
					starts[o] = i;
					ends[o] = i + 3;
					starts[o + 1] = i;
					ends[o + 1] = i + 3;
				}
				o += 2;
				i += 2;
				prevSpace = false;
				continue;
			}
		}
		if (isThaiToneMark(c) && i + 1 < to) {
			// A tone typed before the vowel above or below it (ก่ิ for กิ่): the order Thai rendering
			// and every other spelling use is vowel, then tone.
			const next = src.charCodeAt(i + 1);
			if (next === 0x0e31 || (next >= 0x0e34 && next <= 0x0e3a)) {
				out[o] = compact ? next - COMPACT_THAI_SHIFT : next;
				out[o + 1] = compact ? c - COMPACT_THAI_SHIFT : c;
				if (mapped) {
					starts[o] = i;
					ends[o] = i + 2;
					starts[o + 1] = i;
					ends[o + 1] = i + 2;
				}
				o += 2;
				i++;
				prevSpace = false;
				continue;
			}
		}
		if (c === NIKHAHIT || isThaiToneMark(c)) {
			out[o] = compact ? c - COMPACT_THAI_SHIFT : c;
			if (mapped) {
				starts[o] = i;
				ends[o] = i + 1;
			}
			o++;
			prevSpace = false;
			continue;
		}
		if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
			const low = src.charCodeAt(i + 1);
			if (low >= 0xdc00 && low <= 0xdfff) {
				out[o] = c;
				out[o + 1] = low;
				if (mapped) {
					starts[o] = i;
					ends[o] = i + 2;
					starts[o + 1] = i;
					ends[o + 1] = i + 2;
				}
				o += 2;
				i++;
				prevSpace = false;
				continue;
			}
		}
		// Spaces between a Latin letter and a digit are dropped, so that PM 2.5, PM2.5 and pm2.5 (or
		// COVID 19 and covid19) fold alike: people write such codes both ways.
		if (c === 0x20 && o > at && out[o - 1]! >= 0x61 && out[o - 1]! <= 0x7a) {
			let k = i + 1;
			while (k < to && src.charCodeAt(k) === 0x20) k++;
			const d = k < to ? src.charCodeAt(k) : 0;
			if ((d >= 0x30 && d <= 0x39) || (d >= 0x0e50 && d <= 0x0e59)) {
				i = k - 1;
				continue;
			}
		}
		// Lone surrogates, whitespace, invisible characters and multi-unit folds.
		const folded = c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : c < 0x80 ? (c === 0x20 || (c >= 0x09 && c <= 0x0d) ? ' ' : '') : foldOther(c);
		if (folded.length === 0) continue;
		if (folded === ' ') {
			if (prevSpace) {
				if (mapped) ends[o - 1] = i + 1;
				continue;
			}
			prevSpace = true;
		} else prevSpace = false;
		for (let k = 0; k < folded.length; k++) {
			const f = folded.charCodeAt(k);
			out[o] = compact ? compactCode(f) : f;
			if (mapped) {
				starts[o] = i;
				ends[o] = i + 1;
			}
			o++;
		}
	}
	return o;
}

let scratch = new Uint16Array(4096);

/** A scratch buffer able to hold the fold of `length` source units. */
export function foldScratch(length: number): Uint16Array {
	const need = length * 3 + 8;
	if (scratch.length < need) scratch = new Uint16Array(Math.max(need, scratch.length * 2));
	return scratch;
}

/** Code units → string; a one-byte string in V8 when every unit is below 256. */
export function unitsToString(units: Uint16Array, from: number, to: number): string {
	let wide = false;
	for (let i = from; i < to; i++) {
		if (units[i]! > 0xff) {
			wide = true;
			break;
		}
	}
	if (!wide) {
		const bytes = Buffer.allocUnsafe(to - from);
		for (let i = from; i < to; i++) bytes[i - from] = units[i]!;
		return bytes.toString('latin1');
	}
	let s = '';
	for (let i = from; i < to; i += 8192) {
		s += String.fromCharCode.apply(null, units.subarray(i, Math.min(to, i + 8192)) as unknown as number[]);
	}
	return s;
}

/** The search fold of `s` (readable: Thai stays Thai). */
export function foldForSearch(s: string): string {
	const out = foldScratch(s.length);
	const end = foldInto(s, 0, s.length, out, 0, false);
	return unitsToString(out, 0, end);
}

/** The compact search fold of `s` (internal search form, see the file comment). */
export function foldCompact(s: string): string {
	const out = foldScratch(s.length);
	const end = foldInto(s, 0, s.length, out, 0, true);
	return unitsToString(out, 0, end);
}

export interface FoldedWithOffsets {
	/** The folded text. */
	text: string;
	/** Folded unit k came from `source.slice(starts[k], ends[k])`. */
	starts: Int32Array;
	ends: Int32Array;
}

/** Folds `s` (or `s[from, to)`) keeping, for every folded unit, the source range it came from. */
export function foldWithOffsets(s: string, options: {compact?: boolean; from?: number; to?: number} = {}): FoldedWithOffsets {
	const from = options.from ?? 0;
	const to = options.to ?? s.length;
	const capacity = (to - from) * 3 + 8;
	const out = new Uint16Array(capacity);
	const starts = new Int32Array(capacity);
	const ends = new Int32Array(capacity);
	const end = foldInto(s, from, to, out, 0, options.compact ?? false, starts, ends);
	return {text: unitsToString(out, 0, end), starts: starts.slice(0, end), ends: ends.slice(0, end)};
}

/** Source range of folded units [from, to) (to > from). */
export function sourceRange(folded: FoldedWithOffsets, from: number, to: number): {start: number; end: number} {
	return {start: folded.starts[from]!, end: folded.ends[to - 1]!};
}

const TONES = /[\u0e47-\u0e4c]/g;
const COMPACT_TONES = /[\u00e7-\u00ec]/g;

/** The tone-less fold: drops ่ ้ ๊ ๋ ็ ์ from already folded text (readable or compact). */
export function removeThaiTones(folded: string, compact = false): string {
	return folded.replace(compact ? COMPACT_TONES : TONES, '');
}
