// Search and entity indexes are built after the first screen, so keys are answered while they are.
// A corpus of some size has its search index built by the worker pool (source/workers/), both cores
// busy, in batches of one file's articles that the UI thread only adds to its index; a small one is
// built in slices of a few milliseconds between which the event loop runs (starting threads would
// cost more). Entities are linked in such slices; for a corpus with an article too large for a
// slice, whole in a pool worker; for a large one (searched on disk), in a pool worker from the
// detection cache into the linked cache, which this thread then opens as a reopen does.
import type {CorpusLoad} from '../corpus/index.js';
import {
	indexCorpusSteps,
	openCachedSteps,
	writeCacheAsync,
	type CachedStart,
	type FileStat,
	type IndexProgress,
	type OpenIndexOptions,
	type SearchIndex,
} from '../search/index.js';
import {CacheStream} from '../search/cache-stream.js';
import {DiskSegment} from '../search/disk-segment.js';
import {MAX_SEGMENT_ARTICLES} from '../search/segment.js';
import {BATCH_CHARS, BatchCutter} from '../search/batches.js';
import {correctionsWarnings, EntityIndex, EntityIndexBuilder, type EntityCorrections} from '../entities/index.js';
import {entityIndexSteps} from '../entities/entity-index.js';
import {StepClock} from '../entities/steps.js';
import type {Article, CorpusWarning} from '../corpus/types.js';
import {textLengthOf} from '../corpus/article-store.js';
import {BATCH_HEAP_MB, WORKER_HEAP_MB, WorkerPool} from '../workers/pool.js';
import {indexedArticle, searchJob, type SearchBatch} from '../workers/search-job.js';
import {entitiesJob} from '../workers/entities-job.js';
import {DetectionQueue, INLINE_ARTICLES, detectCorpusColumns} from '../entities/detect-corpus.js';
import {articleCount} from '../entities/mention-codec.js';
import {sharedTagger} from '../entities/model/load.js';
import {linkJob} from '../workers/link-job.js';
import {serializeInChunks} from '../workers/chunked-input.js';
import {defaultCacheDir, statFiles} from '../search/cache.js';
import {openLinkedCacheSteps, type LinkedCache} from '../entities/linked-cache.js';
import {phase, tickPhases} from '../workers/phase-log.js';

/** An article longer than this (UTF-16 units, ~750 KB of Thai) is one step of several hundred ms: index in workers. */
export const WORKER_CHARS = 250_000;
/** A corpus of more text than this (UTF-16 units, about 300 articles) has its search index built by the pool. */
export const POOL_CHARS = 1_000_000;
/**
 * A corpus of more text than this (UTF-16 units, about 20,000 news articles) is searched where its
 * cache lies (disk-segment.ts), as `--search` does, instead of holding its index in memory (about
 * 2.8 bytes a character: 93 MB for 10,000 articles, 560 MB for 60,000). Below it a keystroke's
 * search reads nothing from disk.
 */
export const DISK_CHARS = 64_000_000;
/**
 * A corpus of more text than this has its entities linked in a worker of their own from the
 * detection cache, as `khao --index` links them, and opened from the linked cache. Linking on this
 * thread in slices (a snapshot of 10,000 articles alone is 50-100 ms of CPU) left a key typed
 * while both cores ran workers waiting for a slice near the 50 ms line. Default POOL_CHARS: every
 * corpus the pool indexes; a smaller one is linked here in a second or two.
 */
export const LINK_CHARS = POOL_CHARS;

export interface BackgroundState {
	search?: SearchIndex;
	searchIndexed: number;
	searchDone: boolean;
	entities?: EntityIndex;
	entityArticles: number;
	entitiesDone: boolean;
	total: number;
	/** Why an index is missing (a worker ran out of memory), for the status bar. */
	problem?: string;
	/** The indexes come from worker threads, whole at the end: there is no percentage to show. */
	inWorkers?: boolean;
	/** Why the search cache was not used or saved (the index is built all the same). */
	cacheWarning?: CorpusWarning;
	/**
	 * The search cache is being written (hundreds of MB for an archive): the index is usable, but
	 * quitting now loses the file and the next launch builds the index again, so the bar says so.
	 */
	saving?: boolean;
	/** Articles whose search index came from the cache (when built by the pool). */
	searchFromCache?: number;
}

export interface BackgroundOptions {
	search?: OpenIndexOptions;
	corrections?: EntityCorrections;
	/** Longest slice of work before yielding to the event loop. */
	sliceMs?: number;
	/** Articles between entity snapshots (the UI sees links improve as the corpus is read). */
	snapshotEvery?: number;
	/** Articles longer than this send the whole build to worker threads (default WORKER_CHARS). */
	workerChars?: number;
	/** A corpus of more text than this has its search index built by the worker pool (default POOL_CHARS). */
	poolChars?: number;
	/** Heap limit of each worker, MB (tests make it small). */
	workerHeapMb?: number;
	/** Heap limit of the linking worker, MB (default BATCH_HEAP_MB; tests make it small). */
	linkHeapMb?: number;
	/** A corpus of more text than this has its search index on disk once cached (default DISK_CHARS). */
	diskChars?: number;
	/** A corpus of more text than this has its entities linked in a worker (default LINK_CHARS). */
	linkChars?: number;
	/** Text of a worker's batch (default BATCH_CHARS; small values are for tests). */
	batchChars?: number;
}

/** Runs both builds to the end; `onUpdate` after each slice that changed what the UI can use. */
export class BackgroundIndexer {
	state: BackgroundState = {searchIndexed: 0, searchDone: false, entityArticles: 0, entitiesDone: false, total: 0};
	private stopped = false;
	private pool: WorkerPool | undefined;
	/** The worker linking a large corpus (entitiesOnDisk), ended once it is done. */
	private linker: WorkerPool | undefined;
	/** The corpus holds an article too large for a slice (or a batch): its indexes are built whole in the pool. */
	private huge = false;
	/** The corpus's text, UTF-16 units (by the listed lengths). */
	private chars = 0;
	private detection?: DetectionQueue;
	private linked?: LinkedCache;
	private saving?: Promise<void>;
	/** The search cache being written as the pool's segments arrive (its scratch files are let go on stop). */
	private stream?: CacheStream;
	private readonly listeners = new Set<() => void>();

	constructor(
		private readonly load: CorpusLoad,
		private readonly options: BackgroundOptions = {},
	) {}

	onUpdate(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	stop(): void {
		this.stopped = true;
		this.detection?.stop();
		void this.pool?.stop();
		void this.linker?.stop();
		this.stream?.close();
	}

	async start(): Promise<void> {
		const untick = tickPhases();
		try {
			await this.run();
		} finally {
			untick();
		}
	}

	private async run(): Promise<void> {
		await this.load.finished;
		const articles = this.load.articles;
		if (this.stopped) return;
		const workerChars = this.options.workerChars ?? WORKER_CHARS;
		// By the lengths listed with the articles: reading every body here would hold the UI thread for seconds.
		const huge = articles.some((a) => textLengthOf(a) > workerChars);
		this.huge = huge;
		let chars = 0;
		for (const article of articles) chars += textLengthOf(article);
		this.chars = chars;
		this.set({total: articles.length});
		// An unchanged corpus has its linked entities on disk: nothing detected or linked. Read, checked
		// and made into an index in steps between keys (about 100 MB at 60,000 articles).
		if ((await this.openLinked(articles, this.cacheDir())) === undefined) return;
		if (huge) {
			// An article too large for a slice: both indexes in the pool, entities whole.
			this.set({inWorkers: true});
			this.emit();
			await Promise.all([this.searchInPool(articles), this.state.entitiesDone ? undefined : this.entitiesInPool(articles)]);
		} else if (chars > (this.options.poolChars ?? POOL_CHARS)) {
			const linkInWorker = !this.state.entitiesDone && chars > (this.options.linkChars ?? LINK_CHARS) && articles.length >= INLINE_ARTICLES;
			const searched = this.searchInPool(articles);
			await Promise.all([searched, linkInWorker ? this.entitiesOnDisk(articles, searched) : this.inSlices(articles, false)]);
		} else await this.inSlices(articles, true);
		this.emit();
		// The caches are written after the index is ready; done once they are on disk.
		await this.detection?.done;
		await this.saving;
	}

	/** The cache's warnings reach the status bar (and `w`); the cache (about 90 MB for 10,000 articles) is written without blocking keys. */
	private searchOptions(): OpenIndexOptions {
		const onCacheWarning = (warning: CorpusWarning): void => {
			this.set({cacheWarning: warning});
			this.emit();
		};
		return {
			stepArticles: 10,
			saveCache: (file, segments, list, warn) => writeCacheAsync(file, segments, list, warn),
			onCacheWarning,
			...this.options.search,
		};
	}

	/** Entities (and, with `search`, the search index) in slices of the UI thread's time. */
	private async inSlices(articles: Article[], search: boolean): Promise<void> {
		const sliceMs = this.options.sliceMs ?? 12;
		const snapshotEvery = this.options.snapshotEvery ?? 2_000;
		const steps = search ? indexCorpusSteps(articles, this.searchOptions()) : undefined;
		const entities = new EntityIndexBuilder(this.options.corrections ? {corrections: this.options.corrections} : {});
		// Detection (the costly part) runs in worker threads, or comes from its cache; this thread only
		// links. A handful of articles is detected here in steps: a worker's start costs more.
		let detected = !this.state.entitiesDone && articles.length >= INLINE_ARTICLES ? this.detectionQueue(articles) : undefined;
		// Detection and snapshots run in steps of a few milliseconds, one step per look at the clock,
		// so a slice ends at most one step after its time: a long article or a snapshot of 10,000
		// articles (hundreds of milliseconds at once) never holds up a key.
		const stepMs = Math.max(1, Math.min(3, sliceMs / 4));
		let adding: Generator<void, void, void> | undefined;
		let snapshotting: Generator<void, EntityIndex, void> | undefined;
		let snapshotArticles = 0;
		let searchDone = !steps;
		let entityNext = 0;
		let sinceSnapshot = 0;
		let slices = 0;
		const startSnapshot = (): void => {
			snapshotting = entities.snapshotSteps(stepMs);
			snapshotArticles = entityNext;
			sinceSnapshot = 0;
		};
		while (!this.stopped && (!searchDone || !this.state.entitiesDone)) {
			const until = performance.now() + sliceMs;
			let changed = false;
			// Entities first in each slice: the open article's highlights come from them. No article is
			// added while a snapshot is being built (it reads what the builder has linked so far).
			while (!this.state.entitiesDone && performance.now() < until) {
				if (snapshotting) {
					const step = snapshotting.next();
					if (step.done) {
						snapshotting = undefined;
						this.set({entities: step.value, entityArticles: snapshotArticles, entitiesDone: snapshotArticles >= articles.length});
						// The final index knows which corrections matched nothing: they join the warnings panel (w).
						if (this.state.entitiesDone) this.entitiesDone(step.value);
						changed = true;
					}
				} else if (adding) {
					if (adding.next().done) adding = undefined;
				} else if (entityNext >= articles.length || (!this.state.entities && slices > 0)) {
					startSnapshot();
				} else if (detected) {
					const batch = detected.take();
					// A snapshot while waiting for the workers, not between batches already here (from the
					// cache they all are): the first soon, each later one after half again as many
					// articles, so that all of them together cost a few times the last.
					if (batch === undefined && sinceSnapshot >= Math.max(snapshotEvery / 8, snapshotArticles / 2)) startSnapshot();
					// Detection stopped short (it cannot, short of a bug): the rest is detected here.
					else if (batch === undefined && detected.drained) detected = undefined;
					else if (batch === undefined) break;
					else {
						adding = entities.addDetectedSteps(batch, stepMs);
						entityNext += batch.length;
						sinceSnapshot += batch.length;
					}
				} else if (sinceSnapshot >= snapshotEvery) {
					startSnapshot();
				} else {
					const batch = articles.slice(entityNext, entityNext + 8);
					adding = entities.addSteps(batch, stepMs);
					entityNext += batch.length;
					sinceSnapshot += batch.length;
				}
			}
			slices++;
			if (!searchDone && steps) {
				const step = steps.next();
				const progress: IndexProgress = step.done
					? {index: step.value, indexed: articles.length, processed: articles.length, total: articles.length, fromCache: 0, phase: 'done'}
					: step.value;
				searchDone = Boolean(step.done) || progress.phase === 'done';
				if (progress.saved) this.whileSaving(progress.saved);
				if (searchDone || progress.indexed !== this.state.searchIndexed || !this.state.search) {
					this.set({search: progress.index, searchIndexed: progress.indexed, searchDone});
					changed = true;
				}
			}
			if (changed) this.emit();
			// With nothing else to do, wait for the workers rather than spin.
			const idle = searchDone && !snapshotting && !adding && detected !== undefined && !detected.drained && entityNext < articles.length;
			await (idle && detected ? detected.arrival() : new Promise((resolve) => setImmediate(resolve)));
		}
	}

	/**
	 * A large corpus's entities as `khao --index` builds them: detected in the pool into the
	 * detection cache, linked in a worker from that cache into the linked cache, then opened from it
	 * as a reopen does. The linked graph (400 MB of heap at 60,000 articles, and its garbage) never
	 * lives on this thread; the entities come at the end, not a snapshot at a time. Where a cache
	 * cannot be written, they are linked here in slices as for a smaller corpus.
	 *
	 * Linking has a worker of its own, ended as soon as it is done. For an archive searched on disk
	 * it waits for the search index to be `searched` (its cache written and opened on disk): the
	 * linking worker (some 500 MB at 60,000 articles) is then the only large thing alive, which sets
	 * the process's peak. A corpus held in memory (10,000 articles: a linking worker of about 150 MB)
	 * is linked as soon as it is detected, beside the pool's search jobs, so no core waits for it.
	 */
	private async entitiesOnDisk(articles: Article[], searched: Promise<void>): Promise<void> {
		const cacheDir = this.cacheDir();
		// Standard input, or a file gone: nothing can be cached, so nothing linked from a cache.
		const stats = statFiles(articles);
		if (cacheDir === undefined || articles.some((article) => !stats.has(article.path))) return this.inSlices(articles, false);
		let trouble = false;
		const onWarning = (warning: CorpusWarning): void => {
			trouble = true;
			this.cacheWarning(warning);
		};
		let count = 0;
		// Only counted here (the linking worker reads the cache): the batches are never decoded on this thread.
		for await (const batch of detectCorpusColumns(articles, {cacheDir, pool: this.workers(), awaitWrites: true, onWarning})) {
			if (this.stopped) return;
			// Short of all: 100% waits for the linking. The bar shows whole percents: redrawn when one passes.
			const before = Math.floor((count * 100) / articles.length);
			count = Math.min(articles.length - 1, count + articleCount(batch));
			this.set({entityArticles: count});
			if (Math.floor((count * 100) / articles.length) !== before) this.emit();
			await nextTurn();
		}
		if (this.stopped) return;
		phase('ui: detected');
		if (!trouble) {
			const {corrections} = this.options;
			if (this.chars > (this.options.diskChars ?? DISK_CHARS)) {
				await searched.catch(() => undefined);
				// Detected and searched: the pool's workers (each a heap of its own, and the detection's
				// garbage) are ended, and gone, before the linking worker starts (a later job starts another).
				await this.retirePool();
			}
			if (this.stopped) return;
			// The articles' metadata serialised a chunk per turn and moved, not cloned at once by postMessage.
			const chunks = await this.betweenKeys(serializeInChunks(articles, indexedArticle));
			if (chunks === undefined) return;
			const input = {articles: chunks, cacheDir, rulesOnly: sharedTagger() === null, ...(corrections ? {corrections} : {})};
			phase('ui: linker starts');
			this.linker = new WorkerPool({size: 1, heapMb: this.options.linkHeapMb ?? this.options.workerHeapMb ?? BATCH_HEAP_MB});
			const warnings = await this.linker
				.run(
					linkJob,
					input,
					chunks.map((chunk) => chunk.buffer as ArrayBuffer),
				)
				.catch((error: Error) => [{kind: 'skipped', path: 'entity cache', message: `not linked in a worker: ${error.message}`} satisfies CorpusWarning]);
			// The linking worker's heap given back before this thread reads the linked cache.
			phase('ui: linker returned');
			await this.linker.stop();
			this.linker = undefined;
			phase('ui: linker ended');
			if (this.stopped) return;
			for (const warning of warnings) this.cacheWarning(warning);
			const opened = await this.openLinked(articles, cacheDir);
			if (opened !== false) return;
		}
		// A cache could not be read or written: linked here, from what detection cached.
		await this.inSlices(articles, false);
	}

	/**
	 * The linked cache read and checked, and made into the entity index, in steps between keys;
	 * true when the entities came from it, false when it had none (`this.linked` saves them once
	 * linked), undefined once stopped.
	 */
	private async openLinked(articles: Article[], cacheDir: string | undefined): Promise<boolean | undefined> {
		const linked = await this.betweenKeys(openLinkedCacheSteps(cacheDir, articles, this.options.corrections, (warning) => this.cacheWarning(warning)));
		if (linked === undefined) return undefined;
		this.linked = linked;
		if (linked.data === undefined) return false;
		const entities = await this.betweenKeys(entityIndexSteps(linked.data, new StepClock(), {nameSearch: true}));
		if (entities === undefined) return undefined;
		phase('ui: linked cache opened');
		this.set({entities, entityArticles: articles.length, entitiesDone: true});
		this.entitiesWarnings(entities);
		this.emit();
		return true;
	}

	/** Detection for the whole corpus, off this thread; a failure leaves the entities to this thread's steps. */
	private detectionQueue(articles: readonly Article[]): DetectionQueue {
		const cacheDir = this.cacheDir();
		const queue = new DetectionQueue(articles, {
			...(cacheDir === undefined ? {} : {cacheDir}),
			pool: this.workers(),
			awaitWrites: true,
			onWarning: (warning) => this.cacheWarning(warning),
		});
		this.detection = queue;
		return queue;
	}

	/** The entity caches' folder: the search cache's (null there: none). */
	private cacheDir(): string | undefined {
		const search = this.options.search?.cacheDir;
		return search === undefined ? defaultCacheDir() : (search ?? undefined);
	}

	/** The first cache problem reaches the status bar (and `w`). */
	private cacheWarning(warning: CorpusWarning): void {
		this.set({cacheWarning: this.state.cacheWarning ?? warning});
		this.emit();
	}

	/** The whole corpus is linked: its warnings are shown and the result is cached. */
	private entitiesDone(index: EntityIndex): void {
		this.entitiesWarnings(index);
		if (!this.stopped) this.saving = this.linked?.save(index.data);
	}

	private entitiesWarnings(index: EntityIndex): void {
		if (index.warnings.length > 0) this.load.addWarnings?.(correctionsWarnings(this.options.corrections, index.warnings));
	}

	/** The pool's workers ended and awaited; the next job starts a new pool. */
	private async retirePool(): Promise<void> {
		const pool = this.pool;
		this.pool = undefined;
		await pool?.stop();
	}

	private workers(): WorkerPool {
		// Bounded batches, unless an article too large for a batch is indexed whole.
		this.pool ??= new WorkerPool({heapMb: this.options.workerHeapMb ?? (this.huge ? WORKER_HEAP_MB : BATCH_HEAP_MB)});
		return this.pool;
	}

	/**
	 * The search index: what the cache holds (read in steps between keys), the rest built by the
	 * pool in batches of one file's articles, added in corpus order a segment per turn of the event
	 * loop as they come back. Each segment is written to its file's cache as it joins (cache-stream.ts),
	 * so the cache is never encoded whole; a large corpus keeps only the segments' arrays, their
	 * text read back from the cache's scratch files, and is searched on disk once the files are in place.
	 */
	private async searchInPool(articles: Article[]): Promise<void> {
		const onDisk = this.chars > (this.options.diskChars ?? DISK_CHARS);
		const options = {...this.searchOptions(), ...(onDisk ? {onDisk} : {})};
		const start = await this.betweenKeys(openCachedSteps(articles, options));
		if (start === undefined) return;
		const {index} = start;
		this.set({search: index, searchIndexed: index.indexedArticles, searchFromCache: start.reused});
		this.emit();
		const batches = searchBatches(articles, index, start.stats, options.segmentArticles, this.options.batchChars);
		for (const batch of batches) for (const ordinal of batch.ordinals) start.dirty.add(articles[ordinal]!.path);
		const cacheDir = this.cacheDir();
		const warn = (warning: CorpusWarning): void => this.cacheWarning(warning);
		const stream = start.caching && cacheDir !== undefined ? new CacheStream({cacheDir, articles, index, dirty: start.dirty, spill: onDisk, warn}) : undefined;
		this.stream = stream;
		const failures: string[] = [];
		// Every batch is queued at once (the pool runs two at a time); results join in corpus order
		// (ranking ties and the stages' hit limits see segments in that order) and are let go as they do.
		const results: (Promise<SearchIndex['segments']> | undefined)[] = batches.map((batch) =>
			this.workers()
				.run(searchJob, batch)
				.catch((error: Error) => {
					failures.push(error.message);
					return [];
				}),
		);
		for (let i = 0; i < results.length; i++) {
			const segments = await results[i]!;
			results[i] = undefined;
			for (const segment of segments) {
				if (this.stopped) return;
				const joined = stream ? await stream.add(segment, nextTurn) : segment;
				if (this.stopped) return;
				index.addSegment(joined);
				await nextTurn();
			}
			if (this.stopped) return;
			this.set({searchIndexed: index.indexedArticles});
			this.emit();
		}
		if (this.stopped) return;
		phase('ui: search segments joined');
		let saved: Promise<boolean> | undefined;
		if (failures.length > 0) this.problem(`search: ${failures[0]}`);
		else if (stream && start.dirty.size > 0) saved = this.whileSaving(this.saveStreamed(stream, start, options));
		this.set({search: index, searchIndexed: index.indexedArticles, searchDone: true});
		this.emit();
		// Done once the files are on disk (start() says so to its caller).
		if (onDisk && saved) await this.searchOnDisk(articles, options, saved, stream!);
		else await saved;
	}

	/** The streamed cache files put in place, then any other dirty file's written whole (one whose segments all came from its cache); true when all were written. */
	private async saveStreamed(stream: CacheStream, start: CachedStart, options: OpenIndexOptions): Promise<boolean> {
		const streamed = await stream.finish(nextTurn);
		phase('ui: search cache streamed');
		const save = options.saveCache ?? writeCacheAsync;
		// A file searched on disk holds only what was looked up of its segments: its cache stays as it is.
		const rest = await start.save((file, segments, list, warn) =>
			stream.handles(file) || segments.some((segment) => segment instanceof DiskSegment) ? true : save(file, segments, list, warn),
		);
		return streamed && rest.every((ok) => ok !== false);
	}

	/** The status bar says "saving" until the search cache's files are written (or given up on). */
	private whileSaving<T>(saved: Promise<T>): Promise<T> {
		this.set({saving: true});
		this.emit();
		const done = (): void => {
			if (this.stopped) return;
			this.set({saving: false});
			this.emit();
		};
		saved.then(done, done);
		return saved;
	}

	/**
	 * A large corpus's index, once its cache files are written, is opened again where they lie (as
	 * the next launch opens it): the segments built in memory, and the scratch files their text is
	 * read from, are let go. If a file could not be written or changed meanwhile, the index in
	 * memory stays (and its scratch files with it).
	 */
	private async searchOnDisk(articles: Article[], options: OpenIndexOptions, saved: Promise<boolean>, stream: CacheStream): Promise<void> {
		const written = await saved;
		if (this.stopped || !written) return;
		const opened = await this.betweenKeys(openCachedSteps(articles, {...options, onDisk: true}));
		if (opened === undefined || !opened.index.complete) return;
		phase('ui: search opened on disk');
		this.set({search: opened.index});
		this.emit();
		stream.close();
		this.stream = undefined;
	}

	/** The entity index, whole, in a pool worker (no percentage to show). */
	private async entitiesInPool(articles: Article[]): Promise<void> {
		const corrections = this.options.corrections;
		try {
			const data = await this.workers().run(entitiesJob, {articles: articles.map(indexedArticle), ...(corrections ? {corrections} : {})});
			const entities = new EntityIndex(data);
			this.set({entities, entityArticles: articles.length});
			// As in the time slices: corrections that matched nothing join the warnings panel (w).
			this.entitiesDone(entities);
		} catch (error) {
			if (!this.stopped) this.problem(`entities: ${(error as Error).message}`);
		}
		this.set({entitiesDone: true});
		if (!this.stopped) this.emit();
	}

	/** Runs step-wise work a step per turn of the event loop, so keys are answered between; undefined once stopped. */
	private async betweenKeys<T>(steps: Generator<unknown, T, void>): Promise<T | undefined> {
		for (let step = steps.next(); !this.stopped; step = steps.next()) {
			if (step.done) return step.value;
			await new Promise((resolve) => setImmediate(resolve));
		}
		return undefined;
	}

	private problem(message: string): void {
		this.set({problem: [this.state.problem, message].filter(Boolean).join('; ')});
	}

	private set(patch: Partial<BackgroundState>): void {
		this.state = {...this.state, ...patch};
	}

	private emit(): void {
		for (const l of this.listeners) l();
	}
}

/** One turn of the event loop: keys are answered before the next step. */
function nextTurn(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The articles the index lacks, as batches of one file's consecutive articles: a segment's worth,
 * and at most `batchChars` of text unless one article alone is longer (search/batches.ts).
 */
export function searchBatches(
	articles: readonly Article[],
	index: SearchIndex,
	stats: ReadonlyMap<string, FileStat>,
	segmentArticles = MAX_SEGMENT_ARTICLES,
	batchChars = BATCH_CHARS,
): SearchBatch[] {
	const batches: SearchBatch[] = [];
	let batch: SearchBatch | undefined;
	let cutter = new BatchCutter(segmentArticles, batchChars);
	for (let ordinal = 0; ordinal < articles.length; ordinal++) {
		if (index.locate(ordinal)) continue;
		const article = articles[ordinal]!;
		if (batch && articles[batch.ordinals[0]!]!.path !== article.path) cutter = new BatchCutter(segmentArticles, batchChars);
		if (cutter.next(textLengthOf(article))) {
			const stat = stats.get(article.path);
			batch = {ordinals: [], articles: [], stats: stat ? [[article.path, stat]] : [], segmentArticles};
			batches.push(batch);
		}
		batch!.ordinals.push(ordinal);
		batch!.articles.push(indexedArticle(article));
	}
	return batches;
}
