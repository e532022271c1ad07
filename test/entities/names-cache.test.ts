// The names file (names-cache.ts): the same candidates, in the same order, as the in-memory name
// search over the same entities (ties and all); a query reads part of the file only; a file of
// other inputs is not used, and a damaged or foreign one is said in one line and not used.
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type {CorpusWarning} from '../../source/corpus/types.js';
import {buildEntityIndex} from '../../source/entities/builder.js';
import {emptyCorrections} from '../../source/entities/corrections.js';
import {NameSearch} from '../../source/entities/name-search.js';
import {corpusFileStamps, encodeNamesCache, namesCacheFile, namesCacheKey, withCachedNames} from '../../source/entities/names-cache.js';
import type {Entity} from '../../source/entities/types.js';
import {positionalReads} from '../../source/search/cache-blocks.js';
import {twoFileCorpus} from './helpers.js';

const roots: string[] = [];
after(() => {
	for (const root of roots) fs.rmSync(root, {recursive: true, force: true});
});

function tempDir(): string {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-names-test-'));
	roots.push(root);
	return root;
}

/** A small deterministic generator: the same entities every run. */
function random(seed: number): () => number {
	let s = seed;
	return () => {
		s = (s * 1103515245 + 12345) % 2 ** 31;
		return s / 2 ** 31;
	};
}

// Syllables of made-up names in both scripts (no real person's).
const THAI = ['สม', 'ปอง', 'วิ', 'ชัย', 'ประ', 'ยูร', 'กิต', 'ติ', 'ศักดิ์', 'มณี', 'รัตน์', 'บุญ', 'เลิศ', 'ทอง', 'ดี', 'แก้ว'];
const LATIN = ['som', 'pong', 'wi', 'chai', 'pra', 'yun', 'kit', 'ti', 'sak', 'ma', 'ni', 'rat', 'bun', 'loet', 'thong', 'kaeo'];
const KINDS: Entity['kind'][] = ['person', 'organization', 'place'];

/** Entities with names of two to four syllables, some in both scripts, many sharing mention counts. */
function madeUpEntities(count: number): Entity[] {
	const next = random(7);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	const word = (script: readonly string[]) => Array.from({length: 2 + Math.floor(next() * 2)}, () => pick(script)).join('');
	return Array.from({length: count}, (_, i): Entity => {
		const thai = next() < 0.5 ? `${word(THAI)} ${word(THAI)}` : word(THAI);
		const latin = `${word(LATIN)} ${word(LATIN)}`;
		const aliases = next() < 0.3 ? [thai] : next() < 0.5 ? [latin] : [thai, latin, thai.split(' ')[0]!];
		const mentionCount = 1 + Math.floor(next() * 4);
		return {id: `e${i}`, name: aliases[0]!, kind: pick(KINDS), aliases, mentionCount, articleCount: 1};
	});
}

/** Every alias, its words, starts and middles, and some spellings of no one. */
function queriesOf(entities: readonly Entity[]): string[] {
	const out = new Set<string>(['pra', 'somchai', 'prayun', 'kittisak', 'ประยูร', 'ทองดี', 'zzzz', 'x', 'สมปอง ดีมณี', 'bun thong']);
	for (const e of entities.slice(0, 150)) {
		for (const alias of e.aliases) {
			out.add(alias);
			for (const w of alias.split(' ')) {
				out.add(w);
				out.add(w.slice(0, 3));
				out.add(w.slice(1, 5));
			}
		}
	}
	return [...out].filter((q) => q.trim() !== '');
}

/** The names file of `entities` written in a fresh folder, keyed for one made-up file. */
function writeNames(entities: readonly Entity[]): {cacheDir: string; files: {path: string; size: number; stamp: string; digest: string}[]; file: string} {
	const cacheDir = tempDir();
	const files = [{path: path.join(cacheDir, 'news.jsonl'), size: 1234, stamp: '1:2:3:4', digest: '3:abc'}];
	const file = namesCacheFile(cacheDir, files);
	const key = namesCacheKey(files, undefined);
	fs.writeFileSync(file, Buffer.concat(encodeNamesCache(key, {entities: [...entities]})));
	return {cacheDir, files, file};
}

test('the names file gives the in-memory name search its candidates, in its order, ties too', () => {
	const entities = madeUpEntities(600);
	const {cacheDir, files} = writeNames(entities);
	const memory = new NameSearch(entities.map((e, entity) => ({entity, aliases: e.aliases})));
	const weight = (e: number) => entities[e]!.mentionCount;
	let compared = 0;
	for (const query of queriesOf(entities)) {
		const expected = memory.find(query, weight, 12).map((e) => entities[e]!.id);
		const got = withCachedNames(
			cacheDir,
			files,
			undefined,
			() => assert.fail('no warning'),
			(names) => names.findByName(query, 12).map((e) => e.id),
		);
		assert.deepEqual(got, expected, query);
		if (expected.length > 1) compared++;
	}
	assert.ok(compared > 50, `${compared} queries had several candidates`);
});

test("a corpus's detected entities: the names file answers as the entity index does", () => {
	const texts = [
		'นายสมปอง รักษ์ดี รองผู้ว่าราชการจังหวัด เดินทางไปประเทศญี่ปุ่น พร้อมกับนายสมปองและคณะ',
		'องค์การบริหารส่วนตำบลหนองบัว (อบต.หนองบัว) ร่วมกับ Global Water Partnership (GWP) จัดประชุมที่เชียงใหม่',
		'Mr. Somchai Thongdee met the governor of Chiang Mai; นายสมชาย ทองดี กล่าวว่า',
		'นายสมปอง รักษ์ดี กล่าวว่า ประเทศญี่ปุ่นและอินเดียจะร่วมมือกัน ที่จังหวัดเชียงใหม่',
	];
	const corpus = twoFileCorpus(tempDir(), texts);
	const articles = corpus.articles();
	const index = buildEntityIndex(articles);
	const files = corpusFileStamps(articles)!;
	fs.mkdirSync(corpus.cacheDir);
	fs.writeFileSync(namesCacheFile(corpus.cacheDir, articles), Buffer.concat(encodeNamesCache(namesCacheKey(files, undefined), index.data)));
	const queries = ['สมปอง', 'somchai', 'chiang mai', 'เชียงใหม่', 'gwp', 'global water', 'thongdee', 'รักษ์ดี', 'อินเดีย', 'india', 'ญี่ปุ่น'];
	for (const query of queries) {
		const expected = index.findByName(query, 12).map((e) => [e.id, e.name, e.kind, e.aliases, e.mentionCount]);
		const got = withCachedNames(
			corpus.cacheDir,
			files,
			undefined,
			() => assert.fail('no warning'),
			(names) => names.findByName(query, 12).map((e) => [e.id, e.name, e.kind, e.aliases, e.mentionCount]),
		);
		assert.deepEqual(got, expected, query);
	}
});

test('a lookup reads the tables it asks of and its candidates, not the whole file', () => {
	const entities = madeUpEntities(6000);
	const {cacheDir, files, file} = writeNames(entities);
	const size = fs.statSync(file).size;
	const twoWords = entities.find((e) => e.aliases[0]!.includes(' '))!.aliases[0]!;
	for (const query of ['ประยูร', 'prayun', twoWords]) {
		const before = positionalReads.bytes;
		const found = withCachedNames(
			cacheDir,
			files,
			undefined,
			() => assert.fail('no warning'),
			(names) => names.findByName(query, 12),
		);
		const read = positionalReads.bytes - before;
		assert.ok(found !== undefined && found.length > 0, query);
		assert.ok(read < size * 0.6, `${query}: read ${read} of ${size} bytes`);
	}
});

test('another corpus, code or version: not used, without a word', () => {
	const entities = madeUpEntities(50);
	const {cacheDir, files, file} = writeNames(entities);
	const heard: CorpusWarning[] = [];
	const use = (f: typeof files) =>
		withCachedNames(
			cacheDir,
			f,
			undefined,
			(w) => heard.push(w),
			(names) => names.findByName('som', 12),
		);
	assert.ok(use(files));
	assert.equal(use([{...files[0]!, digest: '3:abd'}]), undefined, 'another digest');
	assert.equal(use([{...files[0]!, size: 1235}]), undefined, 'another size');
	assert.equal(
		withCachedNames(
			cacheDir,
			files,
			emptyCorrections(),
			(w) => heard.push(w),
			() => true,
		),
		undefined,
		'with corrections',
	);
	// Another version's format: its header names another format.
	const bytes = fs.readFileSync(file);
	bytes.write('khao-names-0', bytes.indexOf('khao-names-1'), 'latin1');
	bytes.writeUInt32LE(zlib.crc32(bytes.subarray(16, 16 + bytes.readUInt32LE(8))), 12);
	fs.writeFileSync(file, bytes);
	assert.equal(use(files), undefined, 'other version');
	assert.deepEqual(heard, []);
});

test('a truncated, corrupt or foreign file: not used, said in one line', () => {
	const entities = madeUpEntities(3000);
	const {cacheDir, files, file} = writeNames(entities);
	const good = fs.readFileSync(file);
	const cases: Array<[string, Buffer]> = [
		['empty', Buffer.alloc(0)],
		['cut in the lead', good.subarray(0, 10)],
		['cut in the payload', good.subarray(0, good.byteLength - 5000)],
		['a byte flipped in the header', flipped(good, 40)],
		['a byte flipped in the block table', flipped(good, payloadStart(good) - 2)],
		['a byte flipped in the mention counts', flipped(good, payloadStart(good) + 10)],
		['a byte flipped in the keys', flipped(good, payloadStart(good) + 4 * entities.length + 100)],
		['foreign', Buffer.from('KHAOLNK3 this is some other cache file altogether')],
		['random bytes', Buffer.from(Array.from({length: 5000}, (_, i) => (i * 7919) % 256))],
	];
	for (const [what, bytes] of cases) {
		fs.writeFileSync(file, bytes);
		const heard: CorpusWarning[] = [];
		// Several queries, so that every table and some pieces are read.
		const got = withCachedNames(
			cacheDir,
			files,
			undefined,
			(w) => heard.push(w),
			(names) => ['ประยูร', 'prayun', 'som', 'สมปอง ดีมณี', 'ทอง'].map((q) => names.findByName(q, 12)),
		);
		assert.equal(got, undefined, what);
		assert.equal(heard.length, 1, what);
		assert.match(heard[0]!.message, /^not used: .+ \(.+\.nms\)$/, what);
	}
	fs.symlinkSync('/dev/zero', `${file}.link`);
	fs.rmSync(file);
	fs.renameSync(`${file}.link`, file);
	const heard: CorpusWarning[] = [];
	assert.equal(
		withCachedNames(
			cacheDir,
			files,
			undefined,
			(w) => heard.push(w),
			() => true,
		),
		undefined,
		'a link',
	);
	// Not opened, and not said here: the search cache says what is wrong with the folder.
	assert.deepEqual(heard, []);
});

/** Where the payload starts: after the lead, the header (8-aligned) and a CRC per 4 KB block. */
function payloadStart(bytes: Buffer): number {
	const headerLength = bytes.readUInt32LE(8);
	const header = JSON.parse(bytes.toString('utf8', 16, 16 + headerLength)) as {payload: number};
	return Math.ceil((16 + headerLength) / 8) * 8 + 4 * Math.ceil(header.payload / 4096);
}

function flipped(bytes: Buffer, at: number): Buffer {
	const copy = Buffer.from(bytes);
	copy[at]! ^= 0x5a;
	return copy;
}
