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
		const fast = plainSearchListed(file, query, OPTS);
		const read = positionalReads.bytes - before;
		assert.ok(fast, `${query}: answered from the caches`);
		assert.equal(fast.out, await plainSearch(articles, query, OPTS), query);
		// A query found nowhere reads the passage arrays and its keys' blocks, no article's text or listing block.
		if (query === NOWHERE) assert.ok(read < cacheBytes / 5, `${query}: read ${read} of ${cacheBytes} bytes`);
	}
	const text = plainSearchListed(file, '"ราคาข้าวเปลือก"', {...OPTS, json: false});
	const ordinary = await plainSearch(articles, '"ราคาข้าวเปลือก"', {...OPTS, json: false});
	const withoutTime = (s: string) => s.replace(/\(\d+(\.\d+)? ms\)/, '');
	assert.equal(withoutTime(text!.out), withoutTime(ordinary));
});

test('a name-like query on a corpus small enough for the entity cache goes the ordinary way', () => {
	assert.equal(plainSearchListed(file, 'ลำปาง', OPTS), undefined);
});

test('without a cache, or with a damaged or stale one, the ordinary path answers (and rebuilds)', () => {
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
		assert.equal(plainSearchListed(file, query, OPTS), undefined, what);
		put();
		assert.ok(plainSearchListed(file, query, OPTS), `${what}: put back, used again`);
	}
	assert.equal(plainSearchListed(file, query, {...OPTS, cache: false}), undefined, '--no-cache');
	// The file changed: both caches are stale.
	fs.appendFileSync(file, `${JSON.stringify({id: 'late', title: 'ข่าวท้ายสุด', body: 'ราคาข้าวเปลือก'})}\n`);
	assert.equal(plainSearchListed(file, query, OPTS), undefined, 'stale');
});

function flip(f: string, at: number): void {
	const bytes = fs.readFileSync(f);
	bytes[at]! ^= 0x21;
	fs.writeFileSync(f, bytes);
}
