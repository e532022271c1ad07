import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type {Article, CorpusWarning} from '../../source/corpus/types.js';
import {buildSearchCaches, type BuildCacheOptions} from '../../source/search/build-cache.js';
import {cacheFileFor} from '../../source/search/cache.js';
import {DiskSegment} from '../../source/search/disk-segment.js';
import {SearchCacheWriter} from '../../source/search/cache-writer.js';
import {openSearchIndex} from '../../source/search/open.js';
import {search} from '../../source/search/search.js';
import type {SearchIndex} from '../../source/search/search-index.js';
import type {Segment} from '../../source/search/segment.js';
import {SLOW_OK} from './helpers.js';

const roots: string[] = [];
after(() => {
	for (const root of roots) fs.rmSync(root, {recursive: true, force: true});
});

const words = ['สหกรณ์การเกษตร', 'ชาวประมงพื้นบ้าน', 'ตลาดน้ำยามเช้า', 'โรงเรียนบนดอย', 'สะพานข้ามคลอง', 'Riverside Clinic', 'ห้องสมุดชุมชน'];

/** Two files of `perFile` articles each, of sentences written here, long enough that text outweighs the headers. */
function makeCorpus(perFile: number, repeat = 3): {root: string; cacheDir: string; articles: () => Article[]} {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-build-cache-test-'));
	roots.push(root);
	for (const name of ['north', 'south']) {
		const lines = Array.from({length: perFile}, (_, i) => {
			const body = Array.from({length: repeat}, (_, r) => `${words[(i + r) % words.length]} ประชุมครั้งที่ ${i} ของ${name} เรื่องน้ำท่วมและการเก็บเกี่ยว`).join(' ');
			return body;
		});
		fs.writeFileSync(path.join(root, `${name}.txt`), lines.join('\n'));
	}
	const articles = () =>
		['north', 'south'].flatMap((name) => {
			const file = path.join(root, `${name}.txt`);
			return fs
				.readFileSync(file, 'utf8')
				.split('\n')
				.map((text, i): Article => ({id: `${file}#${i + 1}`, path: file, format: 'txt', title: `${name} ${i}`, text, blocks: []}));
		});
	return {root, cacheDir: path.join(root, 'cache'), articles};
}

function runAll(articles: Article[], options: BuildCacheOptions) {
	const steps = buildSearchCaches(articles, options);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

const hitsOf = (index: SearchIndex, query: string) => search(index, query, {...SLOW_OK, limit: 100}).hits.map((h) => `${h.articleId}@${h.start}-${h.end}`);

test('a cache written a segment at a time is byte for byte the one written from the whole index', () => {
	const corpus = makeCorpus(23);
	const articles = corpus.articles();
	const whole = path.join(corpus.root, 'whole');
	openSearchIndex(articles, {cacheDir: whole, segmentArticles: 5});
	const done = runAll(articles, {cacheDir: corpus.cacheDir, segmentArticles: 5});
	assert.deepEqual(done, {processed: articles.length, total: articles.length, fromCache: 0});
	for (const source of new Set(articles.map((a) => a.path))) {
		const streamed = fs.readFileSync(cacheFileFor(corpus.cacheDir, source));
		assert.ok(streamed.byteLength > 10_000);
		assert.ok(streamed.equals(fs.readFileSync(cacheFileFor(whole, source))), `${source}: the same bytes`);
	}
	// No scratch file is left beside the caches.
	assert.deepEqual(
		fs.readdirSync(corpus.cacheDir).filter((name) => name.endsWith('.tmp')),
		[],
	);
	// And the caches answer as the index built in memory does, searched on disk.
	const fresh = openSearchIndex(articles, {cacheDir: null});
	const onDisk = openSearchIndex(articles, {cacheDir: corpus.cacheDir, onDisk: true});
	assert.equal(onDisk.indexedArticles, articles.length);
	for (const query of ['สหกรณ์', 'ชาวประมง', 'riverside', 'ประชุม 7']) assert.deepEqual(hitsOf(onDisk, query), hitsOf(fresh, query), query);
});

test('building the caches keeps no sealed segment: each is let go once written', async () => {
	v8.setFlagsFromString('--expose-gc');
	const gc = vm.runInNewContext('gc') as () => void;
	const corpus = makeCorpus(60);
	const articles = corpus.articles();
	const sealed: WeakRef<Segment>[] = [];
	const steps = buildSearchCaches(articles, {cacheDir: corpus.cacheDir, segmentArticles: 4, stepArticles: 4, onSealed: (s) => sealed.push(new WeakRef(s))});
	let most = 0;
	for (let step = steps.next(); !step.done; step = steps.next()) {
		// A WeakRef's target is kept until the current job ends: look after a turn of the event loop.
		await new Promise((resolve) => setImmediate(resolve));
		gc();
		most = Math.max(most, sealed.filter((ref) => ref.deref() !== undefined).length);
	}
	assert.ok(sealed.length >= 30, `${sealed.length} segments sealed`);
	// The whole index held until written would keep all of them.
	assert.ok(most <= 1, `${most} sealed segments alive at once`);
});

test('the writer keeps only the headers in memory: the payload is on disk', () => {
	const corpus = makeCorpus(40, 12);
	const articles = corpus.articles();
	const index = openSearchIndex(articles, {cacheDir: null, segmentArticles: 5});
	fs.mkdirSync(corpus.cacheDir);
	const writer = new SearchCacheWriter(path.join(corpus.cacheDir, 'one.idx'));
	// Fed only the first file's segments, as buildSearchCaches does.
	for (const segment of index.segments.filter((s) => articles[s.ordinals[0]!]!.path === articles[0]!.path)) {
		writer.add({...segment, files: [{path: articles[0]!.path, size: 1, stamp: 's'}]}, articles);
	}
	assert.equal(writer.segments, 8);
	assert.ok(writer.spilledBytes > 50_000, `${writer.spilledBytes} bytes spilled`);
	writer.finish();
	const file = fs.readFileSync(path.join(corpus.cacheDir, 'one.idx'));
	// Lead, header and block table, then exactly what was spilled.
	assert.ok(file.byteLength > writer.spilledBytes && file.byteLength < writer.spilledBytes + 20_000);
});

test('a second run finds every file cached and writes nothing; a changed or damaged file is rebuilt alone', () => {
	const corpus = makeCorpus(12);
	const articles = corpus.articles();
	runAll(articles, {cacheDir: corpus.cacheDir, segmentArticles: 5});
	const [north, south] = [...new Set(articles.map((a) => a.path))].map((source) => cacheFileFor(corpus.cacheDir, source));
	const inode = (file: string) => fs.statSync(file).ino;
	const before = [inode(north!), inode(south!)];
	assert.deepEqual(runAll(corpus.articles(), {cacheDir: corpus.cacheDir, segmentArticles: 5}), {processed: 24, total: 24, fromCache: 24});
	assert.deepEqual([inode(north!), inode(south!)], before);

	// A damaged byte in the payload: found, said once, rebuilt; the other file stays.
	const bytes = fs.readFileSync(north!);
	bytes[bytes.byteLength - 10] = bytes[bytes.byteLength - 10]! ^ 0xff;
	fs.writeFileSync(north!, bytes);
	const warnings: CorpusWarning[] = [];
	const again = runAll(corpus.articles(), {cacheDir: corpus.cacheDir, segmentArticles: 5, onCacheWarning: (w) => warnings.push(w)});
	assert.equal(again.fromCache, 12);
	assert.equal(warnings.length, 1);
	assert.match(warnings[0]!.message, /rebuilt: damaged/);
	assert.equal(inode(south!), before[1]);
	const onDisk = openSearchIndex(corpus.articles(), {cacheDir: corpus.cacheDir, onDisk: true});
	assert.equal(onDisk.indexedArticles, 24);
	assert.ok(hitsOf(onDisk, 'ตลาดน้ำ').length > 0);
});

test('a cache folder that cannot be written: one warning, no throw, every article counted', () => {
	const corpus = makeCorpus(6);
	fs.writeFileSync(corpus.cacheDir, 'a file where the folder should be');
	const warnings: CorpusWarning[] = [];
	const done = runAll(corpus.articles(), {cacheDir: corpus.cacheDir, onCacheWarning: (w) => warnings.push(w)});
	assert.deepEqual(done, {processed: 12, total: 12, fromCache: 0});
	assert.equal(warnings.length, 1);
	assert.match(warnings[0]!.message, /not (saved|used)/);
});

test('a cold search on disk writes the caches a segment at a time first, then searches them where they lie', () => {
	const corpus = makeCorpus(17);
	const articles = corpus.articles();
	const warnings: CorpusWarning[] = [];
	const index = openSearchIndex(articles, {cacheDir: corpus.cacheDir, onDisk: true, segmentArticles: 5, onCacheWarning: (w) => warnings.push(w)});
	assert.deepEqual(warnings, []);
	assert.equal(index.indexedArticles, articles.length);
	assert.ok(index.segments.length >= 6 && index.segments.every((s) => s instanceof DiskSegment));
	const fresh = openSearchIndex(articles, {cacheDir: null});
	for (const query of ['โรงเรียน', 'สะพาน ข้าม', 'clinic']) assert.deepEqual(hitsOf(index, query), hitsOf(fresh, query), query);
	// Stdin's articles have no cache: indexed in memory beside the files on disk.
	const piped: Article = {id: 'stdin#1', path: '-', format: 'txt', title: 'piped', text: 'โรงเรียนริมน้ำ', blocks: []};
	const mixed = openSearchIndex([...articles, piped], {cacheDir: corpus.cacheDir, onDisk: true, segmentArticles: 5});
	assert.equal(mixed.indexedArticles, articles.length + 1);
	assert.ok(hitsOf(mixed, 'โรงเรียนริมน้ำ').includes('stdin#1@0-14'));
});
