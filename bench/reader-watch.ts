// Watching the reader in a pty as a person does: its status bar, when indexing is done, and the
// time from a key to the screen while it indexes (bench/scale.ts and bench/ui-steps.ts).
import {type PtyRun, type UiStep} from './pty.js';

/** Typed into the reader's search panel, one key at a time (no ำ: the screen shows it as ํา). */
export const TYPED = 'ประชุมผู้นำ'.replace('ำ', '');

export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The status bar as a person reads it in the latest frame, and when (ms since the run began) it changed. */
export interface StatusWatch {
	/** Each change of the status bar: its text (escapes removed) and when it was first seen. */
	changes: {at: number; text: string}[];
	/** The performance.now() that `at` counts from. */
	origin: number;
	stop(): void;
}

/**
 * Follows the reader's status bar (the line ending in "q quit": Ink redraws the whole screen each
 * frame) every 20 ms. `started` is the performance.now() the pty's times count from.
 */
export function watchStatus(pty: PtyRun, started: number): StatusWatch {
	const changes: StatusWatch['changes'] = [];
	let seen = 0;
	const timer = setInterval(() => {
		const out = pty.output();
		if (out.length === seen) return;
		const end = out.lastIndexOf('q quit');
		seen = out.length;
		if (end === -1) return;
		// ESC [ … and ESC ] … BEL sequences removed; the status bar is the text since the last line break.
		const line = out
			.slice(Math.max(0, end - 4000), end)
			.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g, '')
			.split(/\r?\n/)
			.pop()!;
		if (changes.at(-1)?.text !== line) changes.push({at: performance.now() - started, text: line});
	}, 20);
	return {changes, origin: started, stop: () => clearInterval(timer)};
}

/** The longest of the UI thread's steps after `from` ms (CPU ms; its wall ms) and how many held it over 50 ms of CPU. */
export function longestSteps(steps: UiStep[], from: number): {text: string; number: number} {
	const after = steps.filter((s) => s.at >= from);
	if (after.length === 0) return {text: 'none over 20 ms', number: 0};
	const longest = after.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
	const over = after.filter((s) => s.cpuMs > 50).length;
	return {text: `${Math.round(longest.cpuMs)} ms CPU (${Math.round(longest.wallMs)} ms wall); ${over} over 50 ms CPU`, number: longest.cpuMs};
}

export const busy = (status: string) => status.includes('loading…') || status.includes('indexing') || status.includes('saving the search index');

/**
 * When (ms since the run began) the status bar last stopped saying "loading…" or "indexing": the
 * first frame from which on it says neither, once it said "indexing" after loading, or once it has
 * said neither for `quietMs` (an index read from the cache may be ready before any frame says
 * "indexing"; the frame between the end of loading and the start of indexing says neither for a
 * moment, which is why one quiet frame is not enough). Undefined after `timeoutMs`.
 */
export async function indexingDone(watch: StatusWatch, timeoutMs: number, quietMs = 3000): Promise<number | undefined> {
	const start = performance.now();
	while (performance.now() - start < timeoutMs) {
		const {changes} = watch;
		const n = changes.length;
		if (n > 0 && !busy(changes[n - 1]!.text)) {
			// The first of the quiet frames at the end (changes of other parts of the bar count too).
			let first = n - 1;
			while (first > 0 && !busy(changes[first - 1]!.text)) first--;
			let loaded = first - 1;
			while (loaded >= 0 && !changes[loaded]!.text.includes('loading…')) loaded--;
			const indexed = changes.slice(loaded + 1, first).some((c) => c.text.includes('indexing'));
			if (indexed || performance.now() - watch.origin - changes[first]!.at >= quietMs) return changes[first]!.at;
		}
		await sleep(50);
	}
	return undefined;
}

/** Keystroke to screen: each key of TYPED sent, timed until the panel shows the query so far. */
export async function typeWhileIndexing(pty: PtyRun): Promise<number[]> {
	pty.send('/');
	await sleep(500);
	const latencies: number[] = [];
	let typed = '';
	for (const ch of TYPED) {
		typed += ch;
		const from = pty.output().length;
		const started = performance.now();
		pty.send(ch);
		for (;;) {
			if (pty.output().slice(from).includes(typed)) break;
			if (performance.now() - started > 10_000) break;
			await sleep(1);
		}
		latencies.push(performance.now() - started);
		await sleep(150);
	}
	pty.send('\u001b');
	return latencies;
}
