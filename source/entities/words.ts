// Thai word boundaries, on demand. Intl.Segmenter is super-linear on long strings and most of an
// article never needs words, so a rule asks for the boundaries of the one phrase (run of
// non-space text, at most MAX_PHRASE characters) around a position, and each phrase is segmented
// once. Boundaries tell where a name may start or end; the words themselves are only compared to
// word lists (stop words, verbs), never used as name units: unknown names come out as syllables.

import {boundedMemo} from '../text/memo.js';
import {pushSegmentStarts, wordSegmenter} from '../text/words.js';

const MAX_PHRASE = 240;

/**
 * Short phrases recur across articles (กล่าวว่า, นายกรัฐมนตรี, dates): what is known of their words is
 * kept, as each segmenter call costs several microseconds before it reads a letter. Bounded in count
 * and in phrase length, so memory stays flat on large corpora.
 */
const CACHED_PHRASE = 64;
const cachedWords = boundedMemo((): KnownWords => ({all: undefined, asked: []}), 20_000);

/**
 * What is known of a phrase's words: all its offsets (see Phrase) once walked, or until then the
 * segments asked about, as (start, end) offset pairs. Shared by every phrase of the same letters.
 */
interface KnownWords {
	all: readonly number[] | undefined;
	asked: number[];
}

/** An empty phrase's (a position between two spaces). */
const EMPTY_WORDS: KnownWords = {all: [0], asked: []};

export function isSpace(code: number): boolean {
	return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

export interface Phrase {
	start: number;
	end: number;
	/**
	 * Segment boundaries as offsets from `start`, ascending, 0 and end - start included (just [0]
	 * when the phrase is empty). Relative, so that a short phrase's are the memo's own array,
	 * shared by every phrase of the same letters: read only.
	 */
	readonly offsets: readonly number[];
	/** Its start was found at a space or the text's start, not at the backward look's limit. */
	whole: boolean;
}

/**
 * A phrase is segmented where it is asked about, not walked from its start: on thaigov-2k a phrase
 * has 5 segments on average and is asked about at 3 places (one over CACHED_PHRASE characters: 20
 * and 4), and each segment `containing()` gives is an object V8 builds property by property (about
 * half of segmenting's time; ICU's dictionary, the other half, is paid once a phrase either way).
 * The same boundaries: ICU keeps the dictionary's breaks of the text it was given, and asked at any
 * place in any order it gives the walk's segments (checked at 12 random places of every long phrase
 * of thaigov-2k, wisesight and ThaiNER, and in word-boundaries.test.ts). Past this many segments
 * asked the phrase is walked once and searched, so that a question never scans a long list.
 */
const ASKED_SEGMENTS = 32;

class PhraseWords implements Phrase {
	/** ICU's segments of the letters, made at the first question known words do not answer. */
	private segments: Intl.Segments | undefined;
	/** The segment `cover` found: [a, b) as offsets. */
	a = 0;
	b = 0;

	constructor(
		readonly start: number,
		readonly end: number,
		readonly whole: boolean,
		private readonly letters: string,
		private readonly known: KnownWords,
	) {}

	get offsets(): readonly number[] {
		const known = this.known;
		if (known.all === undefined) {
			this.segments ??= wordSegmenter().segment(this.letters);
			const offsets = pushSegmentStarts(this.segments, this.letters.length, 0, [0]);
			offsets.push(this.letters.length);
			known.all = offsets;
			known.asked = [];
		}
		return known.all;
	}

	/** Sets a and b to the segment holding offset k (0 <= k < end - start). */
	cover(k: number): void {
		const all = this.known.all;
		if (all !== undefined) {
			const i = firstAbove(all, k);
			this.a = all[i - 1]!;
			this.b = all[i]!;
			return;
		}
		const asked = this.known.asked;
		for (let j = 0; j < asked.length; j += 2) {
			if (k >= asked[j]! && k < asked[j + 1]!) {
				this.a = asked[j]!;
				this.b = asked[j + 1]!;
				return;
			}
		}
		if (asked.length >= ASKED_SEGMENTS * 2) {
			// Asked all over: walked once, then read by binary search.
			void this.offsets;
			this.cover(k);
			return;
		}
		this.segments ??= wordSegmenter().segment(this.letters);
		const s = this.segments.containing(k)!;
		this.a = s.index;
		this.b = s.index + s.segment.length;
		asked.push(this.a, this.b);
	}
}

export class WordBoundaries {
	private readonly phrases = new Map<number, PhraseWords>();
	/**
	 * Most questions are about the phrase asked about last, or the one before it (a title's phrase
	 * and the name's after a space take turns): no scanning for them. The one before is only kept
	 * when it is a whole run (or a fixed piece of one) found from its start: inside a run longer than
	 * the backward look (4,000 characters) the phrase found depends on the position asked about.
	 */
	private last: PhraseWords | undefined;
	private before: PhraseWords | undefined;

	constructor(readonly text: string) {}

	/** The phrase holding position `pos` (a position at a phrase's end belongs to it). */
	phraseAt(pos: number): Phrase {
		return this.phraseWordsAt(pos);
	}

	private phraseWordsAt(pos: number): PhraseWords {
		const last = this.last;
		if (last !== undefined && pos > last.start && pos < last.end) return last;
		const before = this.before;
		if (before !== undefined && pos > before.start && pos < before.end) {
			this.before = last !== undefined && last.whole ? last : undefined;
			this.last = before;
			return before;
		}
		const phrase = this.findPhrase(pos);
		if (phrase !== last) this.before = last !== undefined && last.whole ? last : undefined;
		this.last = phrase;
		return phrase;
	}

	private findPhrase(pos: number): PhraseWords {
		const text = this.text;
		let runStart = pos;
		const floor = Math.max(0, pos - 4000);
		while (runStart > floor && !isSpace(text.charCodeAt(runStart - 1))) runStart--;
		// A very long run without spaces is cut into fixed pieces so every position maps to one.
		const start = runStart + Math.floor((pos - runStart) / MAX_PHRASE) * MAX_PHRASE;
		let end = pos;
		const ceil = Math.min(text.length, start + MAX_PHRASE);
		while (end < ceil && !isSpace(text.charCodeAt(end))) end++;
		const cached = this.phrases.get(start);
		if (cached !== undefined && cached.end === end) return cached;
		const whole = runStart === 0 || isSpace(text.charCodeAt(runStart - 1));
		const letters = end > start ? text.slice(start, end) : '';
		// A short phrase's words are the memo's (no copy); a long one's its own.
		const known = end === start ? EMPTY_WORDS : letters.length <= CACHED_PHRASE ? cachedWords(letters) : {all: undefined, asked: []};
		const phrase = new PhraseWords(start, end, whole, letters, known);
		this.phrases.set(start, phrase);
		return phrase;
	}

	/** True when a word starts or ends at `pos` (phrase edges count). */
	isBoundary(pos: number): boolean {
		if (pos <= 0 || pos >= this.text.length) return true;
		if (isSpace(this.text.charCodeAt(pos)) || isSpace(this.text.charCodeAt(pos - 1))) return true;
		const phrase = this.phraseWordsAt(pos);
		const k = pos - phrase.start;
		if (k <= 0 || k >= phrase.end - phrase.start) return true;
		phrase.cover(k);
		return phrase.a === k;
	}

	/** The word that starts at `pos` ('' when `pos` is not a word start). */
	wordAt(pos: number): string {
		const phrase = this.phraseWordsAt(pos);
		const k = pos - phrase.start;
		if (k >= phrase.end - phrase.start) return '';
		phrase.cover(k);
		return phrase.a === k ? this.text.slice(pos, phrase.start + phrase.b) : '';
	}

	/** The word that ends at `pos` ('' when none). */
	wordBefore(pos: number): string {
		const phrase = this.phraseWordsAt(pos);
		const k = pos - phrase.start;
		if (k <= 0) return '';
		phrase.cover(k - 1);
		return phrase.b === k ? this.text.slice(phrase.start + phrase.a, pos) : '';
	}

	/** Word boundaries in (from, to], in order. */
	boundsBetween(from: number, to: number): number[] {
		const phrase = this.phraseWordsAt(from);
		const start = phrase.start;
		const length = phrase.end - start;
		const limit = Math.min(to, phrase.end) - start;
		const out: number[] = [];
		for (let k = from - start; k < length; k = phrase.b) {
			phrase.cover(k);
			if (phrase.b > limit) break;
			out.push(start + phrase.b);
		}
		return out;
	}

	/** The first word boundary in (from, to], or -1: boundsBetween(from, to)[0] without the array. */
	firstBoundAfter(from: number, to: number): number {
		const phrase = this.phraseWordsAt(from);
		const k = from - phrase.start;
		if (k >= phrase.end - phrase.start) return -1;
		phrase.cover(k);
		const b = phrase.start + phrase.b;
		return b <= Math.min(to, phrase.end) ? b : -1;
	}
}

/** Index of the first element of the ascending `a` greater than `x` (a.length when none). */
function firstAbove(a: readonly number[], x: number): number {
	let lo = 0;
	let hi = a.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (a[mid]! <= x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
