// The jobs a pool worker can run, by name. A job is a pure function of a structured-cloneable input
// (articles by locator or by value, options) to an output whose large buffers are transferred back,
// not copied. The UI thread refers to a job by its typed handle (defineJob); the worker finds the
// function here, registered by the job's module, which source/workers/jobs.ts imports: adding a job
// (the entity detection, say) is one module and one import line, the pool itself unchanged.

/** What a job returns: its output, and the buffers to move (not copy) to the UI thread. */
export interface JobResult<Output> {
	output: Output;
	transfer?: ArrayBuffer[];
}

export type JobFunction<Input, Output> = (input: Input) => JobResult<Output> | Promise<JobResult<Output>>;

/** A job's name with its input and output types, for WorkerPool.run on the UI thread. */
export interface Job<Input, Output> {
	readonly name: string;
	/** Types only: never set. */
	readonly types?: {input: Input; output: Output};
}

export function defineJob<Input, Output>(name: string): Job<Input, Output> {
	return {name};
}

const functions = new Map<string, JobFunction<never, unknown>>();

/** Called by a job's module (in the worker) with the function that does the job. */
export function registerJob<Input, Output>(job: Job<Input, Output>, run: JobFunction<Input, Output>): void {
	functions.set(job.name, run as JobFunction<never, unknown>);
}

export function jobFunction(name: string): JobFunction<unknown, unknown> | undefined {
	return functions.get(name) as JobFunction<unknown, unknown> | undefined;
}

/** Every buffer under the typed arrays of `values` (deduplicated), to transfer them. */
export function buffersOf(values: Iterable<unknown>): ArrayBuffer[] {
	const buffers = new Set<ArrayBuffer>();
	for (const value of values) if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
	return [...buffers];
}
