// The scale table of issue 10: khao on 10,000 and 60,000 distinct articles (thaigov-2k repeated
// with distinct ids, bench/data.ts), every mode in a child process, as a user runs it.
//
//   npm run build && node --import tsx bench/scale.ts [--quick] [--sizes 10000,60000] [--runs N]
//
// --quick: one run of each timing, and 10,000 articles only unless --sizes says otherwise.
// Peak RSS comes from /usr/bin/time (%M) for one-shot modes and from /proc (VmHWM/VmRSS) for the
// reader in a pty. "cold": an empty cache folder; "warm": the cache that the cold run (or
// `khao --index`) left. Numbers are medians of the runs.
//
// Wall times follow the machine's load: each one-shot row also gives its CPU time (user + sys,
// which a loaded machine inflates far less), the load average is printed per size, and the end
// says how long the whole run took. A full run (10,000 and 60,000 articles, 3 runs of each timing)
// takes roughly 40-60 minutes on the idle 2-core machine, most of it the cold 60,000-article runs
// (`--index`, `--entities`, `--search` and the reader's indexing, minutes each); a loaded machine
// takes several times that. `--quick` on 10,000 articles alone: about 5 minutes idle.
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {distinctCorpus} from './data.js';
import {median, runInPty, uiSteps} from './pty.js';
import {busy, indexingDone, longestSteps, p95, sleep, typeWhileIndexing, watchStatus} from './reader-watch.js';
import {printTable} from './table.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name: string) => {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : undefined;
};
const sizes = (option('--sizes') ?? (quick ? '10000' : '10000,60000')).split(',').map(Number);
const runs = Number(option('--runs') ?? (quick ? 1 : 3));
const only = option('--only')?.split(',');
const want = (name: string) => !only || only.includes(name);
const QUERIES = ['รัฐมนตรี', 'การประชุม คณะรัฐมนตรี', 'ความร่วมมือ', 'Thailand', 'เศรษกิจ'];

type Value = {text: string; number?: number};
type Results = Map<string, Map<number, Value>>;

const mb = (bytes: number) => ({text: `${Math.round(bytes / 1e6)} MB`, number: bytes});
const sec = (ms: number) => ({text: ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(2)} s`, number: ms});
const msv = (ms: number) => ({text: `${Math.round(ms)} ms`, number: ms});

/** Cache folders made by this run: removed at its end (at 60,000 articles each holds up to a GB). */
const made: string[] = [];
function freshCache(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-scale-cache-'));
	made.push(dir);
	return dir;
}
process.on('exit', () => {
	for (const dir of made) fs.rmSync(dir, {recursive: true, force: true});
});
process.on('SIGINT', () => process.exit(130));

/** A one-shot run: wall time, CPU time and peak RSS (GNU time's %U %S %M), output thrown away. */
function timed(argv: string[], cacheDir: string, timeoutMs = 1_800_000): {ms: number; cpuMs: number; rss: number; code: number | null} {
	const started = performance.now();
	const r = spawnSync('/usr/bin/time', ['-f', 'KHAO-RSS %M %U %S', process.execPath, cli, ...argv], {
		env: {...process.env, KHAO_CACHE_DIR: cacheDir},
		stdio: ['ignore', 'ignore', 'pipe'],
		timeout: timeoutMs,
		maxBuffer: 64 * 1024 * 1024,
	});
	const ms = performance.now() - started;
	const rss = /KHAO-RSS (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr?.toString() ?? '');
	return {ms, cpuMs: rss ? (Number(rss[2]) + Number(rss[3])) * 1000 : NaN, rss: rss ? Number(rss[1]) * 1024 : NaN, code: r.status};
}

/** Milliseconds until the first line of `argv` arrives through a pipe; khao is then ended. */
function firstLine(argv: string[], cacheDir: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, [cli, ...argv], {env: {...process.env, KHAO_CACHE_DIR: cacheDir}, stdio: ['ignore', 'pipe', 'ignore']});
		let seen = '';
		child.stdout.on('data', (d: Buffer) => {
			seen += d.toString();
			if (seen.includes('\n')) {
				resolve(performance.now() - started);
				child.stdout.destroy();
				child.kill();
			}
		});
		child.once('exit', () => reject(new Error(`no line from ${argv.join(' ')}`)));
	});
}

function procStatus(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): number {
	if (!pid) return NaN;
	try {
		const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) * 1024 : NaN;
	} catch {
		return NaN;
	}
}

async function firstScreen(argv: string[], cacheDir: string): Promise<number> {
	const pty = runInPty(['node', cli, ...argv], {cwd: root, env: {KHAO_CACHE_DIR: cacheDir}});
	try {
		return await pty.waitFor('q quit', 120_000);
	} finally {
		await pty.stop();
	}
}

async function benchSize(articles: number, results: Results, seeds: number): Promise<void> {
	const corpus = distinctCorpus(articles / 2000);
	const put = (measure: string, value: Value) => {
		if (!results.has(measure)) results.set(measure, new Map());
		results.get(measure)!.set(articles, value);
		console.error(`  ${articles}: ${measure}: ${value.text}`);
	};
	const file = corpus.path;
	// The largest peak RSS of the one-shot modes and the reader, and which it was.
	let peak = {rss: 0, mode: ''};
	const peakOf = (mode: string, rss: number) => {
		if (rss > peak.rss) peak = {rss, mode};
	};
	const load = () => os.loadavg()[0]!.toFixed(1);
	const loadAtStart = load();
	/** A one-shot run of khao on this corpus, its peak RSS counted; a failed run is said, not timed silently. */
	const run = (argv: string[], cache: string) => {
		const r = timed(argv, cache);
		const mode = argv.filter((a) => a.startsWith('--')).join(' ');
		peakOf(mode, r.rss);
		if (r.code !== 0) console.error(`  ! khao ${argv.join(' ')} exited with ${r.code}`);
		return r;
	};
	/** Wall time, CPU time and peak RSS of a run, and its exit code when it failed. */
	const shot = (r: ReturnType<typeof timed>) => `${sec(r.ms).text} (CPU ${sec(r.cpuMs).text}), ${mb(r.rss).text}${r.code === 0 ? '' : ` (exit ${r.code})`}`;
	console.error(`${articles} articles: ${file} (${Math.round(corpus.bytes / 1e6)} MB)`);

	if (want('first')) {
		const cache = freshCache();
		const times: number[] = [];
		for (let i = 0; i < runs; i++) times.push(await firstScreen([file], cache));
		const t = median(times);
		put('reader: first screen (pty), vs the seed articles', {text: `${Math.round(t)} ms (${(t / seeds).toFixed(2)}×)`, number: t});
	}

	if (want('pipe')) {
		const cache = freshCache();
		for (const mode of ['--list', '--print']) {
			const times: number[] = [];
			for (let i = 0; i < Math.max(3, runs); i++) times.push(await firstLine([file, mode], cache));
			put(`first line of ${mode} through a pipe`, msv(median(times)));
		}
	}

	if (want('list')) {
		// The first run reads the file and saves its listing; the second lists from the listing cache.
		const cache = freshCache();
		const list = run([file, '--list'], cache);
		put('--list: time, peak RSS', {text: shot(list), number: list.cpuMs});
		const again = run([file, '--list'], cache);
		put('--list with the listing cache: time, peak RSS', {text: shot(again), number: again.cpuMs});
	}

	const indexCache = freshCache();
	const hasIndex = spawnSync(process.execPath, [cli, '--help'], {encoding: 'utf8'}).stdout.includes('--index');
	if (want('index')) {
		if (hasIndex) {
			const index = run(['--index', file], indexCache);
			put('khao --index, cold: time, peak RSS', {text: shot(index), number: index.cpuMs});
		} else put('khao --index, cold: time, peak RSS', {text: 'n/a (no --index yet)'});
	}

	if (want('search')) {
		const cold = run([file, '--search', QUERIES[0]!, '--json'], freshCache());
		put('--search, cold: time, peak RSS', {text: shot(cold), number: cold.cpuMs});
		// With the cache: the one --index left, else the one a first search wrote.
		const cache = hasIndex && want('index') ? indexCache : freshCache();
		if (!(hasIndex && want('index'))) run([file, '--search', QUERIES[0]!], cache);
		const times: number[] = [];
		const cpu: number[] = [];
		const rss: number[] = [];
		for (const q of quick ? QUERIES.slice(0, 2) : QUERIES) {
			const r = run([file, '--search', q, '--json'], cache);
			times.push(r.ms);
			cpu.push(r.cpuMs);
			rss.push(r.rss);
		}
		// CPU too: on a loaded machine the wall time is mostly waiting for a core.
		put(`--search with the cache: median of ${times.length} queries, peak RSS`, {
			text: `${sec(median(times)).text} (CPU ${sec(median(cpu)).text}), ${mb(Math.max(...rss)).text}`,
			number: median(cpu),
		});
	}

	if (want('entities')) {
		const cold = run([file, '--entities', '--json'], freshCache());
		put('--entities --json, cold: time, peak RSS', {text: shot(cold), number: cold.cpuMs});
		const cache = hasIndex && want('index') ? indexCache : freshCache();
		if (!(hasIndex && want('index'))) run([file, '--entities', '--json'], cache);
		// After --index this is the first --entities: --index links too, so it reads the linked cache.
		const warm = run([file, '--entities', '--json'], cache);
		put('--entities --json with the cache: time, peak RSS', {text: shot(warm), number: warm.cpuMs});
		// The linked cache gone (or stale: another corrections file), the detections cached: linking alone.
		for (const name of fs.readdirSync(cache)) if (name.endsWith('.lnk')) fs.rmSync(path.join(cache, name));
		const relink = run([file, '--entities', '--json'], cache);
		put('--entities --json, linking from the detection cache: time, peak RSS', {text: shot(relink), number: relink.cpuMs});
	}

	if (want('reader')) {
		// Cold: typing in the search panel while the indexes are built, then the memory once built.
		const cache = freshCache();
		const origin = performance.now();
		// The UI thread's steps, logged by a preload (pty.ts): a key waits for the step under way.
		const ui = uiSteps();
		const pty = runInPty(['node', ...ui.args, cli, file], {cwd: root, env: {KHAO_CACHE_DIR: cache, ...ui.env}});
		const watch = watchStatus(pty, origin);
		try {
			const shown = await pty.waitFor('q quit', 120_000);
			// The keys go in once the status bar says "indexing" (not while the file is still read).
			await pty.waitFor('indexing', 600_000);
			const typedFrom = performance.now() - origin;
			const latencies = await typeWhileIndexing(pty);
			const typedUntil = performance.now() - origin;
			const quietBefore = watch.changes.find((c) => c.at > typedFrom && c.at <= typedUntil && !busy(c.text));
			put('reader: keystroke to screen while indexing, median / p95', {
				text: `${Math.round(median(latencies))} / ${Math.round(p95(latencies))} ms${quietBefore ? ' (indexing ended while typing)' : ''}`,
				number: p95(latencies),
			});
			const done = await indexingDone(watch, 1_800_000);
			const pid = pty.commandPid();
			put('reader: indexing, cold (first screen to "indexing" gone)', done !== undefined ? sec(done - shown) : {text: 'not done in 30 min'});
			put('reader, cold: longest UI-thread step after the first screen', longestSteps(ui.steps(), shown));
			// The caches are written after the last batch: give them time before the second run.
			await sleep(3000);
			put('reader: RSS once indexed (peak while indexing)', {
				text: `${mb(procStatus(pid, 'VmRSS')).text} (${mb(procStatus(pid, 'VmHWM')).text})`,
				number: procStatus(pid, 'VmRSS'),
			});
			peakOf('reader, cold', procStatus(pid, 'VmHWM'));
		} finally {
			watch.stop();
			await pty.stop();
		}
		// Opened again with what the first run cached: both clocks count from the spawn.
		const againOrigin = performance.now();
		const uiAgain = uiSteps();
		const again = runInPty(['node', ...uiAgain.args, cli, file], {cwd: root, env: {KHAO_CACHE_DIR: cache, ...uiAgain.env}});
		const againWatch = watchStatus(again, againOrigin);
		try {
			const shown = await again.waitFor('q quit', 120_000);
			const done = await indexingDone(againWatch, 600_000);
			put('reader opened again: all indexes ready after the first screen', done !== undefined ? sec(done - shown) : {text: 'not done in 10 min'});
			put('reader opened again: longest UI-thread step after the first screen', longestSteps(uiAgain.steps(), shown));
			const reopened = procStatus(again.commandPid(), 'VmHWM');
			put('reader opened again: peak RSS', mb(reopened));
			peakOf('reader, opened again', reopened);
		} finally {
			againWatch.stop();
			await again.stop();
		}
	}
	if (peak.rss > 0) put('peak RSS of any mode measured (which)', {text: `${mb(peak.rss).text} (${peak.mode})`, number: peak.rss});
	put('load average (1 min) at the start / end of this size', {text: `${loadAtStart} / ${load()} on ${os.cpus().length} cores`});
}

if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
// Wall times on a shared machine scale with its load: say what it was.
console.error(
	`load average at start: ${os
		.loadavg()
		.map((x) => x.toFixed(1))
		.join(' ')} on ${os.cpus().length} cores`,
);
const benchStart = performance.now();
const results: Results = new Map();
const seedTimes: number[] = [];
for (let i = 0; i < Math.max(3, runs); i++) seedTimes.push(await firstScreen([], freshCache()));
const seeds = median(seedTimes);
console.error(`first screen of the seed articles: ${Math.round(seeds)} ms`);
for (const size of sizes) await benchSize(size, results, seeds);

console.log(`whole run: ${((performance.now() - benchStart) / 60_000).toFixed(1)} min`);
console.log(
	`load average at the end: ${os
		.loadavg()
		.map((x) => x.toFixed(1))
		.join(' ')} on ${os.cpus().length} cores\n`,
);
const [small, large] = [sizes[0]!, sizes.at(-1)!];
printTable(
	[...results].map(([measure, bySize]) => {
		const row: Record<string, string> = {measure};
		for (const size of sizes) row[`${size.toLocaleString('en')} articles`] = bySize.get(size)?.text ?? '';
		if (sizes.length > 1) {
			const a = bySize.get(small)?.number;
			const b = bySize.get(large)?.number;
			row['growth (CPU for timings)'] = a && b ? `${(b / a).toFixed(1)}×` : '';
		}
		return row;
	}),
);
