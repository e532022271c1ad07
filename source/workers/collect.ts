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
