// Opening the index for a corpus: reuse what the cache still holds, index the rest in small steps,
// write the cache back. `indexCorpusSteps` is a generator so that the UI can run one step per turn
// of the event loop (the reader opens at once; the search panel shows progress and answers from
// what is indexed so far); `openSearchIndex` runs all steps at once (plain modes, tests).
import type {Article} from '../corpus/types.js';
import {buildSearchCaches} from './build-cache.js';
import {cacheFileFor, defaultCacheDir, openOnDiskSteps, readCacheSteps, statFiles, writeCache, type CacheWarn} from './cache.js';
import {DiskSegment} from './disk-segment.js';
import {CorpusFiles} from './cache-format.js';
import {SearchIndex, SearchIndexBuilder, type FileStat} from './search-index.js';

export interface OpenIndexOptions {
	/** Where to keep the cache; null turns it off; default: `defaultCacheDir()` (KHAO_CACHE_DIR, XDG). */
	cacheDir?: string | null;
	/** Size and stamp per source path; default: stat each file. */
	fileStats?: ReadonlyMap<string, FileStat>;
	/** Articles indexed per step (default 200, about 30 ms). */
	stepArticles?: number;
	/** Articles per segment (the unit the cache reuses); small values are for tests. */
	segmentArticles?: number;
	/** Writes the cache instead of the synchronous default (the reader passes writeCacheAsync). */
	saveCache?: (file: string, segments: SearchIndex['segments'], articles: readonly Article[], warn: CacheWarn) => unknown;
	/**
	 * Search cached files where they lie (disk-segment.ts) instead of reading them into memory: for
	 * a one-shot search, which then reads only what its query needs. A search may then throw
	 * DiskCacheDamaged; open again without this to rebuild.
	 */
	onDisk?: boolean;
	/** Told, at most once, why the cache could not be used or saved (the index is built all the same). */
	onCacheWarning?: CacheWarn;
}

export interface IndexProgress {
	/** The index, searchable (over what is indexed so far) from the first step on. */
	index: SearchIndex;
	/** Articles searchable now (segments are sealed every thousand or so). */
	indexed: number;
	/** Articles processed so far (searchable or about to be). */
	processed: number;
	total: number;
	/** Articles whose index came from the cache. */
	fromCache: number;
	phase: 'cache' | 'index' | 'save' | 'done';
	/** With `done`: the cache files being written, settled once they are on disk (or not saved). */
	saved?: Promise<unknown[]>;
}

function progress(index: SearchIndex, fromCache: number, phase: IndexProgress['phase'], built = 0): IndexProgress {
	const processed = phase === 'save' || phase === 'done' ? index.articles.length : fromCache + built;
	return {index, indexed: index.indexedArticles, processed, total: index.articles.length, fromCache, phase};
}

/** Each cacheable source file of the corpus (stdin is not one), in corpus order. */
function sourceFiles(articles: readonly Article[]): string[] {
	const files = new Set<string>();
	for (const article of articles) if (article.path !== '-') files.add(article.path);
	return [...files];
}

/** The cache folder the options ask for; undefined when caching is off. */
function cacheDirOf(options: OpenIndexOptions): string | undefined {
	return options.cacheDir === undefined ? defaultCacheDir() : (options.cacheDir ?? undefined);
}

/** The index as the caches left it, and what building the rest and saving it need. */
export interface CachedStart {
	index: SearchIndex;
	/** Articles whose index came from the cache. */
	reused: number;
	stats: ReadonlyMap<string, FileStat>;
	/** Source files whose cache must be written again: something of theirs is (to be) indexed, or was dropped. */
	dirty: Set<string>;
	/** False when the cache is off (or nothing of the corpus can be cached). */
	caching: boolean;
	/** Writes the dirty files' caches; resolves with what each `saveCache` gave (writeCacheAsync: whether it was written). */
	save: (saveCache?: OpenIndexOptions['saveCache']) => Promise<unknown[]>;
}

/**
 * The first part of opening: the index with every still valid cached segment, read a step per
 * segment (or opened on disk). The caller indexes the articles not located yet, marks their files
 * dirty, and calls `save`.
 */
export function* openCachedSteps(articles: readonly Article[], options: OpenIndexOptions = {}): Generator<IndexProgress, CachedStart, void> {
	const index = new SearchIndex();
	index.register(articles);
	const cacheDir = cacheDirOf(options);
	const files = cacheDir === undefined ? [] : sourceFiles(articles);
	const stats = options.fileStats ?? (files.length > 0 ? statFiles(articles) : new Map<string, FileStat>());
	// One cache problem is enough to hear of: a file that cannot be read usually cannot be written either.
	let warned = false;
	const warn: CacheWarn = (warning) => {
		if (warned) return;
		warned = true;
		options.onCacheWarning?.(warning);
	};
	yield progress(index, 0, 'cache');

	let reused = 0;
	const dirty = new Set<string>();
	const corpusFiles = new CorpusFiles(articles);
	for (const source of files) {
		const file = cacheFileFor(cacheDir!, source);
		// A step per cached segment: each is checked whole before any is used (a few milliseconds
		// each), or opened on disk (its small arrays read and checked).
		const reading = options.onDisk ? openOnDiskSteps(file, source, articles, stats, corpusFiles, warn) : readCacheSteps(file, source, articles, stats, warn, corpusFiles);
		let read = reading.next();
		for (; !read.done; read = reading.next()) yield progress(index, reused, 'cache');
		const cached = read.value;
		for (const segment of cached) {
			// A segment whose articles another reused segment already covers would be a duplicate.
			if (Array.from(segment.ordinals).some((o) => index.locate(o))) {
				dirty.add(source);
				continue;
			}
			index.addSegment(segment);
			reused += segment.ordinals.length;
		}
	}
	const save = (saveCache = options.saveCache ?? writeCache): Promise<unknown[]> => {
		const saved: unknown[] = [];
		for (const source of files) {
			if (!dirty.has(source) || !stats.has(source)) continue;
			const segments = index.segments.filter((segment) => segment.files[0]?.path === source);
			saved.push(saveCache(cacheFileFor(cacheDir!, source), segments, articles, warn));
		}
		return Promise.all(saved);
	};
	if (files.length > 0) yield progress(index, reused, 'index');
	return {index, reused, stats, dirty, caching: files.length > 0, save};
}

export function* indexCorpusSteps(articles: readonly Article[], options: OpenIndexOptions = {}): Generator<IndexProgress, SearchIndex, void> {
	options = {...options, onCacheWarning: once(options.onCacheWarning)};
	let start = yield* openCachedSteps(articles, options);
	if (options.onDisk) start = yield* cacheOnDiskFirst(articles, options, start);
	const {index, reused, dirty} = start;
	const builder = new SearchIndexBuilder({fileStats: start.stats, segmentArticles: options.segmentArticles}, index);
	const step = Math.max(1, options.stepArticles ?? 200);
	let built = 0;
	for (let ordinal = 0; ordinal < articles.length; ordinal++) {
		if (index.locate(ordinal)) continue;
		builder.indexOrdinal(ordinal);
		dirty.add(articles[ordinal]!.path);
		if (++built % step === 0) yield progress(index, reused, 'index', built);
	}
	builder.finish();
	let saved: Promise<unknown[]> | undefined;
	if (start.caching && dirty.size > 0) {
		yield progress(index, reused, 'save');
		saved = start.save();
	}
	yield saved ? {...progress(index, reused, 'done'), saved} : progress(index, reused, 'done');
	return index;
}

/** The first warning only: one cache problem is enough to hear of. */
function once(warn: CacheWarn | undefined): CacheWarn {
	let warned = false;
	return (warning) => {
		if (warned) return;
		warned = true;
		warn?.(warning);
	};
}

/**
 * For a search on disk: the files without a valid cache get one first, built a segment at a time
 * (build-cache.ts: an archive's whole index is never in memory), and are opened on disk like the
 * rest. What still has no cache after that (stdin, a folder that cannot be written) is indexed
 * in memory by the caller.
 */
function* cacheOnDiskFirst(articles: readonly Article[], options: OpenIndexOptions, start: CachedStart): Generator<IndexProgress, CachedStart, void> {
	const cacheDir = cacheDirOf(options);
	if (cacheDir === undefined || !start.caching) return start;
	const missing = new Set<string>();
	for (let ordinal = 0; ordinal < articles.length; ordinal++) {
		const path = articles[ordinal]!.path;
		if (!start.index.locate(ordinal) && start.stats.has(path)) missing.add(path);
	}
	if (missing.size === 0) return start;
	const building = buildSearchCaches(articles, {
		cacheDir,
		fileStats: start.stats,
		only: missing,
		...(options.stepArticles ? {stepArticles: options.stepArticles} : {}),
		...(options.segmentArticles ? {segmentArticles: options.segmentArticles} : {}),
		...(options.onCacheWarning ? {onCacheWarning: options.onCacheWarning} : {}),
	});
	for (const step of building) yield {...progress(start.index, start.reused, 'index'), processed: step.processed};
	// The first opening's files are opened again with the new ones: let its descriptors go.
	for (const segment of start.index.segments) if (segment instanceof DiskSegment) segment.close();
	return yield* openCachedSteps(articles, {...options, fileStats: start.stats});
}

/** The whole index at once (cache used and refreshed as in `indexCorpusSteps`). */
export function openSearchIndex(articles: readonly Article[], options: OpenIndexOptions = {}): SearchIndex {
	const steps = indexCorpusSteps(articles, options);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}
