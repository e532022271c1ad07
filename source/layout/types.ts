import type {BlockKind} from '../corpus/types.js';

/**
 * Display units (grapheme clusters, a tab, a placeholder) of many lines, stored once per wrap in
 * two typed arrays instead of per line. Unit k shows article text up to `sourceEnds[k]` (-1 for a
 * synthetic unit) and ends at `textEnds[k]` in its line's `text`.
 */
export interface ClusterMap {
	textEnds: Uint32Array;
	sourceEnds: Int32Array;
}

/**
 * One displayed line. `text` is safe for the terminal (no controls, tabs expanded, every other
 * character as the article has it, ำ included) and at most the wrap width in terminal columns.
 * `start`/`end` are UTF-16 offsets of the article text the line shows, from its first shown character to the end of its last (equal
 * when the line is blank or wholly synthetic; whitespace dropped at a break lies between lines).
 */
export interface Line {
	text: string;
	/** Terminal columns of `text`. */
	width: number;
	start: number;
	end: number;
	kind: BlockKind;
	/** Index of the block this line belongs to (a blank line after a block belongs to it). */
	block: number;
	/** UTF-16 length of the synthetic lead of `text` (quote bar, bullet, hanging indent). */
	lead: number;
	/**
	 * The line's units are map[first, first + count): unit k covers text from the previous unit's
	 * text end (or `lead`) to textEnds[k], and article text from the previous unit's source end (or
	 * `start`) to sourceEnds[k]. Use lineRuns rather than reading this directly.
	 */
	map: ClusterMap;
	first: number;
	count: number;
	/** Inline styles of parts of `text` (absent when the line has none), in order, not overlapping. */
	styles?: StyleRun[];
}

/** `text[from, to)` of a line shown with STYLE bits (corpus/types.ts), and a link's target. */
export interface StyleRun {
	from: number;
	to: number;
	style: number;
	href?: string;
}
