import type {Article} from '../../source/corpus/types.js';
import {SearchIndexBuilder} from '../../source/search/search-index.js';
import type {SearchIndex} from '../../source/search/search-index.js';

/** An article built by hand: title not part of the text (as in .jsonl) unless `titleInText`. */
export function article(id: string, text: string, title = `title of ${id}`, path = 'test.jsonl'): Article {
	return {id, path, format: 'jsonl', title, text, blocks: []};
}

export function indexOf(articles: Article[]): SearchIndex {
	const builder = new SearchIndexBuilder();
	builder.add(articles);
	return builder.finish();
}

/** Generous limits, so that tests never depend on the machine's speed. */
export const SLOW_OK = {budgetMs: 60_000, fuzzyBudgetMs: 60_000};
