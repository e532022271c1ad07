// A segment is an immutable, searchable slice of the index: a thousand or so articles with their
// tone-less compact folded text, the tone marks taken out of it (kept aside, to tell exact matches
// from tone-insensitive ones), their passages and a trigram → passage posting table. Searching the
// tone-less text lets one indexOf of the whole tone-less query find every spelling of it. The index grows by
// sealing segments one after another, so it answers from what is indexed so far, and segments are
// the unit the cache stores and reuses.
import type {Article} from '../corpus/types.js';
import {foldInto, foldScratch, unitsToString} from '../text/fold.js';
import {passageStarts} from './passages.js';
import {KEY_BITS, KEY_SPACE, OVERLAP, TRIGRAM_CLASS} from './trigrams.js';

// The hot loops below inline rules from elsewhere: compact tones are U+00E7–00EC (trigrams.ts), a
// unit ≥ 256 has class 2 + unit % 8 and the key is hashTrigram of three classes (trigrams.ts), and
// postings are varints (postings.ts).
const TONE_FIRST = 0xe7;
const TONE_LAST = 0xec;

/** Passage flag: the passage is the article's title, which is not in its text (`source` offsets index `Article.title`). */
export const TITLE_SYNTHETIC = 1;
/** Passage flag: the passage holds the title's line inside the text. */
export const TITLE_IN_TEXT = 2;

/** Passage ids are Uint16 within a segment (0xffff is kept for "none"). */
export const MAX_SEGMENT_PASSAGES = 65_000;
const NONE = 0xffff;
/** Small enough to keep the builder's temporary arrays modest and to make progress visible often. */
export const MAX_SEGMENT_ARTICLES = 500;

/** Which of one file's articles a segment holds (for the cache: the segment is reusable while the file is unchanged). */
export interface SegmentFile {
	path: string;
	size: number;
	mtimeMs: number;
}

export interface Segment {
	/** Local article → ordinal in the index's article list. */
	ordinals: Int32Array;
	/** Local article → Article.id and its text and title lengths (a cheap identity check for the cache). */
	ids: string[];
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
}

export function passageCount(segment: Segment): number {
	return segment.passageStart.length;
}

/** End of passage p in its article's folded string. */
export function passageEnd(segment: Segment, p: number): number {
	const a = segment.passageArticle[p]!;
	return p + 1 < segment.articlePassages[a + 1]! ? segment.passageStart[p + 1]! : segment.folded[a]!.length;
}

/** Index of a trigram key in `segment.keys`, or -1. */
export function keyIndex(segment: Segment, key: number): number {
	const keys = segment.keys;
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
	/** Makes room for `n` more values. */
	reserve(n: number): void {
		if (this.length + n <= this.data.length) return;
		const next = new Int32Array(Math.max(this.length + n, this.data.length * 2));
		next.set(this.data.subarray(0, this.length));
		this.data = next;
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
	/** Key → last passage it was seen in, NONE for none (flat: keys are KEY_BITS bits; small, to stay in cache). */
	readonly lastPassage = new Uint16Array(KEY_SPACE).fill(NONE);
	/** Trigram keys, deduplicated per passage. */
	readonly occ = new GrowableInt32();
	/** The distinct keys seen, in order of first sight. */
	readonly touched = new GrowableInt32();
	/** Sealing: (low key bits, passage) pairs bucketed by high key bits, and the passages grouped by key. */
	pairs = new Uint32Array(0);
	grouped = new Uint16Array(0);
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
	// Only the keys that were touched need resetting.
	const touched = w.touched.view();
	for (let i = 0; i < touched.length; i++) w.lastPassage[touched[i]!] = NONE;
	w.occ.length = 0;
	w.touched.length = 0;
	spare = w;
}

/** Lets the builder's temporary arrays go once the index is complete. */
export function releaseBuildMemory(): void {
	spare = undefined;
}

/** Where the title sits in the text, if the text holds it near its start (a .txt/.md title line). */
function titleInText(article: Article): number {
	if (article.title.trim() === '') return -1;
	const head = article.text.length > 2000 ? article.text.slice(0, 2000) : article.text;
	return head.indexOf(article.title);
}

/** Accumulates articles into one segment; `seal` freezes it. */
export class SegmentBuilder {
	private readonly ordinals: number[] = [];
	private readonly ids: string[] = [];
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
	/** Passage p's trigram keys are workspace.occ[passageOcc[p], passageOcc[p + 1]). */
	private readonly passageOcc: number[] = [0];
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
		this.ids.push(article.id);
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
		if (titleAt < 0 && title.trim() !== '') {
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
			const flags = titleAt >= 0 && from < titleAt + title.length && to > titleAt ? TITLE_IN_TEXT : 0;
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
			this.passageOcc.push(this.workspace.occ.length);
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
		const last = this.workspace.lastPassage;
		const occ = this.workspace.occ;
		const touched = this.workspace.touched;
		const stop = Math.min(articleEnd, end + OVERLAP);
		// At most one key per unit: make room once, then write without bounds checks.
		occ.reserve(stop - from);
		const data = occ.data;
		let n = occ.length;
		let classes = 0;
		let have = 0;
		for (let i = from; i < stop; i++) {
			const u = units[i]!;
			classes = ((classes << 7) | (u < 256 ? cls[u]! : 2 + (u % 8))) & 0x1fffff;
			if (++have < 3) continue;
			const key = Math.imul(classes, 0x9e3779b1) >>> shift; // = hashTrigram(classes)
			const seen = last[key]!;
			if (seen === passage) continue;
			if (seen === NONE) touched.push(key);
			last[key] = passage;
			data[n++] = key;
		}
		occ.length = n;
	}

	seal(files: SegmentFile[]): Segment {
		const occ = this.workspace.occ.view();
		const passages = this.passageStart.length;
		// Group the passages by key, keys ascending, passages ascending within a key. A counting sort
		// over all keys would scatter writes across megabytes; two cache-friendly passes instead:
		// bucket by the high key bits (256 streams), then count-sort each bucket by the low bits.
		const lowBits = KEY_BITS - 8;
		const lowMask = (1 << lowBits) - 1;
		const w = this.workspace;
		if (w.pairs.length < occ.length) {
			w.pairs = new Uint32Array(Math.ceil(occ.length * 1.25));
			w.grouped = new Uint16Array(w.pairs.length);
		}
		const pairs = w.pairs;
		const grouped = w.grouped;
		const bucketStart = new Uint32Array(257);
		for (let i = 0; i < occ.length; i++) bucketStart[(occ[i]! >>> lowBits) + 1]!++;
		for (let b = 0; b < 256; b++) bucketStart[b + 1]! += bucketStart[b]!;
		const bucketAt = bucketStart.slice(0, 256);
		for (let p = 0; p < passages; p++) {
			for (let i = this.passageOcc[p]!, end = this.passageOcc[p + 1]!; i < end; i++) {
				const key = occ[i]!;
				pairs[bucketAt[key >>> lowBits]!++] = ((key & lowMask) << 16) | p;
			}
		}
		const lowCounts = new Uint32Array(1 << lowBits);
		const keyList: number[] = [];
		const countList: number[] = [];
		for (let b = 0; b < 256; b++) {
			const from = bucketStart[b]!;
			const to = bucketStart[b + 1]!;
			if (from === to) continue;
			lowCounts.fill(0);
			for (let i = from; i < to; i++) lowCounts[pairs[i]! >>> 16]!++;
			let at = from;
			for (let low = 0; low <= lowMask; low++) {
				const n = lowCounts[low]!;
				if (n === 0) continue;
				keyList.push((b << lowBits) | low);
				countList.push(n);
				lowCounts[low] = at;
				at += n;
			}
			for (let i = from; i < to; i++) {
				const pair = pairs[i]!;
				grouped[lowCounts[pair >>> 16]!++] = pair & 0xffff;
			}
		}
		const keys = Int32Array.from(keyList);
		const keyCounts = Uint32Array.from(countList);
		const present = keys.length;
		// Varints into the workspace (a delta takes at most 3 bytes), then copied out at their size.
		if (w.encoded.length < occ.length * 3) w.encoded = new Uint8Array(Math.ceil(occ.length * 3.75));
		const encoded = w.encoded;
		const offsets = new Uint32Array(present + 1);
		let b = 0;
		for (let r = 0, g = 0; r < present; r++) {
			offsets[r] = b;
			let prev = -1;
			for (const end = g + keyCounts[r]!; g < end; g++) {
				let value = grouped[g]! - prev;
				while (value >= 0x80) {
					encoded[b++] = (value & 0x7f) | 0x80;
					value >>>= 7;
				}
				encoded[b++] = value;
				prev = grouped[g]!;
			}
		}
		offsets[present] = b;
		const postings = encoded.slice(0, b);
		returnWorkspace(this.workspace);
		return {
			ordinals: Int32Array.from(this.ordinals),
			ids: this.ids,
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
