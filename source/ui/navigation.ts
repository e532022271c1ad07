// Pure helpers for jumps: where to scroll so that a target is in view, and which match or mention
// comes next. Kept apart from the components so that they can be tested without a terminal.
import type {Line} from '../layout/types.js';
import {lineAt} from '../layout/wrap.js';

/** The top line that shows `offset` a third of the way down the pane (never past the end). */
export function topFor(lines: readonly Line[], offset: number, pageHeight: number): number {
	if (lines.length === 0) return 0;
	const line = lineAt(lines, offset);
	const top = line - Math.floor(pageHeight / 3);
	return Math.max(0, Math.min(top, Math.max(0, lines.length - pageHeight)));
}

/** Whether `offset` is on one of the lines shown from `top`. */
export function isVisible(lines: readonly Line[], top: number, pageHeight: number, offset: number): boolean {
	const line = lineAt(lines, offset);
	return line >= top && line < top + pageHeight;
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
export function visibleRange(lines: readonly Line[], top: number, pageHeight: number): [number, number] {
	const first = lines[top];
	const last = lines[Math.min(lines.length, top + pageHeight) - 1];
	if (!first || !last) return [0, 0];
	return [first.start, Math.max(first.start, last.end)];
}
