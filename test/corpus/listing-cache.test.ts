// The listing cache (listing-cache.ts): a .jsonl file opened again is listed from the cache without
// reading its articles, exactly as it was listed from the file; a file that changed is read again
// (alone, in a folder); a cache file that is truncated, flipped, forged (valid CRCs) or from
// another khao is never trusted and never crashes: the listing is then the file's own.
import {after, before, mock, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import {openCorpus, loadCorpus} from '../../source/corpus/load.js';
import {jsonlReads} from '../../source/corpus/read-jsonl.js';
import {ListingDamaged, listingCacheFile, openListedArticles, writeListing} from '../../source/corpus/listing-cache.js';
import {ArticlesDigest} from '../../source/corpus/articles-digest.js';
import {stampOf, versionKey} from '../../source/corpus/stamp.js';
import {positionalReads} from '../../source/search/cache-blocks.js';
import {StoredArticle} from '../../source/corpus/article-store.js';
import type {Article, CorpusWarning} from '../../source/corpus/types.js';
import {tempDir} from './helpers.js';

let dir = '';
let cleanup = () => {};
before(() => {
	({dir, cleanup} = tempDir());
});
after(() => cleanup());

const WORDS = ['สภาเกษตรกร', 'ประชุมหารือ', 'ราคายางพารา', 'ฤดูฝน', 'the river port', 'โครงการชลประทาน', 'ตลาดนัดชุมชน', 'ครูอาสา'];

/** `count` records of our own making: titles, dates in both calendars, fields, a title-less one, a repeated id, a bad line. */
function corpusLines(count: number, seed = 0): string[] {
	const lines: string[] = [];
	for (let i = 0; i < count; i++) {
		const w = (k: number) => WORDS[(i * 7 + k + seed) % WORDS.length]!;
		const record: Record<string, unknown> = {id: i % 97 === 5 ? 'same' : `n${seed}-${i}`, body: `${w(1)} ${w(2)} ${'ข้อความ '.repeat(1 + (i % 9))}\n\n${w(3)} ${i}`};
		if (i % 11 !== 3) record['title'] = `${w(0)} ${w(4)} ${i}`;
		if (i % 5 !== 0) record['date'] = i % 2 ? `${1 + (i % 28)} มีนาคม 256${i % 10}` : `2021-0${1 + (i % 9)}-1${i % 10}`;
		if (i % 3 === 0) record['category'] = w(5);
		if (i % 4 === 1) record['url'] = `https://example.org/news/${i}`;
		lines.push(JSON.stringify(record));
		if (i === 40) lines.push('{"body": unterminated');
	}
	return lines;
}

function writeCorpus(file: string, lines: string[]): void {
	fs.writeFileSync(file, lines.join('\n') + '\n');
}

/** What a listing is: every article's metadata and locator, and the warnings. */
function listingOf(load: {articles: Article[]; warnings: CorpusWarning[]}) {
	return {
		articles: load.articles.map((a) => {
			const {id, path: p, format, title, date, source, fields} = a;
			return {id, path: p, format, title, date, source, fields, length: (a as StoredArticle).textLength, locator: (a as StoredArticle).locator};
		}),
		warnings: load.warnings,
	};
}

async function listed(input: string, cacheDir: string) {
	const before = jsonlReads.bytes;
	const load = await loadCorpus(input, {listingCache: {dir: cacheDir, minBytes: 0}});
	return {...listingOf(load), read: jsonlReads.bytes - before};
}

test('a .jsonl file opened again is listed from the cache, exactly as from the file, without reading it', async () => {
	const file = path.join(dir, 'plain.jsonl');
	writeCorpus(file, corpusLines(2600));
	const cache = path.join(dir, 'cache-plain');
	const fresh = listingOf(await loadCorpus(file));
	const first = await listed(file, cache);
	assert.ok(fs.existsSync(listingCacheFile(cache, file)), 'the listing is saved');
	const again = await listed(file, cache);
	assert.equal(first.read, fs.statSync(file).size);
	assert.equal(again.read, 0, 'no byte of the file is read');
	assert.deepEqual(again.articles, fresh.articles);
	assert.deepEqual(again.warnings, fresh.warnings);
	assert.ok(
		again.warnings.some((w) => w.kind === 'bad-line'),
		"the file's warnings come back with its listing",
	);
	// A body is read through the listed locator as through the parsed one.
	const stored = (await loadCorpus(file, {listingCache: {dir: cache, minBytes: 0}})).articles;
	const parsed = (await loadCorpus(file)).articles;
	for (const i of [0, 3, 1234, 2599]) assert.equal(stored[i]!.text, parsed[i]!.text);
});

test('small files are not listed (below minBytes), and none are without a cache folder', async () => {
	const file = path.join(dir, 'small.jsonl');
	writeCorpus(file, corpusLines(30));
	const cache = path.join(dir, 'cache-small');
	await loadCorpus(file, {listingCache: {dir: cache, minBytes: 1 << 20}});
	assert.equal(fs.existsSync(listingCacheFile(cache, file)), false);
});

test('the first articles arrive from the first block: ready does not wait for the whole listing', async () => {
	const file = path.join(dir, 'ready.jsonl');
	writeCorpus(file, corpusLines(3000, 1));
	const cache = path.join(dir, 'cache-ready');
	await loadCorpus(file, {listingCache: {dir: cache, minBytes: 0}});
	const load = openCorpus(file, {listingCache: {dir: cache, minBytes: 0}});
	await load.ready;
	assert.ok(load.articles.length >= 50 && load.articles.length <= 200, `ready after ${load.articles.length} articles`);
	load.stop?.();
	await load.finished;
	assert.ok(load.articles.length < 3000, 'stopping ends the replay too');
});

test('a file that changed is listed again; in a folder, only that file is read', async () => {
	const folder = path.join(dir, 'folder');
	fs.mkdirSync(folder);
	const a = path.join(folder, 'a.jsonl');
	const b = path.join(folder, 'b.jsonl');
	writeCorpus(a, corpusLines(500, 2));
	writeCorpus(b, corpusLines(700, 3));
	const cache = path.join(dir, 'cache-folder');
	await listed(folder, cache);
	assert.equal((await listed(folder, cache)).read, 0);
	// b grows by one record, then is rewritten at the same size (a changed byte): read again each time.
	fs.appendFileSync(b, JSON.stringify({id: 'late', title: 'ข่าวล่าสุด', body: 'เนื้อข่าวที่เพิ่มเข้ามาทีหลัง'}) + '\n');
	const grown = await listed(folder, cache);
	assert.equal(grown.read, fs.statSync(b).size, 'only the changed file is read');
	assert.deepEqual(grown.articles, listingOf(await loadCorpus(folder)).articles);
	assert.ok(grown.articles.some((x) => x.title === 'ข่าวล่าสุด'));
	const bytes = fs.readFileSync(b);
	const at = bytes.indexOf('ข่าวล่าสุด') + 2;
	bytes[at] = bytes[at]! ^ 1;
	const {mtime} = fs.statSync(b);
	fs.writeFileSync(b, bytes);
	fs.utimesSync(b, mtime, mtime);
	const rewritten = await listed(folder, cache);
	assert.equal(rewritten.read, fs.statSync(b).size);
	assert.deepEqual(rewritten.articles, listingOf(await loadCorpus(folder)).articles);
	assert.equal((await listed(folder, cache)).read, 0);
});

// ---- Damaged listings ---------------------------------------------------------------------------

/**
 * The blocks of a listing file with every CRC made right again after `mutate` changed their tables
 * (given as [strings, dates, fields]) or numbers: a forgery. `ends` may change the strings' ends as written.
 */
function reseal(bytes: Buffer, mutate: (tables: unknown[], numbers: Float64Array, block: number) => void, ends?: (ends: Uint32Array, block: number) => void): Buffer {
	const headerLength = bytes.readUInt32LE(8);
	const header = JSON.parse(bytes.toString('utf8', 16, 16 + headerLength)) as {blocks: number[][]; payload: number; table: number};
	const align = (n: number) => Math.ceil(n / 8) * 8;
	// The lead and header, the CRC of each 4 KB of the payload, then the payload.
	const start = align(16 + headerLength) + align(Math.ceil(header.payload / 4096) * 4);
	const pieces: Buffer[] = [];
	let at = 0;
	header.blocks = header.blocks.map(([offset, count, stringCount, units, tableBytes], b) => {
		let from = start + offset!;
		const take = (n: number) => {
			// A copy of its own (Buffer.from would share Node's pool, and .buffer would be the pool's).
			const piece = Uint8Array.prototype.slice.call(bytes, from, from + n) as Buffer;
			from += align(n);
			return piece;
		};
		const numbers = new Float64Array(take(count! * 9 * 8).buffer);
		const written = new Uint32Array(take(stringCount! * 4).buffer);
		const run = take(units! * 2).toString('utf16le');
		const [dates, fields] = JSON.parse(take(tableBytes!).toString('utf16le')) as unknown[];
		const strings = Array.from(written, (end, i) => run.slice(i === 0 ? 0 : written[i - 1], end));
		const tables = [strings, dates, fields];
		mutate(tables, numbers, b);
		const values = (tables[0] as unknown[]).map(String);
		const newEnds = new Uint32Array(values.length);
		let total = 0;
		values.forEach((v, i) => (newEnds[i] = total += v.length));
		ends?.(newEnds, b);
		const parts = [
			Buffer.from(numbers.buffer),
			Buffer.from(newEnds.buffer),
			Buffer.from(values.join(''), 'utf16le'),
			Buffer.from(JSON.stringify(tables.slice(1)), 'utf16le'),
		];
		const padded = parts.flatMap((part) => (part.length === 0 ? [] : [part, Buffer.alloc(align(part.length) - part.length)]));
		pieces.push(...padded);
		const whole = Buffer.concat(padded);
		const block = [at, count!, values.length, total, parts[3]!.length];
		at += whole.length;
		return block;
	});
	header.payload = at;
	const payload = Buffer.concat(pieces);
	const crcs = Buffer.alloc(align(Math.ceil(at / 4096) * 4));
	for (let b = 0; b * 4096 < at; b++) crcs.writeUInt32LE(zlib.crc32(payload.subarray(b * 4096, (b + 1) * 4096)), 4 * b);
	header.table = zlib.crc32(crcs.subarray(0, Math.ceil(at / 4096) * 4));
	const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
	const lead = Buffer.alloc(Math.ceil((16 + headerBytes.length) / 8) * 8);
	bytes.copy(lead, 0, 0, 8);
	lead.writeUInt32LE(headerBytes.length, 8);
	lead.writeUInt32LE(zlib.crc32(headerBytes), 12);
	headerBytes.copy(lead, 16);
	return Buffer.concat([lead, crcs, payload]);
}

test("truncated, flipped and forged listings are never trusted: the listing is the file's own (seeded fuzz)", {timeout: 300_000}, async () => {
	const file = path.join(dir, 'fuzz.jsonl');
	writeCorpus(file, corpusLines(1300, 4));
	const cache = path.join(dir, 'cache-fuzz');
	const expected = listingOf(await loadCorpus(file));
	await listed(file, cache);
	const cacheFile = listingCacheFile(cache, file);
	const good = fs.readFileSync(cacheFile);
	assert.deepEqual((await listed(file, cache)).articles, expected.articles, 'the good file is used');
	const tally = {cases: 0, warned: 0};
	/** `plausible`: a forgery whose values all hold together (a wrong length, say) may be used as it is: it cannot be told from the truth without reading the file. */
	const attempt = async (bytes: Buffer, plausible = false) => {
		fs.writeFileSync(cacheFile, bytes);
		const got = await listed(file, cache);
		const cacheWarnings = got.warnings.filter((w) => w.path === 'listing cache');
		if (plausible && cacheWarnings.length === 0) {
			assert.equal(got.articles.length, expected.articles.length);
			fs.writeFileSync(cacheFile, good);
			tally.cases++;
			return;
		}
		assert.deepEqual(got.articles, expected.articles);
		assert.deepEqual(
			got.warnings.filter((w) => w.path !== 'listing cache'),
			expected.warnings,
		);
		assert.ok(cacheWarnings.length <= 1, 'one warning at most');
		for (const w of cacheWarnings) assert.match(w.message, /^rebuilt: damaged \(.+\) \(/);
		if (!bytes.equals(good)) assert.ok(got.read > 0 || cacheWarnings.length === 0, 'a damaged listing is not replayed whole');
		// The rebuilt listing is good again.
		assert.deepEqual(fs.readFileSync(cacheFile), good);
		tally.cases++;
		tally.warned += cacheWarnings.length;
	};
	await fc.assert(
		fc.asyncProperty(fc.integer({min: 0, max: good.length - 1}), (length) => attempt(good.subarray(0, length))),
		{seed: 1010, numRuns: 60},
	);
	await fc.assert(
		fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({min: 1, max: 255})), {minLength: 1, maxLength: 3}), async (flips) => {
			const bad = Buffer.from(good);
			for (const [at, x] of flips) bad[at] = bad[at]! ^ x;
			await attempt(bad);
		}),
		{seed: 2020, numRuns: 80},
	);
	// Forgeries with right CRCs: numbers out of range or order, strings with escapes, tables of the wrong shape.
	const WEIRD = [-1, 0.5, 2 ** 53, NaN, Infinity, -Infinity, 1e9, 7];
	await fc.assert(
		fc.asyncProperty(fc.nat(8), fc.nat(), fc.constantFrom(...WEIRD), fc.nat(1), async (column, row, value, block) => {
			const before = tally.warned;
			// Another length, a line number, a string, or no source, date or fields: possible values.
			const plausible = value === 7 || (value === 1e9 && (column === 0 || column === 3)) || (value === -1 && column >= 6);
			await attempt(
				reseal(good, (_tables, numbers, b) => {
					if (b !== block) return;
					numbers[(row % (numbers.length / 9)) * 9 + column] = value;
				}),
				plausible,
			);
			if (!plausible) assert.equal(tally.warned, before + 1, 'an impossible number is seen');
		}),
		{seed: 3030, numRuns: 80},
	);
	const forgeries: [string, (tables: unknown[]) => void][] = [
		['an escape sequence in a title', (t) => ((t[0] as string[])[1] = '\u001b]52;c;aGk=\u0007title')],
		['a line break in a string', (t) => ((t[0] as string[])[1] = 'two\nlines')],
		['a C1 control in a title', (t) => ((t[0] as string[])[1] = 'news\u009b31m')],
		['a month 13', (t) => ((t[1] as unknown[][])[0] = [2021, 13, 1, '2021-13-01', 'x'])],
		['a field that is not a string', (t) => ((t[2] as unknown[])[0] = {category: 1})],
		['tables of another shape', (t) => t.pop()],
	];
	for (const [what, forge] of forgeries) {
		const before = tally.warned;
		await attempt(reseal(good, (tables, _n, b) => b === 0 && forge(tables)));
		assert.equal(tally.warned, before + 1, what);
	}
	// Strings' ends that do not cut their run: out of order, or past its end.
	const cuts: [string, (ends: Uint32Array) => void][] = [
		['ends out of order', (e) => ([e[0], e[1]] = [e[1]!, e[0]!])],
		['an end past the run', (e) => (e[e.length - 1] = e[e.length - 1]! + 1)],
	];
	for (const [what, cut] of cuts) {
		const before = tally.warned;
		await attempt(
			reseal(
				good,
				() => {},
				(e, b) => b === 0 && cut(e),
			),
		);
		assert.equal(tally.warned, before + 1, what);
	}
	console.log(`# listing fuzz: ${JSON.stringify(tally)}`);
});

test('a listing from another khao or for another version of the file is replaced without a word', async () => {
	const file = path.join(dir, 'version.jsonl');
	writeCorpus(file, corpusLines(300, 5));
	const cache = path.join(dir, 'cache-version');
	await listed(file, cache);
	const cacheFile = listingCacheFile(cache, file);
	const good = fs.readFileSync(cacheFile);
	const headerLength = good.readUInt32LE(8);
	const header = JSON.parse(good.toString('utf8', 16, 16 + headerLength)) as Record<string, unknown>;
	for (const change of [{code: 'another-build'}, {format: 'khao-listing-0', blocks: 'laid out otherwise'}, {version: '1:2:3:4:5'}]) {
		const headerBytes = Buffer.from(JSON.stringify({...header, ...change}), 'utf8');
		const lead = Buffer.alloc(16);
		good.copy(lead, 0, 0, 8);
		lead.writeUInt32LE(headerBytes.length, 8);
		lead.writeUInt32LE(zlib.crc32(headerBytes), 12);
		fs.writeFileSync(cacheFile, Buffer.concat([lead, headerBytes]));
		const got = await listed(file, cache);
		assert.deepEqual(
			got.warnings.filter((w) => w.path === 'listing cache'),
			[],
			JSON.stringify(change),
		);
		assert.equal(got.read, fs.statSync(file).size);
		assert.deepEqual(fs.readFileSync(cacheFile), good);
	}
});

test('the first article of a big .jsonl comes after a small first read, not a whole 1 MB chunk', async () => {
	const file = path.join(dir, 'first-read.jsonl');
	writeCorpus(file, corpusLines(10000, 6));
	assert.ok(fs.statSync(file).size > 2 * 1024 * 1024, 'bigger than two chunks');
	const before = jsonlReads.bytes;
	const load = openCorpus(file, {readyArticles: 1});
	await load.ready;
	const read = jsonlReads.bytes - before;
	load.stop?.();
	await load.finished;
	assert.ok(read > 0 && read <= 64 * 1024, `${read} bytes read before the first article`);
});

test('saving the listing of a big file is encoded a block per turn of the event loop: the reader answers keys between', async () => {
	const file = path.join(dir, 'steps.jsonl');
	writeCorpus(file, corpusLines(5_000, 3));
	const cacheDir = path.join(dir, 'steps-cache');
	const load = await loadCorpus(file, {listingCache: {dir: cacheDir, minBytes: 0}});
	const articles = load.articles.filter((a): a is StoredArticle => a instanceof StoredArticle);
	assert.equal(articles.length, load.articles.length);
	const listed = {path: file, version: {size: fs.statSync(file).size, mtimeMs: 0, ino: 0}} as unknown as Parameters<typeof writeListing>[1];
	// Each block's bytes are checksummed as it is encoded: the checksums done within one turn of
	// the event loop are the blocks encoded in it (a CRC for each 4 KB of a block, one more where a
	// piece ends inside 4 KB).
	let inThisTurn = 0;
	let most = 0;
	let all = 0;
	let counting = true;
	// The articles' digest is hashed a block a turn too, not all of them in one.
	const digests = mock.method(ArticlesDigest.prototype, 'add');
	let digestsBefore = 0;
	let mostDigests = 0;
	const turn = (): void => {
		inThisTurn = 0;
		mostDigests = Math.max(mostDigests, digests.mock.callCount() - digestsBefore);
		digestsBefore = digests.mock.callCount();
		if (counting) setImmediate(turn);
	};
	const crc32 = zlib.crc32;
	zlib.crc32 = ((data: Parameters<typeof zlib.crc32>[0], value?: number) => {
		most = Math.max(most, ++inThisTurn);
		all++;
		return crc32(data, value);
	}) as typeof zlib.crc32;
	try {
		setImmediate(turn);
		await writeListing(path.join(cacheDir, 'steps-again.lst'), listed, articles, []);
	} finally {
		counting = false;
		zlib.crc32 = crc32;
		digests.mock.restore();
	}
	assert.ok(all >= 2 * Math.floor(articles.length / 1_000), `every block checksummed (${all})`);
	assert.ok(mostDigests > 0 && mostDigests <= 1_000, `at most one block's articles hashed in a turn (${mostDigests})`);
	// A block is four parts (numbers, string ends, the strings, the tables), each maybe padded: 8 pieces at most.
	const written = fs.readFileSync(path.join(cacheDir, 'steps-again.lst'));
	const {blocks, payload} = JSON.parse(written.toString('utf8', 16, 16 + written.readUInt32LE(8))) as {blocks: number[][]; payload: number};
	const largestBlock = Math.max(...blocks.map(([offset], b) => (blocks[b + 1]?.[0] ?? payload) - offset!));
	assert.ok(most <= 8 + Math.ceil(largestBlock / 4096), `at most one block's pieces in a turn (${most} of ${all})`);
});

/** The listing of `file` opened lazily, as `--search` on a cached file does. */
function lazily(file: string, cache: string) {
	const stat = fs.statSync(file);
	const version = versionKey(fs.statSync(file, {bigint: true}));
	return openListedArticles(listingCacheFile(cache, file), {path: file, version, stamp: stampOf(stat)}, stat.size);
}

test("a listing opened lazily makes only the articles asked for, reading only their blocks; its digest is the articles'", async () => {
	const file = path.join(dir, 'lazy.jsonl');
	writeCorpus(file, corpusLines(2600, 7));
	const cache = path.join(dir, 'cache-lazy');
	const expected = listingOf(await loadCorpus(file));
	await listed(file, cache);
	const reads = positionalReads.bytes;
	const lazy = lazily(file, cache)!;
	assert.ok(lazy);
	const headerBytes = positionalReads.bytes - reads;
	assert.ok(headerBytes < 4096, `only the header is read on opening (${headerBytes} bytes)`);
	assert.equal(lazy.articles.length, expected.articles.length);
	assert.equal(lazy.blocksRead(), 0);
	// One article of the third block (the first holds 100, the others 1,000 each).
	const one = lazy.articles[1500]!;
	assert.equal(lazy.blocksRead(), 1);
	assert.ok(positionalReads.bytes - reads < fs.statSync(listingCacheFile(cache, file)).size / 2, 'one block, not the listing');
	assert.equal(lazy.articles[1500], one, 'the same object when asked again');
	assert.deepEqual(listingOf({articles: [one], warnings: []}).articles[0], expected.articles[1500]);
	assert.deepEqual(lazy.warnings, expected.warnings);
	// Everything, in order, as the ordinary listing (and `in` sees every index).
	assert.ok(2599 in lazy.articles && !(2600 in lazy.articles));
	assert.deepEqual(listingOf({articles: [...lazy.articles], warnings: []}).articles, expected.articles);
	const digest = new ArticlesDigest();
	for (const a of expected.articles) digest.add(a.id, a.title.length, a.length);
	assert.equal(lazy.digest, digest.finish());
	lazy.close();
});

test('a damaged block of a lazily opened listing throws ListingDamaged when one of its articles is asked for, not before', async () => {
	const file = path.join(dir, 'lazy-damaged.jsonl');
	writeCorpus(file, corpusLines(1300, 8));
	const cache = path.join(dir, 'cache-lazy-damaged');
	await listed(file, cache);
	const cacheFile = listingCacheFile(cache, file);
	const bytes = fs.readFileSync(cacheFile);
	// A byte near the end: the last block's.
	bytes[bytes.length - 20]! ^= 0x5a;
	fs.writeFileSync(cacheFile, bytes);
	const lazy = lazily(file, cache)!;
	assert.ok(lazy, 'the header is intact');
	assert.ok(lazy.articles[0]!.id.length > 0, 'an intact block is used');
	assert.throws(() => lazy.articles[1299], ListingDamaged);
	lazy.close();
	// A stale listing (the file changed) is not opened at all.
	fs.appendFileSync(file, `${JSON.stringify({id: 'late', body: 'ข่าวใหม่'})}\n`);
	assert.equal(lazily(file, cache), undefined);
});

test("a lazily opened listing checks only the asked article's own strings: a forged title elsewhere in its block does not refuse it, and is refused when asked for", async () => {
	const file = path.join(dir, 'lazy-forged.jsonl');
	writeCorpus(file, corpusLines(1300, 9));
	const cache = path.join(dir, 'cache-lazy-forged');
	const expected = listingOf(await loadCorpus(file));
	await listed(file, cache);
	const cacheFile = listingCacheFile(cache, file);
	// Article 150 (the second block's 51st) gets an escape sequence in its title, with every CRC made right.
	let forged = -1;
	const bytes = reseal(fs.readFileSync(cacheFile), (tables, numbers, b) => {
		if (b !== 1) return;
		const strings = tables[0] as string[];
		forged = numbers[50 * 9 + 5]!;
		strings[forged] = '\u001b]52;c;aGk=\u0007title';
		// Article 170's line put back before its neighbour's (its start, the column after its text's length).
		numbers[70 * 9 + 1] = numbers[69 * 9 + 1]!;
	});
	assert.ok(forged >= 0);
	fs.writeFileSync(cacheFile, bytes);
	const lazy = lazily(file, cache)!;
	assert.ok(lazy);
	// Another article of that block, whose strings are its own and clean, is made as listed.
	assert.deepEqual(listingOf({articles: [lazy.articles[160]!], warnings: []}).articles[0], expected.articles[160]);
	assert.throws(() => lazy.articles[150], ListingDamaged);
	assert.throws(() => lazy.articles[170], ListingDamaged);
	lazy.close();
});

test("a lazily asked article reads its block's numbers, ends and tables and its own strings, not the block's strings; a flipped byte in another's title refuses that one only", async () => {
	const file = path.join(dir, 'lazy-pieces.jsonl');
	// Long titles: a block's strings are most of its bytes, as a news archive's are.
	writeCorpus(
		file,
		corpusLines(2200, 10).map((line, i) => {
			if (!line.endsWith('}')) return line;
			const record = JSON.parse(line) as Record<string, unknown>;
			record['title'] = `${'ข่าวประจำวันเรื่องราคายางพาราและฤดูฝน '.repeat(6)}${i}`;
			return JSON.stringify(record);
		}),
	);
	const cache = path.join(dir, 'cache-lazy-pieces');
	const expected = listingOf(await loadCorpus(file));
	await listed(file, cache);
	const cacheFile = listingCacheFile(cache, file);
	const good = fs.readFileSync(cacheFile);
	const headerLength = good.readUInt32LE(8);
	const {blocks, payload} = JSON.parse(good.toString('utf8', 16, 16 + headerLength)) as {blocks: number[][]; payload: number};
	const align = (n: number) => Math.ceil(n / 8) * 8;
	const start = align(16 + headerLength) + align(Math.ceil(payload / 4096) * 4);
	// The second block (articles 100-1099): where its strings' run lies, and the title of its 501st article (600) in it,
	// far from the 4 KB pieces the block's numbers, ends and tables share with the run.
	const [offset, count, stringCount, units] = blocks[1]!;
	const numbersAt = start + offset!;
	const endsAt = numbersAt + align(count! * 9 * 8);
	const runAt = endsAt + align(stringCount! * 4);
	const title = good.readDoubleLE(numbersAt + 500 * 9 * 8 + 5 * 8);
	const titleFrom = runAt + 2 * good.readUInt32LE(endsAt + 4 * (title - 1));
	assert.ok(units! * 2 > 200_000, `the strings are most of the block (${units! * 2} bytes)`);

	const before = positionalReads.bytes;
	const lazy = lazily(file, cache)!;
	assert.deepEqual(listingOf({articles: [lazy.articles[100]!], warnings: []}).articles[0], expected.articles[100]);
	const read = positionalReads.bytes - before;
	assert.ok(read < runAt - numbersAt + 4 * 4096 + 64 * 1024, `one article read ${read} bytes; the block's strings alone are ${units! * 2}`);
	lazy.close();

	// A byte of article 600's title flipped (its CRC not made right): that article is refused, the block's first is made.
	const bad = Buffer.from(good);
	bad[titleFrom + 10]! ^= 0x21;
	fs.writeFileSync(cacheFile, bad);
	const damaged = lazily(file, cache)!;
	assert.deepEqual(listingOf({articles: [damaged.articles[100]!], warnings: []}).articles[0], expected.articles[100]);
	assert.throws(() => damaged.articles[600], ListingDamaged);
	damaged.close();
	// Read whole (as the reader and --list do), the flipped block is damaged: the listing is the file's own again.
	const again = await listed(file, cache);
	assert.ok(
		again.warnings.some((w) => w.path === 'listing cache' && /bad checksum/.test(w.message)),
		JSON.stringify(again.warnings),
	);
	assert.deepEqual(again.articles, expected.articles);
});
