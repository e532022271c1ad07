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

/**
 * The places in `text[from, to)` within `k` edits of `pattern` (both tone-less compact), in text
 * order, not overlapping. Costs (to − from) × pattern length steps.
 */
export function approximateSpans(text: string, from: number, to: number, pattern: string, k: number): NearSpan[] {
	const m = pattern.length;
	if (m === 0 || m > MAX_APPROXIMATE_LENGTH || to <= from) return [];
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
	for (let i = 0; i <= m; i++) {
		prev[i] = i;
		prevS[i] = from;
	}
	const latin = isLatinWordUnit(pattern.charCodeAt(0)) && isLatinWordUnit(pattern.charCodeAt(m - 1));
	const found: NearSpan[] = [];
	for (let j = from; j < to; j++) {
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
		if (cur[m]! <= k) {
			const start = curS[m]!;
			const end = j + 1;
			const aligned = !continuesClusterCompact(text.charCodeAt(start)) && (end >= text.length || !continuesClusterCompact(text.charCodeAt(end)));
			const wordEdges = !latin || ((start === 0 || !isLatinWordUnit(text.charCodeAt(start - 1))) && (end >= text.length || !isLatinWordUnit(text.charCodeAt(end))));
			if (aligned && wordEdges && end > start) found.push({start, end, errors: cur[m]!});
		}
		[prev, cur] = [cur, prev];
		[prevS, curS] = [curS, prevS];
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
	const edges = new Set<number>();
	for (const piece of wordSegmenter().segment(window)) {
		edges.add(from + piece.index);
		edges.add(from + piece.index + piece.segment.length);
	}
	let {start, end, errors} = span;
	if (!edges.has(end)) {
		for (let e = end + 1; e <= Math.min(to, end + SNAP); e++) {
			if (!edges.has(e)) continue;
			const d = editDistance(pattern, text.slice(start, e));
			if (d <= k + 1) [end, errors] = [e, d];
			break;
		}
	}
	if (!edges.has(start)) {
		for (let b = start - 1; b >= Math.max(from, start - SNAP); b--) {
			if (!edges.has(b)) continue;
			const d = editDistance(pattern, text.slice(b, end));
			if (d <= k + 1) [start, errors] = [b, d];
			break;
		}
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
