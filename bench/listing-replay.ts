// What listing a big .jsonl from its listing cache costs on the UI thread: CPU time of openCorpus
// from start to `finished`, the longest synchronous step between two turns of the event loop, and
// the heap the articles keep. Run once without a cache to write the listing, then again to measure.
//
//   node --expose-gc --import tsx bench/listing-replay.ts PATH [--cache DIR] [--runs N]
import os from 'node:os';
import process from 'node:process';
import {openCorpus} from '../source/corpus/load.js';

const args = process.argv.slice(2);
const option = (name: string) => {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) throw new Error('usage: bench/listing-replay.ts PATH [--cache DIR] [--runs N]');
const dir = option('--cache') ?? process.env['KHAO_CACHE_DIR'] ?? os.tmpdir();
const runs = Number(option('--runs') ?? 3);
const gc = (globalThis as {gc?: () => void}).gc;

let kept: unknown;
for (let run = 0; run < runs; run++) {
	kept = undefined;
	gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	// The longest stretch without a turn of the event loop: what a key would wait for.
	let longest = 0;
	let last = performance.now();
	const tick = setInterval(() => {
		const now = performance.now();
		longest = Math.max(longest, now - last);
		last = now;
	}, 1);
	const load = openCorpus(file, {listingCache: {dir}});
	await load.finished;
	clearInterval(tick);
	const cpu = process.cpuUsage(cpuBefore);
	const wall = performance.now() - started;
	kept = load.articles;
	gc?.();
	const heap = process.memoryUsage().heapUsed - heapBefore;
	console.log(
		`run ${run + 1}${kept ? '' : ''}: ${load.articles.length} articles, CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, wall ${wall.toFixed(0)} ms, ` +
			`longest step ${longest.toFixed(0)} ms, heap kept ${(heap / 1e6).toFixed(1)} MB, load ${os.loadavg()[0]!.toFixed(1)}`,
	);
}
