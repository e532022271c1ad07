import type {Article, CorpusWarning} from '../corpus/types.js';
import {openSearchIndex, search} from '../search/index.js';
import {searchJson, searchText} from '../plain/search.js';
import {formatWarning} from './run.js';

/** `--search QUERY`: the same index and ranking as the reader's search panel. */
export function plainSearch(articles: Article[], query: string, opts: {json: boolean; width: number; cache: boolean}): string {
	const onCacheWarning = (w: CorpusWarning) => void process.stderr.write(formatWarning(w) + '\n');
	const index = openSearchIndex(articles, opts.cache ? {onCacheWarning} : {cacheDir: null});
	// No keystroke is waiting here: give the fuzzy stage a generous budget.
	const result = search(index, query, {budgetMs: 2_000});
	return opts.json ? searchJson(result) : searchText(result, articles, opts.width);
}
