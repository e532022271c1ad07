import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {execFileSync} from 'node:child_process';
import {Readable} from 'node:stream';
import {CorpusError, loadCorpus, openCorpus} from '../../source/corpus/index.js';
import type {CorpusWarning} from '../../source/corpus/types.js';
import {hasUnsafe} from '../../source/text/sanitize.js';
import {encodeTis620, tempDir, utf16be, utf16le} from './helpers.js';

const SEEDS = path.join(import.meta.dirname, '..', '..', 'corpus');

function warningsByName(warnings: CorpusWarning[], root: string): Record<string, string> {
	return Object.fromEntries(warnings.map((w) => [path.relative(root, w.path), `${w.kind}: ${w.message}`]));
}

function listening(server: net.Server, socketPath: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(socketPath, resolve);
	});
}

test('a folder: recursive, sorted by path, hidden entries and node_modules skipped', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	const write = (rel: string, content: string | Buffer) => {
		fs.mkdirSync(path.dirname(path.join(dir, rel)), {recursive: true});
		fs.writeFileSync(path.join(dir, rel), content);
	};
	write('b.txt', 'บี\nเนื้อหา');
	write('a/z.md', '# แซด\nเนื้อหา');
	write('a/c.txt', 'ซี\nเนื้อหา');
	write('a.txt', 'เอ\nเนื้อหา');
	write('notes', 'plain notes without an extension');
	write('records.jsonl', '{"title": "ระเบียน", "body": "เนื้อหา"}\n');
	write('.hidden.txt', 'ซ่อน');
	write('.git/HEAD.txt', 'ซ่อน');
	write('node_modules/pkg/readme.txt', 'ซ่อน');
	write('sub/.secret/x.txt', 'ซ่อน');
	const {articles, warnings} = await loadCorpus(dir);
	assert.deepEqual(warnings, []);
	assert.deepEqual(
		articles.map((a) => [path.relative(dir, a.path), a.title, a.format]),
		[
			['a.txt', 'เอ', 'txt'],
			['a/c.txt', 'ซี', 'txt'],
			['a/z.md', 'แซด', 'md'],
			['b.txt', 'บี', 'txt'],
			['notes', 'plain notes without an extension', 'txt'],
			['records.jsonl', 'ระเบียน', 'jsonl'],
		],
	);
});

test('nasty folder: FIFO, socket, device link, symlink loops, dangling link, binaries, empties', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	const p = (rel: string) => path.join(dir, rel);
	fs.writeFileSync(p('good.txt'), 'ดี\nเนื้อหา');
	execFileSync('mkfifo', [p('fifo.txt')]);
	const server = net.createServer();
	await listening(server, p('socket.txt'));
	t.after(() => server.close());
	fs.symlinkSync('/dev/null', p('null.txt'));
	fs.mkdirSync(p('loop'));
	fs.writeFileSync(p('loop/inside.txt'), 'ข้างใน\nเนื้อหา');
	fs.symlinkSync('..', p('loop/up'));
	fs.symlinkSync('self-b', p('self-a'));
	fs.symlinkSync('self-a', p('self-b'));
	fs.symlinkSync('nowhere.txt', p('dangling.txt'));
	fs.symlinkSync('good.txt', p('link-to-good.txt'));
	fs.writeFileSync(p('image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
	fs.writeFileSync(p('data.bin.txt'), Buffer.from([0x41, 0, 0x42]));
	fs.writeFileSync(p('blob'), Buffer.concat([Buffer.from('PK'), Buffer.alloc(100)]));
	fs.writeFileSync(p('empty.txt'), '');
	fs.writeFileSync(p('blank.md'), ' \r\n\t\n');

	// If the loader opened the FIFO it would block for ever (no writer): race it against a
	// watchdog that, only in that case, opens the writing end to release it and fails the test.
	let watchdog: NodeJS.Timeout | undefined;
	const hung = new Promise<'hung'>((resolve) => {
		watchdog = setTimeout(() => {
			fs.closeSync(fs.openSync(p('fifo.txt'), fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
			resolve('hung');
		}, 10_000);
	});
	const result = await Promise.race([loadCorpus(dir), hung]);
	clearTimeout(watchdog);
	assert.notEqual(result, 'hung', 'the FIFO was opened');
	if (result === 'hung') return;
	// Nobody holds the FIFO open for reading now: opening its writing end without blocking fails.
	assert.throws(() => fs.openSync(p('fifo.txt'), fs.constants.O_WRONLY | fs.constants.O_NONBLOCK), {code: 'ENXIO'});

	assert.deepEqual(
		result.articles.map((a) => path.relative(dir, a.path)),
		['good.txt', 'link-to-good.txt', 'loop/inside.txt'],
	);
	assert.deepEqual(warningsByName(result.warnings, dir), {
		'blank.md': 'empty: only whitespace',
		blob: 'binary: binary file (NUL bytes)',
		'dangling.txt': 'skipped: dangling symlink',
		'data.bin.txt': 'binary: binary file (NUL bytes)',
		'empty.txt': 'empty: empty file',
		'fifo.txt': 'skipped: FIFO (named pipe), not opened',
		'image.png': 'binary: .png files are not text',
		'loop/up': 'skipped: symlink loop (links to a folder above it), not followed',
		'null.txt': 'skipped: character device, not opened',
		'self-a': 'skipped: symlink loop, not followed',
		'self-b': 'skipped: symlink loop, not followed',
		'socket.txt': 'skipped: socket, not opened',
	});
});

test('encodings in a folder: TIS-620, UTF-16 LE/BE, BOM, invalid UTF-8 (named in a warning)', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	fs.writeFileSync(path.join(dir, '1-tis.txt'), encodeTis620('ข่าวเก่า\r\nเนื้อหาภาษาไทย'));
	fs.writeFileSync(path.join(dir, '2-le.txt'), utf16le('ยูทีเอฟสิบหก\nเนื้อหา'));
	fs.writeFileSync(path.join(dir, '3-be.md'), utf16be('# บิ๊กเอนเดียน\nเนื้อหา'));
	fs.writeFileSync(path.join(dir, '4-bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('มีบอม\nเนื้อหา')]));
	fs.writeFileSync(path.join(dir, '5-bad.txt'), Buffer.concat([Buffer.from('เสีย'), Buffer.from([0xe0, 0x41]), Buffer.from('\nเนื้อหา')]));
	const {articles, warnings} = await loadCorpus(dir);
	assert.deepEqual(
		articles.map((a) => a.title),
		['ข่าวเก่า', 'ยูทีเอฟสิบหก', 'บิ๊กเอนเดียน', 'มีบอม', 'เสีย\uFFFDA'],
	);
	assert.equal(articles[0]!.text, 'ข่าวเก่า\r\nเนื้อหาภาษาไทย');
	assert.equal(articles[3]!.text, 'มีบอม\nเนื้อหา', 'the BOM is not part of the text');
	assert.deepEqual(warningsByName(warnings, dir), {'5-bad.txt': 'invalid-bytes: invalid UTF-8 bytes shown as U+FFFD'});
});

test('file names with escape sequences and bidi controls: kept in paths, never in titles or messages', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	// A rule and nothing else: the title can only come from the name. (A file of nothing but
	// controls is skipped as empty.)
	const evil = 'evil\u001b]0;owned\u0007\u202Ename\u001b[2J.md';
	fs.writeFileSync(path.join(dir, evil), '\u0007***\n');
	fs.writeFileSync(path.join(dir, 'empty\u001b[31m.txt'), '');
	const {articles, warnings} = await loadCorpus(dir);
	assert.equal(articles.length, 1);
	assert.equal(articles[0]!.path, path.join(dir, evil), 'the path stays usable');
	assert.equal(articles[0]!.title, 'evilname', 'the title from the name is cleaned');
	assert.equal(warnings.length, 1);
	assert.equal(hasUnsafe(warnings[0]!.message), false);
	await assert.rejects(loadCorpus(path.join(dir, 'missing\u001b]52;c;aGk=\u0007.txt')), (error: unknown) => {
		assert.ok(error instanceof CorpusError);
		assert.equal(hasUnsafe(error.message), false);
		assert.match(error.message, /missing.*\.txt: no such file or folder/);
		return true;
	});
});

test('a PATH that cannot be read: ready and loadCorpus reject with a one-line CorpusError', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	const missing = path.join(dir, 'nope.txt');
	const corpus = openCorpus(missing);
	await assert.rejects(corpus.ready, CorpusError);
	await assert.rejects(corpus.finished, CorpusError);
	assert.equal(corpus.done, true);
	await assert.rejects(loadCorpus(missing), {name: 'CorpusError', message: `cannot read ${missing}: no such file or folder`});
	fs.symlinkSync('gone', path.join(dir, 'dangling'));
	await assert.rejects(loadCorpus(path.join(dir, 'dangling')), /dangling symlink/);
	execFileSync('mkfifo', [path.join(dir, 'pipe')]);
	await assert.rejects(loadCorpus(path.join(dir, 'pipe')), /FIFO \(named pipe\), not opened/);
	await assert.rejects(loadCorpus(undefined), CorpusError);
	if (process.getuid?.() !== 0) {
		fs.writeFileSync(path.join(dir, 'secret.txt'), 'x');
		fs.chmodSync(path.join(dir, 'secret.txt'), 0);
		await assert.rejects(loadCorpus(path.join(dir, 'secret.txt')), /permission denied/);
	}
	// Only awaiting `ready` (or nothing) must not leave an unhandled rejection behind.
	openCorpus(missing);
	await new Promise((resolve) => setTimeout(resolve, 20));
});

test('no PATH: the default folder; a single file PATH of any kind', async (t) => {
	const seeds = await loadCorpus(undefined, {defaultDir: SEEDS});
	assert.equal(seeds.articles.length, 5);
	assert.ok(seeds.articles.every((a) => a.path.startsWith(SEEDS)));
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	const file = path.join(dir, 'article.log');
	fs.writeFileSync(file, 'บันทึก\nเนื้อหา');
	assert.deepEqual(
		(await loadCorpus(file)).articles.map((a) => a.title),
		['บันทึก'],
	);
});

test('ready resolves at once for a small corpus, and onUpdate can unsubscribe', async () => {
	const corpus = openCorpus(SEEDS);
	let calls = 0;
	const off = corpus.onUpdate(() => calls++);
	off();
	await corpus.ready;
	await corpus.finished;
	assert.equal(calls, 0);
	assert.equal(corpus.articles.length, 5);
});

test('stdin: plain text, Markdown and JSONL are told apart by content', async () => {
	const stdin = (content: string | Buffer) => ({stdin: Readable.from([Buffer.from(content)])});
	const text = await loadCorpus('-', stdin('หัวข้อ\r\nเนื้อหา 4 ก.ค. 2567\r\n'));
	assert.deepEqual(
		text.articles.map((a) => [a.path, a.format, a.title, a.date?.iso]),
		[['-', 'stdin', 'หัวข้อ', '2024-07-04']],
	);
	const md = await loadCorpus('-', stdin('# หัวข้อ\n\n**เนื้อหา**\n'));
	assert.deepEqual(
		md.articles.map((a) => [a.format, a.title]),
		[['md', 'หัวข้อ']],
	);
	const jsonl = await loadCorpus('-', stdin('{"body": "หนึ่ง", "id": "x"}\n{"body": "สอง"}\nbroken\n'));
	assert.deepEqual(
		jsonl.articles.map((a) => a.id),
		['-#x', '-#2'],
	);
	assert.deepEqual(jsonl.warnings, [{kind: 'bad-line', path: '-:3', message: 'line 3: invalid JSON'}]);
	const tis = await loadCorpus('-', stdin(encodeTis620('ไทยเก่า\nเนื้อหา')));
	assert.equal(tis.articles[0]!.title, 'ไทยเก่า');
	const empty = await loadCorpus('-', stdin(''));
	assert.deepEqual(empty, {articles: [], warnings: [{kind: 'empty', path: '-', message: 'empty file'}]});
	const binary = await loadCorpus('-', stdin(Buffer.from([1, 0, 2])));
	assert.equal(binary.warnings[0]!.kind, 'binary');
});

test('the corrections file (khao.entities.json) is never read as an article', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	fs.writeFileSync(path.join(dir, 'story.txt'), 'A story\n\nBody.\n');
	fs.writeFileSync(path.join(dir, 'khao.entities.json'), '{"hide": ["Somebody"]}\n');
	fs.mkdirSync(path.join(dir, 'sub'));
	fs.writeFileSync(path.join(dir, 'sub', 'khao.entities.json'), '{"hide": []}\n');
	const {articles, warnings} = await loadCorpus(dir);
	assert.deepEqual(
		articles.map((a) => path.basename(a.path)),
		['story.txt'],
	);
	assert.deepEqual(warnings, []);
});

test('names that are not UTF-8: opened by their bytes, the path shown decoded as Windows-874', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	const name = Buffer.concat([encodeTis620('ข่าว'), Buffer.from('.jsonl')]);
	fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/'), name]), '{"title":"T","body":"B"}\n');
	fs.mkdirSync(Buffer.concat([Buffer.from(dir + '/'), encodeTis620('เก่า')]));
	fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/'), encodeTis620('เก่า'), Buffer.from('/a.txt')]), 'Old\n');
	const {articles, warnings} = await loadCorpus(dir);
	assert.deepEqual(warnings, []);
	assert.deepEqual(articles.map((a) => path.relative(dir, a.path)).sort(), ['ข่าว.jsonl', 'เก่า/a.txt']);
});

test('endless standard input: loading stops at the bound with a one-line CorpusError', async () => {
	let produced = 0;
	const endless = new Readable({
		read() {
			produced += 65_536;
			this.push(Buffer.alloc(65_536, 'y\n'));
		},
	});
	await assert.rejects(loadCorpus('-', {stdin: endless, maxStdinBytes: 1 << 20}), (error: unknown) => {
		assert.ok(error instanceof CorpusError);
		assert.equal(error.message, 'cannot read -: standard input is larger than 1 MiB, not read (KHAO_MAX_INPUT_SIZE=2G, for example, reads more)');
		return true;
	});
	assert.ok(produced < 4 << 20, `stopped reading (${produced} bytes produced)`);
});
