// The worker pool: batches of articles indexed in worker threads give the index the UI thread
// would build itself; a job that fails is one line and the others go on; the reader's indexer
// reports progress by batch, writes the cache per file, and reads it back next time.
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Article} from '../../source/corpus/types.js';
import {search} from '../../source/search/search.js';
import {SearchIndex} from '../../source/search/search-index.js';
import {BackgroundIndexer, searchBatches} from '../../source/ui/background.js';
import {compilerFlag, defaultPoolSize, INLINING_BUDGET, WorkerPool} from '../../source/workers/pool.js';
import {indexedArticle, searchJob, type SearchBatch} from '../../source/workers/search-job.js';
import {detectJob} from '../../source/workers/detect-job.js';
import {detectMentions} from '../../source/entities/find-mentions.js';
import {type MentionColumns, decodeArticle} from '../../source/entities/mention-codec.js';
import {jobFunction} from '../../source/workers/registry.js';
import {sharedTagger} from '../../source/entities/model/load.js';
import {staticLoad} from '../ui/helpers.js';
import {DiskSegment} from '../../source/search/disk-segment.js';
import {searchSafely} from '../../source/ui/search-safely.js';
import {SLOW_OK} from '../search/helpers.js';
import {bigThaiText} from '../reliability/big-text.js';

const roots: string[] = [];
after(() => {
	for (const root of roots) fs.rmSync(root, {recursive: true, force: true});
});

const PHRASES = ['คณะกรรมการพิจารณางบประมาณ', 'โรงพยาบาลส่งเสริมสุขภาพตำบล', 'ถนนเลียบคลองชลประทาน', 'การประมงชายฝั่ง', 'Kuala Lumpur', 'ตลาดน้ำยามเย็น'];

/** Three files of `perFile` articles (written to disk, so that their caches can be keyed). */
function makeCorpus(perFile: number): {cacheDir: string; articles: Article[]} {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-pool-test-'));
	roots.push(root);
	const articles: Article[] = [];
	for (const name of ['one', 'two', 'three']) {
		const file = path.join(root, `${name}.jsonl`);
		for (let i = 0; i < perFile; i++) {
			const text = Array.from({length: 30}, (_, k) => `${PHRASES[(i + k * 5) % PHRASES.length]} ลำดับ ${name}${(i * k) % 17}`).join(' ');
			articles.push({id: `${name}-${i}`, path: file, format: 'jsonl', title: `${name} ข่าว ${i}`, text, blocks: []});
		}
		fs.writeFileSync(
			file,
			articles
				.filter((a) => a.path === file)
				.map((a) => JSON.stringify({id: a.id, title: a.title, body: a.text}))
				.join('\n'),
		);
	}
	return {cacheDir: path.join(root, 'cache'), articles};
}

const QUERIES = ['งบประมาณ', 'โรงพยาบาล', 'kuala lumpur', 'ชลประธาน', 'ลำดับ two5', 'ตลาดน้ำ ยามเย็น'];
const hitsOf = (index: SearchIndex) => QUERIES.map((q) => search(index, q, {...SLOW_OK, limit: 60}).hits.map((h) => `${h.articleId}@${h.start}-${h.end}:${h.kind}`));

test('the pool has one worker a core, at most four', () => {
	const size = defaultPoolSize();
	assert.ok(size >= 1 && size <= 4 && size <= os.availableParallelism(), String(size));
});

test("the pool lowers V8's inlining budget unless node was started with one", () => {
	assert.equal(compilerFlag([]), `--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET}`);
	assert.ok(INLINING_BUDGET < 920, "below V8's default");
	// Another inlining flag, or node's own options, leave the budget to the pool.
	assert.equal(compilerFlag(['--max-inlined-bytecode-size=100', '--import', 'tsx']), `--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET}`);
	assert.equal(compilerFlag(['--max-inlined-bytecode-size-cumulative=500']), undefined);
	assert.equal(compilerFlag(['--max_inlined_bytecode_size_cumulative', '500']), undefined);
});

test('batches indexed by two workers give the same answers as the index built in one thread', {timeout: 120_000}, async () => {
	const {articles} = makeCorpus(24);
	const single = new SearchIndex();
	const built = new BackgroundIndexer(staticLoad(articles), {search: {cacheDir: null, segmentArticles: 10}, poolChars: Infinity});
	await built.start();
	const pool = new WorkerPool({size: 2});
	try {
		const batches = searchBatches(articles, single, new Map(), 10);
		// Batches never span files, and hold a segment's worth.
		assert.ok(batches.every((b) => new Set(b.articles.map((a) => a.path)).size === 1 && b.ordinals.length <= 10));
		assert.equal(batches.length, 9);
		single.register(articles);
		const results = await Promise.all(batches.map((batch) => pool.run(searchJob, batch)));
		for (const segments of results) for (const segment of segments) single.addSegment(segment);
		assert.equal(single.indexedArticles, articles.length);
		assert.deepEqual(hitsOf(single), hitsOf(built.state.search!));
	} finally {
		pool.stop();
	}
});

test('a job that fails rejects with one line; the pool goes on with the others', {timeout: 120_000}, async () => {
	const {articles} = makeCorpus(4);
	const pool = new WorkerPool({size: 1});
	try {
		const good = searchBatches(articles, new SearchIndex(), new Map());
		const bad = {ordinals: [0], articles: null, stats: []} as unknown as SearchBatch;
		const [failed, ok] = await Promise.allSettled([pool.run(searchJob, bad), pool.run(searchJob, good[0]!)]);
		assert.equal(failed.status, 'rejected');
		assert.doesNotMatch(String((failed as PromiseRejectedResult).reason.message), /\n/);
		assert.equal(ok.status, 'fulfilled');
		assert.equal((ok as PromiseFulfilledResult<unknown[]>).value.length, 1);
	} finally {
		pool.stop();
	}
});

test('the reader indexes in the pool with progress by batch, saves a cache per file, and reads it back', {timeout: 120_000}, async () => {
	const {cacheDir, articles} = makeCorpus(30);
	const options = {search: {cacheDir, segmentArticles: 10, saveCache: undefined}, poolChars: 0};
	const indexer = new BackgroundIndexer(staticLoad(articles), options);
	const seen: number[] = [];
	indexer.onUpdate(() => seen.push(indexer.state.searchIndexed));
	await indexer.start();
	const first = indexer.state;
	assert.ok(first.searchDone && first.entitiesDone && !first.problem, JSON.stringify(first.problem));
	assert.equal(first.search!.indexedArticles, articles.length);
	const steps = [...new Set(seen)];
	// How many batches land between two updates depends on the machine's load: ask only that progress
	// shows before the end, by whole batches, and ends at the total.
	assert.ok(
		steps.some((n) => n > 0 && n < articles.length),
		`progress before the end: ${steps.join(', ')}`,
	);
	assert.ok(
		steps.every((n) => n % 10 === 0 || n === articles.length),
		`whole batches: ${steps.join(', ')}`,
	);
	assert.equal(steps.at(-1), articles.length);
	assert.deepEqual(
		steps,
		[...steps].sort((a, b) => a - b),
		'progress only grows',
	);
	// The pool's index answers as the one built in slices.
	const sliced = new BackgroundIndexer(staticLoad(articles), {search: {cacheDir: null, segmentArticles: 10}, poolChars: Infinity});
	await sliced.start();
	assert.deepEqual(hitsOf(first.search!), hitsOf(sliced.state.search!));
	// One cache file a source file, written without blocking; the next opening reads them.
	for (let i = 0; i < 100 && fs.readdirSync(cacheDir).filter((n) => n.endsWith('.idx')).length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 50));
	assert.equal(fs.readdirSync(cacheDir).filter((n) => n.endsWith('.idx')).length, 3);
	const again = new BackgroundIndexer(staticLoad(articles), options);
	await again.start();
	assert.equal(first.searchFromCache, 0);
	assert.equal(again.state.searchFromCache, articles.length);
	assert.deepEqual(hitsOf(again.state.search!), hitsOf(first.search!));
});

test('entity detection is a job of the same pool: its mentions are those detected on this thread', {timeout: 120_000}, async () => {
	const articles: Article[] = [
		{id: 'a', path: 'a', format: 'txt', title: 'a', text: 'นายสมปอง รักษ์ดี เดินทางไปประเทศญี่ปุ่น พร้อมกับนายสมปองและคณะ', blocks: []},
		{id: 'b', path: 'b', format: 'txt', title: 'b', text: 'องค์การบริหารส่วนตำบลหนองบัว (อบต.หนองบัว) ร่วมกับ Global Water Partnership (GWP)', blocks: []},
	];
	const pool = new WorkerPool({size: 1, background: false});
	try {
		const columns = await pool.run(detectJob, {articles: articles.map(indexedArticle), rulesOnly: sharedTagger() === null});
		const expected = articles.map((a) => detectMentions(a));
		assert.ok(expected.flat().length >= 4, 'the texts have names');
		assert.deepEqual(
			articles.map((_, i) => decodeArticle(columns, i)),
			expected,
		);
		// The search index's jobs run in the same workers.
		assert.equal((await pool.run(searchJob, {ordinals: [0], articles: [indexedArticle(articles[0]!)], stats: []})).length, 1);
	} finally {
		pool.stop();
	}
});

test('the detection job copies its columns back: a worker detaches no buffer (V8 would drop its optimised code)', async () => {
	const run = jobFunction(detectJob.name);
	assert.ok(run !== undefined);
	const article: Article = {id: 'a', path: 'a', format: 'txt', title: 'a', text: 'นายสมปอง รักษ์ดี เดินทางไปจังหวัดลำปาง', blocks: []};
	const result = await run({articles: [indexedArticle(article)], rulesOnly: sharedTagger() === null});
	assert.equal(result.transfer?.length ?? 0, 0);
	assert.ok(decodeArticle(result.output as MentionColumns, 0).length >= 1);
});

test('a pool given the built bundle runs its jobs there, with the same mentions (npm test builds it first)', {timeout: 120_000}, async (t) => {
	const bundle = new URL('../../dist/cli.js', import.meta.url);
	if (!fs.existsSync(bundle)) {
		t.skip('no dist/cli.js');
		return;
	}
	const articles: Article[] = [{id: 'a', path: 'a', format: 'txt', title: 'a', text: 'นายสมปอง รักษ์ดี ผู้ว่าราชการจังหวัดลำปาง ร่วมกับกรมทางหลวงชนบท', blocks: []}];
	const pool = new WorkerPool({size: 1, background: false, script: bundle});
	try {
		const columns = await pool.run(detectJob, {articles: articles.map(indexedArticle), rulesOnly: sharedTagger() === null});
		assert.deepEqual(decodeArticle(columns, 0), detectMentions(articles[0]!));
		assert.ok(decodeArticle(columns, 0).length >= 2, 'the text has names');
	} finally {
		pool.stop();
	}
	// A script that is no worker fails the job with one line, not the process.
	const broken = new WorkerPool({size: 1, background: false, script: new URL('../../package.json', import.meta.url)});
	try {
		await assert.rejects(broken.run(detectJob, {articles: articles.map(indexedArticle), rulesOnly: false}), (error: Error) => !error.message.includes('\n'));
	} finally {
		broken.stop();
	}
});

test('an idle worker is ended (its heap given back), and the next job starts another', {timeout: 120_000}, async () => {
	const {articles} = makeCorpus(4);
	const pool = new WorkerPool({size: 2, idleMs: 20});
	try {
		const batches = searchBatches(articles, new SearchIndex(), new Map());
		await Promise.all(batches.map((batch) => pool.run(searchJob, batch)));
		assert.ok(pool.threads >= 1);
		// Generous: the workers end 20 ms after their last job; this waits up to 30 s for it.
		for (let waited = 0; pool.threads > 0 && waited < 30_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
		assert.equal(pool.threads, 0, 'idle workers still alive');
		const again = await pool.run(searchJob, batches[0]!);
		assert.equal(again.length, 1);
	} finally {
		pool.stop();
	}
});

test('a corpus over the disk threshold is searched where its cache lies once written, and a damaged cache is one note, not a crash', {timeout: 120_000}, async () => {
	const {cacheDir, articles} = makeCorpus(30);
	const inMemory = new BackgroundIndexer(staticLoad(articles), {search: {cacheDir: null, segmentArticles: 10}, poolChars: 0});
	await inMemory.start();
	const options = {search: {cacheDir, segmentArticles: 10}, poolChars: 0, diskChars: 0};
	for (const run of ['cold', 'warm']) {
		const indexer = new BackgroundIndexer(staticLoad(articles), options);
		await indexer.start();
		const index = indexer.state.search!;
		assert.ok(indexer.state.searchDone && index.complete, run);
		// Built in memory (cold) or not at all (warm): either way, what stays is the cache on disk.
		assert.ok(
			index.segments.every((segment) => segment instanceof DiskSegment),
			`${run}: ${index.segments.filter((s) => !(s instanceof DiskSegment)).length} segments in memory`,
		);
		assert.deepEqual(hitsOf(index), hitsOf(inMemory.state.search!), run);
	}
	const warm = new BackgroundIndexer(staticLoad(articles), options);
	await warm.start();
	for (const name of fs.readdirSync(cacheDir).filter((n) => n.endsWith('.idx'))) {
		const file = path.join(cacheDir, name);
		fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
	}
	const result = searchSafely(warm.state.search!, QUERIES[0]!, SLOW_OK);
	assert.equal(result.hits.length, 0);
	assert.match(result.notes.join('\n'), /search cache .* changed on disk .*open khao again/);
});

test('stop() resolves once every worker has exited, those retired when idle included', {timeout: 120_000}, async () => {
	const {articles} = makeCorpus(4);
	const batches = searchBatches(articles, new SearchIndex(), new Map());
	// Stopped with jobs running: they are rejected, and the workers are gone when stop() resolves.
	const busy = new WorkerPool({size: 2});
	const running = batches.map((batch) =>
		busy.run(searchJob, batch).then(
			() => 'done',
			(error: Error) => error.message,
		),
	);
	assert.equal(busy.live, 2);
	const stopping = busy.stop();
	assert.ok(busy.live > 0, 'workers still being ended when stop() returns');
	await stopping;
	assert.equal(busy.live, 0);
	assert.deepEqual(new Set(await Promise.all(running)), new Set(['stopped']));
	// An idle worker ended by its timer is awaited too.
	const idle = new WorkerPool({size: 1, idleMs: 0});
	await idle.run(searchJob, batches[0]!);
	for (let waited = 0; idle.threads > 0 && waited < 30_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
	await idle.stop();
	assert.equal(idle.live, 0);
});

test('a pipelined pool sends a busy worker its next job, answers in order, and gives the jobs of a failed worker to the next', {timeout: 120_000}, async () => {
	const texts = ['นายสมปอง รักษ์ดี เดินทางไปจังหวัดลำปาง', 'องค์การบริหารส่วนตำบลหนองบัว (อบต.หนองบัว)', 'กรมทางหลวงชนบท ร่วมกับ Global Water Partnership (GWP)'];
	const articles: Article[] = texts.map((text, i) => ({id: `p${i}`, path: `p${i}`, format: 'txt', title: 'p', text, blocks: []}));
	const rulesOnly = sharedTagger() === null;
	const job = (a: Article) => ({articles: [indexedArticle(a)], rulesOnly});
	// One worker: one job sent (the rest wait here) without pipelining, two with it.
	for (const pipeline of [1, 2]) {
		const pool = new WorkerPool({size: 1, background: false, pipeline});
		try {
			const runs = articles.map((a) => pool.run(detectJob, job(a)));
			assert.equal(pool.queued, articles.length - pipeline, `pipeline ${pipeline}`);
			const columns = await Promise.all(runs);
			assert.deepEqual(
				columns.map((c) => decodeArticle(c, 0)),
				articles.map((a) => detectMentions(a)),
			);
		} finally {
			await pool.stop();
		}
	}
	// A worker that runs out of memory fails the job it was running; the one sent after it runs in a new worker.
	const pool = new WorkerPool({size: 1, background: false, pipeline: 2, heapMb: 28});
	try {
		const big: Article = {id: 'big', path: 'big', format: 'txt', title: 'big', text: bigThaiText(12_000_000, 'one', 4), blocks: []};
		const [failed, ok] = await Promise.allSettled([pool.run(detectJob, job(big)), pool.run(detectJob, job(articles[0]!))]);
		assert.equal(failed.status, 'rejected');
		assert.match(String((failed as PromiseRejectedResult).reason.message), /^out of memory/);
		assert.equal(ok.status, 'fulfilled', String((ok as PromiseRejectedResult).reason));
		assert.deepEqual(decodeArticle((ok as PromiseFulfilledResult<MentionColumns>).value, 0), detectMentions(articles[0]!));
	} finally {
		await pool.stop();
	}
});
