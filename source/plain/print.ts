import type {Article} from '../corpus/types.js';
import {wrapArticle} from '../layout/wrap.js';
import type {ArticleStream} from './stream.js';
import {formatArticles, jsonArrayStream} from './stream.js';

/** `--print`: every article wrapped to `width`, separated by a rule. Lines are already terminal-safe. */
export function printTextStream(width: number): ArticleStream {
	const rule = '─'.repeat(Math.min(width, 60));
	return {
		head: '',
		item: (article, index) =>
			(index > 0 ? `\n\n${rule}\n\n` : '') +
			wrapArticle(article, width)
				.map((line) => line.text.trimEnd())
				.join('\n'),
	};
}

/** `--print --json`: the same lines with the article offsets each one shows. */
export function printJsonStream(width: number): ArticleStream {
	return jsonArrayStream(`  "width": ${width},\n  "articles": `, (article) => printRecord(article, width));
}

/** One article of `--print --json`. */
export function printRecord(article: Article, width: number) {
	return {
		id: article.id,
		title: article.title,
		date: article.date?.iso ?? null,
		source: article.source ?? null,
		lines: wrapArticle(article, width).map((line) => ({text: line.text, start: line.start, end: line.end})),
	};
}

/** `--print` of articles in memory, whole. */
export const printText = (articles: readonly Article[], width: number): string => formatArticles(printTextStream(width), articles);

/** `--print --json` of articles in memory, whole. */
export const printJson = (articles: readonly Article[], width: number): string => formatArticles(printJsonStream(width), articles);
