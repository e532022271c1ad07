// One source file's search cache written a segment at a time, as the index is built: each sealed
// segment's arrays and folded strings go straight to two scratch files beside the cache, and only
// its header entry (its file, count and array offsets) and the articles' running digest stay in memory. At the end the
// block table is summed over the scratch files and the file is put together in the layout
// `encodeCache` gives (byte for byte the same), then renamed into place. So `khao --index` and a
// cold one-shot search hold one segment at a time, not the whole index of an archive (1.9 GB at
// 60,000 articles when the index was built whole and then encoded).
//
// The reader writes its cache the same way as the pool's segments arrive, and keeps each segment
// with its folded text read back from the scratch file (`spill`): the text is most of an index's
// memory (two bytes a character of the corpus). It puts the file together in steps between keys
// (`finishAsync`), and lets the scratch files go once the index is opened on disk instead.
import {ArticlesDigest} from '../corpus/articles-digest.js';
import type {Article} from '../corpus/types.js';
import {reasonOf} from '../corpus/errors.js';
import {BlockTableBuilder} from './cache-blocks.js';
import {
	AlignedPieces,
	cacheFront,
	oneByteFlagsSteps,
	pushSegmentArrays,
	pushSegmentStrings,
	pushSegmentStringsSteps,
	STRING_STEP_UNITS,
	type SegmentHeader,
} from './cache-format.js';
import {AtomicFileWriter, CacheProblem, ScratchFile, writeAtomic} from './cache-io.js';
import {scratchSegment, type PayloadReader} from './disk-segment.js';
import type {Segment} from './segment.js';

/**
 * Where the strings' scratch file begins in the payload a spilled segment reads: far past any
 * arrays' offset (a cache is at most a few GB), so one number says which file and where.
 */
const STRINGS_AT = 2 ** 48;

/** Bytes written to a scratch file at once: small pieces (a string, its padding) gathered, large ones cut. */
export const FLUSH_BYTES = 1 << 20;

/**
 * Aligned pieces written to a scratch file instead of kept: gathered as they come, then written
 * (`flush`, or `flushAsync` off this thread) in writes of up to FLUSH_BYTES: a segment's thousand
 * strings and paddings were a thousand system calls.
 */
class SpilledPieces extends AlignedPieces {
	private pending: Uint8Array[] = [];

	constructor(readonly scratch: ScratchFile) {
		super([]);
	}

	protected override emit(bytes: Uint8Array): void {
		this.pending.push(bytes);
	}

	/** Writes what was pushed. Throws a CacheProblem. */
	flush(): void {
		for (const bytes of this.writes()) this.scratch.append(bytes);
	}

	/** Writes what was pushed, off this thread. Rejects with a CacheProblem. */
	async flushAsync(): Promise<void> {
		for (const bytes of this.writes()) await this.scratch.appendAsync(bytes);
	}

	/** The pending pieces as writes of at most FLUSH_BYTES each (small ones copied together). */
	private *writes(): Generator<Uint8Array> {
		const pieces = this.pending;
		this.pending = [];
		let gathered: Uint8Array[] = [];
		let gatheredBytes = 0;
		const gatheredWrite = (): Uint8Array => {
			const bytes = gathered.length === 1 ? gathered[0]! : Buffer.concat(gathered, gatheredBytes);
			gathered = [];
			gatheredBytes = 0;
			return bytes;
		};
		for (const piece of pieces) {
			for (let at = 0; at < piece.byteLength;) {
				const part = piece.subarray(at, at + FLUSH_BYTES - gatheredBytes);
				gathered.push(part);
				gatheredBytes += part.byteLength;
				at += part.byteLength;
				if (gatheredBytes === FLUSH_BYTES) yield gatheredWrite();
			}
		}
		if (gatheredBytes > 0) yield gatheredWrite();
	}
}

export class SearchCacheWriter {
	private readonly arrays: SpilledPieces;
	private readonly strings: SpilledPieces;
	private readonly headers: SegmentHeader[] = [];
	private readonly digest = new ArticlesDigest();

	/** Throws a CacheProblem when the cache folder cannot take the scratch files. */
	constructor(readonly file: string) {
		this.arrays = new SpilledPieces(new ScratchFile(file));
		try {
			this.strings = new SpilledPieces(new ScratchFile(file));
		} catch (error) {
			this.arrays.scratch.close();
			throw error;
		}
	}

	/** Segments written so far (a segment that cannot be cached is left out). */
	get segments(): number {
		return this.headers.length;
	}

	/** Payload bytes on disk so far: none of it is held in memory. */
	get spilledBytes(): number {
		return this.arrays.offset + this.strings.offset;
	}

	/** Writes a sealed segment out; the caller may let it go. Throws a CacheProblem. */
	add(segment: Segment, articles: readonly Article[]): void {
		this.write(segment, articles);
	}

	/** `add`, giving the segment's header entry and where each folded string went in the strings' scratch file; undefined when the segment cannot be cached. */
	private write(segment: Segment, articles: readonly Article[]): {header: SegmentHeader; strings: [offset: number, bytes: number, oneByte: boolean][]} | undefined {
		const header = pushSegmentArrays(segment, articles, this.arrays, this.digest);
		if (!header) return undefined;
		const strings = pushSegmentStrings(segment, this.strings);
		this.arrays.flush();
		this.strings.flush();
		this.headers.push(header);
		return {header, strings};
	}

	/**
	 * Writes a sealed segment out, as `add`, and returns it searched where it now lies, as a reopen
	 * searches the finished file (disk-segment.ts): the caller lets the built segment go, and with it
	 * its postings and text; undefined when the segment cannot be cached (keep it as it is). The
	 * scratch files must then stay open (no `abort`) while the returned segment is searched.
	 *
	 * For the reader's UI thread: the text is scanned and encoded STRING_STEP_UNITS at a time with
	 * `pause` awaited between, and written off the thread (one segment, some 10 MB, took 50–120 ms of
	 * CPU at once). One segment at a time: the next waits for this one. Rejects with a CacheProblem.
	 */
	async spill(segment: Segment, articles: readonly Article[], pause: () => Promise<void>, stepUnits = STRING_STEP_UNITS): Promise<Segment | undefined> {
		const written = await this.addSteps(segment, articles, pause, stepUnits);
		if (!written) return undefined;
		const strings = written.strings.map(([offset, bytes]): [number, number] => [STRINGS_AT + offset, bytes]);
		// A copy: the ordinals may share their buffer with the arrays let go.
		return scratchSegment(this.file, this.scratchPayload, written.header, segment.ordinals.slice(), strings);
	}

	/**
	 * `add` in steps, as `spill` writes (the text scanned and encoded STRING_STEP_UNITS at a time,
	 * `pause` awaited between, written off the thread), for a segment the index keeps in memory: at
	 * 10,000 articles one segment's `add` was a 60–80 ms step of the reader's UI thread. One segment
	 * at a time. Gives what `write` gives. Rejects with a CacheProblem.
	 */
	async addSteps(
		segment: Segment,
		articles: readonly Article[],
		pause: () => Promise<void>,
		stepUnits = STRING_STEP_UNITS,
	): Promise<{header: SegmentHeader; strings: [offset: number, bytes: number, oneByte: boolean][]} | undefined> {
		const flags = oneByteFlagsSteps(segment.folded, stepUnits);
		let flag = flags.next();
		for (; !flag.done; flag = flags.next()) await pause();
		const header = pushSegmentArrays(segment, articles, this.arrays, this.digest, flag.value);
		if (!header) return undefined;
		await this.arrays.flushAsync();
		const pushing = pushSegmentStringsSteps(segment, this.strings, flag.value, stepUnits);
		let pushed = pushing.next();
		for (; !pushed.done; pushed = pushing.next()) {
			await this.strings.flushAsync();
			await pause();
		}
		await this.strings.flushAsync();
		this.headers.push(header);
		await pause();
		return {header, strings: pushed.value};
	}

	/** The scratch files read as one payload: the arrays' offsets as they are, the strings' from STRINGS_AT. */
	private readonly scratchPayload: PayloadReader = {
		read: (from, to) => (from >= STRINGS_AT ? this.strings.scratch.read(from - STRINGS_AT, to - STRINGS_AT) : this.arrays.scratch.read(from, to)),
		// The scratch files close with the writer (`abort`), not with a segment.
		close: () => {},
	};

	/** Puts the cache file together and in place, atomically; the scratch files are let go. Throws a CacheProblem. */
	finish(): void {
		try {
			const arraysEnd = this.arrays.offset;
			const table = this.tableSteps();
			let step = table.next();
			while (!step.done) step = table.next();
			writeAtomic(this.file, this.bytes(arraysEnd, step.value));
		} finally {
			this.abort();
		}
	}

	/**
	 * The same a chunk (`chunkBytes`, 1 MB) at a time: `pause` is awaited after each chunk summed,
	 * and the file is written off the event loop a chunk at a time, so no step holds the thread
	 * long whatever the cache's size. The scratch files stay open (segments from `spill` read
	 * them): `abort` lets them go. Throws a CacheProblem.
	 */
	async finishAsync(pause: () => Promise<void>, chunkBytes = 1 << 20): Promise<void> {
		const arraysEnd = this.arrays.offset;
		const table = this.tableSteps(chunkBytes);
		let step = table.next();
		for (; !step.done; step = table.next()) await pause();
		const out = new AtomicFileWriter(this.file);
		try {
			for (const chunk of this.bytes(arraysEnd, step.value, chunkBytes)) {
				// Copied: the scratch file's chunks share one buffer.
				out.append(Buffer.from(chunk));
				await out.flushed();
			}
			await out.commit();
		} catch (error) {
			await out.abort();
			throw error instanceof CacheProblem ? error : new CacheProblem(this.file, `cannot write it: ${reasonOf(error)}`);
		}
	}

	/** Gives up (or is done): the scratch files are let go, nothing more is written. Never throws. */
	abort(): void {
		this.arrays.scratch.close();
		this.strings.scratch.close();
	}

	/** The block table, summed a chunk of the payload per step. */
	private *tableSteps(chunkBytes?: number): Generator<void, Uint8Array, void> {
		const table = new BlockTableBuilder();
		for (const chunk of this.payload(chunkBytes)) {
			table.add(chunk);
			yield;
		}
		return table.finish();
	}

	private *bytes(arraysEnd: number, table: Uint8Array, chunkBytes?: number): Generator<Uint8Array> {
		yield* cacheFront(this.headers, this.digest.finish(), arraysEnd, this.spilledBytes, table);
		yield* this.payload(chunkBytes);
	}

	private *payload(chunkBytes?: number): Generator<Uint8Array> {
		yield* this.arrays.scratch.chunks(chunkBytes);
		yield* this.strings.scratch.chunks(chunkBytes);
	}
}
