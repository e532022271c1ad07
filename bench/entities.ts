// Entity detection and linking speed on real articles: thaigov-2k repeated five times
// (/tmp/tg10k.jsonl, 10,000 articles, 33 M characters). Articles go in batches, as the reader
// adds them between frames, in steps driven in 12 ms slices like the reader's background loop; we
// report articles per second for detection + linking, the cost of one snapshot (building the index
// the UI reads), the largest batch and the longest slice (the longest a key waits).
//
// `--cold`: the issue's speed goal as the product meets it: no cache, detection in the worker
// threads that `--entities` and the reader start (detectCorpus: one per core), linking on this
// thread as the batches arrive, then one snapshot. The machine is shared, so it reports articles per
// wall second and per CPU second (all threads of the process) with the load average around the run,
// and each thread's CPU up to the last batch: the workers', this thread's and V8's helper threads'.
// `--cold --bundled`: the workers run the built bundle (dist/cli.js, npm run build first), as the
// product's do: run from the sources, each worker compiles the TypeScript it imports (tsx) first.
// Run: node --import tsx bench/entities.ts [--cold [--bundled]] [path] [limit]
import {bigCorpus} from './data.js';

import {existsSync, readFileSync} from 'node:fs';
import os from 'node:os';
import {performance as perf} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import type {Article} from '../source/corpus/types.js';
import {EntityIndexBuilder} from '../source/entities/builder.js';
import {detectCorpus} from '../source/entities/detect-corpus.js';
import {PLAIN_PIPELINE, WorkerPool, defaultPoolSize} from '../source/workers/pool.js';
import type {Steps} from '../source/entities/steps.js';
import {ThreadCpuSampler} from './thread-cpu.js';

const DEFAULT_PATH = () => bigCorpus().path;
const BATCH = 100;
const SLICE_MS = 12;

export interface EntityBenchRow {
	metric: string;
	value: number;
	unit: string;
}

export function loadJsonlArticles(path: string, limit = Infinity): Article[] {
	const articles: Article[] = [];
	const lines = readFileSync(path, 'utf8').split('\n');
	for (let i = 0; i < lines.length && articles.length < limit; i++) {
		const line = lines[i]!;
		if (line.trim() === '') continue;
		const record = JSON.parse(line) as {id?: string; title?: string; body?: string};
		// The file repeats each article five times under the same id: the line number keeps them apart.
		articles.push({id: `${path}#${i + 1}`, path, format: 'jsonl', title: record.title ?? '', text: record.body ?? '', blocks: []});
	}
	return articles;
}

export function runEntityBench(path = DEFAULT_PATH(), limit = Infinity): EntityBenchRow[] {
	const articles = loadJsonlArticles(path, limit);
	const characters = articles.reduce((n, a) => n + a.text.length, 0);
	const builder = new EntityIndexBuilder();
	const batchTimes: number[] = [];
	// Everything runs in steps, in slices of SLICE_MS as the reader's background loop runs them:
	// the longest slice is the longest a key can wait.
	const slices: number[] = [];
	const inSlices = <T>(steps: Steps<T>): T => {
		for (;;) {
			const t = performance.now();
			let step: IteratorResult<void, T>;
			do step = steps.next();
			while (!step.done && performance.now() - t < SLICE_MS);
			slices.push(performance.now() - t);
			if (step.done) return step.value;
		}
	};
	const start = performance.now();
	const cpuStart = process.cpuUsage();
	for (let i = 0; i < articles.length; i += BATCH) {
		const t = performance.now();
		inSlices(builder.addSteps(articles.slice(i, i + BATCH)));
		batchTimes.push(performance.now() - t);
	}
	const addTime = performance.now() - start;
	const cpu = process.cpuUsage(cpuStart);
	// Other processes share the machine: CPU time of this process is the steadier measure.
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	const s = performance.now();
	const index = inSlices(builder.snapshotSteps());
	const snapshotTime = performance.now() - s;
	const longestSlice = Math.max(...slices);
	const mentions = index.all().reduce((n, e) => n + e.mentionCount, 0);
	const sorted = [...batchTimes].sort((a, b) => a - b);
	return [
		{metric: 'articles', value: articles.length, unit: ''},
		{metric: 'characters', value: characters, unit: ''},
		{metric: 'mentions', value: mentions, unit: ''},
		{metric: 'entities', value: index.all().length, unit: ''},
		{metric: 'detection + linking', value: addTime / 1000, unit: 's'},
		{metric: 'articles per second', value: articles.length / (addTime / 1000), unit: '/s'},
		{metric: 'articles per CPU second', value: articles.length / cpuSeconds, unit: '/s'},
		{metric: `median batch of ${BATCH}`, value: sorted[Math.floor(sorted.length / 2)] ?? 0, unit: 'ms'},
		{metric: `slowest batch of ${BATCH}`, value: sorted[sorted.length - 1] ?? 0, unit: 'ms'},
		{metric: 'snapshot (build index)', value: snapshotTime, unit: 'ms'},
		{metric: 'articles per second incl. snapshot', value: articles.length / ((addTime + snapshotTime) / 1000), unit: '/s'},
		{metric: `longest main-thread slice (${SLICE_MS} ms)`, value: longestSlice, unit: 'ms'},
		{metric: 'slices over 20 ms', value: slices.filter((t) => t > 20).length, unit: `of ${slices.length}`},
	];
}

const loadAverage = (): string =>
	os
		.loadavg()
		.map((x) => x.toFixed(1))
		.join(' ');

/** The built bundle (npm run build), whose workers `--bundled` starts. */
const BUNDLE = new URL('../dist/cli.js', import.meta.url);

/**
 * Cold detection in worker threads + linking on this thread, as `--entities` runs them (see the top).
 * `bundled`: the workers run the built dist/cli.js, as the product's do; otherwise, run from the
 * sources, each worker registers tsx and compiles the TypeScript it imports first.
 */
export async function runColdEntityBench(path = DEFAULT_PATH(), limit = Infinity, bundled = false): Promise<{rows: EntityBenchRow[]; load: string}> {
	const articles = loadJsonlArticles(path, limit);
	if (bundled && !existsSync(BUNDLE)) throw new Error('--bundled: no dist/cli.js (npm run build)');
	const pool = bundled ? new WorkerPool({size: defaultPoolSize(), background: false, script: BUNDLE, pipeline: PLAIN_PIPELINE}) : undefined;
	const loadBefore = loadAverage();
	const builder = new EntityIndexBuilder({nameSearch: false});
	const elu = perf.eventLoopUtilization();
	const start = performance.now();
	const cpuStart = process.cpuUsage();
	// Each thread's CPU, sampled while the workers live (they end with the pool).
	const threads = new ThreadCpuSampler();
	let linking = 0;
	let firstBatch = 0;
	for await (const batch of detectCorpus(articles, pool === undefined ? {} : {pool})) {
		const t = performance.now();
		if (firstBatch === 0) firstBatch = t - start;
		builder.addDetected(batch);
		linking += performance.now() - t;
		threads.sample();
	}
	const detectedAt = performance.now();
	const cpuDetected = process.cpuUsage(cpuStart);
	const byThread = threads.totals();
	pool?.stop();
	const index = builder.snapshot();
	const end = performance.now();
	const cpu = process.cpuUsage(cpuStart);
	const busy = perf.eventLoopUtilization(elu);
	const seconds = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e6;
	const wall = (detectedAt - start) / 1000;
	return {
		load: `load average ${loadBefore} before, ${loadAverage()} after, on ${os.cpus().length} cores`,
		rows: [
			{metric: 'articles', value: articles.length, unit: ''},
			{metric: 'detection threads', value: defaultPoolSize(), unit: ''},
			{metric: 'mentions', value: index.all().reduce((n, e) => n + e.mentionCount, 0), unit: ''},
			{metric: 'entities', value: index.all().length, unit: ''},
			{metric: 'first batch linked after', value: firstBatch, unit: 'ms'},
			{metric: 'detection + linking, wall', value: wall, unit: 's'},
			{metric: 'detection + linking, CPU', value: seconds(cpuDetected), unit: 's'},
			{metric: 'articles per second', value: articles.length / wall, unit: '/s'},
			{metric: 'articles per CPU second', value: articles.length / seconds(cpuDetected), unit: '/s'},
			{metric: 'linking on this thread', value: linking / 1000, unit: 's'},
			{metric: 'snapshot (build index)', value: end - detectedAt, unit: 'ms'},
			{metric: 'articles per second incl. snapshot', value: articles.length / ((end - start) / 1000), unit: '/s'},
			{metric: 'articles per CPU second incl. snapshot', value: articles.length / seconds(cpu), unit: '/s'},
			{metric: 'this thread busy', value: 100 * busy.utilization, unit: '%'},
			// Linux only (zero elsewhere): up to the last batch linked.
			...byThread.started.slice(0, defaultPoolSize()).map((cpu, k) => ({metric: `CPU of started thread ${k + 1} (a worker)`, value: cpu, unit: 's'})),
			{metric: 'CPU of other started threads', value: byThread.started.slice(defaultPoolSize()).reduce((a, b) => a + b, 0), unit: 's'},
			{metric: 'CPU of this thread', value: byThread.main, unit: 's'},
			{metric: "CPU of V8's helper threads", value: byThread.helpers, unit: 's'},
		],
	};
}

export function formatEntityBench(rows: EntityBenchRow[]): string {
	return rows.map((r) => `${r.metric.padEnd(40)} ${(Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(1)).padStart(12)} ${r.unit}`).join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
	const args = process.argv.slice(2);
	const cold = args[0] === '--cold';
	if (cold) args.shift();
	const bundled = args[0] === '--bundled';
	if (bundled) args.shift();
	const path = args[0] ?? DEFAULT_PATH();
	const limit = args[1] === undefined ? Infinity : Number(args[1]);
	console.log(`Entities${cold ? `, cold, in worker threads${bundled ? ' running dist/cli.js' : ''}` : ''}: ${path}`);
	if (cold) {
		const {rows, load} = await runColdEntityBench(path, limit, bundled);
		console.log(formatEntityBench(rows));
		console.log(load);
	} else console.log(formatEntityBench(runEntityBench(path, limit)));
}
