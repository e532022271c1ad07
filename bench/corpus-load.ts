// How fast the corpus layer gets the first screen's articles (`ready`) and all of them
// (`finished`), and its peak memory against the input's size (goal: ≤ 3× the bytes of the
// 10,000-article file). Each run is a fresh process, bundled by esbuild as the CLI ships, so
// that peak RSS is the loader's own and not that of tsx or of an earlier run.
//
//   node --import tsx bench/corpus-load.ts [--runs N] [PATH ...]
import {bigCorpus} from './data.js';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {openCorpus} from '../source/corpus/load.js';

const HERE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(HERE), '..');
const DEFAULT_INPUTS = () => [bigCorpus().path, path.join(ROOT, '../shared/data/thaigov-2k.jsonl'), path.join(ROOT, 'corpus')];

export interface CorpusSample {
	articles: number;
	readyMs: number;
	finishedMs: number;
	baselineRss: number;
	peakRss: number;
}

export interface CorpusRow {
	input: string;
	bytes: number;
	articles: number;
	readyMs: number;
	finishedMs: number;
	peakRssMB: number;
	/** Peak RSS of the whole process ÷ input bytes. */
	peakRatio: number;
	/** (Peak RSS − RSS before loading) ÷ input bytes: the loader's own share. */
	loadRatio: number;
	runs: number;
}

/** One load, in this process. */
export async function measureOnce(input: string): Promise<CorpusSample> {
	const baselineRss = process.memoryUsage().rss;
	const start = performance.now();
	const corpus = openCorpus(input);
	await corpus.ready;
	const readyMs = performance.now() - start;
	await corpus.finished;
	const finishedMs = performance.now() - start;
	return {articles: corpus.articles.length, readyMs, finishedMs, baselineRss, peakRss: process.resourceUsage().maxRSS * 1024};
}

function bytesOf(input: string): number {
	const stats = fs.statSync(input);
	if (!stats.isDirectory()) return stats.size;
	let total = 0;
	for (const entry of fs.readdirSync(input, {withFileTypes: true, recursive: true})) {
		if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath ?? input, entry.name)).size;
	}
	return total;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The command that runs one measurement in a fresh process: the bundled script, else tsx. */
function childCommand(): string[] {
	const bundle = path.join(os.tmpdir(), `khao-bench-corpus-${process.pid}.mjs`);
	try {
		execFileSync(
			path.join(ROOT, 'node_modules/.bin/esbuild'),
			[HERE, '--bundle', '--platform=node', '--format=esm', '--target=node20', `--outfile=${bundle}`, '--log-level=error'],
			{stdio: 'pipe'},
		);
		process.once('exit', () => fs.rmSync(bundle, {force: true}));
		return [bundle];
	} catch {
		return ['--import', 'tsx', HERE];
	}
}

/** Median of `runs` fresh-process loads for each input (inputs that do not exist are left out). */
export async function benchCorpus(options: {inputs?: string[]; runs?: number} = {}): Promise<CorpusRow[]> {
	const runs = options.runs ?? 3;
	const command = childCommand();
	const rows: CorpusRow[] = [];
	for (const input of options.inputs ?? DEFAULT_INPUTS()) {
		if (!fs.existsSync(input)) continue;
		const bytes = bytesOf(input);
		const samples: CorpusSample[] = [];
		for (let i = 0; i < runs; i++) {
			const out = execFileSync(process.execPath, [...command, '--child', input], {cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20});
			samples.push(JSON.parse(out) as CorpusSample);
		}
		const peak = median(samples.map((s) => s.peakRss));
		rows.push({
			input: path.relative(ROOT, input).startsWith('..') ? input : path.relative(ROOT, input),
			bytes,
			articles: samples[0]!.articles,
			readyMs: median(samples.map((s) => s.readyMs)),
			finishedMs: median(samples.map((s) => s.finishedMs)),
			peakRssMB: peak / 2 ** 20,
			peakRatio: peak / bytes,
			loadRatio: median(samples.map((s) => (s.peakRss - s.baselineRss) / bytes)),
			runs,
		});
	}
	return rows;
}

export function formatRows(rows: CorpusRow[]): string {
	const header = ['input', 'MB', 'articles', 'ready ms', 'finished ms', 'peak RSS MB', 'peak/bytes', '(peak-base)/bytes'];
	const body = rows.map((r) => [
		r.input,
		(r.bytes / 2 ** 20).toFixed(1),
		String(r.articles),
		r.readyMs.toFixed(1),
		r.finishedMs.toFixed(0),
		r.peakRssMB.toFixed(0),
		r.peakRatio.toFixed(2) + '×',
		r.loadRatio.toFixed(2) + '×',
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
	const line = (cells: string[]) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
	return [line(header), '|' + widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|') + '|', ...body.map(line)].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === HERE) {
	const args = process.argv.slice(2);
	if (args[0] === '--child') {
		process.stdout.write(JSON.stringify(await measureOnce(args[1]!)));
	} else {
		const runsAt = args.indexOf('--runs');
		const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : undefined;
		const inputs = args.filter((_, i) => runsAt < 0 || (i !== runsAt && i !== runsAt + 1));
		const rows = await benchCorpus({runs, inputs: inputs.length > 0 ? inputs : undefined});
		console.log(`corpus load, median of ${rows[0]?.runs ?? 0} fresh processes (node ${process.version})`);
		console.log(formatRows(rows));
	}
}
