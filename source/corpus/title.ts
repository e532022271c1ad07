// Titles. A short first line is a title; a long one is the article's first paragraph, and the
// title is then made from its opening words, cut at a word boundary so that no Thai word is halved.
import {sanitizeInline} from '../text/sanitize.js';
import {stringWidth} from '../text/width.js';

/** Longest first line (in characters) still taken as a title. */
export const MAX_TITLE_LINE = 120;
/** Width (terminal columns) of a title made from opening words, the ellipsis included. */
export const MADE_TITLE_COLUMNS = 60;

const words = new Intl.Segmenter('th', {granularity: 'word'});
const graphemes = new Intl.Segmenter('th', {granularity: 'grapheme'});

/**
 * Whether a first line reads as a title: short, not a lead-in ending in a colon, and not two
 * sentences run together (a Latin sentence end followed by more text).
 */
export function isTitleLine(line: string): boolean {
	const clean = sanitizeInline(line);
	if (clean.length === 0 || [...clean].length > MAX_TITLE_LINE) return false;
	if (/[:：]$/.test(clean)) return false;
	return !/\p{Ll}[.!?]["'”’)\]]*\s+\S/u.test(clean);
}

/** How much of a paragraph to pass to `titleFromOpening`: enough for any title, and bounded. */
export const OPENING_CHARS = MADE_TITLE_COLUMNS * 6;

/** A title from the opening words of a paragraph: whole words up to ~60 columns, then '…'. */
export function titleFromOpening(paragraph: string, maxColumns = MADE_TITLE_COLUMNS): string {
	// Segmenting a bounded piece keeps this fast on huge one-line paragraphs.
	const opening = sanitizeInline(paragraph.length > OPENING_CHARS ? paragraph.slice(0, OPENING_CHARS) : paragraph);
	if (paragraph.length <= OPENING_CHARS && stringWidth(opening) <= maxColumns) return opening;
	const budget = maxColumns - 1;
	let kept = '';
	let columns = 0;
	for (const {segment} of words.segment(opening)) {
		const width = stringWidth(segment);
		if (columns + width > budget) {
			if (kept.trim() === '') kept = cutAtGraphemes(segment, budget);
			break;
		}
		kept += segment;
		columns += width;
	}
	return kept.replace(/[\s,;:\-–—(“"'‘]+$/u, '') + '…';
}

/** A word wider than the whole title (a URL, a long name): as many grapheme clusters as fit. */
function cutAtGraphemes(word: string, budget: number): string {
	let kept = '';
	let columns = 0;
	for (const {segment} of graphemes.segment(word)) {
		const width = stringWidth(segment);
		if (columns + width > budget) break;
		kept += segment;
		columns += width;
	}
	return kept;
}
