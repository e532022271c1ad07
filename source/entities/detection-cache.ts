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
import type {Article} from '../corpus/types.js';
import {reasonOf} from '../corpus/errors.js';
import {CacheProblem, perFileCacheName, readCacheBytes, writeAtomic} from '../search/cache-io.js';
import {AlignedPieces} from '../search/cache-format.js';
import {OLD_LAYOUT, SealedFileWriter, isCount, isPair, isRecord, openSealed, sealFile} from './sealed-file.js';
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
	columns: MentionColumns;
}

/**
 * The cached mentions of these articles (the current articles of `file`, in file order), in
 * blocks each checked whole (`validColumns`), or why there are none. Never throws.
 */
export function readDetectionCache(
	cacheFile: string,
	file: FileStat & {path: string},
	articles: readonly Pick<Article, 'id' | 'text'>[],
): {ok: true; blocks: CachedBlock[]} | ({ok: false} & CacheMiss) {
	let bytes: Buffer | undefined;
	try {
		bytes = readCacheBytes(cacheFile, 64 * 2 ** 20 + 4 * file.size + 256 * articles.length);
	} catch (error) {
		return {ok: false, kind: 'unreadable', reason: error instanceof CacheProblem ? error.message : reasonOf(error)};
	}
	if (bytes === undefined) return {ok: false, kind: 'absent'};
	try {
		const decoded = decode(bytes);
		if (decoded === OLD_LAYOUT) return {ok: false, kind: 'other-version'};
		if (typeof decoded === 'string') return {ok: false, kind: 'damaged', reason: decoded};
		const {header, blocks} = decoded;
		if (header.format !== FORMAT || header.version !== detectionVersion()) return {ok: false, kind: 'other-version'};
		if (header.file.path !== file.path || header.file.size !== file.size || header.file.stamp !== file.stamp) return {ok: false, kind: 'stale'};
		if (header.ids.length !== articles.length || header.textLengths.length !== articles.length) return {ok: false, kind: 'stale'};
		for (let a = 0; a < articles.length; a++) {
			if (header.ids[a] !== articles[a]!.id || header.textLengths[a] !== textLengthOf(articles[a]!)) return {ok: false, kind: 'stale'};
		}
		let from = 0;
		const out: CachedBlock[] = [];
		for (const columns of blocks) {
			const count = articleCount(columns);
			if (!validColumns(columns, header.textLengths.slice(from, from + count))) return {ok: false, kind: 'damaged', reason: 'bad mentions'};
			out.push({from, columns});
			from += count;
		}
		if (from !== articles.length) return {ok: false, kind: 'damaged', reason: 'bad layout'};
		return {ok: true, blocks: out};
	} catch (error) {
		return {ok: false, kind: 'damaged', reason: reasonOf(error)};
	}
}

/** Header and blocks after the whole-file checks, or what is wrong. */
function decode(bytes: Buffer): {header: Header; blocks: MentionColumns[]} | string {
	const sealed = openSealed(bytes, MAGIC, 'entities cache', PREVIOUS_MAGIC);
	if (typeof sealed === 'string') return sealed;
	const header = parseHeader(sealed.header);
	if (header === undefined || header.payload !== sealed.payload.byteLength) return 'bad layout';
	const payload = sealed.payload;
	const blocks: MentionColumns[] = [];
	for (const block of header.blocks) {
		const columns = {} as Record<ColumnName, unknown>;
		for (const [name, Type] of COLUMNS) {
			const [offset, length] = block.columns[name];
			if (offset % 8 !== 0 || offset + length * Type.BYTES_PER_ELEMENT > payload.byteLength) return 'bad layout';
			columns[name] = new Type(payload.buffer, payload.byteOffset + offset, length);
		}
		const [offset, length] = block.strings;
		if (offset + length > payload.byteLength) return 'bad layout';
		const strings: unknown = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset + offset, length).toString('utf8'));
		if (!Array.isArray(strings) || !strings.every((s) => typeof s === 'string')) return 'bad strings';
		const decoded = {...(columns as Omit<MentionColumns, 'strings'>), strings: strings as string[]};
		if (articleCount(decoded) !== block.articles) return 'bad layout';
		blocks.push(decoded);
	}
	return {header, blocks};
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
