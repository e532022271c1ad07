// Names the reader's long UI-thread steps: runs it cold in a pty on a corpus with V8's CPU profiler
// on (the inspector's, main thread only), types in the search panel while it indexes as bench/scale.ts does, waits until
// indexing and saving are done, quits with q (the profile is written on a clean exit), then lists
// each UI-thread step the preload (pty.ts) logged over --min ms of CPU, with the functions the
// profile's samples in it were in (inclusive: on the stack; self: on top). Wall times on a loaded
// machine mostly wait for a core: the CPU ms is the step's size.
//
//   npm run build && node --import tsx bench/ui-steps.ts FILE [--min 50] [--cache DIR] [--top 6] [--cli dist/cli-prof.js]
//
// --cli: the bundle to run (default dist/cli.js); one built without --minify names every function.
// --cache: a cache folder to use (and keep): give the same one twice to profile a reopen.
// The profiler samples every 0.5 ms and costs some CPU: keystroke latencies printed here are not the
// scale table's (measure those with bench/scale.ts, which does not profile).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {median, runInPty, uiSteps, type UiStep} from './pty.js';
import {indexingDone, longestSteps, p95, sleep, typeWhileIndexing, watchStatus} from './reader-watch.js';

const args = process.argv.slice(2);
const option = (name: string) => {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : undefined;
};
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.resolve(option('--cli') ?? path.join(root, 'dist', 'cli.js'));
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) throw new Error('usage: bench/ui-steps.ts FILE [--min 50] [--cache DIR] [--top 6]');
const minMs = Number(option('--min') ?? 50);
const top = Number(option('--top') ?? 6);

// The main thread only, through the inspector (node's --cpu-prof would profile the workers too, and
// Ink's signal-exit and the profiler's SIGPROF need the patch below): sampled every 0.5 ms, written on exit (q).
const PROFILE_PRELOAD = `
import fs from 'node:fs';
import inspector from 'node:inspector';
import {isMainThread} from 'node:worker_threads';
if (isMainThread && process.env.KHAO_PROFILE_OUT) {
	// V8 samples on SIGPROF; Ink's signal-exit listens to it and re-raises it, killing the reader
	// (exit 155) or leaving it stuck: a listener for it is not let in.
	for (const method of ['on', 'addListener', 'once', 'prependListener']) {
		const original = process[method];
		process[method] = function (event, ...rest) {
			return event === 'SIGPROF' ? this : original.call(this, event, ...rest);
		};
	}
	const session = new inspector.Session();
	session.connect();
	session.post('Profiler.enable');
	session.post('Profiler.setSamplingInterval', {interval: 500});
	session.post('Profiler.start');
	process.on('exit', () => {
		session.post('Profiler.stop', (error, result) => {
			if (!error) fs.writeFileSync(process.env.KHAO_PROFILE_OUT, JSON.stringify(result.profile));
		});
	});
}
`;

interface ProfileNode {
	id: number;
	callFrame: {functionName: string; url: string; lineNumber: number};
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	startTime: number;
	samples: number[];
	timeDeltas: number[];
}

/** Where the samples of a window went: function → ms on the stack (inclusive) and on top (self). */
export interface Where {
	inclusive: Map<string, number>;
	self: Map<string, number>;
}

/** The profile's samples between `fromUs` and `toUs` (V8's monotonic clock), by function. */
export function samplesIn(profile: Profile, fromUs: number, toUs: number): Where {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const name = (n: ProfileNode) => {
		const f = n.callFrame;
		return f.url ? `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}` : f.functionName;
	};
	const inclusive = new Map<string, number>();
	const self = new Map<string, number>();
	let t = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		t += profile.timeDeltas[i]!;
		if (t < fromUs || t > toUs) continue;
		const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
		const leaf = byId.get(profile.samples[i]!)!;
		if (leaf.callFrame.functionName === '(idle)') continue;
		self.set(name(leaf), (self.get(name(leaf)) ?? 0) + ms);
		const seen = new Set<string>();
		for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
			const label = name(byId.get(id)!);
			if (seen.has(label)) continue;
			seen.add(label);
			inclusive.set(label, (inclusive.get(label) ?? 0) + ms);
		}
	}
	return {inclusive, self};
}

const ranked = (m: Map<string, number>, n: number, skip: (label: string) => boolean = () => false) =>
	[...m]
		.filter(([label]) => !skip(label))
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)
		.map(([label, ms]) => `${label} ${Math.round(ms)}`)
		.join('; ');

// Frames every step goes through (the event loop's, Node's own): they name nothing.
const generic = (label: string) => label.startsWith('(') || label.includes('node:') || /^(processImmediate|listOnTimeout|processTicksAndRejections) /.test(label);

async function main(): Promise<void> {
	if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
	const cache = option('--cache') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'khao-ui-steps-cache-'));
	const profDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-ui-steps-prof-'));
	const ui = uiSteps();
	console.error(`load average at start: ${os.loadavg()[0]!.toFixed(1)}`);
	const origin = performance.now();
	const preload = path.join(profDir, 'profile.mjs');
	const out = path.join(profDir, 'main.cpuprofile');
	fs.writeFileSync(preload, PROFILE_PRELOAD);
	const pty = runInPty(['node', '--import', pathToFileURL(preload).href, ...ui.args, cli, file!], {
		cwd: root,
		env: {KHAO_CACHE_DIR: cache, KHAO_PROFILE_OUT: out, ...ui.env},
	});
	const watch = watchStatus(pty, origin);
	let steps: UiStep[] = [];
	try {
		const shown = await pty.waitFor('q quit', 120_000);
		console.error(`first screen at ${Math.round(shown)} ms`);
		// A reopened corpus (--cache) may be ready before any frame says "indexing": no typing then.
		const typing = await Promise.race([pty.waitFor('indexing', 600_000).then(() => true), ...(option('--cache') ? [sleep(5000).then(() => false)] : [])]);
		if (typing) {
			const latencies = await typeWhileIndexing(pty);
			console.log(`keystroke to screen while indexing (profiled): median ${Math.round(median(latencies))} / p95 ${Math.round(p95(latencies))} ms`);
		}
		console.error('waiting for indexing to end');
		const done = await indexingDone(watch, 1_800_000);
		console.log(`first screen ${Math.round(shown)} ms; indexing done ${done === undefined ? 'never' : `${((done - shown) / 1000).toFixed(1)} s after it`}`);
		steps = ui.steps();
		console.log(`preload: longest step after the first screen ${longestSteps(steps, shown).text}`);
		// The caches are written after the last frame that says so: give them time, then quit.
		await sleep(3000);
		pty.send('\u001b');
		await sleep(300);
		pty.send('q');
		await Promise.race([new Promise((resolve) => pty.child.once('exit', resolve)), sleep(60_000)]);
	} finally {
		watch.stop();
		await pty.stop();
	}
	if (!fs.existsSync(out)) throw new Error(`no profile written (did the reader quit?): ${out}`);
	const profile = JSON.parse(fs.readFileSync(out, 'utf8')) as Profile;
	const long = steps.filter((step) => step.cpuMs > minMs && step.hrUs !== undefined);
	console.log(`\n${long.length} UI-thread steps over ${minMs} ms CPU (${out}):`);
	for (const step of long) {
		const where = samplesIn(profile, step.hrUs!, step.hrUs! + step.wallMs * 1000);
		console.log(`\n${(step.at / 1000).toFixed(2)} s: ${Math.round(step.cpuMs)} ms CPU (${Math.round(step.wallMs)} ms wall)`);
		console.log(`  inclusive: ${ranked(where.inclusive, top, generic)}`);
		console.log(`  self: ${ranked(where.self, top)}`);
	}
	if (!option('--cache')) fs.rmSync(cache, {recursive: true, force: true});
}

await main();
