// Detected mentions on disk, one cache file per source file, so that opening a corpus again skips
// detection (the expensive part of the entity index) and a folder where one file changed detects
// that file only. Linking, corrections and assembly are redone every time from the cached
// mentions: they are cheap by comparison and depend on the whole corpus and the corrections file.
//
// The file holds the mentions in blocks of consecutive articles, as the workers sent them back
// (mention-codec.ts columns, each with its string table): writing is then no work per mention on
// the reader's thread, and reading decodes a block at a time, between keys.
//
// A file is used only when everything matches: the layout, the detection fingerprint (code and
// weights, detection-version.ts), the source file's size and stamp (device, inode, mtime and ctime
// as the search cache keys them), and its articles' ids and text lengths in order. Then every
// count and reference is validated (mention-codec.ts). Anything else — stale, truncated, corrupted,
// foreign — means "detect again"; only a damaged file (not an old or stale one) is worth a warning.
//
// Once checked, the file is let go: each block is read again from it (a positional read) when it
// is wanted. At 60,000 articles the file is 175 MB, and its string tables parsed all at once were
// another 100 MB of heap, held while the whole corpus was linked.
import fs from 'node:fs';
import type {Article} from '../corpus/types.js';
import {reasonOf} from '../corpus/errors.js';
import {CacheProblem, perFileCacheName, readCacheBytes, writeAtomic} from '../search/cache-io.js';
import {AlignedPieces} from '../search/cache-format.js';
import {LEAD, OLD_LAYOUT, SealedFileWriter, SealedReader, type SealedMiss, isCount, isPair, isRecord, openSealed, sameStats, sealFile} from './sealed-file.js';
import {BadBlock} from '../search/cache-blocks.js';
import type {FileStat} from '../search/search-index.js';
import {detectionVersion} from './detection-version.js';
import {COLUMNS, type ColumnName, type MentionColumns, articleCount, validColumns} from './mention-codec.js';
import {textLengthOf} from '../corpus/article-store.js';

const MAGIC = 'KHAOENT2';
/** The layout before the header moved to the end (sealed-file.ts): rebuilt without a warning. */
const PREVIOUS_MAGIC = 'KHAOENT1';
const FORMAT = 'khao-entities-3';

interface Header {
	format: string;
	version: string;
	file: {path: string; size: number; stamp: string};
	ids: string[];
	textLengths: number[];
	blocks: BlockHeader[];
	payload: number;
}

interface BlockHeader {
	/** Consecutive articles of the file, from the end of the block before. */
	articles: number;
	columns: Record<ColumnName, [offset: number, length: number]>;
	/** The string table: JSON, UTF-8, at this offset and length. */
	strings: [offset: number, bytes: number];
}

/** The cache file of one source file. */
export function detectionCacheFile(cacheDir: string, sourcePath: string): string {
	return perFileCacheName(cacheDir, sourcePath, {tag: 'entities', prefix: 'entities', ext: 'ent'});
}

/** One block's columns and string table, pushed to the payload; where they went. */
function pushBlock(c: MentionColumns, push: (bytes: Uint8Array) => number): BlockHeader {
	const columns = {} as BlockHeader['columns'];
	for (const [name] of COLUMNS) {
		const array = c[name];
		columns[name] = [push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)), array.length];
	}
	const stringBytes = Buffer.from(JSON.stringify(c.strings), 'utf8');
	return {articles: articleCount(c), columns, strings: [push(stringBytes), stringBytes.byteLength]};
}

function headerOf(file: FileStat & {path: string}, articles: readonly Pick<Article, 'id' | 'text'>[], blocks: BlockHeader[], payload: number): Header {
	return {
		format: FORMAT,
		version: detectionVersion(),
		file: {path: file.path, size: file.size, stamp: file.stamp},
		ids: articles.map((a) => a.id),
		textLengths: articles.map((a) => textLengthOf(a)),
		blocks,
		payload,
	};
}

/** The file's bytes for these articles (all from `file`, in file order) and their mentions, in blocks. */
export function encodeDetectionCache(
	file: FileStat & {path: string},
	articles: readonly Pick<Article, 'id' | 'text'>[],
	blocks: readonly MentionColumns[],
): Uint8Array[] {
	const pieces: Uint8Array[] = [];
	const payload = new AlignedPieces(pieces);
	const blockHeaders = blocks.map((c) => pushBlock(c, (bytes) => payload.push(bytes)));
	return sealFile(MAGIC, headerOf(file, articles, blockHeaders, payload.offset), pieces);
}

/**
 * The cache file of one source file written a block at a time, as detection hands the blocks on:
 * the same bytes as `encodeDetectionCache`, but a block is on disk, not in memory, once added.
 * Throws a CacheProblem when the folder is unusable; `finish` throws one when writing failed.
 */
export class DetectionCacheWriter {
	private readonly sealed: SealedFileWriter;
	private readonly blocks: BlockHeader[] = [];

	constructor(cacheFile: string) {
		this.sealed = new SealedFileWriter(MAGIC, cacheFile);
	}

	/** The next block of the file's articles. */
	add(columns: MentionColumns): void {
		this.blocks.push(pushBlock(columns, (bytes) => this.sealed.push(bytes)));
	}

	/** Puts the file in place once every block is added: `articles` are all the file's, in order. */
	finish(file: FileStat & {path: string}, articles: readonly Pick<Article, 'id' | 'text'>[]): Promise<void> {
		return this.sealed.finish(headerOf(file, articles, this.blocks, this.sealed.payloadBytes));
	}

	/** Drops what was written (detection stopped before the file was done). */
	abort(): Promise<void> {
		return this.sealed.abort();
	}
}

/** Writes the cache of one source file atomically; throws a CacheProblem. */
export function writeDetectionCache(cacheFile: string, ...args: Parameters<typeof encodeDetectionCache>): void {
	writeAtomic(cacheFile, encodeDetectionCache(...args));
}

/** Why a cache file was not used: absent, stale or old are expected; damaged and unreadable are told. */
export type CacheMiss = {kind: 'absent' | 'stale' | 'other-version'} | {kind: 'damaged' | 'unreadable'; reason: string};

/** The mentions of some consecutive articles of a file: `from` is the first one's place in the file. */
export interface CachedBlock {
	from: number;
	/** How many articles. */
	count: number;
	/** Its columns, read from the file again and checked again; throws when the file changed since. */
	load(): MentionColumns;
}

/**
 * The cached mentions of these articles (the current articles of `file`, in file order), in
 * blocks each checked whole (`validColumns`), or why there are none. Never throws.
 *
 * The file is read as it is checked (SealedReader): its header first (another khao's file, or one
 * of another version of the source file, is told by it alone), then a block at a time, each block
 * checked and let go, the checksum summed over it all; nothing is used unless it holds at the end.
 * At 60,000 articles the file is 179 MB, which read whole took the linking worker's RSS to 690–782
 * MiB where it then links in about 500.
 */
export function readDetectionCache(
	cacheFile: string,
	file: FileStat & {path: string},
	articles: readonly Pick<Article, 'id' | 'text'>[],
): {ok: true; blocks: CachedBlock[]} | ({ok: false} & CacheMiss) {
	const maxBytes = 64 * 2 ** 20 + 4 * file.size + 256 * articles.length;
	let reader: SealedReader | SealedMiss;
	try {
		reader = SealedReader.open(cacheFile, MAGIC, 'entities cache', maxBytes, PREVIOUS_MAGIC);
	} catch (error) {
		return {ok: false, kind: 'unreadable', reason: error instanceof CacheProblem ? error.message : reasonOf(error)};
	}
	if (!(reader instanceof SealedReader)) {
		if (reader.kind === 'previous') return readPreviousLayout(cacheFile, maxBytes);
		return reader.kind === 'absent' ? {ok: false, kind: 'absent'} : {ok: false, kind: 'damaged', reason: reader.reason};
	}
	const opened = reader;
	// Damaged, unless the file changed while it was read (another khao rewriting it): then stale.
	const damaged = (reason: string): {ok: false} & CacheMiss =>
		opened.changed() || replaced(cacheFile, opened.stats) ? {ok: false, kind: 'stale'} : {ok: false, kind: 'damaged', reason};
	try {
		const header = parseHeader(opened.header);
		if (isRecord(opened.header) && (opened.header['format'] !== FORMAT || opened.header['version'] !== detectionVersion())) return {ok: false, kind: 'other-version'};
		if (header === undefined || header.payload !== opened.payloadBytes) return damaged('bad layout');
		if (header.file.path !== file.path || header.file.size !== file.size || header.file.stamp !== file.stamp) return {ok: false, kind: 'stale'};
		if (header.ids.length !== articles.length || header.textLengths.length !== articles.length) return {ok: false, kind: 'stale'};
		for (let a = 0; a < articles.length; a++) {
			if (header.ids[a] !== articles[a]!.id || header.textLengths[a] !== textLengthOf(articles[a]!)) return {ok: false, kind: 'stale'};
		}
		let from = 0;
		const out: CachedBlock[] = [];
		for (const block of header.blocks) {
			// Checked whole now, one block in memory at a time, and read again when wanted.
			const lengths = header.textLengths.slice(from, from + block.articles);
			const [start, end] = blockSpan(block);
			const problem = checkedBlock(opened.read(start, end), start, block, lengths);
			if (typeof problem === 'string') return damaged(problem);
			out.push({from, count: block.articles, load: () => loadBlock(cacheFile, opened.stats, block, lengths)});
			from += block.articles;
		}
		if (from !== articles.length) return damaged('bad layout');
		if (!opened.finish()) return damaged('bad checksum');
		// Replaced while it was read: the blocks read again later would not be these.
		if (replaced(cacheFile, opened.stats)) return {ok: false, kind: 'stale'};
		return {ok: true, blocks: out};
	} catch (error) {
		return damaged(error instanceof BadBlock || error instanceof SyntaxError ? error.message : reasonOf(error));
	} finally {
		opened.close();
	}
}

/** True when the file at `file` is no longer the one opened (gone, replaced, or written since). */
function replaced(file: string, opened: fs.Stats): boolean {
	const now = statOrUndefined(file);
	return now === undefined || !sameStats(now, opened);
}

/** A file of the layout before the header moved to the end: read whole, as it was, to tell an old file (rebuilt quietly) from a damaged one. */
function readPreviousLayout(cacheFile: string, maxBytes: number): {ok: false} & CacheMiss {
	try {
		const bytes = readCacheBytes(cacheFile, maxBytes);
		if (bytes === undefined) return {ok: false, kind: 'absent'};
		const sealed = openSealed(bytes, MAGIC, 'entities cache', PREVIOUS_MAGIC);
		return sealed === OLD_LAYOUT
			? {ok: false, kind: 'other-version'}
			: {ok: false, kind: 'damaged', reason: typeof sealed === 'string' ? sealed : 'not a khao entities cache'};
	} catch (error) {
		return {ok: false, kind: 'unreadable', reason: error instanceof CacheProblem ? error.message : reasonOf(error)};
	}
}

function statOrUndefined(file: string): fs.Stats | undefined {
	try {
		return fs.lstatSync(file);
	} catch {
		return undefined;
	}
}

/** Where a block's bytes lie in the payload: from its first column (8-aligned) to the end of its last piece. */
function blockSpan(block: BlockHeader): [start: number, end: number] {
	let start = block.strings[0];
	let end = block.strings[0] + block.strings[1];
	for (const [name, Type] of COLUMNS) {
		const [offset, length] = block.columns[name];
		start = Math.min(start, offset);
		end = Math.max(end, offset + length * Type.BYTES_PER_ELEMENT);
	}
	return [start - (start % 8), end];
}

/** One block read again from the file (still the one checked), decoded and checked again. */
function loadBlock(cacheFile: string, checked: fs.Stats, block: BlockHeader, textLengths: readonly number[]): MentionColumns {
	const [start, end] = blockSpan(block);
	const bytes = new Uint8Array(end - start);
	const fd = fs.openSync(cacheFile, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
	try {
		if (!sameStats(fs.fstatSync(fd), checked)) throw new Error(`${cacheFile} changed while it was read`);
		for (let done = 0; done < bytes.byteLength;) {
			const n = fs.readSync(fd, bytes, done, bytes.byteLength - done, LEAD + start + done);
			if (n === 0) throw new Error(`${cacheFile} truncated while it was read`);
			done += n;
		}
	} finally {
		fs.closeSync(fd);
	}
	const columns = checkedBlock(bytes, start, block, textLengths);
	if (typeof columns === 'string') throw new Error(`${cacheFile}: ${columns}`);
	return columns;
}

/**
 * A block's columns (views of `bytes`, which hold the payload from offset `base`) and its string
 * table, checked against its articles' text lengths; or what is wrong.
 */
function checkedBlock(bytes: Uint8Array<ArrayBuffer>, base: number, block: BlockHeader, textLengths: readonly number[]): MentionColumns | string {
	const columns = {} as Record<ColumnName, unknown>;
	for (const [name, Type] of COLUMNS) {
		const [offset, length] = block.columns[name];
		if (offset % 8 !== 0 || offset < base || offset - base + length * Type.BYTES_PER_ELEMENT > bytes.byteLength) return 'bad layout';
		columns[name] = new Type(bytes.buffer, bytes.byteOffset + offset - base, length);
	}
	const [offset, length] = block.strings;
	if (offset < base || offset - base + length > bytes.byteLength) return 'bad layout';
	const strings: unknown = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + offset - base, length).toString('utf8'));
	if (!Array.isArray(strings) || !strings.every((s) => typeof s === 'string')) return 'bad strings';
	const decoded = {...(columns as Omit<MentionColumns, 'strings'>), strings: strings as string[]};
	if (articleCount(decoded) !== block.articles || textLengths.length !== block.articles) return 'bad layout';
	if (!validColumns(decoded, textLengths)) return 'bad mentions';
	return decoded;
}

function isBlockHeader(v: unknown): v is BlockHeader {
	return (
		isRecord(v) &&
		isCount(v['articles']) &&
		isRecord(v['columns']) &&
		COLUMNS.every(([name]) => isPair((v['columns'] as Record<string, unknown>)[name])) &&
		isPair(v['strings'])
	);
}

function parseHeader(json: unknown): Header | undefined {
	if (!isRecord(json) || !isRecord(json['file']) || !Array.isArray(json['blocks'])) return undefined;
	const file = json['file'];
	const ok =
		typeof json['format'] === 'string' &&
		typeof json['version'] === 'string' &&
		typeof file['path'] === 'string' &&
		isCount(file['size']) &&
		typeof file['stamp'] === 'string' &&
		Array.isArray(json['ids']) &&
		json['ids'].every((id) => typeof id === 'string') &&
		Array.isArray(json['textLengths']) &&
		json['textLengths'].every(isCount) &&
		json['blocks'].every(isBlockHeader) &&
		isCount(json['payload']);
	return ok ? (json as unknown as Header) : undefined;
}
