// Pure helpers for jumps: where to scroll so that a target is in view, and which match or mention
// comes next. Kept apart from the components so that they can be tested without a terminal.
import type {LineSource} from '../layout/lazy.js';

/**
 * The top line that shows `offset` a third of the way down the pane (never past the end). The
 * lines around it are wrapped first, so that the number is exact where the pane will look.
 */
export function topFor(lines: LineSource, offset: number, pageHeight: number): number {
	if (lines.length === 0) return 0;
	lines.settle(lines.lineAt(offset), pageHeight);
	const top = lines.lineAt(offset) - Math.floor(pageHeight / 3);
	return Math.max(0, Math.min(top, Math.max(0, lines.length - pageHeight)));
}

/**
 * Whether `offset` is on one of the lines shown from `top`. Asked by offsets (the shown lines' own),
 * so that it wraps nothing and leaves the line numbers as they are.
 */
export function isVisible(lines: LineSource, top: number, pageHeight: number, offset: number): boolean {
	const first = lines.at(top);
	if (!first) return false;
	const after = top + pageHeight < lines.length ? lines.at(top + pageHeight) : undefined;
	return (top === 0 || offset >= first.start) && (after === undefined || offset < after.start);
}

/**
 * Index of the next (or previous) range after (before) the one starting at `at`; -1 when there is
 * none in that direction. With `at` undefined the first (last) one.
 */
export function stepRange(ranges: readonly {start: number}[], at: number | undefined, direction: 1 | -1): number {
	if (ranges.length === 0) return -1;
	if (at === undefined) return direction === 1 ? 0 : ranges.length - 1;
	if (direction === 1) {
		for (let i = 0; i < ranges.length; i++) if (ranges[i]!.start > at) return i;
		return -1;
	}
	for (let i = ranges.length - 1; i >= 0; i--) if (ranges[i]!.start < at) return i;
	return -1;
}

/** Article offsets shown from `top` on: [start of the first visible line, end of the last). */
export function visibleRange(lines: LineSource, top: number, pageHeight: number): [number, number] {
	const first = lines.at(top);
	const last = lines.at(Math.min(lines.length, top + pageHeight) - 1);
	if (!first || !last) return [0, 0];
	return [first.start, Math.max(first.start, last.end)];
}
