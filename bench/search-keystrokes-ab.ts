// Keystroke latency of this code against an older checkout, in one process on one index: every
// prefix of every bench query is searched by both, in alternating order, for several rounds, so
// that a busy machine slows both alike. Reports per round and the median of rounds (CPU time of
// the process per keystroke by default, wall time with --wall), and the slowest prefixes.
// Run: git worktree add /tmp/khao-old <commit>; ln -s "$PWD/node_modules" /tmp/khao-old/;
//      node --import tsx bench/search-keystrokes-ab.ts --base /tmp/khao-old [--rounds 5] [--wall]
import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import type {Article} from '../source/corpus/types.js';
import {search} from '../source/search/search.js';
import {SearchIndexBuilder} from '../source/search/search-index.js';
import {bigCorpus} from './data.js';
import {BENCH_QUERIES} from './search.js';

type Search = typeof search;

const args = process.argv.slice(2);
const option = (name: string) => {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : undefined;
};
const base = option('--base');
if (!base) {
	console.error('usage: bench/search-keystrokes-ab.ts --base DIR (a checkout of the older code) [--rounds N] [--wall]');
	process.exit(2);
}
const rounds = Number(option('--rounds') ?? 5);
const wall = args.includes('--wall');
const older = ((await import(pathToFileURL(path.resolve(base, 'source/search/search.ts')).href)) as {search: Search}).search;

const file = bigCorpus().path;
const articles: Article[] = [];
fs.readFileSync(file, 'utf8')
	.split('\n')
	.forEach((line, i) => {
		if (line.trim() === '') return;
		const record = JSON.parse(line) as {title?: string; body?: string};
		articles.push({id: `${file}#${i + 1}`, path: file, format: 'jsonl', title: record.title ?? '', text: record.body ?? '', blocks: []});
	});
const builder = new SearchIndexBuilder();
for (let i = 0; i < articles.length; i += 200) builder.add(articles.slice(i, i + 200));
const index = builder.finish();

const runs: Record<'old' | 'new', Search> = {old: older, new: search};
for (const run of Object.values(runs)) for (const q of ['ทดสอบ', 'test', 'ข่าว', 'กรุงเทพมหานคน', 'ประเทศไท ย']) run(index, q, {limit: 20});
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const median = (values: number[]) =>
	quantile(
		[...values].sort((a, b) => a - b),
		0.5,
	);
const pressure = () => {
	try {
		return /avg10=([\d.]+)/.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? '?';
	} catch {
		return '?';
	}
};

const perPrefix = {old: new Map<string, number[]>(), new: new Map<string, number[]>()};
const summary = {old: {median: [] as number[], p95: [] as number[]}, new: {median: [] as number[], p95: [] as number[]}};
for (let r = 0; r < rounds; r++) {
	const times = {old: [] as number[], new: [] as number[]};
	for (const {query} of BENCH_QUERIES) {
		const units = Array.from(query);
		for (let k = 1; k <= units.length; k++) {
			const prefix = units.slice(0, k).join('');
			for (const name of (r + k) % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
				const t = performance.now();
				const c = process.cpuUsage();
				runs[name](index, prefix, {limit: 20});
				const used = process.cpuUsage(c);
				const ms = wall ? performance.now() - t : (used.user + used.system) / 1000;
				times[name].push(ms);
				const list = perPrefix[name].get(prefix) ?? [];
				list.push(ms);
				perPrefix[name].set(prefix, list);
			}
		}
	}
	const line = (['old', 'new'] as const).map((name) => {
		const sorted = times[name].sort((a, b) => a - b);
		summary[name].median.push(quantile(sorted, 0.5));
		summary[name].p95.push(quantile(sorted, 0.95));
		return `${name} median ${quantile(sorted, 0.5).toFixed(2)} p95 ${quantile(sorted, 0.95).toFixed(2)}`;
	});
	console.log(`round ${r + 1} (${times.new.length} keystrokes, CPU pressure ${pressure()}%): ${line.join(' | ')}`);
}
const [om, op, nm, np] = [median(summary.old.median), median(summary.old.p95), median(summary.new.median), median(summary.new.p95)];
console.log(
	`\n${wall ? 'wall' : 'CPU'} ms per keystroke, median of ${rounds} rounds: median ${om.toFixed(2)} → ${nm.toFixed(2)} (${(nm / om).toFixed(2)}×), p95 ${op.toFixed(2)} → ${np.toFixed(2)} (${(np / op).toFixed(2)}×)\n`,
);
const slowest = [...perPrefix.new].map(([prefix, list]) => [prefix, median(perPrefix.old.get(prefix)!), median(list)] as const).sort((a, b) => b[2] - a[2]);
for (const [prefix, before, after] of slowest.slice(0, 10)) console.log(`${before.toFixed(2).padStart(8)} → ${after.toFixed(2).padStart(8)}  ${prefix}`);
