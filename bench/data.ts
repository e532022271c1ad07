// The benchmark corpus: ../shared/data/thaigov-2k.jsonl repeated five times (10,000 articles),
// written once to the system's temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const sharedData = path.resolve(root, '..', 'shared', 'data');
export const thaigov2k = path.join(sharedData, 'thaigov-2k.jsonl');

export function bigCorpus(times = 5): {path: string; bytes: number} {
	const source = fs.readFileSync(thaigov2k);
	const target = path.join(os.tmpdir(), `khao-bench-thaigov-x${times}.jsonl`);
	const bytes = source.length * times;
	if (!fs.existsSync(target) || fs.statSync(target).size !== bytes) {
		const tmp = `${target}.${process.pid}.tmp`;
		fs.writeFileSync(tmp, Buffer.concat(Array.from({length: times}, () => source)));
		fs.renameSync(tmp, target);
	}
	return {path: target, bytes};
}
