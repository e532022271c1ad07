// What one key costs the reader's UI thread while it indexes: runs the reader cold in a pty on
// FILE, types in the search panel as bench/scale.ts does (reader-watch.ts), and prints each key's
// wall time to the screen with the UI thread's CPU across it (the steps preload of pty.ts, every
// pause of its event loop over 3 ms). Wall follows the machine's load; CPU is the key's own cost
// (the key's frame, and any background step it waited for).
//
//   npm run build && node --import tsx bench/reader-keys.ts FILE [--runs 1]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {median, runInPty, uiSteps} from './pty.js';
import {p95, sleep, TYPED} from './reader-watch.js';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) throw new Error('usage: bench/reader-keys.ts FILE [--runs 1]');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const monotonicUs = () => Number(process.hrtime.bigint()) / 1e3;

for (let run = 1; run <= runs; run++) {
	const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-reader-keys-'));
	const ui = uiSteps(3);
	const pty = runInPty(['node', ...ui.args, cli, file], {cwd: root, env: {KHAO_CACHE_DIR: cache, ...ui.env}});
	const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
	try {
		await pty.waitFor('q quit', 120_000);
		await pty.waitFor('indexing', 600_000);
		pty.send('/');
		await sleep(500);
		const keys: {wall: number; cpu: number}[] = [];
		let typed = '';
		for (const ch of TYPED) {
			typed += ch;
			const seen = pty.output().length;
			const sent = performance.now();
			const sentUs = monotonicUs();
			pty.send(ch);
			while (!pty.output().slice(seen).includes(typed) && performance.now() - sent < 10_000) await sleep(1);
			const shown = performance.now();
			// On the monotonic clock that both processes share (the preload's `at` counts from its own start).
			const [from, to] = [sentUs, monotonicUs()];
			const cpu = ui
				.steps()
				.filter((s) => s.hrUs !== undefined && s.hrUs + s.wallMs * 1000 >= from && s.hrUs <= to)
				.reduce((sum, s) => sum + s.cpuMs, 0);
			keys.push({wall: shown - sent, cpu});
			await sleep(150);
		}
		const walls = keys.map((k) => k.wall);
		const cpus = keys.map((k) => k.cpu);
		console.log(
			`run ${run} (load ${load()}): keystroke to screen median / p95 ${Math.round(median(walls))} / ${Math.round(p95(walls))} ms; UI-thread CPU in it median / max ${Math.round(median(cpus))} / ${Math.round(Math.max(...cpus))} ms`,
		);
		console.log(`  each key, wall/CPU ms: ${keys.map((k) => `${Math.round(k.wall)}/${Math.round(k.cpu)}`).join(' ')}`);
	} finally {
		await pty.stop();
		fs.rmSync(cache, {recursive: true, force: true});
	}
}
