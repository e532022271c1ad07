// Display cleaning with offsets. Article text stays as read (offsets point into it); what the
// terminal gets is made in two steps that layout and `cleanForDisplay` share:
//   1. CleanText: unsafe runs dropped (sanitize.ts's unsafeLength, the one rule for the whole
//      program), CR / CRLF / U+2028 / U+2029 made '\n', lone surrogates U+FFFD, each kept unit
//      remembering its article offset. Tabs are still as in the source: a tab's width depends on
//      its column.
//   2. Display units (one per grapheme cluster): tabs become spaces up to the next multiple of 8
//      columns, and a cluster with no base character (a mark after a tab
//      or at the start of a paragraph) is drawn on U+25CC ◌, so that it cannot stack onto whatever
//      the terminal drew before it.
import {FORMAT, MARK, props} from './charProps.js';
import {clusterEnd} from './graphemes.js';
import {isLoneSurrogate, unsafeLength} from './sanitize.js';
import {clusterWidth} from './width.js';

export interface CleanText {
	text: string;
	/** Article offset of each unit of `text` (-1: synthetic); null when unit k is at `base + k`. */
	sources: Int32Array | null;
	base: number;
}

/** Needs step 1 to change something: controls, CR, line/paragraph separators, surrogates, Cf. */
function needsCleaning(c: number): boolean {
	if (c >= 0x20 && c < 0x7f) return false;
	if (c < 0x20) return c !== 0x09 && c !== 0x0a;
	if (c < 0xa0) return true;
	if (c >= 0x0e00 && c < 0x0e80) return false;
	if (c >= 0xd800 && c <= 0xdfff) return true;
	return c === 0x2028 || c === 0x2029 || (props(c) & FORMAT) !== 0;
}

/** Collects cleaned pieces of article text and synthetic strings into one CleanText. */
export class CleanBuilder {
	private parts: string[] = [];
	private length = 0;
	private sources: Int32Array | null = null;
	private base = -1;
	private identity = true; // every unit so far is at base + k

	/** UTF-16 units appended so far (where the next piece will start in the cleaned text). */
	get size(): number {
		return this.length;
	}

	/** Appends the cleaned text[start, end). */
	addSource(text: string, start: number, end: number): void {
		let i = start;
		while (i < end && !needsCleaning(text.charCodeAt(i))) i++;
		if (i === end) {
			this.push(text.slice(start, end), start);
			return;
		}
		let kept = start;
		while (i < end) {
			const c = text.charCodeAt(i);
			if (!needsCleaning(c)) {
				i++;
				continue;
			}
			let replacement: string | undefined;
			let skip: number;
			if (c === 0x0d || c === 0x2028 || c === 0x2029) {
				replacement = '\n';
				skip = c === 0x0d && i + 1 < end && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
			} else if (c >= 0xd800 && c <= 0xdfff && isLoneSurrogate(text, i)) {
				replacement = '\uFFFD';
				skip = 1;
			} else {
				skip = unsafeLength(text, i, end);
				if (skip === 0) {
					i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
					continue;
				}
			}
			if (kept < i) this.push(text.slice(kept, i), kept);
			if (replacement !== undefined) this.push(replacement, i);
			i += skip;
			kept = i;
		}
		if (kept < end) this.push(text.slice(kept, end), kept);
	}

	/** Appends a synthetic string (a bullet, a title from a JSON field), cleaned, with no offsets. */
	addSynthetic(s: string): void {
		const b = new CleanBuilder();
		b.addSource(s, 0, s.length);
		const cleaned = b.finish();
		if (cleaned.text.length > 0) this.push(cleaned.text, -1);
	}

	private push(piece: string, source: number): void {
		const n = piece.length;
		if (n === 0) return;
		if (this.identity) {
			if (this.length === 0 && source >= 0) this.base = source;
			else if (source < 0 || source !== this.base + this.length) this.materialise(this.length + n);
		}
		if (!this.identity) {
			this.grow(this.length + n);
			const map = this.sources!;
			// A replacement ('\n' for CRLF, U+FFFD) is one unit standing for the unit at `source`.
			if (source < 0) map.fill(-1, this.length, this.length + n);
			else for (let k = 0; k < n; k++) map[this.length + k] = source + k;
		}
		this.parts.push(piece);
		this.length += n;
	}

	private materialise(capacity: number): void {
		this.identity = false;
		const map = new Int32Array(Math.max(16, capacity * 2));
		for (let k = 0; k < this.length; k++) map[k] = this.base + k;
		this.sources = map;
	}

	private grow(capacity: number): void {
		if (this.sources!.length >= capacity) return;
		const bigger = new Int32Array(capacity * 2);
		bigger.set(this.sources!.subarray(0, this.length));
		this.sources = bigger;
	}

	finish(): CleanText {
		const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
		if (this.identity) return {text, sources: null, base: this.length === 0 ? 0 : this.base};
		return {text, sources: this.sources!.slice(0, this.length), base: 0};
	}
}

/** Step 1 for one range of article text. */
export function cleanText(text: string, start = 0, end: number = text.length): CleanText {
	const b = new CleanBuilder();
	b.addSource(text, start, end);
	return b.finish();
}

export const TAB_STOP = 8;
const DOTTED_CIRCLE = '\u25CC';

/** A cluster that begins with a mark (or SARA AM, whose ring needs a consonant to sit on). */
export function startsWithoutBase(c: number): boolean {
	return c === 0x0e33 || c === 0x0eb3 || (props(c) & MARK) !== 0;
}

/**
 * The display form of the cluster s[i, j) at `column`: tabs as spaces to the next tab stop (at
 * most `room` columns), a base-less cluster on ◌; everything else as written.
 */
export function displayCluster(s: string, i: number, j: number, column: number, room = Infinity): string {
	const c = s.charCodeAt(i);
	if (c === 0x09) return ' '.repeat(Math.max(0, Math.min(TAB_STOP - (column % TAB_STOP), room)));
	const cluster = j === i + 1 ? s[i]! : s.slice(i, j);
	return startsWithoutBase(c) ? DOTTED_CIRCLE + cluster : cluster;
}

/** Columns displayCluster(s, i, j, column) takes. */
export function displayClusterWidth(s: string, i: number, j: number, column: number, room = Infinity): number {
	const c = s.charCodeAt(i);
	if (c === 0x09) return Math.max(0, Math.min(TAB_STOP - (column % TAB_STOP), room));
	return clusterWidth(s, i, j) + (startsWithoutBase(c) ? 1 : 0);
}

export interface DisplayUnits {
	/** The display text; line breaks are '\n'. */
	text: string;
	count: number;
	/** End of unit k in `text`. */
	textEnds: Uint32Array;
	/** Article offset where unit k's source ends (-1 for synthetic units). */
	sourceEnds: Int32Array;
	/** Columns of unit k (0 for '\n'). */
	widths: Uint8Array;
}

/**
 * Cleans a range of article text for display: one unit per grapheme cluster (or tab, or line
 * break), each with the article offset its source ends at. Tab stops count from `column` and
 * restart after each line break.
 */
export function displayUnits(text: string, start = 0, end: number = text.length, column = 0): DisplayUnits {
	const clean = cleanText(text, start, end);
	const s = clean.text;
	const n = s.length;
	const textEnds = new Uint32Array(n);
	const sourceEnds = new Int32Array(n);
	const widths = new Uint8Array(n);
	const parts: string[] = [];
	let length = 0;
	let count = 0;
	let col = column;
	for (let i = 0; i < n;) {
		const j = s.charCodeAt(i) === 0x0a ? i + 1 : clusterEnd(s, i, n);
		let piece: string;
		let width: number;
		if (s.charCodeAt(i) === 0x0a) {
			piece = '\n';
			width = 0;
			col = 0;
		} else {
			piece = displayCluster(s, i, j, col);
			width = displayClusterWidth(s, i, j, col);
			col += width;
		}
		parts.push(piece);
		length += piece.length;
		const last = j - 1;
		const source = clean.sources ? clean.sources[last]! : clean.base + last;
		textEnds[count] = length;
		sourceEnds[count] = source < 0 ? -1 : source + 1;
		widths[count] = width;
		count++;
		i = j;
	}
	return {text: parts.join(''), count, textEnds, sourceEnds, widths};
}

/** The cleaned display text of text[start, end) (see displayUnits). */
export function cleanForDisplay(text: string, start = 0, end: number = text.length, column = 0): string {
	return displayUnits(text, start, end, column).text;
}
