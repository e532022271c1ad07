import {useRef} from 'react';
import type {Article} from '../../corpus/types.js';
import type {LazyWrap} from '../../layout/lazy.js';
import {anchorOf, lineOfAnchor, type Anchor} from '../../layout/wrap.js';

/**
 * The top line to draw: the state's, except that when the same article was re-wrapped (a resize,
 * the reading width toggled, the names found) the text that was on top stays on top. The lines
 * around it are wrapped here (settle), so the numbers shown are exact. This remembers the last
 * frame, which is the render's business, not the reader's state; the reducer hears the result.
 */
export function useSteadyTop(article: Article | undefined, lines: LazyWrap, top: number, height: number): number {
	const shown = useRef<{article: Article | undefined; lines: LazyWrap; anchor: Anchor; top: number}>({article, lines, anchor: {offset: 0, rank: 0}, top});
	let steady = top;
	if (shown.current.lines !== lines && shown.current.article === article && shown.current.lines.length > 0) {
		// Keys that moved the view since the last frame counted lines of the old wrap: their top is
		// read there, so a re-wrap landing in the same frame (the names found) does not undo them.
		const moved = top !== shown.current.top;
		const anchor = moved ? anchorOf(shown.current.lines, Math.max(0, Math.min(top, shown.current.lines.length - 1))) : shown.current.anchor;
		steady = lineOfAnchor(lines, anchor, lines.lineAt(anchor.offset));
	}
	steady = lines.settle(steady, height);
	steady = Math.max(0, Math.min(steady, lines.length - height));
	shown.current = {article, lines, anchor: anchorOf(lines, steady), top: steady};
	return steady;
}
