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

	constructor(
		private readonly stepMs: number = DEFAULT_STEP_MS,
		private readonly every = 256,
	) {
		this.deadline = performance.now() + stepMs;
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
		this.deadline = performance.now() + this.stepMs;
		this.work = 0;
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
