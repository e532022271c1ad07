// The entities of a corpus the worker pool indexes are linked in the reader as `khao --index` links them: detected into
// the detection cache, linked in a worker into the linked cache, then opened from that file. The UI
// thread never builds the linked graph (counted: no EntityIndexBuilder call on it), the cache file is
// byte for byte the one `--index` writes, and the entities are those of a corpus linked here.
import {after, mock, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Article} from '../../source/corpus/types.js';
import {EntityIndexBuilder} from '../../source/entities/builder.js';
import type {EntityIndex} from '../../source/entities/entity-index.js';
import {linkCorpus} from '../../source/entities/link-corpus.js';
import {linkedCacheFile} from '../../source/entities/linked-cache.js';
import {WorkerPool} from '../../source/workers/pool.js';
import {entitiesData} from '../../source/plain/entities.js';
import {BackgroundIndexer, LINK_CHARS, POOL_CHARS, type BackgroundOptions} from '../../source/ui/background.js';
import {linkJob, type LinkInput} from '../../source/workers/link-job.js';
import {CHUNK_ITEMS} from '../../source/workers/chunked-input.js';
import {staticLoad} from './helpers.js';

const roots: string[] = [];
after(() => {
	for (const root of roots) fs.rmSync(root, {recursive: true, force: true});
});

// Sentences written for this test: people with titles, places, an organisation and its short form.
const SENTENCES = [
	'นายสุรชัย ทองมาก ผู้อำนวยการโรงเรียนบ้านหนองแวง เดินทางไปจังหวัดขอนแก่น',
	'สมาคมผู้ปลูกกาแฟภาคเหนือ (สปกน.) ประชุมร่วมกับนางสาวพิมพ์ใจ แสงทอง ที่เชียงราย',
	'Maria Lindqvist จากเมือง Uppsala พบกับนายสุรชัยที่กรุงเทพมหานคร',
	'ชาวบ้านตำบลนาโพธิ์ช่วยกันซ่อมฝายกั้นน้ำหลังฝนตกหนัก',
];

/** Two .txt files of `perFile` articles (one a line) and a cache folder beside them. */
function makeCorpus(perFile: number): {cacheDir: string; root: string; articles: Article[]} {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-reader-link-test-'));
	roots.push(root);
	const files = ['north.txt', 'south.txt'].map((name) => path.join(root, name));
	for (const [f, file] of files.entries()) {
		const lines = Array.from({length: perFile}, (_, i) => `${SENTENCES[(i + f) % SENTENCES.length]} ครั้งที่ ${i} ${SENTENCES[(i + 2) % SENTENCES.length]}`);
		fs.writeFileSync(file, lines.join('\n'));
	}
	const articles = files.flatMap((file) =>
		fs
			.readFileSync(file, 'utf8')
			.split('\n')
			.map((text, i): Article => ({id: `${path.basename(file)}#${i}`, path: file, format: 'txt', title: `${i}`, text, blocks: []})),
	);
	return {root, cacheDir: path.join(root, 'cache'), articles};
}

/** The reader's options that link on the UI thread in slices (the corpus held in memory), its cache in `dir`. */
const linkedHere = (dir: string): BackgroundOptions => ({search: {cacheDir: dir}, poolChars: 0, diskChars: Infinity, linkChars: Infinity});

/** The reader's options that link in a worker, its search index on disk (diskChars 0) or in memory. */
const linkedInWorker = (cacheDir: string, diskChars = 0): BackgroundOptions => ({search: {cacheDir, segmentArticles: 7}, poolChars: 0, diskChars, linkChars: 0});

function everything(index: EntityIndex, articles: readonly Article[]): unknown {
	return {data: entitiesData(index, articles), byArticle: articles.map((a) => index.mentionsIn(a.id)), warnings: index.warnings};
}

// Searched on disk (an archive) or held in memory (10,000 articles): both link in a worker.
for (const [where, diskChars] of [
	['searched on disk', 0],
	['searched in memory', Infinity],
] as const)
	test(
		`a corpus the pool indexes (${where}) is linked in a worker: nothing linked on the UI thread, the linked cache as --index writes it, the same entities`,
		{timeout: 120_000},
		async () => {
			const corpus = makeCorpus(40);
			const {articles} = corpus;
			// Linked here, in slices (a corpus held in memory), for the entities to compare with.
			const here = new BackgroundIndexer(staticLoad(articles), linkedHere(path.join(corpus.root, 'here')));
			await here.start();
			here.stop();
			const calls = ['add', 'addSteps', 'addDetected', 'addDetectedSteps', 'snapshot', 'snapshotSteps'].map((name) =>
				mock.method(EntityIndexBuilder.prototype, name as 'add'),
			);
			const runs = mock.method(WorkerPool.prototype, 'run');
			try {
				const indexer = new BackgroundIndexer(staticLoad(articles), linkedInWorker(corpus.cacheDir, diskChars));
				await indexer.start();
				assert.ok(indexer.state.entitiesDone && indexer.state.entities, 'entities ready');
				assert.equal(indexer.state.cacheWarning, undefined, JSON.stringify(indexer.state.cacheWarning));
				assert.equal(indexer.state.entityArticles, articles.length);
				assert.equal(
					calls.reduce((sum, call) => sum + call.mock.callCount(), 0),
					0,
					'the UI thread linked',
				);
				assert.deepEqual(everything(indexer.state.entities!, articles), everything(here.state.entities!, articles));
				// The articles reached the linking worker as chunks serialised a bounded number per step and
				// moved, not as one list cloned by postMessage in one step of the UI thread.
				const linking = runs.mock.calls.filter((call) => call.arguments[0] === linkJob);
				assert.equal(linking.length, 1);
				const [, input, transfer] = linking[0]!.arguments as [unknown, LinkInput, ArrayBuffer[]];
				assert.ok(Array.isArray(input.articles) && input.articles.every((chunk) => chunk instanceof Uint8Array));
				assert.equal(input.articles.length, Math.ceil(articles.length / CHUNK_ITEMS));
				// Moved: the UI thread's copies are gone (detached), every chunk's buffer in the transfer list.
				assert.equal(transfer.length, input.articles.length);
				assert.ok(input.articles.every((chunk) => chunk.byteLength === 0));
				indexer.stop();
			} finally {
				for (const call of calls) call.mock.restore();
				runs.mock.restore();
			}
			const ahead = path.join(corpus.root, 'ahead');
			await linkCorpus(articles, {cacheDir: ahead, onWarning: (w) => assert.fail(w.message)});
			const file = linkedCacheFile(corpus.cacheDir, articles);
			assert.ok(fs.readFileSync(file).equals(fs.readFileSync(linkedCacheFile(ahead, articles))), 'the linked cache differs from --index');
		},
	);

test('where the entity caches cannot be written, a large corpus is linked on the UI thread all the same, with one warning', {timeout: 120_000}, async () => {
	const corpus = makeCorpus(40);
	// A file where the cache folder should be: nothing can be written in it.
	fs.writeFileSync(corpus.cacheDir, 'not a folder');
	const indexer = new BackgroundIndexer(staticLoad(corpus.articles), linkedInWorker(corpus.cacheDir));
	await indexer.start();
	assert.ok(indexer.state.entitiesDone && indexer.state.entities, 'entities ready');
	assert.ok(indexer.state.entities!.data.entities.length > 0);
	assert.match(indexer.state.cacheWarning?.message ?? '', /not saved|not used/);
	indexer.stop();
});

test('with corrections, a large corpus linked in a worker has the entities linked on the UI thread with the same corrections', {timeout: 120_000}, async () => {
	const corpus = makeCorpus(36);
	const corrections = {merge: [], split: [], rename: {}, aliases: {}, kind: {}, hide: ['Maria Lindqvist', 'ชื่อที่ไม่มีในข่าวใด']};
	const here = new BackgroundIndexer(staticLoad(corpus.articles), {...linkedHere(path.join(corpus.root, 'here')), corrections});
	await here.start();
	here.stop();
	const indexer = new BackgroundIndexer(staticLoad(corpus.articles), {...linkedInWorker(corpus.cacheDir), corrections});
	await indexer.start();
	assert.ok(indexer.state.entitiesDone && indexer.state.entities, 'entities ready');
	assert.ok(indexer.state.entities!.warnings.length > 0, 'the correction that matches nothing is told');
	assert.deepEqual(everything(indexer.state.entities!, corpus.articles), everything(here.state.entities!, corpus.articles));
	indexer.stop();
});

test('every corpus the pool indexes is linked in a worker by default (10,000 articles too, not only an archive searched on disk)', () => {
	assert.ok(LINK_CHARS <= POOL_CHARS, `${LINK_CHARS} > ${POOL_CHARS}`);
});

test(
	'a corpus searched in memory is linked as soon as it is detected, not after its search index; an archive searched on disk after it',
	{timeout: 120_000},
	async () => {
		for (const [diskChars, linkFirst] of [
			[Infinity, true],
			[0, false],
		] as const) {
			const corpus = makeCorpus(40);
			// In memory, the search jobs are held until the linking starts (or 20 s, so that a linking
			// that waits for the search fails here rather than hangs); on disk, linking waits for them.
			let linking!: () => void;
			const linkStarted = new Promise<void>((resolve) => (linking = resolve));
			let timer: NodeJS.Timeout | undefined;
			const gate = linkFirst ? Promise.race([linkStarted, new Promise((resolve) => (timer = setTimeout(resolve, 20_000)))]) : Promise.resolve();
			const order: string[] = [];
			const run = WorkerPool.prototype.run;
			const held = mock.method(WorkerPool.prototype, 'run', async function (this: WorkerPool, ...args: Parameters<typeof run>) {
				const name = args[0].name;
				if (name === 'link') {
					order.push('link');
					linking();
				}
				if (name === 'search') await gate;
				const output = await run.apply(this, args);
				if (name === 'search') order.push('search');
				return output;
			});
			try {
				const indexer = new BackgroundIndexer(staticLoad(corpus.articles), linkedInWorker(corpus.cacheDir, diskChars));
				await indexer.start();
				assert.ok(indexer.state.entitiesDone && indexer.state.searchDone);
				assert.equal(indexer.state.cacheWarning, undefined, JSON.stringify(indexer.state.cacheWarning));
				indexer.stop();
			} finally {
				held.mock.restore();
				clearTimeout(timer);
			}
			assert.ok(order.includes('link') && order.includes('search'), order.join(' '));
			assert.equal(order.indexOf('link') < order.lastIndexOf('search'), linkFirst, `diskChars ${diskChars}: ${order.join(' ')}`);
		}
	},
);

test(
	"an archive's phases do not overlap: the pool's workers have exited when the linking worker starts, and that one when the entities are opened",
	{timeout: 120_000},
	async () => {
		const corpus = makeCorpus(40);
		const pools = new Set<WorkerPool>();
		let aliveAtLink = -1;
		const linkers = new Set<WorkerPool>();
		const run = WorkerPool.prototype.run;
		const watched = mock.method(WorkerPool.prototype, 'run', function (this: WorkerPool, ...args: Parameters<typeof run>) {
			if (args[0].name === 'link') {
				aliveAtLink = [...pools].reduce((sum, pool) => sum + pool.live, 0);
				linkers.add(this);
			} else pools.add(this);
			return run.apply(this, args);
		});
		try {
			const indexer = new BackgroundIndexer(staticLoad(corpus.articles), linkedInWorker(corpus.cacheDir));
			let linkerAtEntities = -1;
			indexer.onUpdate(() => {
				if (indexer.state.entitiesDone && linkerAtEntities < 0) linkerAtEntities = linkers.size === 1 ? [...linkers][0]!.live : -1;
			});
			await indexer.start();
			assert.ok(indexer.state.entitiesDone && indexer.state.searchDone);
			assert.equal(indexer.state.cacheWarning, undefined, JSON.stringify(indexer.state.cacheWarning));
			assert.ok(pools.size > 0, 'the pool detected and searched');
			assert.equal(aliveAtLink, 0, 'pool workers alive when linking started');
			assert.equal(linkerAtEntities, 0, 'the linking worker alive when the entities were opened');
			indexer.stop();
		} finally {
			watched.mock.restore();
		}
	},
);

test('a linking worker that runs out of memory is one warning, and the entities are linked on the UI thread all the same', {timeout: 120_000}, async () => {
	const corpus = makeCorpus(40);
	const here = new BackgroundIndexer(staticLoad(corpus.articles), linkedHere(path.join(corpus.root, 'here')));
	await here.start();
	here.stop();
	const indexer = new BackgroundIndexer(staticLoad(corpus.articles), {...linkedInWorker(corpus.cacheDir), linkHeapMb: 8});
	await indexer.start();
	assert.ok(indexer.state.entitiesDone && indexer.state.searchDone, 'both indexes done');
	assert.match(indexer.state.cacheWarning?.message ?? '', /^not linked in a worker: out of memory \(over 8 MB\)$/);
	assert.equal(indexer.state.problem, undefined);
	assert.deepEqual(everything(indexer.state.entities!, corpus.articles), everything(here.state.entities!, corpus.articles));
	indexer.stop();
});
