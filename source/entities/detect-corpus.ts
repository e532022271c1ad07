// The per-article part of the entity index for a whole corpus: each article's mentions, from the
// detection cache where a source file is unchanged, else detected in worker threads (or on this
// thread for a handful of articles), handed on in corpus order so that linking gives the same
// index as detecting everything here. A source file whose articles were all detected afresh gets
// its cache file written.
import type {Article, CorpusWarning} from '../corpus/types.js';
import {reasonOf} from '../corpus/errors.js';
import {textLengthOf} from '../corpus/article-store.js';
import {statFiles} from '../search/cache.js';
import type {DetectedArticle} from './builder.js';
import {type CachedBlock, DetectionCacheWriter, detectionCacheFile, readDetectionCache} from './detection-cache.js';
import {detectMentionsOfBatch} from './find-mentions.js';
import {type MentionColumns, articleCount, decodeArticle, decodeKeys, encodeMentions} from './mention-codec.js';
import {sharedTagger} from './model/load.js';
import {BATCH_HEAP_MB, PLAIN_PIPELINE, WorkerPool, defaultPoolSize} from '../workers/pool.js';
import {detectJob} from '../workers/detect-job.js';
import {indexedArticle} from '../workers/search-job.js';
import {phase} from '../workers/phase-log.js';

export interface DetectCorpusOptions {
	/** Where detection caches live; undefined: none read or written. */
	cacheDir?: string;
	/** Worker threads; 0 detects on this thread. Default: one per core, none for a few articles. */
	threads?: number;
	/** The pool to detect in (the reader's, shared with the search index, stopped by its owner); else one is started here and stopped at the end. */
	pool?: WorkerPool;
	/** Problems with the cache (damaged, not writable), each said once. */
	onWarning?: (warning: CorpusWarning) => void;
	/** Workers of a pool started here at the lowest CPU priority (the reader's pool always is: its keys come first). */
	background?: boolean;
	/** Waits for cache files to be written before finishing (plain mode exits right after). */
	awaitWrites?: boolean;
}

/** Fewer articles than this are detected on the calling thread: a worker's start costs more. */
export const INLINE_ARTICLES = 64;
/** Characters of text in one batch sent to a worker (a few milliseconds of detection). */
const BATCH_CHARS = 200_000;
const BATCH_ARTICLES = 64;

/** Where detection stands, for a progress line. */
export interface DetectProgress {
	done: number;
	fromCache: number;
	total: number;
}

/**
 * Every article's mentions in corpus order, a batch at a time. The articles' ids need not be
 * unique (linking skips repeats); their texts must not change while this runs.
 */
export async function* detectCorpus(articles: readonly Article[], options: DetectCorpusOptions = {}): AsyncGenerator<DetectedArticle[], DetectProgress> {
	const blocks = detectCorpusColumns(articles, options);
	let i = 0;
	let finished = false;
	try {
		for (let step = await blocks.next(); ; step = await blocks.next()) {
			if (step.done) {
				finished = true;
				return step.value;
			}
			const columns = step.value;
			const out: DetectedArticle[] = [];
			for (let a = 0; a < articleCount(columns); a++, i++) out.push({id: articles[i]!.id, mentions: decodeArticle(columns, a), keys: decodeKeys(columns, a)});
			yield out;
		}
	} finally {
		// Ended early (the reader quit): the pool it started and the files half written are let go.
		if (!finished) await blocks.return({done: i, fromCache: 0, total: articles.length});
	}
}

/**
 * `detectCorpus` as the cache holds it: each batch's mentions as columns, never decoded into
 * objects. For a caller that only needs the caches written and the count (the reader's and
 * `--index`'s detection of a large corpus): 60,000 articles decoded are two million mention
 * objects of garbage on the calling thread.
 */
export async function* detectCorpusColumns(articles: readonly Article[], options: DetectCorpusOptions = {}): AsyncGenerator<MentionColumns, DetectProgress> {
	// One line is enough: a folder that cannot be written fails every file alike.
	let warned = false;
	const warn = (what: string, why: string, file: string): void => {
		if (warned) return;
		warned = true;
		options.onWarning?.({kind: 'skipped', path: 'entity cache', message: `${what}: ${why} (${file})`});
	};
	// Blocks of mentions by the ordinal of their first article: in the cache (read when wanted), or to come from workers.
	const ready = new Map<number, CachedBlock>();
	const files = options.cacheDir === undefined ? [] : cachedFiles(articles, options.cacheDir);
	const cached = new Uint8Array(articles.length);
	let fromCache = 0;
	for (const file of files) {
		phase('detection cache: read');
		const read = readDetectionCache(
			file.cacheFile,
			file.stat,
			file.ordinals.map((o) => articles[o]!),
		);
		if (read.ok) {
			for (const block of read.blocks) ready.set(file.ordinals[block.from]!, block);
			for (const o of file.ordinals) cached[o] = 1;
			fromCache += file.ordinals.length;
			file.fresh = false;
		} else if (read.kind === 'damaged' || read.kind === 'unreadable') warn(read.kind === 'damaged' ? 'rebuilt' : 'not used', read.reason, file.cacheFile);
	}
	phase('detection cache: checked');
	const pending: number[] = [];
	for (let i = 0; i < articles.length; i++) if (!cached[i]) pending.push(i);
	const threads = options.threads ?? (pending.length < INLINE_ARTICLES ? 0 : defaultPoolSize());
	const inWorkers = threads > 0 && pending.length > 0;
	const own =
		inWorkers && options.pool === undefined
			? new WorkerPool({size: threads, background: options.background ?? false, heapMb: BATCH_HEAP_MB, pipeline: PLAIN_PIPELINE})
			: undefined;
	const pool = inWorkers ? (options.pool ?? own) : undefined;
	// A worker detects as this thread would: with the model, or by the rules alone.
	const rulesOnly = sharedTagger() === null;
	let stopped = false;
	// Every batch is queued at once: the pool hands them out in order, a worker at a time.
	const coming = new Map<number, Promise<MentionColumns>>();
	for (const batch of batches(articles, pending, pool === undefined ? 1 : BATCH_ARTICLES)) {
		const here = (): MentionColumns => encodeMentions(detectMentionsOfBatch(batch.map((o) => articles[o]!)));
		// A worker that failed (out of memory, a crash) leaves its batch to this thread; once stopped
		// (the reader quit), nothing is detected any more.
		const inPool = (p: WorkerPool): Promise<MentionColumns> =>
			p.run(detectJob, {articles: batch.map((o) => indexedArticle(articles[o]!)), rulesOnly}).catch(() => (stopped ? encodeMentions([]) : here()));
		coming.set(batch[0]!, pool === undefined ? Promise.resolve().then(here) : inPool(pool));
	}
	// A file detected afresh is written a block at a time as its blocks come (no work per mention
	// here, and no block held for it), and put in place once all of them are in.
	const writes: Array<Promise<void>> = [];
	const fileOf = new Map<number, CachedFile>();
	for (const file of files) if (file.fresh) for (const o of file.ordinals) fileOf.set(o, file);
	const collect = (o: number, columns: MentionColumns): void => {
		const file = fileOf.get(o);
		if (file === undefined || !file.fresh) return;
		try {
			file.writer ??= new DetectionCacheWriter(file.cacheFile);
		} catch (error) {
			// The folder is unusable: said once, and this file is not written.
			file.fresh = false;
			warn('not saved', reasonOf(error), file.cacheFile);
			return;
		}
		file.writer.add(columns);
		file.left -= articleCount(columns);
		if (file.left > 0) return;
		const writer = file.writer;
		file.writer = undefined;
		writes.push(
			writer
				.finish(
					file.stat,
					file.ordinals.map((x) => articles[x]!),
				)
				.catch((error) => warn('not saved', reasonOf(error), file.cacheFile)),
		);
	};
	// A cache file changed under us since it was checked: said once, and its block detected here.
	const loadOrDetect = (block: CachedBlock, first: number): MentionColumns => {
		try {
			return block.load();
		} catch (error) {
			warn('detected again', reasonOf(error), 'entity cache');
			const ordinals = Array.from({length: block.count}, (_, k) => first + k);
			return encodeMentions(detectMentionsOfBatch(ordinals.map((o) => articles[o]!)));
		}
	};
	try {
		for (let i = 0; i < articles.length;) {
			const block = ready.get(i);
			ready.delete(i);
			let columns = block === undefined ? undefined : loadOrDetect(block, i);
			if (columns === undefined) {
				columns = await coming.get(i)!;
				coming.delete(i);
				collect(i, columns);
			}
			i += articleCount(columns);
			yield columns;
		}
		if (options.awaitWrites) await Promise.all(writes);
		return {done: articles.length, fromCache, total: articles.length};
	} finally {
		stopped = true;
		await own?.stop();
		// Files left halfway (the reader quit, or detection failed) are not put in place, and their
		// scratch files are gone once this settles (the scratch file is opened asynchronously: let go
		// unawaited, its removal could come before it was there; abort never throws).
		await Promise.all(files.map((file) => file.writer?.abort()));
	}
}

interface CachedFile {
	cacheFile: string;
	stat: {path: string; size: number; stamp: string};
	/** The file's articles, in corpus order. */
	ordinals: number[];
	/** True until its cache is found valid (or cannot be written): its detection is written as it comes. */
	fresh: boolean;
	/** Its cache file being written, once its first block is in; articles still to come. */
	writer?: DetectionCacheWriter;
	left: number;
}

/** The source files behind the articles (stdin and unreadable files have no cache). */
function cachedFiles(articles: readonly Article[], cacheDir: string): CachedFile[] {
	const stats = statFiles(articles);
	const byPath = new Map<string, CachedFile>();
	articles.forEach((article, o) => {
		const stat = stats.get(article.path);
		if (stat === undefined) return;
		let file = byPath.get(article.path);
		if (file === undefined) {
			file = {cacheFile: detectionCacheFile(cacheDir, article.path), stat: {path: article.path, ...stat}, ordinals: [], fresh: true, left: 0};
			byPath.set(article.path, file);
		}
		file.ordinals.push(o);
		file.left++;
	});
	return [...byPath.values()];
}

/**
 * The pending articles in runs of consecutive ordinals of one file, cut into batches of bounded
 * text: a batch is a block of its file's cache.
 */
function* batches(articles: readonly Article[], pending: readonly number[], most: number): Generator<number[]> {
	let batch: number[] = [];
	let chars = 0;
	for (const o of pending) {
		const last = batch[batch.length - 1];
		if (last !== undefined && (last !== o - 1 || articles[last]!.path !== articles[o]!.path || chars >= BATCH_CHARS || batch.length >= most)) {
			yield batch;
			batch = [];
			chars = 0;
		}
		batch.push(o);
		chars += textLengthOf(articles[o]!);
	}
	if (batch.length > 0) yield batch;
}

/**
 * Decoded batches the queue holds at most: from the cache every batch is there at once, and 60,000
 * articles' mentions as objects (two million) took over 1 GB while the reader linked them a few
 * milliseconds at a time; kept as columns until wanted they take a tenth of it.
 */
export const QUEUED_BATCHES = 8;

/**
 * `detectCorpus` as a queue the reader polls between keys: batches wait as they arrive (each
 * after a turn of the event loop, so keys are answered between them), and `take` hands them on.
 * At most QUEUED_BATCHES wait decoded: the rest stays as columns in `detectCorpus` until taken.
 */
export class DetectionQueue {
	private readonly ready: DetectedArticle[][] = [];
	private finished = false;
	private stopped = false;
	private wake?: () => void;
	private room?: () => void;
	/** Why detection ended early (the caller detects the rest itself), if it did. */
	failure?: string;
	readonly done: Promise<DetectProgress | undefined>;

	constructor(articles: readonly Article[], options: DetectCorpusOptions) {
		this.done = this.run(detectCorpus(articles, options));
	}

	/** True once every batch has been taken. */
	get drained(): boolean {
		return this.finished && this.ready.length === 0;
	}

	/** Decoded batches waiting to be taken. */
	get waiting(): number {
		return this.ready.length;
	}

	/** The next batch, if one has arrived. */
	take(): DetectedArticle[] | undefined {
		const batch = this.ready.shift();
		this.makeRoom();
		return batch;
	}

	/** Resolves when a batch arrives or detection ends. */
	arrival(): Promise<void> {
		if (this.ready.length > 0 || this.finished) return Promise.resolve();
		return new Promise((resolve) => (this.wake = resolve));
	}

	stop(): void {
		this.stopped = true;
		this.makeRoom();
	}

	private async run(steps: AsyncGenerator<DetectedArticle[], DetectProgress>): Promise<DetectProgress | undefined> {
		try {
			for (;;) {
				if (this.stopped) {
					await steps.return({done: 0, fromCache: 0, total: 0});
					return undefined;
				}
				if (this.ready.length >= QUEUED_BATCHES) {
					await new Promise<void>((resolve) => (this.room = resolve));
					continue;
				}
				const step = await steps.next();
				if (step.done) return step.value;
				this.ready.push(step.value);
				this.signal();
				await new Promise((resolve) => setImmediate(resolve));
			}
		} catch (error) {
			this.failure = reasonOf(error);
			return undefined;
		} finally {
			this.finished = true;
			this.signal();
		}
	}

	private makeRoom(): void {
		const room = this.room;
		this.room = undefined;
		room?.();
	}

	private signal(): void {
		const wake = this.wake;
		this.wake = undefined;
		wake?.();
	}
}
