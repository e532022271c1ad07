import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type {Article, CorpusWarning} from '../../source/corpus/types.js';
import {buildEntityIndex} from '../../source/entities/builder.js';
import {parseEntityCorrections} from '../../source/entities/corrections.js';
import {EntityIndex} from '../../source/entities/entity-index.js';
import {encodeLinkedCache, linkedCacheFile, linkedCacheKey, openLinkedCache, readLinkedCache} from '../../source/entities/linked-cache.js';
import {LinkedMentionsWriter, validLinkedMentions} from '../../source/entities/linked-mentions.js';
import {sealFile} from '../../source/entities/sealed-file.js';
import {plainEntities} from '../../source/app/plain-entities.js';
import {entitiesData} from '../../source/plain/entities.js';
import {INLINE_ARTICLES} from '../../source/entities/detect-corpus.js';
import {BackgroundIndexer} from '../../source/ui/background.js';
import {staticLoad} from '../ui/helpers.js';
import {twoFileCorpus, withReads} from './helpers.js';

// Sentences written for these tests: people with titles, a bracketed definition, a Latin name,
// places, repeats and short forms, and an article with no name at all.
const TEXTS = [
	'นายสมปอง รักษ์ดี รองผู้ว่าราชการจังหวัด เดินทางไปประเทศญี่ปุ่น พร้อมกับนายสมปองและคณะ',
	'องค์การบริหารส่วนตำบลหนองบัว (อบต.หนองบัว) ร่วมกับ Global Water Partnership (GWP) จัดประชุม',
	'ประธานาธิบดีวลาดีมีร์ ปูติน แห่งรัสเซีย พบกับนายกรัฐมนตรีของอินเดีย ที่กรุงนิวเดลี',
	'บทความนี้ไม่มีชื่อใดเลย เป็นเพียงข้อความทดสอบ',
	'นายสมปอง รักษ์ดี กล่าวว่า ประเทศญี่ปุ่นและอินเดียจะร่วมมือกัน',
];

const roots: string[] = [];
after(() => {
	for (const root of roots) fs.rmSync(root, {recursive: true, force: true});
});

/** Two files of articles (one a line), and a cache folder beside them. */
function makeCorpus(): ReturnType<typeof twoFileCorpus> {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-linked-cache-test-'));
	roots.push(root);
	return twoFileCorpus(root, TEXTS);
}

/** Everything the reader and --entities read of an index. */
function everything(index: EntityIndex, articles: readonly Article[]): unknown {
	return {
		data: entitiesData(index, articles),
		byArticle: articles.map((a) => index.mentionsIn(a.id)),
		articleIds: index.articleIds,
		warnings: index.warnings,
	};
}

async function saved(articles: Article[], cacheDir: string, index = buildEntityIndex(articles)): Promise<EntityIndex> {
	await openLinkedCache(cacheDir, articles, undefined, () => assert.fail('no warning expected')).save(index.data);
	return index;
}

describe('the linked-result cache', () => {
	test('gives back the same index, mention for mention', async () => {
		const corpus = makeCorpus();
		const articles = corpus.articles();
		const built = await saved(articles, corpus.cacheDir);
		const read = openLinkedCache(corpus.cacheDir, articles, undefined, () => assert.fail('no warning expected'));
		assert.ok(read.data, 'read back');
		assert.ok(built.all().length > 3);
		assert.deepEqual(everything(new EntityIndex(read.data), articles), everything(built, articles));
	});

	test('an article whose id repeats is linked once, and the cache keeps the first', async () => {
		const corpus = makeCorpus();
		const articles = corpus.articles();
		articles.push({...articles[0]!});
		const built = await saved(articles, corpus.cacheDir);
		const read = openLinkedCache(corpus.cacheDir, articles, undefined, () => {});
		assert.deepEqual(everything(new EntityIndex(read.data!), articles), everything(built, articles));
	});

	test('is stale when a file, an article or the corrections change', async () => {
		const corpus = makeCorpus();
		await saved(corpus.articles(), corpus.cacheDir);
		const key = linkedCacheKey(corpus.articles(), undefined)!;
		const corrections = parseEntityCorrections(JSON.stringify({hide: ['สมปอง รักษ์ดี']}), 'khao.entities.json');
		assert.notEqual(linkedCacheKey(corpus.articles(), corrections), key, 'the corrections are part of the key');
		assert.notEqual(linkedCacheKey(corpus.articles().slice(1), undefined), key, 'one article fewer');
		const longer = corpus.articles();
		longer[2] = {...longer[2]!, text: longer[2]!.text + 'ครับ'};
		assert.notEqual(linkedCacheKey(longer, undefined), key, 'a longer article');
		// Same length, other letters: only the file's stamp tells it apart.
		fs.writeFileSync(corpus.files[1]!, fs.readFileSync(corpus.files[1]!, 'utf8').replace('ปูติน', 'ปูตีน'));
		const changed = corpus.articles();
		assert.deepEqual(readLinkedCache(linkedCacheFile(corpus.cacheDir, changed), linkedCacheKey(changed, undefined)!, changed), {ok: false, kind: 'stale'});
		assert.equal(linkedCacheKey([{...changed[0]!, path: '-'}], undefined), undefined, 'stdin is not cached');
	});

	test('a damaged file of any kind is rebuilt with one warning, never trusted, never thrown on', async () => {
		const corpus = makeCorpus();
		const articles = corpus.articles();
		await saved(articles, corpus.cacheDir);
		const file = linkedCacheFile(corpus.cacheDir, articles);
		const good = fs.readFileSync(file);
		const key = linkedCacheKey(articles, undefined)!;
		const tryBytes = (bytes: Buffer): void => {
			fs.writeFileSync(file, bytes);
			const warnings: CorpusWarning[] = [];
			const read = openLinkedCache(corpus.cacheDir, articles, undefined, (w) => warnings.push(w));
			if (bytes.equals(good)) return;
			assert.equal(read.data, undefined);
			assert.equal(warnings.length, 1);
			assert.match(warnings[0]!.message, /^rebuilt: /);
		};
		tryBytes(good.subarray(0, good.length - 9));
		tryBytes(Buffer.alloc(0));
		tryBytes(Buffer.from('KHAOIDX3 not ours at all'));
		fc.assert(
			fc.property(fc.integer({min: 0, max: good.length - 1}), fc.integer({min: 1, max: 255}), (at, flip) => {
				const bytes = Buffer.from(good);
				bytes[at]! ^= flip;
				tryBytes(bytes);
			}),
			{numRuns: 150},
		);
		fc.assert(
			fc.property(fc.integer({min: 0, max: good.length - 1}), (length) => tryBytes(good.subarray(0, length))),
			{numRuns: 60},
		);
		// Written again after damage, it is trusted again.
		fs.writeFileSync(file, good);
		assert.equal(readLinkedCache(file, key, articles).ok, true);
	});

	test("another corpus's or khao's file (an upgrade) is summed a slice at a time, never held whole; damaged, it is said", () => {
		const corpus = makeCorpus();
		const articles = corpus.articles();
		const file = linkedCacheFile(corpus.cacheDir, articles);
		const key = linkedCacheKey(articles, undefined)!;
		// A payload of 3 MiB under another key, sealed as this khao seals.
		const payload = new Uint8Array(3 * 2 ** 20).map((_, i) => i % 251);
		const other = Buffer.concat(sealFile('KHAOLNK3', {format: 'khao-linked-2', key: `other-${key}`}, [payload]));
		fs.mkdirSync(corpus.cacheDir, {recursive: true});
		fs.writeFileSync(file, other);
		const {result: read, reads} = withReads(() => readLinkedCache(file, key, articles));
		assert.deepEqual(read, {ok: false, kind: 'stale'});
		const buffers = reads.map((r) => r.buffer.byteLength);
		assert.ok(Math.max(...buffers) <= 2 ** 20, `a ${Math.max(...buffers)}-byte buffer read into`);
		const damaged = Buffer.from(other);
		damaged[16 + 2 ** 20 + 5]! ^= 1;
		fs.writeFileSync(file, damaged);
		assert.deepEqual(readLinkedCache(file, key, articles), {ok: false, kind: 'damaged', reason: 'bad checksum'});
	});

	test('a linked-mentions writer given more mentions than it was made for says so, never drops one', () => {
		const writer = new LinkedMentionsWriter(1, 1);
		writer.startArticle(0);
		writer.add(0, 0, 2, 0, 'นาย', 'rule', undefined, undefined);
		assert.throws(() => writer.add(0, 3, 5, 0, 'นาย', 'rule', undefined, undefined), RangeError);
	});

	test('a forged file with a valid checksum but a mention outside its article or entity is rejected', async () => {
		const corpus = makeCorpus();
		const articles = corpus.articles();
		const key = linkedCacheKey(articles, undefined)!;
		const file = linkedCacheFile(corpus.cacheDir, articles);
		const forgeries: Array<[string, (index: EntityIndex) => void]> = [
			['end past the text', (index) => (index.data.mentions.end[0] = articles[0]!.text.length + 50)],
			['unknown entity', (index) => (index.data.mentions.entity[0] = index.all().length)],
			['string out of range', (index) => (index.data.mentions.text[1] = index.data.mentions.strings.length)],
			['byEntity not the grouping', (index) => index.data.mentions.byEntity.reverse()],
			['wrong count', (index) => (index.data.entities[0]!.mentionCount += 1)],
		];
		for (const [what, forge] of forgeries) {
			const index = buildEntityIndex(articles);
			forge(index);
			fs.mkdirSync(corpus.cacheDir, {recursive: true});
			fs.writeFileSync(file, Buffer.concat(encodeLinkedCache(key, index.data, articles)));
			const read = readLinkedCache(file, key, articles);
			assert.equal(read.ok ? 'ok' : read.kind, 'damaged', what);
		}
	});

	test('the columns of a real index are valid, and each kind of damage to them is caught', () => {
		const corpus = makeCorpus();
		const articles = corpus.articles();
		const index = buildEntityIndex(articles);
		const lengths = index.articleIds.map((id) => articles.find((a) => a.id === id)!.text.length);
		assert.ok(validLinkedMentions(index.data.mentions, lengths, index.all().length));
		const withTitle = index.data.mentions.title.findIndex((t) => t >= 0);
		assert.ok(withTitle >= 0, 'the texts have a title');
		index.data.mentions.titleStart[withTitle] = -1;
		assert.equal(validLinkedMentions(index.data.mentions, lengths, index.all().length), false);
	});

	test('--entities --json reads the linked result, and a new corrections file builds it again', async () => {
		const corpus = makeCorpus();
		const saved = process.env['KHAO_CACHE_DIR'];
		process.env['KHAO_CACHE_DIR'] = corpus.cacheDir;
		try {
			const output = async (): Promise<string> => {
				const out = await plainEntities(corpus.articles(), {json: true, width: 80, root: corpus.root});
				return typeof out === 'string' ? out : [...out].join('');
			};
			const cold = await output();
			assert.ok(fs.readdirSync(corpus.cacheDir).some((f) => f.endsWith('.lnk')));
			// Without the per-file detection caches, only the linked result can give the same output.
			for (const f of fs.readdirSync(corpus.cacheDir)) if (f.endsWith('.ent')) fs.rmSync(path.join(corpus.cacheDir, f));
			assert.equal(await output(), cold);
			assert.equal(fs.readdirSync(corpus.cacheDir).filter((f) => f.endsWith('.ent')).length, 0, 'nothing was detected');
			fs.writeFileSync(path.join(corpus.root, 'khao.entities.json'), JSON.stringify({hide: ['สมปอง รักษ์ดี']}));
			const corrected = await output();
			assert.notEqual(corrected, cold);
			assert.doesNotMatch(corrected, /"name": "สมปอง รักษ์ดี"/);
			assert.match(cold, /"name": "สมปอง รักษ์ดี"/);
		} finally {
			if (saved === undefined) delete process.env['KHAO_CACHE_DIR'];
			else process.env['KHAO_CACHE_DIR'] = saved;
		}
	});
});

test('the reader opened again reads its entities from the linked result, detecting nothing', async () => {
	const corpus = makeCorpus();
	// Enough articles for detection to go to the workers on the first run.
	const lines = Array.from({length: INLINE_ARTICLES + 6}, (_, i) => `${TEXTS[i % TEXTS.length]} ฉบับที่ ${i}`);
	fs.writeFileSync(corpus.files[0]!, lines.slice(0, 40).join('\n'));
	fs.writeFileSync(corpus.files[1]!, lines.slice(40).join('\n'));
	const articles = corpus.articles();
	const cold = new BackgroundIndexer(staticLoad(articles), {search: {cacheDir: corpus.cacheDir}});
	await cold.start();
	const expected = everything(cold.state.entities!, articles);
	for (const f of fs.readdirSync(corpus.cacheDir)) if (f.endsWith('.ent')) fs.rmSync(path.join(corpus.cacheDir, f));
	const warm = new BackgroundIndexer(staticLoad(articles), {search: {cacheDir: corpus.cacheDir}});
	await warm.start();
	assert.ok(warm.state.entitiesDone);
	assert.equal(warm.state.cacheWarning, undefined);
	assert.deepEqual(everything(warm.state.entities!, articles), expected);
	assert.equal(fs.readdirSync(corpus.cacheDir).filter((f) => f.endsWith('.ent')).length, 0, 'nothing was detected');
});

test('the reader says it is saving the search index until the cache file is written, and then stops saying it', async () => {
	const corpus = makeCorpus();
	fs.writeFileSync(corpus.files[0]!, TEXTS.join('\n'));
	const articles = corpus.articles();
	let release: (ok: boolean) => void = () => undefined;
	const written = new Promise<boolean>((resolve) => (release = resolve));
	let saves = 0;
	const indexer = new BackgroundIndexer(staticLoad(articles), {
		search: {
			cacheDir: corpus.cacheDir,
			saveCache: () => {
				saves++;
				return written;
			},
		},
	});
	await indexer.start();
	assert.ok(saves > 0, 'the search cache was saved');
	assert.ok(indexer.state.searchDone && indexer.state.entitiesDone);
	assert.equal(indexer.state.saving, true, 'still writing');
	release(true);
	await written;
	await new Promise((resolve) => setImmediate(resolve));
	assert.equal(indexer.state.saving, false);
	indexer.stop();
});
