import {after, mock, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Article} from '../../source/corpus/types.js';
import {cacheFileFor, defaultCacheDir, readCache, readCacheSteps, statFiles} from '../../source/search/cache.js';
import {indexCorpusSteps, openSearchIndex, type IndexProgress, type OpenIndexOptions} from '../../source/search/open.js';
import {search} from '../../source/search/search.js';
import type {SearchIndex} from '../../source/search/search-index.js';
import {SLOW_OK} from './helpers.js';

const filler = 'รายงานข่าวประจำวันจากหน่วยงานราชการ และการประชุมติดตามผลการดำเนินงาน ';

const roots: string[] = [];
after(() => {
	for (const root of roots) fs.rmSync(root, {recursive: true, force: true});
});

/** A corpus folder of three .txt-like files, four articles each (the articles are built by hand). */
function makeCorpus(): {dir: string; cacheDir: string; articles: () => Article[]} {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-cache-test-'));
	roots.push(root);
	const dir = path.join(root, 'corpus');
	fs.mkdirSync(dir);
	for (const name of ['a', 'b', 'c']) {
		fs.writeFileSync(path.join(dir, `${name}.txt`), Array.from({length: 4}, (_, i) => `${filler}${name}${i} คาซัคสถาน`).join('\n'));
	}
	const articles = () =>
		['a', 'b', 'c'].flatMap((name) => {
			const file = path.join(dir, `${name}.txt`);
			return fs
				.readFileSync(file, 'utf8')
				.split('\n')
				.map((text, i): Article => ({id: `${file}#${i + 1}`, path: file, format: 'txt', title: `${name} ${i}`, text, blocks: []}));
		});
	return {dir, cacheDir: path.join(root, 'cache'), articles};
}

function runAll(articles: Article[], options: OpenIndexOptions): {index: SearchIndex; last: IndexProgress} {
	const steps = indexCorpusSteps(articles, options);
	let last: IndexProgress | undefined;
	for (;;) {
		const step = steps.next();
		if (step.done) return {index: step.value, last: last!};
		last = step.value;
	}
}

function hitsOf(index: SearchIndex, query: string): string[] {
	return search(index, query, {...SLOW_OK, limit: 100}).hits.map((h) => `${h.articleId}@${h.start}-${h.end}`);
}

const options = (cacheDir: string): OpenIndexOptions => ({cacheDir, segmentArticles: 4, stepArticles: 1});

test('the cache round-trips: a second open reuses every segment and answers the same', () => {
	const corpus = makeCorpus();
	const first = runAll(corpus.articles(), options(corpus.cacheDir));
	assert.equal(first.last.fromCache, 0);
	// One cache file per source file.
	const files = fs.readdirSync(corpus.cacheDir);
	assert.equal(files.length, 3);
	for (const name of files) assert.match(name, /^search-[0-9a-f]+\.idx$/);
	const second = runAll(corpus.articles(), options(corpus.cacheDir));
	assert.equal(second.last.fromCache, 12);
	assert.equal(second.index.indexedArticles, 12);
	for (const q of ['คาซัคสถาน', 'b2', 'ประชุม', 'คาซักสถาน']) assert.deepEqual(hitsOf(second.index, q), hitsOf(first.index, q), q);
	assert.ok(hitsOf(second.index, 'คาซัคสถาน').length === 12);
});

test('only the changed file is indexed again', () => {
	const corpus = makeCorpus();
	runAll(corpus.articles(), options(corpus.cacheDir));
	const b = path.join(corpus.dir, 'b.txt');
	fs.appendFileSync(b, '\nบทความใหม่ สวัสดี');
	const again = runAll(corpus.articles(), options(corpus.cacheDir));
	assert.equal(again.last.fromCache, 8);
	assert.deepEqual(
		search(again.index, 'สวัสดี', SLOW_OK).hits.map((h) => h.articleId),
		[`${b}#5`],
	);
	// And the refreshed cache now holds everything.
	assert.equal(runAll(corpus.articles(), options(corpus.cacheDir)).last.fromCache, 13);
});

test('a corrupt, truncated or foreign cache file is ignored and rebuilt', () => {
	const corpus = makeCorpus();
	const expected = hitsOf(openSearchIndex(corpus.articles(), options(corpus.cacheDir)), 'คาซัคสถาน');
	const file = cacheFileIn(corpus.cacheDir, path.join(corpus.dir, 'b.txt'));
	const good = fs.readFileSync(file);
	const damaged: Buffer[] = [
		good.subarray(0, Math.floor(good.length / 2)),
		Buffer.concat([good, Buffer.from('junk')]),
		Buffer.from('not a cache at all'),
		Buffer.alloc(0),
	];
	const flipped = Buffer.from(good);
	flipped[flipped.length - 10]! ^= 0xff;
	damaged.push(flipped);
	for (const bytes of damaged) {
		fs.writeFileSync(file, bytes);
		const run = runAll(corpus.articles(), options(corpus.cacheDir));
		assert.equal(run.last.fromCache, 8, 'b.txt indexed again, a.txt and c.txt from their caches');
		assert.deepEqual(hitsOf(run.index, 'คาซัคสถาน'), expected);
		// Rewritten whole: the next open uses it.
		assert.equal(runAll(corpus.articles(), options(corpus.cacheDir)).last.fromCache, 12);
	}
});

test('a cache whose articles no longer match (same file stats, other text) is not used', () => {
	const corpus = makeCorpus();
	runAll(corpus.articles(), options(corpus.cacheDir));
	const changed = corpus.articles().map((a) => ({...a, text: a.text + ' เพิ่ม'}));
	const run = runAll(changed, options(corpus.cacheDir));
	assert.equal(run.last.fromCache, 0);
});

test('no temporary files are left behind, and a leftover one does no harm', () => {
	const corpus = makeCorpus();
	runAll(corpus.articles(), options(corpus.cacheDir));
	const name = path.basename(cacheFileIn(corpus.cacheDir, path.join(corpus.dir, 'a.txt')));
	fs.writeFileSync(path.join(corpus.cacheDir, `${name}.999.dead.tmp`), 'half a cache');
	assert.equal(runAll(corpus.articles(), options(corpus.cacheDir)).last.fromCache, 12);
	assert.equal(fs.readdirSync(corpus.cacheDir).filter((f) => f.endsWith('.tmp') && !f.includes('.dead.')).length, 0);
});

test('the cache can be turned off, and its folder follows KHAO_CACHE_DIR and XDG_CACHE_HOME', () => {
	const corpus = makeCorpus();
	runAll(corpus.articles(), {cacheDir: null});
	assert.equal(fs.existsSync(corpus.cacheDir), false);
	assert.equal(defaultCacheDir({KHAO_CACHE_DIR: 'off'}), undefined);
	assert.equal(defaultCacheDir({KHAO_CACHE_DIR: '/x/y'}), '/x/y');
	assert.equal(defaultCacheDir({XDG_CACHE_HOME: '/xdg'}), path.join('/xdg', 'khao'));
	assert.equal(defaultCacheDir({}), path.join(os.homedir(), '.cache', 'khao'));
});

test('steps report progress and the index answers from what is indexed so far', () => {
	const corpus = makeCorpus();
	const steps = indexCorpusSteps(corpus.articles(), {cacheDir: null, segmentArticles: 4, stepArticles: 4});
	const seen: number[] = [];
	for (let step = steps.next(); !step.done; step = steps.next()) {
		seen.push(step.value.indexed);
		assert.equal(search(step.value.index, 'คาซัคสถาน', SLOW_OK).total, step.value.indexed);
	}
	assert.deepEqual(seen, [0, 4, 8, 12, 12]);
});

test('the asynchronous writer gives the same cache, and clears temporary files of dead writers', async () => {
	const {writeCacheAsync, writeCache, cacheFileFor, readCache, statFiles} = await import('../../source/search/cache.js');
	const {loadCorpus} = await import('../../source/corpus/index.js');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-cache-async-'));
	try {
		const file = path.join(dir, 'a.txt');
		fs.writeFileSync(file, 'ข่าวทดสอบ\n\nเนื้อหาสำหรับแคช');
		const {articles} = await loadCorpus(file);
		// The files' sizes and times go into the cache; without a cache folder they must be given.
		const index = openSearchIndex(articles, {cacheDir: null, fileStats: statFiles(articles)});
		const target = cacheFileFor(path.join(dir, 'cache'), file);
		fs.mkdirSync(path.dirname(target), {recursive: true});
		// A temporary file from a writer that no longer runs (pid 2^31-2 is never a live process here).
		const stale = `${target}.2147483646.abcd.tmp`;
		fs.writeFileSync(stale, 'half a cache');
		assert.equal(await writeCacheAsync(target, index.segments, articles), true);
		assert.equal(fs.existsSync(stale), false, 'stale temporary file removed');
		const asyncBytes = fs.readFileSync(target);
		assert.equal(writeCache(target, index.segments, articles), true);
		assert.deepEqual(fs.readFileSync(target), asyncBytes, 'same bytes as the synchronous writer');
		assert.ok(readCache(target, file, articles, statFiles(articles)).length > 0, 'readable');
	} finally {
		fs.rmSync(dir, {recursive: true, force: true});
	}
});

// ---- Reliability (issue 12): stale files, a header the checksum must cover, keys per input, and a
// cache folder or file that is anything but what khao wrote.

/** The cache file of one source file (there is one per source file). */
function cacheFileIn(cacheDir: string, source: string): string {
	const file = cacheFileFor(cacheDir, source);
	assert.ok(fs.existsSync(file), `a cache file for ${source} in ${cacheDir}`);
	return file;
}

/** Runs the steps and collects the cache warnings they give. */
function runWarned(articles: Article[], opts: OpenIndexOptions) {
	const warnings: string[] = [];
	const run = runAll(articles, {...opts, onCacheWarning: (w) => warnings.push(`${w.path}: ${w.message}`)});
	return {...run, warnings};
}

test('a file rewritten with its old size and mtime (cp -p, touch -r) is indexed again', async () => {
	const corpus = makeCorpus();
	runAll(corpus.articles(), options(corpus.cacheDir));
	const b = path.join(corpus.dir, 'b.txt');
	const reference = path.join(corpus.dir, '..', 'b-times');
	fs.copyFileSync(b, reference);
	execFileSync('touch', ['-r', b, reference]);
	// File times tick coarsely (a few ms): let the clock move on so the rewrite's ctime is a new one.
	await new Promise((resolve) => setTimeout(resolve, 50));
	fs.writeFileSync(b, fs.readFileSync(b, 'utf8').replace('b2 ', 'x9 '));
	execFileSync('touch', ['-r', reference, b]);
	const [now, then] = [fs.statSync(b, {bigint: true}), fs.statSync(reference, {bigint: true})];
	assert.equal(now.size, then.size);
	assert.equal(now.mtimeNs, then.mtimeNs, 'same size and mtime as before: only ctime tells');
	const again = runAll(corpus.articles(), options(corpus.cacheDir));
	assert.equal(again.last.fromCache, 8, 'a.txt and c.txt reused, b.txt indexed again');
	assert.deepEqual(
		search(again.index, 'x9', SLOW_OK).hits.map((h) => h.articleId),
		[`${b}#3`],
	);
	assert.deepEqual(
		search(again.index, 'b2', SLOW_OK).hits.filter((h) => h.field === 'text'),
		[],
		'the old text is gone (the title "b 2" still matches)',
	);
});

test('a file replaced by another of the same size and times (another inode) is indexed again', () => {
	const corpus = makeCorpus();
	runAll(corpus.articles(), options(corpus.cacheDir));
	const c = path.join(corpus.dir, 'c.txt');
	const swap = path.join(corpus.dir, '..', 'c-new');
	fs.writeFileSync(swap, fs.readFileSync(c, 'utf8').replace('c1 ', 'y7 '));
	execFileSync('touch', ['-r', c, swap]);
	fs.renameSync(swap, c);
	const again = runAll(corpus.articles(), options(corpus.cacheDir));
	assert.equal(again.last.fromCache, 8);
	assert.deepEqual(
		search(again.index, 'y7', SLOW_OK).hits.map((h) => h.articleId),
		[`${c}#2`],
	);
});

test('the checksum covers the header: a digest of other articles put in it is caught, not served', () => {
	const corpus = makeCorpus();
	const expected = hitsOf(openSearchIndex(corpus.articles(), options(corpus.cacheDir)), 'a1');
	const a = path.join(corpus.dir, 'a.txt');
	const file = cacheFileIn(corpus.cacheDir, a);
	const bytes = fs.readFileSync(file);
	// The header names the articles it indexed by their digest ("articles":"COUNT:HASH"): one character of the hash changed.
	const at = bytes.indexOf('"articles":"');
	assert.ok(at > 0);
	const char = at + '"articles":"'.length + 4;
	bytes[char] = bytes[char] === 0x41 ? 0x42 : 0x41;
	fs.writeFileSync(file, bytes);
	const run = runWarned(corpus.articles(), options(corpus.cacheDir));
	assert.equal(run.last.fromCache, 8);
	assert.deepEqual(hitsOf(run.index, 'a1'), expected);
	assert.equal(run.warnings.length, 1);
	assert.match(run.warnings[0]!, /^search cache: rebuilt: damaged \(bad checksum\) \(/);
});

test('two .jsonl files of one folder keep a cache each', () => {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-cache-two-'));
	roots.push(root);
	const feed = (name: string): Article[] => {
		const file = path.join(root, `${name}.jsonl`);
		fs.writeFileSync(file, `{"id":"${name}"}\n`);
		return Array.from({length: 3}, (_, i) => ({id: `${name}-${i}`, path: file, format: 'jsonl', title: `${name} ${i}`, text: `${filler}${name}${i}`, blocks: []}));
	};
	const [first, second] = [feed('one'), feed('two')];
	const cacheDir = path.join(root, 'cache');
	runAll(first, options(cacheDir));
	runAll(second, options(cacheDir));
	assert.equal(runAll(first, options(cacheDir)).last.fromCache, 3);
	assert.equal(runAll(second, options(cacheDir)).last.fromCache, 3);
	// Both files at once (the folder): each file's cache serves, nothing is written again.
	const before = fs.readdirSync(cacheDir).map((name) => fs.statSync(path.join(cacheDir, name)).mtimeMs);
	assert.equal(runAll([...first, ...second], options(cacheDir)).last.fromCache, 6);
	assert.deepEqual(
		fs.readdirSync(cacheDir).map((name) => fs.statSync(path.join(cacheDir, name)).mtimeMs),
		before,
	);
	assert.equal(runAll(first, options(cacheDir)).last.fromCache, 3);
	assert.equal(fs.readdirSync(cacheDir).length, 2);
});

test('a cache file that is a FIFO, a link to /dev/zero, a folder or absurdly large is not read; said once', () => {
	const corpus = makeCorpus();
	const expected = hitsOf(openSearchIndex(corpus.articles(), options(corpus.cacheDir)), 'คาซัคสถาน');
	const file = cacheFileIn(corpus.cacheDir, path.join(corpus.dir, 'c.txt'));
	const cases: [string, () => void, RegExp][] = [
		['FIFO', () => execFileSync('mkfifo', [file]), /not used: not a regular file/],
		['link to /dev/zero', () => fs.symlinkSync('/dev/zero', file), /not used: a symbolic link, not followed/],
		[
			'link to a good cache',
			() => {
				fs.copyFileSync(path.join(corpus.cacheDir, 'good'), path.join(corpus.cacheDir, 'elsewhere'));
				fs.symlinkSync(path.join(corpus.cacheDir, 'elsewhere'), file);
			},
			/not used: a symbolic link, not followed/,
		],
		['folder', () => fs.mkdirSync(file), /not used: not a regular file/],
		[
			'too large',
			() => {
				fs.writeFileSync(file, 'KHAOIDX3');
				fs.truncateSync(file, 2 ** 40);
			},
			/not used: too large for this corpus/,
		],
	];
	fs.renameSync(file, path.join(corpus.cacheDir, 'good'));
	for (const [what, make, message] of cases) {
		make();
		// Each run reads the odd file, builds the index and writes a good cache over it (a folder cannot be replaced).
		const run = runWarned(corpus.articles(), options(corpus.cacheDir));
		assert.equal(run.last.fromCache, 8, what);
		assert.deepEqual(hitsOf(run.index, 'คาซัคสถาน'), expected, what);
		assert.equal(run.warnings.length, 1, `${what}: one warning, got ${run.warnings.join(' | ')}`);
		assert.match(run.warnings[0]!, message, what);
		fs.rmSync(file, {recursive: true, force: true});
		fs.rmSync(path.join(corpus.cacheDir, 'elsewhere'), {force: true});
	}
});

test('a cache folder under a regular file or under /proc means no cache, said once, at once', () => {
	const corpus = makeCorpus();
	const expected = hitsOf(openSearchIndex(corpus.articles(), {cacheDir: null}), 'คาซัคสถาน');
	const blocker = path.join(corpus.dir, 'a.txt');
	const folders = [path.join(blocker, 'cache'), path.join(blocker, 'deeper', 'still')];
	if (fs.existsSync('/proc/self')) folders.push('/proc/khao-test-nothing/cache', '/proc/self/khao-cache');
	for (const cacheDir of folders) {
		const run = runWarned(corpus.articles(), {...options(cacheDir)});
		assert.equal(run.last.fromCache, 0);
		assert.deepEqual(hitsOf(run.index, 'คาซัคสถาน'), expected);
		assert.equal(run.warnings.length, 1, `${cacheDir}: ${run.warnings.join(' | ')}`);
		assert.match(run.warnings[0]!, /^search cache: not (used|saved): /);
	}
});

test('the asynchronous writer reports a folder it cannot make instead of throwing', async () => {
	const {writeCacheAsync} = await import('../../source/search/cache.js');
	const corpus = makeCorpus();
	const articles = corpus.articles();
	const index = openSearchIndex(articles, {cacheDir: null});
	const warnings: string[] = [];
	const ok = await writeCacheAsync(path.join(corpus.dir, 'a.txt', 'x', 'search.idx'), index.segments, articles, (w) => warnings.push(w.message));
	assert.equal(ok, false);
	assert.equal(warnings.length, 1);
	assert.match(warnings[0]!, /its folder is unusable: a path component is not a folder/);
});

test('a cache read whole is read and checked a bounded number of bytes a step, with the segments read at once', () => {
	const corpus = makeCorpus();
	const articles = corpus.articles();
	runAll(articles, options(corpus.cacheDir));
	const source = articles[0]!.path;
	const file = cacheFileFor(corpus.cacheDir, source);
	const size = fs.statSync(file).size;
	const stepBytes = 256;
	const reads = mock.method(fs, 'readSync');
	let yields = 0;
	let segments;
	try {
		const steps = readCacheSteps(file, source, articles, statFiles(articles), undefined, undefined, stepBytes);
		let step = steps.next();
		for (; !step.done; step = steps.next()) yields++;
		segments = step.value;
	} finally {
		reads.mock.restore();
	}
	for (const call of reads.mock.calls) assert.ok(((call.arguments as unknown[])[3] as number) <= stepBytes);
	// Read a step per stepBytes (then summed a step per block, and a step per segment).
	assert.ok(size > 4 * stepBytes && yields >= Math.ceil(size / stepBytes) - 1, `${yields} steps for ${size} bytes`);
	assert.equal(segments.length, 1);
	assert.deepEqual(segments, readCache(file, source, articles, statFiles(articles)));
});
