// The reader's search, typed a key at a time, over an index in memory and over the same index
// searched where its cache lies (disk-segment.ts), as the reader does above DISK_CHARS. The cache
// must exist (`khao --index FILE` with the same KHAO_CACHE_DIR). CPU time per keystroke, median
// and p95, and the RSS after each way of opening.
//   KHAO_CACHE_DIR=… node --import tsx bench/search-keystrokes-disk.ts FILE [--disk-only]
import {openCorpus} from '../source/corpus/index.js';
import {openSearchIndex} from '../source/search/open.js';
import {search} from '../source/search/search.js';
import type {SearchIndex} from '../source/search/search-index.js';
import {median} from './pty.js';
import {printTable} from './table.js';

const [file] = process.argv.slice(2);
const cacheDir = process.env['KHAO_CACHE_DIR'];
if (!file || !cacheDir) throw new Error('usage: KHAO_CACHE_DIR=… bench/search-keystrokes-disk.ts FILE [--disk-only]');
/** Typed as a person would: Thai words and a phrase, a name, a misspelling, Latin. */
const TYPED = ['ประชุมผู้นา', 'ความร่วมมือ', 'การประชุม คณะรัฐมนตรี', 'เศรษกิจ', 'Thailand', 'กระทรวงการต่างประเทศ'];
const cpuMs = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

function typeAll(index: SearchIndex): number[] {
	const times: number[] = [];
	for (const query of TYPED) {
		const chars = [...query];
		for (let n = 1; n <= chars.length; n++) {
			const c = cpuMs();
			search(index, chars.slice(0, n).join(''));
			times.push(cpuMs() - c);
		}
	}
	return times;
}

const load = openCorpus(file);
await load.finished;
const rows: Record<string, string>[] = [];
const ways: Array<[string, boolean]> = process.argv.includes('--disk-only')
	? [['on disk', true]]
	: [
			['on disk', true],
			['in memory', false],
		];
for (const [way, onDisk] of ways) {
	const c = cpuMs();
	const index = openSearchIndex(load.articles, {cacheDir, onDisk, saveCache: () => undefined});
	const openMs = cpuMs() - c;
	typeAll(index); // warm: the page cache and the JIT
	const times = typeAll(index);
	rows.push({
		index: `${way}, ${load.articles.length} articles`,
		open: `${openMs.toFixed(0)} ms CPU`,
		'keystroke CPU median / p95': `${median(times).toFixed(1)} / ${p95(times).toFixed(1)} ms (${times.length} keys)`,
		RSS: `${(process.memoryUsage.rss() / 1e6).toFixed(0)} MB`,
	});
}
printTable(rows);
