import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {spawnSync} from 'node:child_process';

const CLI = path.join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const skip = fs.existsSync(CLI) ? false : 'dist/cli.js not built';

function khao(args: string[], env: NodeJS.ProcessEnv) {
	const r = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', timeout: 120_000, env: {...process.env, ...env}});
	return {code: r.status, out: r.stdout, err: r.stderr};
}

test('--index builds both caches for every file and says what, how big and how long', {skip}, (t) => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-index-'));
	t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
	const corpus = path.join(dir, 'news');
	const cache = path.join(dir, 'cache');
	fs.mkdirSync(corpus);
	const body = 'นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงเกษตรและสหกรณ์ ลงพื้นที่จังหวัดเชียงใหม่เพื่อพบเกษตรกร';
	fs.writeFileSync(path.join(corpus, 'a.jsonl'), Array.from({length: 30}, (_, i) => JSON.stringify({id: String(i), title: `ข่าว ${i}`, body})).join('\n'));
	fs.writeFileSync(path.join(corpus, 'b.txt'), `หัวข้อข่าว\n\n${body}\n`);

	const r = khao(['--index', corpus], {KHAO_CACHE_DIR: cache});
	assert.equal(r.code, 0, r.err);
	const lines = r.out.trimEnd().split('\n');
	assert.match(lines[0]!, /^indexed 31 articles \(2 files\) of .*news in \d+\.\d s \(reading \d+\.\d s\)$/);
	assert.match(lines[1]!, /^ {2}search +\d+(\.\d)? (KiB|MiB) +\d+\.\d s$/);
	assert.match(lines[2]!, /^ {2}entities +\d+(\.\d)? (KiB|MiB|bytes) +\d+\.\d s$/);
	assert.match(lines[3]!, /^ {2}links +\d+(\.\d)? (KiB|MiB|bytes) +\d+\.\d s$/);
	assert.equal(lines[4], `  cache in ${cache}`);
	const files = fs.readdirSync(cache);
	assert.equal(files.filter((f) => f.startsWith('search-')).length, 2);
	assert.equal(files.filter((f) => f.endsWith('.ent')).length, 2);
	assert.equal(files.filter((f) => f.endsWith('.lnk')).length, 1);
	// Not a terminal: progress in plain lines on stderr, ending with everything done.
	assert.match(r.err, /khao: search: 31 \/ 31 articles\n/);
	assert.match(r.err, /khao: entities: 31 \/ 31 articles\n/);
	assert.match(r.err, /khao: links: 31 \/ 31 articles\n/);
	assert.doesNotMatch(r.err, /\r|\u001b/);
});

test('--index: usage mistakes are one line and exit 2', {skip}, () => {
	for (const [args, env] of [
		[['--index', '-'], {}],
		[['--index', '--no-cache', 'corpus'], {}],
		[['--index', '--list', 'corpus'], {}],
		[['--index', 'corpus'], {KHAO_CACHE_DIR: 'off'}],
	] as const) {
		const r = khao([...args], env);
		assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
		assert.equal(r.out, '');
		assert.match(r.err, /^khao: .*--index/);
	}
});

/** A folder of two files of sentences written for this test, with names that link across articles. */
function newsFolder(dir: string): string {
	const corpus = path.join(dir, 'news');
	fs.mkdirSync(corpus);
	const lines = [
		'นายสมพงษ์ รักไทย รัฐมนตรีว่าการกระทรวงคมนาคม เปิดสะพานข้ามแม่น้ำที่จังหวัดพิษณุโลก',
		'นางวิไล ทองคำ ผู้ว่าราชการจังหวัดพิษณุโลก ต้อนรับนายสมพงษ์ รักไทย',
		'กรมทางหลวงชนบท (ทช.) รายงานว่า ทช. จะซ่อมถนนในจังหวัดน่านเสร็จปีหน้า',
		'Ms. Dara Wong of the Mekong Trade Office (MTO) met นายสมพงษ์ in Bangkok',
	];
	fs.writeFileSync(
		path.join(corpus, 'a.jsonl'),
		Array.from({length: 40}, (_, i) => JSON.stringify({id: `a${i}`, title: `ข่าว ${i}`, body: `${lines[i % lines.length]} ครั้งที่ ${i}`})).join('\n'),
	);
	fs.writeFileSync(
		path.join(corpus, 'b.jsonl'),
		Array.from({length: 30}, (_, i) => JSON.stringify({id: `b${i}`, title: `ข่าวบี ${i}`, body: `${lines[(i + 1) % lines.length]} ฉบับ ${i}`})).join('\n'),
	);
	return corpus;
}

test('--index links too: the next --entities reads the linked cache (detecting and linking nothing) and prints what a cold --entities prints', {skip}, (t) => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-index-links-'));
	t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
	const corpus = newsFolder(dir);
	const indexed = path.join(dir, 'indexed');
	const cold = path.join(dir, 'cold');

	const r = khao(['--index', corpus], {KHAO_CACHE_DIR: indexed});
	assert.equal(r.code, 0, r.err);
	const linked = fs.readdirSync(indexed).filter((f) => f.endsWith('.lnk'));
	assert.equal(linked.length, 1, 'one linked cache for the corpus');
	const file = path.join(indexed, linked[0]!);
	const before = fs.statSync(file);
	// Without the detections, only a valid linked cache can answer: detecting again would write them back.
	for (const f of fs.readdirSync(indexed)) if (f.endsWith('.ent')) fs.rmSync(path.join(indexed, f));

	const after = khao(['--entities', '--json', corpus], {KHAO_CACHE_DIR: indexed});
	assert.equal(after.code, 0, after.err);
	assert.equal(after.err, '');
	assert.deepEqual(
		fs.readdirSync(indexed).filter((f) => f.endsWith('.ent')),
		[],
		'nothing was detected',
	);
	const now = fs.statSync(file);
	assert.equal(now.ino, before.ino, 'the linked cache was not written again (no linking)');
	assert.equal(now.mtimeMs, before.mtimeMs);

	const fresh = khao(['--entities', '--json', corpus], {KHAO_CACHE_DIR: cold});
	assert.equal(fresh.code, 0, fresh.err);
	assert.ok((JSON.parse(fresh.out) as {entities: unknown[]}).entities.length > 2, 'the sentences have entities');
	assert.equal(after.out, fresh.out);
});

test('--index with a corrections file links with it, and a bad one leaves the links uncached with one line', {skip}, (t) => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-index-corrections-'));
	t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
	const corpus = newsFolder(dir);
	const cache = path.join(dir, 'cache');
	fs.writeFileSync(path.join(corpus, 'khao.entities.json'), JSON.stringify({hide: ['กรมทางหลวงชนบท']}));
	const r = khao(['--index', corpus], {KHAO_CACHE_DIR: cache});
	assert.equal(r.code, 0, r.err);
	const lnk = () => fs.readdirSync(cache).filter((f) => f.endsWith('.lnk'));
	assert.equal(lnk().length, 1);
	const stamp = fs.statSync(path.join(cache, lnk()[0]!)).mtimeMs;
	const e = khao(['--entities', '--json', corpus], {KHAO_CACHE_DIR: cache});
	assert.equal(e.code, 0, e.err);
	assert.equal(fs.statSync(path.join(cache, lnk()[0]!)).mtimeMs, stamp, 'the same corrections: the linked cache is used as it is');

	fs.writeFileSync(path.join(corpus, 'khao.entities.json'), '{not json');
	const bad = khao(['--index', corpus], {KHAO_CACHE_DIR: path.join(dir, 'other')});
	assert.equal(bad.code, 0, bad.err);
	const said = bad.err.split('\n').filter((l) => l.includes('entity links'));
	assert.equal(said.length, 1, bad.err);
	assert.match(said[0]!, /^khao: skipped: entity links: not cached: /);
	assert.deepEqual(
		fs.readdirSync(path.join(dir, 'other')).filter((f) => f.endsWith('.lnk')),
		[],
	);
});
