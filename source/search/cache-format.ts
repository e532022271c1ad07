// The layout of a search cache file, shared by the writer, the whole-file reader (the reader keeps
// the index in memory) and the on-disk reader (a one-shot --search reads only what its query needs):
//
//   lead     magic "KHAOIDX3", header length (u32), CRC-32 of the header (u32)
//   header   JSON: format, source file, segments (ids, where each array and string lies), the CRC
//            of the block table; 8-aligned
//   table    CRC-32 of each 4 KB block of the payload (cache-blocks.ts); 8-aligned
//   payload  every segment's typed arrays, then every segment's folded strings, each piece 8-aligned
//
// Every number of the header is checked against this packing before anything is read by it.
import zlib from 'node:zlib';
import {textLengthOf} from '../corpus/article-store.js';
import type {Article} from '../corpus/types.js';
import {blockTable, BLOCK_BYTES} from './cache-blocks.js';
import {PASSAGE_MAX, PASSAGE_TARGET} from './passages.js';
import type {Segment, SegmentFile} from './segment.js';
import {KEY_BITS, OVERLAP} from './trigrams.js';

/** Every khao cache file starts with this; the digit after it is the layout's version. */
export const MAGIC_FAMILY = 'KHAOIDX';
export const MAGIC = `${MAGIC_FAMILY}3`;
/** Magic, header length (u32), CRC-32 of the header (u32); the JSON header follows. */
export const LEAD = 16;
/** Bump when the fold, passages, trigrams or this layout change; the settings below are checked too. */
const FORMAT = `khao-search-11/${KEY_BITS}/${OVERLAP}/${PASSAGE_TARGET}/${PASSAGE_MAX}/${BLOCK_BYTES}`;

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

export type ArrayName = (typeof ARRAYS)[number][0];
export type ArrayType = (typeof ARRAYS)[number][1];

export interface SegmentHeader {
	files: SegmentFile[];
	/** Per local article: index into files. */
	articleFiles: number[];
	ids: string[];
	arrays: Record<ArrayName, [offset: number, length: number]>;
	/**
	 * Per local article: [offset, length in UTF-16 units, 1 if stored one byte a unit (latin1) else 0
	 * (utf16le)]. Units, not bytes: a flipped flag then changes the packed layout and is caught.
	 */
	strings: [number, number, number][];
}

export interface Header {
	format: string;
	payload: number;
	/** The typed arrays come first in the payload, then the strings from here on. */
	arraysEnd: number;
	/** CRC-32 of the block table. */
	table: number;
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
 * Appends a segment's typed arrays to `payload` and returns its header (strings still to come), or
 * undefined when the segment cannot be cached (no file, or an article of another file).
 */
export function pushSegmentArrays(segment: Segment, articles: readonly Article[], payload: AlignedPieces): SegmentHeader | undefined {
	if (segment.files.length === 0) return undefined;
	const fileIndex = new Map(segment.files.map((f, i) => [f.path, i]));
	const articleFiles = Array.from(segment.ordinals, (ordinal) => fileIndex.get(articles[ordinal]!.path) ?? -1);
	if (articleFiles.includes(-1)) return undefined;
	const arrays = {} as Record<ArrayName, [number, number]>;
	for (const [name] of ARRAYS) {
		const array = segment[name];
		arrays[name] = [payload.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)), array.length];
	}
	return {files: segment.files, articleFiles, ids: segment.ids, arrays, strings: []};
}

/** Appends a segment's folded strings to `payload`; their entries, offsets counted from `base`. */
export function pushSegmentStrings(segment: Segment, payload: AlignedPieces, base = 0): SegmentHeader['strings'] {
	return segment.folded.map((text) => {
		const oneByte = isOneByte(text);
		const bytes = Buffer.from(text, oneByte ? 'latin1' : 'utf16le');
		return [base + payload.push(bytes), text.length, oneByte ? 1 : 0];
	});
}

/** The file's lead (with the header) and its block table, padded: what comes before the payload. */
export function cacheFront(headers: SegmentHeader[], arraysEnd: number, payloadBytes: number, table: Uint8Array): [Buffer, Buffer] {
	const header: Header = {format: FORMAT, payload: payloadBytes, arraysEnd, table: zlib.crc32(table), segments: headers};
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
	for (const segment of segments) {
		const header = pushSegmentArrays(segment, articles, payload);
		if (!header) continue;
		headers.push(header);
		kept.push(segment);
	}
	const arraysEnd = payload.offset;
	kept.forEach((segment, i) => (headers[i]!.strings = pushSegmentStrings(segment, payload)));
	return [...cacheFront(headers, arraysEnd, payload.offset, blockTable(pieces)), ...pieces];
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
	if (!isCount(json['payload']) || !isCount(json['arraysEnd']) || !isCount(json['table']) || !isListOf(json['segments'], isSegmentHeader)) return undefined;
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

/**
 * Finds a cached article's ordinal in today's corpus. A file's articles are where they were, one
 * after another (its stamp is unchanged): the article right after the last one found is tried
 * first, and a map of path and id to ordinals (ids may repeat) is built only when that guess fails.
 */
export class OrdinalFinder {
	private map: Map<string, number[]> | undefined;
	private next = 0;

	constructor(private readonly articles: readonly Article[]) {}

	/** The ordinal of an article of `path` with `id` when it is the next in order (the usual case: no closure made for `find`). */
	guess(path: string, id: string): number | undefined {
		const guess = this.articles[this.next];
		return guess && guess.id === id && guess.path === path ? this.next++ : undefined;
	}

	/** The ordinal of an article of `path` with `id`: the next in order, else the `nth()` (0-based) of that id in corpus order. */
	find(path: string, id: string, nth: () => number): number | undefined {
		const guessed = this.guess(path, id);
		if (guessed !== undefined) return guessed;
		this.map ??= this.byFileAndId();
		const ordinal = this.map.get(`${path}\0${id}`)?.[nth()];
		if (ordinal !== undefined) this.next = ordinal + 1;
		return ordinal;
	}

	private byFileAndId(): Map<string, number[]> {
		const map = new Map<string, number[]>();
		for (let i = 0; i < this.articles.length; i++) {
			const key = `${this.articles[i]!.path}\0${this.articles[i]!.id}`;
			const list = map.get(key);
			if (list) list.push(i);
			else map.set(key, [i]);
		}
		return map;
	}
}

/**
 * The ordinals in today's corpus of a cached segment's articles (the same articles, in the same
 * order within their file), or 'stale' when its file or articles changed since. Throws Damaged
 * when the entry does not hold together.
 */
export function currentOrdinals(
	entry: SegmentHeader,
	textLengths: Int32Array | undefined,
	titleLengths: Int32Array,
	articles: readonly Article[],
	stats: ReadonlyMap<string, {size: number; stamp: string}>,
	finder: OrdinalFinder,
): Int32Array | 'stale' {
	for (const file of entry.files) {
		const stat = stats.get(file.path);
		if (!stat || stat.size !== file.size || stat.stamp !== file.stamp) return 'stale';
	}
	const count = entry.ids.length;
	if (entry.strings.length !== count || entry.articleFiles.length !== count || titleLengths.length !== count || (textLengths && textLengths.length !== count)) {
		throw new Damaged('bad layout');
	}
	const ordinals = new Int32Array(count);
	for (let local = 0; local < count; local++) {
		const file = entry.files[entry.articleFiles[local]!];
		if (!file) throw new Damaged('bad layout');
		const id = entry.ids[local]!;
		// How many earlier articles of this segment share the id: asked only when the guess fails (a
		// closure made for each of 60,000 articles cost more than the rest of the loop).
		const ordinal =
			finder.guess(file.path, id) ??
			finder.find(file.path, id, () => entry.ids.slice(0, local).filter((other, i) => other === id && entry.articleFiles[i] === entry.articleFiles[local]).length);
		if (ordinal === undefined) return 'stale';
		const article = articles[ordinal]!;
		if (article.title.length !== titleLengths[local] || (textLengths && textLengthOf(article) !== textLengths[local])) return 'stale';
		ordinals[local] = ordinal;
	}
	return ordinals;
}
