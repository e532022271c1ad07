// CPU time of each thread of this process, read from /proc (Linux; elsewhere nothing): Node 20's
// process.cpuUsage() sums every thread, so it cannot tell the detection workers from the main thread
// or from V8's own helper threads (its compiler and collector), which were a fifth of the cold
// entity bench. Worker threads end when their pool stops, so callers sample while they run and the
// largest figure seen for each thread is kept.
import {readFileSync, readdirSync} from 'node:fs';

const TICKS_PER_SECOND = 100;

/** Seconds of CPU (user + system) of each thread alive now, by thread id. */
export function threadCpu(): Map<number, number> {
	const out = new Map<number, number>();
	let tids: string[];
	try {
		tids = readdirSync('/proc/self/task');
	} catch {
		return out;
	}
	for (const tid of tids) {
		try {
			const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
			// Fields after the command name (which may hold spaces) start at its closing bracket.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
		} catch {
			// The thread ended between the listing and the read.
		}
	}
	return out;
}

/** Keeps each thread's largest CPU figure over samples, and tells the threads there at the start from those started later. */
export class ThreadCpuSampler {
	private readonly first = threadCpu();
	private readonly best = new Map<number, number>(this.first);

	sample(): void {
		for (const [tid, cpu] of threadCpu()) this.best.set(tid, Math.max(cpu, this.best.get(tid) ?? 0));
	}

	/** CPU seconds since the sampler was made: the main thread, the threads started since (workers), the other threads that were there (V8's helpers). */
	totals(): {main: number; started: number[]; helpers: number} {
		this.sample();
		let helpers = 0;
		const started: number[] = [];
		let main = 0;
		for (const [tid, cpu] of this.best) {
			const used = cpu - (this.first.get(tid) ?? 0);
			if (tid === process.pid) main = used;
			else if (this.first.has(tid)) helpers += used;
			else started.push(used);
		}
		return {main, started: started.sort((a, b) => b - a), helpers};
	}
}
