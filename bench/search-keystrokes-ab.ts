// Keystroke latency of this code against an older checkout, in one process on one index: every
// prefix of every bench query is searched by both, in alternating order, for several rounds, so
// that a busy machine slows both alike. Reports per round and the median of rounds (CPU time of
// the process per keystroke by default, wall time with --wall), and the slowest prefixes. Both
// answers to every prefix are compared (hits, their order, kinds, scores, offsets and snippets,
// the total and notes): a speed-up must not change what is found; a difference is listed, and
// one where either side ran out of time (not exhaustive) is told apart, as it depends on the load.
// --unlimited searches without the time budgets, so that answers can be compared whatever the load.
// Run: git worktree add /tmp/khao-old <commit>; ln -s "$PWD/node_modules" /tmp/khao-old/;
//      node --import tsx bench/search-keystrokes-ab.ts --base /tmp/khao-old [--rounds 5] [--wall] [--unlimited] [--query Q …]
import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {search} from '../source/search/search.js';
import {SearchIndexBuilder} from '../source/search/search-index.js';
import {bigCorpus} from './data.js';
import {BENCH_QUERIES, loadArticles} from './search.js';

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
// --query Q (repeatable): only these bench queries (every prefix of each), to look at a few closely.
const chosen = args.flatMap((a, i) => (a === '--query' && args[i + 1] !== undefined ? [args[i + 1]!] : []));
const queries = chosen.length > 0 ? chosen.map((query) => ({query})) : BENCH_QUERIES;
const wall = args.includes('--wall');
const options = args.includes('--unlimited') ? {limit: 20, budgetMs: 1e9, fuzzyBudgetMs: 1e9} : {limit: 20};
const older = ((await import(pathToFileURL(path.resolve(base, 'source/search/search.ts')).href)) as {search: Search}).search;

const file = bigCorpus().path;
const articles = loadArticles(file);
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

/** What a person sees of an answer (elapsedMs aside). */
const answerOf = (result: ReturnType<Search>) => JSON.stringify({...result, elapsedMs: 0});
const differ = new Map<string, {timed: boolean}>();

const perPrefix = {old: new Map<string, number[]>(), new: new Map<string, number[]>()};
const summary = {old: {median: [] as number[], p95: [] as number[]}, new: {median: [] as number[], p95: [] as number[]}};
for (let r = 0; r < rounds; r++) {
	const times = {old: [] as number[], new: [] as number[]};
	for (const {query} of queries) {
		const units = Array.from(query);
		for (let k = 1; k <= units.length; k++) {
			const prefix = units.slice(0, k).join('');
			const answers: Partial<Record<'old' | 'new', ReturnType<Search>>> = {};
			for (const name of (r + k) % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
				const t = performance.now();
				const c = process.cpuUsage();
				answers[name] = runs[name](index, prefix, options);
				const used = process.cpuUsage(c);
				const ms = wall ? performance.now() - t : (used.user + used.system) / 1000;
				times[name].push(ms);
				const list = perPrefix[name].get(prefix) ?? [];
				list.push(ms);
				perPrefix[name].set(prefix, list);
			}
			const [a, b] = [answers.old!, answers.new!];
			if (answerOf(a) !== answerOf(b)) {
				const timed = !a.exhaustive || !b.exhaustive;
				differ.set(prefix, {timed: (differ.get(prefix)?.timed ?? true) && timed});
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
const real = [...differ].filter(([, d]) => !d.timed);
console.log(
	`\nanswers: ${differ.size === 0 ? 'identical for every prefix' : `${real.length} prefixes differ with both sides exhaustive${real.length ? `: ${real.map(([p]) => p).join(' | ')}` : ''}; ${differ.size - real.length} differ only where one side ran out of time or stopped early${differ.size - real.length <= 20 ? `: ${[...differ].flatMap(([p, d]) => (d.timed ? [p] : [])).join(' | ')}` : ''}`}`,
);
