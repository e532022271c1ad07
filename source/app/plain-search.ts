import type {Article} from '../corpus/types.js';
import {buildEntityIndex} from '../entities/index.js';
import {nameQuery, namedEntities, spellingsOf} from '../search/also-spelled.js';
import {DiskCacheDamaged, openSearchIndex, search, type SearchResult} from '../search/index.js';
import {searchJson, searchText} from '../plain/search.js';
import {warn} from './output.js';

/** Queries of more words than this are not names: the entity index is not built for them. */
const NAME_WORDS = 4;
/**
 * Building the entity index costs about 5 s of CPU per 1,000 articles: past this many articles
 * `--search` does not build it (and says so); the reader builds it in the background.
 */
export const NAME_LOOKUP_MAX_ARTICLES = 2_500;

/**
 * `--search QUERY`: the same index and ranking as the reader's search panel. A query of a few words
 * is also looked up among the entities (as the panel offers them): a name in any script reaches
 * its spellings in the others, and the entity is shown.
 */
export function plainSearch(articles: Article[], query: string, opts: {json: boolean; width: number; cache: boolean}): string {
	// The cache is searched where it lies: only the postings and texts this query needs are read.
	const index = openSearchIndex(articles, opts.cache ? {onCacheWarning: warn, onDisk: true} : {cacheDir: null});
	// Only a query that may name someone (a few words, no quoted phrase) pays for the entity index.
	const nameText = nameQuery(query);
	const nameLike = nameText !== undefined && nameText.split(' ').length <= NAME_WORDS;
	const lookUp = nameLike && articles.length <= NAME_LOOKUP_MAX_ARTICLES;
	const named = lookUp ? namedEntities(buildEntityIndex(articles), query) : [];
	// No keystroke is waiting here: give the stages a generous budget.
	const searchOptions = {budgetMs: 2_000, fuzzyBudgetMs: 2_000, alsoSpelled: spellingsOf(named)};
	let found: SearchResult;
	try {
		found = search(index, query, searchOptions);
	} catch (error) {
		if (!(error instanceof DiskCacheDamaged)) throw error;
		// A damaged piece met halfway: the ordinary open checks the whole file, says so and rebuilds it.
		found = search(openSearchIndex(articles, {onCacheWarning: warn}), query, searchOptions);
	}
	const skipped = nameLike && !lookUp ? [`names in other scripts not looked up (over ${NAME_LOOKUP_MAX_ARTICLES} articles; the reader's search does)`] : [];
	const result = {...found, notes: [...found.notes, ...skipped]};
	return opts.json ? searchJson(result, named[0]) : searchText(result, articles, opts.width, named[0]);
}
