// Posting lists: ascending passage ids stored as delta-coded varints (7 bits a byte, written by
// segment.ts), about 1.2 bytes a posting on real text instead of 2. The shortest list is decoded
// whole; the others are merged against it as they decode.
import {keyIndex, type Segment} from './segment.js';

/** Key index k's postings: the bytes of its varints and where they lie in them. */
function runOf(segment: Segment, k: number): {bytes: Uint8Array; at: number; end: number} {
	return segment.postingsRun ? segment.postingsRun(k) : {bytes: segment.postings, at: segment.offsets[k]!, end: segment.offsets[k + 1]!};
}

/** Decodes key index k's passages of `segment` into `out` (which must hold counts[k]); returns how many. */
export function decodePostings(segment: Segment, k: number, out: Int32Array): number {
	const run = runOf(segment, k);
	const {bytes, end} = run;
	let {at} = run;
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
	const run = runOf(segment, k);
	const {bytes, end} = run;
	let {at} = run;
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

// Typing extends a query a letter at a time, and each pattern's keys extend the keys of the one
// before (they are listed in order of first appearance): the candidates of the last patterns are
// kept, and a longer pattern starts from those of its longest cached beginning, intersecting only
// the lists of its new keys. Most keystrokes then decode no posting list at all.
/** Candidate passage ids kept across queries (4 bytes each): a few MB. */
const CACHE_BUDGET = 1 << 20;
const cache = new Map<string, Int32Array>();
let cached = 0;
const segmentIds = new WeakMap<Segment, number>();
let nextSegmentId = 0;

/** A number for the segment, for keys of what is kept about it across queries. */
export function segmentId(segment: Segment): number {
	let id = segmentIds.get(segment);
	if (id === undefined) segmentIds.set(segment, (id = nextSegmentId++));
	return id;
}

/** The cache keys of `keys`' beginnings: [i] is that of the first i + 1 keys. */
function cacheKeys(segment: Segment, keys: readonly number[]): string[] {
	const out: string[] = [];
	let key = String(segmentId(segment));
	for (const k of keys) out.push((key += `,${k}`));
	return out;
}

/** Forgets the kept candidates (the next lookups decode the postings again). */
export function forgetCandidates(): void {
	cache.clear();
	cached = 0;
}

function remember(key: string, candidates: Int32Array): void {
	if (candidates.length > CACHE_BUDGET / 4) return;
	cache.set(key, candidates);
	cached += candidates.length;
	for (const [oldest, list] of cache) {
		if (cached <= CACHE_BUDGET) break;
		cache.delete(oldest);
		cached -= list.length;
	}
}

/**
 * Passages of `segment` whose trigram sets hold every key in `keys` (an AND of the lists,
 * shortest first), or a few more: lists much longer than the running result are skipped, since
 * checking the candidates against the text is then cheaper than decoding them. Returns an array
 * the caller must not change, or undefined when some key has no postings (no passage can match).
 */
export function candidatePassages(segment: Segment, keys: readonly number[]): Int32Array | undefined {
	if (keys.length === 0) return undefined;
	const prefixes = cacheKeys(segment, keys);
	const key = prefixes[keys.length - 1]!;
	const hit = cache.get(key);
	if (hit) {
		// Most recently used last.
		cache.delete(key);
		cache.set(key, hit);
		return hit;
	}
	let start: Int32Array | undefined;
	let known = keys.length - 1;
	for (; known > 0; known--) {
		start = cache.get(prefixes[known - 1]!);
		if (start) break;
	}
	// On disk, whether every key is there at all is cheaper to learn than each key's count.
	if (segment.hasKey) for (let i = known; i < keys.length; i++) if (!segment.hasKey(keys[i]!)) return undefined;
	const found: number[] = [];
	for (let i = known; i < keys.length; i++) {
		const k = keyIndex(segment, keys[i]!);
		if (k < 0) return undefined;
		found.push(k);
	}
	found.sort((a, b) => segment.counts[a]! - segment.counts[b]!);
	let n: number;
	let from = 0;
	if (start) {
		if (scratch.length < start.length) scratch = new Int32Array(Math.max(start.length, scratch.length * 2));
		scratch.set(start);
		n = start.length;
	} else {
		const first = found[0]!;
		const size = segment.counts[first]!;
		if (scratch.length < size) scratch = new Int32Array(Math.max(size, scratch.length * 2));
		n = decodePostings(segment, first, scratch);
		from = 1;
	}
	for (let j = from; j < found.length && n > 0; j++) {
		const k = found[j]!;
		if (segment.counts[k]! > n * 32) break;
		n = intersectPostings(segment, k, scratch, n);
	}
	const candidates = scratch.slice(0, n);
	remember(key, candidates);
	return candidates;
}
