// What the entity index holds while it is built (issue 10: a cold run on 60,000 articles peaked
// at 1.8 GB): counted, never timed. The builder keeps columns, not the detected mention objects;
// the reader's detection queue keeps a few decoded batches, not the whole corpus's; a detection
// cache file is written block by block with the bytes of the whole-file encoder.
import {after, describe, mock, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import zlib from 'node:zlib';
import type {Article} from '../../source/corpus/types.js';
import {EntityIndexBuilder, type DetectedArticle} from '../../source/entities/builder.js';
import {DetectionQueue, QUEUED_BATCHES, detectCorpus} from '../../source/entities/detect-corpus.js';
import {DetectionCacheWriter, encodeDetectionCache, readDetectionCache} from '../../source/entities/detection-cache.js';
import {detectMentions} from '../../source/entities/find-mentions.js';
import {encodeMentions} from '../../source/entities/mention-codec.js';
import {sealFile} from '../../source/entities/sealed-file.js';
import {statFiles} from '../../source/search/cache.js';
import type {FileStat} from '../../source/search/search-index.js';
import type {MentionColumns} from '../../source/entities/mention-codec.js';
import {twoFileCorpus, withReads} from './helpers.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

// Sentences written for these tests, each with a few names.
const TEXTS = [
	'นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงพาณิชย์ เดินทางไปประเทศเวียดนาม',
	'กรมอุตุนิยมวิทยา (ทอ.) แจ้งว่า จังหวัดเชียงราย และประเทศลาว มีฝนตกหนัก',
	'นางสาวมาลี ศรีสุข ผู้อำนวยการ Asian Rice Council (ARC) พบกับนายสมชาย',
];

const roots: string[] = [];
after(() => {
	for (const root of roots) fs.rmSync(root, {recursive: true, force: true});
});

function corpusOf(count: number): ReturnType<typeof twoFileCorpus> {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-entity-memory-test-'));
	roots.push(root);
	const texts = Array.from({length: count}, (_, i) => `${TEXTS[i % TEXTS.length]!} ฉบับที่ ${i}`);
	return twoFileCorpus(root, texts, count);
}

const turns = async (n: number): Promise<void> => {
	for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('memory of the entity index while it is built', () => {
	test('the builder lets the detected mention objects go once linked', async () => {
		const articles = corpusOf(6).articles().slice(0, 6);
		const builder = new EntityIndexBuilder({nameSearch: false});
		const refs: Array<WeakRef<object>> = [];
		(() => {
			const detected: DetectedArticle[] = articles.map((a) => ({id: a.id, mentions: detectMentions(a)}));
			for (const d of detected) for (const m of d.mentions) refs.push(new WeakRef(m));
			builder.addDetected(detected);
		})();
		assert.ok(refs.length >= 6, 'the sentences have names');
		// A WeakRef holds its target until the end of the turn that made it.
		await turns(1);
		gc();
		const alive = refs.filter((r) => r.deref() !== undefined).length;
		assert.equal(alive, 0, `${alive} of ${refs.length} mention objects still held by the builder`);
		// And the index is whole.
		const index = builder.snapshot();
		assert.ok(index.all().some((e) => e.name.includes('สมชาย')));
	});

	test('the detection queue holds a few decoded batches, however many the cache has', async () => {
		const corpus = corpusOf(40);
		const articles = corpus.articles().filter((a) => a.text.length > 0);
		// On this thread a batch is one article: the cache file gets 40 blocks.
		for await (const batch of detectCorpus(articles, {threads: 0, cacheDir: corpus.cacheDir, awaitWrites: true})) assert.equal(batch.length, 1);
		const queue = new DetectionQueue(articles, {threads: 0, cacheDir: corpus.cacheDir});
		// Far more turns than 40 batches need to arrive; nobody takes any.
		await turns(400);
		assert.equal(queue.waiting, QUEUED_BATCHES);
		// Taken, all of them come, in order.
		const ids: string[] = [];
		while (!queue.drained) {
			const batch = queue.take();
			if (batch === undefined) await queue.arrival();
			else for (const a of batch) ids.push(a.id);
			assert.ok(queue.waiting <= QUEUED_BATCHES);
		}
		assert.deepEqual(
			ids,
			articles.map((a) => a.id),
		);
		assert.equal((await queue.done)?.fromCache, articles.length);
	});

	test('a detection cache is read again a block at a time when wanted, not held whole: a file changed after it was checked is detected again, with one line', async () => {
		const corpus = corpusOf(12);
		const articles = corpus.articles().filter((a) => a.text.length > 0);
		// On this thread a batch is one article: each cache file gets a block per article.
		for await (const _ of detectCorpus(articles, {threads: 0, cacheDir: corpus.cacheDir, awaitWrites: true}));
		const expected: DetectedArticle[] = [];
		for await (const batch of detectCorpus(articles, {threads: 0})) expected.push(...batch);
		const warnings: string[] = [];
		const steps = detectCorpus(articles, {threads: 0, cacheDir: corpus.cacheDir, onWarning: (w) => warnings.push(w.message)});
		const got: DetectedArticle[] = [];
		const first = await steps.next();
		assert.ok(!first.done);
		got.push(...first.value);
		// Checked already; now every cache file is written again (same bytes, another time stamp).
		for (const name of fs.readdirSync(corpus.cacheDir).filter((n) => n.endsWith('.ent'))) {
			const file = path.join(corpus.cacheDir, name);
			fs.writeFileSync(file, fs.readFileSync(file));
			fs.utimesSync(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
		}
		for await (const batch of steps) got.push(...batch);
		assert.deepEqual(got, expected);
		assert.equal(warnings.length, 1, warnings.join('\n'));
		assert.match(warnings[0]!, /changed while it was read/);
	});

	test('a cache file written block by block has the bytes of the whole-file encoder', async () => {
		const corpus = corpusOf(9);
		const articles = corpus.articles().filter((a) => a.path === corpus.files[0]);
		const stat = {path: corpus.files[0]!, ...statFiles(articles).get(corpus.files[0]!)!};
		const blocks = [articles.slice(0, 4), articles.slice(4, 5), articles.slice(5)].map((part) => encodeMentions(part.map((a) => detectMentions(a))));
		const file = path.join(corpus.cacheDir, 'streamed.ent');
		const writer = new DetectionCacheWriter(file);
		for (const block of blocks) writer.add(block);
		await writer.finish(stat, articles);
		assert.deepEqual(fs.readFileSync(file), Buffer.concat(encodeDetectionCache(stat, articles, blocks)));
		const read = readDetectionCache(file, stat, articles);
		assert.equal(read.ok && read.blocks.length, 3);
		// Abandoned halfway, nothing is left behind.
		const other = path.join(corpus.cacheDir, 'abandoned.ent');
		const halfway = new DetectionCacheWriter(other);
		halfway.add(blocks[0]!);
		await halfway.abort();
		assert.deepEqual(
			fs.readdirSync(corpus.cacheDir).filter((name) => name.startsWith('abandoned')),
			[],
		);
	});

	/** A cache file of three blocks over the first file's articles, written as detection writes it. */
	function threeBlockCache(count: number): {file: string; stat: FileStat & {path: string}; articles: Article[]; bytes: Buffer; blocks: MentionColumns[]} {
		const corpus = corpusOf(count);
		const articles = corpus.articles().filter((a) => a.path === corpus.files[0]);
		const stat = {path: corpus.files[0]!, ...statFiles(articles).get(corpus.files[0]!)!};
		const third = Math.ceil(articles.length / 3);
		const blocks = [articles.slice(0, third), articles.slice(third, 2 * third), articles.slice(2 * third)].map((part) =>
			encodeMentions(part.map((a) => detectMentions(a))),
		);
		const bytes = Buffer.concat(encodeDetectionCache(stat, articles, blocks));
		const file = path.join(corpus.cacheDir, 'blocks.ent');
		fs.mkdirSync(corpus.cacheDir, {recursive: true});
		fs.writeFileSync(file, bytes);
		return {file, stat, articles, bytes, blocks};
	}

	test('the detection cache is checked a block at a time, never read whole', () => {
		const {file, stat, articles, bytes, blocks} = threeBlockCache(30);
		const {result: read, reads} = withReads(() => readDetectionCache(file, stat, articles));
		assert.equal(read.ok && read.blocks.length, 3);
		const lengths = reads.map((r) => r.length);
		const payload = bytes.byteLength - 16 - bytes.readUInt32LE(8);
		// Every payload byte is read (and summed) once; no read takes more than about a block.
		const total = lengths.reduce((sum, n) => sum + n, 0);
		assert.ok(total <= bytes.byteLength, `${total} bytes read of ${bytes.byteLength}`);
		assert.ok(Math.max(...lengths) < payload / 2, `largest read ${Math.max(...lengths)} of a ${payload}-byte payload`);
		// The blocks read again later are the ones written.
		assert.deepEqual(read.ok && read.blocks.map((b) => b.load()), blocks);
	});

	test('a byte flipped anywhere in a detection cache, or the file cut anywhere, is never trusted and never throws', () => {
		const {file, stat, articles, bytes} = threeBlockCache(9);
		const payloadEnd = bytes.byteLength - bytes.readUInt32LE(8);
		const kinds = new Set<string>();
		for (let at = 0; at < bytes.byteLength; at++) {
			const flipped = Buffer.from(bytes);
			flipped[at]! ^= 1 << (at % 8);
			fs.writeFileSync(file, flipped);
			const read = readDetectionCache(file, stat, articles);
			assert.equal(read.ok, false, `byte ${at} flipped`);
			kinds.add(read.ok ? 'ok' : read.kind);
			// In the lead and the payload, only the checksum or the checks can tell: damaged, said so.
			if (at < payloadEnd && at >= 16) assert.equal(!read.ok && read.kind, 'damaged', `byte ${at} flipped`);
		}
		// A flip in the header can make another version or another file of it: rebuilt either way.
		assert.ok(kinds.has('damaged'), [...kinds].join());
		for (let length = 0; length < bytes.byteLength; length += 7) {
			fs.writeFileSync(file, bytes.subarray(0, length));
			const read = readDetectionCache(file, stat, articles);
			assert.equal(read.ok, false, `cut at ${length}`);
		}
		fs.writeFileSync(file, bytes);
		assert.equal(readDetectionCache(file, stat, articles).ok, true);
	});

	test('a detection cache changed or replaced while it is read is not used', () => {
		const {file, stat, articles, bytes} = threeBlockCache(30);
		const other = Buffer.from(bytes);
		for (const change of ['rewritten in place', 'replaced'] as const) {
			fs.writeFileSync(file, bytes);
			let calls = 0;
			const original = fs.readSync;
			const reads = mock.method(fs, 'readSync', (...args: Parameters<typeof fs.readSync>) => {
				// After the lead and header, and the first block: another khao writes the file.
				if (++calls === 4) {
					if (change === 'rewritten in place') fs.writeFileSync(file, other.subarray(0, other.byteLength - 1));
					else {
						fs.writeFileSync(`${file}.new`, other);
						fs.renameSync(`${file}.new`, file);
					}
				}
				return original(...args);
			});
			let read;
			try {
				read = readDetectionCache(file, stat, articles);
			} finally {
				reads.mock.restore();
			}
			assert.ok(calls >= 4, `${calls} reads`);
			assert.equal(read.ok, false, change);
		}
	});

	test('a whole file of the layout before (header first) is stale, not damaged; a damaged one is damaged', () => {
		const corpus = corpusOf(3);
		const articles: Article[] = corpus.articles();
		const stat = {path: corpus.files[0]!, ...statFiles(articles).get(corpus.files[0]!)!};
		// The earlier layout, written as it was: lead, header, zero padding to 8, payload.
		const [lead, ...rest] = sealFile('KHAOENT2', {format: 'old'}, [new Uint8Array(8).fill(7)]);
		const header = rest[rest.length - 1]!;
		const payload = Buffer.concat(rest.slice(0, -1));
		const padded = Buffer.alloc(Math.ceil((16 + header.byteLength) / 8) * 8 - 16);
		header.forEach((b, i) => (padded[i] = b));
		const old = Buffer.concat([lead!, padded, payload]);
		old.write('KHAOENT1', 0, 'latin1');
		old.writeUInt32LE(zlib.crc32(payload, zlib.crc32(header)), 12);
		const file = path.join(corpus.cacheDir, 'old.ent');
		fs.mkdirSync(corpus.cacheDir, {recursive: true});
		fs.writeFileSync(file, old);
		assert.deepEqual(readDetectionCache(file, stat, articles), {ok: false, kind: 'other-version'});
		old[old.length - 1]! ^= 1;
		fs.writeFileSync(file, old);
		const damaged = readDetectionCache(file, stat, articles);
		assert.equal(!damaged.ok && damaged.kind, 'damaged');
	});
});
