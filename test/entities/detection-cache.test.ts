import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Article, CorpusWarning} from '../../source/corpus/types.js';
import {EntityIndexBuilder, buildEntityIndex} from '../../source/entities/builder.js';
import {INLINE_ARTICLES, detectCorpus, detectCorpusColumns, type DetectCorpusOptions} from '../../source/entities/detect-corpus.js';
import {detectionCacheFile, encodeDetectionCache, readDetectionCache} from '../../source/entities/detection-cache.js';
import {detectMentions} from '../../source/entities/find-mentions.js';
import {articleCount, decodeArticle, decodeKeys, encodeMentions, validColumns} from '../../source/entities/mention-codec.js';
import {linkKeys} from '../../source/entities/link-keys.js';
import {sealFile} from '../../source/entities/sealed-file.js';
import {statFiles} from '../../source/search/cache.js';
import {entitiesData} from '../../source/plain/entities.js';
import {BackgroundIndexer} from '../../source/ui/background.js';
import {staticLoad} from '../ui/helpers.js';
import {twoFileCorpus, withReads} from './helpers.js';

// Sentences written for these tests: titles, a bracketed definition with its acronym, a Latin
// name, a country, repeats and short forms, so that every optional field of a mention occurs.
const TEXTS = [
	'นายสมปอง รักษ์ดี รองผู้ว่าราชการจังหวัด เดินทางไปประเทศญี่ปุ่น พร้อมกับนายสมปองและคณะ',
	'องค์การบริหารส่วนตำบลหนองบัว (อบต.หนองบัว) ร่วมกับ Global Water Partnership (GWP) จัดประชุม',
	'ประธานาธิบดีวลาดีมีร์ ปูติน แห่งรัสเซีย พบกับนายกรัฐมนตรีของอินเดีย ที่กรุงนิวเดลี',
	'บทความนี้ไม่มีชื่อใดเลย เป็นเพียงข้อความทดสอบ',
];

const roots: string[] = [];
after(() => {
	for (const root of roots) fs.rmSync(root, {recursive: true, force: true});
});

function tempRoot(): string {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-entity-cache-test-'));
	roots.push(root);
	return root;
}

/** Two files of articles (one a line), as a folder corpus would give them. */
function makeCorpus(): {cacheDir: string; files: string[]; articles: () => Article[]} {
	return twoFileCorpus(tempRoot(), TEXTS);
}

async function detectAll(articles: Article[], options: DetectCorpusOptions): Promise<{mentions: unknown[]; fromCache: number}> {
	const steps = detectCorpus(articles, {threads: 0, awaitWrites: true, ...options});
	const mentions: unknown[] = [];
	for (;;) {
		const step = await steps.next();
		if (step.done) return {mentions, fromCache: step.value.fromCache};
		for (const a of step.value) mentions.push(a);
	}
}

/** What detection on this thread gives: each article's mentions and their link keys. */
function fresh(articles: readonly Article[]): Array<{id: string; mentions: unknown; keys: string[][]}> {
	return articles.map((a) => {
		const mentions = detectMentions(a);
		return {id: a.id, mentions, keys: mentions.map(linkKeys)};
	});
}

describe('mention columns', () => {
	test('round-trip every field of every mention, optional fields only where set', () => {
		const perArticle = TEXTS.map((text) => detectMentions({text}));
		assert.ok(perArticle.flat().some((m) => m.title !== undefined) && perArticle.flat().some((m) => m.placeKey !== undefined), 'the texts exercise optional fields');
		const columns = encodeMentions(perArticle);
		assert.ok(
			validColumns(
				columns,
				TEXTS.map((t) => t.length),
			),
		);
		assert.deepEqual(
			TEXTS.map((_, a) => decodeArticle(columns, a)),
			perArticle,
		);
		assert.deepEqual(
			TEXTS.map((_, a) => decodeKeys(columns, a)),
			perArticle.map((ms) => ms.map(linkKeys)),
		);
		assert.ok(columns.keys.length > 0);
	});

	test('reject a mention past its article, a reference outside the strings, a bad kind', () => {
		const perArticle = TEXTS.map((text) => detectMentions({text}));
		const lengths = TEXTS.map((t) => t.length);
		const damaged = [
			(c: ReturnType<typeof encodeMentions>) => (c.end[0] = lengths[0]! + 5),
			(c: ReturnType<typeof encodeMentions>) => (c.text[1] = c.strings.length),
			(c: ReturnType<typeof encodeMentions>) => (c.kind[0] = 9),
			(c: ReturnType<typeof encodeMentions>) => (c.firstMention[1] = c.start.length + 1),
			(c: ReturnType<typeof encodeMentions>) => (c.title[c.title.findIndex((t) => t >= 0)] = -1),
			(c: ReturnType<typeof encodeMentions>) => (c.keys[0] = c.strings.length),
			(c: ReturnType<typeof encodeMentions>) => (c.firstKey[1] = c.keys.length + 1),
		];
		for (const damage of damaged) {
			const columns = encodeMentions(perArticle);
			damage(columns);
			assert.equal(validColumns(columns, lengths), false, String(damage));
		}
	});
});

describe('the detection cache', () => {
	test('a second run reads every article from the cache, with the same mentions', async () => {
		const corpus = makeCorpus();
		const first = await detectAll(corpus.articles(), {cacheDir: corpus.cacheDir});
		assert.equal(first.fromCache, 0);
		const second = await detectAll(corpus.articles(), {cacheDir: corpus.cacheDir});
		assert.equal(second.fromCache, TEXTS.length);
		assert.deepEqual(second.mentions, first.mentions);
		assert.deepEqual(first.mentions, fresh(corpus.articles()));
	});

	test('as columns (counted, never decoded) it writes the same cache, and the next run reads the same mentions from it', async () => {
		const corpus = makeCorpus();
		const articles = corpus.articles();
		let counted = 0;
		const decoded: unknown[] = [];
		const steps = detectCorpusColumns(articles, {threads: 0, awaitWrites: true, cacheDir: corpus.cacheDir});
		for (let step = await steps.next(); ; step = await steps.next()) {
			if (step.done) {
				assert.equal(step.value.fromCache, 0);
				break;
			}
			for (let a = 0; a < articleCount(step.value); a++, counted++)
				decoded.push({id: articles[counted]!.id, mentions: decodeArticle(step.value, a), keys: decodeKeys(step.value, a)});
		}
		assert.equal(counted, TEXTS.length);
		assert.deepEqual(decoded, fresh(articles));
		const again = await detectAll(corpus.articles(), {cacheDir: corpus.cacheDir});
		assert.equal(again.fromCache, TEXTS.length);
		assert.deepEqual(again.mentions, decoded);
	});

	test('detection ended early (the reader quit) puts no half-written cache file in place', async () => {
		const corpus = makeCorpus();
		const steps = detectCorpus(corpus.articles(), {threads: 0, awaitWrites: true, cacheDir: corpus.cacheDir});
		assert.equal((await steps.next()).done, false);
		await steps.return({done: 0, fromCache: 0, total: 0});
		// Nothing of the first file's cache is there, nor any scratch file beside it, once return()
		// settles (a scratch file opened after an unawaited abort was left behind under load).
		const left = (): string[] => (fs.existsSync(corpus.cacheDir) ? fs.readdirSync(corpus.cacheDir).filter((f) => f.startsWith('entities-')) : []);
		assert.deepEqual(left(), []);
		await new Promise((resolve) => setTimeout(resolve, 50));
		assert.deepEqual(left(), []);
		assert.equal((await detectAll(corpus.articles(), {cacheDir: corpus.cacheDir})).fromCache, 0);
	});

	test('a changed file is detected again, the unchanged one comes from the cache', async () => {
		const corpus = makeCorpus();
		await detectAll(corpus.articles(), {cacheDir: corpus.cacheDir});
		// Same length, other letters: only the stamp (mtime, ctime) tells it apart.
		const text = fs.readFileSync(corpus.files[1]!, 'utf8').replace('ปูติน', 'ปูตีน');
		fs.writeFileSync(corpus.files[1]!, text);
		const again = await detectAll(corpus.articles(), {cacheDir: corpus.cacheDir});
		assert.equal(again.fromCache, 2);
		assert.deepEqual(again.mentions, fresh(corpus.articles()));
	});

	test('a damaged, truncated or foreign cache file is rebuilt with one warning, never trusted', async () => {
		const damages: Array<[string, (bytes: Buffer) => Buffer]> = [
			['truncated', (b) => b.subarray(0, b.length - 9)],
			[
				'a flipped byte',
				(b) => {
					const out = Buffer.from(b);
					out[out.length - 20]! ^= 0xff;
					return out;
				},
			],
			['foreign', () => Buffer.from('KHAOIDX2 not ours at all')],
			['empty', () => Buffer.alloc(0)],
		];
		for (const [what, damage] of damages) {
			const corpus = makeCorpus();
			await detectAll(corpus.articles(), {cacheDir: corpus.cacheDir});
			const file = detectionCacheFile(corpus.cacheDir, corpus.files[0]!);
			fs.writeFileSync(file, damage(fs.readFileSync(file)));
			const warnings: CorpusWarning[] = [];
			const again = await detectAll(corpus.articles(), {cacheDir: corpus.cacheDir, onWarning: (w) => warnings.push(w)});
			assert.equal(again.fromCache, 2, what);
			assert.equal(warnings.length, 1, what);
			assert.match(warnings[0]!.message, /^rebuilt: /, what);
			assert.deepEqual(again.mentions, fresh(corpus.articles()), what);
			// Rewritten: the next run trusts it again.
			assert.equal((await detectAll(corpus.articles(), {cacheDir: corpus.cacheDir})).fromCache, TEXTS.length, what);
		}
	});

	test('a cache folder that cannot be made gives one warning, and detection goes on', async () => {
		const corpus = makeCorpus();
		const blocker = path.join(tempRoot(), 'a-file');
		fs.writeFileSync(blocker, 'not a folder');
		const warnings: CorpusWarning[] = [];
		const run = await detectAll(corpus.articles(), {cacheDir: path.join(blocker, 'cache'), onWarning: (w) => warnings.push(w)});
		assert.equal(warnings.length, 1, JSON.stringify(warnings));
		assert.match(warnings[0]!.message, /^not (used|saved): .*not a folder/);
		assert.deepEqual(run.mentions, fresh(corpus.articles()));
	});

	test('a forged file with a valid checksum but a mention outside its article is rejected', () => {
		const corpus = makeCorpus();
		const articles = corpus.articles().filter((a) => a.path === corpus.files[0]);
		const stat = {path: corpus.files[0]!, ...statFiles(articles).get(corpus.files[0]!)!};
		const mentions = articles.map((a) => detectMentions(a));
		mentions[0]![0]!.end = articles[0]!.text.length + 100;
		const file = path.join(corpus.cacheDir, 'forged.ent');
		fs.mkdirSync(corpus.cacheDir, {recursive: true});
		fs.writeFileSync(file, Buffer.concat(encodeDetectionCache(stat, articles, [encodeMentions(mentions)])));
		const read = readDetectionCache(file, stat, articles);
		assert.equal(read.ok, false);
		assert.equal(!read.ok && read.kind, 'damaged');
	});

	test("another khao's cache file (an upgrade) is told by its header alone, its payload not read", () => {
		const corpus = makeCorpus();
		const articles = corpus.articles().filter((a) => a.path === corpus.files[0]);
		const stat = {path: corpus.files[0]!, ...statFiles(articles).get(corpus.files[0]!)!};
		const bytes = Buffer.concat(encodeDetectionCache(stat, articles, [encodeMentions(articles.map((a) => detectMentions(a)))]));
		// The same file as an older khao seals it: another version in a header with a valid checksum.
		const headerLength = bytes.readUInt32LE(8);
		const header = JSON.parse(bytes.toString('utf8', bytes.byteLength - headerLength)) as {version: string};
		header.version = `older-${header.version}`;
		const payload = bytes.subarray(16, bytes.byteLength - headerLength);
		const older = Buffer.concat(sealFile(bytes.toString('latin1', 0, 8), header, [payload]));
		const file = path.join(corpus.cacheDir, 'older.ent');
		fs.mkdirSync(corpus.cacheDir, {recursive: true});
		fs.writeFileSync(file, older);
		const {result: read, reads} = withReads(() => readDetectionCache(file, stat, articles));
		assert.deepEqual(read, {ok: false, kind: 'other-version'});
		const bytesRead = reads.reduce((sum, r) => sum + r.length, 0);
		assert.ok(bytesRead < older.byteLength - payload.byteLength + 64, `${bytesRead} of ${older.byteLength} bytes read`);
		// Its own version's file is still read whole and used.
		fs.writeFileSync(file, bytes);
		assert.equal(readDetectionCache(file, stat, articles).ok, true);
	});

	test('an article added to a file makes its cache stale (ids and lengths are checked)', async () => {
		const corpus = makeCorpus();
		const articles = corpus.articles().filter((a) => a.path === corpus.files[0]);
		const stat = {path: corpus.files[0]!, ...statFiles(articles).get(corpus.files[0]!)!};
		const file = path.join(corpus.cacheDir, 'x.ent');
		fs.mkdirSync(corpus.cacheDir, {recursive: true});
		fs.writeFileSync(
			file,
			Buffer.concat(
				encodeDetectionCache(stat, articles, [
					encodeMentions(articles.slice(0, 1).map((a) => detectMentions(a))),
					encodeMentions(articles.slice(1).map((a) => detectMentions(a))),
				]),
			),
		);
		assert.equal(readDetectionCache(file, stat, articles).ok, true);
		const longer = [{...articles[0]!, text: articles[0]!.text + 'ครับ'}, articles[1]!];
		assert.deepEqual(readDetectionCache(file, stat, longer), {ok: false, kind: 'stale'});
		assert.deepEqual(readDetectionCache(file, stat, [...articles, articles[0]!]), {ok: false, kind: 'stale'});
		assert.deepEqual(readDetectionCache(file, {...stat, stamp: 'other'}, articles), {ok: false, kind: 'stale'});
	});

	test('worker threads detect what this thread detects; the index built from them is the same', async () => {
		const corpus = makeCorpus();
		const articles = corpus.articles();
		const inWorkers = await detectAll(articles, {threads: 2});
		assert.deepEqual(inWorkers.mentions, fresh(articles));
		const builder = new EntityIndexBuilder();
		builder.addDetected(inWorkers.mentions as never);
		assert.deepEqual(entitiesData(builder.snapshot(), articles), entitiesData(buildEntityIndex(articles), articles));
	});
});

describe('the reader’s background indexing', () => {
	/** Enough articles for detection to go to workers, over two files, each with a name or two. */
	function manyArticles(): {cacheDir: string; articles: Article[]} {
		const root = tempRoot();
		const files = ['a.txt', 'b.txt'].map((name) => path.join(root, name));
		const lines = Array.from({length: INLINE_ARTICLES + 6}, (_, i) => `${TEXTS[i % TEXTS.length]} ฉบับที่ ${i}`);
		fs.writeFileSync(files[0]!, lines.slice(0, 40).join('\n'));
		fs.writeFileSync(files[1]!, lines.slice(40).join('\n'));
		const articles = files.flatMap((file) =>
			fs
				.readFileSync(file, 'utf8')
				.split('\n')
				.map((text, i): Article => ({id: `${file}#${i + 1}`, path: file, format: 'txt', title: `${i}`, text, blocks: []})),
		);
		return {cacheDir: path.join(root, 'cache'), articles};
	}

	test('detects in workers, then from the cache, and links as detecting here would', async () => {
		const {cacheDir, articles} = manyArticles();
		const expected = entitiesData(buildEntityIndex(articles), articles);
		const stamps = (): string[] =>
			fs
				.readdirSync(cacheDir)
				.filter((f) => f.endsWith('.ent'))
				.map((f) => `${f} ${fs.statSync(path.join(cacheDir, f), {bigint: true}).mtimeNs}`);
		let written: string[] = [];
		for (const run of ['cold', 'warm']) {
			const indexer = new BackgroundIndexer(staticLoad(articles), {search: {cacheDir}, snapshotEvery: 10});
			await indexer.start();
			assert.ok(indexer.state.entitiesDone && indexer.state.entities, run);
			assert.equal(indexer.state.cacheWarning, undefined, run);
			assert.deepEqual(entitiesData(indexer.state.entities!, articles), expected, run);
			// The warm run trusted the cache: nothing was detected again, so nothing was rewritten.
			if (run === 'warm') assert.deepEqual(stamps(), written);
			written = stamps();
		}
		assert.equal(fs.readdirSync(cacheDir).filter((f) => f.endsWith('.ent')).length, 2, 'one detection cache per source file');
		assert.equal(fs.readdirSync(cacheDir).filter((f) => f.endsWith('.lnk')).length, 1, 'one linked result for the corpus');
	});
});

test('an index built without its name search finds the same names on the first lookup', () => {
	const articles = TEXTS.map((text, i) => ({id: `t${i}`, path: `t${i}`, format: 'txt' as const, title: '', text, blocks: []}));
	const withSearch = buildEntityIndex(articles);
	const without = buildEntityIndex(articles, {nameSearch: false});
	assert.deepEqual(entitiesData(without, articles), entitiesData(withSearch, articles));
	for (const query of ['สมปอง', 'putin', 'GWP', 'หนองบัว']) assert.deepEqual(without.findByName(query), withSearch.findByName(query), query);
	assert.ok(withSearch.findByName('putin').length > 0);
});
