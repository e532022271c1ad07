// The reader's search cache, written as the worker pool's segments arrive: the same bytes as
// `khao --index` writes, the index holding no folded text while it is written (a large corpus),
// the file put together in bounded steps, and a corpus that changes between runs cached again.
import {after, mock, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type {Article} from '../../source/corpus/types.js';
import {buildSearchCaches} from '../../source/search/build-cache.js';
import {cacheFileFor, statFiles} from '../../source/search/cache.js';
import {encodeCache} from '../../source/search/cache-format.js';
import {FLUSH_BYTES, SearchCacheWriter} from '../../source/search/cache-writer.js';
import {CacheStream} from '../../source/search/cache-stream.js';
import {DiskSegment} from '../../source/search/disk-segment.js';
import {search} from '../../source/search/search.js';
import {SearchIndex, SearchIndexBuilder} from '../../source/search/search-index.js';
import {BackgroundIndexer, type BackgroundOptions} from '../../source/ui/background.js';
import {searchSafely} from '../../source/ui/search-safely.js';
import {SLOW_OK} from '../search/helpers.js';
import {staticLoad} from './helpers.js';

const roots: string[] = [];
after(() => {
	for (const root of roots) fs.rmSync(root, {recursive: true, force: true});
});

const WORDS = ['บ่อน้ำพุร้อนกลางหุบเขา', 'สหกรณ์ผู้เลี้ยงโคนม', 'Harbour Street Library', 'เรือข้ามฟากเที่ยวสุดท้าย', 'ศูนย์เด็กเล็กประจำตำบล', 'แปลงผักปลอดสารพิษ'];

/** Two .jsonl files of `perFile` articles written here; `articles()` reads them as the corpus is now. */
function makeCorpus(perFile: number): {root: string; cacheDir: string; files: string[]; write(extra?: number): void; articles(): Article[]} {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-reader-cache-test-'));
	roots.push(root);
	const files = ['east', 'west'].map((name) => path.join(root, `${name}.jsonl`));
	const records = (file: string, count: number) =>
		Array.from({length: count}, (_, i) => {
			const body = Array.from({length: 12}, (_, k) => `${WORDS[(i + k) % WORDS.length]} รายงานที่ ${i} บท ${k} ของ${path.basename(file, '.jsonl')}`).join(' ');
			return {id: `${path.basename(file)}-${i}`, title: `ข่าว ${i}`, body};
		});
	/** Writes the first file with `extra` more articles (the second is written once only: it stays unchanged). */
	const write = (extra = 0) => {
		for (const file of extra === 0 ? files : files.slice(0, 1)) {
			const count = perFile + (file === files[0] ? extra : 0);
			fs.writeFileSync(
				file,
				records(file, count)
					.map((r) => JSON.stringify(r))
					.join('\n'),
			);
		}
	};
	write();
	const articles = () =>
		files.flatMap((file) =>
			fs
				.readFileSync(file, 'utf8')
				.split('\n')
				.map((line): Article => {
					const r = JSON.parse(line) as {id: string; title: string; body: string};
					return {id: r.id, path: file, format: 'jsonl', title: r.title, text: r.body, blocks: []};
				}),
		);
	return {root, cacheDir: path.join(root, 'cache'), files, write, articles};
}

/** What `khao --index` writes for these articles into `cacheDir`. */
function indexAhead(articles: Article[], cacheDir: string, segmentArticles: number, batchChars?: number): void {
	const steps = buildSearchCaches(articles, {cacheDir, segmentArticles, ...(batchChars ? {batchChars} : {})});
	while (!steps.next().done);
}

const QUERIES = ['สหกรณ์', 'harbour street', 'เรือข้ามฟาก', 'รายงานที่ 7', 'แปลงผัก ปลอดสาร'];
const hitsOf = (index: SearchIndex) => QUERIES.map((q) => search(index, q, {...SLOW_OK, limit: 80}).hits.map((h) => `${h.articleId}@${h.start}-${h.end}:${h.kind}`));

const readerOptions = (cacheDir: string, diskChars: number, batchChars?: number): BackgroundOptions => ({
	search: {cacheDir, segmentArticles: 7},
	poolChars: 0,
	diskChars,
	...(batchChars ? {batchChars} : {}),
});

for (const [where, diskChars, batchChars] of [
	['searched on disk', 0, undefined],
	['held in memory', Infinity, undefined],
	['searched on disk, batches cut by their text', 0, 1500],
] as const) {
	test(`the reader's search cache (index ${where}) is byte for byte what --index writes`, {timeout: 120_000}, async () => {
		const corpus = makeCorpus(40);
		const articles = corpus.articles();
		// Seven articles (a segment's worth) are more text than a batch holds: the text cuts them.
		if (batchChars) assert.ok(articles.every((a) => a.text.length * 7 > batchChars));
		const indexer = new BackgroundIndexer(staticLoad(articles), readerOptions(corpus.cacheDir, diskChars, batchChars));
		await indexer.start();
		assert.ok(indexer.state.searchDone && !indexer.state.problem && !indexer.state.cacheWarning, JSON.stringify(indexer.state.cacheWarning));
		const ahead = path.join(corpus.root, 'ahead');
		indexAhead(articles, ahead, 7, batchChars);
		for (const file of corpus.files) {
			const reader = fs.readFileSync(cacheFileFor(corpus.cacheDir, file));
			assert.ok(reader.equals(fs.readFileSync(cacheFileFor(ahead, file))), `${path.basename(file)}: ${reader.byteLength} bytes differ`);
		}
		// Held as it should be once written: on disk for a large corpus, in memory for a small one.
		const segments = indexer.state.search!.segments;
		assert.equal(
			segments.every((s) => s instanceof DiskSegment),
			diskChars === 0,
		);
		indexer.stop();
	});
}

test(
	'a large corpus holds no segment in memory while its cache is written (each is searched in the scratch files), and answers as an index in memory',
	{timeout: 120_000},
	async () => {
		const corpus = makeCorpus(40);
		const articles = corpus.articles();
		const inMemory = new BackgroundIndexer(staticLoad(articles), {search: {cacheDir: null, segmentArticles: 7}, poolChars: Infinity});
		await inMemory.start();
		const expected = hitsOf(inMemory.state.search!);
		const indexer = new BackgroundIndexer(staticLoad(articles), readerOptions(corpus.cacheDir, 0));
		let looked = 0;
		let held = 0;
		const partial: string[][][] = [];
		indexer.onUpdate(() => {
			const index = indexer.state.search;
			if (!index || indexer.state.searchDone) return;
			for (const segment of index.segments) {
				looked++;
				// Its postings and text are read from the scratch files when searched, as a reopen reads the file.
				if (!(segment instanceof DiskSegment)) held++;
			}
			if (index.complete) partial.push(hitsOf(index));
		});
		await indexer.start();
		assert.ok(looked > 0, 'segments were seen while indexing');
		assert.equal(held, 0, 'segments held in memory while indexing');
		assert.ok(partial.length > 0, 'the whole index was searched before its cache was in place');
		for (const hits of partial) assert.deepEqual(hits, expected);
		assert.deepEqual(hitsOf(indexer.state.search!), expected);
		indexer.stop();
	},
);

test('the cache file is put together a chunk per step: the steps grow with its size, the bytes are those of the whole encoding', async () => {
	const corpus = makeCorpus(30);
	const articles = corpus.articles().filter((a) => a.path === corpus.files[0]);
	const builder = new SearchIndexBuilder({fileStats: statFiles(articles), segmentArticles: 6});
	builder.add(articles);
	const {segments} = builder.finish();
	const whole = Buffer.concat(encodeCache(segments, articles));
	const file = path.join(corpus.cacheDir, 'steps.idx');
	const writer = new SearchCacheWriter(file);
	for (const segment of segments) writer.add(segment, articles);
	const payload = writer.spilledBytes;
	const chunk = 4096;
	let pauses = 0;
	await writer.finishAsync(async () => {
		pauses++;
	}, chunk);
	writer.abort();
	assert.ok(fs.readFileSync(file).equals(whole), 'same bytes');
	// One pause per chunk summed: no step sums more than `chunk` bytes.
	assert.ok(pauses >= Math.floor(payload / chunk), `${pauses} pauses for ${payload} bytes`);
});

test('a segment is spilled in steps of bounded text, written off the UI thread in bounded writes, and searched the same', async () => {
	const corpus = makeCorpus(20);
	const articles = corpus.articles().filter((a) => a.path === corpus.files[0]);
	const built = new SearchIndexBuilder({fileStats: statFiles(articles), segmentArticles: 20});
	built.add(articles);
	const [segment] = built.finish().segments;
	const expected = Array.from({length: segment!.ordinals.length}, (_, i) => segment!.folded[i]!);
	const units = expected.reduce((sum, text) => sum + text.length, 0);
	const stepUnits = 2000;
	const writer = new SearchCacheWriter(path.join(corpus.cacheDir, 'spill.idx'));
	const syncWrites = mock.method(fs, 'writeSync');
	const writes = mock.method(fs, 'write');
	let pauses = 0;
	let spilled;
	try {
		spilled = await writer.spill(
			segment!,
			articles,
			async () => {
				pauses++;
			},
			stepUnits,
		);
	} finally {
		syncWrites.mock.restore();
		writes.mock.restore();
	}
	assert.ok(spilled instanceof DiskSegment);
	// Scanned, then encoded, about stepUnits of text between pauses: no step grows with the segment.
	assert.ok(pauses >= 2 * Math.floor(units / (stepUnits + 500)), `${pauses} pauses for ${units} units`);
	assert.equal(syncWrites.mock.callCount(), 0, 'no write on the calling thread');
	assert.ok(writes.mock.callCount() > 0);
	for (const call of writes.mock.calls) assert.ok(((call.arguments as unknown[])[3] as number) <= FLUSH_BYTES);
	assert.deepEqual(
		Array.from({length: expected.length}, (_, i) => spilled.folded[i]),
		expected,
	);
	writer.abort();
});

test('a segment the index keeps in memory is written to its cache in steps too, off the UI thread, the bytes those of the whole encoding', async () => {
	const corpus = makeCorpus(20);
	const articles = corpus.articles().filter((a) => a.path === corpus.files[0]);
	const index = new SearchIndex();
	index.register(articles);
	const built = new SearchIndexBuilder({fileStats: statFiles(articles), segmentArticles: 10});
	built.add(articles);
	const {segments} = built.finish();
	const units = segments.reduce((sum, segment) => sum + Array.from({length: segment.ordinals.length}, (_, i) => segment.folded[i]!.length).reduce((a, b) => a + b, 0), 0);
	const stream = new CacheStream({cacheDir: corpus.cacheDir, articles, index, dirty: new Set([corpus.files[0]!]), spill: false, warn: () => {}, stepUnits: 2000});
	const syncWrites = mock.method(fs, 'writeSync');
	let pauses = 0;
	const pause = async () => {
		pauses++;
	};
	try {
		for (const segment of segments) assert.equal(await stream.add(segment, pause), segment, 'kept as it is');
	} finally {
		syncWrites.mock.restore();
	}
	assert.equal(syncWrites.mock.callCount(), 0, 'no write on the calling thread');
	// Scanned, then encoded, about 2,000 units of text between pauses: no step grows with the segment.
	assert.ok(pauses >= 2 * Math.floor(units / 2500), `${pauses} pauses for ${units} units in ${segments.length} segments`);
	assert.ok(await stream.finish(pause));
	stream.close();
	assert.ok(fs.readFileSync(cacheFileFor(corpus.cacheDir, corpus.files[0]!)).equals(Buffer.concat(encodeCache(segments, articles))), 'same bytes');
});

test('a spilled segment whose scratch file is gone makes a search say so in one note, not crash', async () => {
	const corpus = makeCorpus(10);
	const articles = corpus.articles();
	const index = new SearchIndex();
	index.register(articles);
	const built = new SearchIndexBuilder({fileStats: statFiles(articles), segmentArticles: 5});
	built.add(articles);
	const stream = new CacheStream({cacheDir: corpus.cacheDir, articles, index, dirty: new Set(corpus.files), spill: true, warn: () => {}});
	for (const segment of built.finish().segments) index.addSegment(await stream.add(segment, async () => {}));
	stream.close();
	const result = searchSafely(index, 'สหกรณ์', SLOW_OK);
	assert.equal(result.hits.length, 0);
	assert.equal(result.notes?.length, 1);
	assert.match(result.notes![0]!, /search cache .* open khao again/);
});

test(
	'the reader keeps working on a corpus that changes between runs: the changed file is indexed again, its cache as --index writes it',
	{timeout: 120_000},
	async () => {
		const corpus = makeCorpus(30);
		const first = new BackgroundIndexer(staticLoad(corpus.articles()), readerOptions(corpus.cacheDir, 0));
		await first.start();
		first.stop();
		corpus.write(9);
		const articles = corpus.articles();
		const again = new BackgroundIndexer(staticLoad(articles), readerOptions(corpus.cacheDir, 0));
		await again.start();
		assert.ok(again.state.searchDone && again.state.search!.complete);
		// The unchanged file came from its cache, the other was indexed again.
		assert.equal(again.state.searchFromCache, articles.filter((a) => a.path === corpus.files[1]).length);
		const inMemory = new BackgroundIndexer(staticLoad(articles), {search: {cacheDir: null, segmentArticles: 7}, poolChars: Infinity});
		await inMemory.start();
		assert.deepEqual(hitsOf(again.state.search!), hitsOf(inMemory.state.search!));
		const ahead = path.join(corpus.root, 'ahead');
		indexAhead(articles, ahead, 7);
		assert.ok(fs.readFileSync(cacheFileFor(corpus.cacheDir, corpus.files[0]!)).equals(fs.readFileSync(cacheFileFor(ahead, corpus.files[0]!))));
		again.stop();
	},
);

test('once a large corpus is searched on disk, the segments searched while it was indexed are let go', {timeout: 120_000}, async () => {
	v8.setFlagsFromString('--expose-gc');
	const gc = vm.runInNewContext('gc') as () => void;
	const corpus = makeCorpus(40);
	const indexer = new BackgroundIndexer(staticLoad(corpus.articles()), readerOptions(corpus.cacheDir, 0));
	const built = new Set<object>();
	const refs: WeakRef<object>[] = [];
	indexer.onUpdate(() => {
		for (const segment of indexer.state.search?.segments ?? []) {
			if (built.has(segment)) continue;
			built.add(segment);
			refs.push(new WeakRef(segment));
		}
	});
	await indexer.start();
	// Those of the finished cache file stay; the ones read from the scratch files must not.
	for (const segment of indexer.state.search!.segments) built.delete(segment);
	const final = new Set<object>(indexer.state.search!.segments);
	refs.splice(0, refs.length, ...refs.filter((ref) => built.has(ref.deref()!)));
	built.clear();
	assert.ok(refs.length >= 10, `${refs.length} segments seen`);
	// A WeakRef's target is kept until the current job ends: look after a turn of the event loop.
	await new Promise((resolve) => setImmediate(resolve));
	gc();
	assert.equal(refs.filter((ref) => ref.deref() !== undefined).length, 0, 'segments of the scratch files still alive');
	assert.ok(final.size > 0);
	indexer.stop();
});
