// `--search` on a cached corpus, phase by phase: loading the corpus, opening the cache on disk
// (bytes read by positional reads), and each query (time, bytes read, RSS). The cache must exist
// (run `khao FILE --search x` once with the same KHAO_CACHE_DIR).
//   KHAO_CACHE_DIR=… node --import tsx bench/search-disk.ts FILE QUERY…
import {openCorpus} from '../source/corpus/index.js';
import {positionalReads} from '../source/search/cache-blocks.js';
import {openSearchIndex} from '../source/search/open.js';
import {search} from '../source/search/search.js';

const [file, ...queries] = process.argv.slice(2);
if (!file || !process.env['KHAO_CACHE_DIR']) throw new Error('usage: KHAO_CACHE_DIR=… bench/search-disk.ts FILE QUERY…');
const cpuMs = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};
const rows: string[][] = [];
const row = (what: string, started: number, cpuBefore: number, readBefore: number, extra = '') =>
	rows.push([
		what,
		`${(performance.now() - started).toFixed(0)} ms`,
		`${(cpuMs() - cpuBefore).toFixed(0)} ms`,
		`${((positionalReads.bytes - readBefore) / 1e6).toFixed(1)} MB`,
		`${(process.memoryUsage.rss() / 1e6).toFixed(0)} MB`,
		extra,
	]);

let t = performance.now();
let c = cpuMs();
const load = openCorpus(file);
await load.finished;
row('load the corpus', t, c, 0, `${load.articles.length} articles`);
t = performance.now();
c = cpuMs();
let r = positionalReads.bytes;
const index = openSearchIndex(load.articles, {cacheDir: process.env['KHAO_CACHE_DIR'], onDisk: true});
row('open the cache on disk', t, c, r);
for (const query of queries) {
	t = performance.now();
	c = cpuMs();
	r = positionalReads.bytes;
	const found = search(index, query, {budgetMs: 2_000, fuzzyBudgetMs: 2_000});
	row(`search ${query}`, t, c, r, `${found.total} hits`);
}
console.log('| phase | wall | CPU | read | RSS after | |\n|---|---|---|---|---|---|');
for (const cells of rows) console.log(`| ${cells.join(' | ')} |`);
