// Search and entity indexes are built after the first screen, in slices of a few milliseconds
// between which the event loop runs, so keys are answered while 10,000 articles are indexed.
import {textLengthOf} from '../corpus/article-store.js';
import type {CorpusLoad} from '../corpus/index.js';
import {indexCorpusSteps, writeCacheAsync, type IndexProgress, type OpenIndexOptions, type SearchIndex} from '../search/index.js';
import {correctionsWarnings, EntityIndexBuilder, type EntityIndex, type EntityCorrections} from '../entities/index.js';
import {indexInWorker, type WorkerHandle} from './index-worker.js';
import {DetectionQueue, INLINE_ARTICLES} from '../entities/detect-corpus.js';
import {detectThreads} from '../entities/detect-workers.js';
import {defaultCacheDir} from '../search/cache.js';
import type {Article, CorpusWarning} from '../corpus/types.js';

/** An article longer than this (UTF-16 units, ~750 KB of Thai) is one step of several hundred ms: index in workers. */
export const WORKER_CHARS = 250_000;

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
	/** Heap limit of each worker, MB (tests make it small). */
	workerHeapMb?: number;
}

/** Runs both builds to the end; `onUpdate` after each slice that changed what the UI can use. */
export class BackgroundIndexer {
	state: BackgroundState = {searchIndexed: 0, searchDone: false, entityArticles: 0, entitiesDone: false, total: 0};
	private stopped = false;
	private workers: WorkerHandle[] = [];
	private detection?: DetectionQueue;
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
		for (const worker of this.workers) worker.stop();
	}

	async start(): Promise<void> {
		await this.load.finished;
		const articles = this.load.articles;
		const workerChars = this.options.workerChars ?? WORKER_CHARS;
		// By the length listed with each article: reading every body here would hold the UI thread for seconds.
		if (!this.stopped && articles.some((a) => textLengthOf(a) > workerChars)) return this.startWorkers();
		const sliceMs = this.options.sliceMs ?? 12;
		const snapshotEvery = this.options.snapshotEvery ?? 2_000;
		// The cache (about 90 MB for 10,000 articles) is written without blocking keys.
		const onCacheWarning = (warning: CorpusWarning): void => {
			this.set({cacheWarning: warning});
			this.emit();
		};
		const steps = indexCorpusSteps(articles, {
			stepArticles: 10,
			saveCache: (file, segments, list, warn) => void writeCacheAsync(file, segments, list, warn),
			onCacheWarning,
			...this.options.search,
		});
		const entities = new EntityIndexBuilder(this.options.corrections ? {corrections: this.options.corrections} : {});
		// Detection (the costly part) runs in worker threads, or comes from its cache; this thread only
		// links. A handful of articles is detected here in steps: a worker's start costs more.
		let detected = articles.length >= INLINE_ARTICLES ? this.detectionQueue(articles) : undefined;
		// Detection and snapshots run in steps of a few milliseconds, one step per look at the clock,
		// so a slice ends at most one step after its time: a long article or a snapshot of 10,000
		// articles (hundreds of milliseconds at once) never holds up a key.
		const stepMs = Math.max(1, Math.min(3, sliceMs / 4));
		let adding: Generator<void, void, void> | undefined;
		let snapshotting: Generator<void, EntityIndex, void> | undefined;
		let snapshotArticles = 0;
		let searchDone = false;
		let entityNext = 0;
		let sinceSnapshot = 0;
		let slices = 0;
		const startSnapshot = (): void => {
			snapshotting = entities.snapshotSteps(stepMs);
			snapshotArticles = entityNext;
			sinceSnapshot = 0;
		};
		this.set({total: articles.length});
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
						if (this.state.entitiesDone && step.value.warnings.length > 0) {
							this.load.addWarnings?.(correctionsWarnings(this.options.corrections, step.value.warnings));
						}
						changed = true;
					}
				} else if (adding) {
					if (adding.next().done) adding = undefined;
				} else if (entityNext >= articles.length || (!this.state.entities && slices > 0)) {
					startSnapshot();
				} else if (detected) {
					const batch = detected.take();
					// A snapshot while waiting for the workers, not between batches already here (from the
					// cache they all are); each covers at least half again as many articles as the last.
					if (batch === undefined && sinceSnapshot >= Math.max(snapshotEvery, snapshotArticles / 2)) startSnapshot();
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
			if (!searchDone) {
				const step = steps.next();
				const progress: IndexProgress = step.done ? {index: step.value, indexed: articles.length, processed: articles.length, total: articles.length, fromCache: 0, phase: 'done'} : step.value;
				searchDone = Boolean(step.done) || progress.phase === 'done';
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
		this.emit();
		// The detection cache is written after the index is ready; done once it is on disk.
		await this.detection?.done;
	}

	/** Detection for the whole corpus, off this thread; a failure leaves the entities to this thread's steps. */
	private detectionQueue(articles: readonly Article[]): DetectionQueue {
		const search = this.options.search?.cacheDir;
		const cacheDir = search === undefined ? defaultCacheDir() : (search ?? undefined);
		const queue = new DetectionQueue(articles, {
			...(cacheDir === undefined ? {} : {cacheDir}),
			threads: detectThreads(),
			background: true,
			awaitWrites: true,
			onWarning: (warning) => {
				this.set({cacheWarning: this.state.cacheWarning ?? warning});
				this.emit();
			},
		});
		this.detection = queue;
		return queue;
	}

	/** Both indexes at once, each in its own worker thread (the two cores), whole when they arrive. */
	private async startWorkers(): Promise<void> {
		const articles = this.load.articles;
		this.set({total: articles.length, inWorkers: true});
		this.emit();
		const heapMb = this.options.workerHeapMb;
		const cacheDir = this.options.search?.cacheDir;
		const onCacheWarning = (warning: CorpusWarning) => this.set({cacheWarning: warning});
		const search = indexInWorker({job: 'search', articles, ...(cacheDir === undefined ? {} : {cacheDir})}, heapMb, onCacheWarning);
		const entities = indexInWorker({job: 'entities', articles, ...(this.options.corrections ? {corrections: this.options.corrections} : {})}, heapMb);
		this.workers = [search, entities];
		const failed = (what: string) => (error: Error) => {
			if (this.stopped) return;
			this.set({problem: [this.state.problem, `${what} ${error.message}`].filter(Boolean).join('; ')});
		};
		await Promise.all([
			search.done.then((index) => this.set({search: index as SearchIndex, searchIndexed: articles.length}), failed('search:')).finally(() => {
				this.set({searchDone: true});
				if (!this.stopped) this.emit();
			}),
			entities.done.then((index) => {
				const entities = index as EntityIndex;
				this.set({entities, entityArticles: articles.length});
				// As in the time slices: corrections that matched nothing join the warnings panel (w).
				if (entities.warnings.length > 0) this.load.addWarnings?.(correctionsWarnings(this.options.corrections, entities.warnings));
			}, failed('entities:')).finally(() => {
				this.set({entitiesDone: true});
				if (!this.stopped) this.emit();
			}),
		]);
	}

	private set(patch: Partial<BackgroundState>): void {
		this.state = {...this.state, ...patch};
	}

	private emit(): void {
		for (const l of this.listeners) l();
	}
}
