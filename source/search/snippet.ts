// A result's snippet: a window of the source around the match, cut at Thai word boundaries (or at
// least between grapheme clusters), kept within its paragraph, made safe for the terminal with
// sanitizeInline, with the matched ranges widened to whole clusters and given as offsets into the
// snippet itself.
import {graphemeBoundaries} from '../text/graphemes.js';
import {sanitizeInline} from '../text/sanitize.js';
import {clusterWidth, stringWidth} from '../text/width.js';
import {wordSegments} from '../text/words.js';
import {continuesCluster} from './passages.js';

export interface Snippet {
	text: string;
	/** [from, to) ranges of `text` to highlight, ascending, whole grapheme clusters. */
	highlights: [number, number][];
}

export interface SnippetOptions {
	/** About how many source characters to show (marks included). */
	length?: number;
	/** How much of that goes before the match. */
	before?: number;
}

const ELLIPSIS = '…';
const OPEN = '\ue000';
const CLOSE = '\ue001';
const SENTINELS = /[\ue000\ue001]/g;
const words = new Intl.Segmenter('th', {granularity: 'word'});

/** Moves `at` back to a cluster boundary (never below `min`). */
function clusterStart(source: string, at: number, min: number): number {
	while (at > min && continuesCluster(source.charCodeAt(at))) at--;
	return at;
}

/** Moves `at` forward to a cluster boundary (never above `max`). */
function clusterEnd(source: string, at: number, max: number): number {
	while (at < max && continuesCluster(source.charCodeAt(at))) at++;
	return at;
}

function isSpace(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x0a || code === 0x0d || code === 0x3000;
}

/**
 * A cut near `at` within [min, max]: right after the nearest space (Thai puts spaces between
 * phrases, so one is usually close), else a word boundary from Intl.Segmenter, else a cluster
 * boundary.
 */
function cutNear(source: string, at: number, min: number, max: number): number {
	for (let d = 0; d <= 16; d++) {
		if (at - d > min && at - d <= max && isSpace(source.charCodeAt(at - d - 1))) return at - d;
		if (at + d > min && at + d <= max && isSpace(source.charCodeAt(at + d - 1))) return at + d;
	}
	const from = Math.max(0, at - 24);
	const piece = words.segment(source.slice(from, Math.min(source.length, at + 24))).containing(at - from);
	if (piece) {
		const start = from + piece.index;
		const end = start + piece.segment.length;
		for (const b of Math.abs(start - at) <= Math.abs(end - at) ? [start, end] : [end, start]) {
			if (b >= min && b <= max && (b > from || from === 0)) return b;
		}
	}
	return Math.min(max, Math.max(min, clusterStart(source, at, min)));
}

/** The snippet for a match `focus` in `source`, highlighting `ranges` (which include the focus). */
export function makeSnippet(source: string, focus: readonly [number, number], ranges: readonly (readonly [number, number])[], options: SnippetOptions = {}): Snippet {
	const length = options.length ?? 160;
	// Room on both sides, so that a panel of any width can show the match in the middle (fitSnippet).
	const before = options.before ?? 70;
	const [focusStart, focusEnd] = focus;
	const paragraphStart = focusStart === 0 ? 0 : source.lastIndexOf('\n', focusStart - 1) + 1;
	let paragraphEnd = source.indexOf('\n', focusEnd);
	if (paragraphEnd < 0) paragraphEnd = source.length;

	let left = Math.max(paragraphStart, focusStart - before);
	let right = Math.min(paragraphEnd, Math.max(focusEnd, left + length));
	if (right - left < length) left = Math.max(paragraphStart, Math.min(left, right - length));
	if (left > paragraphStart) left = cutNear(source, left, paragraphStart, focusStart);
	if (right < paragraphEnd) right = cutNear(source, right, focusEnd, paragraphEnd);

	// Highlights: clipped to the window, widened to whole clusters, merged.
	const marks: [number, number][] = [];
	for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
		const start = clusterStart(source, Math.max(from, left), left);
		const end = clusterEnd(source, Math.min(to, right), right);
		if (end <= start) continue;
		const last = marks[marks.length - 1];
		if (last && start <= last[1]) last[1] = Math.max(last[1], end);
		else marks.push([start, end]);
	}

	// Sentinels mark the highlights through sanitizeInline, which may drop and collapse characters.
	let marked = '';
	let at = left;
	for (const [start, end] of marks) {
		marked += source.slice(at, start).replace(SENTINELS, '\ufffd') + OPEN + source.slice(start, end).replace(SENTINELS, '\ufffd') + CLOSE;
		at = end;
	}
	marked += source.slice(at, right).replace(SENTINELS, '\ufffd');
	const clean = sanitizeInline(marked);

	let text = '';
	const highlights: [number, number][] = [];
	let open = -1;
	for (const ch of clean) {
		if (ch === OPEN) open = text.length;
		else if (ch === CLOSE) {
			if (open >= 0 && text.length > open) highlights.push([open, text.length]);
			open = -1;
		} else text += ch;
	}
	// A sentinel swallowed by an escape sequence leaves an unbalanced pair: show no highlight rather than a wrong one.
	const balanced = (clean.match(SENTINELS)?.length ?? 0) === marks.length * 2;
	let result: Snippet = {text: text.trim(), highlights: balanced ? highlights : []};
	// Spaces at the edges (next to a sentinel) survive sanitizeInline's trim: trim them here.
	const lead = text.length - text.trimStart().length;
	if (lead > 0) result.highlights = result.highlights.map(([a, b]) => [Math.max(0, a - lead), Math.max(0, b - lead)]);
	result.highlights = result.highlights.map(([a, b]): [number, number] => [Math.min(a, result.text.length), Math.min(b, result.text.length)]).filter(([a, b]) => b > a);
	if (left > paragraphStart) {
		result = {text: ELLIPSIS + result.text, highlights: result.highlights.map(([a, b]) => [a + 1, b + 1])};
	}
	if (right < paragraphEnd) result.text += ELLIPSIS;
	return result;
}

/**
 * A snippet cut to `width` terminal columns with its first highlight in the middle: as much text on
 * each side as fits, the cuts moved to the nearest word boundaries (Intl.Segmenter words, else
 * clusters) and marked with …. A snippet that fits is returned as it is.
 */
export function fitSnippet(snippet: Snippet, width: number): Snippet {
	const {text, highlights} = snippet;
	if (stringWidth(text) <= width) return snippet;
	const ends = graphemeBoundaries(text);
	const columns = [0];
	for (let k = 1; k < ends.length; k++) columns.push(columns[k - 1]! + clusterWidth(text, ends[k - 1]!, ends[k]!));
	const columnAt = (offset: number) =>
		columns[
			Math.max(
				0,
				ends.findIndex((e) => e >= offset),
			)
		]!;
	const [focusStart, focusEnd] = highlights[0] ?? [0, 0];
	const budget = Math.max(1, width - 2);
	const a = columnAt(focusStart);
	let b = Math.min(columnAt(focusEnd), a + budget);
	// The highlights that fit with the first (several words close together) share the middle.
	for (const [, end] of highlights.slice(1)) if (columnAt(end) - a <= budget * 0.8) b = Math.max(b, columnAt(end));
	// Columns [from, to) are shown: the match, then half of the room left on each side.
	const room = budget - (b - a);
	let from = Math.max(0, a - Math.floor(room / 2));
	const to = Math.min(columns[columns.length - 1]!, from + budget);
	from = Math.max(0, to - budget);
	// Back to offsets, on word boundaries inside [from, to] where one is near.
	const offsetAt = (column: number, up: boolean) => {
		let k = columns.findIndex((c) => c >= column);
		if (k < 0) k = columns.length - 1;
		if (columns[k]! > column && !up) k--;
		return ends[Math.max(0, k)]!;
	};
	let left = offsetAt(from, true);
	let right = offsetAt(to, false);
	const boundaries = new Set<number>();
	for (const segment of wordSegments(text)) boundaries.add(segment.start).add(segment.end);
	if (left > 0) left = nearestIn(boundaries, left, Math.min(focusStart, left + WORD_SNAP), 1) ?? left;
	if (right < text.length) right = nearestIn(boundaries, right, Math.max(focusEnd, right - WORD_SNAP), -1) ?? right;
	const lead = left > 0 && !text.startsWith(ELLIPSIS, left) ? ELLIPSIS : '';
	const tail = right < text.length && !text.endsWith(ELLIPSIS, right) ? ELLIPSIS : '';
	return {
		text: lead + text.slice(left, right) + tail,
		highlights: highlights.map(([s, e]): [number, number] => [Math.max(s, left) - left + lead.length, Math.min(e, right) - left + lead.length]).filter(([s, e]) => e > s),
	};
}

/** How far (UTF-16 units) a cut moves to meet a word boundary. */
const WORD_SNAP = 12;

/** The first of `set` from `from` towards `to` (step ±1), if any. */
function nearestIn(set: ReadonlySet<number>, from: number, to: number, step: 1 | -1): number | undefined {
	for (let k = from; step > 0 ? k <= to : k >= to; k += step) if (set.has(k)) return k;
	return undefined;
}
