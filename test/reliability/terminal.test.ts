// Reliability of khao at the terminal: keys it has no name for, pastes with escapes, signals,
// write errors, usage errors. Each case asserts the outcome a person would see: exit code, message,
// no hang, no escape byte where it does not belong, the terminal given back.
import {test, after} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import React from 'react';
import {Text, useInput, type Key} from 'ink';
import {render} from 'ink-testing-library';
import {runInPty} from '../../bench/pty.js';
import {filterKeyboard} from '../../source/ui/key-input.js';
import {makeArticle, staticLoad, tick} from '../ui/helpers.js';
import {App} from '../../source/ui/components/App.js';
import {BackgroundIndexer} from '../../source/ui/background.js';

/** Every CSI and SS3 key shape: all final bytes, modifiers 1–16, numeric codes 1–35, also behind Alt. */
function everyKeySequence(): string[] {
	const out: string[] = [];
	for (let f = 0x40; f <= 0x7e; f++) {
		const final = String.fromCharCode(f);
		out.push(`\u001B[${final}`, `\u001BO${final}`, `\u001B\u001B[${final}`, `\u001B\u001BO${final}`);
		for (let m = 1; m <= 16; m++) out.push(`\u001B[1;${m}${final}`, `\u001BO${m}${final}`, `\u001BO1;${m}${final}`, `\u001B\u001B[1;${m}${final}`);
		for (let n = 1; n <= 35; n++) {
			out.push(`\u001B[${n}${final}`);
			for (let m = 1; m <= 16; m++) out.push(`\u001B[${n};${m}${final}`);
		}
	}
	for (let c = 0; c < 0x80; c++) out.push(`\u001B${String.fromCharCode(c)}`);
	return out;
}

function KeyProbe({onKey}: {onKey: (input: string, key: Key) => void}) {
	useInput(onKey);
	return React.createElement(Text, null, 'keys');
}

test('every CSI and SS3 sequence: no crash, and no escape reaches the input handler as text', async () => {
	const sequences = everyKeySequence();
	assert.ok(sequences.length > 40_000);
	const leaked: string[] = [];
	const errors: string[] = [];
	const onKey = (input: string, key: Key) => {
		// Ink strips the ESC of Alt+key (Alt+Ctrl+A is "\u0001" with meta, a key like any other; Alt+Esc
		// is "\u001B" flagged as Escape); what must never come through is an escape or the rest of a
		// sequence as if it were typed.
		if (key.escape) return;
		if (/[\u001B\u0080-\u009F]/.test(input) || /^[[O][\d;]*./.test(input)) leaked.push(input);
	};
	const instance = render(React.createElement(KeyProbe, {onKey}));
	filterKeyboard(instance.stdin);
	for (let i = 0; i < 200 && instance.stdin.listenerCount('readable') === 0; i++) await tick();
	for (const s of sequences) {
		try {
			instance.stdin.write(s);
		} catch (error) {
			errors.push(`${JSON.stringify(s)}: ${(error as Error).message}`);
		}
		// Give a held-back lone ESC its turn, as the event loop does between keystrokes.
		if (s.length <= 2) await new Promise((resolve) => setImmediate(resolve));
	}
	instance.unmount();
	assert.deepEqual(errors.slice(0, 5), [], `${errors.length} sequences crashed Ink`);
	assert.deepEqual(leaked.slice(0, 5), [], `${leaked.length} sequences reached the handler as text`);
});

test('the reader: Ctrl+F1, Ctrl+Menu and a paste with escapes into the search field', async () => {
	const article = makeArticle('a.txt', 'หัวเรื่องทดสอบ', ['ย่อหน้าแรกของบทความที่เขียนขึ้นเพื่อการทดสอบ']);
	const instance = render(React.createElement(App, {load: staticLoad([article]), size: {columns: 90, rows: 20}, noColor: true}));
	filterKeyboard(instance.stdin);
	for (let i = 0; i < 200 && instance.stdin.listenerCount('readable') === 0; i++) await tick();
	for (const key of ['\u001B[1;5P', '\u001B[29;5~', '\u001B[1;2S', '\u001B[34;3~', '/']) {
		instance.stdin.write(key);
		await tick();
	}
	instance.stdin.write('ab\u001B[31mcd\u001B]0;pwned\u0007ef');
	for (let i = 0; i < 100 && !instance.lastFrame()!.includes('abcdef'); i++) await tick();
	const frame = instance.lastFrame()!;
	instance.unmount();
	assert.match(frame, /search: abcdef/);
	assert.doesNotMatch(frame, /\[31m|pwned|\[1;5P/);
});

// ---- The built command, as a person or a script runs it ----

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const corpus = path.join(root, 'corpus');
const ESCAPE_OR_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;

function khao(args: string[], options: {input?: string; stdout?: 'pipe' | number} = {}) {
	const r = spawnSync(process.execPath, [cli, ...args], {
		input: options.input,
		stdio: ['pipe', options.stdout ?? 'pipe', 'pipe'],
		encoding: 'utf8',
		timeout: 30_000,
		env: {...process.env, NO_COLOR: '1', KHAO_CACHE_DIR: cacheDir()},
	});
	return {code: r.status, out: r.stdout ?? '', err: r.stderr ?? ''};
}

let cache = '';
function cacheDir(): string {
	cache ||= fs.mkdtempSync(path.join(os.tmpdir(), 'khao-term-cache-'));
	return cache;
}
after(() => {
	if (cache) fs.rmSync(cache, {recursive: true, force: true});
});

const usageCases: Array<[string, string[], RegExp]> = [
	['an unknown flag with an escape in it', ['--\u001B]0;pwned\u0007'], /unknown option/],
	['a repeated flag', ['-w', '20', '-w', '30', corpus], /--width given more than once/],
	['--no- on a flag with a value', ['--no-search', corpus], /--search cannot be turned off/],
	['--no-entities-file', ['--no-entities-file', corpus], /--entities-file cannot be turned off/],
	['a missing value', [corpus, '--search'], /--search needs a value/],
	['two modes', [corpus, '-p', '-l'], /choose one of/],
];
for (const [what, args, message] of usageCases) {
	test(`usage error, ${what}: one sanitised line, a --help hint, exit 2`, () => {
		const r = khao(args);
		assert.equal(r.code, 2, r.err);
		assert.equal(r.out, '');
		assert.doesNotMatch(r.err, ESCAPE_OR_CONTROL);
		const lines = r.err.trimEnd().split('\n');
		assert.equal(lines.length, 2, r.err);
		assert.match(lines[0]!, message);
		assert.match(lines[1]!, /khao --help/);
	});
}

test('--help wins over a PATH and over a bad flag', () => {
	for (const args of [
		['--help', corpus],
		[corpus, '--bogus', '--help'],
	]) {
		const r = khao(args);
		assert.equal(r.code, 0);
		assert.match(r.out, /Usage/);
		assert.equal(r.err, '');
	}
});

test('a write error is one line and exit 1; a closed pipe is quiet', () => {
	const full = fs.openSync('/dev/full', 'w');
	try {
		for (const args of [['--list', '--json', corpus], ['--entities', '--json', corpus], ['--print', corpus], ['--help']]) {
			const r = khao(args, {stdout: full});
			assert.equal(r.code, 1, `${args.join(' ')}: ${r.err}`);
			assert.match(r.err, /^khao: cannot write the output: no space left/);
			assert.equal(r.err.trimEnd().split('\n').length, 1);
		}
	} finally {
		fs.closeSync(full);
	}
	// `true` reads nothing and goes: khao meets EPIPE and stops without a word.
	const r = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" --print "${corpus}" | true; echo "status \${PIPESTATUS[0]}"`], {
		encoding: 'utf8',
		timeout: 30_000,
		env: {...process.env, KHAO_CACHE_DIR: cacheDir()},
	});
	assert.match(r.stdout, /status 0/);
	assert.equal(r.stderr, '');
});

// ---- In a real pseudo-terminal ----

const ENTER = '\u001B[?1049h';
const RESTORE = ['\u001B[?1049l', '\u001B[?25h', '\u001B[?7h'];

/** Whether everything the reader changed is given back after the last time it took the screen. */
function restoredAfterLastEnter(output: string): boolean {
	const tail = output.slice(output.lastIndexOf(ENTER));
	return RESTORE.every((sequence) => tail.includes(sequence));
}

/**
 * The reader in a pty, under a shell that stays a moment after it ends (so that what a watchdog
 * writes after khao's death still reaches the pty) and, with `jobs`, with job control, so that a
 * stop is a real stop (a session leader's process group is orphaned and may not stop) and `fg`
 * continues it as a shell would.
 */
async function startReader(options: {jobs?: boolean} = {}) {
	const script = options.jobs ? 'set -m; "$@"; s=$?; if [ $s = 148 ]; then sleep 1; fg; s=$?; fi; sleep 0.3; exit $s' : '"$@"; s=$?; sleep 0.3; exit $s';
	const pty = runInPty(['bash', '-c', script, 'khao', process.execPath, cli, corpus], {columns: 90, rows: 24, env: {KHAO_CACHE_DIR: cacheDir(), NO_COLOR: '1'}});
	await pty.waitFor('q quit', 20_000);
	// Bounded: a reader that does not end fails the test instead of hanging it.
	const exited = new Promise<number | null>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`khao did not end: ${JSON.stringify(pty.output().slice(-300))}`)), 30_000);
		pty.child.once('exit', (code) => {
			clearTimeout(timer);
			resolve(code);
		});
	});
	exited.catch(() => {}); // a test that fails before awaiting it must not also leave a rejection
	const shell = pty.commandPid()!;
	const khaoPid = Number(fs.readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/)[0]);
	return {pty, exited, pid: khaoPid};
}

async function waitForWatchdog(pid: number): Promise<void> {
	const children = () => {
		try {
			return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
		} catch {
			return [];
		}
	};
	const isShell = (child: string) => {
		try {
			return fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').startsWith('/bin/sh');
		} catch {
			return false;
		}
	};
	for (let i = 0; i < 500 && !children().some(isShell); i++) await new Promise((resolve) => setTimeout(resolve, 20));
	assert.ok(children().some(isShell), 'the watchdog is running');
}

/** Waits until `text` is on screen, escape sequences (colours, cursor moves) aside. */
async function waitForText(pty: ReturnType<typeof runInPty>, text: string, timeoutMs = 10_000): Promise<void> {
	const plain = () => pty.output().replace(/\u001B\[[\d;?]*[A-Za-z]/g, '');
	for (const deadline = Date.now() + timeoutMs; !plain().includes(text);) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${text}: ${JSON.stringify(plain().slice(-300))}`);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

test('the reader draws with autowrap off and turns it back on', async () => {
	const {pty, exited} = await startReader();
	try {
		assert.ok(pty.output().includes('\u001B[?7l'), 'autowrap off on the alternate screen');
		pty.send('q');
		assert.equal(await exited, 0);
		assert.ok(restoredAfterLastEnter(pty.output()));
	} finally {
		await pty.stop();
	}
});

for (const signal of ['SIGQUIT', 'SIGUSR2', 'SIGALRM', 'SIGHUP', 'SIGTERM', 'SIGABRT', 'SIGKILL'] as const) {
	test(`${signal}: the terminal is restored and the exit status names the signal`, async () => {
		const {pty, exited, pid} = await startReader();
		try {
			// SIGABRT (how V8 ends on out-of-memory) and SIGKILL cannot be caught: the watchdog, which
			// starts right after the first frame, restores. Wait for it to be there.
			if (signal === 'SIGABRT' || signal === 'SIGKILL') await waitForWatchdog(pid);
			process.kill(pid, signal);
			const code = await exited;
			// The shell reports a child ended by a signal as 128 + its number.
			assert.equal(code, 128 + os.constants.signals[signal], pty.output().slice(-300));
			// SIGKILL cannot be caught: the watchdog restores. Give it a moment to write.
			for (let i = 0; i < 50 && !restoredAfterLastEnter(pty.output()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
			assert.ok(restoredAfterLastEnter(pty.output()), JSON.stringify(pty.output().slice(-200)));
		} finally {
			await pty.stop();
		}
	});
}

function processState(pid: number): string {
	return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0]!;
}

test('Ctrl+Z gives the terminal back and stops; fg takes it again and redraws', async () => {
	const {pty, exited, pid} = await startReader({jobs: true});
	try {
		pty.send('\u001A');
		for (let i = 0; i < 200 && processState(pid) !== 'T'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
		assert.equal(processState(pid), 'T', 'stopped');
		// What the reader wrote before stopping may still be on its way through the pty.
		for (let i = 0; i < 100 && !restoredAfterLastEnter(pty.output()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
		assert.ok(restoredAfterLastEnter(pty.output()), 'terminal given back before stopping');
		const before = pty.output().length;
		// The shell runs `fg` a second later.
		const back = () => pty.output().slice(before);
		for (let i = 0; i < 500 && !/\u001B\[\?1049h[^]*q quit/.test(back()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
		const after = back();
		assert.ok(after.indexOf(ENTER) < after.lastIndexOf('q quit'), 'the frame is drawn again after the screen is taken back');
		assert.ok(after.includes('\u001B[?25l'), 'the cursor is hidden again');
		assert.ok(after.includes('\u001B[?7l'), 'autowrap is off again');
		pty.send('j');
		pty.send('q');
		assert.equal(await exited, 0);
		assert.ok(restoredAfterLastEnter(pty.output()));
	} finally {
		await pty.stop();
	}
});

test('the real reader survives keys Ink cannot name and a paste with escapes', async () => {
	const {pty, exited} = await startReader();
	try {
		for (const key of ['\u001B[1;5P', '\u001B[29;5~', '\u001B[1;6S', '\u001B[34;2~', '\u001BO5P', '/']) pty.send(key);
		pty.send('ab\u001B[31mcd');
		await waitForText(pty, 'search: abcd');
		// Ctrl+C, not Esc then q: when the UI is busy both can arrive in one read, which is Alt+q.
		pty.send('\u0003');
		assert.equal(await exited, 0, pty.output().slice(-300));
		assert.doesNotMatch(pty.output(), /internal error/);
	} finally {
		await pty.stop();
	}
});

test('khao - with a terminal on stdin says nothing is piped in, exit 2', async () => {
	const pty = runInPty([process.execPath, cli, '-', '--list'], {env: {KHAO_CACHE_DIR: cacheDir()}});
	try {
		const code = await new Promise<number | null>((resolve) => pty.child.once('exit', (c) => resolve(c)));
		assert.equal(code, 2);
		assert.match(pty.output(), /nothing is piped in/);
	} finally {
		await pty.stop();
	}
});

test('a redirected stderr gets no terminal control, not even "show the cursor"', async () => {
	const log = path.join(cacheDir(), 'stderr.log');
	const pty = runInPty(['sh', '-c', `exec "${process.execPath}" "${cli}" "${corpus}" 2>"${log}"`], {columns: 90, rows: 24, env: {KHAO_CACHE_DIR: cacheDir()}});
	try {
		await pty.waitFor('q quit', 20_000);
		const exited = new Promise((resolve) => pty.child.once('exit', resolve));
		pty.send('q');
		await exited;
		assert.equal(fs.readFileSync(log, 'utf8'), '');
	} finally {
		await pty.stop();
	}
});

test('a one-article corpus says "indexing…" while it indexes, not "indexing 0%"', async () => {
	const load = staticLoad([makeArticle('one.txt', 'บทความเดียว', ['ข้อความสั้นของบทความเดียวในคลัง'])]);
	const indexer = new BackgroundIndexer(load, {search: {cacheDir: null}});
	// Not started: the state a one-article corpus is in until its only article is done.
	indexer.state = {...indexer.state, total: 1};
	const instance = render(React.createElement(App, {load, indexer, size: {columns: 90, rows: 20}, noColor: true}));
	await tick();
	const frame = instance.lastFrame()!;
	instance.unmount();
	assert.match(frame, /indexing…/);
	assert.doesNotMatch(frame, /indexing 0%/);
});
