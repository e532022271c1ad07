// Saving while reading without saving on every key: a change asks for a save, which happens once
// the reader has been still for `delay` ms, or at the latest `maxDelay` ms after the first change
// (a reader who scrolls for a long time still has a recent save should khao be killed); `flush`
// saves now (on quit). `save` hears which: `urgent` false is a save that may go on in the
// background, true one that must be done before it returns. Timers are injected so the rule is
// tested without waiting.

export interface Timers {
	set(callback: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

const realTimers: Timers = {
	set: (callback, ms) => {
		const timer = setTimeout(callback, ms);
		timer.unref();
		return timer;
	},
	clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class SaveLater {
	private timer: unknown;
	private firstChange: number | undefined;

	constructor(
		private readonly save: (urgent: boolean) => void,
		private readonly delay = 2_000,
		private readonly maxDelay = 10_000,
		private readonly timers: Timers = realTimers,
		private readonly now: () => number = Date.now,
	) {}

	/** Something changed: save soon. */
	touch(): void {
		const now = this.now();
		this.firstChange ??= now;
		if (this.timer !== undefined) this.timers.clear(this.timer);
		const wait = Math.max(0, Math.min(this.delay, this.firstChange + this.maxDelay - now));
		this.timer = this.timers.set(() => this.fire(false), wait);
	}

	/** Saves now if anything is waiting, done before this returns. */
	flush(): void {
		this.fire(true);
	}

	private fire(urgent: boolean): void {
		if (this.timer !== undefined) this.timers.clear(this.timer);
		const waiting = this.firstChange !== undefined;
		this.timer = undefined;
		this.firstChange = undefined;
		if (waiting) this.save(urgent);
	}
}
