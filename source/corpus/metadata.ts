// Metadata inside the text: a date near the top, source lines anywhere. A paragraph that is only
// a date or only a source becomes a 'meta' block (styled apart, still shown, offsets kept).
import type {ArticleDate, Block} from './types.js';
import {findDate, isDateLine} from './date.js';
import {isSourceValueLine, sourceLineOf} from './source-line.js';
import {sanitizeInline} from '../text/sanitize.js';

/** The date is looked for in this many paragraphs from the top, within this many characters. */
const DATE_PARAGRAPHS = 5;
const DATE_REACH = 1000;

/** The single range a block shows, when it is one piece of the text (metadata lines are). */
function singleRange(block: Block): {start: number; end: number} | undefined {
	if (block.spans.length !== 1) return undefined;
	const span = block.spans[0]!;
	return 'start' in span ? span : undefined;
}

/** Whether two ranges are on consecutive lines (one line break, no blank line, between them). */
function adjacent(text: string, end: number, start: number): boolean {
	const between = text.slice(end, start);
	return /^[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*$/.test(between);
}

export interface Metadata {
	date?: ArticleDate;
	source?: string;
}

/**
 * Finds the date and the source; turns paragraphs that are only metadata into 'meta' blocks.
 * Only 'para' blocks are looked at (a title that holds a date keeps being the title).
 */
export function recogniseMetadata(text: string, blocks: Block[], known: Metadata = {}): Metadata {
	const found: Metadata = {...known};
	let looked = 0;
	for (const block of blocks) {
		if (looked >= DATE_PARAGRAPHS) break;
		if (block.kind !== 'para' && block.kind !== 'title') continue;
		looked++;
		const range = singleRange(block);
		if (!range) continue;
		if (range.start > DATE_REACH) break;
		const piece = text.slice(range.start, Math.min(range.end, range.start + DATE_REACH));
		const date = findDate(piece);
		if (!date) continue;
		found.date ??= date.date;
		if (block.kind === 'para' && range.end - range.start === piece.length && isDateLine(piece, date)) block.kind = 'meta';
		break;
	}

	let urlSource: string | undefined;
	for (let i = 0; i < blocks.length; i++) {
		const block = blocks[i]!;
		const range = singleRange(block);
		if (block.kind !== 'para' || !range) continue;
		const line = sourceLineOf(text.slice(range.start, range.end));
		if (!line) continue;
		block.kind = 'meta';
		if (line.kind === 'url') {
			urlSource ??= line.value;
			continue;
		}
		let value = line.value;
		const next = blocks[i + 1];
		const nextRange = next && singleRange(next);
		if (value === '' && line.colon && next?.kind === 'para' && nextRange && adjacent(text, range.end, nextRange.start)) {
			const nextLine = text.slice(nextRange.start, nextRange.end);
			if (isSourceValueLine(nextLine)) {
				value = nextLine;
				next.kind = 'meta';
				i++;
			}
		}
		if (value !== '') found.source ??= sanitizeInline(value);
	}
	if (urlSource !== undefined) found.source ??= sanitizeInline(urlSource);
	return found;
}
