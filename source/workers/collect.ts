// A full garbage collection at a phase boundary where a large structure has just been let go (the
// linker's builder, the search index's build): V8 collects an old generation only once it has grown
// to a multiple of what survived the last collection (twice in a worker under 2 GB, up to four
// times on the main thread), so hundreds of MB of garbage would otherwise sit beside the next
// phase's allocations and set the process's peak. V8's `gc` is reached as the tests and benches
// reach it (--expose-gc set at run time, the function taken from a new context); where that fails,
// nothing is done: a collection is worth a few hundred ms, never a failure.
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null | undefined;

/** Collects all garbage now, on the calling thread; false when V8's collector cannot be reached. */
export function collectGarbage(): boolean {
	if (gc === undefined) {
		try {
			const exposed = (globalThis as {gc?: () => void}).gc;
			if (typeof exposed === 'function') gc = exposed;
			else {
				v8.setFlagsFromString('--expose-gc');
				const found = vm.runInNewContext('gc') as unknown;
				gc = typeof found === 'function' ? (found as () => void) : null;
			}
		} catch {
			gc = null;
		}
	}
	if (gc === null) return false;
	gc();
	return true;
}

/** What this thread's heap and array buffers hold now, collected or not. */
function heldBytes(): number {
	const {heapUsed, arrayBuffers} = process.memoryUsage();
	return heapUsed + arrayBuffers;
}

/**
 * Keeps this thread's garbage under a bound through a long phase that makes much of it (the search
 * index built on `khao --index`'s main thread while workers detect): `check` collects once the heap
 * and array buffers hold `boundBytes` more than the last collection left. V8 lets the main thread's
 * old generation grow to up to four times what survived before collecting it (its limit is 4 GB on
 * a large machine), so when it collects depends on timing, and what it holds at a peak varied by
 * some 200 MB from run to run.
 */
export class GarbageBound {
	private after: number;
	/** Collections made. */
	collections = 0;

	constructor(
		private readonly boundBytes: number,
		private readonly held: () => number = heldBytes,
		private readonly collect: () => boolean = collectGarbage,
	) {
		this.after = held();
	}

	/**
	 * Collects if the bound is passed; true when it did. Cheap otherwise (one memory reading). The
	 * bound counts from the least held since the last collection: buffers let go without one (a
	 * phase's scratch freed) lower it.
	 */
	check(): boolean {
		const held = this.held();
		this.after = Math.min(this.after, held);
		if (held - this.after < this.boundBytes) return false;
		const collected = this.collect();
		if (collected) this.collections++;
		// Where it cannot collect, the bound moves on: not tried again at every check.
		this.after = this.held();
		return collected;
	}
}
