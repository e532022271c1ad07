// Long work done in steps, so the reader can answer keys between them: a step-wise function is a
// generator that yields whenever its step has used its time, and whoever drives it either stops
// between steps (the reader, between frames) or runs it to the end at once (tests, plain mode).

export type Steps<T> = Generator<void, T, void>;

/** Runs step-wise work to the end. */
export function runSteps<T>(steps: Steps<T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** Milliseconds of work in one step unless the caller asks otherwise. */
export const DEFAULT_STEP_MS = 3;

/**
 * When a step is over. Reading the clock costs more than a cheap unit of work, so `tick` reads it
 * only every `every` units; `due` reads it at once (for units that are costly themselves).
 */
export class StepClock {
	private deadline: number;
	private work = 0;

	/** `onResume` runs after every pause (to check that nothing changed under the paused work). */
	constructor(
		private readonly stepMs: number = DEFAULT_STEP_MS,
		private readonly onResume?: () => void,
		private readonly every = 256,
	) {
		this.deadline = performance.now() + stepMs;
	}

	/** Starts a step now (work is often created a while before its first step runs). */
	restart(): void {
		this.deadline = performance.now() + this.stepMs;
		this.work = 0;
	}

	/** Counts `units` of work; true when the step has used its time and the caller should pause. */
	tick(units = 1): boolean {
		this.work += units;
		if (this.work < this.every) return false;
		this.work = 0;
		return this.due();
	}

	due(): boolean {
		return performance.now() >= this.deadline;
	}

	/** Yields once, then starts the next step: `if (clock.tick()) yield* clock.pause();`. */
	*pause(): Steps<void> {
		yield;
		this.onResume?.();
		this.restart();
	}
}

/** A clock whose step never ends: step-wise work run at once pays no clock reads. */
export const NO_PAUSE: StepClock = new (class extends StepClock {
	override tick(): boolean {
		return false;
	}

	override due(): boolean {
		return false;
	}
})();

/** A stable sort in steps (the same order as `Array.prototype.sort`, which is stable too). */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, clock: StepClock): Steps<T[]> {
	const n = items.length;
	let from = items.slice();
	let to = new Array<T>(n);
	// Bottom-up merge sort: runs of 1, 2, 4… merged pairwise.
	for (let width = 1; width < n; width *= 2) {
		for (let lo = 0; lo < n; lo += 2 * width) {
			const hi = Math.min(lo + 2 * width, n);
			mergeRuns(from, to, lo, Math.min(lo + width, n), hi, compare);
			if (clock.tick(hi - lo)) yield* clock.pause();
		}
		[from, to] = [to, from];
	}
	return from;
}

/** Merges from[lo, mid) and from[mid, hi) into `to`, the left one first on ties. */
function mergeRuns<T>(from: readonly T[], to: T[], lo: number, mid: number, hi: number, compare: (a: T, b: T) => number): void {
	let i = lo;
	let j = mid;
	let k = lo;
	while (i < mid && j < hi) to[k++] = compare(from[j]!, from[i]!) < 0 ? from[j++]! : from[i++]!;
	while (i < mid) to[k++] = from[i++]!;
	while (j < hi) to[k++] = from[j++]!;
}
