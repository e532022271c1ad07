// Time to first screen of the built CLI in a real pty, against the smallest unbundled Ink app, and
// peak memory with 10,000 articles open. Run: npm run build && node --import tsx bench/first-screen.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {median, peakRss, runInPty} from './pty.js';
import {bigCorpus} from './data.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');

export type Row = {
	measure: string;
	value: string;
	baseline: string;
	ratio: string;
	goal: string;
};

async function firstScreen(argv: string[], marker: RegExp | string, runs: number): Promise<number[]> {
	const times: number[] = [];
	// The reading state on, as a user has it (its own folder, so the user's own is never touched).
	const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-bench-state-'));
	for (let i = 0; i < runs; i++) {
		const pty = runInPty(argv, {cwd: root, env: {KHAO_STATE_DIR: stateDir}});
		try {
			times.push(await pty.waitFor(marker, 60_000));
		} finally {
			await pty.stop();
		}
	}
	return times;
}

export async function benchFirstScreen(runs = 5): Promise<Row[]> {
	if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
	const big = bigCorpus();
	const baseline = median(await firstScreen(['node', path.join(root, 'bench/fixtures/minimal-ink.mjs')], 'minimal ink app ready', runs));
	const seeds = median(await firstScreen(['node', cli], 'q quit', runs));
	const tenK = median(await firstScreen(['node', cli, big.path], 'q quit', runs));

	// Peak memory: open the 10,000 articles; read the peak once they are loaded (the reader's own
	// cost), then again once the search and entity indexes are built.
	const pty = runInPty(['node', cli, big.path], {cwd: root});
	let loaded = 0;
	let indexed = 0;
	let indexMs = 0;
	try {
		await pty.waitFor('q quit', 60_000);
		const start = performance.now();
		await pty.waitFor(/Articles 10000(?!…)/, 120_000);
		loaded = peakRss(pty.commandPid() ?? -1) ?? 0;
		// The status bar says "indexing N%" until both indexes are done: wait for it to show, then for
		// a frame without it.
		await pty.waitFor('indexing', 60_000);
		while (performance.now() - start < 300_000) {
			const tail = pty.output().slice(-4000);
			const last = tail.lastIndexOf('q quit');
			if (last !== -1 && !tail.slice(Math.max(0, last - 600), last).includes('indexing')) break;
			await new Promise((r) => setTimeout(r, 200));
		}
		indexMs = performance.now() - start;
		indexed = peakRss(pty.commandPid() ?? -1) ?? 0;
	} finally {
		await pty.stop();
	}
	const ms = (x: number) => `${Math.round(x)} ms`;
	return [
		{measure: 'first screen, 5 seed articles', value: ms(seeds), baseline: ms(baseline), ratio: (seeds / baseline).toFixed(2) + '×', goal: '≤ 0.6×'},
		{measure: 'first screen, 10,000 articles (94 MB .jsonl)', value: ms(tenK), baseline: ms(baseline), ratio: (tenK / baseline).toFixed(2) + '×', goal: '≤ 0.6×'},
		{
			measure: 'peak memory, 10,000 articles loaded (reader)',
			value: `${Math.round(loaded / 1e6)} MB`,
			baseline: `${Math.round(big.bytes / 1e6)} MB file`,
			ratio: (loaded / big.bytes).toFixed(2) + '×',
			goal: '≤ 3×',
		},
		{
			measure: `peak memory, + search and entity indexes (built in ${(indexMs / 1000).toFixed(1)} s)`,
			value: `${Math.round(indexed / 1e6)} MB`,
			baseline: `${Math.round(big.bytes / 1e6)} MB file`,
			ratio: (indexed / big.bytes).toFixed(2) + '×',
			goal: '',
		},
	];
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const {printTable} = await import('./table.js');
	printTable(await benchFirstScreen());
}
