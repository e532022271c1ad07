// The listing of a .jsonl file on disk: what the sidebar, the plain listings and the indexes need of
// each article (id, title, date, source, fields, the text's length and the byte range of its line),
// so that opening a 565 MB archive again lists its 60,000 articles from a few megabytes without
// reading or parsing a byte of the articles. One file per source file, so two archives of one
// folder both stay cached and a folder where one file changed lists that file again alone.
//
// Layout: a lead (magic, header length, CRC-32 of the header), a JSON header (format, the code's
// fingerprint, the source file as given and its version key, its warnings, where each block of
// articles lies and the CRC-32 of the block table), the block table (a CRC-32 for each 4 KB of the
// payload, as a search cache has: cache-blocks.ts), then the blocks. A block is a column of numbers
// per article (a Float64Array: text length, line range and number, and indices into the block's
// strings and tables), its strings (ids after `path#`, titles, sources, each once) as one run of
// UTF-16 with the end of each in a Uint32Array, and the tables as UTF-16 JSON: its dates and field
// sets, each once (a day's articles share a date, a section's their fields). Reading one is one
// positional read, the CRCs of its 4 KB pieces, one copy of the strings' run (each string is then a
// slice of it: JSON.parse of 60,000 titles cost 150 ms) and a small JSON.parse; blocks are read one
// at a time, so the first screen waits for the first, small one. The header also keeps the digest
// of the articles (articles-digest.ts), which a cached search compares with the search cache's;
// `openListedArticles` lists the file lazily: only when one of a block's articles is asked for (a
// search asks for its hits' only) are its numbers, string ends and tables read and checked, and of
// its thousand records only the asked one is checked and made, its strings read alone (a few KB
// of the block's 500).
import crypto from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import type {ArticleDate, CorpusWarning, WarningKind} from './types.js';
import {StoredArticle, type ArticleLocator, type ArticleMeta} from './article-store.js';
import {ArticlesDigest} from './articles-digest.js';
import type {Article} from './types.js';
import {hashCode} from './code-fingerprint.js';
import {reasonOf} from './errors.js';
import type {FileStamp} from './stamp.js';
import {isLoneSurrogate, unsafeLength} from '../text/sanitize.js';
import {CacheProblem, perFileCacheName, writeAtomicAsync} from '../search/cache-io.js';
import {BadBlock, BlockReader, BlockTableBuilder, openCacheFile, readExactly} from '../search/cache-blocks.js';
import {AlignedPieces, align8, headerObject, layoutOf, leadWith} from '../search/cache-format.js';

const MAGIC = 'KHAOLST1';
/** Magic (8 bytes), header length (u32), CRC-32 of the header (u32); the JSON header follows. */
const LEAD = 16;
const FORMAT = 'khao-listing-4';
/** Articles per block, and in the first block: what the first screen waits for (one screenful and more). */
export const LISTING_BLOCK = 1000;
const FIRST_BLOCK = 100;

/** The listing cache's folder, and the smallest source file worth one (a small file is read faster than its listing). */
export interface ListingCacheOptions {
	dir: string;
	minBytes?: number;
}

/** Below this a .jsonl file is parsed in a few chunks: no listing file is made for it. */
export const LISTING_MIN_BYTES = 4 * 1024 * 1024;

/** The source file as it is now: its name as given (ids and warnings hold it) and its version. */
export interface ListedFile {
	path: string;
	/** versionKey of the file (stamp.ts). */
	version: string;
	/** The stamp articles' locators carry, and the path's bytes when the name is not UTF-8. */
	stamp: FileStamp;
	open?: Uint8Array;
}

interface Header {
	format: string;
	code: string;
	path: string;
	version: string;
	warnings: CorpusWarning[];
	/** Per block: [offset in the payload, articles, strings, UTF-16 units of the strings' run, bytes of its tables]. */
	blocks: Block[];
	payload: number;
	/** CRC-32 of the block table (a CRC-32 for each BLOCK_BYTES of the payload) that follows the header. */
	table: number;
	/** ArticlesDigest of every article of the file, in order. */
	articles: string;
}

/** Numbers per article in a block's column. */
const NUMBERS = 9;
/** Their order: the text's length, the line's bytes [start, end) and number, then indices into the tables (-1: none). */
const [TEXT_LENGTH, START, END, LINE, ID, TITLE, SOURCE, DATE, FIELDS] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

type Block = [offset: number, count: number, strings: number, units: number, tableBytes: number];

/** A block's tables: dates [year, month, day, iso, text] and field sets. */
type Tables = [[number, number, number, string, string][], Record<string, string>[]];

/** Bytes of a block's parts, each 8-aligned: numbers, string ends, the strings' run, tables. */
function blockParts(count: number, strings: number, units: number, tableBytes: number): {ends: number; run: number; tables: number; bytes: number} {
	const ends = align8(count * NUMBERS * 8);
	const run = ends + align8(strings * 4);
	const tables = run + align8(units * 2);
	return {ends, run, tables, bytes: tables + align8(tableBytes)};
}

let fingerprint: string | undefined;

/** The code that parses .jsonl and makes titles and dates (corpus/ and text/), hashed once per process. */
function codeVersion(): string {
	if (fingerprint !== undefined) return fingerprint;
	const hash = crypto.createHash('sha256');
	hashCode(hash, import.meta.url, ['.', '../text']);
	fingerprint = hash.digest('hex').slice(0, 16);
	return fingerprint;
}

/** The listing file of one source file, keyed by its resolved path. */
export function listingCacheFile(cacheDir: string, sourcePath: string): string {
	return perFileCacheName(cacheDir, sourcePath, {tag: 'listing', prefix: 'listing', ext: 'lst'});
}

/** One line for the user about the listing cache: what happened and why, then the file. */
function listingWarning(what: string, why: string, file: string): CorpusWarning {
	return {kind: 'skipped', path: 'listing cache', message: `${what}: ${why} (${file})`};
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Indices of values put once into a table. */
class Table<T> {
	readonly values: T[] = [];
	private readonly index = new Map<string, number>();
	put(value: T, key: string): number {
		let at = this.index.get(key);
		if (at === undefined) {
			at = this.values.push(value) - 1;
			this.index.set(key, at);
		}
		return at;
	}
}

/** A block's pieces (numbers, string ends, the strings' run, tables), or undefined when an article cannot be listed as it would be read back. */
function encodeBlock(articles: readonly StoredArticle[], prefix: string): {pieces: Uint8Array[]; strings: number; units: number; tableBytes: number} | undefined {
	const numbers = new Float64Array(articles.length * NUMBERS);
	const strings = new Table<string>();
	const dates = new Table<Tables[0][number]>();
	const fields = new Table<Record<string, string>>();
	for (let a = 0; a < articles.length; a++) {
		const article = articles[a]!;
		const {locator, date, source} = article;
		if (locator.kind !== 'line' || !article.id.startsWith(prefix) || !isClean(article.title) || (source !== undefined && !isClean(source))) return undefined;
		if (date && !validDate([date.year, date.month, date.day, date.iso, date.text])) return undefined;
		const at = a * NUMBERS;
		numbers[at + TEXT_LENGTH] = article.textLength;
		numbers[at + START] = locator.start;
		numbers[at + END] = locator.end;
		numbers[at + LINE] = locator.line;
		numbers[at + ID] = strings.put(article.id.slice(prefix.length), article.id);
		numbers[at + TITLE] = strings.put(article.title, article.title);
		numbers[at + SOURCE] = source === undefined ? -1 : strings.put(source, source);
		numbers[at + DATE] = date ? dates.put([date.year, date.month, date.day, date.iso, date.text], `${date.iso}\0${date.text}`) : -1;
		numbers[at + FIELDS] = article.fields ? fields.put(article.fields, JSON.stringify(article.fields)) : -1;
	}
	const ends = new Uint32Array(strings.values.length);
	let units = 0;
	strings.values.forEach((value, i) => (ends[i] = units += value.length));
	// UTF-16: read back with a copy, where UTF-8 (Thai is 3 bytes a character, 2 here) must be decoded.
	const run = Buffer.from(strings.values.join(''), 'utf16le');
	const tables = Buffer.from(JSON.stringify([dates.values, fields.values] satisfies Tables), 'utf16le');
	return {pieces: [new Uint8Array(numbers.buffer), new Uint8Array(ends.buffer), run, tables], strings: ends.length, units, tableBytes: tables.byteLength};
}

/**
 * The listing file's bytes for these articles (every article of the file, in order) and the file's
 * warnings; undefined when an article cannot be listed as it would be read back (then nothing is cached).
 */
export function encodeListing(file: ListedFile, articles: readonly StoredArticle[], warnings: readonly CorpusWarning[]): Uint8Array[] | undefined {
	const steps = encodeListingSteps(file, articles, warnings);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * `encodeListing` a block per step: the reader saves the listing on its UI thread once a file is
 * read, and 60,000 articles at once held every key for about 300 ms of CPU.
 */
export function* encodeListingSteps(
	file: ListedFile,
	articles: readonly StoredArticle[],
	warnings: readonly CorpusWarning[],
): Generator<void, Uint8Array[] | undefined, void> {
	const prefix = `${file.path}#`;
	const pieces: Uint8Array[] = [];
	const payload = new AlignedPieces(pieces);
	const blocks: Header['blocks'] = [];
	const crcs = new BlockTableBuilder();
	const digest = new ArticlesDigest();
	for (let from = 0; from < articles.length; from += from === 0 ? FIRST_BLOCK : LISTING_BLOCK) {
		const count = Math.min(articles.length - from, from === 0 ? FIRST_BLOCK : LISTING_BLOCK);
		// Hashed a block a step too: 60,000 articles at once were 50-190 ms of the UI thread.
		for (let a = from; a < from + count; a++) digest.add(articles[a]!.id, articles[a]!.title.length, articles[a]!.textLength);
		const block = encodeBlock(articles.slice(from, from + count), prefix);
		if (!block) return undefined;
		const first = pieces.length;
		const at = payload.offset;
		// Each part 8-aligned, an empty one taking no byte (blockParts counts them so).
		for (const piece of block.pieces) payload.push(piece);
		// The CRCs cover the block's every byte, its padding too: no byte of the file goes unchecked.
		for (const piece of pieces.slice(first)) crcs.add(piece);
		blocks.push([at, count, block.strings, block.units, block.tableBytes]);
		yield;
	}
	const header: Header = {
		format: FORMAT,
		code: codeVersion(),
		path: file.path,
		version: file.version,
		warnings: [...warnings],
		blocks,
		payload: payload.offset,
		articles: digest.finish(),
		table: 0,
	};
	const table = crcs.finish();
	header.table = zlib.crc32(table);
	const padding = new Uint8Array(align8(table.byteLength) - table.byteLength);
	return [leadWith(MAGIC, header), table, padding, ...pieces];
}

/** Writes the listing atomically, encoded a block per turn of the event loop; a warning for the user when it cannot be, undefined when done (or not worth it). */
export async function writeListing(
	cacheFile: string,
	file: ListedFile,
	articles: readonly StoredArticle[],
	warnings: readonly CorpusWarning[],
): Promise<CorpusWarning | undefined> {
	const steps = encodeListingSteps(file, articles, warnings);
	let step = steps.next();
	for (; !step.done; step = steps.next()) await new Promise((resolve) => setImmediate(resolve));
	const chunks = step.value;
	if (!chunks) return undefined;
	try {
		await writeAtomicAsync(cacheFile, chunks);
		return undefined;
	} catch (error) {
		const problem = error instanceof CacheProblem ? error : new CacheProblem(cacheFile, reasonOf(error));
		return listingWarning('not saved', problem.message, problem.path);
	}
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Why a listing is not used: absent, stale or another khao's are expected; damaged ones are told. */
export type ListingMiss = {kind: 'absent' | 'stale' | 'other-version'} | {kind: 'damaged'; warning: CorpusWarning};

/** A listing whose header passed the checks: its blocks are read, checked and decoded one at a time. */
export interface OpenListing {
	warnings: CorpusWarning[];
	blocks: number;
	/** Articles per block, in order. */
	counts: number[];
	/** The digest of the file's articles (ArticlesDigest). */
	digest: string;
	/**
	 * The articles of block `b` (in order), or a warning when the block does not hold together (the
	 * listing is then not to be used). Blocks asked for in order are also checked to follow each other in the file.
	 */
	block(b: number): StoredArticle[] | CorpusWarning;
	/**
	 * Block `b` checked, its articles made one at a time (`article(a)`, which decodes and checks only
	 * that article's strings and throws ListingDamaged when one is not clean), or a warning.
	 */
	columns(b: number): BlockColumns | CorpusWarning;
	close(): void;
}

/** A checked block: its `count` articles, each made when asked for. */
export interface BlockColumns {
	count: number;
	article(a: number): StoredArticle;
}

/** The most bytes an honest listing of a file of this size could take. */
const listingBytesBound = (sourceBytes: number) => 16 * 2 ** 20 + 4 * sourceBytes;

/** The listing of `file` as it is now, or why there is none. Never throws. */
export function openListing(cacheFile: string, file: ListedFile, sourceBytes: number): OpenListing | ListingMiss {
	let opened: {fd: number; size: number} | undefined;
	try {
		opened = openCacheFile(cacheFile, listingBytesBound(sourceBytes));
	} catch (error) {
		const problem = error instanceof CacheProblem ? error : new CacheProblem(cacheFile, reasonOf(error));
		return {kind: 'damaged', warning: listingWarning('not used', problem.message, problem.path)};
	}
	if (opened === undefined) return {kind: 'absent'};
	const {fd, size} = opened;
	const close = () => fs.closeSync(fd);
	const damagedWarning = (why: string) => listingWarning('rebuilt', `damaged (${why})`, cacheFile);
	/** Bytes [at, at + length) of the cache file, or a warning when it is shorter or cannot be read. */
	const read = (at: number, length: number): Buffer | CorpusWarning => {
		if (at + length > size) return damagedWarning('truncated');
		try {
			return readExactly(fd, at, length);
		} catch (error) {
			return damagedWarning(reasonOf(error));
		}
	};
	const header = readHeader(read, size, damagedWarning, file);
	if (typeof header === 'string' || !('blocks' in header)) {
		close();
		return typeof header === 'string' ? {kind: header} : {kind: 'damaged', warning: header};
	}
	const prefix = `${file.path}#`;
	let lastEnd = -1;
	let lastLine = 0;
	const payload = new BlockReader(fd, header.start, header.payload, header.crcs);
	/** Bytes [from, to) of the payload, each 4 KB piece under them checked, or a warning. */
	const piece = (from: number, to: number): Buffer | CorpusWarning => {
		try {
			return payload.read(from, to);
		} catch (error) {
			return damagedWarning(error instanceof BadBlock ? error.message : reasonOf(error));
		}
	};
	/** Block `b`'s numbers and strings' ends from `head`, its bytes from its start up to its strings' run at least. */
	const columnsOf = (head: Buffer, b: number) => {
		const [, count, stringCount, units, tableBytes] = header.blocks[b]!;
		const parts = blockParts(count, stringCount, units, tableBytes);
		// A typed array needs an aligned start: a small read may come from Node's shared pool.
		const aligned = head.byteOffset % 8 === 0 ? head : Uint8Array.prototype.slice.call(head, 0, parts.run);
		return {
			count,
			units,
			parts,
			numbers: new Float64Array(aligned.buffer, aligned.byteOffset, count * NUMBERS),
			ends: new Uint32Array(aligned.buffer, aligned.byteOffset + parts.ends, stringCount),
		};
	};
	/** The tables of a block (parsed, not yet checked), or a warning. */
	const tablesOf = (bytes: Buffer, from: number, to: number): {tables: unknown} | CorpusWarning => {
		try {
			return {tables: JSON.parse(bytes.toString('utf16le', from, to)) as unknown};
		} catch (error) {
			return damagedWarning(reasonOf(error));
		}
	};
	/** Block `b` read and its CRCs checked: its numbers, strings' ends and tables (parsed, not yet checked). */
	const checked = (b: number) => {
		const [offset, count, stringCount, units, tableBytes] = header.blocks[b]!;
		const parts = blockParts(count, stringCount, units, tableBytes);
		const bytes = piece(offset, offset + parts.bytes);
		if (!Buffer.isBuffer(bytes)) return bytes;
		const parsed = tablesOf(bytes, parts.tables, parts.tables + tableBytes);
		if (!('tables' in parsed)) return parsed;
		return {...columnsOf(bytes, b), bytes, tables: parsed.tables};
	};
	/** Block `b` read, checked and decoded into columns; its records must follow `after` (a line's end and number) in the file. */
	const columns = (b: number, after: {end: number; line: number}): (BlockColumns & {last: {end: number; line: number}}) | CorpusWarning => {
		const block = checked(b);
		if (!('numbers' in block)) return block;
		const {count, units, parts, bytes, numbers, ends, tables} = block;
		if (!validTables(tables)) return damagedWarning('bad tables');
		const strings = stringsOf(bytes.toString('utf16le', parts.run, parts.run + 2 * units), ends);
		if (!strings) return damagedWarning('bad strings');
		// Articles of one date or one section share the object (articles' metadata is never changed).
		const dates = tables[0].map(([year, month, day, iso, text]): ArticleDate => ({year, month, day, iso, text}));
		let {end, line} = after;
		for (let a = 0; a < count; a++) {
			const at = a * NUMBERS;
			// Lines in file order, inside the file: a record that points elsewhere is not one of this file's.
			if (
				!validNumbers(numbers, at, strings, tables) ||
				!shownClean(numbers, at, strings) ||
				numbers[at + START]! <= end ||
				numbers[at + END]! > sourceBytes ||
				numbers[at + LINE]! <= line
			) {
				return damagedWarning('bad record');
			}
			end = numbers[at + END]!;
			line = numbers[at + LINE]!;
		}
		return {count, last: {end, line}, article: (a) => articleOf(numbers, a * NUMBERS, strings, (d) => dates[d], tables[1], prefix, file)};
	};
	/**
	 * Block `b`'s numbers, string ends and tables read and their CRCs checked (not its strings' run,
	 * most of its bytes), its articles checked and decoded one at a time, as asked for (a lazily
	 * listed file wants a few articles of many blocks of a thousand): each article's numbers, its own
	 * strings (read alone), date and fields, and its line between its neighbours' in the file, with
	 * the rules `columns` applies to all. `article(a)` throws ListingDamaged when they do not hold.
	 */
	const lazyColumns = (b: number): BlockColumns | CorpusWarning => {
		const [offset, count, stringCount, units, tableBytes] = header.blocks[b]!;
		const parts = blockParts(count, stringCount, units, tableBytes);
		const head = piece(offset, offset + parts.run);
		if (!Buffer.isBuffer(head)) return head;
		const tableRead = piece(offset + parts.tables, offset + parts.tables + tableBytes);
		if (!Buffer.isBuffer(tableRead)) return tableRead;
		const parsed = tablesOf(tableRead, 0, tableBytes);
		if (!('tables' in parsed)) return parsed;
		const {tables} = parsed;
		const {numbers, ends} = columnsOf(head, b);
		if (!validTableShapes(tables)) return damagedWarning('bad tables');
		const run = offset + parts.run;
		const strings = lazyStringsOf(
			(from, to) => {
				const got = piece(run + 2 * from, run + 2 * to);
				if (!Buffer.isBuffer(got)) throw new ListingDamaged(got.message);
				return got.toString('utf16le');
			},
			units,
			ends,
		);
		if (!strings) return damagedWarning('bad strings');
		const [dates, fields] = tables;
		const made = new Map<number, ArticleDate>();
		const dateAt = (d: number): ArticleDate => {
			let date = made.get(d);
			if (!date) {
				const [year, month, day, iso, text] = dates[d]!;
				made.set(d, (date = {year, month, day, iso, text}));
			}
			return date;
		};
		const inOrder = (at: number): boolean => {
			const before = at === 0 ? {end: -1, line: 0} : {end: numbers[at - NUMBERS + END]!, line: numbers[at - NUMBERS + LINE]!};
			const next = at + NUMBERS < numbers.length ? {start: numbers[at + NUMBERS + START]!, line: numbers[at + NUMBERS + LINE]!} : {start: sourceBytes, line: Infinity};
			return numbers[at + START]! > before.end && numbers[at + LINE]! > before.line && numbers[at + END]! <= next.start && numbers[at + LINE]! < next.line;
		};
		const article = (a: number): StoredArticle => {
			const at = a * NUMBERS;
			const date = numbers[at + DATE]!;
			const set = numbers[at + FIELDS]!;
			const sound =
				validNumbers(numbers, at, strings, tables) &&
				shownClean(numbers, at, strings) &&
				inOrder(at) &&
				numbers[at + END]! <= sourceBytes &&
				(date === -1 || validDate(dates[date])) &&
				(set === -1 || validFields(fields[set]));
			if (!sound) throw new ListingDamaged(damagedWarning('bad record').message);
			return articleOf(numbers, at, strings, dateAt, fields, prefix, file);
		};
		return {count, article};
	};
	return {
		warnings: header.warnings,
		blocks: header.blocks.length,
		counts: header.blocks.map((block) => block[1]),
		digest: header.articles,
		close,
		columns: lazyColumns,
		block(b) {
			const decoded = columns(b, {end: lastEnd, line: lastLine});
			if (!('article' in decoded)) return decoded;
			({end: lastEnd, line: lastLine} = decoded.last);
			return Array.from({length: decoded.count}, (_, a) => decoded.article(a));
		},
	};
}

/** A block of a lazily listed file did not hold together: list the file the ordinary way, which says so and lists it again. */
export class ListingDamaged extends Error {
	override readonly name = 'ListingDamaged';
}

/** A file listed lazily from its listing (see openListedArticles). */
export interface ListedArticles {
	/**
	 * Every article of the file, in order. An article is made the first time it is asked for (the
	 * same object after that), its block read and checked then: asking may throw ListingDamaged.
	 */
	articles: Article[];
	warnings: CorpusWarning[];
	/** The digest of the file's articles (ArticlesDigest), from the listing's checked header. */
	digest: string;
	/** Blocks read and decoded so far. */
	blocksRead(): number;
	close(): void;
}

/** `prop` as an array index below `length`, else undefined. */
function indexOf(prop: string | symbol, length: number): number | undefined {
	if (typeof prop !== 'string' || prop.length === 0 || prop.charCodeAt(0) > 0x39) return undefined;
	const n = Number(prop);
	return Number.isInteger(n) && n >= 0 && n < length && String(n) === prop ? n : undefined;
}

/**
 * The file's articles from its listing without making them all: for a one-shot search, which needs
 * the count, the digest and its hits' articles, where making 60,000 articles (and collecting them)
 * was a third of the run. Undefined when there is no usable listing (absent, stale, another
 * version's, or a header that does not hold together): the file is then read the ordinary way.
 */
export function openListedArticles(cacheFile: string, file: ListedFile, sourceBytes: number): ListedArticles | undefined {
	const listing = openListing(cacheFile, file, sourceBytes);
	if (!('block' in listing)) return undefined;
	// The first ordinal of each block.
	const starts: number[] = [];
	let total = 0;
	for (const count of listing.counts) {
		starts.push(total);
		total += count;
	}
	const decoded = new Map<number, BlockColumns>();
	const made = new Map<number, StoredArticle>();
	const blockOf = (ordinal: number): number => {
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >>> 1;
			if (starts[mid]! <= ordinal) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	};
	const articleAt = (ordinal: number): StoredArticle => {
		let article = made.get(ordinal);
		if (article) return article;
		const b = blockOf(ordinal);
		let columns = decoded.get(b);
		if (!columns) {
			const got = listing.columns(b);
			if (!('article' in got)) throw new ListingDamaged(got.message);
			decoded.set(b, (columns = got));
		}
		article = columns.article(ordinal - starts[b]!);
		made.set(ordinal, article);
		return article;
	};
	// Search code reads articles[ordinal] like an array's: a proxy makes the article then.
	const articles = new Proxy(new Array<Article>(total), {
		get: (target, prop, receiver) => {
			const i = indexOf(prop, total);
			return i === undefined ? Reflect.get(target, prop, receiver) : articleAt(i);
		},
		has: (target, prop) => indexOf(prop, total) !== undefined || Reflect.has(target, prop),
	});
	return {articles, warnings: listing.warnings, digest: listing.digest, blocksRead: () => decoded.size, close: listing.close};
}

/** The header (its CRC checked, every field's type too) and where the payload starts, or why it cannot be used. */
function readHeader(
	read: (at: number, length: number) => Buffer | CorpusWarning,
	size: number,
	damaged: (why: string) => CorpusWarning,
	file: ListedFile,
): (Header & {start: number; crcs: Buffer}) | CorpusWarning | 'other-version' | 'stale' {
	if (size < LEAD) return damaged(size === 0 ? 'empty' : 'truncated');
	const lead = read(0, LEAD);
	if (!Buffer.isBuffer(lead)) return lead;
	if (lead.toString('latin1', 0, MAGIC.length) !== MAGIC) return damaged('not a khao listing');
	const headerBytes = read(LEAD, lead.readUInt32LE(8));
	if (!Buffer.isBuffer(headerBytes)) return headerBytes;
	if (zlib.crc32(headerBytes) !== lead.readUInt32LE(12)) return damaged('bad checksum');
	const header = parseHeader(headerBytes.toString('utf8'));
	if (header === undefined) return damaged('bad header');
	// Another khao's file may be laid out otherwise: it is replaced without a word, as a stale one is.
	if (header === 'other-version' || header.code !== codeVersion()) return 'other-version';
	if (header.path !== file.path || header.version !== file.version) return 'stale';
	const {tableStart, tableBytes: crcBytes, payloadStart, fileBytes} = layoutOf(headerBytes.byteLength, header.payload);
	// The blocks are packed one after the other, as the writer puts them; the file ends with the last.
	let at = 0;
	for (const [offset, count, strings, units, tableBytes] of header.blocks) {
		if (offset !== at || count === 0 || tableBytes === 0) return damaged('bad layout');
		at = offset + blockParts(count, strings, units, tableBytes).bytes;
	}
	if (at !== header.payload || fileBytes !== size) return damaged(fileBytes < size ? 'bad layout' : 'truncated');
	const crcs = read(tableStart, crcBytes);
	if (!Buffer.isBuffer(crcs)) return crcs;
	if (zlib.crc32(crcs) !== header.table) return damaged('bad checksum');
	return {...header, start: payloadStart, crcs};
}

function articleOf(
	numbers: Float64Array,
	at: number,
	strings: BlockStrings,
	dateAt: (d: number) => ArticleDate | undefined,
	fields: Record<string, string>[],
	prefix: string,
	file: ListedFile,
): StoredArticle {
	const meta: ArticleMeta = {id: prefix + strings.at(numbers[at + ID]!), path: file.path, format: 'jsonl', title: strings.at(numbers[at + TITLE]!)};
	const date = numbers[at + DATE]! >= 0 ? dateAt(numbers[at + DATE]!) : undefined;
	if (date) meta.date = date;
	if (numbers[at + SOURCE]! >= 0) meta.source = strings.at(numbers[at + SOURCE]!);
	if (numbers[at + FIELDS]! >= 0) meta.fields = fields[numbers[at + FIELDS]!]!;
	const [start, end, line] = [numbers[at + START]!, numbers[at + END]!, numbers[at + LINE]!];
	// One shape for every locator of the file (no spread): made 60,000 times when an archive is listed again.
	const locator: ArticleLocator = file.open
		? {kind: 'line', path: file.path, open: file.open, start, end, line, stamp: file.stamp}
		: {kind: 'line', path: file.path, start, end, line, stamp: file.stamp};
	return new StoredArticle(meta, numbers[at + TEXT_LENGTH]!, locator);
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isString = (v: unknown): v is string => typeof v === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const WARNING_KINDS = new Set<WarningKind>(['binary', 'empty', 'invalid-bytes', 'bad-line', 'unreadable', 'skipped', 'corrections']);
/** Nothing but printable ASCII and Thai: clean without a closer look. */
const PLAIN = /^[\x20-\x7e\u0e00-\u0e7f]*$/;
/**
 * Anything but printable ASCII, Thai, no-break space and the dashes, quotes and ellipsis of
 * U+2010–U+2027 (none a control or format character): the run of a block's strings is scanned for
 * it once, and only the strings holding one get isClean's closer look.
 */
const NOT_PLAIN = /[^\x20-\x7e\u00a0\u0e00-\u0e7f\u2010-\u2027]/g;

/** One line with nothing unsafe in it, as sanitizeInline leaves strings. */
function isClean(s: string): boolean {
	if (PLAIN.test(s)) return true;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if ((c >= 0x20 && c < 0x7f) || (c >= 0x0e00 && c < 0x0e80)) continue;
		if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || unsafeLength(s, i) > 0 || isLoneSurrogate(s, i)) return false;
	}
	return true;
}

function validDate(v: unknown): v is Tables[0][number] {
	if (!Array.isArray(v) || v.length !== 5) return false;
	const [year, month, day, iso, text] = v as unknown[];
	return (
		isCount(year) &&
		isCount(month) &&
		month >= 1 &&
		month <= 12 &&
		isCount(day) &&
		day >= 1 &&
		day <= 31 &&
		isString(iso) &&
		/^\d{4}-\d{2}-\d{2}$/.test(iso) &&
		isString(text) &&
		isClean(text)
	);
}

/** The tables as the writer makes them (which strings are shown as they are is checked per article). */
function validTables(v: unknown): v is Tables {
	return validTableShapes(v) && v[0].every(validDate) && v[1].every(validFields);
}

/** Two tables, each an array (their entries are checked as they are used, or by validTables). */
function validTableShapes(v: unknown): v is Tables {
	return Array.isArray(v) && v.length === 2 && Array.isArray(v[0]) && Array.isArray(v[1]);
}

const validFields = (f: unknown): boolean => isRecord(f) && Object.values(f).every(isString);

/** A block's strings by index, and whether one is a line with nothing unsafe in it. */
interface BlockStrings {
	count: number;
	at(i: number): string;
	clean(i: number): boolean;
}

/**
 * The strings of a run cut at `ends` (ascending, the last at the run's end), each a slice of it (no
 * copy each), or undefined when the ends do not fit the run.
 */
function stringsOf(run: string, ends: Uint32Array): BlockStrings | undefined {
	if (ends.length === 0 ? run.length !== 0 : ends[ends.length - 1] !== run.length) return undefined;
	const values: string[] = new Array(ends.length);
	let from = 0;
	for (let i = 0; i < ends.length; i++) {
		const to = ends[i]!;
		if (to < from) return undefined;
		values[i] = run.slice(from, to);
		from = to;
	}
	// One scan of the run for anything but printable ASCII and Thai, instead of a test of each string:
	// the strings holding such a character are the only ones that can be unclean.
	const odd = new Set<number>();
	for (const match of run.matchAll(NOT_PLAIN)) {
		let lo = 0;
		let hi = ends.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (ends[mid]! <= match.index) lo = mid + 1;
			else hi = mid;
		}
		odd.add(lo);
	}
	return {count: values.length, at: (i) => values[i]!, clean: (i) => !odd.has(i) || isClean(values[i]!)};
}

/**
 * The strings of a block's run (`units` UTF-16 units, units [from, to) of it given by `read`) cut at
 * `ends`, each read (and checked, by `clean`) only when asked for: a block of a thousand articles
 * that gives one reads and decodes none of the others' titles. Undefined when the ends do not fit the run.
 */
function lazyStringsOf(read: (from: number, to: number) => string, units: number, ends: Uint32Array): BlockStrings | undefined {
	if (ends.length === 0 ? units !== 0 : ends[ends.length - 1] !== units) return undefined;
	for (let i = 1; i < ends.length; i++) if (ends[i]! < ends[i - 1]!) return undefined;
	const done = new Map<number, string>();
	const at = (i: number): string => {
		let value = done.get(i);
		if (value === undefined) done.set(i, (value = read(i === 0 ? 0 : ends[i - 1]!, ends[i]!)));
		return value;
	};
	return {count: ends.length, at, clean: (i) => isClean(at(i))};
}

/** An index into a table of `length`, or -1 when `optional`. */
const isIndex = (n: number, length: number, optional: boolean) => Number.isInteger(n) && n < length && (n >= 0 || (optional && n === -1));

/** An article's numbers: counts, and indices into the strings and tables. */
function validNumbers(numbers: Float64Array, at: number, strings: BlockStrings, [dates, fields]: Tables): boolean {
	const start = numbers[at + START]!;
	const end = numbers[at + END]!;
	if (!isCount(numbers[at + TEXT_LENGTH]) || !isCount(start) || !isCount(end) || start >= end || !isCount(numbers[at + LINE])) return false;
	const count = strings.count;
	return (
		isIndex(numbers[at + ID]!, count, false) &&
		isIndex(numbers[at + TITLE]!, count, false) &&
		isIndex(numbers[at + SOURCE]!, count, true) &&
		isIndex(numbers[at + DATE]!, dates.length, true) &&
		isIndex(numbers[at + FIELDS]!, fields.length, true)
	);
}

/** The article's strings shown as they are (its title and source) are clean; its indices are valid. */
function shownClean(numbers: Float64Array, at: number, strings: BlockStrings): boolean {
	const source = numbers[at + SOURCE]!;
	return strings.clean(numbers[at + TITLE]!) && (source === -1 || strings.clean(source));
}

const isWarning = (v: unknown): v is CorpusWarning => isRecord(v) && WARNING_KINDS.has(v['kind'] as WarningKind) && isString(v['path']) && isString(v['message']);
const isBlock = (v: unknown): v is Block => Array.isArray(v) && v.length === 5 && v.every(isCount);

/** The header, 'other-version' for another format's, undefined when it is not a header at all. */
function parseHeader(text: string): Header | 'other-version' | undefined {
	const json = headerObject(text, FORMAT);
	if (json === undefined || json === 'other-version') return json;
	const {format, code, path: file, version, warnings, blocks, payload} = json;
	const ok =
		isString(format) &&
		isString(code) &&
		isString(file) &&
		isString(version) &&
		Array.isArray(warnings) &&
		warnings.every(isWarning) &&
		Array.isArray(blocks) &&
		blocks.every(isBlock) &&
		isCount(payload) &&
		isString(json['articles']) &&
		isCount(json['table']) &&
		(json['table'] as number) <= 0xffffffff;
	return ok ? (json as unknown as Header) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Replaying a listing into a load

/** Where the articles go, as for a .jsonl file read (read-jsonl.ts JsonlSink). */
interface ListingSink {
	add(articles: StoredArticle[]): void;
	pause(): Promise<void>;
}

export type Replay = {done: true; warnings: CorpusWarning[]} | {done: false; delivered: number; warning?: CorpusWarning};

/**
 * Gives `sink` the cached articles of `file`, a block at a time with a pause after each. Not done
 * when there is no usable listing: the file must then be read, its first `delivered` articles
 * (given already from blocks that held together) left out; `warning` says why, when the user should hear it.
 */
export async function replayListing(cacheFile: string, file: ListedFile, sourceBytes: number, sink: ListingSink): Promise<Replay> {
	const listing = openListing(cacheFile, file, sourceBytes);
	if (!('block' in listing)) return {done: false, delivered: 0, ...(listing.kind === 'damaged' ? {warning: listing.warning} : {})};
	let delivered = 0;
	try {
		for (let b = 0; b < listing.blocks; b++) {
			const articles = listing.block(b);
			if (!Array.isArray(articles)) return {done: false, delivered, warning: articles};
			sink.add(articles);
			delivered += articles.length;
			await sink.pause();
		}
	} finally {
		listing.close();
	}
	return {done: true, warnings: listing.warnings};
}
