import fs from 'node:fs';
import path from 'node:path';
import type {Article, CorpusWarning} from '../corpus/types.js';
import {kindOfName} from '../corpus/discover.js';
import {LISTING_MIN_BYTES, ListingDamaged, listingCacheFile, openListedArticles} from '../corpus/listing-cache.js';
import {stampOf, versionKey} from '../corpus/stamp.js';
import type {NamesFileStamp} from '../entities/names-cache.js';
import {cacheFileFor, defaultCacheDir, openListedOnDisk, statFile} from '../search/cache.js';
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
 * Without a current names file, the linked entity cache is read whole (about 36 ms of CPU per
 * 1,000 articles): past this many articles it is not (the ≤ 0.5 s goal of a cached `--search`).
 */
export const NAME_LOOKUP_CACHED_MAX_ARTICLES = 20_000;

/**
 * The entities a name-like query names, from the names file of the corpus (names-cache.ts) when it
 * is current: at any size, reading only the tables the query needs. Undefined when there is none
 * usable (a damaged one is said through `onWarning`).
 */
async function namedFromNamesFile(
	cacheDir: string,
	files: readonly NamesFileStamp[],
	query: string,
	onWarning: (warning: CorpusWarning) => void,
): Promise<NamedEntity[] | undefined> {
	// Loaded only for a name-like query: a quoted one never starts the entity modules.
	const {withCachedNames} = await import('../entities/names-cache.js');
	return withCachedNames(cacheDir, files, undefined, onWarning, (finder) => namedEntities(finder, query));
}

/**
 * The entities a name-like query names: from the names file when current; else from the cached
 * linked index (which writes the names file for next time) or, for a small corpus, one built now.
 */
async function namedFor(articles: Article[], query: string, cache: boolean): Promise<NamedEntity[] | undefined> {
	const cacheDir = cache ? defaultCacheDir() : undefined;
	const [{buildEntityIndex, EntityIndex}, {openLinkedCache}, {corpusFileStamps, saveNamesCache}, {NameSearch}] = await Promise.all([
		import('../entities/index.js'),
		import('../entities/linked-cache.js'),
		import('../entities/names-cache.js'),
		import('../entities/name-search.js'),
	]);
	const files = cacheDir === undefined ? undefined : corpusFileStamps(articles);
	// A names file said to be damaged is written again below, even where its header still looks current.
	let damaged = false;
	if (cacheDir !== undefined && files !== undefined) {
		const named = await namedFromNamesFile(cacheDir, files, query, (warning) => {
			damaged = true;
			warn(warning);
		});
		if (named !== undefined) return named;
	}
	if (articles.length > NAME_LOOKUP_CACHED_MAX_ARTICLES) return undefined;
	// Without corrections: the key of an index linked with a corrections file differs, so it is not read.
	// Quietly: an unusable cache folder is said once, by the search cache; a damaged entity cache is
	// said (and rebuilt) by `--entities` and the reader, and here the note below says names were not looked up.
	const linked = cacheDir === undefined ? undefined : openLinkedCache(cacheDir, articles, undefined, () => {});
	if (cacheDir !== undefined && linked?.data !== undefined) {
		// The name search is built for this lookup anyway: written down, the next search reads it.
		const data = {...linked.data, nameSearch: new NameSearch(linked.data.entities.map((e, entity) => ({entity, aliases: e.aliases})))};
		await saveNamesCache(cacheDir, articles, undefined, data, warn, damaged);
		return namedEntities(new EntityIndex(data), query);
	}
	return articles.length <= NAME_LOOKUP_MAX_ARTICLES ? namedEntities(buildEntityIndex(articles), query) : undefined;
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
	const named = isNameLike(query) ? await namedFor(articles, query, opts.cache) : undefined;
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
 * needs; a name-like query reads the names file (names-cache.ts), keyed by the same digest. The
 * answer and the warnings are those of `plainSearch` over the loaded corpus. Undefined whenever
 * that cannot be done as it is (no listing or search cache, either stale or damaged; no names file
 * for a name-like query on a corpus small enough to read the linked cache): the caller then loads the corpus and runs `plainSearch`,
 * which says what was wrong and rebuilds the caches.
 */
export async function plainSearchListed(target: string, query: string, opts: PlainSearchOptions): Promise<{out: string; warnings: CorpusWarning[]} | undefined> {
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
		if (articles.length === 0) return undefined;
		const segments = openListedOnDisk(cacheFileFor(cacheDir, target), target, {count: articles.length, ordinal: (i) => i, digest: () => listed.digest});
		if (!segments) return undefined;
		let named: NamedEntity[] | undefined;
		if (isNameLike(query)) {
			// The listing's digest stands for the file's articles: the names file is checked without making one.
			const stamp = statFile(target);
			const heard: CorpusWarning[] = [];
			const file = stamp === undefined ? undefined : {path: path.resolve(target), size: stamp.size, stamp: stamp.stamp, digest: listed.digest};
			named = file === undefined ? undefined : await namedFromNamesFile(cacheDir, [file], query, (w) => heard.push(w));
			// No usable names file: a corpus this small reads the linked cache (plainSearch, which says what was wrong).
			if (named === undefined && articles.length <= NAME_LOOKUP_CACHED_MAX_ARTICLES) return undefined;
			for (const w of heard) warn(w);
		}
		const index = new SearchIndex(articles);
		for (const segment of segments) index.addSegment(segment);
		const found = search(index, query, searchOptionsOf(named ?? []));
		return {out: output(found, articles, query, opts, named), warnings: listed.warnings};
	} catch (error) {
		if (error instanceof DiskCacheDamaged || error instanceof ListingDamaged) return undefined;
		throw error;
	} finally {
		listed.close();
	}
}
