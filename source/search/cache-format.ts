// The layout of a search cache file, shared by the writer, the whole-file reader (the reader keeps
// the index in memory) and the on-disk reader (a one-shot --search reads only what its query needs):
//
//   lead     magic "KHAOIDX4", header length (u32), CRC-32 of the header (u32)
//   header   JSON: format, the digest of the articles indexed (articles-digest.ts), segments (their
//            file, article count and where each array lies), the CRC of the block table; 8-aligned
//   table    CRC-32 of each 4 KB block of the payload (cache-blocks.ts); 8-aligned
//   payload  every segment's typed arrays, then every segment's folded strings, each piece 8-aligned
//
// Every number of the header is checked against this packing before anything is read by it. The
// header holds no per-article entry (no ids, no string offsets): it stays a few KB at any size, and a
// folded string's place is found from the segments' `stringUnits` and `stringOneByte` arrays.
import zlib from 'node:zlib';
import {textLengthOf} from '../corpus/article-store.js';
import {ArticlesDigest} from '../corpus/articles-digest.js';
import type {Article} from '../corpus/types.js';
import {runSteps} from '../entities/steps.js';
import {blockTable, BLOCK_BYTES} from './cache-blocks.js';
import {PASSAGE_MAX, PASSAGE_TARGET} from './passages.js';
import type {Segment, SegmentFile} from './segment.js';
import {KEY_BITS, OVERLAP} from './trigrams.js';

/** Every khao cache file starts with this; the digit after it is the layout's version. */
export const MAGIC_FAMILY = 'KHAOIDX';
export const MAGIC = `${MAGIC_FAMILY}4`;
/** Magic, header length (u32), CRC-32 of the header (u32); the JSON header follows. */
export const LEAD = 16;
/** Bump when the fold, passages, trigrams or this layout change; the settings below are checked too. */
const FORMAT = `khao-search-12/${KEY_BITS}/${OVERLAP}/${PASSAGE_TARGET}/${PASSAGE_MAX}/${BLOCK_BYTES}`;

// Typed arrays of a segment, in file order (ordinals are not stored: they are found again on reading).
export const ARRAYS = [
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

/**
 * After a segment's arrays, where its folded strings are: per local article, the length in UTF-16
 * units and 1 if stored one byte a unit (latin1) else 0 (utf16le). The strings are packed in order
 * after every segment's arrays, so these give each one's offset. Units, not bytes: a flipped flag
 * then changes the packed layout and is caught.
 */
export const STRING_ARRAYS = [
	['stringUnits', Int32Array],
	['stringOneByte', Uint8Array],
] as const;

/** Every array of a segment in the file, in file order. */
const FILE_ARRAYS = [...ARRAYS, ...STRING_ARRAYS] as const;

export type ArrayName = (typeof ARRAYS)[number][0];
export type FileArrayName = (typeof FILE_ARRAYS)[number][0];
export type ArrayType = (typeof ARRAYS)[number][1];

export interface SegmentHeader {
	/** The one source file whose articles the segment holds. */
	files: SegmentFile[];
	/** Its articles: the next `count` of the file's, in order. */
	count: number;
	arrays: Record<FileArrayName, [offset: number, length: number]>;
}

export interface Header {
	format: string;
	payload: number;
	/** The typed arrays come first in the payload, then the strings from here on. */
	arraysEnd: number;
	/** CRC-32 of the block table. */
	table: number;
	/** ArticlesDigest of the segments' articles, in order: the cache is of these articles only. */
	articles: string;
	segments: SegmentHeader[];
}

/** Arithmetic, not bitwise: offsets past 2 GiB must not wrap. */
export function align8(n: number): number {
	return Math.ceil(n / 8) * 8;
}

/** A payload written as pieces, each starting at a multiple of 8 bytes (typed-array views need it). */
export class AlignedPieces {
	offset = 0;
	constructor(readonly pieces: Uint8Array[]) {}

	/** Appends `bytes` (padded to 8) and returns where they start. */
	push(bytes: Uint8Array): number {
		const at = this.offset;
		// Left out when empty: zlib.crc32 of an empty view on an empty buffer gives 0, not the sum so
		// far, and an empty piece adds no byte (the offset is already aligned).
		if (bytes.byteLength === 0) return at;
		this.emit(bytes);
		this.offset += bytes.byteLength;
		const pad = align8(this.offset) - this.offset;
		if (pad > 0) {
			this.emit(new Uint8Array(pad));
			this.offset += pad;
		}
		return at;
	}

	/** Where a piece goes: kept in `pieces` here; a subclass writes it out instead (cache-writer.ts). */
	protected emit(bytes: Uint8Array): void {
		this.pieces.push(bytes);
	}
}

function isOneByte(s: string): boolean {
	for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
	return true;
}

/**
 * Appends a segment's typed arrays to `payload`, adds its articles to `digest`, and returns its
 * header, or undefined when the segment cannot be cached (not one file's, or an article of another file).
 */
export function pushSegmentArrays(
	segment: Segment,
	articles: readonly Article[],
	payload: AlignedPieces,
	digest: ArticlesDigest,
	oneByte: Uint8Array = runSteps(oneByteFlagsSteps(segment.folded)),
): SegmentHeader | undefined {
	if (segment.files.length !== 1) return undefined;
	const path = segment.files[0]!.path;
	if (Array.from(segment.ordinals).some((ordinal) => articles[ordinal]!.path !== path)) return undefined;
	const arrays = {} as Record<FileArrayName, [number, number]>;
	const push = (name: FileArrayName, array: ArrayBufferView & {length: number}) =>
		(arrays[name] = [payload.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)), array.length]);
	for (const [name] of ARRAYS) push(name, segment[name]);
	push(
		'stringUnits',
		Int32Array.from(segment.folded, (text) => text.length),
	);
	push('stringOneByte', oneByte);
	for (const ordinal of segment.ordinals) {
		const article = articles[ordinal]!;
		digest.add(article.id, article.title.length, textLengthOf(article));
	}
	return {files: segment.files, count: segment.ordinals.length, arrays};
}

/** UTF-16 units of folded text scanned or encoded per step (a segment holds up to 4 M). */
export const STRING_STEP_UNITS = 1 << 20;

/** Which of `folded` are one byte a unit (1) or not (0), about `stepUnits` of text a step. */
export function* oneByteFlagsSteps(folded: readonly string[], stepUnits = STRING_STEP_UNITS): Generator<void, Uint8Array, void> {
	const flags = new Uint8Array(folded.length);
	let units = 0;
	for (let i = 0; i < folded.length; i++) {
		const text = folded[i]!;
		flags[i] = isOneByte(text) ? 1 : 0;
		units += text.length;
		if (units >= stepUnits && i + 1 < folded.length) {
			units = 0;
			yield;
		}
	}
	return flags;
}

/**
 * Appends a segment's folded strings to `payload` (in the file, where each lies follows from the
 * string arrays); where each went in `payload`, its bytes and whether it is one byte a unit.
 */
export function pushSegmentStrings(segment: Segment, payload: AlignedPieces): [offset: number, bytes: number, oneByte: boolean][] {
	return runSteps(pushSegmentStringsSteps(segment, payload));
}

/** The same, about `stepUnits` of text a step; `oneByte`: the strings' flags, when known already. */
export function* pushSegmentStringsSteps(
	segment: Segment,
	payload: AlignedPieces,
	oneByte?: Uint8Array,
	stepUnits = STRING_STEP_UNITS,
): Generator<void, [offset: number, bytes: number, oneByte: boolean][], void> {
	const places: [offset: number, bytes: number, oneByte: boolean][] = [];
	const {folded} = segment;
	let units = 0;
	for (let i = 0; i < folded.length; i++) {
		const text = folded[i]!;
		const single = oneByte ? oneByte[i] === 1 : isOneByte(text);
		const bytes = Buffer.from(text, single ? 'latin1' : 'utf16le');
		places.push([payload.push(bytes), bytes.byteLength, single]);
		units += text.length;
		if (units >= stepUnits && i + 1 < folded.length) {
			units = 0;
			yield;
		}
	}
	return places;
}

/** The file's lead (with the header) and its block table, padded: what comes before the payload. */
export function cacheFront(headers: SegmentHeader[], digest: string, arraysEnd: number, payloadBytes: number, table: Uint8Array): [Buffer, Buffer] {
	const header: Header = {format: FORMAT, payload: payloadBytes, arraysEnd, table: zlib.crc32(table), articles: digest, segments: headers};
	const tablePiece = Buffer.alloc(align8(table.byteLength));
	Buffer.from(table.buffer, table.byteOffset, table.byteLength).copy(tablePiece);
	return [leadWith(MAGIC, header), tablePiece];
}

/** The cache file's bytes: lead, header, block table and payload pieces (the cacheable segments). */
export function encodeCache(segments: readonly Segment[], articles: readonly Article[]): Uint8Array[] {
	const pieces: Uint8Array[] = [];
	const payload = new AlignedPieces(pieces);
	const headers: SegmentHeader[] = [];
	const kept: Segment[] = [];
	const digest = new ArticlesDigest();
	for (const segment of segments) {
		const header = pushSegmentArrays(segment, articles, payload, digest);
		if (!header) continue;
		headers.push(header);
		kept.push(segment);
	}
	const arraysEnd = payload.offset;
	for (const segment of kept) pushSegmentStrings(segment, payload);
	return [...cacheFront(headers, digest.finish(), arraysEnd, payload.offset, blockTable(pieces)), ...pieces];
}

/** Where the table and the payload start, for a header of this length and this payload size. */
export function layoutOf(headerLength: number, payload: number): {tableStart: number; tableBytes: number; payloadStart: number; fileBytes: number} {
	const tableStart = align8(LEAD + headerLength);
	const tableBytes = Math.ceil(payload / BLOCK_BYTES) * 4;
	const payloadStart = tableStart + align8(tableBytes);
	return {tableStart, tableBytes, payloadStart, fileBytes: payloadStart + payload};
}

/** The cache file does not hold together (unlike one from another version or out of date, the user hears of it). */
export class Damaged extends Error {}

/**
 * The header length from the lead (the file's first LEAD bytes, or fewer if it is shorter), or
 * undefined for another version's file (replaced without a word). Throws Damaged for anything else.
 */
export function readLead(lead: Buffer, fileBytes: number): number | undefined {
	if (fileBytes === 0) throw new Damaged('empty');
	if (lead.toString('latin1', 0, MAGIC_FAMILY.length) !== MAGIC_FAMILY) throw new Damaged('not a khao cache file');
	if (lead.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
	if (lead.byteLength < LEAD || fileBytes < LEAD) throw new Damaged('truncated');
	const headerLength = lead.readUInt32LE(8);
	if (LEAD + headerLength > fileBytes) throw new Damaged('truncated');
	return headerLength;
}

/** The header from its bytes (its CRC checked), or undefined for another version's layout. */
export function readHeader(lead: Buffer, headerBytes: Buffer, fileBytes: number): Header | undefined {
	if (zlib.crc32(headerBytes) !== lead.readUInt32LE(12)) throw new Damaged('bad checksum');
	const header = parseHeader(headerBytes.toString('utf8'));
	if (header === 'other-version') return undefined;
	if (!header || layoutOf(headerBytes.byteLength, header.payload).fileBytes !== fileBytes || !isPacked(header)) throw new Damaged('bad layout');
	return header;
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isListOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(item);
const isString = (v: unknown): v is string => typeof v === 'string';
const isPair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && isCount(v[0]) && isCount(v[1]);
const isSegmentFile = (v: unknown): v is SegmentFile => isRecord(v) && isString(v['path']) && isCount(v['size']) && isString(v['stamp']);

function isSegmentHeader(v: unknown): v is SegmentHeader {
	if (!isRecord(v) || !isRecord(v['arrays'])) return false;
	const arrays = v['arrays'];
	return isListOf(v['files'], isSegmentFile) && v['files'].length === 1 && isCount(v['count']) && FILE_ARRAYS.every(([name]) => isPair(arrays[name]));
}

/**
 * A cache file's lead and JSON header, padded to 8 bytes: the magic (8 bytes), the header's length
 * (u32) and its CRC-32 (u32), then the header.
 */
export function leadWith(magic: string, header: unknown): Buffer {
	const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
	const lead = Buffer.alloc(align8(LEAD + headerBytes.byteLength));
	lead.write(magic, 0, 'latin1');
	lead.writeUInt32LE(headerBytes.byteLength, 8);
	lead.writeUInt32LE(zlib.crc32(headerBytes), 12);
	headerBytes.copy(lead, LEAD);
	return lead;
}

/** A header's JSON object when it is of `format`, 'other-version' when it names another, undefined when it is not a header at all. */
export function headerObject(text: string, format: string): Record<string, unknown> | 'other-version' | undefined {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (!isRecord(json)) return undefined;
	if (json['format'] !== format) return isString(json['format']) ? 'other-version' : undefined;
	return json;
}

/** The header, 'other-version' for another build's layout, undefined when it is not a header at all. */
function parseHeader(text: string): Header | 'other-version' | undefined {
	const json = headerObject(text, FORMAT);
	if (json === undefined || json === 'other-version') return json;
	if (
		!isCount(json['payload']) ||
		!isCount(json['arraysEnd']) ||
		!isCount(json['table']) ||
		!isString(json['articles']) ||
		!isListOf(json['segments'], isSegmentHeader)
	) {
		return undefined;
	}
	return json as unknown as Header;
}

/**
 * The payload is packed in one order (encodeCache): every segment's arrays, then every segment's
 * strings, each piece 8-aligned, nothing between them. Any other offset is damage; the strings'
 * total is checked when their arrays are read (StringPlaces).
 */
function isPacked(header: Header): boolean {
	let at = 0;
	for (const entry of header.segments) {
		for (const [name, Type] of FILE_ARRAYS) {
			const [offset, length] = entry.arrays[name];
			if (offset !== at) return false;
			at = align8(at + length * Type.BYTES_PER_ELEMENT);
		}
		if (entry.arrays.stringUnits[1] !== entry.count || entry.arrays.stringOneByte[1] !== entry.count) return false;
	}
	return header.arraysEnd === at && at <= header.payload;
}

/**
 * Where each segment's folded strings lie, from its string arrays read in segment order: the
 * strings are packed one after another from `arraysEnd`. Throws Damaged when a flag is not 0 or 1
 * or, once the last segment is placed, the strings do not end where the payload does.
 */
export class StringPlaces {
	private at: number;

	constructor(private readonly header: Header) {
		this.at = header.arraysEnd;
	}

	/** The next segment's string offsets (bytes into the payload) and byte lengths. */
	next(units: Int32Array, oneByte: Uint8Array): {offsets: Float64Array; bytes: Float64Array} {
		const offsets = new Float64Array(units.length);
		const bytes = new Float64Array(units.length);
		for (let i = 0; i < units.length; i++) {
			const flag = oneByte[i]!;
			if (units[i]! < 0 || (flag !== 0 && flag !== 1)) throw new Damaged('bad layout');
			offsets[i] = this.at;
			bytes[i] = flag ? units[i]! : 2 * units[i]!;
			this.at = align8(this.at + bytes[i]!);
		}
		if (this.at > this.header.payload) throw new Damaged('bad layout');
		return {offsets, bytes};
	}

	/** Every segment placed: the strings must end with the payload. */
	finish(): void {
		if (this.at !== this.header.payload) throw new Damaged('bad layout');
	}
}

/** A source file's articles in today's corpus: how many, where each is, and their digest (made when first asked). */
export interface FileArticles {
	count: number;
	/** The corpus ordinal of the file's `i`-th article. */
	ordinal(i: number): number;
	digest(): string;
	/** The digest worked out `DIGEST_STEP` articles a step (60,000 at once held the reader's UI thread tens of ms); `digest()` then returns it. */
	digestSteps?(): Generator<void, string, void>;
}

/** Articles hashed per step of `digestSteps`. */
export const DIGEST_STEP = 4000;

/** Each source file's articles among `articles`, grouped in one pass on the first question. */
export class CorpusFiles {
	private byPath: Map<string, number[]> | undefined;

	constructor(private readonly articles: readonly Article[]) {}

	of(path: string): FileArticles {
		if (!this.byPath) {
			this.byPath = new Map();
			for (let i = 0; i < this.articles.length; i++) {
				const file = this.articles[i]!.path;
				const list = this.byPath.get(file);
				if (list) list.push(i);
				else this.byPath.set(file, [i]);
			}
		}
		const ordinals = this.byPath.get(path) ?? [];
		const articles = this.articles;
		let digest: string | undefined;
		function* digestSteps(): Generator<void, string, void> {
			if (digest !== undefined) return digest;
			const hash = new ArticlesDigest();
			for (let i = 0; i < ordinals.length; i++) {
				const article = articles[ordinals[i]!]!;
				hash.add(article.id, article.title.length, textLengthOf(article));
				if ((i + 1) % DIGEST_STEP === 0) yield;
			}
			return (digest = hash.finish());
		}
		return {
			count: ordinals.length,
			ordinal: (i) => ordinals[i]!,
			digest: () => digest ?? runSteps(digestSteps()),
			digestSteps,
		};
	}
}

/**
 * The ordinals in today's corpus of each cached segment's articles, or 'stale' when the file
 * changed since, or its articles are not the ones cached (their digest differs: another id, title
 * or text length, one more or fewer). The segments hold the file's articles in order, each the next
 * `count` of them.
 */
export function cachedOrdinals(header: Header, stats: ReadonlyMap<string, {size: number; stamp: string}>, file: FileArticles): Int32Array[] | 'stale' {
	let total = 0;
	for (const entry of header.segments) {
		const {path, size, stamp} = entry.files[0]!;
		const stat = stats.get(path);
		if (!stat || stat.size !== size || stat.stamp !== stamp) return 'stale';
		total += entry.count;
	}
	if (total !== file.count || header.articles !== file.digest()) return 'stale';
	let next = 0;
	return header.segments.map((entry) => Int32Array.from({length: entry.count}, () => file.ordinal(next++)));
}
