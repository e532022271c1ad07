// Issue 12, item 7: one very large article must not freeze the reader. The article is generated
// (sentences written for the purpose), big enough that wrapping or indexing it at once takes
// seconds; the bounds below are many times what the reader needs now.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {runInPty, type PtyRun} from '../../bench/pty.js';
import {bigThaiText} from './big-text.js';
import {BackgroundIndexer} from '../../source/ui/background.js';
import {search} from '../../source/search/index.js';
import {buildEntityIndex, parseEntityCorrections} from '../../source/entities/index.js';
import {staticLoad, makeArticle} from '../ui/helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
let dir = '';
let file = '';

before(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-big-'));
	file = path.join(dir, 'big.txt');
	// About 16 MB of UTF-8 in one paragraph: before, 10 s to wrap (again on every resize) and a
	// 5 s step of the search index.
	fs.writeFileSync(file, 'บทความยาวมาก\n\n' + bigThaiText(5_400_000, 'one', 3));
});

after(() => {
	if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

/** Runs khao on the big article in a pty for `body`, and stops it whatever happens. */
async function withKhao(body: (pty: PtyRun) => Promise<void>): Promise<void> {
	const pty = runInPty(['node', cli, file], {cwd: dir, env: {KHAO_CACHE_DIR: path.join(dir, 'cache')}});
	try {
		await body(pty);
	} finally {
		await pty.stop();
	}
}

/** Ms until the process ends after `keys`, or Infinity past `bound`. */
async function quitAfter(pty: PtyRun, keys: string, bound: number): Promise<number> {
	const started = performance.now();
	const exited = new Promise<number>((resolve) => pty.child.once('exit', () => resolve(performance.now() - started)));
	pty.send(keys);
	return Promise.race([exited, new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), bound))]);
}

test('a 16 MB article: q typed while it opens ends khao as soon as the reader is up', () =>
	withKhao(async (pty) => {
		const started = performance.now();
		const exited = new Promise<number>((resolve) => pty.child.once('exit', () => resolve(performance.now() - started)));
		await new Promise((resolve) => setTimeout(resolve, 300));
		pty.send('q');
		// Before, the whole article was wrapped first: 10 s and more on the project's machine.
		const ms = await Promise.race([exited, new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 8_000))]);
		assert.ok(ms < 8_000, `khao ended ${ms} ms after it started`);
	}));

test('a 16 MB article: q ends khao at once while its indexes are being built', () =>
	withKhao(async (pty) => {
		await pty.waitFor('q quit', 20_000);
		await new Promise((resolve) => setTimeout(resolve, 500));
		assert.ok((await quitAfter(pty, 'q', 3_000)) < 3_000, 'q took effect');
	}));

test('a 16 MB article: G goes to the end, and a resize is drawn, at once', () =>
	withKhao(async (pty) => {
		await pty.waitFor('q quit', 20_000);
		pty.send('G');
		await pty.waitFor('100%', 4_000);
		// The resize is drawn when the line count (the new wrap's) shows.
		const from = pty.output().length;
		const count = () =>
			[
				...pty
					.output()
					.slice(from)
					.matchAll(/line \d+\/~?(\d+)/g),
			].map((m) => m[1]);
		const before = [...pty.output().matchAll(/line \d+\/~?(\d+)/g)].at(-1)?.[1];
		const tty = fs.readlinkSync(`/proc/${pty.commandPid()}/fd/0`);
		execFileSync('stty', ['-F', tty, 'cols', '70', 'rows', '25']);
		const started = performance.now();
		while (!count().some((c) => c !== before) && performance.now() - started < 4_000) await new Promise((resolve) => setTimeout(resolve, 20));
		assert.ok(
			count().some((c) => c !== before),
			`the resize was drawn within 4 s (line count ${before} → ${count().at(-1)})`,
		);
		assert.ok((await quitAfter(pty, 'q', 3_000)) < 3_000, 'q took effect');
	}));

const SMALL = [
	makeArticle('a.txt', 'ข่าวการเยือน', ['ประธานาธิบดีอาร์มันโด กาเบรรา เดินทางถึงกรุงเวียนนา เมื่อวันจันทร์ เพื่อหารือเรื่องการค้า', bigThaiText(3_000, 'many', 9)]),
	makeArticle('b.txt', 'ข่าวพลังงาน', ['ประธานาธิบดีอาร์มันโด กาเบรรา ประกาศนโยบายพลังงานฉบับใหม่ ที่กรุงเวียนนา']),
];

test('indexes built in worker threads answer as those built in the reader’s time slices', async () => {
	const load = staticLoad(SMALL);
	const inWorkers = new BackgroundIndexer(load, {search: {cacheDir: null}, workerChars: 100});
	await inWorkers.start();
	const inSlices = new BackgroundIndexer(load, {search: {cacheDir: null}});
	await inSlices.start();
	const a = inWorkers.state;
	const b = inSlices.state;
	assert.ok(a.searchDone && a.entitiesDone && a.search && a.entities && !a.problem, 'both indexes came back');
	assert.ok(a.inWorkers && !b.inWorkers, 'the status bar knows there is no percentage from workers');
	for (const query of ['กาเบรรา', 'เวียนนา', 'ทุเรียน', 'พลังาน']) {
		const hits = (s: typeof a) => search(s.search!, query).hits.map((h) => [h.ordinal, h.start, h.end]);
		assert.deepEqual(hits(a), hits(b), query);
	}
	assert.deepEqual(a.entities!.all(), buildEntityIndex(SMALL).all());
	assert.deepEqual(a.entities!.mentionsIn('a.txt'), b.entities!.mentionsIn('a.txt'));
	assert.ok(a.entities!.findByName('กาเบรรา', 1).length > 0, 'the name search works on the index from a worker');
});

test('a worker that runs out of memory leaves the reader running with a one-line reason', async () => {
	const load = staticLoad([makeArticle('big.txt', 'ยาว', [bigThaiText(1_500_000, 'one', 4)])]);
	const indexer = new BackgroundIndexer(load, {search: {cacheDir: null}, workerHeapMb: 8});
	await indexer.start();
	const s = indexer.state;
	assert.ok(s.searchDone && s.entitiesDone, 'both builds are over');
	assert.equal(s.search?.indexedArticles ?? 0, 0, 'nothing searchable, and no crash');
	assert.match(s.problem ?? '', /(^|; )search: out of memory \(over 8 MB\)/);
	assert.match(s.problem ?? '', /(^|; )entities: out of memory \(over 8 MB\)/);
	assert.ok(!/\n/.test(s.problem!), 'one line');
});

test('corrections that match nothing reach the warnings panel from a worker too', async () => {
	const added: string[] = [];
	const load = {...staticLoad(SMALL), addWarnings: (warnings: {message: string}[]) => void added.push(...warnings.map((w) => w.message))};
	const corrections = parseEntityCorrections('{"hide": ["ไม่มีชื่อนี้"]}');
	const indexer = new BackgroundIndexer(load, {search: {cacheDir: null}, corrections, workerChars: 100});
	await indexer.start();
	assert.deepEqual(added, ['hide: no entity "ไม่มีชื่อนี้"']);
});
