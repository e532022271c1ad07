// `--search` on a cached corpus phase by phase, as plainSearch runs it: listing the corpus from the
// listing cache, opening the search cache on disk, the entity offer, the query, writing the hits.
// CPU time and bytes read per phase, RSS after each. The caches must exist (`khao --index FILE`
// with the same KHAO_CACHE_DIR; under tsx the listing is keyed by the sources, so the first run lists afresh).
//   KHAO_CACHE_DIR=… node --import tsx bench/search-phases.ts FILE QUERY…
import os from 'node:os';
import {loadCorpus} from '../source/corpus/index.js';
import {positionalReads} from '../source/search/cache-blocks.js';
import {plainSearch} from '../source/app/plain-search.js';
import {openSearchIndex, search} from '../source/search/index.js';
import {searchText} from '../source/plain/search.js';

const [file, ...queries] = process.argv.slice(2);
const dir = process.env['KHAO_CACHE_DIR'];
if (!file || !dir) throw new Error('usage: KHAO_CACHE_DIR=… bench/search-phases.ts FILE QUERY…');
const cpuMs = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};
const rows: string[][] = [];
const timed = async <T>(what: string, run: () => T | Promise<T>): Promise<T> => {
	const c = cpuMs();
	const r = positionalReads.bytes;
	const value = await run();
	rows.push([what, `${(cpuMs() - c).toFixed(0)} ms`, `${((positionalReads.bytes - r) / 1e6).toFixed(1)} MB`, `${(process.memoryUsage.rss() / 1e6).toFixed(0)} MB`]);
	return value;
};
const {articles} = await timed('list the corpus', () => loadCorpus(file, {listingCache: {dir}}));
// The first query's steps one by one (the entity offer aside: over 20,000 articles it is not read), then each query whole.
const index = await timed('open the search cache on disk', () => openSearchIndex(articles, {cacheDir: dir, onDisk: true}));
const found = await timed(`search ${queries[0]}`, () => search(index, queries[0]!, {budgetMs: 2_000, fuzzyBudgetMs: 2_000}));
await timed('write its hits', () => searchText(found, articles, 100));
for (const query of queries) await timed(`plainSearch ${query} (index opened again)`, () => plainSearch(articles, query, {json: false, width: 100, cache: true}));
console.log(`${articles.length} articles, load ${os.loadavg()[0]!.toFixed(1)}`);
console.log('| phase | CPU | read | RSS after |\n|---|---|---|---|');
for (const cells of rows) console.log(`| ${cells.join(' | ')} |`);
