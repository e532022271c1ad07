// Reliability of the search cache (issue 12): whatever the cache file holds and whatever the cache
// folder is, khao answers correctly or without the cache, warns once, never throws and never hangs.
// First a seeded fuzz of the cache reader (truncations, byte flips, forgeries with a valid CRC), then
// the built CLI against a cache folder under a file or /proc, a FIFO and a link to /dev/zero.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {fileURLToPath} from 'node:url';
import fc from 'fast-check';
import {runInPty} from '../../bench/pty.js';
import type {Article} from '../../source/corpus/types.js';
import {cacheFileFor} from '../../source/search/cache.js';
import {MAGIC} from '../../source/search/cache-format.js';
import {indexCorpusSteps, type OpenIndexOptions} from '../../source/search/open.js';
import {search} from '../../source/search/search.js';
import type {SearchIndex} from '../../source/search/search-index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
let dir = '';

before(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-reliability-cache-'));
});

after(() => {
	if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

// ---- The reader, fuzzed -------------------------------------------------------------------------

const SENTENCES = [
	'ที่ประชุมคณะรัฐมนตรีมีมติเห็นชอบโครงการพัฒนาระบบน้ำประปาในพื้นที่ชนบท',
	'ผู้ว่าราชการจังหวัดลงพื้นที่ตรวจเยี่ยมประชาชนที่ได้รับผลกระทบจากน้ำท่วม',
	'The delegation from Almaty met the minister to discuss rail freight.',
	'คณะผู้แทนจากคาซัคสถานเดินทางเยือนกรุงเทพฯ เพื่อหารือเรื่องการค้า',
	'นักท่องเที่ยวจากปักกิ่ง (北京) เพิ่มขึ้นต่อเนื่องในไตรมาสที่ผ่านมา',
];

/** Two .jsonl files in one folder, articles written here (not taken from any sample). */
function makeCorpus(): Article[] {
	const folder = fs.mkdtempSync(path.join(dir, 'corpus-'));
	const articles: Article[] = [];
	for (const name of ['north', 'south']) {
		const file = path.join(folder, `${name}.jsonl`);
		const lines: string[] = [];
		for (let i = 0; i < 4; i++) {
			const text = [SENTENCES[i % 5], SENTENCES[(i + 2) % 5], `${name} เรื่องที่ ${i}`, SENTENCES[(i + 4) % 5]].join('\n\n');
			const title = i === 1 ? `ข่าว${name}ที่ ${i} (北京)` : `ข่าว${name}ที่ ${i}`;
			lines.push(JSON.stringify({id: `${name}-${i}`, title, body: text}));
			articles.push({id: `${name}-${i}`, path: file, format: 'jsonl', title, text, blocks: []});
		}
		fs.writeFileSync(file, lines.join('\n') + '\n');
	}
	return articles;
}

const QUERIES = ['คาซัคสถาน', 'คาซักสถาน', 'ประชุม', 'almaty', 'ผู้วาราชการ', '北京', 'south เรื่องที่ 2'];
const SLOW_OK = {budgetMs: 60_000, fuzzyBudgetMs: 60_000, limit: 100};

function answers(index: SearchIndex): string {
	return JSON.stringify(QUERIES.map((q) => search(index, q, SLOW_OK).hits.map((h) => [h.articleId, h.field, h.start, h.end, h.kind])));
}

function open(articles: Article[], opts: OpenIndexOptions): {index: SearchIndex; fromCache: number; warnings: string[]} {
	const warnings: string[] = [];
	const steps = indexCorpusSteps(articles, {...opts, onCacheWarning: (w) => warnings.push(w.message)});
	let fromCache = 0;
	for (;;) {
		const step = steps.next();
		if (step.done) return {index: step.value, fromCache, warnings};
		fromCache = step.value.fromCache;
	}
}

/** A cache file taken apart: its JSON header and payload, and put together again with valid CRCs. */
interface Parts {
	header: Record<string, unknown>;
	payload: Buffer;
}

const BLOCK = 4096;
const align8 = (n: number) => Math.ceil(n / 8) * 8;

function takeApart(bytes: Buffer): Parts {
	const length = bytes.readUInt32LE(8);
	const header = JSON.parse(bytes.toString('utf8', 16, 16 + length)) as Record<string, unknown>;
	const tableBytes = Math.ceil((header['payload'] as number) / BLOCK) * 4;
	const start = align8(16 + length) + align8(tableBytes);
	return {header, payload: Buffer.from(bytes.subarray(start))};
}

/** Lead, header, block table and payload, every CRC made to match (as a forger would). */
function forge({header, payload}: Parts): Buffer {
	const table = Buffer.alloc(align8(Math.ceil(payload.length / BLOCK) * 4));
	const blocks = Math.ceil(payload.length / BLOCK);
	for (let b = 0; b < blocks; b++) table.writeUInt32LE(zlib.crc32(payload.subarray(b * BLOCK, (b + 1) * BLOCK)), 4 * b);
	const json = Buffer.from(JSON.stringify({...header, table: zlib.crc32(table.subarray(0, blocks * 4))}));
	const lead = Buffer.alloc(align8(16 + json.length));
	lead.write(MAGIC, 0, 'latin1');
	lead.writeUInt32LE(json.length, 8);
	lead.writeUInt32LE(zlib.crc32(json), 12);
	json.copy(lead, 16);
	return Buffer.concat([lead, table, payload]);
}

/** Paths to every number in the header (offsets, lengths, counts, sizes, flags). */
function numberPaths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
	if (typeof value === 'number') out.push(at);
	else if (Array.isArray(value)) value.forEach((v, i) => numberPaths(v, [...at, i], out));
	else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numberPaths(v, [...at, k], out);
	return out;
}

function setAt(target: Record<string, unknown>, at: (string | number)[], value: unknown): void {
	let node = target as Record<string | number, unknown>;
	for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	node[at[at.length - 1]!] = value;
}

const ARRAY_TYPES: Record<string, {bytes: number; write: 'writeInt32LE' | 'writeUInt32LE' | 'writeUInt16LE' | 'writeUInt8'}> = {
	textLengths: {bytes: 4, write: 'writeInt32LE'},
	titleLengths: {bytes: 4, write: 'writeInt32LE'},
	articlePassages: {bytes: 4, write: 'writeInt32LE'},
	articleTones: {bytes: 4, write: 'writeInt32LE'},
	tonePos: {bytes: 4, write: 'writeInt32LE'},
	passageStart: {bytes: 4, write: 'writeInt32LE'},
	passageSource: {bytes: 4, write: 'writeInt32LE'},
	keys: {bytes: 4, write: 'writeInt32LE'},
	offsets: {bytes: 4, write: 'writeUInt32LE'},
	counts: {bytes: 4, write: 'writeUInt32LE'},
	passageArticle: {bytes: 2, write: 'writeUInt16LE'},
	passageFlags: {bytes: 1, write: 'writeUInt8'},
	toneMark: {bytes: 1, write: 'writeUInt8'},
	postings: {bytes: 1, write: 'writeUInt8'},
	stringUnits: {bytes: 4, write: 'writeInt32LE'},
	stringOneByte: {bytes: 1, write: 'writeUInt8'},
};

/** Values that break code trusting them: zero, one past, the type's extremes. */
function interesting(bytes: number, old: number): number[] {
	const max = 2 ** (8 * bytes) - 1;
	const signedMax = 2 ** (8 * bytes - 1) - 1;
	return [0, 1, old + 1, old - 1, old * 2 + 7, signedMax, max, Math.floor(max / 3)].map((v) => Math.max(0, Math.min(max, v)));
}

/**
 * A fresh corpus with its cache written: the answers without a cache, the cache file, and options
 * that read it without writing it back (each case then starts from the file as the test made it).
 */
function cachedCorpus(name: string) {
	const articles = makeCorpus();
	const cacheDir = path.join(dir, name);
	const opts: OpenIndexOptions = {cacheDir, segmentArticles: 2, saveCache: () => undefined};
	const expected = answers(open(articles, {cacheDir: null, segmentArticles: 2}).index);
	open(articles, {cacheDir, segmentArticles: 2});
	// One cache file per source file: the first file's is attacked, the second's stays good.
	const source = articles[0]!.path;
	const file = cacheFileFor(cacheDir, source);
	const others = articles.filter((a) => a.path !== source).length;
	return {articles, opts, expected, file, others, good: fs.readFileSync(file)};
}

test('fuzzed cache files never crash or hang; damaged ones are rebuilt and answer right (seeded, 700 cases)', {timeout: 600_000}, () => {
	const {articles, opts, expected, file, others, good} = cachedCorpus('fuzz-cache');
	const reused = open(articles, opts);
	assert.equal(reused.fromCache, articles.length, 'the untouched cache is used');
	assert.equal(answers(reused.index), expected);
	const parts = takeApart(good);
	const tally = {rejected: 0, sameAnswers: 0, otherAnswers: 0};

	/** Opens the index over `bytes` and searches: must not throw; returns whether the answers are the right ones. */
	const attempt = (bytes: Buffer): boolean => {
		fs.writeFileSync(file, bytes);
		const run = open(articles, opts);
		assert.ok(run.warnings.length <= 1, 'at most one warning');
		const same = answers(run.index) === expected;
		assert.ok(run.fromCache >= others, "the other file's cache is still used");
		if (run.fromCache === others) tally.rejected++;
		else if (same) tally.sameAnswers++;
		else tally.otherAnswers++;
		return same;
	};

	// Truncated anywhere: never used, always rebuilt.
	fc.assert(
		fc.property(fc.integer({min: 0, max: good.length - 1}), (length) => attempt(good.subarray(0, length))),
		{seed: 12_005, numRuns: 120},
	);
	// Bytes flipped without fixing the CRC: rebuilt (or, in the lead's padding, harmless).
	fc.assert(
		fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({min: 1, max: 255})), {minLength: 1, maxLength: 4}), (flips) => {
			const bytes = Buffer.from(good);
			for (const [at, mask] of flips) bytes[at]! ^= mask;
			return attempt(bytes);
		}),
		{seed: 12_012, numRuns: 200},
	);
	// Any number of the header forged, CRC recomputed: caught by the layout and validity checks.
	const numbers = numberPaths(parts.header);
	fc.assert(
		fc.property(fc.nat(numbers.length - 1), fc.constantFrom(0, 1, -1, 7, 8, 0.5, 2 ** 31 - 1, 2 ** 32, 2 ** 53, 1e300, '3', null), fc.boolean(), (n, value, relative) => {
			const header = structuredClone(parts.header);
			const at = numbers[n]!;
			const old = at.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], header) as number;
			setAt(header, at, relative && typeof value === 'number' ? old + value : value);
			return attempt(forge({header, payload: parts.payload}));
		}),
		{seed: 12_033, numRuns: 200},
	);
	// Any element of a cached array forged, CRC recomputed: never a crash or a hang. (Some forgeries
	// are self-consistent, a tone mark for another or a passage flag, and give other answers: only the
	// CRC stands against those, as it does against a forged text.)
	const segments = parts.header['segments'] as {arrays: Record<string, [number, number]>}[];
	const targets = segments.flatMap((segment) =>
		Object.entries(segment.arrays)
			.filter(([, [, length]]) => length > 0)
			.map(([name, [offset, length]]) => ({name, offset, length})),
	);
	fc.assert(
		fc.property(fc.nat(targets.length - 1), fc.nat(), fc.nat(7), (t, element, pick) => {
			const {name, offset, length} = targets[t]!;
			const type = ARRAY_TYPES[name]!;
			const payload = Buffer.from(parts.payload);
			const at = offset + (element % length) * type.bytes;
			const old = type.bytes === 4 ? payload.readUInt32LE(at) : type.bytes === 2 ? payload.readUInt16LE(at) : payload[at]!;
			const value = interesting(type.bytes, old)[pick]!;
			if (type.write === 'writeInt32LE') payload.writeInt32LE(value | 0, at);
			else payload[type.write](value, at);
			attempt(forge({header: parts.header, payload}));
		}),
		{seed: 12_044, numRuns: 180},
	);
	assert.ok(tally.rejected > 500, `most damaged files are rejected: ${JSON.stringify(tally)}`);
	console.log(`# cache fuzz: ${JSON.stringify(tally)}`);
});

test('forgeries that made the old reader throw or run away are rejected (valid CRC)', {timeout: 120_000}, () => {
	const {articles, opts, expected, file, others, good} = cachedCorpus('forged-cache');
	const parts = takeApart(good);
	const arrays = (parts.header['segments'] as {arrays: Record<string, [number, number]>}[])[1]!.arrays;
	// Before validation: an article's passages ending at 0 grew memory without end; a passage source
	// or a count near 2^31 threw (RangeError: Invalid typed array length, or reading past an array).
	for (const [name, element, value] of [
		['articlePassages', 1, 0],
		['articlePassages', 2, 1],
		['passageSource', 3, 1_431_655_765],
		['counts', 0, 2 ** 31 - 1],
		['articleTones', 1, 2 ** 31 - 1],
		['offsets', 1, 0xffff_ffff],
	] as const) {
		const payload = Buffer.from(parts.payload);
		const at = arrays[name]![0] + element * 4;
		payload.writeUInt32LE(value >>> 0, at);
		fs.writeFileSync(file, forge({header: parts.header, payload}));
		const run = open(articles, opts);
		assert.equal(run.fromCache, others, `${name}[${element}] = ${value} rejected`);
		assert.equal(answers(run.index), expected);
		assert.equal(run.warnings.length, 1);
		assert.match(run.warnings[0]!, /^rebuilt: damaged \(bad layout\) \(/);
	}
});

// ---- The built CLI ------------------------------------------------------------------------------

// Anything a terminal would act on: ESC, BEL, C0/C1 controls, bidi overrides and isolates.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

function cliCorpus(): string {
	const folder = fs.mkdtempSync(path.join(dir, 'cli-corpus-'));
	fs.writeFileSync(path.join(folder, 'one.txt'), `ข่าวทดลองหนึ่ง\n\n${SENTENCES[0]}\n\n${SENTENCES[3]}\n`);
	fs.writeFileSync(path.join(folder, 'two.txt'), `ข่าวทดลองสอง\n\n${SENTENCES[1]}\n`);
	return folder;
}

/** Runs `khao CORPUS --search คาซัคสถาน` with this cache folder; 30 s is far past any honest run. */
function searchWith(corpus: string, cacheDir: string) {
	const started = performance.now();
	// Opened as `.` from inside the corpus: the hit's path is short whatever the temporary folder.
	const r = spawnSync(process.execPath, [cli, '.', '--search', 'คาซัคสถาน'], {
		cwd: corpus,
		encoding: 'utf8',
		timeout: 30_000,
		env: {...process.env, NO_COLOR: '1', KHAO_CACHE_DIR: cacheDir},
	});
	return {code: r.status, signal: r.signal, out: r.stdout, err: r.stderr, ms: performance.now() - started};
}

/** Exit 0 with the hit, and exactly one clean warning line about the cache (or none). */
function assertSearched(run: ReturnType<typeof searchWith>, warning: RegExp | undefined, what: string): void {
	assert.equal(run.signal, null, `${what}: ended by itself (${run.ms.toFixed(0)} ms)`);
	assert.equal(run.code, 0, `${what}: exit 0; stderr: ${run.err}`);
	assert.match(run.out, /one\.txt/, `${what}: the hit is printed`);
	const lines = run.err.split('\n').filter(Boolean);
	if (warning === undefined) assert.deepEqual(lines, [], what);
	else {
		assert.equal(lines.length, 1, `${what}: one warning line, got ${JSON.stringify(lines)}`);
		assert.match(lines[0]!, warning, what);
	}
	assert.doesNotMatch(run.err, UNSAFE, `${what}: nothing raw reaches the terminal`);
}

/** The cache file of the corpus's one.txt (each source file has its own). */
function cacheFileOf(cacheDir: string, corpus: string): string {
	const file = cacheFileFor(cacheDir, path.join(corpus, 'one.txt'));
	assert.ok(fs.existsSync(file));
	return file;
}

test('CLI: KHAO_CACHE_DIR under a regular file, or named with escapes, searches without the cache', () => {
	assert.ok(fs.existsSync(cli), 'dist/cli.js exists (npm test builds it first)');
	const corpus = cliCorpus();
	const blocker = path.join(dir, 'a-file');
	fs.writeFileSync(blocker, 'not a folder');
	assertSearched(searchWith(corpus, path.join(blocker, 'khao')), /^khao: skipped: search cache: not used: .*not a folder \(.*a-file.*\)$/, 'under a file');
	const hostile = path.join(dir, '\u001B]0;pwned\u0007', 'a-file');
	fs.mkdirSync(path.dirname(hostile));
	fs.writeFileSync(hostile, '');
	assertSearched(searchWith(corpus, path.join(hostile, 'cache')), /^khao: skipped: search cache: not used: /, 'escape in the name');
});

test('CLI: KHAO_CACHE_DIR under /proc ends at once with one warning', {skip: fs.existsSync('/proc/self') ? false : 'no /proc here'}, () => {
	const corpus = cliCorpus();
	assertSearched(
		searchWith(corpus, '/proc/khao-no-such/cache'),
		/^khao: skipped: search cache: not saved: cannot create its folder: .* \(\/proc\/khao-no-such\)$/,
		'/proc',
	);
	assertSearched(searchWith(corpus, '/proc/self/khao-cache'), /^khao: skipped: search cache: not saved: cannot create its folder/, '/proc/self');
});

test('CLI: a FIFO or a link to /dev/zero in place of the cache file is not read; the cache is then rebuilt', () => {
	const corpus = cliCorpus();
	const cacheDir = path.join(dir, 'cli-cache');
	assertSearched(searchWith(corpus, cacheDir), undefined, 'first run');
	const file = cacheFileOf(cacheDir, corpus);
	assertSearched(searchWith(corpus, cacheDir), undefined, 'from the cache');
	for (const [what, make, message] of [
		['FIFO', () => execFileSync('mkfifo', [file]), /search cache: not used: not a regular file \(/],
		['link to /dev/zero', () => fs.symlinkSync('/dev/zero', file), /search cache: not used: a symbolic link, not followed/],
		['damaged', () => fs.writeFileSync(file, `${MAGIC} and then nothing useful at all`), /search cache: rebuilt: damaged \(truncated\)/],
	] as const) {
		fs.rmSync(file);
		make();
		assertSearched(searchWith(corpus, cacheDir), message, what);
		assert.ok(fs.lstatSync(file).isFile(), `${what}: replaced by a good cache`);
		assertSearched(searchWith(corpus, cacheDir), undefined, `${what}, then`);
	}
});

test('CLI: a changed file with the same size and mtime is searched afresh (touch -r)', async () => {
	const corpus = cliCorpus();
	const cacheDir = path.join(dir, 'cli-cache-stale');
	const file = path.join(corpus, 'one.txt');
	const reference = path.join(dir, 'one-times');
	assertSearched(searchWith(corpus, cacheDir), undefined, 'first run');
	fs.copyFileSync(file, reference);
	execFileSync('touch', ['-r', file, reference]);
	await new Promise((resolve) => setTimeout(resolve, 50));
	// Same length, other word: คาซัคสถาน (the query) becomes อุซเบกิสถาน's neighbour… of the same size.
	const before = fs.readFileSync(file, 'utf8');
	const after = before.replace('คาซัคสถาน', 'ทาจิกสถาน');
	assert.equal(Buffer.byteLength(after), Buffer.byteLength(before));
	fs.writeFileSync(file, after);
	execFileSync('touch', ['-r', reference, file]);
	const run = searchWith(corpus, cacheDir);
	assert.equal(run.code, 0);
	assert.doesNotMatch(run.out, /one\.txt/, 'the old text is not served from the cache');
});

/** The reader in a pseudo-terminal over a corpus whose cache file has been replaced by a FIFO. */
function readerOverFifo(name: string): ReturnType<typeof runInPty> {
	const corpus = cliCorpus();
	const cacheDir = path.join(dir, name);
	assertSearched(searchWith(corpus, cacheDir), undefined, 'first run');
	const file = cacheFileOf(cacheDir, corpus);
	fs.rmSync(file);
	execFileSync('mkfifo', [file]);
	return runInPty(['node', cli, corpus], {columns: 100, rows: 24, env: {KHAO_CACHE_DIR: cacheDir, NO_COLOR: '1'}});
}

test('reader: a FIFO as the cache file does not freeze it; the warning is under w and printed on exit', async () => {
	const pty = readerOverFifo('reader-cache');
	try {
		await pty.waitFor('1 skipped (w)', 30_000);
		pty.send('w');
		await pty.waitFor('search cache — not used', 10_000);
		const exited = new Promise<number | null>((resolve) => pty.child.once('exit', (code) => resolve(code)));
		pty.send('q');
		assert.equal(await exited, 0);
		const printed = pty.output().slice(pty.output().lastIndexOf('\u001B[?1049l'));
		assert.match(printed, /khao: skipped: search cache: not used: not a regular file/);
	} finally {
		await pty.stop();
	}
});

for (const [how, stop] of [
	['Ctrl+C', (pty: ReturnType<typeof runInPty>) => pty.send('\u0003')],
	['SIGTERM', (pty: ReturnType<typeof runInPty>) => process.kill(pty.commandPid()!, 'SIGTERM')],
] as const) {
	test(`reader: with a FIFO as the cache file, ${how} ends it`, async () => {
		const pty = readerOverFifo(`reader-cache-${how}`);
		try {
			await pty.waitFor('q quit', 30_000);
			// Give the indexer time to reach the cache (where the old reader froze on the FIFO's open).
			await new Promise((resolve) => setTimeout(resolve, 2_000));
			const exited = new Promise<string>((resolve) => pty.child.once('exit', () => resolve('exited')));
			stop(pty);
			const hung = new Promise<string>((resolve) => setTimeout(() => resolve('still running 20 s later'), 20_000).unref());
			assert.equal(await Promise.race([exited, hung]), 'exited');
		} finally {
			await pty.stop();
		}
	});
}
