// Grapheme clusters. Intl.Segmenter is the authority, but it is slow per call and super-linear on
// long strings (64 K characters: 0.4 s), so the common scripts (ASCII, Latin, Thai, CJK…) use the
// one rule that decides them, "a boundary before every character that does not extend the
// cluster", and only the rest (emoji sequences, Hangul jamo, Indic conjuncts, surrogates) goes to
// Intl, in bounded windows.
import {COMPLEX, CONTROL, EXTEND, props} from './charProps.js';

let segmenter: Intl.Segmenter | undefined;

/** The shared grapheme segmenter (creating one costs more than segmenting a paragraph). */
export function graphemeSegmenter(): Intl.Segmenter {
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	return segmenter;
}

// The cluster ends Intl found in the last window, reused while the caller walks through it.
const WINDOW = 256;
let cachedText = '';
let cachedEnd = -1; // the `end` argument the cache was made for
let cachedStart = -1;
let cachedStop = -1; // ends at or beyond this index were not confirmed (window cut)
let cachedEnds: number[] = [];
let cachedCursor = 0; // callers walk forward: start looking where the last answer was

function cachedClusterEnd(i: number): number {
	let k = cachedCursor;
	if (k >= cachedEnds.length || (k > 0 && cachedEnds[k - 1]! > i)) k = 0;
	while (k < cachedEnds.length && cachedEnds[k]! <= i) k++;
	cachedCursor = k;
	return k < cachedEnds.length ? cachedEnds[k]! : -1;
}

function intlClusterEnd(s: string, i: number, end: number): number {
	if (s === cachedText && end === cachedEnd && i >= cachedStart && i < cachedStop) {
		const e = cachedClusterEnd(i);
		if (e > 0) return e;
	}
	let size = WINDOW;
	for (;;) {
		let stop = Math.min(end, i + size);
		// Never cut a surrogate pair: Intl would see a lone half and end the cluster before it.
		const last = s.charCodeAt(stop - 1);
		if (stop < end && last >= 0xd800 && last <= 0xdbff) stop--;
		const ends: number[] = [];
		for (const {index, segment} of graphemeSegmenter().segment(s.slice(i, stop))) {
			ends.push(i + index + segment.length);
		}
		// The last cluster of a cut window may continue past the cut: only trust it at `end`.
		const trusted = stop === end ? ends.length : ends.length - 1;
		if (trusted > 0) {
			cachedText = s;
			cachedEnd = end;
			cachedStart = i;
			cachedEnds = ends.slice(0, trusted);
			cachedStop = cachedEnds[trusted - 1]!;
			cachedCursor = 0;
			return ends[0]!;
		}
		size *= 4; // one cluster longer than the window (a long emoji or jamo chain): look further
	}
}

/** End (exclusive) of the grapheme cluster that starts at `i`; `end` bounds the text considered. */
export function clusterEnd(s: string, i: number, end: number = s.length): number {
	const c = s.charCodeAt(i);
	const p = props(c);
	if (p & COMPLEX) return intlClusterEnd(s, i, end);
	let j = i + 1;
	if (p & CONTROL) return c === 0x0d && j < end && s.charCodeAt(j) === 0x0a ? j + 1 : j;
	while (j < end) {
		const q = props(s.charCodeAt(j));
		if (q & COMPLEX) return intlClusterEnd(s, i, end);
		if (!(q & EXTEND)) break;
		j++;
	}
	return j;
}

/** The grapheme clusters of `s`, in order. */
export function graphemes(s: string): string[] {
	const out: string[] = [];
	for (let i = 0; i < s.length;) {
		const j = clusterEnd(s, i);
		out.push(s.slice(i, j));
		i = j;
	}
	return out;
}

/** Cluster boundaries of `s` (0 and s.length included), as UTF-16 indices. */
export function graphemeBoundaries(s: string): number[] {
	const out = [0];
	for (let i = 0; i < s.length;) {
		i = clusterEnd(s, i);
		out.push(i);
	}
	return out;
}
