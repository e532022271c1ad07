// The scale table of issue 10: khao on 10,000 and 60,000 distinct articles (thaigov-2k repeated
// with distinct ids, bench/data.ts), every mode in a child process, as a user runs it.
//
//   npm run build && node --import tsx bench/scale.ts [--quick] [--sizes 10000,60000] [--runs N]
//
// --quick: one run of each timing, and 10,000 articles only unless --sizes says otherwise.
// Peak RSS comes from /usr/bin/time (%M) for one-shot modes and from /proc (VmHWM/VmRSS) for the
// reader in a pty. "cold": an empty cache folder; "warm": the cache that the cold run (or
// `khao --index`) left. Numbers are medians of the runs.
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {distinctCorpus} from './data.js';
import {median, runInPty, type PtyRun} from './pty.js';
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
/** Typed into the reader's search panel, one key at a time (no ำ: the screen shows it as ํา). */
const TYPED = 'ประชุมผู้นำ'.replace('ำ', '');

type Value = {text: string; number?: number};
type Results = Map<string, Map<number, Value>>;

const mb = (bytes: number) => ({text: `${Math.round(bytes / 1e6)} MB`, number: bytes});
const sec = (ms: number) => ({text: ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(2)} s`, number: ms});
const msv = (ms: number) => ({text: `${Math.round(ms)} ms`, number: ms});

function freshCache(): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'khao-scale-cache-'));
}

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * When (performance.now()) the status bar first drew a frame with nothing loading or indexing left,
 * polled every 10 ms; undefined if not within `timeoutMs`. From the first screen on, the status bar
 * says "loading…" and then "indexing…" until both indexes are ready.
 */
async function indexingDone(pty: PtyRun, timeoutMs: number): Promise<number | undefined> {
	const start = performance.now();
	while (performance.now() - start < timeoutMs) {
		const tail = pty.output().slice(-6000);
		const last = tail.lastIndexOf('q quit');
		if (last !== -1 && !/indexing|loading/.test(tail.slice(Math.max(0, last - 800), last))) return performance.now();
		await sleep(10);
	}
	return undefined;
}

async function firstScreen(argv: string[], cacheDir: string): Promise<number> {
	const pty = runInPty(['node', cli, ...argv], {cwd: root, env: {KHAO_CACHE_DIR: cacheDir}});
	try {
		return await pty.waitFor('q quit', 120_000);
	} finally {
		await pty.stop();
	}
}

/** Keystroke to screen: each key of TYPED sent, timed until the panel shows the query so far. */
async function typeWhileIndexing(pty: PtyRun): Promise<number[]> {
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

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

async function benchSize(articles: number, results: Results, seeds: number): Promise<void> {
	const corpus = distinctCorpus(articles / 2000);
	const put = (measure: string, value: Value) => {
		if (!results.has(measure)) results.set(measure, new Map());
		results.get(measure)!.set(articles, value);
		console.error(`  ${articles}: ${measure}: ${value.text}`);
	};
	const file = corpus.path;
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
		const list = timed([file, '--list'], cache);
		put('--list: time, peak RSS', {text: `${sec(list.ms).text} (CPU ${sec(list.cpuMs).text}), ${mb(list.rss).text}`, number: list.rss});
		const again = timed([file, '--list'], cache);
		put('--list with the listing cache: time, peak RSS', {text: `${sec(again.ms).text} (CPU ${sec(again.cpuMs).text}), ${mb(again.rss).text}`, number: again.cpuMs});
	}

	const indexCache = freshCache();
	const hasIndex = spawnSync(process.execPath, [cli, '--help'], {encoding: 'utf8'}).stdout.includes('--index');
	if (want('index')) {
		if (hasIndex) {
			const index = timed(['--index', file], indexCache);
			put('khao --index, cold: time, peak RSS', {text: `${sec(index.ms).text} (CPU ${sec(index.cpuMs).text}), ${mb(index.rss).text}`, number: index.ms});
		} else put('khao --index, cold: time, peak RSS', {text: 'n/a (no --index yet)'});
	}

	if (want('search')) {
		const cold = timed([file, '--search', QUERIES[0]!, '--json'], freshCache());
		put('--search, cold: time, peak RSS', {text: `${sec(cold.ms).text} (CPU ${sec(cold.cpuMs).text}), ${mb(cold.rss).text}`, number: cold.rss});
		// With the cache: the one --index left, else the one a first search wrote.
		const cache = hasIndex && want('index') ? indexCache : freshCache();
		if (!(hasIndex && want('index'))) timed([file, '--search', QUERIES[0]!], cache);
		const times: number[] = [];
		const cpu: number[] = [];
		const rss: number[] = [];
		for (const q of quick ? QUERIES.slice(0, 2) : QUERIES) {
			const r = timed([file, '--search', q, '--json'], cache);
			times.push(r.ms);
			cpu.push(r.cpuMs);
			rss.push(r.rss);
		}
		// CPU too: on a loaded machine the wall time is mostly waiting for a core.
		put(`--search with the cache: median of ${times.length} queries, peak RSS`, {
			text: `${sec(median(times)).text} (CPU ${sec(median(cpu)).text}), ${mb(Math.max(...rss)).text}`,
			number: median(times),
		});
	}

	if (want('entities')) {
		const cold = timed([file, '--entities', '--json'], freshCache());
		put('--entities --json, cold: time, peak RSS', {text: `${sec(cold.ms).text} (CPU ${sec(cold.cpuMs).text}), ${mb(cold.rss).text}`, number: cold.ms});
		const cache = hasIndex && want('index') ? indexCache : freshCache();
		if (!(hasIndex && want('index'))) timed([file, '--entities', '--json'], cache);
		const warm = timed([file, '--entities', '--json'], cache);
		put('--entities --json with the cache: time, peak RSS', {text: `${sec(warm.ms).text} (CPU ${sec(warm.cpuMs).text}), ${mb(warm.rss).text}`, number: warm.ms});
	}

	if (want('reader')) {
		// Cold: typing in the search panel while the indexes are built, then the memory once built.
		const cache = freshCache();
		const pty = runInPty(['node', cli, file], {cwd: root, env: {KHAO_CACHE_DIR: cache}});
		try {
			await pty.waitFor('q quit', 120_000);
			const started = performance.now();
			const latencies = await typeWhileIndexing(pty);
			put('reader: keystroke to screen while indexing, median / p95', {
				text: `${Math.round(median(latencies))} / ${Math.round(p95(latencies))} ms`,
				number: p95(latencies),
			});
			const done = await indexingDone(pty, 1_800_000);
			const pid = pty.commandPid();
			put('reader: indexing, cold (after the first screen)', done ? sec(done - started) : {text: 'not done in 30 min'});
			await sleep(2000);
			put('reader: RSS once indexed (peak while indexing)', {
				text: `${mb(procStatus(pid, 'VmRSS')).text} (${mb(procStatus(pid, 'VmHWM')).text})`,
				number: procStatus(pid, 'VmRSS'),
			});
		} finally {
			await pty.stop();
		}
		// Opened again with what the first run cached.
		const spawned = performance.now();
		const again = runInPty(['node', cli, file], {cwd: root, env: {KHAO_CACHE_DIR: cache}});
		try {
			// waitFor gives the time since the spawn: the first screen, on this clock.
			const shown = spawned + (await again.waitFor('q quit', 120_000));
			const ready = await indexingDone(again, 600_000);
			put('reader opened again: all indexes ready after the first screen', ready ? sec(ready - shown) : {text: 'not done in 10 min'});
			put('reader opened again: peak RSS', mb(procStatus(again.commandPid(), 'VmHWM')));
		} finally {
			await again.stop();
		}
	}
}

if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
// Wall times on a shared machine scale with its load: say what it was.
console.error(
	`load average at start: ${os
		.loadavg()
		.map((x) => x.toFixed(1))
		.join(' ')} on ${os.cpus().length} cores`,
);
const results: Results = new Map();
const seedTimes: number[] = [];
for (let i = 0; i < Math.max(3, runs); i++) seedTimes.push(await firstScreen([], freshCache()));
const seeds = median(seedTimes);
console.error(`first screen of the seed articles: ${Math.round(seeds)} ms`);
for (const size of sizes) await benchSize(size, results, seeds);

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
			row['growth'] = a && b ? `${(b / a).toFixed(1)}×` : '';
		}
		return row;
	}),
);
