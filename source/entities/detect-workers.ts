// Detection in worker threads: the expensive, per-article part of the entity index, run on every
// core and never on the reader's thread. Batches of article texts go out; each comes back as
// mention columns (mention-codec.ts) in a few transferred buffers, not as objects to clone.
//
// Both sides live here: `DetectPool` (the calling thread) and `runDetectWorker` (the worker). The
// bundle is one file, so a worker runs dist/cli.js itself, which sends a worker whose job is
// 'detect' here; under tsx (tests) the worker registers tsx first.
import {Worker, parentPort, workerData} from 'node:worker_threads';
import {detectMentions} from './find-mentions.js';
import {type MentionColumns, COLUMNS, encodeMentions} from './mention-codec.js';
import {setTaggerEnabled, sharedTagger} from './model/load.js';
import {lowerPriority} from '../workers/priority.js';
import {defaultPoolSize} from '../workers/pool.js';

/** Marks a worker of this pool (cli.tsx looks at it). */
export const DETECT_JOB = 'detect';

type Request = {batch: number; texts: string[]};
type Reply = {batch: number; columns: MentionColumns} | {batch: number; error: string};

/** Heap limit of a detection worker (MB): detection keeps nothing between batches. */
const WORKER_HEAP_MB = 1024;

/** Threads to use: as many as the shared pool's (the cores, at most 4). */
export function detectThreads(): number {
	return defaultPoolSize();
}

export class DetectPool {
	private readonly workers: Worker[] = [];
	private readonly idle: Worker[] = [];
	private readonly queue: Array<{batch: number; texts: () => string[]; resolve: (c: MentionColumns) => void; reject: (e: Error) => void}> = [];
	private readonly running = new Map<Worker, {resolve: (c: MentionColumns) => void; reject: (e: Error) => void}>();
	private next = 0;
	private closed = false;

	/**
	 * `background`: the workers run at the lowest CPU priority, so that the reader's thread wins the
	 * cores and keys are answered at once (plain modes have no keys to answer: full speed).
	 */
	constructor(threads = detectThreads(), background = false) {
		// A worker detects as this thread would: with the model, or by the rules alone.
		const rulesOnly = sharedTagger() === null;
		for (let i = 0; i < threads; i++) {
			const worker = startWorker({job: DETECT_JOB, rulesOnly, background});
			worker.on('message', (reply: Reply) => this.settle(worker, reply));
			worker.on('error', (error: Error & {code?: string}) =>
				this.fail(worker, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory (over ${WORKER_HEAP_MB} MB)` : error.message.split('\n')[0]!),
			);
			worker.on('exit', (code) => this.fail(worker, `stopped (exit ${code})`));
			worker.unref();
			this.workers.push(worker);
			this.idle.push(worker);
		}
	}

	/**
	 * The mentions of these texts, as columns (one article per text). The texts are asked for when a
	 * worker takes the batch, not now: a whole corpus is queued at once, and its bodies read up front
	 * were the reader's largest cost in memory (every pending article's text on the heap at once).
	 */
	detect(texts: () => string[]): Promise<MentionColumns> {
		if (this.closed) return Promise.reject(new Error('detection stopped'));
		return new Promise((resolve, reject) => {
			this.queue.push({batch: this.next++, texts, resolve, reject});
			this.pump();
		});
	}

	close(): void {
		this.closed = true;
		for (const worker of this.workers) void worker.terminate();
		for (const job of this.queue.splice(0)) job.reject(new Error('detection stopped'));
	}

	private pump(): void {
		while (this.idle.length > 0 && this.queue.length > 0) {
			const worker = this.idle.pop()!;
			const job = this.queue.shift()!;
			let texts: string[];
			try {
				texts = job.texts();
			} catch (error) {
				this.idle.push(worker);
				job.reject(error instanceof Error ? error : new Error(String(error)));
				continue;
			}
			this.running.set(worker, job);
			worker.ref();
			worker.postMessage({batch: job.batch, texts} satisfies Request);
		}
	}

	private settle(worker: Worker, reply: Reply): void {
		const job = this.running.get(worker);
		this.running.delete(worker);
		worker.unref();
		this.idle.push(worker);
		if (job !== undefined) {
			if ('error' in reply) job.reject(new Error(reply.error));
			else job.resolve(reply.columns);
		}
		this.pump();
	}

	private fail(worker: Worker, reason: string): void {
		const job = this.running.get(worker);
		this.running.delete(worker);
		const at = this.workers.indexOf(worker);
		if (at >= 0) this.workers.splice(at, 1);
		job?.reject(new Error(reason));
		// With no worker left, nothing queued would ever run.
		if (this.workers.length === 0) for (const queued of this.queue.splice(0)) queued.reject(new Error(reason));
	}
}

interface WorkerSettings {
	job: string;
	rulesOnly: boolean;
	background: boolean;
}

function startWorker(workerData: WorkerSettings): Worker {
	const self = import.meta.url;
	const options = {workerData, resourceLimits: {maxOldGenerationSizeMb: WORKER_HEAP_MB}};
	return self.endsWith('.ts')
		? new Worker(`import('tsx/esm/api').then(({register}) => { register(); return import(${JSON.stringify(self)}); }).then((m) => m.runDetectWorker());`, {
				...options,
				eval: true,
			})
		: new Worker(new URL(self), options);
}

/** The worker's side: detects each batch it is sent until the pool ends it. */
export function runDetectWorker(): void {
	const settings = workerData as WorkerSettings;
	if (settings.background) lowerPriority();
	if (settings.rulesOnly) setTaggerEnabled(false);
	parentPort!.on('message', ({batch, texts}: Request) => {
		let reply: Reply;
		try {
			reply = {batch, columns: encodeMentions(texts.map((text) => detectMentions({text})))};
		} catch (error) {
			reply = {batch, error: error instanceof Error ? error.message : String(error)};
		}
		const transfer = 'columns' in reply ? COLUMNS.map(([name]) => reply.columns[name].buffer as ArrayBuffer) : [];
		parentPort!.postMessage(reply, transfer);
	});
}
