// Opening the index for a corpus: reuse what the cache still holds, index the rest in small steps,
// write the cache back. `indexCorpusSteps` is a generator so that the UI can run one step per turn
// of the event loop (the reader opens at once; the search panel shows progress and answers from
// what is indexed so far); `openSearchIndex` runs all steps at once (plain modes, tests).
import type {Article} from '../corpus/types.js';
import {cacheFileFor, defaultCacheDir, readCacheSteps, statFiles, writeCache, type CacheWarn} from './cache.js';
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

export function* indexCorpusSteps(articles: readonly Article[], options: OpenIndexOptions = {}): Generator<IndexProgress, SearchIndex, void> {
	const index = new SearchIndex();
	index.register(articles);
	const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : (options.cacheDir ?? undefined);
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
	/** Source files whose cache must be written again: something of theirs was indexed or dropped. */
	const dirty = new Set<string>();
	for (const source of files) {
		// A step per cached segment: each is checked whole before any is used (a few milliseconds each).
		const reading = readCacheSteps(cacheFileFor(cacheDir!, source), source, articles, stats, warn);
		let read = reading.next();
		for (; !read.done; read = reading.next()) yield progress(index, reused, 'cache');
		for (const segment of read.value) {
			// A segment whose articles another reused segment already covers would be a duplicate.
			if (Array.from(segment.ordinals).some((o) => index.locate(o))) {
				dirty.add(source);
				continue;
			}
			index.addSegment(segment);
			reused += segment.ordinals.length;
		}
	}
	if (files.length > 0) yield progress(index, reused, 'index');

	const builder = new SearchIndexBuilder({fileStats: stats, segmentArticles: options.segmentArticles}, index);
	const step = Math.max(1, options.stepArticles ?? 200);
	let built = 0;
	for (let ordinal = 0; ordinal < articles.length; ordinal++) {
		if (index.locate(ordinal)) continue;
		builder.indexOrdinal(ordinal);
		dirty.add(articles[ordinal]!.path);
		if (++built % step === 0) yield progress(index, reused, 'index', built);
	}
	builder.finish();

	const save = files.filter((source) => dirty.has(source) && stats.has(source));
	if (save.length > 0) {
		yield progress(index, reused, 'save');
		for (const source of save) {
			const segments = index.segments.filter((segment) => segment.files[0]?.path === source);
			(options.saveCache ?? writeCache)(cacheFileFor(cacheDir!, source), segments, articles, warn);
		}
	}
	yield progress(index, reused, 'done');
	return index;
}

/** The whole index at once (cache used and refreshed as in `indexCorpusSteps`). */
export function openSearchIndex(articles: readonly Article[], options: OpenIndexOptions = {}): SearchIndex {
	const steps = indexCorpusSteps(articles, options);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}
