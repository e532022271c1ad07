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

/** A segment's per-article and per-passage arrays: read (and checked together) the first time a search needs one. */
type SegmentBody = Pick<
	Segment,
	'textLengths' | 'titleLengths' | 'articlePassages' | 'articleTones' | 'passageArticle' | 'passageStart' | 'passageSource' | 'passageFlags'
>;

export class DiskSegment implements Segment {
	readonly ordinals: Int32Array;
	readonly files: SegmentFile[];
	/** Passages in the segment, known from the header before its passage arrays are read. */
	readonly passages: number;
	/** Articles' folded text, read on first use. */
	readonly folded: string[];
	/** The texts read whole so far, and the articles a piece of whose text was read alone. */
	private readonly texts: (string | undefined)[];
	private readonly pieced = new Set<number>();
	// The keys looked up so far, by local index in the order they were: local key k has counts[k]
	// passages, whose postings (postingsRun) are read the first time a search decodes them: a long
	// list that candidatePassages skips (checking its few candidates costs less) is never read.
	// `offsets` and `postings` stay empty (postingsRun stands for them).
	readonly offsets = new Uint32Array(0);
	readonly postings = new Uint8Array(0);
	counts = new Uint32Array(16);
	/** Local key k's postings lie at bytes [runs[2k], runs[2k + 1]) of the segment's postings array. */
	private runs = new Float64Array(32);
	private readonly runBytes = new Map<number, Uint8Array>();
	private loadedKeys = 0;
	private readonly localKey = new Map<number, number>();
	private readonly keyPlaces = new Map<number, number>();
	private allKeys: Int32Array | undefined;
	private readonly keyChunks = new Map<number, {from: number; keys: Int32Array}>();
	private tones: {pos: Int32Array; mark: Uint8Array} | undefined;
	private readonly articleToneCache = new Map<number, {pos: Int32Array; mark: Uint8Array; from: number; to: number}>();
	/**
	 * Read on first use: a query reads the postings of its keys in every segment, but the passages of
	 * only the segments that hold a candidate (a rare name, a few of a large archive's hundred).
	 */
	private body: SegmentBody | undefined;

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
		this.passages = entry.arrays.passageStart[1];
		// Sizes arrays before the passage arrays are read and checked (validShapes bounds them the same way).
		if (this.passages > 0x10000 || ordinals.length > 0x10000) throw new DiskCacheDamaged(source.file, 'bad layout');
		// Every segment's string lengths, now: each string's place in the payload follows from all before it.
		this.stringUnits = source.array(entry, 'stringUnits');
		this.stringOneByte = source.array(entry, 'stringOneByte');
		this.strings = places.next(this.stringUnits, this.stringOneByte);
		if (this.stringUnits.length !== ordinals.length) throw new DiskCacheDamaged(source.file, 'bad layout');
		// Search code indexes folded[local] like an array: an article's text is read the first time it is used.
		this.texts = new Array<string | undefined>(ordinals.length);
		this.folded = lazyTexts(ordinals.length, (local) => (this.texts[local] ??= this.readFolded(local)), true);
	}

	foldedLength(local: number): number {
		return this.units(local);
	}

	/**
	 * Units [from, to) of an article's folded text: the first piece asked of an article is read alone
	 * (a block or two, not the article: most candidates of a rare or common word are one passage of
	 * their article); from the second on, the text is read whole and kept.
	 */
	foldedPiece(local: number, from: number, to: number): string {
		const whole = this.texts[local] ?? (this.pieced.has(local) ? (this.texts[local] = this.readFolded(local)) : undefined);
		if (whole !== undefined) return whole.slice(from, to);
		this.pieced.add(local);
		if (!(from >= 0 && from <= to && to <= this.units(local))) throw new DiskCacheDamaged(this.source.file, 'bad layout');
		const width = this.stringOneByte[local] ? 1 : 2;
		const offset = this.strings.offsets[local]! + width * from;
		return this.source.read(offset, offset + width * (to - from)).toString(width === 1 ? 'latin1' : 'utf16le');
	}

	get textLengths(): Int32Array {
		return (this.body ?? this.readBody()).textLengths;
	}
	get titleLengths(): Int32Array {
		return (this.body ?? this.readBody()).titleLengths;
	}
	get articlePassages(): Int32Array {
		return (this.body ?? this.readBody()).articlePassages;
	}
	get articleTones(): Int32Array {
		return (this.body ?? this.readBody()).articleTones;
	}
	get passageArticle(): Uint16Array {
		return (this.body ?? this.readBody()).passageArticle;
	}
	get passageStart(): Int32Array {
		return (this.body ?? this.readBody()).passageStart;
	}
	get passageSource(): Int32Array {
		return (this.body ?? this.readBody()).passageSource;
	}
	get passageFlags(): Uint8Array {
		return (this.body ?? this.readBody()).passageFlags;
	}

	private readBody(): SegmentBody {
		const {source, entry} = this;
		const body: SegmentBody = {
			titleLengths: source.array(entry, 'titleLengths'),
			textLengths: source.array(entry, 'textLengths'),
			articlePassages: source.array(entry, 'articlePassages'),
			articleTones: source.array(entry, 'articleTones'),
			passageArticle: source.array(entry, 'passageArticle'),
			passageStart: source.array(entry, 'passageStart'),
			passageSource: source.array(entry, 'passageSource'),
			passageFlags: source.array(entry, 'passageFlags'),
		};
		const count = this.ordinals.length;
		if (!validShapes(body, count) || !validPassages(body, count, this.units)) throw new DiskCacheDamaged(source.file, 'bad layout');
		this.body = body;
		return body;
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

	/** The local index of `key` (its count read from disk the first time), or -1 when no passage has it. */
	lookUpKey(key: number): number {
		const known = this.localKey.get(key);
		if (known !== undefined) return known;
		const at = this.keyPlace(key);
		const local = at < 0 ? -1 : this.registerKey(at);
		this.localKey.set(key, local);
		return local;
	}

	/**
	 * Whether some passage has `key`: only the block of the keys it would be in is read (not its
	 * count), so a pattern with a key missing here costs no read of the others' counts.
	 */
	hasKey(key: number): boolean {
		const known = this.localKey.get(key);
		return known !== undefined ? known >= 0 : this.keyPlace(key) >= 0;
	}

	/** Where `key` is in the segment's sorted keys, or -1 (each answer kept). */
	private keyPlace(key: number): number {
		let at = this.keyPlaces.get(key);
		if (at === undefined) {
			at = this.allKeys ? sortedIndexOf(this.allKeys, key) : this.findKey(key);
			this.keyPlaces.set(key, at);
		}
		return at;
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

	/** Key index k of the file's keys given a local index: its passage count and where its postings lie (read later, by postingsRun). */
	private registerKey(k: number): number {
		const bounds = this.source.elements(this.entry, 'offsets', k, k + 2);
		const from = bounds.readUInt32LE(0);
		const to = bounds.readUInt32LE(4);
		const count = this.source.elements(this.entry, 'counts', k, k + 1).readUInt32LE(0);
		// The count sizes arrays before the run is read: no larger than the run's bytes (a varint each) can hold.
		if (!(from <= to && to <= this.entry.arrays.postings[1] && count > 0 && count <= to - from && count <= this.passages)) {
			throw new DiskCacheDamaged(this.source.file, 'bad layout');
		}
		const local = this.loadedKeys++;
		if (this.counts.length <= local) {
			this.counts = grow(this.counts, local + 1);
			const runs = new Float64Array(this.runs.length * 2);
			runs.set(this.runs);
			this.runs = runs;
		}
		this.counts[local] = count;
		this.runs[2 * local] = from;
		this.runs[2 * local + 1] = to;
		return local;
	}

	/** Local key k's postings, read (and checked) the first time they are asked for. */
	postingsRun(k: number): {bytes: Uint8Array; at: number; end: number} {
		let bytes = this.runBytes.get(k);
		if (!bytes) {
			const at = this.entry.arrays.postings[0];
			bytes = this.source.read(at + this.runs[2 * k]!, at + this.runs[2 * k + 1]!);
			if (!validRun(bytes, 0, bytes.byteLength, this.counts[k]!, this.passages)) throw new DiskCacheDamaged(this.source.file, 'bad layout');
			this.runBytes.set(k, bytes);
		}
		return {bytes, at: 0, end: bytes.byteLength};
	}
}

function grow<T extends Uint32Array>(array: T, least: number): T {
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
