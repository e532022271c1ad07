// A column of the mention table that grows in fixed chunks. A plain array that only grows is copied
// whole each time it outgrows its space, and the table's ten columns have the same length, so they
// all outgrew it on the same push: one article's commit copied ten arrays of millions of entries
// (237 ms of the UI thread in one step, linking 60,000 articles). Here a push allocates at most one
// new chunk, and nothing is ever copied.

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
			this.last = [];
			this.chunks.push(this.last);
		}
		this.last.push(value);
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

/** A column of small whole numbers (0–255), a byte each, in the same fixed chunks. */
export class ByteColumn implements ReadonlyColumn<number> {
	private readonly chunks: Uint8Array[] = [];
	private last = new Uint8Array(0);
	length = 0;

	push(value: number): void {
		if ((this.length & MASK) === 0) {
			this.last = new Uint8Array(CHUNK);
			this.chunks.push(this.last);
		}
		this.last[this.length & MASK] = value;
		this.length++;
	}

	get(i: number): number {
		return this.chunks[i >>> COLUMN_CHUNK_BITS]![i & MASK]!;
	}

	/** How many entries the largest array behind the column can hold. */
	get largestArray(): number {
		return Math.max(this.chunks.length, ...this.chunks.map((c) => c.length));
	}
}
