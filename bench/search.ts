// Search speed and quality on the 10,000-article corpus (thaigov-2k repeated five times):
//   - index build time and memory (retained heap + array buffers, and the RSS rise), cache write
//     and warm open;
//   - every prefix of each bench query timed as typed (median and p95 ms per keystroke);
//   - beside it, the full query through fuse.js alone over the same passages (the naive baseline:
//     only the full query, since one search takes seconds) and `fzf --filter` over the same
//     passages as lines (skipped, with a note, when fzf is not installed);
//   - quality: fuse.js's own best hit over all passages must be among our top 5.
// Run: node --import tsx bench/search.ts [--articles N] [--no-baseline]
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import {fileURLToPath} from 'node:url';
import Fuse from 'fuse.js';
import type {Article} from '../source/corpus/types.js';
import {cacheFileFor, statFiles, writeCache} from '../source/search/cache.js';
import {openSearchIndex} from '../source/search/open.js';
import {search} from '../source/search/search.js';
import {SearchIndexBuilder, type SearchIndex} from '../source/search/search-index.js';
import {TITLE_SYNTHETIC} from '../source/search/segment.js';
import type {Hit} from '../source/search/types.js';
import {bigCorpus} from './data.js';
import {printTable} from './table.js';

/** The bench queries: what people type into a news search, plus the slips the search must survive. */
export const BENCH_QUERIES: {query: string; what: string}[] = [
	{query: 'นายกรัฐมนตรี', what: 'word'},
	{query: 'เศรษฐกิจ', what: 'word'},
	{query: 'วัคซีน', what: 'word'},
	{query: 'ยาเสพติด', what: 'word'},
	{query: 'น้ำท่วม', what: 'word'},
	{query: 'ผู้สูงอายุ', what: 'word'},
	{query: 'มหาวิทยาลัย', what: 'word'},
	{query: 'ดิจิทัล', what: 'word'},
	{query: 'ทุเรียน', what: 'word'},
	{query: 'ไซเบอร์', what: 'word'},
	{query: 'กระทรวงสาธารณสุข', what: 'phrase'},
	{query: 'การท่องเที่ยว', what: 'phrase'},
	{query: 'ธนาคารแห่งประเทศไทย', what: 'phrase'},
	{query: 'ภาษีมูลค่าเพิ่ม', what: 'phrase'},
	{query: 'ชายแดนภาคใต้', what: 'phrase'},
	{query: 'รถไฟความเร็วสูง', what: 'phrase'},
	{query: 'ปัญญาประดิษฐ์', what: 'phrase'},
	{query: 'คาซัคสถาน', what: 'name'},
	{query: 'สี จิ้นผิง', what: 'name'},
	{query: 'ประยุทธ์ จันทร์โอชา', what: 'name'},
	{query: 'แพทองธาร ชินวัตร', what: 'name'},
	{query: 'อนุทิน ชาญวีรกูล', what: 'name'},
	{query: 'เวียดนาม', what: 'name'},
	{query: 'สหรัฐอเมริกา', what: 'name'},
	{query: 'คาซักสถาน', what: 'misspelling'},
	{query: 'อนุทิน ชาญวีระกูล', what: 'misspelling'},
	{query: 'ประยุท จันทร์โอชา', what: 'misspelling'},
	{query: 'สี จินผิง', what: 'no tone marks'},
	{query: '8k:y8l5ko', what: 'wrong layout'},
	{query: 'l;ylfu', what: 'wrong layout'},
	{query: 'COVID-19', what: 'Latin acronym'},
	{query: 'ASEAN', what: 'Latin acronym'},
	{query: 'PM2.5', what: 'Latin acronym'},
	{query: 'Soft Power', what: 'Latin'},
	{query: 'วัคซีน ผู้สูงอายุ', what: 'words apart (AND)'},
	{query: 'ทุเรียน ส่งออก จีน', what: 'words apart (AND)'},
	{query: 'ยาเสพติด ชายแดน', what: 'words apart (AND)'},
	{query: 'ท่องเที่ยว ภูเก็ต -โควิด', what: 'AND, excluded word'},
	{query: 'จันทร์โอชา นายกรัฐมนตรีและรัฐมนตรีว่าการ', what: '40 characters'},
	{query: 'เพิ่มขีดความสามารถในการแข่งขันของประเทศไทย', what: '42 characters'},
];

/** What the search panel asks for on each keystroke. */
const PANEL = {limit: 20};

export interface SearchBenchOptions {
	/** The corpus (.jsonl with title and body); default /tmp/tg10k.jsonl, else thaigov-2k × 5. */
	file?: string;
	/** Use only the first N articles (quick runs while developing). */
	articles?: number;
	/** Run fuse.js and fzf beside (slow: seconds per query). */
	baseline?: boolean;
	queries?: {query: string; what: string}[];
}

export interface QueryRow {
	query: string;
	what: string;
	keystrokes: number;
	medianMs: number;
	p95Ms: number;
	maxMs: number;
	total: number;
	exhaustive: boolean;
	kind: string;
	effectiveQuery: string;
	fuseMs?: number;
	fzfMs?: number;
	fzfLines?: number;
	/** 'same' fuse.js's best passage is in our top 5; 'tie' one of fuse.js's equally best passages is; 'no'; 'none' fuse.js found nothing. */
	quality?: 'same' | 'tie' | 'no' | 'none';
}

export interface SearchBenchReport {
	articles: number;
	characters: number;
	passages: number;
	buildMs: number;
	/** CPU time of the build (all threads: GC helpers included). */
	buildCpuMs: number;
	retainedMB: number;
	rssRiseMB: number;
	cacheWriteMs: number;
	cacheMB: number;
	warmOpenMs: number;
	keystrokes: number;
	medianMs: number;
	p95Ms: number;
	/** The same in CPU time of this process (less sensitive to other processes on a shared machine). */
	cpuMedianMs: number;
	cpuP95Ms: number;
	/** Share of time some task waited for a CPU (Linux PSI, avg10) before and after: how shared the machine was. */
	cpuPressure: string;
	queries: QueryRow[];
	fuseIndexMs?: number;
	fzf: 'ok' | 'missing' | 'skipped';
}

const gc: () => void = (() => {
	v8.setFlagsFromString('--expose_gc');
	return vm.runInNewContext('gc') as () => void;
})();

function quantile(sorted: number[], q: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function loadArticles(file: string, limit = Infinity): Article[] {
	const lines = fs.readFileSync(file, 'utf8').split('\n');
	const articles: Article[] = [];
	for (let i = 0; i < lines.length && articles.length < limit; i++) {
		if (lines[i]!.trim() === '') continue;
		const record = JSON.parse(lines[i]!) as {title?: string; body?: string};
		articles.push({id: `${file}#${i + 1}`, path: file, format: 'jsonl', title: record.title ?? '', text: record.body ?? '', blocks: []});
	}
	return articles;
}

async function settle(): Promise<void> {
	for (let i = 0; i < 2; i++) {
		gc();
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Heap plus memory outside it (array buffers, which `external` includes). */
function memory(): number {
	const m = process.memoryUsage();
	return m.heapUsed + m.external;
}

interface Passage {
	key: string;
	text: string;
}

/** The index's passages as text (what fuse.js and fzf get), keyed like our hits. */
function passagesOf(index: SearchIndex): Passage[] {
	const out: {ordinal: number; key: string; text: string}[] = [];
	for (const segment of index.segments) {
		for (let local = 0; local < segment.ordinals.length; local++) {
			const ordinal = segment.ordinals[local]!;
			const article = index.articles[ordinal]!;
			const first = segment.articlePassages[local]!;
			const last = segment.articlePassages[local + 1]!;
			for (let p = first; p < last; p++) {
				const title = (segment.passageFlags[p]! & TITLE_SYNTHETIC) !== 0;
				const source = title ? article.title : article.text;
				const start = segment.passageSource[p]!;
				const end = title || p + 1 >= last ? source.length : segment.passageSource[p + 1]!;
				out.push({ordinal, key: `${ordinal}:${title ? 'title' : 'text'}:${start}`, text: source.slice(start, end)});
			}
		}
	}
	return out.sort((a, b) => a.ordinal - b.ordinal);
}

function keyOf(hit: Hit): string {
	return `${hit.ordinal}:${hit.field}:${hit.passageStart}`;
}

function cpuPressure(): string {
	try {
		return /avg10=([\d.]+)/.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? '?';
	} catch {
		return '?';
	}
}

function hasFzf(): boolean {
	return spawnSync('fzf', ['--version'], {stdio: 'ignore'}).status === 0;
}

export async function runSearchBench(options: SearchBenchOptions = {}): Promise<SearchBenchReport> {
	const file = options.file ?? bigCorpus().path;
	const articles = loadArticles(file, options.articles ?? Infinity);
	const queries = options.queries ?? BENCH_QUERIES;
	const characters = articles.reduce((n, a) => n + a.text.length + a.title.length, 0);

	// Build, as the UI does: chunks of 200 articles, the event loop free in between.
	await settle();
	const baseMemory = memory();
	const baseRss = process.memoryUsage.rss();
	let peakRss = baseRss;
	const started = performance.now();
	const buildCpu = process.cpuUsage();
	// With the file's stats, so the segments can be cached as the real program would.
	const builder = new SearchIndexBuilder({fileStats: statFiles(articles)});
	for (let i = 0; i < articles.length; i += 200) {
		builder.add(articles.slice(i, i + 200));
		peakRss = Math.max(peakRss, process.memoryUsage.rss());
	}
	const index = builder.finish();
	const buildMs = performance.now() - started;
	const buildCpuUsed = process.cpuUsage(buildCpu);
	const buildCpuMs = (buildCpuUsed.user + buildCpuUsed.system) / 1000;
	peakRss = Math.max(peakRss, process.memoryUsage.rss());
	// Array buffers are freed a moment after the collection that finds them dead: let that happen.
	await settle();
	const retainedMB = (memory() - baseMemory) / 1e6;
	const rssRiseMB = (peakRss - baseRss) / 1e6;

	// The cache: written once, then a warm open reads it back.
	const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-bench-cache-'));
	let cacheWriteMs = NaN;
	let warmOpenMs = NaN;
	let cacheMB = NaN;
	try {
		const t0 = performance.now();
		for (const source of new Set(articles.map((a) => a.path))) {
			const segments = index.segments.filter((segment) => segment.files[0]?.path === source);
			if (!writeCache(cacheFileFor(cacheDir, source), segments, articles)) throw new Error('cache not written');
		}
		cacheWriteMs = performance.now() - t0;
		cacheMB = fs.readdirSync(cacheDir).reduce((n, f) => n + fs.statSync(path.join(cacheDir, f)).size, 0) / 1e6;
		const t1 = performance.now();
		const warm = openSearchIndex(articles, {cacheDir});
		warmOpenMs = performance.now() - t1;
		if (warm.indexedArticles !== articles.length) throw new Error('warm open did not index everything');
	} finally {
		fs.rmSync(cacheDir, {recursive: true, force: true});
	}
	gc();

	// Warm the JIT on unrelated queries (as earlier searches in a session would), then time every
	// prefix of every query as typed.
	for (const q of ['ทดสอบ', 'test', 'ข่าว', 'กรุงเทพมหานคน', 'ประเทศไท ย']) search(index, q, PANEL);
	const all: number[] = [];
	const cpu: number[] = [];
	const pressureBefore = cpuPressure();
	const rows: QueryRow[] = queries.map(({query, what}) => {
		const units = Array.from(query);
		const times: number[] = [];
		for (let k = 1; k <= units.length; k++) {
			const prefix = units.slice(0, k).join('');
			const c = process.cpuUsage();
			const t = performance.now();
			search(index, prefix, PANEL);
			times.push(performance.now() - t);
			const used = process.cpuUsage(c);
			cpu.push((used.user + used.system) / 1000);
		}
		all.push(...times);
		times.sort((a, b) => a - b);
		const result = search(index, query, PANEL);
		const best = result.hits[0];
		return {
			query,
			what,
			keystrokes: units.length,
			medianMs: quantile(times, 0.5),
			p95Ms: quantile(times, 0.95),
			maxMs: times[times.length - 1]!,
			total: result.total,
			exhaustive: result.exhaustive,
			kind: best ? best.kind : '-',
			effectiveQuery: result.effectiveQuery,
		};
	});
	all.sort((a, b) => a - b);
	cpu.sort((a, b) => a - b);

	const report: SearchBenchReport = {
		articles: articles.length,
		characters,
		passages: index.segments.reduce((n, s) => n + s.passageStart.length, 0),
		buildMs,
		buildCpuMs,
		retainedMB,
		rssRiseMB,
		cacheWriteMs,
		cacheMB,
		warmOpenMs,
		keystrokes: all.length,
		medianMs: quantile(all, 0.5),
		p95Ms: quantile(all, 0.95),
		cpuMedianMs: quantile(cpu, 0.5),
		cpuP95Ms: quantile(cpu, 0.95),
		cpuPressure: `${pressureBefore}% → ${cpuPressure()}%`,
		queries: rows,
		fzf: 'skipped',
	};
	if (options.baseline === false) return report;

	const passages = passagesOf(index);
	// fuse.js as one would use it after reading the design notes: location ignored, no field norm.
	const t0 = performance.now();
	const fuse = new Fuse(
		passages.map((p) => p.text),
		{ignoreLocation: true, ignoreFieldNorm: true, includeScore: true},
	);
	report.fuseIndexMs = performance.now() - t0;
	const fzf = hasFzf();
	report.fzf = fzf ? 'ok' : 'missing';
	const lines = path.join(os.tmpdir(), `khao-bench-passages-${process.pid}.txt`);
	if (fzf) fs.writeFileSync(lines, passages.map((p) => p.text.replace(/[\r\n]+/g, ' ')).join('\n') + '\n');
	try {
		for (const row of rows) {
			// fuse.js cannot convert a keyboard layout: give it the query we answered for.
			const t = performance.now();
			const results = fuse.search(row.effectiveQuery);
			row.fuseMs = performance.now() - t;
			const ours = search(index, row.query, {limit: 5}).hits.map(keyOf);
			if (results.length === 0) row.quality = 'none';
			else {
				const bestScore = results[0]!.score ?? 1;
				const tied = new Set(results.filter((r) => (r.score ?? 1) <= bestScore + 1e-12).map((r) => passages[r.refIndex]!.key));
				row.quality = ours.includes(passages[results[0]!.refIndex]!.key) ? 'same' : ours.some((k) => tied.has(k)) ? 'tie' : 'no';
			}
			if (fzf) {
				const input = fs.openSync(lines, 'r');
				try {
					const t1 = performance.now();
					const run = spawnSync('fzf', ['--filter', row.query], {stdio: [input, 'pipe', 'ignore'], maxBuffer: 1 << 30});
					row.fzfMs = performance.now() - t1;
					row.fzfLines = run.stdout ? run.stdout.toString('utf8').split('\n').length - 1 : 0;
				} finally {
					fs.closeSync(input);
				}
			}
		}
	} finally {
		fs.rmSync(lines, {force: true});
	}
	return report;
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(2) : n.toFixed(0));

export function printSearchBench(report: SearchBenchReport): void {
	console.log(`\nSearch: ${report.articles} articles, ${(report.characters / 1e6).toFixed(1)} M characters, ${report.passages} passages\n`);
	printTable([
		{measure: 'index build', value: `${ms(report.buildMs)} ms (CPU ${ms(report.buildCpuMs)} ms)`, goal: '≤ 3000 ms'},
		{measure: 'memory retained (heap + buffers)', value: `${report.retainedMB.toFixed(0)} MB`, goal: '≤ 150 MB'},
		{measure: 'RSS rise during build (peak)', value: `${report.rssRiseMB.toFixed(0)} MB`, goal: '≤ 150 MB'},
		{measure: 'cache write', value: `${ms(report.cacheWriteMs)} ms, ${report.cacheMB.toFixed(0)} MB`, goal: ''},
		{measure: 'open from cache', value: `${ms(report.warmOpenMs)} ms`, goal: ''},
		{measure: `per keystroke, median (${report.keystrokes} keystrokes)`, value: `${ms(report.medianMs)} ms`, goal: '≤ 3 ms'},
		{measure: 'per keystroke, p95', value: `${ms(report.p95Ms)} ms`, goal: '≤ 8 ms'},
		{measure: 'per keystroke, CPU time median / p95', value: `${ms(report.cpuMedianMs)} / ${ms(report.cpuP95Ms)} ms`, goal: ''},
		{measure: 'CPU pressure (others waiting, avg10)', value: report.cpuPressure, goal: ''},
	]);
	console.log('');
	printTable(
		report.queries.map((r) => ({
			query: r.query,
			kind: r.what,
			keys: String(r.keystrokes),
			'median ms': ms(r.medianMs),
			'p95 ms': ms(r.p95Ms),
			'max ms': ms(r.maxMs),
			hits: `${r.total}${r.exhaustive ? '' : '+'}`,
			best: r.effectiveQuery === r.query ? r.kind : `${r.kind} (${r.effectiveQuery})`,
			'fuse.js ms': ms(r.fuseMs),
			'fzf ms': r.fzfMs === undefined ? '-' : `${ms(r.fzfMs)} (${r.fzfLines} lines)`,
			'fuse best in top 5': r.quality ?? '-',
		})),
	);
	if (report.fuseIndexMs !== undefined) {
		const fuse = report.queries.map((r) => r.fuseMs!).sort((a, b) => a - b);
		const fzf = report.queries.flatMap((r) => (r.fzfMs === undefined ? [] : [r.fzfMs])).sort((a, b) => a - b);
		const good = report.queries.filter((r) => r.quality === 'same' || r.quality === 'tie').length;
		const same = report.queries.filter((r) => r.quality === 'same').length;
		const none = report.queries.filter((r) => r.quality === 'none').length;
		console.log('');
		printTable([
			{baseline: 'ours, per keystroke (median)', value: `${ms(report.medianMs)} ms`},
			{baseline: 'fuse.js alone, full query only (median)', value: `${ms(quantile(fuse, 0.5))} ms (index ${ms(report.fuseIndexMs)} ms)`},
			{baseline: 'fzf --filter, full query only (median)', value: report.fzf === 'ok' ? `${ms(quantile(fzf, 0.5))} ms` : 'fzf not installed'},
			{
				baseline: "fuse.js's best passage in our top 5",
				value: `${good} of ${report.queries.length - none} (${same} the same passage, ${good - same} one of fuse.js's tied best)${none ? `; fuse.js found nothing for ${none}` : ''}`,
			},
		]);
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const args = process.argv.slice(2);
	const at = args.indexOf('--articles');
	printSearchBench(
		await runSearchBench({
			articles: at >= 0 ? Number(args[at + 1]) : undefined,
			baseline: !args.includes('--no-baseline'),
		}),
	);
}
