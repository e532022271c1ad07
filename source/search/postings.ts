// Posting lists: ascending passage ids stored as delta-coded varints (7 bits a byte, written by
// segment.ts), about 1.2 bytes a posting on real text instead of 2. The shortest list is decoded
// whole; the others are merged against it as they decode.
import {keyIndex, type Segment} from './segment.js';

/** Decodes key index k's passages of `segment` into `out` (which must hold counts[k]); returns how many. */
export function decodePostings(segment: Segment, k: number, out: Int32Array): number {
	const bytes = segment.postings;
	let at = segment.offsets[k]!;
	const end = segment.offsets[k + 1]!;
	let n = 0;
	let prev = -1;
	while (at < end) {
		let b = bytes[at++]!;
		let value = b & 0x7f;
		let shift = 7;
		while (b >= 0x80) {
			b = bytes[at++]!;
			value |= (b & 0x7f) << shift;
			shift += 7;
		}
		prev += value;
		out[n++] = prev;
	}
	return n;
}

/** Keeps the ids of `ids[0, n)` that are also in key index k's list; returns the new count. */
export function intersectPostings(segment: Segment, k: number, ids: Int32Array, n: number): number {
	const bytes = segment.postings;
	let at = segment.offsets[k]!;
	const end = segment.offsets[k + 1]!;
	let prev = -1;
	let kept = 0;
	let i = 0;
	while (at < end && i < n) {
		let b = bytes[at++]!;
		let value = b & 0x7f;
		let shift = 7;
		while (b >= 0x80) {
			b = bytes[at++]!;
			value |= (b & 0x7f) << shift;
			shift += 7;
		}
		prev += value;
		while (i < n && ids[i]! < prev) i++;
		if (i < n && ids[i] === prev) ids[kept++] = ids[i++]!;
	}
	return kept;
}

let scratch = new Int32Array(1024);

/**
 * Passages of `segment` whose trigram sets hold every key in `keys` (an AND of the lists,
 * shortest first). Lists much longer than the running result are skipped: checking the
 * candidates against the text is then cheaper than decoding them. Returns a fresh array, or
 * undefined when some key has no postings (no passage can match).
 */
export function candidatePassages(segment: Segment, keys: readonly number[]): Int32Array | undefined {
	const found: number[] = [];
	for (const key of keys) {
		const k = keyIndex(segment, key);
		if (k < 0) return undefined;
		found.push(k);
	}
	if (found.length === 0) return undefined;
	found.sort((a, b) => segment.counts[a]! - segment.counts[b]!);
	const first = found[0]!;
	const size = segment.counts[first]!;
	if (scratch.length < size) scratch = new Int32Array(Math.max(size, scratch.length * 2));
	let n = decodePostings(segment, first, scratch);
	for (let j = 1; j < found.length && n > 0; j++) {
		const k = found[j]!;
		if (segment.counts[k]! > n * 32) break;
		n = intersectPostings(segment, k, scratch, n);
	}
	return scratch.slice(0, n);
}
