import type {Article} from '../corpus/types.js';
import type {EntityIndex} from '../entities/index.js';
import {defaultCacheDir} from '../search/cache.js';
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
 * With the linked entity cache that `--entities`, `--index` and the reader write, names are looked
 * up without building anything; reading it costs about 36 ms of CPU per 1,000 articles, so past
 * this many articles it is not read either (the ≤ 0.5 s goal of a cached `--search`).
 */
export const NAME_LOOKUP_CACHED_MAX_ARTICLES = 20_000;

/** The entity index to look a name up in: the cached one when valid, else built for a small corpus. */
async function entityIndexFor(articles: Article[], cache: boolean): Promise<EntityIndex | undefined> {
	if (articles.length > NAME_LOOKUP_CACHED_MAX_ARTICLES) return undefined;
	// Loaded only here: over the limit above, starting the entity modules was a tenth of a cached `--search`'s own work.
	const [{buildEntityIndex, EntityIndex}, {openLinkedCache}] = await Promise.all([import('../entities/index.js'), import('../entities/linked-cache.js')]);
	const cacheDir = cache ? defaultCacheDir() : undefined;
	// Without corrections: the key of an index linked with a corrections file differs, so it is not read.
	// Quietly: an unusable cache folder is said once, by the search cache; a damaged entity cache is
	// said (and rebuilt) by `--entities` and the reader, and here the note below says names were not looked up.
	const linked = cacheDir === undefined ? undefined : openLinkedCache(cacheDir, articles, undefined, () => {});
	if (linked?.data !== undefined) return new EntityIndex(linked.data);
	return articles.length <= NAME_LOOKUP_MAX_ARTICLES ? buildEntityIndex(articles) : undefined;
}

/**
 * `--search QUERY`: the same index and ranking as the reader's search panel. A query of a few words
 * is also looked up among the entities (as the panel offers them): a name in any script reaches
 * its spellings in the others, and the entity is shown.
 */
export async function plainSearch(articles: Article[], query: string, opts: {json: boolean; width: number; cache: boolean}): Promise<string> {
	// The cache is searched where it lies: only the postings and texts this query needs are read.
	const index = openSearchIndex(articles, opts.cache ? {onCacheWarning: warn, onDisk: true} : {cacheDir: null});
	// Only a query that may name someone (a few words, no quoted phrase) pays for the entity index.
	const nameText = nameQuery(query);
	const nameLike = nameText !== undefined && nameText.split(' ').length <= NAME_WORDS;
	const entities = nameLike ? await entityIndexFor(articles, opts.cache) : undefined;
	const named = entities === undefined ? [] : namedEntities(entities, query);
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
	const skipped =
		nameLike && entities === undefined
			? [
					`names in other scripts not looked up (over ${NAME_LOOKUP_MAX_ARTICLES} articles and no entity cache of up to ${NAME_LOOKUP_CACHED_MAX_ARTICLES}: run khao --entities or --index once; the reader's search does)`,
				]
			: [];
	const result = {...found, notes: [...found.notes, ...skipped]};
	return opts.json ? searchJson(result, named[0]) : searchText(result, articles, opts.width, named[0]);
}
