// `--search` on one big .jsonl file whose listing and search cache are current (plainSearchListed):
// the answer is the one the loaded corpus gives, reading neither cache whole; anything not as it
// should be (a name-like query on a corpus small enough for the entity cache, a missing, stale or
// damaged cache) gives undefined, and the ordinary path answers.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {loadCorpus} from '../../source/corpus/load.js';
import {LISTING_MIN_BYTES, listingCacheFile} from '../../source/corpus/listing-cache.js';
import {plainSearch, plainSearchListed} from '../../source/app/plain-search.js';
import {cacheFileFor} from '../../source/search/cache.js';
import {positionalReads} from '../../source/search/cache-blocks.js';
import {openSearchIndex} from '../../source/search/open.js';
import type {Article} from '../../source/corpus/types.js';
import {encodeLinkedCache, linkedCacheFile, linkedCacheKey} from '../../source/entities/linked-cache.js';
import type {LinkedMentions} from '../../source/entities/linked-mentions.js';
import {namesCacheFile} from '../../source/entities/names-cache.js';
import type {Entity} from '../../source/entities/types.js';

let root = '';
let file = '';
let cacheDir = '';
const savedEnv = process.env['KHAO_CACHE_DIR'];

const PLACES = ['เชียงราย', 'ลำปาง', 'ขอนแก่น', 'สงขลา', 'ตราด', 'น่าน', 'ยโสธร', 'ชุมพร'];
const THINGS = ['ฝนตกหนัก', 'ราคาข้าวเปลือก', 'สะพานข้ามคลอง', 'ตลาดน้ำ', 'โรงเรียนประจำตำบล', 'the ferry timetable', 'งานแสดงสินค้า', 'อ่างเก็บน้ำ'];

/** A .jsonl file of our own sentences, past the size at which a listing is kept. */
function writeCorpus(into: string): void {
	const lines: string[] = [];
	let bytes = 0;
	for (let i = 0; bytes < LISTING_MIN_BYTES * 1.2; i++) {
		const place = PLACES[i % PLACES.length]!;
		const thing = THINGS[(i * 3) % THINGS.length]!;
		const body = Array.from({length: 12}, (_, k) => `${PLACES[(i + k) % PLACES.length]} ${THINGS[(i + 2 * k) % THINGS.length]} รายงานฉบับที่ ${i}-${k}`).join(' ');
		const line = JSON.stringify({id: `r${i}`, title: `${thing} ที่${place} ${i}`, date: `2022-0${1 + (i % 9)}-1${i % 10}`, body});
		lines.push(line);
		bytes += Buffer.byteLength(line) + 1;
	}
	fs.writeFileSync(into, lines.join('\n') + '\n');
}

before(async () => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-listed-'));
	file = path.join(root, 'big.jsonl');
	cacheDir = path.join(root, 'cache');
	writeCorpus(file);
	process.env['KHAO_CACHE_DIR'] = cacheDir;
	const {articles} = await loadCorpus(file, {listingCache: {dir: cacheDir}});
	openSearchIndex(articles, {cacheDir, onDisk: true});
	assert.ok(fs.existsSync(listingCacheFile(cacheDir, file)) && fs.existsSync(cacheFileFor(cacheDir, file)), 'both caches are written');
});

after(() => {
	if (savedEnv === undefined) delete process.env['KHAO_CACHE_DIR'];
	else process.env['KHAO_CACHE_DIR'] = savedEnv;
	fs.rmSync(root, {recursive: true, force: true});
});

const OPTS = {json: true, width: 80, cache: true};
// Not name-like (a quoted phrase, or more than four words): the entity cache is never read for them.
const NOWHERE = '"ไม่มีคำนี้ในข่าวเลยสักข่าว"';
const QUERIES = ['"ราคาข้าวเปลือก"', 'สะพานข้ามคลอง ตลาดน้ำ ยโสธร ชุมพร ฝนตกหนัก', '"ferry timetable"', NOWHERE];

test("the answer is the loaded corpus's, reading a fraction of the caches", async () => {
	const {articles} = await loadCorpus(file, {listingCache: {dir: cacheDir}});
	const cacheBytes = fs.statSync(cacheFileFor(cacheDir, file)).size + fs.statSync(listingCacheFile(cacheDir, file)).size;
	for (const query of QUERIES) {
		const before = positionalReads.bytes;
		const fast = await plainSearchListed(file, query, OPTS);
		const read = positionalReads.bytes - before;
		assert.ok(fast, `${query}: answered from the caches`);
		assert.equal(fast.out, await plainSearch(articles, query, OPTS), query);
		// A query found nowhere reads the passage arrays and its keys' blocks, no article's text or listing block.
		if (query === NOWHERE) assert.ok(read < cacheBytes / 5, `${query}: read ${read} of ${cacheBytes} bytes`);
	}
	const text = await plainSearchListed(file, '"ราคาข้าวเปลือก"', {...OPTS, json: false});
	const ordinary = await plainSearch(articles, '"ราคาข้าวเปลือก"', {...OPTS, json: false});
	const withoutTime = (s: string) => s.replace(/\(\d+(\.\d+)? ms\)/, '');
	assert.equal(withoutTime(text!.out), withoutTime(ordinary));
});

test('a name-like query on a corpus small enough for the entity cache, without a names file, goes the ordinary way', async () => {
	assert.equal(await plainSearchListed(file, 'ลำปาง', OPTS), undefined);
});

test('without a cache, or with a damaged or stale one, the ordinary path answers (and rebuilds)', async () => {
	const query = QUERIES[0]!;
	const search = cacheFileFor(cacheDir, file);
	const listing = listingCacheFile(cacheDir, file);
	const keep = (f: string) => {
		const bytes = fs.readFileSync(f);
		return () => fs.writeFileSync(f, bytes);
	};
	const [putSearch, putListing] = [keep(search), keep(listing)];
	for (const [what, spoil, put] of [
		['no search cache', () => fs.rmSync(search), putSearch],
		['no listing', () => fs.rmSync(listing), putListing],
		['a flipped byte in the search cache header', () => flip(search, 40), putSearch],
		['a flipped byte in the listing header', () => flip(listing, 40), putListing],
		['off', () => (process.env['KHAO_CACHE_DIR'] = 'off'), () => (process.env['KHAO_CACHE_DIR'] = cacheDir)],
	] as const) {
		spoil();
		assert.equal(await plainSearchListed(file, query, OPTS), undefined, what);
		put();
		assert.ok(await plainSearchListed(file, query, OPTS), `${what}: put back, used again`);
	}
	assert.equal(await plainSearchListed(file, query, {...OPTS, cache: false}), undefined, '--no-cache');
	// The file changed: both caches are stale.
	fs.appendFileSync(file, `${JSON.stringify({id: 'late', title: 'ข่าวท้ายสุด', body: 'ราคาข้าวเปลือก'})}\n`);
	assert.equal(await plainSearchListed(file, query, OPTS), undefined, 'stale');
});

/**
 * A linked cache of these articles holding made-up entities named after the corpus's places (no
 * mentions: only their names matter to a search), as `--entities` or the reader would leave it.
 */
function writeLinkedCache(articles: Article[]): void {
	const entities: Entity[] = [
		{id: 'place:ลำปาง', name: 'ลำปาง', kind: 'place', aliases: ['ลำปาง', 'Lampang'], mentionCount: 0, articleCount: 0},
		{id: 'place:น่าน', name: 'น่าน', kind: 'place', aliases: ['น่าน'], mentionCount: 0, articleCount: 0},
		{id: 'org:ตลาดน้ำ', name: 'ตลาดน้ำ', kind: 'organization', aliases: ['ตลาดน้ำ', 'Talat Nam'], mentionCount: 0, articleCount: 0},
	];
	const none = () => new Int32Array(0);
	const mentions: LinkedMentions = {
		article: none(),
		start: none(),
		end: none(),
		entity: none(),
		text: none(),
		rule: none(),
		title: none(),
		titleStart: none(),
		articleFirst: new Int32Array(articles.length + 1),
		byEntity: none(),
		entityFirst: new Int32Array(entities.length + 1),
		strings: [],
	};
	const data = {articleIds: articles.map((a) => a.id), entities, mentions, warnings: []};
	const key = linkedCacheKey(articles, undefined)!;
	fs.writeFileSync(linkedCacheFile(cacheDir, articles), Buffer.concat(encodeLinkedCache(key, data, articles)));
}

test('a name-like query: the names file answers at any size, as the linked cache does', async () => {
	const {articles} = await loadCorpus(file, {listingCache: {dir: cacheDir}});
	writeLinkedCache(articles);
	const names = namesCacheFile(cacheDir, articles);
	fs.rmSync(names, {force: true});
	for (const json of [true, false]) {
		for (const query of ['lampang', 'ลำปาง', 'talat nam', 'น่าน ตราด']) {
			const opts = {...OPTS, json};
			fs.rmSync(names, {force: true});
			// No names file: the ordinary way reads the linked cache, and writes the names file.
			assert.equal(await plainSearchListed(file, query, opts), undefined, query);
			const ordinary = await plainSearch(articles, query, opts);
			assert.ok(fs.existsSync(names), `${query}: the names file is written`);
			// Without the linked cache: the names file alone answers.
			fs.rmSync(linkedCacheFile(cacheDir, articles));
			const fast = await plainSearchListed(file, query, opts);
			writeLinkedCache(articles);
			assert.ok(fast, `${query}: answered from the caches`);
			const withoutTime = (s: string) => s.replace(/\(\d+(\.\d+)? ms\)/, '');
			assert.equal(withoutTime(fast.out), withoutTime(ordinary), query);
			if (query === 'lampang') assert.match(fast.out, json ? /"entity": \{\s+"id": "place:ลำปาง"/ : /entity: ลำปาง/);
		}
	}
	// A damaged names file: one line, and the ordinary way answers (and writes it again).
	const lookUpDamaged = async (): Promise<string[]> => {
		const said: string[] = [];
		const write = process.stderr.write.bind(process.stderr);
		process.stderr.write = ((chunk: string) => said.push(String(chunk)) > 0) as typeof process.stderr.write;
		try {
			assert.equal(await plainSearchListed(file, 'lampang', OPTS), undefined);
			await plainSearch(articles, 'lampang', OPTS);
		} finally {
			process.stderr.write = write;
		}
		return said;
	};
	fs.writeFileSync(names, 'KHAONMS1 cut');
	const said = await lookUpDamaged();
	assert.equal(said.length, 1, said.join(''));
	assert.match(said[0]!, /entity names cache.*not used: truncated/);
	assert.ok(await plainSearchListed(file, 'lampang', OPTS), 'rewritten');
	// Its header sound but its tables damaged (found only when read): said, and written again all the same.
	const bytes = fs.readFileSync(names);
	for (let i = Math.floor(bytes.length / 2); i < bytes.length; i++) bytes[i]! ^= 0x5a;
	fs.writeFileSync(names, bytes);
	assert.match((await lookUpDamaged()).join(''), /entity names cache.*not used: bad checksum/);
	assert.ok(await plainSearchListed(file, 'lampang', OPTS), 'a names file damaged past its header is rewritten');
	fs.rmSync(linkedCacheFile(cacheDir, articles));
	fs.rmSync(names);
});

function flip(f: string, at: number): void {
	const bytes = fs.readFileSync(f);
	bytes[at]! ^= 0x21;
	fs.writeFileSync(f, bytes);
}
