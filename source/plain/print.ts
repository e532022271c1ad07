import type {Article} from '../corpus/types.js';
import {wrapArticle} from '../layout/wrap.js';
import {safeJson} from './json.js';

/**
 * Lines carry SARA AM in its display form (U+0E4D U+0E32) so that terminals give it the width we
 * counted. Text bound for a file or a pipe gets the real U+0E33 back, so that it can be searched.
 */
const fromDisplay = (s: string) => s.replace(/\u0E4D\u0E32/g, '\u0E33');

/** `--print`: every article wrapped to `width`, separated by a rule. Lines are already terminal-safe. */
export function printText(articles: readonly Article[], width: number, toTerminal = false): string {
	const rule = '─'.repeat(Math.min(width, 60));
	const show = toTerminal ? (s: string) => s : fromDisplay;
	return articles
		.map((article) => wrapArticle(article, width).map((line) => show(line.text.trimEnd())).join('\n'))
		.join(`\n\n${rule}\n\n`);
}

/** `--print --json`: the same lines with the article offsets each one shows. */
export function printJson(articles: readonly Article[], width: number): string {
	return safeJson({
		width,
		articles: articles.map((article) => ({
			id: article.id,
			title: article.title,
			date: article.date?.iso ?? null,
			source: article.source ?? null,
			lines: wrapArticle(article, width).map((line) => ({text: fromDisplay(line.text), start: line.start, end: line.end})),
		})),
	});
}
