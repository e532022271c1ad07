// One source file's search cache written a segment at a time, as the index is built: each sealed
// segment's arrays and folded strings go straight to two scratch files beside the cache, and only
// its header entry (its file, count and array offsets) and the articles' running digest stay in memory. At the end the
// block table is summed over the scratch files and the file is put together in the layout
// `encodeCache` gives (byte for byte the same), then renamed into place. So `khao --index` and a
// cold one-shot search hold one segment at a time, not the whole index of an archive (1.9 GB at
// 60,000 articles when the index was built whole and then encoded).
import {ArticlesDigest} from '../corpus/articles-digest.js';
import type {Article} from '../corpus/types.js';
import {BlockTableBuilder} from './cache-blocks.js';
import {AlignedPieces, cacheFront, pushSegmentArrays, pushSegmentStrings, type SegmentHeader} from './cache-format.js';
import {ScratchFile, writeAtomic} from './cache-io.js';
import type {Segment} from './segment.js';

/** Aligned pieces written to a scratch file as they come instead of kept. */
class SpilledPieces extends AlignedPieces {
	constructor(readonly scratch: ScratchFile) {
		super([]);
	}

	protected override emit(bytes: Uint8Array): void {
		this.scratch.append(bytes);
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
		const header = pushSegmentArrays(segment, articles, this.arrays, this.digest);
		if (!header) return;
		pushSegmentStrings(segment, this.strings);
		this.headers.push(header);
	}

	/** Puts the cache file together and in place, atomically; the scratch files are let go. Throws a CacheProblem. */
	finish(): void {
		try {
			const arraysEnd = this.arrays.offset;
			const table = new BlockTableBuilder();
			for (const chunk of this.payload()) table.add(chunk);
			writeAtomic(this.file, this.bytes(arraysEnd, table.finish()));
		} finally {
			this.abort();
		}
	}

	/** Gives up: the scratch files are let go, nothing is written. Never throws. */
	abort(): void {
		this.arrays.scratch.close();
		this.strings.scratch.close();
	}

	private *bytes(arraysEnd: number, table: Uint8Array): Generator<Uint8Array> {
		yield* cacheFront(this.headers, this.digest.finish(), arraysEnd, this.spilledBytes, table);
		yield* this.payload();
	}

	private *payload(): Generator<Uint8Array> {
		yield* this.arrays.scratch.chunks();
		yield* this.strings.scratch.chunks();
	}
}
