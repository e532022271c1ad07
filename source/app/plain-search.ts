import fs from 'node:fs';
import type {Article, CorpusWarning} from '../corpus/types.js';
import {kindOfName} from '../corpus/discover.js';
import {LISTING_MIN_BYTES, ListingDamaged, listingCacheFile, openListedArticles} from '../corpus/listing-cache.js';
import {stampOf, versionKey} from '../corpus/stamp.js';
import type {EntityIndex} from '../entities/index.js';
import {cacheFileFor, defaultCacheDir, openListedOnDisk} from '../search/cache.js';
import {nameQuery, namedEntities, spellingsOf, type NamedEntity} from '../search/also-spelled.js';
import {DiskCacheDamaged} from '../search/disk-segment.js';
import {openSearchIndex} from '../search/open.js';
import {search} from '../search/search.js';
import {SearchIndex} from '../search/search-index.js';
import type {SearchResult} from '../search/types.js';
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

interface PlainSearchOptions {
	json: boolean;
	width: number;
	cache: boolean;
}

/** Whether the query may name someone: a few words, no quoted phrase (only such a query pays for the entity index). */
function isNameLike(query: string): boolean {
	const nameText = nameQuery(query);
	return nameText !== undefined && nameText.split(' ').length <= NAME_WORDS;
}

/** No keystroke is waiting here: the stages get a generous budget. */
const searchOptionsOf = (named: NamedEntity[]) => ({budgetMs: 2_000, fuzzyBudgetMs: 2_000, alsoSpelled: spellingsOf(named)});

/** The hits as text or JSON, with the note that names were not looked up when a name-like query had no entity index. */
function output(found: SearchResult, articles: readonly Article[], query: string, opts: PlainSearchOptions, named: NamedEntity[] | undefined): string {
	const skipped =
		named === undefined && isNameLike(query)
			? [
					`names in other scripts not looked up (over ${NAME_LOOKUP_MAX_ARTICLES} articles and no entity cache of up to ${NAME_LOOKUP_CACHED_MAX_ARTICLES}: run khao --entities or --index once; the reader's search does)`,
				]
			: [];
	const result = {...found, notes: [...found.notes, ...skipped]};
	return opts.json ? searchJson(result, named?.[0]) : searchText(result, articles, opts.width, named?.[0]);
}

/**
 * `--search QUERY`: the same index and ranking as the reader's search panel. A query of a few words
 * is also looked up among the entities (as the panel offers them): a name in any script reaches
 * its spellings in the others, and the entity is shown.
 */
export async function plainSearch(articles: Article[], query: string, opts: PlainSearchOptions): Promise<string> {
	// The cache is searched where it lies: only the postings and texts this query needs are read.
	const index = openSearchIndex(articles, opts.cache ? {onCacheWarning: warn, onDisk: true} : {cacheDir: null});
	const entities = isNameLike(query) ? await entityIndexFor(articles, opts.cache) : undefined;
	const named = entities === undefined ? undefined : namedEntities(entities, query);
	const searchOptions = searchOptionsOf(named ?? []);
	let found: SearchResult;
	try {
		found = search(index, query, searchOptions);
	} catch (error) {
		if (!(error instanceof DiskCacheDamaged)) throw error;
		// A damaged piece met halfway: the ordinary open checks the whole file, says so and rebuilds it.
		found = search(openSearchIndex(articles, {onCacheWarning: warn}), query, searchOptions);
	}
	return output(found, articles, query, opts, named);
}

/**
 * `--search QUERY` on one big .jsonl file whose listing and search cache are both current: the
 * articles come lazily from the listing (only the hits' are made), the search cache is matched to
 * them by the digest both keep, and neither cache's per-article part is read beyond what the query
 * needs. The answer and the warnings are those of `plainSearch` over the loaded corpus. Undefined
 * whenever that cannot be done as it is (no listing or search cache, either stale or damaged, a
 * query that may read the entity index): the caller then loads the corpus and runs `plainSearch`,
 * which says what was wrong and rebuilds the caches.
 */
export function plainSearchListed(target: string, query: string, opts: PlainSearchOptions): {out: string; warnings: CorpusWarning[]} | undefined {
	const cacheDir = opts.cache ? defaultCacheDir() : undefined;
	if (cacheDir === undefined || kindOfName(target) !== 'jsonl') return undefined;
	let stats: [fs.Stats, fs.BigIntStats];
	try {
		// The stamp articles carry is the one a read takes (milliseconds with their fraction); the version key is the exact one.
		stats = [fs.statSync(target), fs.statSync(target, {bigint: true})];
	} catch {
		return undefined;
	}
	const [stat, exact] = stats;
	if (!stat.isFile() || stat.size < LISTING_MIN_BYTES) return undefined;
	const listed = openListedArticles(listingCacheFile(cacheDir, target), {path: target, version: versionKey(exact), stamp: stampOf(stat)}, stat.size);
	if (!listed) return undefined;
	try {
		const {articles} = listed;
		// A corpus this small may read the entity cache: that needs every article, as plainSearch has them.
		if (articles.length === 0 || (isNameLike(query) && articles.length <= NAME_LOOKUP_CACHED_MAX_ARTICLES)) return undefined;
		const segments = openListedOnDisk(cacheFileFor(cacheDir, target), target, {count: articles.length, ordinal: (i) => i, digest: () => listed.digest});
		if (!segments) return undefined;
		const index = new SearchIndex(articles);
		for (const segment of segments) index.addSegment(segment);
		const found = search(index, query, searchOptionsOf([]));
		return {out: output(found, articles, query, opts, undefined), warnings: listed.warnings};
	} catch (error) {
		if (error instanceof DiskCacheDamaged || error instanceof ListingDamaged) return undefined;
		throw error;
	} finally {
		listed.close();
	}
}
