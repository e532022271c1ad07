// Where one file's articles are cut into batches indexed together: a worker's job in the reader
// (workers/search-job.ts), and the places where `khao --index` seals its segments early too
// (build-cache.ts). A batch's last segment is sealed at the batch's end, so both cut at the same
// places and write byte for byte the same cache.

/** A batch holds at most this much text (UTF-16 units: a worker's memory stays bounded), unless one article alone is longer. */
export const BATCH_CHARS = 4_000_000;

/** Counts one file's articles in corpus order and says where a new batch starts. */
export class BatchCutter {
	private count = 0;
	private chars = 0;

	constructor(
		private readonly segmentArticles: number,
		private readonly batchChars = BATCH_CHARS,
	) {}

	/** True when an article of `length` units starts a new batch (it is then counted in that one). */
	next(length: number): boolean {
		const starts = this.count === 0 || this.count >= this.segmentArticles || this.chars + length > this.batchChars;
		if (starts) {
			this.count = 0;
			this.chars = 0;
		}
		this.count++;
		this.chars += length;
		return starts;
	}
}
