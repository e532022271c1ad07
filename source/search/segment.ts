// A segment is an immutable, searchable slice of the index: a thousand or so articles with their
// tone-less compact folded text, the tone marks taken out of it (kept aside, to tell exact matches
// from tone-insensitive ones), their passages and a trigram → passage posting table. Searching the
// tone-less text lets one indexOf of the whole tone-less query find every spelling of it. The index grows by
// sealing segments one after another, so it answers from what is indexed so far, and segments are
// the unit the cache stores and reuses.
import type {Article} from '../corpus/types.js';
import {foldInto, foldScratch, unitsToString} from '../text/fold.js';
import {passageStarts} from './passages.js';
import {KEY_BITS, OVERLAP, TRIGRAM_CLASS} from './trigrams.js';

// The hot loops below inline rules from elsewhere: compact tones are U+00E7–00EC (trigrams.ts), a
// unit ≥ 256 has class 2 + unit % 8 and the key is hashTrigram of three classes (trigrams.ts), and
// postings are varints (postings.ts).
const TONE_FIRST = 0xe7;
const TONE_LAST = 0xec;

/** Passage flag: the passage is the article's title, which is not in its text (`source` offsets index `Article.title`). */
export const TITLE_SYNTHETIC = 1;
/** Passage flag: the passage holds the title's line inside the text. */
export const TITLE_IN_TEXT = 2;

/** Passage ids are Uint16 within a segment. */
export const MAX_SEGMENT_PASSAGES = 65_000;
/** Small enough to keep the builder's temporary arrays modest and to make progress visible often. */
export const MAX_SEGMENT_ARTICLES = 500;

/** Which of one file's articles a segment holds (for the cache: the segment is reusable while the file is unchanged). */
export interface SegmentFile {
	path: string;
	size: number;
	/** Device, inode, mtime and ctime (see statFiles in cache.ts). */
	stamp: string;
}

export interface Segment {
	/** Local article → ordinal in the index's article list. */
	ordinals: Int32Array;
	/** Local article → its text and title lengths. */
	textLengths: Int32Array;
	titleLengths: Int32Array;
	/**
	 * Local article → tone-less compact fold: [title fold, '\n'] then the text's passages' folds,
	 * with the tone marks (่ ้ ๊ ๋ ็ ์) taken out.
	 */
	folded: string[];
	/**
	 * The tone marks taken out: article `local` has marks [articleTones[local], articleTones[local + 1]);
	 * mark k (compact unit toneMark[k]) stood after tonePos[k] tone-less units of the article.
	 */
	articleTones: Int32Array;
	tonePos: Int32Array;
	toneMark: Uint8Array;
	/** Local article a owns passages [articlePassages[a], articlePassages[a + 1]). */
	articlePassages: Int32Array;
	/** Passage → local article. */
	passageArticle: Uint16Array;
	/** Passage → start in its article's (tone-less) folded string. */
	passageStart: Int32Array;
	/** Passage → start in its source (Article.text, or Article.title for TITLE_SYNTHETIC). */
	passageSource: Int32Array;
	passageFlags: Uint8Array;
	/**
	 * Sorted trigram keys; key k's passages, ascending, are delta-coded varints in
	 * postings[offsets[k], offsets[k + 1]), counts[k] of them.
	 */
	keys: Int32Array;
	offsets: Uint32Array;
	counts: Uint32Array;
	postings: Uint8Array;
	/** The files whose articles the segment holds, with the stats they had; [] when not cacheable. */
	files: SegmentFile[];
	/**
	 * A segment searched on disk (disk-segment.ts) reads a key's postings on first use: `keys` is
	 * then only the dictionary, and this gives the key's index into offsets and counts.
	 */
	lookUpKey?(key: number): number;
	/** A segment searched on disk tells whether it has a key more cheaply than it looks the key up. */
	hasKey?(key: number): boolean;
	/** A segment searched on disk reads key index k's postings when they are first decoded: the bytes of its run and where it lies in them. */
	postingsRun?(k: number): {bytes: Uint8Array; at: number; end: number};
	/** A segment searched on disk reads one article's tone marks on demand (not the segment's whole arrays). */
	tonesOf?(local: number): {pos: Int32Array; mark: Uint8Array; from: number; to: number};
	/** A segment searched on disk knows how many passages it holds before it reads its passage arrays. */
	readonly passages?: number;
	/** A segment searched on disk knows an article's folded length without reading its text. */
	foldedLength?(local: number): number;
	/** A segment searched on disk reads units [from, to) of an article's folded text alone, unless it holds the whole. */
	foldedPiece?(local: number, from: number, to: number): string;
}

/** Length of article `local`'s folded string. */
export function foldedLength(segment: Segment, local: number): number {
	return segment.foldedLength ? segment.foldedLength(local) : segment.folded[local]!.length;
}

/** Units [from, to) of article `local`'s folded string (within its length). */
export function foldedPiece(segment: Segment, local: number, from: number, to: number): string {
	return segment.foldedPiece ? segment.foldedPiece(local, from, to) : segment.folded[local]!.slice(from, to);
}

export function passageCount(segment: Segment): number {
	return segment.passages ?? segment.passageStart.length;
}

/** End of passage p in its article's folded string. */
export function passageEnd(segment: Segment, p: number): number {
	const a = segment.passageArticle[p]!;
	return p + 1 < segment.articlePassages[a + 1]! ? segment.passageStart[p + 1]! : foldedLength(segment, a);
}

/** Index of a trigram key in `segment.keys`, or -1. */
export function keyIndex(segment: Segment, key: number): number {
	if (segment.lookUpKey) return segment.lookUpKey(key);
	return sortedIndexOf(segment.keys, key);
}

/** Index of `key` in the ascending `keys`, or -1. */
export function sortedIndexOf(keys: Int32Array, key: number): number {
	let lo = 0;
	let hi = keys.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >>> 1;
		const k = keys[mid]!;
		if (k < key) lo = mid + 1;
		else if (k > key) hi = mid - 1;
		else return mid;
	}
	return -1;
}

class GrowableInt32 {
	data = new Int32Array(1024);
	length = 0;
	push(v: number): void {
		if (this.length === this.data.length) {
			const next = new Int32Array(this.data.length * 2);
			next.set(this.data);
			this.data = next;
		}
		this.data[this.length++] = v;
	}
	view(): Int32Array {
		return this.data.subarray(0, this.length);
	}
}

/**
 * The builder's large temporary arrays, kept between segments so that building ten segments does
 * not allocate (and leave in RSS) ten sets of them. One builder at a time borrows the spare set.
 */
class Workspace {
	/**
	 * The segment's (trigram key, passage) pairs, bucketed by the key's high 8 bits as they come:
	 * bucket b holds (low key bits << 16 | passage) in buckets[b][0, bucketLength[b]). Passages
	 * arrive in order, so each bucket is sorted by passage; sealing sorts each by key.
	 */
	readonly buckets: Uint32Array[] = Array.from({length: 256}, () => new Uint32Array(1024));
	readonly bucketLength = new Uint32Array(256);
	/** Sealing: one bucket's passages grouped by key, and the encoded postings. */
	grouped = new Uint16Array(1024);
	encoded = new Uint8Array(0);
}

let spare: Workspace | undefined;
/** Scratch for an article's tone-less text as bytes. */
let bytes = Buffer.allocUnsafeSlow(1 << 16);

function borrowWorkspace(): Workspace {
	const w = spare ?? new Workspace();
	spare = undefined;
	return w;
}

function returnWorkspace(w: Workspace): void {
	w.bucketLength.fill(0);
	spare = w;
}

/** Lets the builder's temporary arrays go once the index is complete. */
export function releaseBuildMemory(): void {
	spare = undefined;
}

/**
 * Where the title sits in the text, if the text holds it near its start (a .txt/.md title line),
 * and how long it is there. A title cut short with … (a long first line) is found by what precedes
 * the …: indexing it apart as well would give every match in it twice.
 */
function titleInText(article: Article): {at: number; length: number} | undefined {
	const title = article.title.endsWith('…') ? article.title.slice(0, -1).trimEnd() : article.title;
	if (title.trim() === '') return undefined;
	const head = article.text.length > 2000 ? article.text.slice(0, 2000) : article.text;
	const at = head.indexOf(title);
	return at < 0 ? undefined : {at, length: title.length};
}

/** Accumulates articles into one segment; `seal` freezes it. */
export class SegmentBuilder {
	private readonly ordinals: number[] = [];
	private readonly textLengths: number[] = [];
	private readonly titleLengths: number[] = [];
	private readonly folded: string[] = [];
	private readonly articleTones: number[] = [0];
	private readonly tonePos = new GrowableInt32();
	private readonly toneMark = new GrowableInt32();
	private readonly articlePassages: number[] = [0];
	private readonly passageArticle = new GrowableInt32();
	private readonly passageStart = new GrowableInt32();
	private readonly passageSource = new GrowableInt32();
	private readonly passageFlags: number[] = [];
	private readonly workspace = borrowWorkspace();
	private readonly starts: number[] = [];
	private readonly sourceStarts: number[] = [];

	get articleCount(): number {
		return this.ordinals.length;
	}

	get passageCount(): number {
		return this.passageStart.length;
	}

	/** True when the segment has its articles, or another might overflow its Uint16 passage ids. */
	get full(): boolean {
		return this.ordinals.length >= this.maxArticles || this.passageStart.length >= MAX_SEGMENT_PASSAGES - 2_000;
	}

	constructor(private readonly maxArticles = MAX_SEGMENT_ARTICLES) {}

	add(article: Article, ordinal: number): void {
		const local = this.ordinals.length;
		this.ordinals.push(ordinal);
		this.textLengths.push(article.text.length);
		this.titleLengths.push(article.title.length);
		const text = article.text;
		const title = article.title;
		const titleAt = titleInText(article);
		const out = foldScratch(title.length + text.length + 1);
		let o = 0;
		const firstPassage = this.passageStart.length;
		const tonedStarts = this.starts;
		tonedStarts.length = 0;
		if (!titleAt && title.trim() !== '') {
			this.pushPassage(local, 0, 0, TITLE_SYNTHETIC);
			tonedStarts.push(0);
			o = foldInto(title, 0, title.length, out, 0, true);
			out[o++] = 0x0a;
		}
		const sourceStarts = this.sourceStarts;
		sourceStarts.length = 0;
		passageStarts(text, 0, text.length, sourceStarts);
		for (let k = 0; k < sourceStarts.length; k++) {
			const from = sourceStarts[k]!;
			const to = k + 1 < sourceStarts.length ? sourceStarts[k + 1]! : text.length;
			const flags = titleAt && from < titleAt.at + titleAt.length && to > titleAt.at ? TITLE_IN_TEXT : 0;
			this.pushPassage(local, 0, from, flags);
			tonedStarts.push(o);
			o = foldInto(text, from, to, out, o, true);
		}
		// Take the tone marks out (in place: the tone-less text is never longer), noting where each
		// stood, and move the passage starts to tone-less offsets.
		const passageStart = this.passageStart.data;
		if (bytes.length < o) bytes = Buffer.allocUnsafeSlow(Math.max(o, bytes.length * 2));
		let t = 0;
		let next = 0;
		let wide = 0;
		for (let i = 0; i < o; i++) {
			while (next < tonedStarts.length && tonedStarts[next] === i) passageStart[firstPassage + next++] = t;
			const u = out[i]!;
			if (u >= TONE_FIRST && u <= TONE_LAST) {
				this.tonePos.push(t);
				this.toneMark.push(u);
			} else {
				bytes[t] = u;
				wide |= u;
				out[t++] = u;
			}
		}
		while (next < tonedStarts.length) passageStart[firstPassage + next++] = t;
		this.articleTones.push(this.tonePos.length);
		const lastPassage = this.passageStart.length;
		this.articlePassages.push(lastPassage);
		// One byte a character (a V8 one-byte string) unless some unit is above 255.
		this.folded.push(wide > 0xff ? unitsToString(out, 0, t) : bytes.toString('latin1', 0, t));
		for (let p = firstPassage; p < lastPassage; p++) {
			const end = p + 1 < lastPassage ? passageStart[p + 1]! : t;
			this.addTrigrams(out, passageStart[p]!, end, t, p);
		}
	}

	private pushPassage(local: number, foldedStart: number, sourceStart: number, flags: number): void {
		this.passageArticle.push(local);
		this.passageStart.push(foldedStart);
		this.passageSource.push(sourceStart);
		this.passageFlags.push(flags);
	}

	private addTrigrams(units: Uint16Array, from: number, end: number, articleEnd: number, passage: number): void {
		const cls = TRIGRAM_CLASS;
		const shift = 32 - KEY_BITS;
		const lowBits = KEY_BITS - 8;
		const lowMask = (1 << lowBits) - 1;
		const {buckets, bucketLength} = this.workspace;
		const stop = Math.min(articleEnd, end + OVERLAP);
		let classes = 0;
		let have = 0;
		// A key repeated within a passage is dropped when sealing: a table of the last passage per key
		// would drop it here, but repeats are rare and that table's random accesses cost more.
		for (let i = from; i < stop; i++) {
			const u = units[i]!;
			classes = ((classes << 7) | (u < 256 ? cls[u]! : 2 + (u % 8))) & 0x1fffff;
			if (++have < 3) continue;
			const key = Math.imul(classes, 0x9e3779b1) >>> shift; // = hashTrigram(classes)
			const b = key >>> lowBits;
			let bucket = buckets[b]!;
			const n = bucketLength[b]!;
			if (n === bucket.length) {
				const bigger = new Uint32Array(n * 2);
				bigger.set(bucket);
				bucket = buckets[b] = bigger;
			}
			bucket[n] = ((key & lowMask) << 16) | passage;
			bucketLength[b] = n + 1;
		}
	}

	seal(files: SegmentFile[]): Segment {
		// Group each bucket's passages by key (a counting sort on the low key bits, small enough for the
		// CPU cache), keys ascending, passages ascending within a key, then write the postings.
		const lowBits = KEY_BITS - 8;
		const lowMask = (1 << lowBits) - 1;
		const w = this.workspace;
		let total = 0;
		let largest = 0;
		for (let b = 0; b < 256; b++) {
			total += w.bucketLength[b]!;
			largest = Math.max(largest, w.bucketLength[b]!);
		}
		if (w.grouped.length < largest) w.grouped = new Uint16Array(largest);
		const grouped = w.grouped;
		// Varints: a delta takes at most 3 bytes but about 1.2 on average; the buffer starts at 1.5 a
		// pair and grows when a bucket could overflow it.
		if (w.encoded.length < total * 1.5) w.encoded = new Uint8Array(Math.ceil(total * 1.75) + 64);
		let encoded = w.encoded;
		const lowCounts = new Uint32Array(1 << lowBits);
		const keyList: number[] = [];
		const countList: number[] = [];
		const offsetList: number[] = [];
		let at = 0;
		for (let b = 0; b < 256; b++) {
			const size = w.bucketLength[b]!;
			if (size === 0) continue;
			const bucket = w.buckets[b]!;
			if (at + size * 3 > encoded.length) {
				const bigger = new Uint8Array(Math.max(encoded.length * 2, at + size * 3));
				bigger.set(encoded.subarray(0, at));
				encoded = w.encoded = bigger;
			}
			lowCounts.fill(0);
			for (let i = 0; i < size; i++) lowCounts[bucket[i]! >>> 16]!++;
			let start = 0;
			for (let low = 0; low <= lowMask; low++) {
				const n = lowCounts[low]!;
				lowCounts[low] = start;
				start += n;
			}
			for (let i = 0; i < size; i++) {
				const pair = bucket[i]!;
				grouped[lowCounts[pair >>> 16]!++] = pair & 0xffff;
			}
			// lowCounts[low] is now the end of key low's group.
			let g = 0;
			for (let low = 0; low <= lowMask; low++) {
				const groupEnd = lowCounts[low]!;
				if (g === groupEnd) continue;
				keyList.push((b << lowBits) | low);
				offsetList.push(at);
				let prev = -1;
				let n = 0;
				for (; g < groupEnd; g++) {
					const passage = grouped[g]!;
					if (passage === prev) continue; // a repeat within the passage
					n++;
					let value = passage - prev;
					while (value >= 0x80) {
						encoded[at++] = (value & 0x7f) | 0x80;
						value >>>= 7;
					}
					encoded[at++] = value;
					prev = passage;
				}
				countList.push(n);
			}
		}
		offsetList.push(at);
		const keys = Int32Array.from(keyList);
		const keyCounts = Uint32Array.from(countList);
		const offsets = Uint32Array.from(offsetList);
		const postings = encoded.slice(0, at);
		returnWorkspace(this.workspace);
		return {
			ordinals: Int32Array.from(this.ordinals),
			textLengths: Int32Array.from(this.textLengths),
			titleLengths: Int32Array.from(this.titleLengths),
			folded: this.folded,
			articleTones: Int32Array.from(this.articleTones),
			tonePos: this.tonePos.view().slice(),
			toneMark: Uint8Array.from(this.toneMark.view()),
			articlePassages: Int32Array.from(this.articlePassages),
			passageArticle: Uint16Array.from(this.passageArticle.view()),
			passageStart: this.passageStart.view().slice(),
			passageSource: this.passageSource.view().slice(),
			passageFlags: Uint8Array.from(this.passageFlags),
			keys,
			offsets,
			counts: keyCounts,
			postings,
			files,
		};
	}
}
