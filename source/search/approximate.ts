// Approximate matching of one word: every place in a text within a few edits of the pattern, each
// once, with the span of the word that is there. Edit distance on the tone-less compact fold
// (Sellers' dynamic programme: the match may start anywhere), each candidate verified by its own
// distance; overlapping candidates give way to the closest one (fewest edits, then the length
// nearest the pattern's), so that a span never ends a letter late because one more letter happens
// to cost nothing more. A span starts and ends on grapheme-cluster boundaries, and a Latin pattern's
// span on word boundaries (`biden` is not in "forbidden").
import {expandCode} from '../text/fold.js';
import {editDistance} from '../text/phonetic.js';
import {wordSegmenter} from '../text/words.js';
import {continuesClusterCompact} from './classify.js';

export interface NearSpan {
	start: number;
	end: number;
	/** Edits between the pattern and text[start, end). */
	errors: number;
}

/** Longest pattern the programme runs for (longer ones are not looked for approximately). */
export const MAX_APPROXIMATE_LENGTH = 64;

/** Edits allowed for a pattern of `length` tone-less units: none under four, one up to eight, then two. */
export function maxErrors(length: number): number {
	return length < 4 ? 0 : length < 9 ? 1 : 2;
}

function isLatinWordUnit(unit: number): boolean {
	return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39);
}

let costs = new Int32Array(64);
let starts = new Int32Array(64);
let nextCosts = new Int32Array(64);
let nextStarts = new Int32Array(64);

/** Longest pattern the bit-parallel pass takes (one 32-bit word of pattern positions). */
const BIT_PARALLEL_MAX = 32;
/** Per text unit, the pattern positions holding it (set for the pattern's units during a search, zero otherwise). */
const positionsOf = new Int32Array(65_536);
let hitColumns = new Int32Array(64);

/**
 * The columns j of text[from, to) where the pattern ends within `k` edits (Sellers' distance at j
 * is at most k), by Myers' bit-vector algorithm: one step a text unit instead of one a unit and a
 * pattern letter. Returns how many, in `hitColumns`.
 */
function endsWithin(text: string, from: number, to: number, pattern: string, k: number): number {
	const m = pattern.length;
	for (let i = 0; i < m; i++) positionsOf[pattern.charCodeAt(i)]! |= 1 << i;
	const high = 1 << (m - 1);
	let pv = -1;
	let mv = 0;
	let score = m;
	let n = 0;
	for (let j = from; j < to; j++) {
		const eq = positionsOf[text.charCodeAt(j)]!;
		const xv = eq | mv;
		const xh = (((eq & pv) + pv) ^ pv) | eq;
		let ph = mv | ~(xh | pv);
		let mh = pv & xh;
		if (ph & high) score++;
		else if (mh & high) score--;
		ph <<= 1;
		mh <<= 1;
		pv = mh | ~(xv | ph);
		mv = ph & xv;
		if (score <= k) {
			if (n === hitColumns.length) {
				const wider = new Int32Array(n * 2);
				wider.set(hitColumns);
				hitColumns = wider;
			}
			hitColumns[n++] = j;
		}
	}
	for (let i = 0; i < m; i++) positionsOf[pattern.charCodeAt(i)] = 0;
	return n;
}

/**
 * The places in `text[from, to)` within `k` edits of `pattern` (both tone-less compact), in text
 * order, not overlapping. A pattern of up to 32 units is first run bit-parallel to find where
 * matches end (most passages hold none); the programme that finds where they start, with its
 * tie-breaking, then runs only from 4m + 2 units before each such end: every alignment as good as
 * the best ending there starts within 2m units of it, and the cells it is chosen from lie within
 * 4m, where the programme's values do not depend on where it started, so the spans are the ones
 * the programme over the whole range gives.
 */
export function approximateSpans(text: string, from: number, to: number, pattern: string, k: number): NearSpan[] {
	const m = pattern.length;
	if (m === 0 || m > MAX_APPROXIMATE_LENGTH || to <= from) return [];
	if (m > BIT_PARALLEL_MAX) return spansBetween(text, from, to, pattern, k, undefined, 0);
	const n = endsWithin(text, from, to, pattern, k);
	return n === 0 ? [] : spansBetween(text, from, to, pattern, k, hitColumns, n);
}

/** The same places by the programme alone over the whole range (what the bit-parallel pass must agree with). */
export function approximateSpansPlain(text: string, from: number, to: number, pattern: string, k: number): NearSpan[] {
	const m = pattern.length;
	if (m === 0 || m > MAX_APPROXIMATE_LENGTH || to <= from) return [];
	return spansBetween(text, from, to, pattern, k, undefined, 0);
}

/** Text units the programme has worked through (each costs a step per pattern letter): how much the bit-parallel pass saves. */
export let programmeColumns = 0;

/**
 * Sellers' programme over text[from, to), keeping for each cell where its alignment starts. With
 * `ends` (the first `n` ascending), only the columns around those ends are worked out.
 */
function spansBetween(text: string, from: number, to: number, pattern: string, k: number, ends: Int32Array | undefined, n: number): NearSpan[] {
	const m = pattern.length;
	if (costs.length <= m) {
		costs = new Int32Array(m + 1);
		starts = new Int32Array(m + 1);
		nextCosts = new Int32Array(m + 1);
		nextStarts = new Int32Array(m + 1);
	}
	let prev = costs;
	let prevS = starts;
	let cur = nextCosts;
	let curS = nextStarts;
	const latin = isLatinWordUnit(pattern.charCodeAt(0)) && isLatinWordUnit(pattern.charCodeAt(m - 1));
	const found: NearSpan[] = [];
	const reach = 4 * m + 2;
	// The column the programme stands at (-1: to be started), and the next end to report.
	let j = -1;
	let next = 0;
	for (;;) {
		let last = to - 1;
		if (ends) {
			if (next === n) break;
			const end = ends[next]!;
			if (j < 0 || end - reach > j) {
				// Started afresh (as at `from`) far enough before the end.
				j = Math.max(from, end - reach);
				for (let i = 0; i <= m; i++) {
					prev[i] = i;
					prevS[i] = j;
				}
			}
			last = end;
			next++;
		} else {
			if (j >= 0) break;
			j = from;
			for (let i = 0; i <= m; i++) {
				prev[i] = i;
				prevS[i] = from;
			}
		}
		programmeColumns += last + 1 - j;
		for (; j <= last; j++) {
			const t = text.charCodeAt(j);
			cur[0] = 0;
			curS[0] = j + 1;
			for (let i = 1; i <= m; i++) {
				// Ties go to the diagonal (a match or a substitution), then to a letter missing from the
				// text, so that the span found is the shortest of equal cost.
				let best = prev[i - 1]! + (pattern.charCodeAt(i - 1) === t ? 0 : 1);
				let start = prevS[i - 1]!;
				const missing = cur[i - 1]! + 1;
				if (missing < best) {
					best = missing;
					start = curS[i - 1]!;
				}
				const extra = prev[i]! + 1;
				if (extra < best) {
					best = extra;
					start = prevS[i]!;
				}
				cur[i] = best;
				curS[i] = start;
			}
			// With `ends`, only the ends found are reported (the columns before them may not be settled).
			if (cur[m]! <= k && (!ends || j === last)) {
				const start = curS[m]!;
				const end = j + 1;
				const aligned = !continuesClusterCompact(text.charCodeAt(start)) && (end >= text.length || !continuesClusterCompact(text.charCodeAt(end)));
				const wordEdges = !latin || ((start === 0 || !isLatinWordUnit(text.charCodeAt(start - 1))) && (end >= text.length || !isLatinWordUnit(text.charCodeAt(end))));
				if (aligned && wordEdges && end > start) found.push({start, end, errors: cur[m]!});
			}
			[prev, cur] = [cur, prev];
			[prevS, curS] = [curS, prevS];
		}
	}
	return bestOfOverlapping(found, m).map((span) => (latin ? span : toWordEdges(text, span, pattern, k)));
}

/** How far a span's edge may move to meet a word boundary. */
const SNAP = 3;

/**
 * A Thai span widened to the word boundaries next to it (มหาวิทยาลั → มหาวิทยาลัย, for a pattern
 * typed มหาวิทยาไล), when they are within SNAP units and the wider span is still within k + 1
 * edits. Words from Intl.Segmenter over the tone-less text around the span.
 */
function toWordEdges(text: string, span: NearSpan, pattern: string, k: number): NearSpan {
	const from = Math.max(0, span.start - 24);
	const to = Math.min(text.length, span.end + 24);
	let window = '';
	for (let i = from; i < to; i++) window += String.fromCharCode(expandCode(text.charCodeAt(i)));
	// Only the words holding the span's two edges are asked for (not every word of the window).
	const words = wordSegmenter().segment(window);
	let {start, end, errors} = span;
	// The word holding `end` (none: `end` is the window's end, an edge); when it starts before,
	// its end is the next edge.
	const atEnd = words.containing(end - from);
	if (atEnd !== undefined && atEnd.index !== end - from) {
		const e = from + atEnd.index + atEnd.segment.length;
		if (e <= end + SNAP) {
			const d = editDistance(pattern, text.slice(start, e));
			if (d <= k + 1) [end, errors] = [e, d];
		}
	}
	// The word holding `start`: when it starts before, its start is the edge before.
	const b = from + words.containing(start - from)!.index;
	if (b !== start && b >= start - SNAP) {
		const d = editDistance(pattern, text.slice(b, end));
		if (d <= k + 1) [start, errors] = [b, d];
	}
	return {start, end, errors};
}

/** Of overlapping candidates, the closest: fewest edits, then the length nearest `m`, then the first. */
function bestOfOverlapping(found: NearSpan[], m: number): NearSpan[] {
	if (found.length <= 1) return found;
	const ranked = [...found].sort((a, b) => a.errors - b.errors || Math.abs(a.end - a.start - m) - Math.abs(b.end - b.start - m) || a.start - b.start);
	const kept: NearSpan[] = [];
	for (const span of ranked) {
		if (kept.some((k) => span.start < k.end && span.end > k.start)) continue;
		kept.push(span);
	}
	return kept.sort((a, b) => a.start - b.start);
}

/** Above this many steps (text length × pattern length) only the places near a piece of the pattern are searched. */
const WHOLE_TEXT_STEPS = 20_000_000;

/**
 * approximateSpans over a whole text. A long text is searched only around the places holding one
 * of the pattern's two-letter pieces (with k edits, one of them is always left intact when the
 * pattern is longer than 2k + 1 letters), merged into windows.
 */
export function approximateIn(text: string, pattern: string, k: number): NearSpan[] {
	const m = pattern.length;
	if (k === 0 || m === 0) return [];
	if (text.length * m <= WHOLE_TEXT_STEPS || m <= 2 * k + 1) return approximateSpans(text, 0, text.length, pattern, k);
	const reach = m + k;
	const windows: [number, number][] = [];
	const anchors: number[] = [];
	for (let i = 0; i + 2 <= m; i++) {
		const piece = pattern.slice(i, i + 2);
		for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) anchors.push(at - i);
	}
	anchors.sort((a, b) => a - b);
	for (const at of anchors) {
		const from = Math.max(0, at - k - 1);
		const to = Math.min(text.length, at + reach + 1);
		const last = windows[windows.length - 1];
		if (last && from <= last[1]) last[1] = Math.max(last[1], to);
		else windows.push([from, to]);
	}
	return windows.flatMap(([from, to]) => approximateSpans(text, from, to, pattern, k));
}
