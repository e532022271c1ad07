import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import {runInPty} from '../../bench/pty.js';

// The built reader in a real pseudo-terminal: the same keys sent in one write and one by one must
// leave the same screen (issue 9). The screen is what a terminal emulator makes of the output.

const {Terminal} = xterm;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist', 'cli.js');

const numbered = (n: number, word: string) => Array.from({length: n}, (_, i) => `${word} ย่อหน้าที่ ${i + 1} ของเรื่องนี้`).join('\n\n');

function corpus(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-pty-keys-'));
	fs.writeFileSync(path.join(dir, 'a.txt'), `เรื่องแรก\n\n${numbered(40, 'หนึ่ง')}\n`);
	fs.writeFileSync(path.join(dir, 'b.txt'), `เรื่องที่สอง\n\n${numbered(30, 'สอง')}\n`);
	fs.writeFileSync(path.join(dir, 'c.txt'), `เรื่องที่สาม\n\n${numbered(20, 'สาม')}\n`);
	return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The screen after `writes`, once it has stopped changing (indexing over, the last key drawn). */
async function screenAfter(dir: string, writes: string[]): Promise<string> {
	const term = new Terminal({cols: 90, rows: 24, allowProposedApi: true});
	const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-pty-cache-'));
	// --no-state: each run starts at the first article, not where the run before it left.
	const pty = runInPty([process.execPath, cli, '--no-state', dir], {columns: 90, rows: 24, env: {KHAO_CACHE_DIR: cache, KHAO_STATE_DIR: cache, NO_COLOR: '1'}});
	let fed = 0;
	const screen = async () => {
		const out = pty.output();
		await new Promise<void>((resolve) => term.write(out.slice(fed), resolve));
		fed = out.length;
		const lines: string[] = [];
		for (let y = 0; y < term.rows; y++) lines.push(term.buffer.active.getLine(y)?.translateToString(true) ?? '');
		return lines.join('\n');
	};
	const settled = async () => {
		// Generous bounds: the machine is shared. Stable for 600 ms with no indexing left.
		let last = '';
		let since = Date.now();
		for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(50)) {
			const now = await screen();
			if (now !== last) [last, since] = [now, Date.now()];
			else if (Date.now() - since > 600 && !/indexing|loading/.test(now)) return now;
		}
		return last;
	};
	try {
		await pty.waitFor('1/3', 20_000);
		await settled();
		for (const w of writes) {
			pty.send(w);
			if (writes.length > 1) await sleep(80);
		}
		return await settled();
	} finally {
		pty.send('q');
		await Promise.race([new Promise((r) => pty.child.once('exit', r)), sleep(5000)]);
		await pty.stop();
		term.dispose();
		fs.rmSync(cache, {recursive: true, force: true});
	}
}

test(
	'keys in one write and the same keys one by one leave the same screen (real pty)',
	{skip: fs.existsSync(cli) ? false : 'dist/cli.js is not built (npm run build)'},
	async () => {
		const dir = corpus();
		const keys = ['j', 'j', ']', '5', 'j', 'k', '[', 'G', '1', '0', 'g', ':', '3', '\r', 'j', 's', '?', 'j', '\u001b'];
		// A lone Escape is only an Escape after a pause: it ends both runs as its own write.
		const separate = await screenAfter(dir, keys);
		const together = await screenAfter(dir, [keys.slice(0, -1).join(''), keys.at(-1)!]);
		assert.match(separate, /3\/3 │ เรื่องที่สาม/, `the keys did what they say:\n${separate}`);
		assert.equal(together, separate);
		fs.rmSync(dir, {recursive: true, force: true});
	},
);
