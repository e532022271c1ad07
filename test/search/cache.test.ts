import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Article} from '../../source/corpus/types.js';
import {defaultCacheDir} from '../../source/search/cache.js';
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
	const files = fs.readdirSync(corpus.cacheDir);
	assert.equal(files.length, 1);
	assert.match(files[0]!, /^search-[0-9a-f]+\.idx$/);
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
	const file = path.join(corpus.cacheDir, fs.readdirSync(corpus.cacheDir)[0]!);
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
		assert.equal(run.last.fromCache, 0);
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
	const [name] = fs.readdirSync(corpus.cacheDir);
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
		const target = cacheFileFor(path.join(dir, 'cache'), articles)!;
		fs.mkdirSync(path.dirname(target), {recursive: true});
		// A temporary file from a writer that no longer runs (pid 2^31-2 is never a live process here).
		const stale = `${target}.2147483646.abcd.tmp`;
		fs.writeFileSync(stale, 'half a cache');
		assert.equal(await writeCacheAsync(target, index.segments, articles), true);
		assert.equal(fs.existsSync(stale), false, 'stale temporary file removed');
		const asyncBytes = fs.readFileSync(target);
		assert.equal(writeCache(target, index.segments, articles), true);
		assert.deepEqual(fs.readFileSync(target), asyncBytes, 'same bytes as the synchronous writer');
		assert.ok(readCache(target, articles, statFiles(articles)).length > 0, 'readable');
	} finally {
		fs.rmSync(dir, {recursive: true, force: true});
	}
});
