// A column of the mention table that grows in fixed chunks. A plain array that only grows is copied
// whole each time it outgrows its space, and the table's ten columns have the same length, so they
// all outgrew it on the same push: one article's commit copied ten arrays of millions of entries
// (237 ms of the UI thread in one step, linking 60,000 articles). Here a push allocates at most one
// new chunk, and nothing is ever copied. A chunk is allocated at its full size: an array grown by
// pushes ends with room for a third more entries than it holds (V8 grows it by half), and the
// numbers (NumberColumn) are held in typed chunks, 4 bytes an entry instead of a slot of 8 (issue
// 10: the mention table of 60,000 articles, millions of mentions, was most of `--index`'s peak).

/** Entries a chunk holds: a power of two, so that an index splits with a shift and a mask. */
export const COLUMN_CHUNK_BITS = 14;
const CHUNK = 1 << COLUMN_CHUNK_BITS;
const MASK = CHUNK - 1;

export interface ReadonlyColumn<T> {
	readonly length: number;
	/** The entry at `i` (0 ≤ i < length). */
	get(i: number): T;
}

export class Column<T> implements ReadonlyColumn<T> {
	private readonly chunks: T[][] = [];
	private last: T[] = [];
	length = 0;

	push(value: T): void {
		if ((this.length & MASK) === 0) {
			// Holey but never read past `length`.
			this.last = new Array<T>(CHUNK);
			this.chunks.push(this.last);
		}
		this.last[this.length & MASK] = value;
		this.length++;
	}

	get(i: number): T {
		return this.chunks[i >>> COLUMN_CHUNK_BITS]![i & MASK]!;
	}

	/** How many entries the largest array behind the column can hold (tests: nothing grows past a chunk). */
	get largestArray(): number {
		return Math.max(this.chunks.length, ...this.chunks.map((c) => c.length));
	}
}

/** A typed array a NumberColumn's chunks are made of. */
type NumberChunk = Uint8Array | Int32Array | Float64Array;

/**
 * A column of numbers in typed chunks: small whole numbers in a byte (0–255: a mention's tagger
 * marks), whole numbers in 32 bits (a mention's article, offsets, node), or any number in 64 (a
 * weight). A whole number outside its kind's range is refused (a RangeError) rather than wrapped:
 * the column would read back another number. Its push and get repeat
 * Column's rather than share a base class: each stays monomorphic (a shared `get` would see plain
 * arrays and two kinds of typed array, on the linker's and the snapshot's hottest loops).
 */
export class NumberColumn implements ReadonlyColumn<number> {
	private readonly chunks: NumberChunk[] = [];
	private last: NumberChunk = new Int32Array(0);
	length = 0;

	constructor(private readonly kind: 'uint8' | 'int32' | 'float64' = 'int32') {}

	push(value: number): void {
		if (this.kind === 'int32' && (value | 0) !== value) throw new RangeError(`NumberColumn: ${value} is not a 32-bit whole number`);
		if (this.kind === 'uint8' && (value & 255) !== value) throw new RangeError(`NumberColumn: ${value} is not a whole number of 0-255`);
		if ((this.length & MASK) === 0) {
			this.last = this.kind === 'int32' ? new Int32Array(CHUNK) : this.kind === 'uint8' ? new Uint8Array(CHUNK) : new Float64Array(CHUNK);
			this.chunks.push(this.last);
		}
		this.last[this.length & MASK] = value;
		this.length++;
	}

	get(i: number): number {
		return this.chunks[i >>> COLUMN_CHUNK_BITS]![i & MASK]!;
	}

	/** As Column's: how many entries the largest array behind the column can hold. */
	get largestArray(): number {
		return Math.max(this.chunks.length, ...this.chunks.map((c) => c.length));
	}
}
