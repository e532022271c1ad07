// The worker thread's side of the pool: takes one job at a time, runs the registered function and
// posts the output back (its buffers transferred). A job that throws answers with a one-line reason.
import {parentPort, workerData} from 'node:worker_threads';
import {reasonOf} from '../corpus/errors.js';
import './jobs.js';
import {jobFunction} from './registry.js';
import {lowerPriority} from './priority.js';
import {tickPhases} from './phase-log.js';
import type {PoolReply, PoolRequest, PoolWorkerData} from './pool.js';

export function runPoolWorker(): Promise<void> {
	if ((workerData as PoolWorkerData | undefined)?.background !== false) lowerPriority();
	const port = parentPort!;
	tickPhases();
	return new Promise(() => {
		// Jobs are run one at a time, in the order they come (the pool sends one per worker).
		let chain = Promise.resolve();
		port.on('message', (request: PoolRequest) => {
			chain = chain.then(async () => {
				const run = jobFunction(request.job);
				let reply: PoolReply;
				let transfer: ArrayBuffer[] = [];
				try {
					if (!run) throw new Error(`no job named ${request.job}`);
					const result = await run(request.input);
					reply = {id: request.id, ok: true, output: result.output};
					transfer = result.transfer ?? [];
				} catch (error) {
					reply = {id: request.id, ok: false, message: reasonOf(error).split('\n')[0]!};
				}
				port.postMessage(reply, transfer);
			});
		});
	});
}
