// End-to-end runs of the built CLI (dist/cli.js, built by `npm test` before the tests run) on
// files made to be nasty, the way a user would meet them.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {runInPty} from '../../bench/pty.js';
import {stringWidth} from '../../source/text/width.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
let dir = '';

// Anything a terminal would act on: ESC, BEL, BS, CR, C1 controls, bidi overrides and isolates.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

function khao(args: string[], input?: string | Buffer) {
	const r = spawnSync(process.execPath, [cli, ...args], {cwd: dir, input, encoding: 'utf8', timeout: 30_000, env: {...process.env, NO_COLOR: '1'}});
	return {code: r.status, out: r.stdout, err: r.stderr};
}

function tis620(s: string): Buffer {
	return Buffer.from(
		[...s].map((c) => {
			const cp = c.codePointAt(0)!;
			return cp >= 0x0e01 && cp <= 0x0e5b ? cp - 0x0e01 + 0xa1 : cp;
		}),
	);
}

before(() => {
	assert.ok(fs.existsSync(cli), 'dist/cli.js exists (npm test builds it first)');
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-e2e-'));
	const d = (name: string, data: string | Buffer) => fs.writeFileSync(path.join(dir, 'corpus', name), data);
	fs.mkdirSync(path.join(dir, 'corpus', '.hidden'), {recursive: true});
	fs.mkdirSync(path.join(dir, 'corpus', 'node_modules'), {recursive: true});
	d('good.txt', 'ข่าวดีประจำวัน\n\nรัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือประชาชนในวันที่ 4 ก.ค. 2567\n');
	d(
		'hostile.txt',
		'หัวข้อ\u001B]52;c;ZXZpbA==\u0007อันตราย\n\nข้อความ\u001B[2J\u001B]0;pwned\u001B\\ปกติ\u009B31m สีแดง\u202Eกลับด้าน\u2066 กระดิ่ง\u0007 ถอย\u0008 CR\rจบ\tแท็บ\n',
	);
	d('empty.txt', '');
	d('blank.txt', '  \n\t\n');
	d('binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x00]));
	d('legacy.txt', tis620('ภาษาไทยแบบเก่า\n\nเข้ารหัสทีไอเอส ๖๒๐\n'));
	d('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ยูทีเอฟสิบหก\n\nข้อความ\n', 'utf16le')]));
	d('broken.txt', Buffer.concat([Buffer.from('ไบต์เสีย '), Buffer.from([0xc3, 0x28, 0xe0]), Buffer.from(' ต่อจากนี้ข้อความภาษาไทยยาวพอที่จะไม่ใช่ทีไอเอส')]));
	d('feed.jsonl', '{"id":"a1","title":"ข่าวหนึ่ง","body":"เนื้อหาข่าวหนึ่ง"}\nnot json\n{"id":"a3","title":"ข่าวสาม","body":"เนื้อหาข่าวสาม"}\n');
	d('\u001B]0;evil-name\u0007.txt', 'ชื่อไฟล์อันตราย\n\nเนื้อหา\n');
	d('.hidden/secret.txt', 'ไม่ควรเห็น\n');
	d('node_modules/dep.txt', 'ไม่ควรเห็นเช่นกัน\n');
	execFileSync('mkfifo', [path.join(dir, 'corpus', 'pipe.txt')]);
	fs.symlinkSync(path.join(dir, 'corpus'), path.join(dir, 'corpus', 'loop'));
	fs.symlinkSync(path.join(dir, 'corpus', 'nowhere.txt'), path.join(dir, 'corpus', 'dangling.txt'));
});

after(() => {
	if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

test('--version and --help', () => {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	assert.equal(khao(['--version']).out.trim(), pkg.version);
	const help = khao(['--help']).out;
	for (const flag of ['--print', '--list', '--search', '--entities', '--json', '--width', '--entities-file']) assert.match(help, new RegExp(flag));
	for (const key of ['Tab', 'Enter', 'PgDn', 'Home', '[ / ]', '?']) assert.ok(help.includes(key), `--help names the key ${key}`);
});

test('a folder of nasty files: good ones shown, bad ones named on stderr, nothing unsafe printed', () => {
	const r = khao(['corpus', '--print', '--width', '50']);
	assert.equal(r.code, 0, r.err);
	assert.doesNotMatch(r.out, UNSAFE, 'stdout is terminal-safe');
	assert.doesNotMatch(r.err, UNSAFE, 'stderr is terminal-safe');
	for (const text of ['ข่าวดีประจำวัน', 'อันตราย', 'ภาษาไทยแบบเก่า', 'ยูทีเอฟสิบหก', 'ไบต์เสีย', 'เนื้อหาข่าวสาม', 'ชื่อไฟล์อันตราย']) {
		assert.ok(r.out.includes(text), `printed: ${text}`);
	}
	assert.ok(!r.out.includes('ไม่ควรเห็น'), 'hidden folders and node_modules are skipped');
	for (const name of ['empty.txt', 'blank.txt', 'binary.txt', 'broken.txt', 'feed.jsonl']) assert.ok(r.err.includes(name), `stderr names ${name}`);
	assert.match(r.err, /feed\.jsonl.*2/, 'the bad .jsonl line number is reported');
	for (const line of r.out.split('\n')) assert.ok(stringWidth(line) <= 50, `line within width: ${line}`);
});

test("piped --print, --search and --entities give the article's own ำ, so grep finds it", () => {
	const text = 'นายสมชาย ใจดี กล่าวว่าการประชุมครั้งนี้จำเป็นมาก\n\nรายงานประจำปีของกรมน้ำบาดาลจำเป็นต่อการวางแผน\n';
	fs.writeFileSync(path.join(dir, 'am.txt'), text);
	for (const args of [['--print', '--width', '30'], ['--print', '--json', '--width', '30'], ['--search', 'จำเป็น'], ['--entities']]) {
		const r = khao(['am.txt', ...args]);
		assert.equal(r.code, 0, r.err);
		assert.ok(!r.out.includes('\u0E4D\u0E32'), `no ํ + า substitute in ${args.join(' ')}`);
		assert.ok(r.out.includes(args[0] === '--entities' ? 'สมชาย' : 'จำเป็น'), `${args.join(' ')} shows the text as written`);
	}
});

test('--list and --list --json', () => {
	const r = khao(['corpus', '--list']);
	assert.equal(r.code, 0);
	assert.doesNotMatch(r.out, UNSAFE);
	assert.match(r.out, /good\.txt\t2024-07-04\tข่าวดีประจำวัน/);
	const json = JSON.parse(khao(['corpus', '--list', '--json']).out);
	assert.ok(Array.isArray(json));
	assert.ok(json.some((a: {id: string}) => a.id.endsWith('feed.jsonl#a3')));
});

test('stdin with -', () => {
	const r = khao(['-', '--print'], 'จากท่อ\n\nข้อความที่ส่งผ่านท่อมาทางอินพุตมาตรฐาน\n');
	assert.equal(r.code, 0, r.err);
	assert.ok(r.out.includes('ข้อความที่ส่งผ่านท่อ'));
});

test('an unreadable path: one line naming it, exit 1; bad usage: exit 2', () => {
	const r = khao(['no/such/place']);
	assert.equal(r.code, 1);
	assert.equal(r.err.trim().split('\n').length, 1);
	assert.ok(r.err.includes('no/such/place'));
	assert.equal(khao(['corpus', '--width', '0']).code, 2);
	assert.equal(khao(['corpus', '--bogus']).code, 2);
});

test('piped stdout prints instead of opening the reader', () => {
	const r = khao(['corpus/good.txt']);
	assert.equal(r.code, 0);
	assert.ok(r.out.includes('ข่าวดีประจำวัน'));
	assert.ok(!r.out.includes('\u001B[?1049h'));
});

for (const [how, stop] of [
	['q', (p: ReturnType<typeof runInPty>) => p.send('q')],
	['Ctrl+C', (p: ReturnType<typeof runInPty>) => p.send('\u0003')],
	['SIGTERM', (p: ReturnType<typeof runInPty>) => process.kill(p.commandPid()!, 'SIGTERM')],
] as const) {
	test(`the reader uses the alternate screen and restores it on ${how}`, async () => {
		const pty = runInPty(['node', cli, 'corpus'], {cwd: dir, columns: 90, rows: 24});
		try {
			await pty.waitFor('q quit', 20_000);
			assert.ok(pty.output().includes('\u001B[?1049h'));
			const exited = new Promise<number | null>((resolve) => pty.child.once('exit', (code) => resolve(code)));
			stop(pty);
			await exited;
			assert.ok(pty.output().lastIndexOf('\u001B[?1049l') > pty.output().lastIndexOf('\u001B[?1049h'), 'left the alternate screen');
			assert.doesNotMatch(pty.output(), /\u0007|\u001B\]52|\u001B\]0;(pwned|evil)/, 'no hostile sequence reached the terminal');
		} finally {
			await pty.stop();
		}
	});
}
