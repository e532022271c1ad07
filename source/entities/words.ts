// Thai word boundaries, on demand. Intl.Segmenter is super-linear on long strings and most of an
// article never needs words, so a rule asks for the boundaries of the one phrase (run of
// non-space text, at most MAX_PHRASE characters) around a position, and each phrase is segmented
// once. Boundaries tell where a name may start or end; the words themselves are only compared to
// word lists (stop words, verbs), never used as name units: unknown names come out as syllables.

import {boundedMemo} from '../text/memo.js';
import {pushWordStarts} from '../text/words.js';

const MAX_PHRASE = 240;

/**
 * Short phrases recur across articles (กล่าวว่า, นายกรัฐมนตรี, dates): their segment offsets are kept, as
 * each segmenter call costs several microseconds before it reads a letter. Bounded in count and in
 * phrase length, so memory stays flat on large corpora.
 */
const CACHED_PHRASE = 64;
const cachedOffsets = boundedMemo(computeOffsets, 20_000);

/** A phrase's offsets (see Phrase) from Intl.Segmenter: 0, where its words start after the first, its length. */
function computeOffsets(phrase: string): readonly number[] {
	const offsets = pushWordStarts(phrase, 0, [0]);
	offsets.push(phrase.length);
	return offsets;
}

/** The offsets of an empty phrase (a position between two spaces). */
const EMPTY_OFFSETS: readonly number[] = [0];

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
	offsets: readonly number[];
	/** Its start was found at a space or the text's start, not at the backward look's limit. */
	whole: boolean;
}

export class WordBoundaries {
	private readonly phrases = new Map<number, Phrase>();
	/**
	 * Most questions are about the phrase asked about last, or the one before it (a title's phrase
	 * and the name's after a space take turns): no scanning for them. The one before is only kept
	 * when it is a whole run (or a fixed piece of one) found from its start: inside a run longer than
	 * the backward look (4,000 characters) the phrase found depends on the position asked about.
	 */
	private last: Phrase | undefined;
	private before: Phrase | undefined;

	constructor(readonly text: string) {}

	/** The phrase holding position `pos` (a position at a phrase's end belongs to it). */
	phraseAt(pos: number): Phrase {
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

	private findPhrase(pos: number): Phrase {
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
		let offsets = EMPTY_OFFSETS;
		if (end > start) {
			const letters = text.slice(start, end);
			// A short phrase's offsets are the memo's array (no copy); a long one's are its own.
			offsets = letters.length <= CACHED_PHRASE ? cachedOffsets(letters) : computeOffsets(letters);
		}
		const phrase = {start, end, offsets, whole};
		this.phrases.set(start, phrase);
		return phrase;
	}

	/** True when a word starts or ends at `pos` (phrase edges count). */
	isBoundary(pos: number): boolean {
		if (pos <= 0 || pos >= this.text.length) return true;
		if (isSpace(this.text.charCodeAt(pos)) || isSpace(this.text.charCodeAt(pos - 1))) return true;
		const phrase = this.phraseAt(pos);
		return binaryIndex(phrase.offsets, pos - phrase.start) >= 0;
	}

	/** The word that starts at `pos` ('' when `pos` is not a word start). */
	wordAt(pos: number): string {
		const phrase = this.phraseAt(pos);
		const offsets = phrase.offsets;
		const i = binaryIndex(offsets, pos - phrase.start);
		if (i < 0 || i + 1 >= offsets.length) return '';
		return this.text.slice(pos, phrase.start + offsets[i + 1]!);
	}

	/** The word that ends at `pos` ('' when none). */
	wordBefore(pos: number): string {
		const phrase = this.phraseAt(pos);
		const i = binaryIndex(phrase.offsets, pos - phrase.start);
		if (i <= 0) return '';
		return this.text.slice(phrase.start + phrase.offsets[i - 1]!, pos);
	}

	/** Word boundaries in (from, to], in order. */
	boundsBetween(from: number, to: number): number[] {
		const phrase = this.phraseAt(from);
		const offsets = phrase.offsets;
		const start = phrase.start;
		const limit = Math.min(to, phrase.end) - start;
		const out: number[] = [];
		for (let k = firstAbove(offsets, from - start); k < offsets.length && offsets[k]! <= limit; k++) out.push(start + offsets[k]!);
		return out;
	}

	/** The first word boundary in (from, to], or -1: boundsBetween(from, to)[0] without the array. */
	firstBoundAfter(from: number, to: number): number {
		const phrase = this.phraseAt(from);
		const offsets = phrase.offsets;
		const i = firstAbove(offsets, from - phrase.start);
		if (i >= offsets.length) return -1;
		const b = phrase.start + offsets[i]!;
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

function binaryIndex(a: readonly number[], x: number): number {
	let lo = 0;
	let hi = a.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const v = a[mid]!;
		if (v === x) return mid;
		if (v < x) lo = mid + 1;
		else hi = mid - 1;
	}
	return -1;
}
