// The per-article part of the entity index for a whole corpus: each article's mentions, from the
// detection cache where a source file is unchanged, else detected in worker threads (or on this
// thread for a handful of articles), handed on in corpus order so that linking gives the same
// index as detecting everything here. A source file whose articles were all detected afresh gets
// its cache file written.
import type {Article, CorpusWarning} from '../corpus/types.js';
import {reasonOf} from '../corpus/errors.js';
import {writeAtomicAsync} from '../search/cache-io.js';
import {statFiles} from '../search/cache.js';
import type {DetectedArticle} from './builder.js';
import {detectionCacheFile, encodeDetectionCache, readDetectionCache} from './detection-cache.js';
import {DetectPool, detectThreads} from './detect-workers.js';
import {type DetectedMention, detectMentions} from './find-mentions.js';
import {articleCount, decodeArticle} from './mention-codec.js';

export interface DetectCorpusOptions {
	/** Where detection caches live; undefined: none read or written. */
	cacheDir?: string;
	/** Worker threads; 0 detects on this thread. Default: one per core, none for a few articles. */
	threads?: number;
	/** Problems with the cache (damaged, not writable), each said once. */
	onWarning?: (warning: CorpusWarning) => void;
	/** Workers at the lowest CPU priority (the reader: its keys come first). */
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
	// One line is enough: a folder that cannot be written fails every file alike.
	let warned = false;
	const warn = (what: string, why: string, file: string): void => {
		if (warned) return;
		warned = true;
		options.onWarning?.({kind: 'skipped', path: 'entity cache', message: `${what}: ${why} (${file})`});
	};
	const known: Array<DetectedMention[] | undefined> = new Array(articles.length);
	const files = options.cacheDir === undefined ? [] : cachedFiles(articles, options.cacheDir);
	let fromCache = 0;
	for (const file of files) {
		const read = readDetectionCache(file.cacheFile, file.stat, file.ordinals.map(o => articles[o]!));
		if (read.ok) {
			file.ordinals.forEach((o, i) => (known[o] = read.mentions[i]));
			fromCache += file.ordinals.length;
			file.fresh = false;
		} else if (read.kind === 'damaged' || read.kind === 'unreadable') warn(read.kind === 'damaged' ? 'rebuilt' : 'not used', read.reason, file.cacheFile);
	}
	const pending: number[] = [];
	for (let i = 0; i < articles.length; i++) if (known[i] === undefined) pending.push(i);
	const threads = options.threads ?? (pending.length < INLINE_ARTICLES ? 0 : detectThreads());
	const pool = threads > 0 && pending.length > 0 ? new DetectPool(threads, options.background) : undefined;
	// Every batch is queued at once: the pool hands them out in order, a worker at a time.
	const batchOf = new Map<number, Promise<DetectedMention[][]>>();
	if (pool !== undefined) {
		for (const batch of batches(articles, pending)) {
			const detected = pool.detect(batch.map(o => articles[o]!.text)).then(
				columns => Array.from({length: articleCount(columns)}, (_, a) => decodeArticle(columns, a)),
				// A worker that failed (out of memory, a crash) leaves its batch to this thread.
				() => batch.map(o => detectMentions(articles[o]!)),
			);
			batchOf.set(batch[0]!, detected);
		}
	}
	const writes: Array<Promise<void>> = [];
	const remaining = new Map(files.filter(f => f.fresh).map(f => [f, f.ordinals.length]));
	const fileOf = new Map<number, CachedFile>();
	for (const file of remaining.keys()) for (const o of file.ordinals) fileOf.set(o, file);
	const finish = (o: number, mentions: DetectedMention[]): void => {
		known[o] = mentions;
		const file = fileOf.get(o);
		if (file === undefined) return;
		const left = remaining.get(file)! - 1;
		remaining.set(file, left);
		if (left > 0) return;
		const bytes = encodeDetectionCache(file.stat, file.ordinals.map(x => articles[x]!), file.ordinals.map(x => known[x]!));
		writes.push(writeAtomicAsync(file.cacheFile, bytes).catch(error => warn('not saved', reasonOf(error), file.cacheFile)));
	};
	try {
		let done = 0;
		for (let i = 0; i < articles.length; ) {
			const out: DetectedArticle[] = [];
			if (known[i] !== undefined) {
				for (; i < articles.length && known[i] !== undefined && out.length < 4 * BATCH_ARTICLES; i++) out.push({id: articles[i]!.id, mentions: known[i]!});
			} else {
				const batch = batchOf.get(i);
				const detected = batch !== undefined ? await batch : [detectMentions(articles[i]!)];
				batchOf.delete(i);
				for (const mentions of detected) {
					finish(i, mentions);
					out.push({id: articles[i]!.id, mentions});
					i++;
				}
			}
			done += out.length;
			yield out;
		}
		if (options.awaitWrites) await Promise.all(writes);
		return {done, fromCache, total: articles.length};
	} finally {
		pool?.close();
	}
}

interface CachedFile {
	cacheFile: string;
	stat: {path: string; size: number; stamp: string};
	/** The file's articles, in corpus order. */
	ordinals: number[];
	/** True until its cache is found valid: its detection is written once complete. */
	fresh: boolean;
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
			file = {cacheFile: detectionCacheFile(cacheDir, article.path), stat: {path: article.path, ...stat}, ordinals: [], fresh: true};
			byPath.set(article.path, file);
		}
		file.ordinals.push(o);
	});
	return [...byPath.values()];
}

/** The pending articles in runs of consecutive ordinals, cut into batches of bounded text. */
function* batches(articles: readonly Article[], pending: readonly number[]): Generator<number[]> {
	let batch: number[] = [];
	let chars = 0;
	for (const o of pending) {
		const last = batch[batch.length - 1];
		if (batch.length > 0 && (last !== o - 1 || chars >= BATCH_CHARS || batch.length >= BATCH_ARTICLES)) {
			yield batch;
			batch = [];
			chars = 0;
		}
		batch.push(o);
		chars += articles[o]!.text.length;
	}
	if (batch.length > 0) yield batch;
}

/**
 * `detectCorpus` as a queue the reader polls between keys: batches pile up as they arrive (each
 * after a turn of the event loop, so keys are answered between them), and `take` hands them on.
 */
export class DetectionQueue {
	private readonly ready: DetectedArticle[][] = [];
	private finished = false;
	private stopped = false;
	private wake?: () => void;
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

	/** The next batch, if one has arrived. */
	take(): DetectedArticle[] | undefined {
		return this.ready.shift();
	}

	/** Resolves when a batch arrives or detection ends. */
	arrival(): Promise<void> {
		if (this.ready.length > 0 || this.finished) return Promise.resolve();
		return new Promise(resolve => (this.wake = resolve));
	}

	stop(): void {
		this.stopped = true;
	}

	private async run(steps: AsyncGenerator<DetectedArticle[], DetectProgress>): Promise<DetectProgress | undefined> {
		try {
			for (;;) {
				if (this.stopped) {
					await steps.return({done: 0, fromCache: 0, total: 0});
					return undefined;
				}
				const step = await steps.next();
				if (step.done) return step.value;
				this.ready.push(step.value);
				this.signal();
				await new Promise(resolve => setImmediate(resolve));
			}
		} catch (error) {
			this.failure = reasonOf(error);
			return undefined;
		} finally {
			this.finished = true;
			this.signal();
		}
	}

	private signal(): void {
		const wake = this.wake;
		this.wake = undefined;
		wake?.();
	}
}
