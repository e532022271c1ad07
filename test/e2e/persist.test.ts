// The reader remembers, as a person sees it in a real terminal: open, go to article 3, scroll 10
// lines, quit; start again: the same article at the same line. The wheel scrolls the pane under
// the pointer, and the mouse is given back with the terminal.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {runInPty} from '../../bench/pty.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'cli.js');

/** Five articles of sixty short paragraphs each, written here (no sample article). */
function corpusDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-persist-corpus-'));
	for (let a = 1; a <= 5; a++) {
		const paragraphs = [`บทความทดลองที่ ${a}`];
		for (let p = 1; p <= 60; p++) paragraphs.push(`ย่อหน้า ${a}.${p} ชาวบ้านในหมู่บ้านริมน้ำออกมาช่วยกันเก็บขยะหลังน้ำลด`);
		fs.writeFileSync(path.join(dir, `article-${a}.txt`), paragraphs.join('\n\n') + '\n');
	}
	return dir;
}

const plain = (s: string) => s.replace(/\u001B\[[\d;?]*[A-Za-z]/g, '');

async function session(dir: string, stateDir: string, extra: string[] = []) {
	const pty = runInPty([process.execPath, cli, ...extra, dir], {
		columns: 100,
		rows: 24,
		env: {KHAO_CACHE_DIR: 'off', KHAO_STATE_DIR: stateDir, NO_COLOR: '1'},
	});
	await pty.waitFor('q quit', 30_000);
	const exited = new Promise<number | null>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`khao did not end: ${JSON.stringify(plain(pty.output()).slice(-300))}`)), 30_000);
		pty.child.once('exit', (code) => {
			clearTimeout(timer);
			resolve(code);
		});
	});
	exited.catch(() => {});
	/** Waits until the latest status bar shows `text`. */
	const status = async (text: string) => {
		for (let i = 0; i < 400; i++) {
			const out = plain(pty.output());
			const last = out.slice(Math.max(0, out.lastIndexOf('q quit') - 300));
			if (last.includes(text)) return;
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
		throw new Error(`status never showed ${text}: ${JSON.stringify(plain(pty.output()).slice(-400))}`);
	};
	/**
	 * Waits until khao reads keys raw: input sent before that is echoed by the terminal itself (the
	 * restored place is on the first frame, drawn before Ink turns echo off).
	 */
	const raw = async () => {
		const tty = fs.readlinkSync(`/proc/${pty.commandPid()}/fd/0`);
		for (let i = 0; i < 400; i++) {
			const modes = spawnSync('stty', ['-F', tty, '-a'], {encoding: 'utf8'}).stdout;
			if (/(^|\s)-echo(\s|$)/.test(modes)) return;
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
		throw new Error('khao never turned the terminal to raw keys');
	};
	return {pty, exited, status, raw};
}

test('quit at article 3, line 11; start again: article 3, line 11', {skip: !fs.existsSync(cli) && 'dist/cli.js is not built'}, async () => {
	const dir = corpusDir();
	const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-persist-state-'));
	const first = await session(dir, stateDir);
	try {
		await first.raw();
		first.pty.send(']');
		await first.status('2/5');
		first.pty.send(']');
		await first.status('3/5');
		for (let i = 0; i < 10; i++) first.pty.send('j');
		await first.status('line 11/');
		first.pty.send('q');
		assert.equal(await first.exited, 0);
	} finally {
		await first.pty.stop();
	}
	assert.ok(fs.existsSync(path.join(stateDir, 'reading-state.json')), 'the state was written on quit');

	const second = await session(dir, stateDir);
	try {
		await second.status('3/5');
		await second.status('line 11/');
		await second.raw();
		// The wheel over the reader scrolls it (three lines a notch), over the sidebar it does not.
		second.pty.send('\u001B[<65;70;10M');
		await second.status('line 14/');
		second.pty.send('\u001B[<64;70;10M\u001B[<64;70;10M');
		await second.status('line 8/');
		assert.ok(!plain(second.pty.output()).includes('[<6'), 'no mouse report shows as text');
		second.pty.send('q');
		assert.equal(await second.exited, 0);
		const out = second.pty.output();
		assert.ok(out.includes('\u001B[?1000h\u001B[?1006h'), 'mouse reports on');
		assert.ok(out.lastIndexOf('\u001B[?1000l') > out.lastIndexOf('\u001B[?1000h'), 'and off again at the end');
	} finally {
		await second.pty.stop();
	}

	// --no-state: nothing read, nothing written; --no-mouse: no mouse reports asked for.
	const before = fs.readFileSync(path.join(stateDir, 'reading-state.json'), 'utf8');
	const third = await session(dir, stateDir, ['--no-state', '--no-mouse']);
	try {
		await third.status('1/5');
		await third.raw();
		third.pty.send('jjj');
		await third.status('line 4/');
		third.pty.send('q');
		assert.equal(await third.exited, 0);
		assert.ok(!third.pty.output().includes('\u001B[?1000h'));
	} finally {
		await third.pty.stop();
	}
	assert.equal(fs.readFileSync(path.join(stateDir, 'reading-state.json'), 'utf8'), before);
});
