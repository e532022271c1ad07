// The name-search tables of a linked corpus on disk, beside its linked cache: what `--search`
// needs to offer a name's other spellings (`prayut` → ประยุทธ์) without the entity graph. The
// linked cache is keyed on every article and holds two million mentions at 60,000 articles (about
// 100 MB); reading it to look up one name cost a cached `--search` more than its search. This file
// holds only the aliases' keys (NameSearch's tables, sorted), each entity's mention count, and the
// entities' names in small JSON pieces: a query reads the tables it asks of (a few MB at 60,000
// articles) and the pieces of its dozen candidates.
//
// It is keyed on what the linked result depends on, but per source file by the digest of its
// articles (articles-digest.ts) instead of per article: a one-shot search of a listed .jsonl file
// has that digest from the listing's header, so it checks this file without making one article.
//
// Layout: the lead and JSON header (cache-format.ts's leadWith: magic, header length and CRC),
// then a CRC-32 per 4 KB block of the payload (cache-blocks.ts; the header keeps the table's own
// CRC), then the payload. Every read is positional and checked block by block; the tables' numbers
// are checked against each other and the entity count before use. A stale file (another corpus,
// code or version) is not used; a truncated, corrupt or foreign one is said in one line and not used.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {textLengthOf} from '../corpus/article-store.js';
import {ArticlesDigest} from '../corpus/articles-digest.js';
import {reasonOf} from '../corpus/errors.js';
import type {Article, CorpusWarning} from '../corpus/types.js';
import {BadBlock, BlockReader, blockTable, openCacheFile, readExactly} from '../search/cache-blocks.js';
import {AlignedPieces, align8, headerObject, LEAD, leadWith} from '../search/cache-format.js';
import {CacheProblem, writeAtomicAsync} from '../search/cache-io.js';
import {statFiles} from '../search/cache.js';
import type {EntityCorrections} from './corrections.js';
import {detectionVersion} from './detection-version.js';
import type {EntityIndexData} from './entity-index.js';
import {linkedCacheFile} from './linked-cache.js';
import {findInTables, NameSearch, type KeyedEntity, type NameTables} from './name-search.js';
import {isCount, isPair, isRecord} from './sealed-file.js';
import {ENTITY_KINDS, type Entity} from './types.js';
import {byCodeUnits} from '../text/collate.js';

const MAGIC = 'KHAONMS1';
const FORMAT = 'khao-names-1';
/** Entities per JSON piece: a candidate costs reading about this many entities' names. */
const ENTITIES_PER_PIECE = 128;
/** The tables, in payload order. */
const TABLES = ['keys', 'phonetic', 'tokenPhonetic', 'fine', 'romans', 'romanTokens'] as const;
type TableName = (typeof TABLES)[number];

type Span = [offset: number, length: number];

/** One table: its sorted keys as one UTF-16 run (bytes), where each key starts (units), where each key's entities start, the entities. */
interface TableSpans {
	run: Span;
	starts: Span;
	first: Span;
	postings: Span;
}

interface Header {
	format: string;
	key: string;
	entities: number;
	/** Each entity's mention count (Int32, entities long). */
	counts: Span;
	tables: Record<TableName, TableSpans>;
	/** JSON arrays of [id, name, kind, aliases, mentionCount], ENTITIES_PER_PIECE each: [offset, bytes]. */
	pieces: Span[];
	payload: number;
	/** CRC-32 of the block table. */
	table: number;
}

/** One source file of a corpus as the key sees it: its resolved path, size, stamp and the digest of its articles. */
export interface NamesFileStamp {
	path: string;
	size: number;
	stamp: string;
	digest: string;
}

/** The names file of a corpus: the linked cache's name with its own prefix and extension (one `rm entities-*` clears both). */
export function namesCacheFile(cacheDir: string, articles: readonly Pick<Article, 'path'>[]): string {
	const linked = path.basename(linkedCacheFile(cacheDir, articles));
	return path.join(cacheDir, linked.replace(/^entities-linked-/, 'entities-names-').replace(/\.lnk$/, '.nms'));
}

/** What the names of a corpus depend on, hashed (the linked result's inputs, a file's articles by their digest). */
export function namesCacheKey(files: readonly NamesFileStamp[], corrections: EntityCorrections | undefined): string {
	const hash = crypto.createHash('sha256');
	hash.update(`${FORMAT}\0${detectionVersion()}\0${JSON.stringify(corrections ?? null)}\0`);
	for (const file of files) hash.update(`\u0001${file.path}\0${file.size}\0${file.stamp}\0${file.digest}\0`);
	return hash.digest('hex');
}

/** The files of a loaded corpus, in order of their first article, for namesCacheKey; undefined when one cannot be stamped (stdin, a file gone). */
export function corpusFileStamps(articles: readonly Article[]): NamesFileStamp[] | undefined {
	const stats = statFiles(articles);
	const digests = new Map<string, ArticlesDigest>();
	for (const article of articles) {
		let digest = digests.get(article.path);
		if (digest === undefined) digests.set(article.path, (digest = new ArticlesDigest()));
		digest.add(article.id, article.title.length, textLengthOf(article));
	}
	const files: NamesFileStamp[] = [];
	for (const [file, digest] of digests) {
		const stat = stats.get(file);
		if (stat === undefined) return undefined;
		files.push({path: path.resolve(file), size: stat.size, stamp: stat.stamp, digest: digest.finish()});
	}
	return files;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A map of keys to entities as a sorted table's four arrays. */
function encodeTable(map: ReadonlyMap<string, Iterable<number>>): {run: Uint8Array; starts: Uint32Array; first: Uint32Array; postings: Int32Array} {
	// Code-unit order, as `<` compares: the reader's binary search compares the same way.
	const keys = [...map.keys()].sort(byCodeUnits);
	const starts = new Uint32Array(keys.length + 1);
	const first = new Uint32Array(keys.length + 1);
	const lists: Int32Array[] = [];
	let units = 0;
	let total = 0;
	keys.forEach((key, i) => {
		starts[i] = units;
		first[i] = total;
		// A separator after each key: a match of the query never runs from one key into the next.
		units += key.length + 1;
		const list = Int32Array.from(new Set(map.get(key))).sort();
		lists.push(list);
		total += list.length;
	});
	starts[keys.length] = units;
	first[keys.length] = total;
	const postings = new Int32Array(total);
	lists.forEach((list, i) => postings.set(list, first[i]!));
	const run = Buffer.from(keys.map((k) => `${k}\n`).join(''), 'utf16le');
	return {run, starts, first, postings};
}

/** Keyed entities grouped by first letter (the romanised tables) as a map of keys to entities. */
function byKey(groups: ReadonlyMap<string, readonly KeyedEntity[]>): Map<string, number[]> {
	const out = new Map<string, number[]>();
	for (const list of groups.values()) {
		for (const {key, entity} of list) {
			const entities = out.get(key);
			if (entities === undefined) out.set(key, [entity]);
			else entities.push(entity);
		}
	}
	return out;
}

const bytesOf = (a: Uint32Array | Int32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The file's bytes for the names of `data` under `key` (namesCacheKey). */
export function encodeNamesCache(key: string, data: Pick<EntityIndexData, 'entities' | 'nameSearch'>): Uint8Array[] {
	const {entities} = data;
	const search = data.nameSearch ?? new NameSearch(entities.map((e, entity) => ({entity, aliases: e.aliases})));
	const all = search.tables();
	const maps: Record<TableName, ReadonlyMap<string, Iterable<number>>> = {
		keys: all.exact,
		phonetic: all.phonetic,
		tokenPhonetic: all.tokenPhonetic,
		fine: all.fine,
		romans: byKey(all.romans),
		romanTokens: byKey(all.romanTokens),
	};
	const pieces: Uint8Array[] = [];
	const payload = new AlignedPieces(pieces);
	const counts = Int32Array.from(entities, (e) => e.mentionCount);
	const countsAt: Span = [payload.push(bytesOf(counts)), counts.length];
	const tables = {} as Record<TableName, TableSpans>;
	for (const name of TABLES) {
		const t = encodeTable(maps[name]);
		tables[name] = {
			run: [payload.push(t.run), t.run.byteLength],
			starts: [payload.push(bytesOf(t.starts)), t.starts.length],
			first: [payload.push(bytesOf(t.first)), t.first.length],
			postings: [payload.push(bytesOf(t.postings)), t.postings.length],
		};
	}
	const entityPieces: Span[] = [];
	for (let from = 0; from < entities.length; from += ENTITIES_PER_PIECE) {
		const rows = entities.slice(from, from + ENTITIES_PER_PIECE).map((e) => [e.id, e.name, e.kind, e.aliases, e.mentionCount]);
		const bytes = Buffer.from(JSON.stringify(rows), 'utf8');
		entityPieces.push([payload.push(bytes), bytes.byteLength]);
	}
	const table = blockTable(pieces);
	const header: Header = {
		format: FORMAT,
		key,
		entities: entities.length,
		counts: countsAt,
		tables,
		pieces: entityPieces,
		payload: payload.offset,
		table: zlib.crc32(table),
	};
	return [leadWith(MAGIC, header), table, ...pieces];
}

/**
 * Writes the names of `data` for these articles and corrections unless the file there is already
 * theirs (a read of its header); a corpus that cannot be stamped writes nothing. Never throws: a
 * file that cannot be written is said through `onWarning`.
 */
export async function saveNamesCache(
	cacheDir: string,
	articles: readonly Article[],
	corrections: EntityCorrections | undefined,
	data: Pick<EntityIndexData, 'entities' | 'nameSearch'>,
	onWarning: (warning: CorpusWarning) => void,
	/** The file in place was found damaged past its header (a table's block): its sound header must not keep it. */
	replace = false,
): Promise<void> {
	const files = corpusFileStamps(articles);
	if (files === undefined) return;
	const key = namesCacheKey(files, corrections);
	const file = namesCacheFile(cacheDir, articles);
	const current = replace ? undefined : openNames(file, key);
	if (current?.kind === 'open') {
		current.names.close();
		return;
	}
	try {
		await writeAtomicAsync(file, encodeNamesCache(key, data));
	} catch (error) {
		onWarning(namesWarning('not saved', error instanceof CacheProblem ? error.message : reasonOf(error), file));
	}
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The file does not hold together: the user hears of it once, and the names are looked up otherwise. */
class Damaged extends Error {}

/** Unreadable: it could not be opened (the folder, its permissions, a link or a FIFO in its place): not its contents' fault. */
export type NamesOpen = {kind: 'open'; names: DiskNames} | {kind: 'absent' | 'stale'} | {kind: 'damaged' | 'unreadable'; reason: string};

function namesWarning(what: string, why: string, file: string): CorpusWarning {
	return {kind: 'skipped', path: 'entity names cache', message: `${what}: ${why} (${file})`};
}

/** A table read back: its keys' run as a string, and its numbers checked. */
interface Table {
	run: string;
	starts: Uint32Array;
	first: Uint32Array;
	postings: Int32Array;
}

/** A copy of `bytes` as an aligned typed array of `length` elements. */
function arrayOf<T extends Uint32Array | Int32Array>(Type: {new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number}, bytes: Uint8Array, length: number): T {
	if (bytes.byteLength !== length * Type.BYTES_PER_ELEMENT) throw new Damaged('bad layout');
	const copy = new ArrayBuffer(bytes.byteLength);
	new Uint8Array(copy).set(bytes);
	return new Type(copy);
}

/** Whether `a` starts at 0, never decreases and ends at `end`. */
function monotone(a: Uint32Array, end: number): boolean {
	if (a.length === 0 || a[0] !== 0 || a[a.length - 1] !== end) return false;
	for (let i = 1; i < a.length; i++) if (a[i]! < a[i - 1]!) return false;
	return true;
}

/** The names tables of one corpus on disk, read as a query asks for them (NameTables, and findByName as the entity index answers it). */
export class DiskNames implements NameTables {
	private readonly tables = new Map<TableName, Table>();
	private counts?: Int32Array;

	constructor(
		private readonly reader: BlockReader,
		private readonly header: Header,
	) {}

	/** The entities named by `query`, best first, as EntityIndex.findByName gives them; throws Damaged (or BadBlock) on a damaged file. */
	findByName(query: string, limit = 10): Entity[] {
		const counts = (this.counts ??= this.readCounts());
		return findInTables(this, query, (e) => counts[e]!, limit).map((e) => this.entity(e));
	}

	close(): void {
		this.reader.close();
	}

	exact(key: string): Iterable<number> {
		const t = this.table('keys');
		const i = this.indexOf(t, key);
		return i < 0 ? [] : t.postings.subarray(t.first[i]!, t.first[i + 1]!);
	}

	containing(q: string): Iterable<KeyedEntity> {
		const t = this.table('keys');
		const found: number[] = [];
		if (q.length === 0) return [];
		for (let at = t.run.indexOf(q); at >= 0;) {
			const i = this.keyAt(t, at);
			const end = t.starts[i + 1]! - 1;
			if (at + q.length <= end) {
				found.push(i);
				// The rest of this key holds nothing more to find.
				at = t.run.indexOf(q, end + 1);
			} else at = t.run.indexOf(q, at + 1);
		}
		return this.keyed(t, found);
	}

	phonetic(key: string): Iterable<number> {
		return this.postingsOf('phonetic', key);
	}

	tokenPhonetic(key: string): Iterable<number> {
		return this.postingsOf('tokenPhonetic', key);
	}

	fine(key: string): Iterable<number> {
		return this.postingsOf('fine', key);
	}

	romans(letter: string): Iterable<KeyedEntity> {
		return this.startingWith('romans', letter);
	}

	romanTokens(letter: string): Iterable<KeyedEntity> {
		return this.startingWith('romanTokens', letter);
	}

	private postingsOf(name: TableName, key: string): Iterable<number> {
		const t = this.table(name);
		const i = this.indexOf(t, key);
		return i < 0 ? [] : t.postings.subarray(t.first[i]!, t.first[i + 1]!);
	}

	/** Keys that begin with the one code unit `letter`: a run of the sorted keys. */
	private startingWith(name: TableName, letter: string): Iterable<KeyedEntity> {
		const t = this.table(name);
		const unit = letter.charCodeAt(0);
		const from = this.lowerBound(t, String.fromCharCode(unit));
		const to = this.lowerBound(t, String.fromCharCode(unit + 1));
		const found: number[] = [];
		for (let i = from; i < to; i++) found.push(i);
		return this.keyed(t, found);
	}

	/** The [key, entity] pairs of these keys in ascending entity order (NameSearch's order of first hits). */
	private keyed(t: Table, keys: readonly number[]): KeyedEntity[] {
		const out: KeyedEntity[] = [];
		for (const i of keys) {
			const key = this.keyOf(t, i);
			for (let p = t.first[i]!; p < t.first[i + 1]!; p++) out.push({key, entity: t.postings[p]!});
		}
		return out.sort((a, b) => a.entity - b.entity);
	}

	private keyOf(t: Table, i: number): string {
		return t.run.slice(t.starts[i]!, t.starts[i + 1]! - 1);
	}

	/** The key whose units hold position `at` of the run. */
	private keyAt(t: Table, at: number): number {
		let lo = 0;
		let hi = t.starts.length - 2;
		while (lo < hi) {
			const mid = (lo + hi + 1) >>> 1;
			if (t.starts[mid]! <= at) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}

	/** The first key not below `key`. */
	private lowerBound(t: Table, key: string): number {
		let lo = 0;
		let hi = t.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.keyOf(t, mid) < key) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	private indexOf(t: Table, key: string): number {
		const i = this.lowerBound(t, key);
		return i < t.starts.length - 1 && this.keyOf(t, i) === key ? i : -1;
	}

	private table(name: TableName): Table {
		let t = this.tables.get(name);
		if (t === undefined) this.tables.set(name, (t = this.readTable(this.header.tables[name])));
		return t;
	}

	/** A table's four arrays in one checked read (they lie one after another), their numbers checked. */
	private readTable(spans: TableSpans): Table {
		const from = spans.run[0];
		const to = spans.postings[0] + 4 * spans.postings[1];
		const bytes = this.reader.read(from, to);
		const part = ([offset, length]: Span, size: number): Uint8Array => {
			if (offset < from || offset + length * size > to) throw new Damaged('bad layout');
			return bytes.subarray(offset - from, offset - from + length * size);
		};
		const runBytes = part(spans.run, 1);
		if (runBytes.byteLength % 2 !== 0) throw new Damaged('bad layout');
		const run = Buffer.from(runBytes.buffer, runBytes.byteOffset, runBytes.byteLength).toString('utf16le');
		const starts = arrayOf(Uint32Array, part(spans.starts, 4), spans.starts[1]);
		const first = arrayOf(Uint32Array, part(spans.first, 4), spans.first[1]);
		const postings = arrayOf(Int32Array, part(spans.postings, 4), spans.postings[1]);
		if (starts.length !== first.length || !monotone(starts, run.length) || !monotone(first, postings.length)) throw new Damaged('bad table');
		for (let i = 1; i < starts.length; i++) if (starts[i] === starts[i - 1]) throw new Damaged('bad table');
		const entities = this.header.entities;
		for (const e of postings) if (e < 0 || e >= entities) throw new Damaged('bad table');
		return {run, starts, first, postings};
	}

	private readCounts(): Int32Array {
		const [offset, length] = this.header.counts;
		if (length !== this.header.entities) throw new Damaged('bad layout');
		const counts = arrayOf(Int32Array, this.reader.read(offset, offset + 4 * length), length);
		for (const c of counts) if (c < 0) throw new Damaged('bad counts');
		return counts;
	}

	/** Entity `e` from its JSON piece (each read once per lookup is enough: a dozen candidates). */
	private entity(e: number): Entity {
		const span = this.header.pieces[Math.floor(e / ENTITIES_PER_PIECE)];
		if (span === undefined) throw new Damaged('bad layout');
		let rows: unknown;
		try {
			rows = JSON.parse(this.reader.read(span[0], span[0] + span[1]).toString('utf8'));
		} catch (error) {
			if (error instanceof BadBlock) throw error;
			throw new Damaged('bad entities');
		}
		const row = Array.isArray(rows) ? (rows[e % ENTITIES_PER_PIECE] as unknown) : undefined;
		if (!isEntityRow(row) || row[4] !== this.counts?.[e]) throw new Damaged('bad entities');
		const [id, name, kind, aliases, mentionCount] = row;
		// articleCount is not kept: a name lookup never shows it.
		return {id, name, kind, aliases, mentionCount, articleCount: 0};
	}
}

type EntityRow = [string, string, Entity['kind'], string[], number];

function isEntityRow(v: unknown): v is EntityRow {
	return (
		Array.isArray(v) &&
		v.length === 5 &&
		typeof v[0] === 'string' &&
		typeof v[1] === 'string' &&
		ENTITY_KINDS.includes(v[2] as Entity['kind']) &&
		Array.isArray(v[3]) &&
		(v[3] as unknown[]).every((a) => typeof a === 'string') &&
		isCount(v[4])
	);
}

const isSpan = (v: unknown): v is Span => isPair(v);

function parseHeader(json: Record<string, unknown>): Header | undefined {
	const tables = json['tables'];
	const ok =
		typeof json['key'] === 'string' &&
		isCount(json['entities']) &&
		isSpan(json['counts']) &&
		isRecord(tables) &&
		TABLES.every((name) => {
			const t = tables[name];
			return isRecord(t) && isSpan(t['run']) && isSpan(t['starts']) && isSpan(t['first']) && isSpan(t['postings']);
		}) &&
		Array.isArray(json['pieces']) &&
		json['pieces'].every(isSpan) &&
		isCount(json['payload']) &&
		isCount(json['table']);
	return ok ? (json as unknown as Header) : undefined;
}

/** Far more than the names of any corpus take (about 20 MB at 60,000 articles). */
const MAX_FILE_BYTES = 2 ** 30;

/** The names file opened for these inputs (`key`: namesCacheKey), or why not. Reads the lead, header and block table only. Never throws. */
export function openNames(file: string, key: string): NamesOpen {
	let opened: {fd: number; size: number} | undefined;
	try {
		opened = openCacheFile(file, MAX_FILE_BYTES);
	} catch (error) {
		return {kind: 'unreadable', reason: error instanceof CacheProblem ? error.message : reasonOf(error)};
	}
	if (opened === undefined) return {kind: 'absent'};
	const {fd, size} = opened;
	let keep = false;
	try {
		if (size < LEAD) throw new Damaged(size === 0 ? 'empty' : 'truncated');
		const lead = readExactly(fd, 0, LEAD);
		if (lead.toString('latin1', 0, 8) !== MAGIC) throw new Damaged('not a khao entity names cache');
		const headerLength = lead.readUInt32LE(8);
		if (LEAD + headerLength > size) throw new Damaged('truncated');
		const headerBytes = readExactly(fd, LEAD, headerLength);
		if (zlib.crc32(headerBytes) !== lead.readUInt32LE(12)) throw new Damaged('bad checksum');
		const json = headerObject(headerBytes.toString('utf8'), FORMAT);
		if (json === 'other-version') return {kind: 'stale'};
		if (json === undefined) throw new Damaged('bad header');
		if (json['key'] !== key) return {kind: 'stale'};
		const header = parseHeader(json);
		if (header === undefined) throw new Damaged('bad header');
		const tableStart = align8(LEAD + headerLength);
		const tableBytes = 4 * Math.ceil(header.payload / 4096);
		if (tableStart + tableBytes + header.payload !== size) throw new Damaged(tableStart + tableBytes + header.payload > size ? 'truncated' : 'bad layout');
		const table = readExactly(fd, tableStart, tableBytes);
		if (zlib.crc32(table) !== header.table) throw new Damaged('bad checksum');
		keep = true;
		return {kind: 'open', names: new DiskNames(new BlockReader(fd, tableStart + tableBytes, header.payload, table), header)};
	} catch (error) {
		return {kind: 'damaged', reason: error instanceof Damaged || error instanceof BadBlock ? error.message : reasonOf(error)};
	} finally {
		if (!keep) closeQuietly(fd);
	}
}

function closeQuietly(fd: number): void {
	try {
		fs.closeSync(fd);
	} catch {
		// Already closed.
	}
}

/**
 * `read` given the names file of these source files (`files`: corpusFileStamps, or the listing's)
 * as a finder answering as the linked index's findByName would; undefined when the file is absent,
 * stale, unreadable (not said: an unusable cache folder is said once, by the search cache) or
 * damaged (said once through `onWarning`, whether found on opening or while `read` reads).
 */
export function withCachedNames<T>(
	cacheDir: string,
	files: readonly NamesFileStamp[],
	corrections: EntityCorrections | undefined,
	onWarning: (warning: CorpusWarning) => void,
	read: (finder: DiskNames) => T,
): T | undefined {
	const file = namesCacheFile(
		cacheDir,
		files.map((f) => ({path: f.path})),
	);
	const opened = openNames(file, namesCacheKey(files, corrections));
	if (opened.kind === 'damaged') onWarning(namesWarning('not used', opened.reason, file));
	if (opened.kind !== 'open') return undefined;
	try {
		return read(opened.names);
	} catch (error) {
		if (!(error instanceof Damaged || error instanceof BadBlock)) throw error;
		onWarning(namesWarning('not used', error.message, file));
		return undefined;
	} finally {
		opened.names.close();
	}
}
