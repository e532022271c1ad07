// Replays typed queries keystroke by keystroke on the 10,000-article file, many times, and prints
// each prefix's median CPU time (the slowest first): the script to run under --cpu-prof when a
// keystroke is slow. The index is opened from a private cache after the first run. With --cold
// what is kept across queries is forgotten before each repeat, so every repeat types the queries
// as bench/search.ts does once (the first keystrokes of a word pay for its posting lists).
// Run: node --import tsx [--cpu-prof] bench/search-replay.ts [--repeat 20] [--cold] [--query 'ประยุท จันทร์โอชา' …] [--top 15] [--only: the queries alone, not their prefixes]
import os from 'node:os';
import path from 'node:path';
import {openSearchIndex} from '../source/search/open.js';
import {forgetKept, search} from '../source/search/search.js';
import {bigCorpus} from './data.js';
import {BENCH_QUERIES, loadArticles} from './search.js';

const args = process.argv.slice(2);
const values = (name: string) => args.flatMap((a, i) => (a === name && args[i + 1] !== undefined ? [args[i + 1]!] : []));
const repeat = Number(values('--repeat')[0] ?? 20);
const top = Number(values('--top')[0] ?? 15);
const only = args.includes('--only');
const cold = args.includes('--cold');
const queries = values('--query').length > 0 ? values('--query') : BENCH_QUERIES.map((q) => q.query);

const file = bigCorpus().path;
const articles = loadArticles(file);
const index = openSearchIndex(articles, {cacheDir: path.join(os.tmpdir(), `khao-replay-cache-${os.userInfo().uid}`)});
for (const q of ['ทดสอบ', 'test', 'ข่าว', 'กรุงเทพมหานคน', 'ประเทศไท ย']) search(index, q, {limit: 20});

const times = new Map<string, number[]>();
const all: number[] = [];
for (let r = 0; r < repeat; r++) {
	if (cold) forgetKept();
	for (const query of queries) {
		const units = Array.from(query);
		for (let k = only ? units.length : 1; k <= units.length; k++) {
			const prefix = units.slice(0, k).join('');
			const c = process.cpuUsage();
			search(index, prefix, {limit: 20});
			const used = process.cpuUsage(c);
			const list = times.get(prefix) ?? [];
			list.push((used.user + used.system) / 1000);
			all.push((used.user + used.system) / 1000);
			times.set(prefix, list);
		}
	}
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const medians = [...times.values()].map(median).sort((a, b) => a - b);
all.sort((a, b) => a - b);
console.log(
	`${medians.length} prefixes, ${repeat} repeats${cold ? ' (cold)' : ''}: median of medians ${medians[Math.floor(medians.length / 2)]!.toFixed(2)} ms, p95 ${medians[Math.floor(medians.length * 0.95)]!.toFixed(2)} ms CPU; all ${all.length} keystrokes: median ${all[Math.floor(all.length / 2)]!.toFixed(2)}, p95 ${all[Math.floor(all.length * 0.95)]!.toFixed(2)} ms CPU`,
);
for (const [prefix, list] of [...times].sort((a, b) => median(b[1]) - median(a[1])).slice(0, top)) console.log(`${median(list).toFixed(2).padStart(8)}  ${prefix}`);
