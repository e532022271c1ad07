// Plain text: every non-blank line is a paragraph (news text puts one paragraph on a line; blank
// lines only separate). The first line is the title when it reads as one.
import path from 'node:path';
import type {Article, ArticleFormat, Block} from './types.js';
import {lineRanges, trimRange} from './lines.js';
import {recogniseMetadata} from './metadata.js';
import {isTitleLine, OPENING_CHARS, titleFromOpening} from './title.js';
import {sanitizeInline} from '../text/sanitize.js';

/** Paragraph blocks, one per non-blank line, each span trimmed of white space. */
export function paragraphBlocks(text: string, from = 0, to = text.length): Block[] {
	const blocks: Block[] = [];
	for (const line of lineRanges(text, from, to)) {
		const {start, end} = trimRange(text, line.start, line.end);
		if (end > start) blocks.push({kind: 'para', spans: [{start, end}]});
	}
	return blocks;
}

/**
 * Picks the title among `blocks` (the first paragraph, if it is short) or makes one from its
 * opening words. Falls back to the file name when the text has no words at all.
 */
export function chooseTitle(text: string, blocks: Block[], filePath: string): string {
	const first = blocks.find((b) => b.kind === 'para');
	if (first) {
		const opening = visibleText(text, first, OPENING_CHARS + 1);
		if (isTitleLine(opening)) {
			first.kind = 'title';
			return sanitizeInline(opening);
		}
		const made = titleFromOpening(opening);
		if (made.replace(/…$/, '') !== '') return made;
	}
	return fallbackTitle(filePath);
}

/** What a block shows (its spans joined), up to `limit` characters. */
export function visibleText(text: string, block: Block, limit = Infinity): string {
	let out = '';
	for (const span of block.spans) {
		out += 'synthetic' in span ? span.synthetic : text.slice(span.start, Math.min(span.end, span.start + limit - out.length));
		if (out.length >= limit) break;
	}
	return out;
}

/** The file's name without its extension, cleaned: for texts with nothing to make a title of. */
export function fallbackTitle(filePath: string): string {
	return sanitizeInline(path.basename(filePath, path.extname(filePath))) || 'untitled';
}

export function parseText(text: string, filePath: string, format: ArticleFormat = 'txt'): Article {
	const blocks = paragraphBlocks(text);
	const {date, source} = recogniseMetadata(text, blocks);
	const title = chooseTitle(text, blocks, filePath);
	const article: Article = {id: filePath, path: filePath, format, title, text, blocks};
	if (date) article.date = date;
	if (source) article.source = source;
	return article;
}
