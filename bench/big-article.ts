// One very large article in the reader (issue 12, item 7): time to the first screen, for q to end
// khao right after it (while the indexes are being built), for G, PgDn, j and a resize to show,
// in a real pty. Articles are generated (one paragraph, and many) into the temp folder.
// Run: npm run build && node --import tsx bench/big-article.ts [--cli PATH] [--sizes 4,32,190]
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {runInPty, type PtyRun} from './pty.js';
import {printTable} from './table.js';
import {bigThaiText} from '../test/reliability/big-text.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string) => {
	const i = process.argv.indexOf(name);
	return i === -1 ? undefined : process.argv[i + 1];
};
const cli = path.resolve(arg('--cli') ?? path.join(root, 'dist', 'cli.js'));
const sizes = (arg('--sizes') ?? '4,32,190').split(',').map(Number);
const WAIT_MS = Number(arg('--wait') ?? 60_000);

/** A generated article of about `mb` megabytes (UTF-8), written once. */
function article(mb: number, shape: 'one' | 'many'): string {
	const file = path.join(os.tmpdir(), `khao-big-${shape}-${mb}mb.txt`);
	if (!fs.existsSync(file)) {
		const sample = bigThaiText(100_000, shape);
		const unitsPerMb = sample.length / (Buffer.byteLength(sample) / 1e6);
		const tmp = `${file}.${process.pid}`;
		fs.writeFileSync(tmp, 'บทความยาวมากสำหรับทดสอบ\n\n' + bigThaiText(Math.round(mb * unitsPerMb), shape));
		fs.renameSync(tmp, file);
	}
	return file;
}

/** Ms from now until a frame (the status bar's "q quit") matching `pattern` is drawn after now. */
async function frameAfter(pty: PtyRun, pattern: RegExp | ((frame: string) => boolean) = /q quit/): Promise<number> {
	const matches = typeof pattern === 'function' ? pattern : (frame: string) => pattern.test(frame);
	const from = pty.output().length;
	const started = performance.now();
	while (performance.now() - started < WAIT_MS) {
		const out = pty.output().slice(from);
		const frames = out.split('q quit');
		// Every complete frame ends with "q quit"; look for one that matches.
		if (frames.slice(0, -1).some((f) => matches(f + 'q quit'))) return performance.now() - started;
		if (pty.child.exitCode !== null) break;
		await new Promise((r) => setTimeout(r, 5));
	}
	return Infinity;
}

async function exitAfter(pty: PtyRun, keys: string): Promise<number> {
	const started = performance.now();
	const done = new Promise<number>((resolve) => {
		if (pty.child.exitCode !== null) resolve(0);
		pty.child.once('exit', () => resolve(performance.now() - started));
	});
	pty.send(keys);
	return Promise.race([done, new Promise<number>((r) => setTimeout(() => r(Infinity), WAIT_MS))]);
}

function resize(pty: PtyRun, columns: number): void {
	const pid = pty.commandPid();
	const tty = pid && fs.readlinkSync(`/proc/${pid}/fd/0`);
	if (tty) execFileSync('stty', ['-F', tty, 'cols', String(columns), 'rows', '30']);
}

const seconds = (ms: number) => (ms === Infinity ? `> ${WAIT_MS / 1000} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

async function measure(file: string): Promise<Record<string, string>> {
	const env = {KHAO_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'khao-big-cache-'))};
	// q right after the first screen: the indexes have just started.
	let pty = runInPty(['node', cli, file], {cwd: root, env});
	let first = Infinity;
	let quitEarly = Infinity;
	try {
		first = await pty.waitFor('q quit', WAIT_MS).catch(() => Infinity);
		quitEarly = await exitAfter(pty, 'q');
	} finally {
		await pty.stop();
	}
	// Keys one after another, each as soon as the one before has been drawn.
	pty = runInPty(['node', cli, file], {cwd: root, env});
	const row: Record<string, number> = {};
	try {
		await pty.waitFor('q quit', WAIT_MS).catch(() => undefined);
		const key = async (name: string, keys: string, pattern?: RegExp) => {
			const waiting = frameAfter(pty, pattern);
			pty.send(keys);
			row[name] = await waiting;
		};
		await key('j', 'j', /line 2\//);
		await key('G', 'G', /100%/);
		await key('PgUp', '\x1b[5~');
		await key('g', 'g', /line 1\//);
		await key('PgDn', '\x1b[6~');
		// A resize has been drawn when the line count (a new wrap's) changes: Ink redraws the old
		// frame at once by itself.
		const totals = [...pty.output().matchAll(/line \d+\/~?(\d+)/g)];
		const before = totals.at(-1)?.[1];
		const waiting = frameAfter(pty, (frame) => {
			const total = [...frame.matchAll(/line \d+\/~?(\d+)/g)].at(-1)?.[1];
			return total !== undefined && total !== before;
		});
		resize(pty, 80);
		row['resize'] = await waiting;
		row['q'] = await exitAfter(pty, 'q');
	} finally {
		await pty.stop();
	}
	return {
		'first screen': seconds(first),
		'q at once': seconds(quitEarly),
		j: seconds(row['j']!),
		G: seconds(row['G']!),
		PgUp: seconds(row['PgUp']!),
		g: seconds(row['g']!),
		PgDn: seconds(row['PgDn']!),
		resize: seconds(row['resize']!),
		'q later': seconds(row['q']!),
	};
}

const rows: Record<string, string>[] = [];
for (const mb of sizes) {
	for (const shape of ['one', 'many'] as const) {
		const file = article(mb, shape);
		const mbReal = (fs.statSync(file).size / 1e6).toFixed(0);
		rows.push({article: `${mbReal} MB, ${shape === 'one' ? 'one paragraph' : 'many paragraphs'}`, ...(await measure(file))});
		console.error(JSON.stringify(rows.at(-1)));
	}
}
printTable(rows);
