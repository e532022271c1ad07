// The reader's first open without a terminal: BackgroundIndexer on a corpus, cold cache, the UI
// thread's memory logged every 2 s and once all is done (VmRSS, VmHWM, heap, array buffers).
//   node --expose-gc --import tsx bench/reader-memory.ts FILE [--disk-chars N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {openCorpus} from '../source/corpus/load.js';
import {BackgroundIndexer} from '../source/ui/background.js';

const file = process.argv[2]!;
const at = process.argv.indexOf('--disk-chars');
const diskChars = at > 0 ? Number(process.argv[at + 1]) : undefined;
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-rmem-'));
const status = (key: string): number =>
	Number(
		/\d+/.exec(
			fs
				.readFileSync('/proc/self/status', 'utf8')
				.split('\n')
				.find((l) => l.startsWith(key))!,
		)![0],
	) / 1024;
const t0 = performance.now();
const line = (what: string): void => {
	const m = process.memoryUsage();
	const cpu = process.cpuUsage();
	console.log(
		`${((performance.now() - t0) / 1000).toFixed(1)}s ${what}: rss ${status('VmRSS').toFixed(0)} MB, hwm ${status('VmHWM').toFixed(0)} MB, heap ${(m.heapUsed / 1e6).toFixed(0)} MB, ab ${(m.arrayBuffers / 1e6).toFixed(0)} MB, cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
	);
};
const timer = setInterval(() => line('indexing'), 2000);
const load = openCorpus(file);
const indexer = new BackgroundIndexer(load, {search: {cacheDir}, ...(diskChars === undefined ? {} : {diskChars})});
await indexer.start();
clearInterval(timer);
line(`done (entities ${indexer.state.entities ? 'yes' : 'no'}, search ${indexer.state.searchDone})`);
await new Promise((resolve) => setTimeout(resolve, 3000));
line('3 s later');
(globalThis as {gc?: () => void}).gc?.();
line('after gc');
indexer.stop();
fs.rmSync(cacheDir, {recursive: true, force: true});
