// The index on disk, so that opening the same corpus again skips the work. One cache file per
// source file holds that file's sealed segments; each segment names that file with its size and a
// stamp (device, inode, mtime and ctime to the nanosecond, so `cp -p` or `touch -r` over a file
// still changes it), and is reused only while the file is unchanged and its articles are still
// the same (id, text and title lengths, in order).
//
// Safety: the file is written atomically (cache-io.ts). Reading trusts nothing: the file is opened
// like a corpus file (regular files only, never blocking, size-checked), its CRC-32 covers the
// header and the payload, and every offset, length and count in it is validated before use
// (cache-validate.ts). Anything wrong means "no cache" (the index is built afresh) and one warning
// through `warn`; a cache from another version is replaced silently.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type {Article, CorpusWarning} from '../corpus/types.js';
import {reasonOf} from '../corpus/errors.js';
import {CacheProblem, readCacheBytes, writeAtomic, writeAtomicAsync} from './cache-io.js';
import {validSegment} from './cache-validate.js';
import {PASSAGE_MAX, PASSAGE_TARGET} from './passages.js';
import type {FileStat} from './search-index.js';
import type {Segment, SegmentFile} from './segment.js';
import {KEY_BITS, OVERLAP} from './trigrams.js';

/** Every khao cache file starts with this; the digit after it is the layout's version. */
const MAGIC_FAMILY = 'KHAOIDX';
const MAGIC = `${MAGIC_FAMILY}2`;
/** Magic, header length (u32), CRC-32 of the header and the payload (u32); the JSON header follows. */
const LEAD = 16;
/** Bump when the fold, passages, trigrams or this layout change; the settings below are checked too. */
const FORMAT = `khao-search-10/${KEY_BITS}/${OVERLAP}/${PASSAGE_TARGET}/${PASSAGE_MAX}`;

/** The cache folder: `KHAO_CACHE_DIR`, else $XDG_CACHE_HOME/khao or ~/.cache/khao; undefined when caching is off (`KHAO_CACHE_DIR=off`). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const configured = env['KHAO_CACHE_DIR'];
	if (configured !== undefined) {
		if (configured === '' || configured === 'off' || configured === 'none' || configured === '0') return undefined;
		return configured;
	}
	const base = env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
	return path.join(base, 'khao');
}

/**
 * The cache file for one source file, keyed by its resolved path: every file of a corpus has its
 * own, so two .jsonl files of one folder opened in turn both stay cached, the folder opened whole
 * reuses them, and a file that changed is indexed again alone. (What version of the file a cache
 * holds is in the cache, checked against the file's stat.)
 */
export function cacheFileFor(cacheDir: string, sourcePath: string): string {
	const hash = crypto.createHash('sha256').update(`file\0${path.resolve(sourcePath)}`).digest('hex').slice(0, 24);
	return path.join(cacheDir, `search-${hash}.idx`);
}

/** Size and stamp of each article's file (skipping stdin and files that cannot be read). */
export function statFiles(articles: readonly Article[]): Map<string, FileStat> {
	const stats = new Map<string, FileStat>();
	for (const article of articles) {
		if (article.path === '-' || stats.has(article.path)) continue;
		try {
			const stat = fs.statSync(article.path, {bigint: true});
			// Which file (device and inode) and which version of it: ctime changes with every write,
			// even one that puts back the old size and mtime.
			stats.set(article.path, {size: Number(stat.size), stamp: `${stat.dev}:${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}`});
		} catch {
			// Not cacheable; indexed all the same.
		}
	}
	return stats;
}

// Typed arrays of a segment, in file order (ordinals are not stored: they are found again on reading).
const ARRAYS = [
	['textLengths', Int32Array],
	['titleLengths', Int32Array],
	['articlePassages', Int32Array],
	['articleTones', Int32Array],
	['tonePos', Int32Array],
	['passageStart', Int32Array],
	['passageSource', Int32Array],
	['keys', Int32Array],
	['offsets', Uint32Array],
	['counts', Uint32Array],
	['passageArticle', Uint16Array],
	['passageFlags', Uint8Array],
	['toneMark', Uint8Array],
	['postings', Uint8Array],
] as const;

type ArrayName = (typeof ARRAYS)[number][0];

interface SegmentHeader {
	files: SegmentFile[];
	/** Per local article: index into files, id. */
	articleFiles: number[];
	ids: string[];
	arrays: Record<ArrayName, [offset: number, length: number]>;
	/**
	 * Per local article: [offset, length in UTF-16 units, 1 if stored one byte a unit (latin1) else 0
	 * (utf16le)]. Units, not bytes: a flipped flag then changes the packed layout and is caught.
	 */
	strings: [number, number, number][];
}

interface Header {
	format: string;
	payload: number;
	/** The typed arrays come first in the payload, then the strings from here on. */
	arraysEnd: number;
	segments: SegmentHeader[];
}

/** Arithmetic, not bitwise: offsets past 2 GiB must not wrap. */
function align8(n: number): number {
	return Math.ceil(n / 8) * 8;
}

function isOneByte(s: string): boolean {
	for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
	return true;
}

/** The cache file's bytes: a lead (magic, header length, CRC, JSON header) and the payload pieces (the cacheable segments). */
function encodeCache(segments: readonly Segment[], articles: readonly Article[]): Uint8Array[] {
	const pieces: Uint8Array[] = [];
	let offset = 0;
	const push = (bytes: Uint8Array): number => {
		const at = offset;
		pieces.push(bytes);
		offset += bytes.byteLength;
		const pad = align8(offset) - offset;
		if (pad > 0) {
			pieces.push(new Uint8Array(pad));
			offset += pad;
		}
		return at;
	};
	const headers: SegmentHeader[] = [];
	const kept: Segment[] = [];
	for (const segment of segments) {
		if (segment.files.length === 0) continue;
		const fileIndex = new Map(segment.files.map((f, i) => [f.path, i]));
		const articleFiles = Array.from(segment.ordinals, (ordinal) => fileIndex.get(articles[ordinal]!.path) ?? -1);
		if (articleFiles.includes(-1)) continue;
		const arrays = {} as Record<ArrayName, [number, number]>;
		for (const [name] of ARRAYS) {
			const array = segment[name];
			arrays[name] = [push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)), array.length];
		}
		headers.push({files: segment.files, articleFiles, ids: segment.ids, arrays, strings: []});
		kept.push(segment);
	}
	const arraysEnd = offset;
	kept.forEach((segment, i) => {
		headers[i]!.strings = segment.folded.map((text) => {
			const oneByte = isOneByte(text);
			const bytes = Buffer.from(text, oneByte ? 'latin1' : 'utf16le');
			return [push(bytes), text.length, oneByte ? 1 : 0];
		});
	});
	const header: Header = {format: FORMAT, payload: offset, arraysEnd, segments: headers};
	const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
	const crc = pieces.reduce((c, piece) => zlib.crc32(piece, c), zlib.crc32(headerBytes));
	const lead = Buffer.alloc(align8(LEAD + headerBytes.byteLength));
	lead.write(MAGIC, 0, 'latin1');
	lead.writeUInt32LE(headerBytes.byteLength, 8);
	lead.writeUInt32LE(crc, 12);
	headerBytes.copy(lead, LEAD);
	return [lead, ...pieces];
}

/** Reports a cache problem to the user (once: the caller keeps only the first). */
export type CacheWarn = (warning: CorpusWarning) => void;

/** One line for the user: what happened to the search cache and why, then the file (last: it can be long). */
function cacheWarning(what: string, why: string, file: string): CorpusWarning {
	return {kind: 'skipped', path: 'search cache', message: `${what}: ${why} (${file})`};
}

/** Writes the cache (see cache-io.ts); false, after a warning, when it could not be written. */
export function writeCache(file: string, segments: readonly Segment[], articles: readonly Article[], warn?: CacheWarn): boolean {
	try {
		writeAtomic(file, encodeCache(segments, articles));
		return true;
	} catch (error) {
		warnProblem(warn, 'not saved', asProblem(file, error));
		return false;
	}
}

/** The same, with the file I/O (about 90 MB for 10,000 articles) off the event loop. */
export async function writeCacheAsync(file: string, segments: readonly Segment[], articles: readonly Article[], warn?: CacheWarn): Promise<boolean> {
	try {
		await writeAtomicAsync(file, encodeCache(segments, articles));
		return true;
	} catch (error) {
		warnProblem(warn, 'not saved', asProblem(file, error));
		return false;
	}
}

function warnProblem(warn: CacheWarn | undefined, what: string, problem: CacheProblem): void {
	warn?.(cacheWarning(what, problem.message, problem.path));
}

function asProblem(file: string, error: unknown): CacheProblem {
	return error instanceof CacheProblem ? error : new CacheProblem(file, reasonOf(error));
}

/**
 * The most bytes an honest cache for a source file of this size could take: its text folded (at
 * most two bytes a character of a source byte), postings and offsets, and a header line per
 * article of the corpus. A larger file is not read into memory.
 */
function cacheBytesBound(sourceBytes: number, articles: number): number {
	return 64 * 2 ** 20 + 8 * sourceBytes + 8192 * articles;
}

/** The cache file does not hold together (unlike one from another version or out of date, the user hears of it). */
class Damaged extends Error {}

/**
 * The cached segments still valid for `articles`, with their ordinals remapped to the current
 * corpus order. Anything wrong with the file gives [] (the index is then built afresh) and, unless
 * the file is merely absent, stale or from another version, one warning through `warn`.
 */
export function readCache(file: string, source: string, articles: readonly Article[], stats: ReadonlyMap<string, FileStat>, warn?: CacheWarn): Segment[] {
	const steps = readCacheSteps(file, source, articles, stats, warn);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * The same, a step per cached segment, so that the reader can answer keys between them: checking
 * a segment's every offset takes a few milliseconds. The segments are returned at the end, all or
 * none: one that does not hold together condemns the file.
 */
export function* readCacheSteps(
	file: string,
	source: string,
	articles: readonly Article[],
	stats: ReadonlyMap<string, FileStat>,
	warn?: CacheWarn,
): Generator<void, Segment[], void> {
	try {
		const stat = stats.get(source);
		if (!stat) return [];
		const bytes = readCacheBytes(file, cacheBytesBound(stat.size, articles.length));
		if (!bytes) return [];
		const decoded = decodeCache(bytes);
		if (!decoded) return [];
		const ordinalsOf = ordinalsByFileAndId(articles);
		const segments: Segment[] = [];
		for (const entry of decoded.header.segments) {
			// Keyed by its source file's path: a segment of another file in it is not this cache's.
			if (entry.files.length !== 1 || entry.files[0]!.path !== source) throw new Damaged('another file\'s index');
			const segment = restoreSegment(entry, decoded.store, decoded.payload, decoded.header.arraysEnd, articles, stats, ordinalsOf);
			if (segment !== 'stale') segments.push(segment);
			yield;
		}
		return segments;
	} catch (error) {
		if (error instanceof CacheProblem) warnProblem(warn, 'not used', error);
		else if (error instanceof Damaged) warn?.(cacheWarning('rebuilt', `damaged (${error.message})`, file));
		else warn?.(cacheWarning('rebuilt', `unreadable (${reasonOf(error)})`, file));
		return [];
	}
}

/** The file's header and payload after the checks that cover the whole file; undefined for another version's file. */
function decodeCache(bytes: Buffer): {header: Header; payload: Buffer; store: Uint8Array} | undefined {
	if (bytes.byteLength === 0) throw new Damaged('empty');
	if (bytes.toString('latin1', 0, MAGIC_FAMILY.length) !== MAGIC_FAMILY) throw new Damaged('not a khao cache file');
	// Another version's file is replaced without a word.
	if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
	if (bytes.byteLength < LEAD) throw new Damaged('truncated');
	const headerLength = bytes.readUInt32LE(8);
	if (LEAD + headerLength > bytes.byteLength) throw new Damaged('truncated');
	const start = align8(LEAD + headerLength);
	const crc = zlib.crc32(bytes.subarray(start), zlib.crc32(bytes.subarray(LEAD, LEAD + headerLength)));
	if (crc !== bytes.readUInt32LE(12)) throw new Damaged('bad checksum');
	const header = parseHeader(bytes.toString('utf8', LEAD, LEAD + headerLength));
	if (header === 'other-version') return undefined;
	if (!header || start + header.payload !== bytes.byteLength || !isPacked(header)) throw new Damaged('bad layout');
	const payload = bytes.subarray(start);
	// The typed arrays keep views on one copy of their part of the payload; the folded strings are
	// decoded out of the rest, which is then let go.
	const store = new Uint8Array(header.arraysEnd);
	store.set(payload.subarray(0, header.arraysEnd));
	return {header, payload, store};
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isListOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(item);
const isString = (v: unknown): v is string => typeof v === 'string';
const isPair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && isCount(v[0]) && isCount(v[1]);
const isStringEntry = (v: unknown): v is [number, number, number] => Array.isArray(v) && v.length === 3 && isCount(v[0]) && isCount(v[1]) && (v[2] === 0 || v[2] === 1);
const isSegmentFile = (v: unknown): v is SegmentFile => isRecord(v) && isString(v['path']) && isCount(v['size']) && isString(v['stamp']);

function isSegmentHeader(v: unknown): v is SegmentHeader {
	if (!isRecord(v) || !isRecord(v['arrays'])) return false;
	const arrays = v['arrays'];
	return (
		isListOf(v['files'], isSegmentFile) &&
		isListOf(v['articleFiles'], isCount) &&
		isListOf(v['ids'], isString) &&
		isListOf(v['strings'], isStringEntry) &&
		ARRAYS.every(([name]) => isPair(arrays[name]))
	);
}

/** The header, 'other-version' for another build's layout, undefined when it is not a header at all. */
function parseHeader(text: string): Header | 'other-version' | undefined {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (!isRecord(json)) return undefined;
	if (json['format'] !== FORMAT) return isString(json['format']) ? 'other-version' : undefined;
	if (!isCount(json['payload']) || !isCount(json['arraysEnd']) || !isListOf(json['segments'], isSegmentHeader)) return undefined;
	return json as unknown as Header;
}

/**
 * The payload is packed in one order (encodeCache): every segment's arrays, then every segment's
 * strings, each piece 8-aligned, nothing between them. Any other offset or total is damage.
 */
function isPacked(header: Header): boolean {
	let at = 0;
	for (const entry of header.segments) {
		for (const [name, Type] of ARRAYS) {
			const [offset, length] = entry.arrays[name];
			if (offset !== at) return false;
			at = align8(at + length * Type.BYTES_PER_ELEMENT);
		}
	}
	if (header.arraysEnd !== at) return false;
	for (const entry of header.segments) {
		for (const [offset, units, oneByte] of entry.strings) {
			if (offset !== at) return false;
			at = align8(at + (oneByte ? units : 2 * units));
		}
	}
	return header.payload === at;
}

/** path \0 id → ordinals in corpus order (ids may repeat). */
function ordinalsByFileAndId(articles: readonly Article[]): Map<string, number[]> {
	const map = new Map<string, number[]>();
	for (let i = 0; i < articles.length; i++) {
		const key = `${articles[i]!.path}\0${articles[i]!.id}`;
		const list = map.get(key);
		if (list) list.push(i);
		else map.set(key, [i]);
	}
	return map;
}

type Restored = Segment | 'stale';

/** A cached segment, or 'stale' when its files or articles changed since; throws Damaged when it does not hold together. */
function restoreSegment(
	entry: SegmentHeader,
	store: Uint8Array,
	payload: Buffer,
	arraysEnd: number,
	articles: readonly Article[],
	stats: ReadonlyMap<string, FileStat>,
	ordinalsOf: Map<string, number[]>,
): Restored {
	for (const file of entry.files) {
		const stat = stats.get(file.path);
		if (!stat || stat.size !== file.size || stat.stamp !== file.stamp) return 'stale';
	}
	const view = <T>(name: ArrayName, Type: {new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number}): T => {
		const [offset, length] = entry.arrays[name];
		if (offset % Type.BYTES_PER_ELEMENT !== 0 || offset + length * Type.BYTES_PER_ELEMENT > store.byteLength) throw new Damaged('bad layout');
		return new Type(store.buffer as ArrayBuffer, store.byteOffset + offset, length);
	};
	const arrays = Object.fromEntries(ARRAYS.map(([name, Type]) => [name, view(name, Type as never)])) as unknown as Pick<Segment, ArrayName>;
	const count = entry.ids.length;
	if (entry.strings.length !== count || entry.articleFiles.length !== count || arrays.textLengths.length !== count || arrays.titleLengths.length !== count) {
		throw new Damaged('bad layout');
	}
	// The same articles, in the same order within each file: map them to today's ordinals.
	const ordinals = new Int32Array(count);
	const used = new Map<string, number>();
	for (let local = 0; local < count; local++) {
		const file = entry.files[entry.articleFiles[local]!];
		if (!file) throw new Damaged('bad layout');
		const key = `${file.path}\0${entry.ids[local]}`;
		const nth = used.get(key) ?? 0;
		used.set(key, nth + 1);
		const ordinal = ordinalsOf.get(key)?.[nth];
		if (ordinal === undefined) return 'stale';
		const article = articles[ordinal]!;
		if (article.text.length !== arrays.textLengths[local] || article.title.length !== arrays.titleLengths[local]) return 'stale';
		ordinals[local] = ordinal;
	}
	const folded = entry.strings.map(([offset, units, oneByte]) => {
		const end = offset + (oneByte ? units : 2 * units);
		if (offset < arraysEnd || end > payload.byteLength) throw new Damaged('bad layout');
		return payload.toString(oneByte ? 'latin1' : 'utf16le', offset, end);
	});
	const segment: Segment = {...arrays, ordinals, ids: entry.ids, folded, files: entry.files};
	if (!validSegment(segment, count)) throw new Damaged('bad layout');
	return segment;
}
