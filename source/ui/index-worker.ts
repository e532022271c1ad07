// Index building in a worker thread, for corpora with an article too large to index in the UI's
// time slices: one article is one indivisible step of the search index (a second per 4 MB) and of
// entity linking, so on the UI thread a 32 MB article would freeze keys, q included, for tens of
// seconds. In a worker the UI stays free, and the worker's heap has a limit: a job that runs away
// ends the worker (the reader says so in one line), not the reader.
//
// Both sides live here: `indexInWorker` (UI thread) starts a job; `runIndexWorker` (worker
// thread) does it. The bundle is one file, so the worker runs dist/cli.js itself, which hands a
// worker thread straight to `runIndexWorker`; under tsx (tests) the worker registers tsx first.
import fs from 'node:fs';
import os from 'node:os';
import {Worker, parentPort, workerData} from 'node:worker_threads';
import type {Article, CorpusWarning} from '../corpus/types.js';
import {openSearchIndex} from '../search/index.js';
import {SearchIndex} from '../search/search-index.js';
import type {Segment} from '../search/segment.js';
import {buildEntityIndex, EntityIndex, type EntityCorrections} from '../entities/index.js';
import type {EntityIndexData} from '../entities/entity-index.js';

/** Heap limit of an index worker (MB): several times what a 190 MB article needs. */
export const WORKER_HEAP_MB = 4096;

export type WorkerJob =
	| {job: 'search'; articles: readonly Article[]; cacheDir?: string | null}
	| {job: 'entities'; articles: readonly Article[]; corrections?: EntityCorrections};

/** The job without its articles, which follow as messages. */
type JobHeader = {job: 'search'; cacheDir?: string | null} | {job: 'entities'; corrections?: EntityCorrections};

/**
 * Articles go to the worker as messages of at most this many characters of text, with a turn of
 * the event loop between them: copying 190 MB into a worker at once held the UI thread 1.4 s.
 * Neither index reads the blocks, so they stay behind.
 */
const CHUNK_CHARS = 1 << 20;
type Message = {article: Omit<Article, 'text' | 'blocks'>} | {text: string} | {end: true};

type Reply = {job: 'search'; segments: Segment[]; cacheWarning?: CorpusWarning} | {job: 'entities'; data: EntityIndexData};

export interface WorkerHandle {
	/** Resolves with the index; rejects with a one-line reason (out of memory, a crash). */
	done: Promise<SearchIndex | EntityIndex>;
	stop(): void;
}

/** Starts `job` in a worker thread; what the search cache had to say comes to `onCacheWarning`. */
export function indexInWorker(job: WorkerJob, heapMb = WORKER_HEAP_MB, onCacheWarning?: (warning: CorpusWarning) => void): WorkerHandle {
	const self = import.meta.url;
	const {articles, ...header} = job;
	const options = {workerData: header satisfies JobHeader, resourceLimits: {maxOldGenerationSizeMb: heapMb}};
	const worker = self.endsWith('.ts')
		? new Worker(
				`import('tsx/esm/api').then(({register}) => { register(); return import(${JSON.stringify(self)}); }).then((m) => m.runIndexWorker()).then(() => process.exit(0));`,
				{...options, eval: true},
			)
		: new Worker(new URL(self), options);
	let settled = false;
	const send = async () => {
		let sent = 0;
		for (const {text, blocks: _, ...article} of articles) {
			worker.postMessage({article} satisfies Message);
			for (let at = 0; at < text.length && !settled; at += CHUNK_CHARS) {
				worker.postMessage({text: text.slice(at, at + CHUNK_CHARS)} satisfies Message);
				sent += Math.min(CHUNK_CHARS, text.length - at);
				if (sent >= CHUNK_CHARS) {
					sent = 0;
					await new Promise((resolve) => setImmediate(resolve));
				}
			}
			if (settled) return;
		}
		worker.postMessage({end: true} satisfies Message);
	};
	const done = new Promise<SearchIndex | EntityIndex>((resolve, reject) => {
		worker.once('message', (reply: Reply) => {
			settled = true;
			if (reply.job === 'search') {
				const index = new SearchIndex();
				index.register(articles);
				for (const segment of reply.segments) index.addSegment(segment);
				if (reply.cacheWarning) onCacheWarning?.(reply.cacheWarning);
				resolve(index);
			} else resolve(new EntityIndex(reply.data));
		});
		worker.once('error', (error: Error & {code?: string}) => {
			settled = true;
			reject(new Error(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory (over ${heapMb} MB)` : `failed: ${error.message.split('\n')[0]}`));
		});
		worker.once('exit', (code) => {
			if (!settled) reject(new Error(`stopped (exit ${code})`));
			settled = true;
		});
	});
	void send();
	return {
		done,
		stop: () => {
			settled = true;
			void worker.terminate();
		},
	};
}

/** The articles as the UI thread sends them. */
function receiveArticles(): Promise<Article[]> {
	return new Promise((resolve) => {
		const articles: Article[] = [];
		let meta: Omit<Article, 'text' | 'blocks'> | undefined;
		let chunks: string[] = [];
		const close = () => {
			if (meta) articles.push({...meta, text: chunks.join(''), blocks: []});
			chunks = [];
		};
		parentPort!.on('message', (message: Message) => {
			if ('article' in message) {
				close();
				meta = message.article;
			} else if ('text' in message) chunks.push(message.text);
			else {
				close();
				parentPort!.removeAllListeners('message');
				resolve(articles);
			}
		});
	});
}

/** The worker thread's side: builds what it was asked for and posts it back. */
export async function runIndexWorker(): Promise<void> {
	const job = workerData as JobHeader;
	lowerPriority();
	const articles = await receiveArticles();
	let reply: Reply;
	if (job.job === 'search') {
		let cacheWarning: CorpusWarning | undefined;
		const onCacheWarning = (warning: CorpusWarning) => void (cacheWarning = warning);
		const index = openSearchIndex(articles, {onCacheWarning, ...(job.cacheDir === undefined ? {} : {cacheDir: job.cacheDir})});
		reply = {job: 'search', segments: index.segments, ...(cacheWarning ? {cacheWarning} : {})};
	} else {
		const index = buildEntityIndex(articles, job.corrections ? {corrections: job.corrections} : {});
		// The index's own data, without the name search (rebuilt on the UI side on first use).
		const {nameSearch: _, ...data} = (index as unknown as {data: EntityIndexData}).data;
		reply = {job: 'entities', data};
	}
	parentPort!.postMessage(reply);
}

/**
 * Gives this thread the lowest CPU priority, so that on a busy machine the reader's thread wins
 * the cores and keys are answered at once. Linux names a thread by its own id (/proc/thread-self);
 * elsewhere the worker keeps the normal priority.
 */
function lowerPriority(): void {
	try {
		const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
		if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) os.setPriority(tid, 19);
	} catch {
		// Not Linux, or not allowed: the worker runs at normal priority.
	}
}
