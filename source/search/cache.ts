// The index on disk, so that opening the same corpus again skips the work. One cache file per
// source file holds that file's sealed segments; each segment names that file with its size and a
// stamp (device, inode, mtime and ctime to the nanosecond, so `cp -p` or `touch -r` over a file
// still changes it), and is reused only while the file is unchanged and its articles are still
// the same (id, text and title lengths, in order: their digest, articles-digest.ts).
//
// Safety: the file is written atomically (cache-io.ts). Reading trusts nothing: the file is opened
// like a corpus file (regular files only, never blocking, size-checked), CRC-32s cover the header
// and every block of the payload (cache-format.ts, cache-blocks.ts), and every offset, length and
// count in it is validated before use (cache-validate.ts). Anything wrong means "no cache" (the index is built afresh) and one warning
// through `warn`; a cache from another version is replaced silently.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type {Article, CorpusWarning} from '../corpus/types.js';
import {reasonOf} from '../corpus/errors.js';
import {firstBadBlockSteps, readCacheFileSteps} from './cache-blocks.js';
import {runSteps} from '../entities/steps.js';
import {
	ARRAYS,
	cachedOrdinals,
	CorpusFiles,
	Damaged,
	encodeCache,
	layoutOf,
	LEAD,
	readHeader,
	readLead,
	StringPlaces,
	type FileArrayName,
	type FileArticles,
	type Header,
	type SegmentHeader,
} from './cache-format.js';
import {CACHE_BYTES_LIMIT, CacheProblem, perFileCacheName, writeAtomic, writeAtomicAsync} from './cache-io.js';
import {validSegment} from './cache-validate.js';
import {openDiskSegments, openDiskSegmentsSteps} from './disk-segment.js';
import type {FileStat} from './search-index.js';
import type {Segment} from './segment.js';

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
	return perFileCacheName(cacheDir, sourcePath, {tag: 'file', prefix: 'search', ext: 'idx'});
}

/** Size and stamp of each article's file (skipping stdin and files that cannot be read). */
export function statFiles(articles: readonly Article[]): Map<string, FileStat> {
	const stats = new Map<string, FileStat>();
	for (const article of articles) {
		if (article.path === '-' || stats.has(article.path)) continue;
		const stat = statFile(article.path);
		// A file that cannot be stat'ed is not cacheable; indexed all the same.
		if (stat) stats.set(article.path, stat);
	}
	return stats;
}

/** Size and stamp of one file, or undefined when it cannot be read. */
export function statFile(file: string): FileStat | undefined {
	try {
		const stat = fs.statSync(file, {bigint: true});
		// Which file (device and inode) and which version of it: ctime changes with every write,
		// even one that puts back the old size and mtime.
		return {size: Number(stat.size), stamp: `${stat.dev}:${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}`};
	} catch {
		return undefined;
	}
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

/** Tells the user, through `warn`, what happened to a cache file and why. */
export function warnProblem(warn: CacheWarn | undefined, what: string, problem: CacheProblem): void {
	warn?.(cacheWarning(what, problem.message, problem.path));
}

/** Any failure of a cache file as a CacheProblem naming it. */
export function asProblem(file: string, error: unknown): CacheProblem {
	return error instanceof CacheProblem ? error : new CacheProblem(file, reasonOf(error));
}

/** Bytes of a cache file read, or checked, per step when the reader reads it whole. */
export const READ_STEP_BYTES = 8 << 20;

/**
 * The most bytes an honest cache for a source file of this size could take: its text folded (at
 * most two bytes a character of a source byte), postings and offsets, and a header line per
 * article of the corpus. A larger file is not read into memory.
 */
function cacheBytesBound(sourceBytes: number, articles: number): number {
	return 64 * 2 ** 20 + 8 * sourceBytes + 8192 * articles;
}

/**
 * The cached segments still valid for `articles`, with their ordinals remapped to the current
 * corpus order. Anything wrong with the file gives [] (the index is then built afresh) and, unless
 * the file is merely absent, stale or from another version, one warning through `warn`.
 */
export function readCache(file: string, source: string, articles: readonly Article[], stats: ReadonlyMap<string, FileStat>, warn?: CacheWarn): Segment[] {
	return runSteps(readCacheSteps(file, source, articles, stats, warn));
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
	files?: CorpusFiles,
	stepBytes = READ_STEP_BYTES,
): Generator<void, Segment[], void> {
	try {
		const stat = stats.get(source);
		if (!stat) return [];
		// Read and summed `stepBytes` a step: the 90 MB cache of 10,000 articles read and checked at
		// once held the reader's UI thread 160-180 ms of CPU (and a second of wall on a busy disk).
		const bytes = yield* readCacheFileSteps(file, Math.min(cacheBytesBound(stat.size, articles.length), CACHE_BYTES_LIMIT), stepBytes);
		if (!bytes) return [];
		const decoded = yield* decodeCacheSteps(bytes, stepBytes);
		if (!decoded) return [];
		const {header} = decoded;
		// Keyed by its source file's path: a segment of another file in it is not this cache's.
		if (header.segments.some((entry) => entry.files[0]!.path !== source)) throw new Damaged("another file's index");
		const ordinals = cachedOrdinals(header, stats, (files ?? new CorpusFiles(articles)).of(source));
		if (ordinals === 'stale') return [];
		const places = new StringPlaces(header);
		const segments: Segment[] = [];
		for (const [i, entry] of header.segments.entries()) {
			segments.push(restoreSegment(entry, decoded.store, decoded.payload, ordinals[i]!, places));
			yield;
		}
		places.finish();
		return segments;
	} catch (error) {
		warnRead(warn, file, error);
		return [];
	}
}

function warnRead(warn: CacheWarn | undefined, file: string, error: unknown): void {
	if (error instanceof CacheProblem) warnProblem(warn, 'not used', error);
	else if (error instanceof Damaged) warn?.(cacheWarning('rebuilt', `damaged (${error.message})`, file));
	else warn?.(cacheWarning('rebuilt', `unreadable (${reasonOf(error)})`, file));
}

/**
 * The cached segments of `source`, opened to be searched on disk (disk-segment.ts): only their
 * header and small arrays are read now, a segment a step (openDiskSegmentsSteps; runSteps for all
 * at once). [] when there is no usable cache (with one warning, as for readCacheSteps, when the
 * file is damaged or cannot be opened).
 */
export function* openOnDiskSteps(
	file: string,
	source: string,
	articles: readonly Article[],
	stats: ReadonlyMap<string, FileStat>,
	files: CorpusFiles,
	warn?: CacheWarn,
): Generator<void, Segment[], void> {
	const stat = stats.get(source);
	if (!stat) return [];
	try {
		const segments = yield* openDiskSegmentsSteps(file, source, stats, files.of(source), cacheBytesBound(stat.size, articles.length));
		return Array.isArray(segments) ? segments : [];
	} catch (error) {
		warnRead(warn, file, error);
		return [];
	}
}

/**
 * The cache of one source file opened on disk for `current`, its articles as its listing gives them
 * (a one-shot search on a listed file: no article is made to match the cache against). Undefined
 * when it cannot be used as it is (absent, stale, another version's, damaged, unreadable): the
 * ordinary opening then says why, when the user should hear it, and rebuilds it.
 */
export function openListedOnDisk(file: string, source: string, current: FileArticles): Segment[] | undefined {
	const stat = statFile(source);
	if (!stat) return undefined;
	try {
		const segments = openDiskSegments(file, source, new Map([[source, stat]]), current, cacheBytesBound(stat.size, current.count));
		return Array.isArray(segments) && segments.length > 0 ? segments : undefined;
	} catch {
		return undefined;
	}
}

/** The file's header and payload after the checks that cover the whole file; undefined for another version's file. */
function* decodeCacheSteps(bytes: Buffer, stepBytes: number): Generator<void, {header: Header; payload: Buffer; store: Uint8Array} | undefined, void> {
	const headerLength = readLead(bytes.subarray(0, LEAD), bytes.byteLength);
	if (headerLength === undefined) return undefined;
	const header = readHeader(bytes.subarray(0, LEAD), bytes.subarray(LEAD, LEAD + headerLength), bytes.byteLength);
	if (!header) return undefined;
	const {tableStart, tableBytes, payloadStart} = layoutOf(headerLength, header.payload);
	const table = bytes.subarray(tableStart, tableStart + tableBytes);
	const payload = bytes.subarray(payloadStart);
	if (zlib.crc32(table) !== header.table || (yield* firstBadBlockSteps(payload, table, stepBytes)) >= 0) throw new Damaged('bad checksum');
	// The typed arrays keep views on one copy of their part of the payload; the folded strings are
	// decoded out of the rest, which is then let go.
	const store = new Uint8Array(header.arraysEnd);
	// Copied a step at a time too: tens of MB for an archive.
	for (let at = 0; at < header.arraysEnd; at += stepBytes) {
		store.set(payload.subarray(at, Math.min(header.arraysEnd, at + stepBytes)), at);
		yield;
	}
	return {header, payload, store};
}

/** A cached segment whose articles are `ordinals` today; throws Damaged when it does not hold together. */
function restoreSegment(entry: SegmentHeader, store: Uint8Array, payload: Buffer, ordinals: Int32Array, places: StringPlaces): Segment {
	const view = <T>(name: FileArrayName, Type: {new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number}): T => {
		const [offset, length] = entry.arrays[name];
		if (offset % Type.BYTES_PER_ELEMENT !== 0 || offset + length * Type.BYTES_PER_ELEMENT > store.byteLength) throw new Damaged('bad layout');
		return new Type(store.buffer as ArrayBuffer, store.byteOffset + offset, length);
	};
	const arrays = Object.fromEntries(ARRAYS.map(([name, Type]) => [name, view(name, Type as never)])) as unknown as Pick<Segment, (typeof ARRAYS)[number][0]>;
	const oneByte = view('stringOneByte', Uint8Array);
	const {offsets, bytes} = places.next(view('stringUnits', Int32Array), oneByte);
	const folded = Array.from(offsets, (offset, i) => payload.toString(oneByte[i] ? 'latin1' : 'utf16le', offset, offset + bytes[i]!));
	const segment: Segment = {...arrays, ordinals, folded, files: entry.files};
	if (!validSegment(segment, ordinals.length)) throw new Damaged('bad layout');
	return segment;
}
