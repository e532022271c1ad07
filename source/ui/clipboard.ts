// Copying with OSC 52: the terminal puts the text on the system clipboard, also over ssh. What is
// copied is the paragraph at the top of the reader as it is drawn: the block's spans (markup left
// out, bullets and numbers kept), cleaned by layout's own first step (unsafe runs dropped, line
// breaks made '\n'); the drawing-only touches (tabs as spaces, ◌ under a lone mark) stay out.
import type {Article} from '../corpus/types.js';
import type {LineList} from '../layout/lines.js';
import {visibleText} from '../corpus/parse-text.js';
import {cleanText} from '../text/clean.js';

/** The text of block `index` of `article`, as shown. */
export function blockText(article: Article, index: number): string {
	const block = article.blocks[index];
	return block ? cleanText(visibleText(article.text, block)).text.trim() : '';
}

/** The block of the paragraph the line at `top` belongs to (the next one when that line is blank or a rule), or -1. */
export function blockAt(article: Article, lines: LineList, top: number): number {
	for (let i = top; i < Math.min(lines.length, top + 200); i++) {
		const line = lines.at(i);
		if (!line) break;
		if (line.kind === 'rule' || line.text.trim() === '') continue;
		if (blockText(article, line.block) !== '') return line.block;
	}
	return -1;
}

/** The paragraph the line at `top` belongs to, as shown. */
export function paragraphAt(article: Article, lines: LineList, top: number): string {
	const block = blockAt(article, lines, top);
	return block === -1 ? '' : blockText(article, block);
}
