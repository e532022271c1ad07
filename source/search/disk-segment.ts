// A cached segment searched where it lies: opening reads the header (a few KB: no per-article
// entry) and the small per-article and per-passage arrays; a query then reads, by positional reads of checked blocks (cache-blocks.ts),
// only the postings of its own trigrams, the folded text of the articles it verifies, and the tone
// marks of a segment it finds something in. A one-shot `--search` on a cached corpus so reads a few
// megabytes of a cache that may hold hundreds.
//
// Each piece is validated as it arrives, with the rules the whole-file reader applies to all of it
// (cache-validate.ts). A piece that fails its CRC or its checks throws DiskCacheDamaged in the
// middle of a search: the caller then opens the index the ordinary way, which finds the damage,
// says so once and rebuilds the file.
import fs from 'node:fs';
import zlib from 'node:zlib';
import {reasonOf} from '../corpus/errors.js';
import {BadBlock, BLOCK_BYTES, BlockReader, openCacheFile, readExactly} from './cache-blocks.js';
import {
	ARRAYS,
	cachedOrdinals,
	Damaged,
	layoutOf,
	LEAD,
	readHeader,
	readLead,
	STRING_ARRAYS,
	StringPlaces,
	type FileArrayName,
	type FileArticles,
	type SegmentHeader,
} from './cache-format.js';
import {validKeys, validPassages, validRun, validShapes, validTones} from './cache-validate.js';
import {KEY_SPACE} from './trigrams.js';
import {lazyTexts} from './lazy-texts.js';
import {runSteps} from '../entities/steps.js';
import type {FileStat} from './search-index.js';
import {sortedIndexOf, type Segment, type SegmentFile} from './segment.js';

/** A piece of an on-disk cache read in the middle of a search did not hold together. */
export class DiskCacheDamaged extends Error {
	override readonly name = 'DiskCacheDamaged';
	constructor(
		readonly file: string,
		reason: string,
	) {
		super(reason);
	}
}

type ArrayTypes = (typeof ARRAYS)[number][1] | (typeof STRING_ARRAYS)[number][1];
const TYPES = new Map<FileArrayName, ArrayTypes>([...ARRAYS, ...STRING_ARRAYS].map(([name, Type]) => [name, Type]));
type FileArrays = Segment & {stringUnits: Int32Array; stringOneByte: Uint8Array};

/** Bytes [from, to) of a cache's payload (checked blocks of a cache file, or the scratch files of one being written). */
export interface PayloadReader {
	read(from: number, to: number): Buffer;
	close(): void;
}

/** Where each of a segment's folded strings lies in the payload, and its bytes (StringPlaces for a cache file). */
export interface SegmentStrings {
	next(units: Int32Array, oneByte: Uint8Array): {offsets: Float64Array; bytes: Float64Array};
}

/** One cache file open for positional reads; its segments share the descriptor. */
class CacheSource {
	constructor(
		readonly file: string,
		readonly reader: PayloadReader,
	) {}

	/** Array `name` of a segment, copied out of its checked blocks. */
	array<T extends FileArrayName>(entry: SegmentHeader, name: T): FileArrays[T] {
		const Type = TYPES.get(name)!;
		const [offset, length] = entry.arrays[name];
		const bytes = this.read(offset, offset + length * Type.BYTES_PER_ELEMENT);
		const out = new Type(length);
		new Uint8Array(out.buffer).set(bytes);
		return out as FileArrays[T];
	}

	/** Elements [from, to) of a segment's array `name` (not copied: read at once). */
	elements(entry: SegmentHeader, name: 'offsets' | 'counts', from: number, to: number): Buffer {
		return this.slice(entry, name, from, to);
	}

	/** The bytes of elements [from, to) of a segment's array `name`, inside its bounds (else damage). */
	slice(entry: SegmentHeader, name: FileArrayName, from: number, to: number): Buffer {
		const [offset, length] = entry.arrays[name];
		if (!(from >= 0 && from <= to && to <= length)) throw new DiskCacheDamaged(this.file, 'bad layout');
		const size = TYPES.get(name)!.BYTES_PER_ELEMENT;
		return this.read(offset + size * from, offset + size * to);
	}

	read(from: number, to: number): Buffer {
		try {
			return this.reader.read(from, to);
		} catch (error) {
			throw new DiskCacheDamaged(this.file, error instanceof BadBlock ? error.message : `unreadable (${reasonOf(error)})`);
		}
	}
}

export class DiskSegment implements Segment {
	readonly ordinals: Int32Array;
	readonly files: SegmentFile[];
	readonly textLengths: Int32Array;
	readonly titleLengths: Int32Array;
	readonly articlePassages: Int32Array;
	readonly articleTones: Int32Array;
	readonly passageArticle: Uint16Array;
	readonly passageStart: Int32Array;
	readonly passageSource: Int32Array;
	readonly passageFlags: Uint8Array;
	/** Articles' folded text, read on first use. */
	readonly folded: string[];
	// The postings of the keys looked up so far, in the order they were: local key k's passages are
	// postings[offsets[k], offsets[k + 1]), counts[k] of them (the layout search code reads).
	offsets = new Uint32Array(17);
	counts = new Uint32Array(16);
	postings = new Uint8Array(1024);
	private loadedKeys = 0;
	private readonly localKey = new Map<number, number>();
	private allKeys: Int32Array | undefined;
	private readonly keyChunks = new Map<number, {from: number; keys: Int32Array}>();
	private tones: {pos: Int32Array; mark: Uint8Array} | undefined;
	private readonly articleToneCache = new Map<number, {pos: Int32Array; mark: Uint8Array; from: number; to: number}>();

	/** Where each article's folded string lies in the payload, and its bytes. */
	private readonly strings: {offsets: Float64Array; bytes: Float64Array};
	private readonly stringUnits: Int32Array;
	private readonly stringOneByte: Uint8Array;

	constructor(
		private readonly source: CacheSource,
		private readonly entry: SegmentHeader,
		ordinals: Int32Array,
		places: SegmentStrings,
	) {
		this.ordinals = ordinals;
		this.files = entry.files;
		this.titleLengths = source.array(entry, 'titleLengths');
		this.textLengths = source.array(entry, 'textLengths');
		this.stringUnits = source.array(entry, 'stringUnits');
		this.stringOneByte = source.array(entry, 'stringOneByte');
		this.strings = places.next(this.stringUnits, this.stringOneByte);
		this.articlePassages = source.array(entry, 'articlePassages');
		this.articleTones = source.array(entry, 'articleTones');
		this.passageArticle = source.array(entry, 'passageArticle');
		this.passageStart = source.array(entry, 'passageStart');
		this.passageSource = source.array(entry, 'passageSource');
		this.passageFlags = source.array(entry, 'passageFlags');
		const count = ordinals.length;
		if (!validShapes(this, count) || !validPassages(this, count, this.units)) throw new DiskCacheDamaged(source.file, 'bad layout');
		// Search code indexes folded[local] like an array: an article's text is read the first time it is used.
		this.folded = lazyTexts(count, (local) => this.readFolded(local), true);
	}

	private readonly units = (local: number): number => this.stringUnits[local]!;

	private readFolded(local: number): string {
		const offset = this.strings.offsets[local]!;
		const bytes = this.source.read(offset, offset + this.strings.bytes[local]!);
		return bytes.toString(this.stringOneByte[local] ? 'latin1' : 'utf16le');
	}

	/** Closes the cache file (shared by the file's segments: all of them are done with it). */
	close(): void {
		this.source.reader.close();
	}

	/** Every key of the segment, sorted (read on the first look-up, a few hundred KB). */
	get keys(): Int32Array {
		if (!this.allKeys) {
			const keys = this.source.array(this.entry, 'keys');
			if (!validKeys(keys) || this.entry.arrays.offsets[1] !== keys.length + 1 || this.entry.arrays.counts[1] !== keys.length) {
				throw new DiskCacheDamaged(this.source.file, 'bad layout');
			}
			this.allKeys = keys;
		}
		return this.allKeys;
	}

	get tonePos(): Int32Array {
		return this.loadTones().pos;
	}

	get toneMark(): Uint8Array {
		return this.loadTones().mark;
	}

	/** One article's tone marks, read on first use (a few hundred bytes, not the segment's arrays). */
	tonesOf(local: number): {pos: Int32Array; mark: Uint8Array; from: number; to: number} {
		let tones = this.articleToneCache.get(local);
		if (!tones) {
			const from = this.articleTones[local]!;
			const to = this.articleTones[local + 1]!;
			const pos = new Int32Array(to - from);
			new Uint8Array(pos.buffer).set(this.source.slice(this.entry, 'tonePos', from, to));
			const mark = new Uint8Array(this.source.slice(this.entry, 'toneMark', from, to));
			const one = {articleTones: Int32Array.of(0, to - from), tonePos: pos, toneMark: mark};
			if (!validTones(one, 1, () => this.units(local))) throw new DiskCacheDamaged(this.source.file, 'bad layout');
			tones = {pos, mark, from: 0, to: to - from};
			this.articleToneCache.set(local, tones);
		}
		return tones;
	}

	private loadTones(): {pos: Int32Array; mark: Uint8Array} {
		if (!this.tones) {
			const tones = {pos: this.source.array(this.entry, 'tonePos'), mark: this.source.array(this.entry, 'toneMark')};
			if (!validTones({articleTones: this.articleTones, tonePos: tones.pos, toneMark: tones.mark}, this.ordinals.length, this.units)) {
				throw new DiskCacheDamaged(this.source.file, 'bad layout');
			}
			this.tones = tones;
		}
		return this.tones;
	}

	/** The local index of `key`'s postings (read from disk the first time), or -1 when no passage has it. */
	lookUpKey(key: number): number {
		const known = this.localKey.get(key);
		if (known !== undefined) return known;
		const at = this.allKeys ? sortedIndexOf(this.allKeys, key) : this.findKey(key);
		const local = at < 0 ? -1 : this.readPostings(at);
		this.localKey.set(key, local);
		return local;
	}

	/**
	 * Where `key` is in the segment's sorted keys, or -1, reading the keys a 4 KB block at a time
	 * (each block kept): keys are hashes spread evenly over the key space, so the block a key's place
	 * in that space points to is nearly always the one holding it, and a query's few keys read a few
	 * of a segment's 30 or so blocks instead of all of them (the whole keys array of every segment
	 * was most of what a cached `--search` read). Each block is checked as the whole array would be
	 * (sorted, in range); every step leaves out at least one block, so a forged file cannot loop.
	 */
	private findKey(key: number): number {
		const [offset, count] = this.entry.arrays.keys;
		if (this.entry.arrays.offsets[1] !== count + 1 || this.entry.arrays.counts[1] !== count) throw new DiskCacheDamaged(this.source.file, 'bad layout');
		if (count === 0) return -1;
		const firstBlock = Math.floor(offset / BLOCK_BYTES);
		let lo = 0;
		let hi = Math.ceil((offset + 4 * count) / BLOCK_BYTES) - 1 - firstBlock;
		// Key values known to lie below chunk lo and above chunk hi.
		let below = -1;
		let above = KEY_SPACE;
		while (lo <= hi) {
			const guess = lo + Math.min(hi - lo, Math.floor(((key - below) / (above - below)) * (hi - lo + 1)));
			const {from, keys} = this.keyChunk(firstBlock + guess, offset, count);
			if (key < keys[0]!) {
				hi = guess - 1;
				above = keys[0]!;
			} else if (key > keys[keys.length - 1]!) {
				lo = guess + 1;
				below = keys[keys.length - 1]!;
			} else {
				const at = sortedIndexOf(keys, key);
				return at < 0 ? -1 : from + at;
			}
		}
		return -1;
	}

	/** The keys in payload block `block` (the keys array starts at byte `offset`, `count` of them), and the index of the first. */
	private keyChunk(block: number, offset: number, count: number): {from: number; keys: Int32Array} {
		let chunk = this.keyChunks.get(block);
		if (!chunk) {
			const from = Math.max(0, (block * BLOCK_BYTES - offset) / 4);
			const to = Math.min(count, ((block + 1) * BLOCK_BYTES - offset) / 4);
			const bytes = this.source.slice(this.entry, 'keys', from, to);
			const keys = new Int32Array(to - from);
			new Uint8Array(keys.buffer).set(bytes);
			if (keys.length === 0 || !validKeys(keys)) throw new DiskCacheDamaged(this.source.file, 'bad layout');
			chunk = {from, keys};
			this.keyChunks.set(block, chunk);
		}
		return chunk;
	}

	private readPostings(k: number): number {
		const bounds = this.source.elements(this.entry, 'offsets', k, k + 2);
		const from = bounds.readUInt32LE(0);
		const to = bounds.readUInt32LE(4);
		const count = this.source.elements(this.entry, 'counts', k, k + 1).readUInt32LE(0);
		const [postingsAt, postingsLength] = this.entry.arrays.postings;
		if (!(from <= to && to <= postingsLength)) throw new DiskCacheDamaged(this.source.file, 'bad layout');
		const bytes = this.source.read(postingsAt + from, postingsAt + to);
		if (!validRun(bytes, 0, bytes.byteLength, count, this.passageStart.length)) throw new DiskCacheDamaged(this.source.file, 'bad layout');
		const local = this.loadedKeys++;
		const start = this.offsets[local]!;
		if (this.counts.length <= local) {
			this.counts = grow(this.counts, local + 1);
			this.offsets = grow(this.offsets, local + 2);
		}
		if (this.postings.length < start + bytes.byteLength) this.postings = grow(this.postings, start + bytes.byteLength);
		this.postings.set(bytes, start);
		this.counts[local] = count;
		this.offsets[local + 1] = start + bytes.byteLength;
		return local;
	}
}

function grow<T extends Uint8Array | Uint32Array>(array: T, least: number): T {
	const bigger = new (array.constructor as new (n: number) => T)(Math.max(least, array.length * 2));
	bigger.set(array);
	return bigger;
}

/**
 * A segment just written to the scratch files of its cache (cache-writer.ts), searched there as if
 * the file were done: the UI thread then holds its small per-article arrays, not its postings and
 * text (most of an index), while an archive is indexed. `strings`: where its folded strings went.
 */
export function scratchSegment(
	file: string,
	payload: PayloadReader,
	entry: SegmentHeader,
	ordinals: Int32Array,
	strings: readonly [offset: number, bytes: number][],
): DiskSegment {
	const places: SegmentStrings = {
		next: (units) => {
			if (units.length !== strings.length) throw new DiskCacheDamaged(file, 'bad layout');
			return {offsets: Float64Array.from(strings, ([offset]) => offset), bytes: Float64Array.from(strings, ([, bytes]) => bytes)};
		},
	};
	return new DiskSegment(new CacheSource(file, payload), entry, ordinals, places);
}

/**
 * The segments of the cache file of `source`, opened for searching on disk; 'stale' when the file
 * or its articles (`current`: the file's articles today) changed since it was written, undefined
 * when there is none (or it is another version's). Throws a CacheProblem (the file cannot be opened) or Damaged.
 */
export function openDiskSegments(
	file: string,
	source: string,
	stats: ReadonlyMap<string, FileStat>,
	current: FileArticles,
	maxBytes: number,
): DiskSegment[] | 'stale' | undefined {
	return runSteps(openDiskSegmentsSteps(file, source, stats, current, maxBytes));
}

/**
 * The same in steps, for the reader to answer keys between them: the articles' digest a few
 * thousand articles a step (current.digestSteps) and one segment a step (its small arrays read and
 * checked). At 60,000 articles, opened at once, it held the UI thread 142 ms.
 */
export function* openDiskSegmentsSteps(
	file: string,
	source: string,
	stats: ReadonlyMap<string, FileStat>,
	current: FileArticles,
	maxBytes: number,
): Generator<void, DiskSegment[] | 'stale' | undefined, void> {
	const opened = openCacheFile(file, maxBytes);
	if (!opened) return undefined;
	const {fd, size} = opened;
	let kept = false;
	try {
		const read = (position: number, length: number): Buffer => {
			try {
				return readExactly(fd, position, length);
			} catch (error) {
				throw new Damaged(error instanceof BadBlock ? error.message : reasonOf(error));
			}
		};
		const lead = read(0, Math.min(LEAD, size));
		const headerLength = readLead(lead, size);
		if (headerLength === undefined) return undefined;
		const header = readHeader(lead, read(LEAD, headerLength), size);
		if (!header) return undefined;
		const {tableStart, tableBytes, payloadStart} = layoutOf(headerLength, header.payload);
		const table = read(tableStart, tableBytes);
		if (zlib.crc32(table) !== header.table) throw new Damaged('bad checksum');
		if (header.segments.some((entry) => entry.files[0]!.path !== source)) throw new Damaged("another file's index");
		if (current.digestSteps) yield* current.digestSteps();
		const ordinals = cachedOrdinals(header, stats, current);
		if (ordinals === 'stale') return 'stale';
		const cache = new CacheSource(file, new BlockReader(fd, payloadStart, header.payload, table));
		const places = new StringPlaces(header);
		const segments: DiskSegment[] = [];
		for (const [i, entry] of header.segments.entries()) {
			yield;
			segments.push(new DiskSegment(cache, entry, ordinals[i]!, places));
		}
		places.finish();
		kept = segments.length > 0;
		return segments;
	} catch (error) {
		if (error instanceof DiskCacheDamaged) throw new Damaged(error.message);
		throw error;
	} finally {
		// The segments keep the descriptor for their reads; it closes with the process.
		if (!kept) fs.closeSync(fd);
	}
}
