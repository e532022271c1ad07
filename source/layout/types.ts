import type {BlockKind} from '../corpus/types.js';

/**
 * One displayed line. `text` is safe for the terminal (no controls, tabs expanded, SARA AM in its
 * display form) and at most the wrap width in terminal columns. `start`/`end` are UTF-16 offsets of
 * the article text the line shows (equal when the line is blank or wholly synthetic).
 */
export interface Line {
	text: string;
	width: number;
	start: number;
	end: number;
	kind: BlockKind;
	/** Index of the block this line belongs to. */
	block: number;
	/**
	 * Cluster map: for each grapheme cluster of `text` in order, its end index in `text` and the
	 * article offset its source ends at (-1 for synthetic clusters). Used to highlight ranges.
	 */
	clusterEnds: Uint32Array;
	sourceEnds: Int32Array;
}
