// The learned tagger alone on real articles, as detection runs it (one paragraph at a time): CPU
// milliseconds for the model and a checksum of every tag it gave, so that a faster tagger can be
// shown to tag exactly as before. The machine is shared: CPU time of this thread, load beside it.
// Run: node --import tsx bench/tagger.ts [path] [limit] [rounds]   (default: thaigov-2k, 2,000 articles, 3 rounds)

import {readFileSync} from 'node:fs';
import os from 'node:os';
import {fileURLToPath} from 'node:url';
import {sharedTagger} from '../source/entities/model/load.js';
import {decode} from '../source/entities/model/tagger.js';
import {thaigov2k} from './data.js';

export interface TaggerBenchResult {
	paragraphs: number;
	units: number;
	/** CPU ms of the fastest round (the first also loads the weights). */
	cpuMs: number;
	/** FNV-1a over every unit's tag, paragraph by paragraph. */
	checksum: string;
}

export function runTaggerBench(path = thaigov2k, limit = 2000, rounds = 3): TaggerBenchResult {
	const model = sharedTagger();
	if (model === null) throw new Error('the NER model did not load');
	const bodies = readFileSync(path, 'utf8')
		.split('\n')
		.filter((line) => line.trim() !== '')
		.slice(0, limit)
		.map((line) => (JSON.parse(line) as {body?: string}).body ?? '');
	// Detection tags one paragraph at a time.
	const paragraphs = bodies.flatMap((body) => body.split('\n').filter((p) => p !== ''));
	let best = Infinity;
	let units = 0;
	let hash = 0x811c9dc5;
	for (let r = 0; r < rounds; r++) {
		units = 0;
		hash = 0x811c9dc5;
		const cpu = process.cpuUsage();
		for (const p of paragraphs) {
			const {tags} = decode(p, model);
			units += tags.length;
			for (let i = 0; i < tags.length; i++) hash = Math.imul(hash ^ tags[i]!, 0x01000193);
			hash = Math.imul(hash ^ 0xff, 0x01000193);
		}
		const used = process.cpuUsage(cpu);
		best = Math.min(best, (used.user + used.system) / 1000);
	}
	return {paragraphs: paragraphs.length, units, cpuMs: best, checksum: (hash >>> 0).toString(16)};
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
	const path = process.argv[2] ?? thaigov2k;
	const limit = Number(process.argv[3] ?? 2000);
	const rounds = Number(process.argv[4] ?? 3);
	const r = runTaggerBench(path, limit, rounds);
	const load = os
		.loadavg()
		.map((x) => x.toFixed(1))
		.join(' ');
	console.log(`paragraphs ${r.paragraphs}, units ${r.units}, tagger CPU ${r.cpuMs.toFixed(0)} ms (best of ${rounds}), tags checksum ${r.checksum}, load ${load}`);
}
