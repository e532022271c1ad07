// The cache searched where it lies (disk-segment.ts): the same answers as the index in memory,
// only a small part of the file read for a query, and damage met halfway through a search thrown
// as DiskCacheDamaged (never a crash, never a wrong answer from bad bytes).
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Article} from '../../source/corpus/types.js';
import {positionalReads} from '../../source/search/cache-blocks.js';
import {cacheFileFor, statFiles} from '../../source/search/cache.js';
import {CorpusFiles, DIGEST_STEP} from '../../source/search/cache-format.js';
import {DiskCacheDamaged, DiskSegment, openDiskSegmentsSteps} from '../../source/search/disk-segment.js';
import {openSearchIndex, type OpenIndexOptions} from '../../source/search/open.js';
import {search} from '../../source/search/search.js';
import type {SearchIndex} from '../../source/search/search-index.js';
import {SLOW_OK} from './helpers.js';

const roots: string[] = [];
after(() => {
	for (const root of roots) fs.rmSync(root, {recursive: true, force: true});
});

// Sentences written for this test; each article mixes them so that words recur across articles.
const WORDS = ['ระบบชลประทาน', 'เกษตรกร', 'สหกรณ์', 'ตลาดกลาง', 'ราคาข้าวเปลือก', 'ฤดูแล้ง', 'อ่างเก็บน้ำ', 'กรมส่งเสริม', 'Rotterdam', 'logistics'];

/** Two .jsonl files of `perFile` articles each; one rare word in a single article of the second. */
function makeCorpus(perFile: number): {cacheDir: string; articles: Article[]} {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-disk-test-'));
	roots.push(root);
	const articles: Article[] = [];
	for (const name of ['east', 'west']) {
		const file = path.join(root, `${name}.jsonl`);
		const lines: string[] = [];
		for (let i = 0; i < perFile; i++) {
			const parts = Array.from({length: 200}, (_, k) => `${WORDS[(i * 7 + k * 3) % WORDS.length]}${k % 5 === 0 ? ' ครั้งที่ ' + ((i + k) % 13) : ''}`);
			if (name === 'west' && i === perFile - 3) parts.push('มะพร้าวน้ำหอมอินทรีย์');
			const text = parts.join(' ');
			const title = `${name} รายงาน ${i}`;
			lines.push(JSON.stringify({id: `${name}-${i}`, title, body: text}));
			articles.push({id: `${name}-${i}`, path: file, format: 'jsonl', title, text, blocks: []});
		}
		fs.writeFileSync(file, lines.join('\n') + '\n');
	}
	return {cacheDir: path.join(root, 'cache'), articles};
}

const QUERIES = ['มะพร้าวน้ำหอม', 'สหกรณ์', 'ราคาข้าว', 'อ่างเกบน้ำ', 'rotterdam logistics', 'ครั้งที่ 7', 'กรมส่งเสริม เกษตรกร', 'ชลประธาน'];

function answers(index: SearchIndex): string[] {
	return QUERIES.map((q) => JSON.stringify(search(index, q, {...SLOW_OK, limit: 100}).hits.map((h) => [h.articleId, h.field, h.start, h.end, h.kind, h.snippet])));
}

const options = (cacheDir: string, more: OpenIndexOptions = {}): OpenIndexOptions => ({cacheDir, segmentArticles: 16, ...more});

test('searched on disk, the cache gives the same answers as the index in memory', () => {
	const {cacheDir, articles} = makeCorpus(40);
	const memory = answers(openSearchIndex(articles, options(cacheDir)));
	const onDisk = openSearchIndex(articles, options(cacheDir, {onDisk: true}));
	assert.equal(onDisk.indexedArticles, articles.length);
	assert.deepEqual(answers(onDisk), memory);
	assert.deepEqual(answers(openSearchIndex(articles, {cacheDir: null, segmentArticles: 16})), memory, 'and as without any cache');
});

test('a rare word searched on disk reads a small part of the cache', () => {
	const {cacheDir, articles} = makeCorpus(200);
	openSearchIndex(articles, options(cacheDir, {segmentArticles: 100}));
	const bytes = [...new Set(articles.map((a) => a.path))].reduce((n, source) => n + fs.statSync(cacheFileFor(cacheDir, source)).size, 0);
	const before = positionalReads.bytes;
	const index = openSearchIndex(articles, options(cacheDir, {segmentArticles: 100, onDisk: true}));
	const opened = positionalReads.bytes - before;
	const hits = search(index, 'มะพร้าวน้ำหอมอินทรีย์', SLOW_OK).hits;
	const read = positionalReads.bytes - before;
	assert.deepEqual(
		hits.map((h) => h.articleId),
		['west-197'],
	);
	assert.ok(opened < bytes / 5, `opening read ${opened} of ${bytes} bytes`);
	assert.ok(read < bytes / 3, `opening and searching read ${read} of ${bytes} bytes`);
});

test('opening on disk reads no passage array; a rare word reads those of the one segment holding it', () => {
	const {cacheDir, articles} = makeCorpus(200);
	openSearchIndex(articles, options(cacheDir));
	const calls = positionalReads.calls;
	const index = openSearchIndex(articles, options(cacheDir, {onDisk: true}));
	const segments = index.segments.length;
	assert.ok(segments >= 20, `${segments} segments`);
	// Per file the lead, header and block table; per segment its strings' lengths (two arrays), nothing of its passages.
	const opening = positionalReads.calls - calls;
	assert.ok(opening <= 2 * segments + 8, `opening made ${opening} reads for ${segments} segments`);
	const before = positionalReads.calls;
	assert.deepEqual(
		search(index, 'มะพร้าวน้ำหอมอินทรีย์', SLOW_OK).hits.map((h) => h.articleId),
		['west-197'],
	);
	// The query's keys in every segment (a few reads each), then the passage arrays (eight) of one
	// segment, its text and tones: reading every segment's passages would be eight reads more each.
	const searching = positionalReads.calls - before;
	assert.ok(searching < 4 * segments + 20, `searching made ${searching} reads for ${segments} segments`);
});

test('damage met in the middle of an on-disk search throws DiskCacheDamaged; the ordinary open rebuilds', () => {
	const {cacheDir, articles} = makeCorpus(40);
	const expected = answers(openSearchIndex(articles, options(cacheDir)));
	const file = cacheFileFor(cacheDir, articles[articles.length - 1]!.path);
	const good = fs.readFileSync(file);
	// Forty bytes of the file's far half flipped in turn (the header and the small arrays read at
	// opening stay good, so the damage is met by a search).
	let thrown = 0;
	let same = 0;
	const step = Math.floor(good.length / 80) + 1;
	for (let at = good.length - 1; at > good.length * 0.5; at -= step) {
		const bytes = Buffer.from(good);
		bytes[at]! ^= 0x41;
		fs.writeFileSync(file, bytes);
		const warnings: string[] = [];
		const index = openSearchIndex(articles, options(cacheDir, {onDisk: true, saveCache: () => undefined, onCacheWarning: (w) => warnings.push(w.message)}));
		try {
			if (JSON.stringify(answers(index)) === JSON.stringify(expected)) same++;
			else assert.fail(`flipped byte ${at}: other answers, not an error`);
		} catch (error) {
			if (!(error instanceof DiskCacheDamaged)) throw error;
			thrown++;
			const rebuilt: string[] = [];
			const again = openSearchIndex(articles, options(cacheDir, {saveCache: () => undefined, onCacheWarning: (w) => rebuilt.push(w.message)}));
			assert.deepEqual(answers(again), expected);
			assert.equal(rebuilt.length, 1);
			assert.match(rebuilt[0]!, /^rebuilt: damaged \(bad checksum\)/);
		}
	}
	assert.ok(thrown > 5, `damage is found by the searches (${thrown} thrown, ${same} untouched by the queries)`);
});

/** A corpus whose segments hold thousands of distinct trigram keys (many 4 KB chunks of keys each): made-up syllables. */
function manyKeysCorpus(): {cacheDir: string; articles: Article[]; words: string[]} {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-disk-keys-'));
	roots.push(root);
	const letters = 'กขคงจฉชซญดตถทธนบปผพฟภมยรลวศสหอฮabcdefghijklmnopqrstuvwxyz';
	let seed = 7;
	const next = (n: number) => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return (seed >>> 8) % n;
	};
	const word = () => Array.from({length: 5 + next(4)}, () => letters[next(letters.length)]!).join('');
	const file = path.join(root, 'many.jsonl');
	const articles: Article[] = [];
	const words: string[] = [];
	const lines: string[] = [];
	for (let i = 0; i < 120; i++) {
		const parts = Array.from({length: 150}, word);
		if (i % 10 === 3) words.push(parts[i % 150]!, parts[(i * 7) % 150]!);
		const text = parts.join(' ');
		lines.push(JSON.stringify({id: `k${i}`, title: `เรื่องที่ ${i}`, body: text}));
		articles.push({id: `k${i}`, path: file, format: 'jsonl', title: `เรื่องที่ ${i}`, text, blocks: []});
	}
	fs.writeFileSync(file, lines.join('\n') + '\n');
	return {cacheDir: path.join(root, 'cache'), articles, words};
}

test("a word looked up on disk reads a few chunks of a segment's keys, with the answers of the whole keys", () => {
	const {cacheDir, articles, words} = manyKeysCorpus();
	const queries = [...words, 'ไม่มีคำนี้เลยแน่นอน', words[0]!.slice(0, 4), `${words[1]} ${words[2]}`];
	const answersOf = (index: SearchIndex) =>
		queries.map((q) => JSON.stringify(search(index, q, {...SLOW_OK, limit: 100}).hits.map((h) => [h.articleId, h.start, h.end, h.kind])));
	const memory = openSearchIndex(articles, {cacheDir, segmentArticles: 120});
	const expected = answersOf(memory);
	const keys = memory.segments.reduce((n, segment) => n + segment.keys.byteLength, 0);
	assert.ok(
		memory.segments.every((segment) => segment.keys.length > 4 * 1024),
		`several chunks of keys per segment: ${memory.segments.map((s) => s.keys.length)}`,
	);
	/** Bytes a search for one word reads on a fresh on-disk index, after `first` ran on it. */
	const readFor = (first: (index: SearchIndex) => void) => {
		const index = openSearchIndex(articles, {cacheDir, segmentArticles: 120, onDisk: true});
		first(index);
		const before = positionalReads.bytes;
		search(index, words[0]!, SLOW_OK);
		return {index, read: positionalReads.bytes - before};
	};
	// Read with its keys looked up chunk by chunk, and with every segment's keys read whole first.
	const {index: onDisk, read} = readFor(() => {});
	const {read: rest} = readFor((index) => index.segments.forEach((segment) => segment.keys));
	assert.ok(read - rest < keys / 2, `the word's keys took ${read - rest} bytes; the segments' keys are ${keys}`);
	assert.deepEqual(answersOf(onDisk), expected);
});

/** `count` articles of one file, each with `word` glued inside longer Thai words in a few of its passages. */
function gluedCorpus(count: number, word: string): {cacheDir: string; articles: Article[]} {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-disk-glued-'));
	roots.push(root);
	const file = path.join(root, 'glued.jsonl');
	const articles: Article[] = [];
	const lines: string[] = [];
	for (let i = 0; i < count; i++) {
		const parts = Array.from({length: 120}, (_, k) => (k % 40 === 7 ? `กลุ่ม${word}การเกษตรรอบที่${k}` : `${WORDS[(i + k) % WORDS.length]} ${k}`));
		const text = parts.join(' ');
		lines.push(JSON.stringify({id: `g${i}`, title: `รายงาน ${i}`, body: text}));
		articles.push({id: `g${i}`, path: file, format: 'jsonl', title: `รายงาน ${i}`, text, blocks: []});
	}
	fs.writeFileSync(file, lines.join('\n') + '\n');
	return {cacheDir: path.join(root, 'cache'), articles};
}

test('a word found in hundreds of articles reads on disk the tone marks only of hits it may keep, with the answers of the index in memory', () => {
	const word = 'ชาวนาไทย';
	const {cacheDir, articles} = gluedCorpus(300, word);
	const expected = search(openSearchIndex(articles, options(cacheDir)), word, SLOW_OK);
	const index = openSearchIndex(articles, options(cacheDir, {onDisk: true}));
	const proto = DiskSegment.prototype as unknown as {tonesOf: (local: number) => unknown};
	const tonesOf = proto.tonesOf;
	const toned = new Set<number>();
	proto.tonesOf = function (this: DiskSegment, local: number) {
		toned.add(this.ordinals[local]!);
		return tonesOf.call(this, local);
	};
	let found;
	try {
		found = search(index, word, SLOW_OK);
	} finally {
		proto.tonesOf = tonesOf;
	}
	assert.deepEqual(
		found.hits.map((h) => [h.articleId, h.start, h.kind, h.snippet]),
		expected.hits.map((h) => [h.articleId, h.start, h.kind, h.snippet]),
	);
	assert.equal(found.total, expected.total);
	assert.ok(found.total >= 3 * articles.length, `${found.total} hits counted`);
	// The kept hits' articles (the first to fill the list) and a few more, not every article with a hit.
	assert.ok(toned.size <= 2 * found.hits.length, `tone marks read for ${toned.size} articles`);
});

test('opening a cache on disk takes a step per segment and one per DIGEST_STEP articles, with the answers of opening it at once', () => {
	const {cacheDir, articles} = makeCorpus(40);
	const memory = answers(openSearchIndex(articles, options(cacheDir)));
	const source = articles[0]!.path;
	const stats = statFiles(articles);
	const file = cacheFileFor(cacheDir, source);
	const steps = openDiskSegmentsSteps(file, source, stats, new CorpusFiles(articles).of(source), 1 << 30);
	let yields = 0;
	let step = steps.next();
	for (; !step.done; step = steps.next()) yields++;
	assert.ok(Array.isArray(step.value));
	// 40 articles in segments of 16: three segments, each opened in a step of its own.
	assert.equal(step.value.length, 3);
	assert.equal(yields, 3);
	const onDisk = openSearchIndex(articles, options(cacheDir, {onDisk: true}));
	assert.deepEqual(answers(onDisk), memory);
});

test("a file's articles digest is hashed DIGEST_STEP articles a step, the same digest as at once", () => {
	const articles: Article[] = Array.from({length: 2 * DIGEST_STEP + 5}, (_, i) => ({
		id: `f#${i}`,
		path: 'f.jsonl',
		format: 'jsonl',
		title: `ข่าว ${i}`,
		text: 'ข้อความ'.repeat(1 + (i % 3)),
		blocks: [],
	}));
	const file = new CorpusFiles(articles).of('f.jsonl');
	const steps = file.digestSteps!();
	let yields = 0;
	let step = steps.next();
	for (; !step.done; step = steps.next()) yields++;
	assert.equal(yields, 2);
	assert.equal(step.value, new CorpusFiles(articles).of('f.jsonl').digest());
	assert.equal(file.digest(), step.value);
});
