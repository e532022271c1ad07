// Where a line may break inside a cleaned paragraph. The work is done on flat typed arrays, one
// entry per UTF-16 unit, reused between paragraphs: no object per character.
//
// A break is allowed at a run of spaces, or at a word boundary from Intl.Segmenter, unless a Thai
// or typographic rule vetoes it:
//   - no line starts with a mark, ะ า ำ ๅ ๆ ฯ or closing punctuation (also after spaces: "ต่าง ๆ");
//   - no line ends with เ แ โ ใ ไ or opening punctuation (also before spaces);
//   - nothing breaks between two characters of space-separated writing (Latin words, numbers such
//     as 1,234.56, 15-16 and 8.30, URLs), nor after the dot of a Thai abbreviation (พ.ศ., ก.ค.).
import {COMPLEX, DISPLAY, EXTEND, GLUE, NO_END, NO_START, SEGMENT, SPACE, THAI_LETTER, WIDTH, props} from '../text/charProps.js';
import {startsWithoutBase} from '../text/clean.js';
import {clusterEnd} from '../text/graphemes.js';
import {clusterWidth} from '../text/width.js';
import {forEachWordSegment} from '../text/words.js';

/** info[i] bits. */
export const CLUSTER = 1; // a cluster starts at i
export const BREAK = 2; // a line may end before i and the next start at i (or after the spaces at i)
export const SPACE_UNIT = 4; // a breakable space (single unit)
export const TAB_UNIT = 8;
export const NEWLINE_UNIT = 16;
const WORD_START = 32; // Intl.Segmenter starts a segment here
export const FANCY = 64; // shown differently from its source: see displayCluster

export interface Analysis {
	/** Per UTF-16 unit of the paragraph: the bits above (valid up to the paragraph's length). */
	info: Uint16Array;
	/** Columns of the cluster starting at each unit (0 inside a cluster; tabs 0: they depend on the column). */
	widths: Uint8Array;
}

let info = new Uint16Array(4096);
let widths = new Uint8Array(4096);

function ensureCapacity(n: number): void {
	if (info.length > n) {
		if (info.length > 1 << 20 && n < 1 << 16) {
			info = new Uint16Array(4096); // give back what a huge article needed
			widths = new Uint8Array(4096);
		} else {
			return;
		}
	}
	if (info.length <= n) {
		info = new Uint16Array(n + 1024);
		widths = new Uint8Array(n + 1024);
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
			for (let k = i; k < j; k++) if (props(s.charCodeAt(k)) & DISPLAY) flags |= FANCY;
		} else {
			while (j < n) {
				const q = props(s.charCodeAt(j));
				if (q & COMPLEX) {
					j = clusterEnd(s, i, n);
					width = clusterWidth(s, i, j);
					for (let k = i; k < j; k++) if (props(s.charCodeAt(k)) & DISPLAY) flags |= FANCY;
					break;
				}
				if (!(q & EXTEND)) break;
				width += q & WIDTH;
				if (q & DISPLAY) flags |= FANCY;
				j++;
			}
			if (p & DISPLAY) flags |= FANCY;
		}
		if (startsWithoutBase(c)) {
			flags |= FANCY;
			width++; // drawn on ◌
		}
		if (p & SEGMENT) needsSegmenter = true;
		info[i] = flags;
		widths[i] = width > 255 ? 255 : width;
		for (let k = i + 1; k < j; k++) {
			info[k] = 0;
			widths[k] = 0;
		}
		i = j;
	}
	return needsSegmenter;
}

function markWordStart(start: number): void {
	if (info[start]! & CLUSTER) info[start] = info[start]! | WORD_START;
}

const DOT = 0x2e;

/** May a line end before cluster `next` that follows cluster `prev` directly (no space between)? */
function wordBreakAllowed(s: string, prev: number, next: number): boolean {
	const a = props(s.charCodeAt(prev));
	const b = props(s.charCodeAt(next));
	if (b & NO_START || a & NO_END) return false;
	if (a & GLUE && b & GLUE) return false;
	// After the dot of a Thai abbreviation (พ.ศ., ก.ค., ดร.): keep the abbreviation with what follows.
	if (s.charCodeAt(prev) === DOT && b & THAI_LETTER && prev > 0 && props(s.charCodeAt(prev - 1)) & THAI_LETTER) return false;
	return true;
}

/** May a line end at a run of spaces between clusters `prev` and `next`? */
function spaceBreakAllowed(s: string, prev: number, next: number): boolean {
	return !(props(s.charCodeAt(next)) & NO_START) && !(props(s.charCodeAt(prev)) & NO_END);
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
			if (prev >= 0 && spaceBreakAllowed(s, prev, i)) info[spaceRun] = info[spaceRun]! | BREAK;
			spaceRun = -1;
			inUrl = startsUrl(s, i);
		} else if (prev < 0) {
			inUrl = startsUrl(s, i);
		} else if (f & WORD_START && !inUrl && wordBreakAllowed(s, prev, i)) {
			info[i] = f | BREAK;
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
		if (segmented) forEachWordSegment(s, 0, n, markWordStart);
		markBreaks(s, n);
	}
	return {info, widths};
}
