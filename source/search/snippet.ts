// A result's snippet: a window of the source around the match, cut at Thai word boundaries (or at
// least between grapheme clusters), kept within its paragraph, made safe for the terminal with
// sanitizeInline, with the matched ranges widened to whole clusters and given as offsets into the
// snippet itself.
import {sanitizeInline} from '../text/sanitize.js';
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
	const length = options.length ?? 120;
	const before = options.before ?? 36;
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
