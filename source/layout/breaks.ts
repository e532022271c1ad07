// Where a line may break inside a cleaned paragraph. The work is done on flat typed arrays, one
// entry per UTF-16 unit, reused between paragraphs: no object per character.
//
// A break is allowed at a run of spaces, or at a word boundary from Intl.Segmenter, unless a Thai
// or typographic rule vetoes it:
//   - never inside a Thai cluster (syllables.ts): the dictionary's boundaries in names and words
//     it does not know can fall mid-syllable (เหงี|ยน, วลาดิเมีย|ร์);
//   - no line starts with a mark, ะ า ำ ๅ ๆ ฯ or closing punctuation (also after spaces: "ต่าง ๆ");
//   - no line ends with เ แ โ ใ ไ or opening punctuation (also before spaces);
//   - nothing breaks between two characters of space-separated writing (Latin words, numbers such
//     as 1,234.56, 15-16 and 8.30, URLs), nor after the dot of a Thai abbreviation (พ.ศ., ก.ค.);
//   - a hyphen stays with the word before it, and with a number after it (โควิด-19); a number stays
//     with the unit written after it (19ราย, 5 กม., 100 คน).
// Each allowed word boundary also gets a cost (costs[i]): how often the two words on its sides are
// written together (cohesion.ts), so that the wrapper can prefer spaces and loose boundaries.
import {COMPLEX, EXTEND, GLUE, NO_END, NO_START, SEGMENT, SPACE, THAI_LETTER, WIDTH, props} from '../text/charProps.js';
import {startsWithoutBase} from '../text/clean.js';
import {clusterEnd} from '../text/graphemes.js';
import {forEachThaiCluster} from '../text/syllables.js';
import {clusterWidth} from '../text/width.js';
import {forEachWordSegment} from '../text/words.js';
import {cohesionOf, isKnownId, wordId} from './cohesion.js';

/** info[i] bits. */
export const CLUSTER = 1; // a cluster starts at i
export const BREAK = 2; // a line may end before i and the next start at i (or after the spaces at i)
export const SPACE_UNIT = 4; // a breakable space (single unit)
export const TAB_UNIT = 8;
export const NEWLINE_UNIT = 16;
const WORD_START = 32; // Intl.Segmenter starts a segment here
export const FANCY = 64; // shown differently from its source: see displayCluster
export const SYLLABLE = 128; // a Thai cluster (or any other grapheme cluster) starts at i
export const HELD = 256; // a break refused only because it lies inside a protected span (a name)
export const WEAK = 512; // a final consonant of a Thai cluster starts at i: it may begin the next word
const KNOWN_PAIR = 1024; // the words on both sides of this word start are in the dictionary table

export interface Analysis {
	/** Per UTF-16 unit of the paragraph: the bits above (valid up to the paragraph's length). */
	info: Uint16Array;
	/** Columns of the cluster starting at each unit (0 inside a cluster; tabs 0: they depend on the column). */
	widths: Uint8Array;
	/** At a word-boundary BREAK: cohesion level (0 to COHESION_LEVELS - 1) of the words around it. */
	costs: Uint8Array;
}

let info = new Uint16Array(4096);
let widths = new Uint8Array(4096);
let costs = new Uint8Array(4096);

function ensureCapacity(n: number): void {
	if (info.length > n) {
		if (info.length > 1 << 20 && n < 1 << 16) {
			info = new Uint16Array(4096); // give back what a huge article needed
			widths = new Uint8Array(4096);
			costs = new Uint8Array(4096);
		} else {
			return;
		}
	}
	if (info.length <= n) {
		info = new Uint16Array(n + 1024);
		widths = new Uint8Array(n + 1024);
		costs = new Uint8Array(n + 1024);
	}
}

/** Cluster starts, widths and the space/tab/newline units of s; true when a segmented script occurs. */
function classify(s: string, n: number): boolean {
	let needsSegmenter = false;
	let i = 0;
	while (i < n) {
		const c = s.charCodeAt(i);
		const p = props(c);
		if (c === 0x0a) {
			info[i] = CLUSTER | NEWLINE_UNIT;
			widths[i++] = 0;
			continue;
		}
		if (p & SPACE && (c === 0x09 || i + 1 >= n || !(props(s.charCodeAt(i + 1)) & (EXTEND | COMPLEX)))) {
			info[i] = c === 0x09 ? CLUSTER | SPACE_UNIT | TAB_UNIT | FANCY : CLUSTER | SPACE_UNIT;
			widths[i++] = c === 0x09 ? 0 : p & WIDTH;
			continue;
		}
		let flags = CLUSTER;
		let width = p & WIDTH;
		let j = i + 1;
		if (p & COMPLEX) {
			j = clusterEnd(s, i, n);
			width = clusterWidth(s, i, j);
		} else {
			while (j < n) {
				const q = props(s.charCodeAt(j));
				if (q & COMPLEX) {
					j = clusterEnd(s, i, n);
					width = clusterWidth(s, i, j);
					break;
				}
				if (!(q & EXTEND)) break;
				width += q & WIDTH;
				j++;
			}
		}
		if (startsWithoutBase(c)) {
			flags |= FANCY;
			width++; // drawn on ◌
		}
		if (p & SEGMENT) needsSegmenter = true;
		info[i] = flags | SYLLABLE;
		widths[i] = width > 255 ? 255 : width;
		for (let k = i + 1; k < j; k++) {
			info[k] = 0;
			widths[k] = 0;
		}
		i = j;
	}
	return needsSegmenter;
}

/** Only Thai clusters that syllables.ts starts keep SYLLABLE. */
function markThaiClusters(s: string, n: number): void {
	for (let i = 0; i < n; i++) {
		const c = s.charCodeAt(i);
		if (c >= 0x0e01 && c <= 0x0e4e) info[i] = info[i]! & ~SYLLABLE;
	}
	forEachThaiCluster(s, 0, n, (at, weak) => {
		if (info[at]! & CLUSTER) info[at] = info[at]! | (weak ? WEAK : SYLLABLE);
	});
}

function isThaiWord(s: string, start: number, end: number): boolean {
	return end > start && (props(s.charCodeAt(start)) & THAI_LETTER) !== 0 && (props(s.charCodeAt(end - 1)) & THAI_LETTER) !== 0;
}

/** Marks where Intl.Segmenter's words start, and the cohesion of each pair of Thai words that touch. */
function markWords(s: string, n: number): void {
	let previous = ''; // the last Thai word, when the next segment may touch it
	let previousId = -1;
	let previousEnd = -1;
	forEachWordSegment(s, 0, n, (start, end, wordLike) => {
		if (!(info[start]! & CLUSTER)) return;
		info[start] = info[start]! | WORD_START;
		costs[start] = 0;
		if (!wordLike || !isThaiWord(s, start, end)) {
			previous = '';
			return;
		}
		const word = s.slice(start, end);
		const id = wordId(word);
		if (previousEnd === start && previous !== '') {
			costs[start] = cohesionOf(previous, previousId, word, id);
			if (isKnownId(previousId) && isKnownId(id)) info[start] = info[start]! | KNOWN_PAIR;
		}
		previous = word;
		previousId = id;
		previousEnd = end;
	});
}

const DOT = 0x2e;

export function isHyphen(c: number): boolean {
	return c === 0x2d || (c >= 0x2010 && c <= 0x2013) || c === 0x2212;
}

export function isDigit(c: number): boolean {
	return (c >= 0x30 && c <= 0x39) || (c >= 0x0e50 && c <= 0x0e59);
}

const NO = 0;
const YES = 1;
/** Not a good break, yet better than cutting a word when nothing else fits: a name, a number's unit. */
const HOLD = 2;

/** May a line end before cluster `next` that follows cluster `prev` directly (no space between)? */
function wordBreak(s: string, prev: number, next: number): number {
	const a = props(s.charCodeAt(prev));
	const b = props(s.charCodeAt(next));
	if (b & NO_START || a & NO_END) return NO;
	if (a & GLUE && b & GLUE) return NO;
	// Inside a Thai cluster: never, but before a final consonant when the dictionary knows both words (มี|คน).
	if (a & THAI_LETTER && b & THAI_LETTER && !(info[next]! & SYLLABLE) && (info[next]! & (WEAK | KNOWN_PAIR)) !== (WEAK | KNOWN_PAIR)) return NO;
	const c = s.charCodeAt(next);
	const before = s.charCodeAt(prev);
	// After the dot of a Thai abbreviation (พ.ศ., ก.ค., ดร.): keep the abbreviation with what follows.
	if (before === DOT && b & THAI_LETTER && prev > 0 && props(s.charCodeAt(prev - 1)) & THAI_LETTER) return NO;
	// โควิด-19, ไทย-จีน: the hyphen ends the word before it; before a number it also starts it.
	if (isHyphen(c) || (isHyphen(before) && isDigit(c))) return HOLD;
	// A number and the unit written against it (19ราย): one piece.
	if (isDigit(before) && !isDigit(c) && (b & THAI_LETTER || LETTER_RE.test(s[next]!))) return HOLD;
	return YES;
}

/** Does a plain number (digits, maybe , and .) end at `prev`, not a URL, a code or a date part? */
function isNumberEnd(s: string, prev: number): boolean {
	if (!isDigit(s.charCodeAt(prev))) return false;
	let k = prev;
	while (k > 0) {
		const c = s.charCodeAt(k - 1);
		if (!isDigit(c) && c !== 0x2c && c !== DOT) break;
		k--;
	}
	return k === 0 || (props(s.charCodeAt(k - 1)) & SPACE) !== 0 || s.charCodeAt(k - 1) === 0x0a;
}

const LETTER_RE = /\p{L}/u;
/** A unit written after a number and a space is short: 5 กม., 100 คน, 20 km, 3 ตร.ม. */
const UNIT_MAX = 4;

/** Is the word at `next` a short one of letters (up to UNIT_MAX units, to its end, a dot or a space)? */
function isShortUnit(s: string, next: number, n: number): boolean {
	let k = next;
	while (k < n && (k === next || !(info[k]! & WORD_START))) {
		const c = s.charCodeAt(k);
		if (!(props(c) & THAI_LETTER) && !LETTER_RE.test(s[k]!)) break;
		if (++k - next > UNIT_MAX) return false;
	}
	return k > next;
}

/** May a line end at a run of spaces between clusters `prev` and `next`? */
function spaceBreak(s: string, prev: number, next: number, n: number): number {
	if (props(s.charCodeAt(next)) & NO_START || props(s.charCodeAt(prev)) & NO_END) return NO;
	return isNumberEnd(s, prev) && isShortUnit(s, next, n) ? HOLD : YES;
}

/** BREAK, HELD or nothing for a break verdict. */
function breakBits(verdict: number): number {
	return verdict === YES ? BREAK : verdict === HOLD ? HELD : 0;
}

function startsUrl(s: string, i: number): boolean {
	const c = s.charCodeAt(i);
	return (c === 0x68 && (s.startsWith('http://', i) || s.startsWith('https://', i))) || (c === 0x77 && s.startsWith('www.', i));
}

/** Sets BREAK on every cluster (or first space of a run) where a line may end. */
function markBreaks(s: string, n: number): void {
	let prev = -1; // the last non-space cluster, -1 at a paragraph or line start
	let spaceRun = -1; // first unit of the space run since `prev`
	let inUrl = false;
	for (let i = 0; i < n; i++) {
		const f = info[i]!;
		if (!(f & CLUSTER)) continue;
		if (f & NEWLINE_UNIT) {
			prev = -1;
			spaceRun = -1;
			inUrl = false;
			continue;
		}
		if (f & SPACE_UNIT) {
			if (spaceRun < 0) spaceRun = i;
			inUrl = false;
			continue;
		}
		if (spaceRun >= 0) {
			if (prev >= 0) info[spaceRun] = info[spaceRun]! | breakBits(spaceBreak(s, prev, i, n));
			spaceRun = -1;
			inUrl = startsUrl(s, i);
		} else if (prev < 0) {
			inUrl = startsUrl(s, i);
		} else if (f & WORD_START && !inUrl) {
			info[i] = f | breakBits(wordBreak(s, prev, i));
		}
		prev = i;
	}
}

/**
 * Analyses a cleaned paragraph: cluster starts, widths and (unless `code`, which breaks anywhere)
 * the allowed breaks. The arrays are shared scratch space, valid until the next call.
 */
export function analyse(s: string, code: boolean): Analysis {
	const n = s.length;
	ensureCapacity(n);
	const segmented = classify(s, n);
	if (!code) {
		if (segmented) {
			markThaiClusters(s, n);
			markWords(s, n);
		}
		markBreaks(s, n);
	}
	return {info, widths, costs};
}

/** Refuses the breaks strictly inside units (from, to) of the last analysis, remembering them as HELD. */
export function hold(from: number, to: number): void {
	for (let k = from + 1; k < to; k++) {
		if (info[k]! & BREAK) info[k] = (info[k]! & ~BREAK) | HELD;
	}
}
