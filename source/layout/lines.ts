// Questions the reader asks of wrapped lines: which line shows an article offset (to keep the
// same text at the top after a resize, to jump to a match), and how to cut a line into runs to
// highlight article ranges exactly at cluster granularity.
import type {Line, StyleRun} from './types.js';

/**
 * Index of the line that shows article offset `offset`: the last line starting at or before it
 * (so whitespace dropped at a break belongs to the line before, and of a synthetic line and the
 * text line starting at the same offset, the text line wins). 0 for an offset before every line,
 * -1 when there are no lines. Lines must be in article order, as wrapArticle makes them.
 */
export function lineAt(lines: readonly Line[], offset: number): number {
	if (lines.length === 0) return -1;
	let low = 0;
	let high = lines.length - 1;
	if (offset < lines[0]!.start) return 0;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if (lines[mid]!.start <= offset) low = mid;
		else high = mid - 1;
	}
	return low;
}

/**
 * Where the top of the reader is, in terms that survive a re-wrap: the article offset of the top
 * line, and for a line that shows no text (a title from a JSON field, metadata, a blank line, all
 * at the same offset as the text after them) how many such lines at that offset come before it.
 */
export interface Anchor {
	offset: number;
	/** -1 for a line that shows article text. */
	rank: number;
}

/** Lines as an array or a lazy wrap holds them. */
export interface LineList {
	readonly length: number;
	at(i: number): Line | undefined;
}

const showsNothingAt = (line: Line | undefined, offset: number): boolean => line !== undefined && line.start === offset && line.end === offset;

/** The anchor of line `top`. */
export function anchorOf(lines: LineList, top: number): Anchor {
	const line = lines.at(top);
	if (!line) return {offset: 0, rank: 0};
	if (line.start < line.end) return {offset: line.start, rank: -1};
	let first = top;
	while (first > 0 && showsNothingAt(lines.at(first - 1), line.start)) first--;
	return {offset: line.start, rank: top - first};
}

/**
 * The line an anchor points to after a re-wrap: the same text, or the same synthetic line.
 * `found` is the line that shows the anchor's offset (lineAt).
 */
export function lineOfAnchor(lines: LineList, anchor: Anchor, found: number): number {
	if (anchor.rank < 0 || found < 0) return found;
	let first = found;
	while (first > 0 && lines.at(first - 1)?.start === anchor.offset) first--;
	if (lines.at(first)?.start !== anchor.offset) return found;
	let k = first;
	for (let r = 0; r < anchor.rank && k + 1 < lines.length && showsNothingAt(lines.at(k + 1), anchor.offset); r++) k++;
	return k;
}

export interface TaggedRange {
	start: number;
	end: number;
	tag: string;
}

export interface Run {
	text: string;
	tag?: string;
	/** STYLE bits (corpus/types.ts) of the text, and a link's target. */
	style?: number;
	href?: string;
}

/**
 * Cuts `line.text` into runs: each display unit (a grapheme cluster) takes the tag of the first
 * range that overlaps the article text it shows; the lead and synthetic units take none. Adjacent
 * units with the same tag are merged; a run also ends where one of the line's style runs (bold,
 * a link, …) begins or ends, and carries its style. A unit shows the article text from the previous unit's
 * source end (or line.start) to its own, so characters dropped from display (an escape sequence)
 * count with the unit after them.
 */
export function lineRuns(line: Line, ranges: readonly TaggedRange[]): Run[] {
	const runs: Run[] = [];
	const styles = line.styles ?? [];
	let s = 0; // the first style run that may still reach the text being pushed
	/** Pushes line.text[from, to) with `tag`, cut where the line's style runs begin and end. */
	const push = (from: number, to: number, tag: string | undefined): void => {
		while (from < to) {
			while (s < styles.length && styles[s]!.to <= from) s++;
			const run = styles[s];
			const inside = run !== undefined && run.from <= from;
			const until = Math.min(to, inside ? run.to : (run?.from ?? to));
			add(line.text.slice(from, until), tag, inside ? run : undefined);
			from = until;
		}
	};
	const add = (text: string, tag: string | undefined, styled: StyleRun | undefined): void => {
		const last = runs[runs.length - 1];
		if (last && last.tag === tag && last.style === styled?.style && last.href === styled?.href) {
			last.text += text;
			return;
		}
		const run: Run = {text};
		if (tag !== undefined) run.tag = tag;
		if (styled) {
			run.style = styled.style;
			if (styled.href !== undefined) run.href = styled.href;
		}
		runs.push(run);
	};
	const relevant = ranges.filter((r) => r.end > line.start && r.start < line.end && r.end > r.start);
	push(0, line.lead, undefined);
	if (relevant.length === 0) {
		push(line.lead, line.text.length, undefined);
		return runs;
	}
	const {textEnds, sourceEnds} = line.map;
	let textFrom = line.lead;
	let sourceFrom = line.start;
	for (let k = line.first; k < line.first + line.count; k++) {
		const textTo = textEnds[k]!;
		const sourceTo = sourceEnds[k]!;
		let tag: string | undefined;
		if (sourceTo >= 0) {
			for (const r of relevant) {
				if (r.start < sourceTo && r.end > sourceFrom) {
					tag = r.tag;
					break;
				}
			}
			sourceFrom = sourceTo;
		}
		push(textFrom, textTo, tag);
		textFrom = textTo;
	}
	push(textFrom, line.text.length, undefined);
	return runs;
}

/** Ranges longer than this may be missed by rangesWithin where they start above the view (names and matches are far shorter). */
export const LONGEST_RANGE = 4_096;

/**
 * The ranges, sorted by start, that overlap [from, to): found by bisection, so that a very large
 * article's hundreds of thousands of mentions cost a few steps a frame (or a piece of wrap), not
 * a pass over them all.
 */
export function rangesWithin<T extends {start: number; end: number}>(ranges: readonly T[], from: number, to: number): T[] {
	let low = 0;
	let high = ranges.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (ranges[mid]!.start < from - LONGEST_RANGE) low = mid + 1;
		else high = mid;
	}
	const out: T[] = [];
	for (let i = low; i < ranges.length && ranges[i]!.start < to; i++) if (ranges[i]!.end > from) out.push(ranges[i]!);
	return out;
}
