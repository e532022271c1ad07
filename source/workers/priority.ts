// One rule for every worker thread's priority, whichever pool starts it.
import fs from 'node:fs';
import os from 'node:os';

/**
 * Gives this thread the lowest CPU priority, so that on a busy machine the reader's thread wins
 * the cores and keys are answered at once. Linux names a thread by its own id (/proc/thread-self);
 * elsewhere the worker keeps the normal priority.
 */
export function lowerPriority(): void {
	try {
		const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
		if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) os.setPriority(tid, 19);
	} catch {
		// Not Linux, or not allowed: the worker runs at normal priority.
	}
}
