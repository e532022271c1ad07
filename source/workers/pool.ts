// A small pool of worker threads for index building: one worker per core (capped), each running
// one job at a time from a shared queue, so both cores of a laptop are busy while the UI thread
// only merges results. A worker that fails (out of memory, a crash) fails the job it was running
// with a one-line reason and is replaced for the jobs still queued: the reader keeps working.
//
// The bundle is one file, so a worker runs dist/cli.js itself, which hands a worker thread straight
// to runPoolWorker (worker-main.ts); under tsx (tests) the worker registers tsx first.
import os from 'node:os';
import v8 from 'node:v8';
import {Worker} from 'node:worker_threads';
import type {Job} from './registry.js';

/** Heap limit of a pool worker (MB): several times what a batch, or one 190 MB article, needs. */
export const WORKER_HEAP_MB = 4096;
/**
 * Heap limit (MB) of a worker given work of bounded size: batches of a few hundred thousand
 * characters (detection, the search index), or the linking of a corpus from its detection cache
 * (about 400 MB of heap at 60,000 articles). Under V8's 2 GB line a heap may grow to at most about
 * twice what survived its last full collection before it collects again, at 4 GB up to four times:
 * the same work with less garbage held (README, Benchmarks: stop 22).
 */
export const BATCH_HEAP_MB = 2000;
/** Workers at most: index building is bounded by the memory bus beyond a few. */
const MAX_WORKERS = 4;
/**
 * An idle worker is ended after this long. Each keeps a heap of its own (60-70 MB after indexing
 * batches, measured on 10,000 articles) that nothing else can use: the reader's memory once its
 * indexes are built should not include threads that have nothing left to do.
 */
export const IDLE_MS = 1_000;

export interface PoolOptions {
	/** Worker threads (default: the cores available, at most MAX_WORKERS). */
	size?: number;
	/** Heap limit of each worker, MB (tests make it small). */
	heapMb?: number;
	/**
	 * Workers at the lowest CPU priority (default), so that the reader's thread wins the cores and
	 * keys are answered at once; the plain modes, with no keys to answer, run theirs at full speed.
	 */
	background?: boolean;
	/** An idle worker is ended after this many ms (default IDLE_MS); the next job starts a new one. */
	idleMs?: number;
	/**
	 * The built bundle a worker runs (default: the bundle this code is in, or worker-main.ts under
	 * tsx). A benchmark run from the sources gives the built dist/cli.js, so that its workers start
	 * and detect as the product's do, with no TypeScript to compile in each.
	 */
	script?: URL;
	/**
	 * Jobs a busy worker holds at most (default 1): with 2, a worker is sent its next job while it
	 * runs one, so it never waits for this thread to answer its last reply and post again. In the
	 * plain modes this thread links each batch as it comes (several milliseconds), and each worker
	 * waited that long for every job: about 0.4 s of the cold 10,000-article run (bench/HISTORY.md,
	 * stop 28). The reader keeps 1: a job waiting in a busy worker could not go to one that frees first.
	 */
	pipeline?: number;
}

/** Jobs a worker holds in the plain modes' pools (`--entities`, `--index`), where no key waits: see `pipeline`. */
export const PLAIN_PIPELINE = 2;

/** What a worker is started with. */
export interface PoolWorkerData {
	background: boolean;
}

/** The message a worker gets, and the one it answers with. */
export type PoolRequest = {id: number; job: string; input: unknown};
export type PoolReply = {id: number; ok: true; output: unknown} | {id: number; ok: false; message: string};

interface Task {
	id: number;
	job: string;
	input: unknown;
	transfer: ArrayBuffer[];
	resolve: (output: unknown) => void;
	reject: (error: Error) => void;
}

interface Slot {
	worker: Worker;
	/** Jobs sent to the worker and not yet answered, in the order sent (it answers in that order). */
	tasks: Task[];
	/** Set while the worker is idle: it ends the worker. */
	idle?: NodeJS.Timeout;
}

/**
 * TurboFan's inlining budget (bytecode inlined into one optimised function, V8's default 920),
 * lowered for the whole process when the first pool starts. Each isolate compiles detection anew
 * and its largest functions several times: with less inlined into them, V8's compiling threads
 * spent a third less on the cold 10,000-article run and the workers no more (bench/HISTORY.md, stop 21).
 * V8 reads it at every optimising compile, so setting it at run time reaches the workers; a value
 * given on node's command line is left alone.
 */
export const INLINING_BUDGET = 200;
const INLINING_FLAG = '--max-inlined-bytecode-size-cumulative';
let compilerTuned = false;

/** The V8 flag the pool sets, or undefined when node was started with a budget of its own. */
export function compilerFlag(execArgv: readonly string[]): string | undefined {
	const given = execArgv.some((a) => a.replace(/_/g, '-').startsWith(INLINING_FLAG));
	return given ? undefined : `${INLINING_FLAG}=${INLINING_BUDGET}`;
}

function tuneCompiler(): void {
	if (compilerTuned) return;
	compilerTuned = true;
	const flag = compilerFlag(process.execArgv);
	if (flag !== undefined) v8.setFlagsFromString(flag);
}

export function defaultPoolSize(): number {
	const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
	return Math.max(1, Math.min(MAX_WORKERS, cores));
}

export class WorkerPool {
	private readonly queue: Task[] = [];
	private readonly slots: Slot[] = [];
	private readonly size: number;
	private readonly heapMb: number;
	private readonly background: boolean;
	private readonly idleMs: number;
	private readonly script: URL | undefined;
	private readonly pipeline: number;
	private nextId = 0;
	private stopped = false;
	/** Workers being ended (retired when idle, failed, or stopped): stop() waits for them. */
	private readonly ending = new Set<Promise<unknown>>();

	constructor(options: PoolOptions = {}) {
		this.size = Math.max(1, options.size ?? defaultPoolSize());
		this.heapMb = options.heapMb ?? WORKER_HEAP_MB;
		this.background = options.background ?? true;
		this.idleMs = options.idleMs ?? IDLE_MS;
		this.script = options.script;
		this.pipeline = Math.max(1, options.pipeline ?? 1);
	}

	/** Worker threads alive now (idle ones are ended after idleMs). */
	get threads(): number {
		return this.slots.length;
	}

	/** Jobs not yet sent to a worker. */
	get queued(): number {
		return this.queue.length;
	}

	/** Worker threads not yet exited: those alive and those being ended. */
	get live(): number {
		return this.slots.length + this.ending.size;
	}

	/** Runs `job` on `input` in a worker; rejects with a one-line reason. `transfer` moves buffers instead of copying them. */
	run<Input, Output>(job: Job<Input, Output>, input: Input, transfer: ArrayBuffer[] = []): Promise<Output> {
		if (this.stopped) return Promise.reject(new Error('stopped'));
		return new Promise<Output>((resolve, reject) => {
			this.queue.push({id: this.nextId++, job: job.name, input, transfer, resolve: resolve as (output: unknown) => void, reject});
			this.dispatch();
		});
	}

	/**
	 * Ends every worker; jobs not finished are rejected. Resolves once every worker this pool
	 * started has exited, its heap given back: a caller about to start something large (the
	 * linking worker, the linked cache opened) awaits it so that the two never hold memory at once.
	 */
	stop(): Promise<void> {
		this.stopped = true;
		for (const task of this.queue.splice(0)) task.reject(new Error('stopped'));
		for (const slot of this.slots.splice(0)) {
			clearTimeout(slot.idle);
			for (const task of slot.tasks.splice(0)) task.reject(new Error('stopped'));
			this.end(slot.worker);
		}
		return Promise.all([...this.ending]).then(() => undefined);
	}

	/** Terminates a worker, remembered until it has exited. */
	private end(worker: Worker): void {
		const ended: Promise<unknown> = worker.terminate().then(
			() => this.ending.delete(ended),
			() => this.ending.delete(ended),
		);
		this.ending.add(ended);
	}

	private dispatch(): void {
		while (this.queue.length > 0 && !this.stopped) {
			// An idle worker first, then a new one, then one with room for a job more: only while there
			// are jobs enough for every worker, so that the last ones go to whichever worker frees first.
			let slot = this.slots.find((s) => s.tasks.length === 0);
			if (!slot && this.slots.length < this.size) slot = this.start();
			if (!slot && this.queue.length >= this.slots.length) slot = this.slots.find((s) => s.tasks.length < this.pipeline);
			if (!slot) return;
			const task = this.queue.shift()!;
			clearTimeout(slot.idle);
			slot.idle = undefined;
			slot.tasks.push(task);
			// A worker with a job keeps the process alive until it answers; an idle one does not.
			slot.worker.ref();
			slot.worker.postMessage({id: task.id, job: task.job, input: task.input} satisfies PoolRequest, task.transfer);
		}
	}

	private start(): Slot {
		tuneCompiler();
		const worker = startWorker(this.heapMb, {background: this.background}, this.script);
		const slot: Slot = {worker, tasks: []};
		this.slots.push(slot);
		worker.on('message', (reply: PoolReply) => {
			const task = slot.tasks[0];
			if (!task || task.id !== reply.id) return;
			slot.tasks.shift();
			if (slot.tasks.length === 0) worker.unref();
			if (reply.ok) task.resolve(reply.output);
			else task.reject(new Error(reply.message));
			this.dispatch();
			if (slot.tasks.length === 0) slot.idle = setTimeout(() => this.retire(slot), this.idleMs).unref();
		});
		const fail = (error: Error) => {
			const index = this.slots.indexOf(slot);
			if (index < 0) return;
			this.slots.splice(index, 1);
			// The job it was running fails; those sent after it never started and go back first in line
			// (unless their buffers went with them).
			const [running, ...waiting] = slot.tasks.splice(0);
			running?.reject(error);
			for (const task of waiting) if (task.transfer.length > 0) task.reject(error);
			this.queue.unshift(...waiting.filter((task) => task.transfer.length === 0));
			this.end(worker);
			// The jobs still queued get a new worker.
			this.dispatch();
		};
		worker.once('error', (error: Error & {code?: string}) => {
			fail(new Error(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory (over ${this.heapMb} MB)` : `failed: ${error.message.split('\n')[0]}`));
		});
		worker.once('exit', (code) => fail(new Error(`stopped (exit ${code})`)));
		return slot;
	}

	/** Ends an idle worker; its slot is gone first, so its exit is no failure. */
	private retire(slot: Slot): void {
		const index = this.slots.indexOf(slot);
		if (index < 0 || slot.tasks.length > 0) return;
		this.slots.splice(index, 1);
		this.end(slot.worker);
	}
}

function startWorker(heapMb: number, workerData: PoolWorkerData, script: URL | undefined): Worker {
	const self = import.meta.url;
	const options = {resourceLimits: {maxOldGenerationSizeMb: heapMb}, workerData};
	if (script !== undefined) return new Worker(script, options);
	if (!self.endsWith('.ts')) return new Worker(new URL(self), options);
	const main = new URL('./worker-main.ts', self).href;
	return new Worker(`import('tsx/esm/api').then(({register}) => { register(); return import(${JSON.stringify(main)}); }).then((m) => m.runPoolWorker());`, {
		...options,
		eval: true,
	});
}
