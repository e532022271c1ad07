// One small bit set per UTF-16 code unit, shared by cleaning, width, graphemes and line breaking so
// that the hot loops look a character up once instead of running regular expressions. BMP entries
// are computed on first use (Unicode properties come from the engine's own regex tables) and cached.
import {isWideCodePoint} from './wideRanges.js';

/** Terminal columns (0, 1 or 2) the code point adds to its grapheme cluster. */
export const WIDTH = 3;
/** Joins the cluster before it (Grapheme_Extend or SpacingMark): never starts a cluster. */
export const EXTEND = 1 << 2;
/**
 * Grapheme rules beyond "a boundary before everything that does not extend" may apply (surrogates,
 * Hangul jamo, Indic conjuncts, Myanmar, emoji variation selectors and keycaps): ask Intl.
 */
export const COMPLEX = 1 << 3;
/** Format character (Cf): never shown. */
export const FORMAT = 1 << 4;
/** Whitespace a line may break at (not NBSP, U+2007 or U+202F, which must not break). */
export const SPACE = 1 << 5;
/** Letters, digits and punctuation of space-separated writing: no break between two of them. */
export const GLUE = 1 << 6;
/** No line starts with it: ะ า ำ ๅ ๆ ฯ, closing brackets and quotes, . , ; : ! ? % … */
export const NO_START = 1 << 7;
/** No line ends with it: เ แ โ ใ ไ, opening brackets and quotes. */
export const NO_END = 1 << 8;
/** A script written without spaces (Thai, Lao, Khmer, Myanmar, CJK…): needs the word segmenter. */
export const SEGMENT = 1 << 9;
/** Nonspacing or enclosing mark (Mn, Me): zero columns, and needs a base to be drawn on. */
export const MARK = 1 << 10;
/** A letter or mark of the Thai or Lao block (used for the abbreviation and ฯ rules). */
export const THAI_LETTER = 1 << 12;
/** Grapheme Control (C0, C1, DEL, Cf but ZWJ/ZWNJ, U+2028/2029): a cluster of its own. */
export const CONTROL = 1 << 13;
const KNOWN = 1 << 15;

const MARK_RE = /[\p{Mn}\p{Me}]/u;
const EXTEND_RE = /[\p{Grapheme_Extend}\p{Mc}]/u;
const FORMAT_RE = /\p{Cf}/u;
const OPEN_RE = /[\p{Ps}\p{Pi}]/u;
const CLOSE_RE = /[\p{Pe}\p{Pf}]/u;
const LETTER_OR_NUMBER_RE = /[\p{L}\p{N}\p{M}]/u;

const table = new Uint16Array(0x10000);

function isBreakingSpace(c: number): boolean {
	return c === 0x20 || c === 0x09 || c === 0x1680 || (c >= 0x2000 && c <= 0x2006) || (c >= 0x2008 && c <= 0x200a) || c === 0x205f || c === 0x3000;
}

/** Scripts whose words are not separated by spaces: these runs go through Intl.Segmenter. */
function isSegmentedScript(c: number): boolean {
	return (
		(c >= 0x0e01 && c <= 0x0e4f) || // Thai letters, vowels, marks (not digits)
		(c >= 0x0e80 && c <= 0x0ecf) || // Lao
		(c >= 0x1000 && c <= 0x109f) || // Myanmar
		(c >= 0x1780 && c <= 0x17ff) || // Khmer
		(c >= 0x1950 && c <= 0x19df) || // Tai Le, New Tai Lue
		(c >= 0x1a20 && c <= 0x1aaf) || // Tai Tham
		(c >= 0x2e80 && c <= 0x2fdf) || // CJK radicals
		(c >= 0x3005 && c <= 0x3007) ||
		(c >= 0x3021 && c <= 0x3029) ||
		(c >= 0x3031 && c <= 0x3035) ||
		(c >= 0x3040 && c <= 0x30ff) || // kana
		(c >= 0x3400 && c <= 0x4dbf) ||
		(c >= 0x4e00 && c <= 0x9fff) || // CJK ideographs
		(c >= 0xaa60 && c <= 0xaadf) || // Myanmar ext, Tai Viet
		(c >= 0xf900 && c <= 0xfaff) ||
		(c >= 0xff66 && c <= 0xff9f) || // compat ideographs, halfwidth kana
		(c >= 0xd800 && c <= 0xdbff)
	); // astral: CJK extensions live there; the segmenter decides
}

/** Code points whose grapheme boundaries need more than the EXTEND rule (see COMPLEX). */
function isComplex(c: number): boolean {
	return (
		(c >= 0x0900 && c <= 0x0dff) || // Indic scripts: conjuncts (GB9c), prepended marks
		(c >= 0x1000 && c <= 0x109f) || // Myanmar: spacing marks that are not SpacingMark
		(c >= 0x1100 && c <= 0x11ff) ||
		(c >= 0xa960 && c <= 0xa97f) ||
		(c >= 0xac00 && c <= 0xd7ff) || // Hangul
		(c >= 0x1a00 && c <= 0x1aaf) ||
		(c >= 0xaa60 && c <= 0xaa7f) ||
		(c >= 0xd800 && c <= 0xdfff) || // surrogates: emoji, astral scripts
		c === 0x200d ||
		c === 0x20e3 ||
		(c >= 0xfe00 && c <= 0xfe0f) || // ZWJ, keycap, variation selectors
		(c >= 0x0600 && c <= 0x0605) ||
		c === 0x06dd ||
		c === 0x070f ||
		c === 0x0890 ||
		c === 0x0891 ||
		c === 0x08e2
	); // prepended concatenation marks (Cf, yet they join the cluster after them)
}

function compute(c: number): number {
	const ch = String.fromCharCode(c);
	let p = KNOWN;
	const isSurrogate = c >= 0xd800 && c <= 0xdfff;
	if (!isSurrogate) {
		if (MARK_RE.test(ch)) p |= MARK | EXTEND;
		else if (EXTEND_RE.test(ch)) p |= EXTEND | 1;
		else if (FORMAT_RE.test(ch)) p |= FORMAT;
		else if (c < 0x20 || (c >= 0x7f && c < 0xa0))
			p |= 0; // controls: dropped before display
		else p |= isWideCodePoint(c) ? 2 : 1;
	}
	// SARA AM and LAO AM are letters (Lo) but join the cluster before them (SpacingMark).
	if (c === 0x0e33 || c === 0x0eb3) p = (p & ~WIDTH) | EXTEND | 1;
	if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0x2028 || c === 0x2029 || (p & FORMAT && c !== 0x200c && c !== 0x200d)) {
		p |= CONTROL;
	}
	if (isComplex(c)) p |= COMPLEX;
	if (isBreakingSpace(c)) p |= SPACE;
	if (isSegmentedScript(c)) p |= SEGMENT;
	if ((c >= 0x0e01 && c <= 0x0e4e) || (c >= 0x0e81 && c <= 0x0ece)) p |= THAI_LETTER;
	if (
		!(p & SPACE) &&
		!(p & SEGMENT) &&
		!(p & FORMAT) &&
		c > 0x20 &&
		(c < 0x0e00 ||
			(c >= 0x0e50 && c <= 0x0e59) ||
			(c >= 0x0ed0 && c <= 0x0ed9) || // Thai and Lao digits
			(c >= 0x1e00 && c <= 0x1fff) ||
			c === 0x2010 ||
			c === 0x2011 ||
			c === 0x2019 ||
			(c >= 0x20a0 && c <= 0x20cf) ||
			(c >= 0x2100 && c <= 0x218f && LETTER_OR_NUMBER_RE.test(ch)))
	) {
		p |= GLUE;
	}
	// Thai/Lao characters that cannot begin a line: vowels that follow their consonant, the
	// repetition and abbreviation marks, end-of-stanza marks.
	if (
		c === 0x0e30 ||
		c === 0x0e32 ||
		c === 0x0e33 ||
		c === 0x0e45 ||
		c === 0x0e46 ||
		c === 0x0e2f ||
		c === 0x0e5a ||
		c === 0x0e5b ||
		c === 0x0eb0 ||
		c === 0x0eb2 ||
		c === 0x0eb3 ||
		c === 0x0ec6 ||
		c === 0x0eaf
	) {
		p |= NO_START;
	}
	// Leading vowels are written before the consonant they follow in speech: never the last thing on a line.
	if ((c >= 0x0e40 && c <= 0x0e44) || (c >= 0x0ec0 && c <= 0x0ec4)) p |= NO_END;
	// No-break spaces glue what is on both sides of them.
	if (c === 0xa0 || c === 0x2007 || c === 0x202f) p |= NO_START | NO_END;
	if (CLOSE_RE.test(ch)) p |= NO_START;
	if (OPEN_RE.test(ch)) p |= NO_END;
	if (
		c === 0x21 ||
		c === 0x25 ||
		c === 0x2c ||
		c === 0x2e ||
		c === 0x3a ||
		c === 0x3b ||
		c === 0x3f ||
		c === 0x2026 ||
		c === 0x2030 ||
		c === 0x2031 ||
		c === 0x203c ||
		c === 0x2047 ||
		c === 0x2048 ||
		c === 0x2049 ||
		c === 0x3001 ||
		c === 0x3002 ||
		c === 0xff01 ||
		c === 0xff0c ||
		c === 0xff0e ||
		c === 0xff1a ||
		c === 0xff1b ||
		c === 0xff1f ||
		c === 0x30fc ||
		c === 0x3005
	) {
		p |= NO_START;
	}
	table[c] = p;
	return p;
}

/** The property bits of one UTF-16 code unit. */
export function props(c: number): number {
	const p = table[c]!;
	return p === 0 ? compute(c) : p;
}

const ASTRAL_MARK_RE = /^[\p{Mn}\p{Me}]$/u;
const ASTRAL_EXTEND_RE = /^[\p{Grapheme_Extend}\p{Mc}]$/u;
const ASTRAL_FORMAT_RE = /^\p{Cf}$/u;

/** Width bits and MARK/EXTEND/FORMAT for a code point above U+FFFF (rare: no cache). */
export function astralProps(codePoint: number): number {
	const ch = String.fromCodePoint(codePoint);
	if (ASTRAL_MARK_RE.test(ch)) return MARK | EXTEND | COMPLEX;
	if (ASTRAL_FORMAT_RE.test(ch)) return FORMAT | COMPLEX;
	const extend = ASTRAL_EXTEND_RE.test(ch) ? EXTEND : 0;
	// Emoji skin-tone modifiers are wide on their own but join the emoji before them.
	return extend | COMPLEX | (isWideCodePoint(codePoint) ? 2 : 1);
}

/** Property bits of the code point starting at s[i] (surrogate pairs combined). */
export function codePointProps(s: string, i: number): number {
	const c = s.charCodeAt(i);
	if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
		const d = s.charCodeAt(i + 1);
		if (d >= 0xdc00 && d <= 0xdfff) return astralProps(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
	}
	return props(c);
}

// ASCII and the Thai block are looked up constantly: fill them now so the hot loops rarely miss.
for (let c = 0; c < 0x80; c++) compute(c);
for (let c = 0x0e00; c < 0x0e80; c++) compute(c);
