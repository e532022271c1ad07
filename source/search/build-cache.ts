// The search caches of a corpus built ahead of time (`khao --index`, a cold one-shot search): each
// source file without a valid cache is indexed a segment at a time, each sealed segment written
// out (cache-writer.ts) and let go. Nothing is kept for searching here, so memory holds one open
// segment and the headers, whatever the corpus's size; searching opens the files afterwards.
import type {Article} from '../corpus/types.js';
import {asProblem, cacheFileFor, openOnDiskSteps, statFiles, warnProblem, type CacheWarn} from './cache.js';
import {CorpusFiles} from './cache-format.js';
import {SearchCacheWriter} from './cache-writer.js';
import {DiskSegment} from './disk-segment.js';
import type {FileStat} from './search-index.js';
import {MAX_SEGMENT_ARTICLES, releaseBuildMemory, SegmentBuilder, type Segment} from './segment.js';
import {BatchCutter} from './batches.js';
import {textLengthOf} from '../corpus/article-store.js';
import {runSteps} from '../entities/steps.js';

export interface BuildCacheOptions {
	cacheDir: string;
	/** Size and stamp per source path; default: stat each file. */
	fileStats?: ReadonlyMap<string, FileStat>;
	/** Only these source files (default: every file of the corpus). */
	only?: ReadonlySet<string>;
	/** Articles indexed per step (default 200). */
	stepArticles?: number;
	/** Articles per segment; small values are for tests. */
	segmentArticles?: number;
	/** Text of a batch (batches.ts; default BATCH_CHARS): a segment is sealed where a batch ends, as the reader's workers do. */
	batchChars?: number;
	/** Told, at most once, why a cache could not be used or written. */
	onCacheWarning?: CacheWarn;
	/** Each segment as it is sealed, before it is written and let go (tests watch that none is kept). */
	onSealed?: (segment: Segment) => void;
}

export interface BuildCacheProgress {
	/** Articles done: indexed and written, or found cached. */
	processed: number;
	total: number;
	/** Articles whose file's cache was valid already. */
	fromCache: number;
}

/** Each cacheable source file's ordinals, in corpus order (stdin and files that cannot be stat'ed have no cache). */
function filesOf(articles: readonly Article[], stats: ReadonlyMap<string, FileStat>): Map<string, number[]> {
	const files = new Map<string, number[]>();
	articles.forEach((article, ordinal) => {
		if (article.path === '-' || !stats.has(article.path)) return;
		const list = files.get(article.path);
		if (list) list.push(ordinal);
		else files.set(article.path, [ordinal]);
	});
	return files;
}

/** True when the cache file of `source` is valid for all of its articles (read as a search would: header and small arrays). */
function cachedWhole(
	file: string,
	source: string,
	ordinals: readonly number[],
	articles: readonly Article[],
	stats: ReadonlyMap<string, FileStat>,
	warn: CacheWarn,
): boolean {
	const segments = runSteps(openOnDiskSteps(file, source, articles, stats, new CorpusFiles(articles), warn));
	const covered = new Set<number>();
	for (const segment of segments) for (const ordinal of segment.ordinals) covered.add(ordinal);
	// The file's segments share one descriptor.
	if (segments[0] instanceof DiskSegment) segments[0].close();
	return covered.size === ordinals.length && ordinals.every((o) => covered.has(o));
}

/**
 * Builds and writes the search cache of every source file whose cache is missing or out of date,
 * a step (about `stepArticles` articles) at a time. A file whose cache cannot be written is
 * skipped after one warning; the others go on.
 */
export function* buildSearchCaches(articles: readonly Article[], options: BuildCacheOptions): Generator<BuildCacheProgress, BuildCacheProgress, void> {
	const stats = options.fileStats ?? statFiles(articles);
	let warned = false;
	const warn: CacheWarn = (warning) => {
		if (warned) return;
		warned = true;
		options.onCacheWarning?.(warning);
	};
	const step = Math.max(1, options.stepArticles ?? 200);
	const total = articles.length;
	let processed = 0;
	let fromCache = 0;
	let sinceStep = 0;
	yield {processed, total, fromCache};
	for (const [source, ordinals] of filesOf(articles, stats)) {
		if (options.only && !options.only.has(source)) continue;
		const file = cacheFileFor(options.cacheDir, source);
		if (cachedWhole(file, source, ordinals, articles, stats, warn)) {
			processed += ordinals.length;
			fromCache += ordinals.length;
			yield {processed, total, fromCache};
			continue;
		}
		let writer: SearchCacheWriter | undefined;
		const before = processed;
		try {
			writer = new SearchCacheWriter(file);
			const stat = stats.get(source)!;
			const files = [{path: source, size: stat.size, stamp: stat.stamp}];
			let open: SegmentBuilder | undefined;
			const seal = (builder: SegmentBuilder): void => {
				const segment = builder.seal(files);
				options.onSealed?.(segment);
				writer!.add(segment, articles);
			};
			const cutter = new BatchCutter(options.segmentArticles ?? MAX_SEGMENT_ARTICLES, options.batchChars);
			for (const ordinal of ordinals) {
				if (cutter.next(textLengthOf(articles[ordinal]!)) && open && open.articleCount > 0) {
					seal(open);
					open = undefined;
				}
				open ??= new SegmentBuilder(options.segmentArticles);
				open.add(articles[ordinal]!, ordinal);
				if (open.full) {
					seal(open);
					open = undefined;
				}
				processed++;
				if (++sinceStep === step) {
					sinceStep = 0;
					yield {processed, total, fromCache};
				}
			}
			if (open && open.articleCount > 0) seal(open);
			writer.finish();
		} catch (error) {
			writer?.abort();
			warnProblem(warn, 'not saved', asProblem(file, error));
			// The file's articles are counted done all the same: nothing more can be done for them.
			processed = before + ordinals.length;
		}
	}
	releaseBuildMemory();
	const done = {processed: total, total, fromCache};
	yield done;
	return done;
}
