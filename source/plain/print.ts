import type {Article} from '../corpus/types.js';
import {wrapArticle} from '../layout/wrap.js';
import {safeJson} from './json.js';

/** `--print`: every article wrapped to `width`, separated by a rule. Lines are already terminal-safe. */
export function printText(articles: readonly Article[], width: number): string {
	const rule = '─'.repeat(Math.min(width, 60));
	return articles
		.map((article) => wrapArticle(article, width).map((line) => line.text.trimEnd()).join('\n'))
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
			lines: wrapArticle(article, width).map((line) => ({text: line.text, start: line.start, end: line.end})),
		})),
	});
}
