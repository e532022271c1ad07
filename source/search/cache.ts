// The index on disk, so that opening the same corpus again skips the work. One file per corpus
// (named by a hash of its folders) holds sealed segments; each segment lists the source files whose
// articles it holds with the size and mtime they had, and is reused only while all of them are
// unchanged and their articles are still the same (id, text and title lengths, in order).
//
// Safety: the file is written to a temporary name in the same folder and renamed over the old one
// after an fsync, so a crash halfway leaves the old cache or none, never half of one. A file that
// is truncated, corrupt (CRC-32 of the payload), from another version or otherwise odd is ignored
// and rebuilt; errors reading or writing the cache never stop the program.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type {Article} from '../corpus/types.js';
import {PASSAGE_MAX, PASSAGE_TARGET} from './passages.js';
import type {FileStat} from './search-index.js';
import type {Segment, SegmentFile} from './segment.js';
import {KEY_BITS, OVERLAP} from './trigrams.js';

const MAGIC = 'KHAOIDX1';
/** Bump when the fold, passages, trigrams or this layout change; the settings below are checked too. */
const FORMAT = `khao-search-8/${KEY_BITS}/${OVERLAP}/${PASSAGE_TARGET}/${PASSAGE_MAX}`;

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

/** The cache file for a corpus: one per set of folders its files live in. */
export function cacheFileFor(cacheDir: string, articles: readonly Article[]): string | undefined {
	const folders = new Set<string>();
	for (const article of articles) if (article.path !== '-') folders.add(path.dirname(path.resolve(article.path)));
	if (folders.size === 0) return undefined;
	const hash = crypto.createHash('sha256').update([...folders].sort().join('\0')).digest('hex').slice(0, 24);
	return path.join(cacheDir, `search-${hash}.idx`);
}

/** Size and mtime of each article's file (skipping stdin and files that cannot be read). */
export function statFiles(articles: readonly Article[]): Map<string, FileStat> {
	const stats = new Map<string, FileStat>();
	for (const article of articles) {
		if (article.path === '-' || stats.has(article.path)) continue;
		try {
			const stat = fs.statSync(article.path);
			stats.set(article.path, {size: stat.size, mtimeMs: stat.mtimeMs});
		} catch {
			// Not cacheable; indexed all the same.
		}
	}
	return stats;
}

// Typed arrays of a segment, in file order.
const ARRAYS = [
	['ordinals', Int32Array],
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
	/** Per local article: [offset, byte length, 1 if one-byte (latin1) else utf16le]. */
	strings: [number, number, number][];
}

interface Header {
	format: string;
	payload: number;
	/** The typed arrays come first in the payload, then the strings from here on. */
	arraysEnd: number;
	crc: number;
	segments: SegmentHeader[];
}

function align8(n: number): number {
	return (n + 7) & ~7;
}

function isOneByte(s: string): boolean {
	for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
	return true;
}

/** Writes `segments` (the cacheable ones) to `file` atomically; returns false (silently) on failure. */
/** The cache file's bytes: a lead (magic, header length, JSON header) and the payload pieces. */
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
			return [push(bytes), bytes.byteLength, oneByte ? 1 : 0];
		});
	});
	const crc = pieces.reduce((c, piece) => zlib.crc32(piece, c), 0);
	const header: Header = {format: FORMAT, payload: offset, arraysEnd, crc, segments: headers};
	const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
	const lead = Buffer.alloc(align8(8 + 4 + headerBytes.byteLength));
	lead.write(MAGIC, 0, 'latin1');
	lead.writeUInt32LE(headerBytes.byteLength, 8);
	headerBytes.copy(lead, 12);
	return [lead, ...pieces];
}

const tempFileFor = (file: string) => `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;

/** Removes temporary files left by writers that died halfway (their pid is gone). */
function removeStaleTemps(file: string): void {
	const dir = path.dirname(file);
	const prefix = path.basename(file) + '.';
	let names: string[];
	try {
		names = fs.readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
		const pid = Number(name.slice(prefix.length).split('.')[0]);
		if (!Number.isInteger(pid) || pid === process.pid) continue;
		try {
			process.kill(pid, 0);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ESRCH') fs.rmSync(path.join(dir, name), {force: true});
		}
	}
}

/**
 * Writes the cache atomically: a temporary file, synced, then renamed over the old one, so a
 * crash halfway leaves the old cache or none, never half a file. False when it could not be written.
 */
export function writeCache(file: string, segments: readonly Segment[], articles: readonly Article[]): boolean {
	const tmp = tempFileFor(file);
	try {
		fs.mkdirSync(path.dirname(file), {recursive: true});
		removeStaleTemps(file);
		const chunks = encodeCache(segments, articles);
		const fd = fs.openSync(tmp, 'w', 0o600);
		try {
			for (const chunk of chunks) fs.writeSync(fd, chunk);
			fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
		fs.renameSync(tmp, file);
		return true;
	} catch {
		fs.rmSync(tmp, {force: true});
		return false;
	}
}

/** The same, with the file I/O (about 90 MB for 10,000 articles) off the event loop. */
export async function writeCacheAsync(file: string, segments: readonly Segment[], articles: readonly Article[]): Promise<boolean> {
	const tmp = tempFileFor(file);
	try {
		await fs.promises.mkdir(path.dirname(file), {recursive: true});
		removeStaleTemps(file);
		const chunks = encodeCache(segments, articles);
		const handle = await fs.promises.open(tmp, 'w', 0o600);
		try {
			for (const chunk of chunks) await handle.write(chunk);
			await handle.sync();
		} finally {
			await handle.close();
		}
		await fs.promises.rename(tmp, file);
		return true;
	} catch {
		await fs.promises.rm(tmp, {force: true}).catch(() => undefined);
		return false;
	}
}

/**
 * The cached segments still valid for `articles`, with their ordinals remapped to the current
 * corpus order. Anything wrong with the file gives [] (the index is then built afresh).
 */
export function readCache(file: string, articles: readonly Article[], stats: ReadonlyMap<string, FileStat>): Segment[] {
	let bytes: Buffer;
	try {
		bytes = fs.readFileSync(file);
	} catch {
		return [];
	}
	try {
		if (bytes.byteLength < 12 || bytes.toString('latin1', 0, 8) !== MAGIC) return [];
		const headerLength = bytes.readUInt32LE(8);
		if (12 + headerLength > bytes.byteLength) return [];
		const header = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as Header;
		const start = align8(12 + headerLength);
		if (header.format !== FORMAT || start + header.payload !== bytes.byteLength) return [];
		const payload = bytes.subarray(start);
		if (zlib.crc32(payload) !== header.crc) return [];
		// The typed arrays keep views on one copy of their part of the payload; the folded strings are
		// decoded out of the rest, which is then let go.
		if (!(header.arraysEnd >= 0 && header.arraysEnd <= payload.byteLength)) return [];
		const store = new Uint8Array(header.arraysEnd);
		store.set(payload.subarray(0, header.arraysEnd));
		const ordinalsOf = ordinalsByFileAndId(articles);
		const segments: Segment[] = [];
		for (const entry of header.segments) {
			const segment = restoreSegment(entry, store, payload, articles, stats, ordinalsOf);
			if (segment) segments.push(segment);
		}
		return segments;
	} catch {
		return [];
	}
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

function restoreSegment(
	entry: SegmentHeader,
	store: Uint8Array,
	payload: Buffer,
	articles: readonly Article[],
	stats: ReadonlyMap<string, FileStat>,
	ordinalsOf: Map<string, number[]>,
): Segment | undefined {
	for (const file of entry.files) {
		const stat = stats.get(file.path);
		if (!stat || stat.size !== file.size || stat.mtimeMs !== file.mtimeMs) return undefined;
	}
	const view = <T>(name: ArrayName, Type: {new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number}): T => {
		const [offset, length] = entry.arrays[name];
		if (offset % Type.BYTES_PER_ELEMENT !== 0 || offset + length * Type.BYTES_PER_ELEMENT > store.byteLength) throw new Error('bad cache layout');
		return new Type(store.buffer as ArrayBuffer, store.byteOffset + offset, length);
	};
	const arrays = Object.fromEntries(ARRAYS.map(([name, Type]) => [name, view(name, Type as never)])) as unknown as Pick<Segment, ArrayName>;
	const count = entry.ids.length;
	const passages = arrays.passageStart.length;
	const consistent =
		arrays.textLengths.length === count &&
		arrays.titleLengths.length === count &&
		entry.strings.length === count &&
		entry.articleFiles.length === count &&
		arrays.articlePassages.length === count + 1 &&
		arrays.articlePassages[count] === passages &&
		arrays.passageSource.length === passages &&
		arrays.passageArticle.length === passages &&
		arrays.passageFlags.length === passages &&
		arrays.offsets.length === arrays.keys.length + 1 &&
		arrays.counts.length === arrays.keys.length &&
		arrays.offsets[arrays.keys.length] === arrays.postings.length &&
		arrays.articleTones.length === count + 1 &&
		arrays.articleTones[count] === arrays.tonePos.length &&
		arrays.toneMark.length === arrays.tonePos.length;
	if (!consistent) return undefined;
	// The same articles, in the same order within each file: map them to today's ordinals.
	const ordinals = new Int32Array(count);
	const used = new Map<string, number>();
	for (let local = 0; local < count; local++) {
		const file = entry.files[entry.articleFiles[local]!];
		if (!file) return undefined;
		const key = `${file.path}\0${entry.ids[local]}`;
		const nth = used.get(key) ?? 0;
		used.set(key, nth + 1);
		const ordinal = ordinalsOf.get(key)?.[nth];
		if (ordinal === undefined) return undefined;
		const article = articles[ordinal]!;
		if (article.text.length !== arrays.textLengths[local] || article.title.length !== arrays.titleLengths[local]) return undefined;
		ordinals[local] = ordinal;
	}
	const folded = entry.strings.map(([offset, length, oneByte]) => {
		if (offset + length > payload.byteLength) throw new Error('bad cache layout');
		return payload.toString(oneByte ? 'latin1' : 'utf16le', offset, offset + length);
	});
	return {...arrays, ordinals, ids: entry.ids, folded, files: entry.files};
}
