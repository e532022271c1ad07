// A timeline of the long phases (linking, the caches), for measuring peaks: with KHAO_DEBUG_PHASES
// set to a file name, each phase's start is appended to it as one line (wall clock in ms, thread,
// the phase, this thread's heap used/total, external memory and RSS in MiB); unset, nothing is done. Lined up with RSS sampled from
// outside, it tells which phase a peak falls in. Never throws: a timeline is not worth a failure.
import fs from 'node:fs';
import {isMainThread, threadId} from 'node:worker_threads';

const target = process.env['KHAO_DEBUG_PHASES'];

export function phase(name: string): void {
	if (!target) return;
	try {
		const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);
		const {heapUsed, heapTotal, external, arrayBuffers} = process.memoryUsage();
		fs.appendFileSync(
			target,
			`${Date.now()} ${isMainThread ? 'main' : `worker${threadId}`} ${name} heap=${mib(heapUsed)}/${mib(heapTotal)} external=${mib(external)} buffers=${mib(arrayBuffers)} rss=${mib(process.memoryUsage.rss())}\n`,
		);
	} catch {
		// Nothing: the timeline is for measuring only.
	}
}

/**
 * With KHAO_DEBUG_PHASES set, this thread's memory is appended every `ms` as a phase named
 * `tick` until the returned function is called (the timer never keeps the process alive).
 */
export function tickPhases(ms = 500): () => void {
	if (!target) return () => undefined;
	const timer = setInterval(() => phase('tick'), ms).unref();
	return () => clearInterval(timer);
}
