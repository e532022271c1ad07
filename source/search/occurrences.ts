// Where one spelling of a word occurs in the articles of a segment: in each article its first
// OCCURRENCES_PER_TERM matches in text order, each after the end of the one before, with the
// passage each starts in. An article is searched the first time a stage asks about it, and what was
// found is kept across stages and keystrokes: typing a second word does not search the articles
// again for the first, and the fuzzy and partial-match stages reuse what the exact stage found.
// How good a match is (exact, tone-insensitive, inside a cluster) is left for the caller to work out
// when it needs it, since most matches never make a result; only a near spelling's, which decides
// whether the match counts at all, is worked out here.
import {kindRank, matchKind} from './classify.js';
import {tonesOf} from './exact.js';
import {tonesEqual, type Tones} from './match.js';
import {candidatePassages} from './postings.js';
import type {Pattern} from './query.js';
import {passageEnd, type Segment} from './segment.js';

/** Occurrences of one word looked at per article (a common word can be there hundreds of times). */
export const OCCURRENCES_PER_TERM = 16;
/** The kind of a match not worked out yet. */
export const UNKNOWN_KIND = 255;
const PARTIAL = kindRank('partial');
const FUZZY = kindRank('fuzzy');

/** What is kept across keystrokes, in bytes (a common word's matches in 10,000 articles take about 100 KB). */
const MEMO_BUDGET = 8 << 20;

/** The rank (kindRank) of the match of `pattern` at `text[at, at + its length)`. */
export function kindAt(text: string, at: number, pattern: Pattern, tones: Tones): number {
	const end = at + pattern.toneless.length;
	return kindRank(matchKind(text, at, end, tonesEqual(tones, at, end, pattern)));
}

export class SpellingOccurrences {
	/** Per local article: how many matches (-1: not searched yet), and where its first is in the arrays below. */
	readonly count: Int8Array;
	readonly first: Int32Array;
	start = new Int32Array(256);
	passage = new Int32Array(256);
	/** Kind ranks: worked out for near spellings only (UNKNOWN_KIND otherwise). */
	kind = new Uint8Array(256);
	n = 0;
	/**
	 * The passages matches can start in (from the postings; undefined when the spelling has no
	 * trigrams, so it may be anywhere), and how far the articles searched so far have used them.
	 */
	readonly candidates: Int32Array | undefined;
	private cursor = 0;
	/** In the memo (its growth counts against the budget). */
	kept = false;
	/** Articles searched so far (each once). */
	searched = 0;

	constructor(
		readonly segment: Segment,
		readonly pattern: Pattern,
		readonly errors: number,
		anywhere: boolean,
	) {
		const articles = segment.ordinals.length;
		this.count = new Int8Array(articles).fill(-1);
		this.first = new Int32Array(articles);
		this.candidates = anywhere || pattern.trigrams.length === 0 ? undefined : (candidatePassages(segment, pattern.trigrams) ?? new Int32Array(0));
	}

	bytes(): number {
		return this.count.length * 5 + this.start.length * 9 + (this.candidates?.length ?? 0) * 4;
	}

	/** How many matches article `local` holds (up to OCCURRENCES_PER_TERM), searching it if not done yet. */
	in(local: number): number {
		const known = this.count[local]!;
		if (known >= 0) return known;
		this.first[local] = this.n;
		this.searched++;
		this.count[local] = this.search(local);
		return this.count[local]!;
	}

	private add(at: number, passage: number, local: number, text: string): boolean {
		let kind = UNKNOWN_KIND;
		// A near spelling inside a longer cluster is not the word that was meant.
		if (this.errors > 0) {
			if (kindAt(text, at, this.pattern, tonesOf(this.segment, local)) === PARTIAL) return false;
			kind = FUZZY;
		}
		if (this.n === this.start.length) this.grow();
		this.start[this.n] = at;
		this.passage[this.n] = passage;
		this.kind[this.n++] = kind;
		return true;
	}

	private grow(): void {
		const size = this.n * 2;
		const start = new Int32Array(size);
		const passage = new Int32Array(size);
		const kind = new Uint8Array(size);
		start.set(this.start);
		passage.set(this.passage);
		kind.set(this.kind);
		if (this.kept) memoBytes += (size - this.n) * 9;
		this.start = start;
		this.passage = passage;
		this.kind = kind;
	}

	/**
	 * With candidates only their passages are searched (a match starts only in a passage whose
	 * trigrams it holds): a rare word in a long article costs its few passages, not the article.
	 */
	private search(local: number): number {
		const {segment, pattern, candidates} = this;
		const text = segment.folded[local]!;
		const word = pattern.toneless;
		const length = word.length;
		const first = segment.articlePassages[local]!;
		const last = segment.articlePassages[local + 1]!;
		let found = 0;
		if (length === 0) return 0;
		if (!candidates) {
			// Matches come in text order: the passage holding each is found walking on from the last.
			let p = first;
			for (let at = text.indexOf(word); at >= 0 && found < OCCURRENCES_PER_TERM; at = text.indexOf(word, at + length)) {
				while (p + 1 < last && segment.passageStart[p + 1]! <= at) p++;
				if (this.add(at, p, local, text)) found++;
			}
			return found;
		}
		// Articles are mostly asked about in order: the cursor goes on from the last, or back if not.
		let c = this.cursor;
		if (c > 0 && candidates[c - 1]! >= first) c = firstAtLeast(candidates, c - 1, first);
		while (c < candidates.length && candidates[c]! < first) c++;
		// Where the next match may start: after the end of the one before (matches do not overlap).
		let from = 0;
		for (; c < candidates.length && found < OCCURRENCES_PER_TERM; c++) {
			const p = candidates[c]!;
			if (p >= last) break;
			const end = passageEnd(segment, p);
			if (end <= from) continue;
			const start = Math.max(from, segment.passageStart[p]!);
			// A slice is a view in V8, not a copy: the passage and room for a match starting at its end.
			const piece = text.slice(start, Math.min(text.length, end + length - 1));
			for (let i = piece.indexOf(word); i >= 0 && found < OCCURRENCES_PER_TERM; i = piece.indexOf(word, i + length)) {
				const at = start + i;
				if (at >= end) break;
				if (this.add(at, p, local, text)) found++;
				from = at + length;
			}
		}
		this.cursor = c;
		return found;
	}
}

/** The first index below `hi` whose value is at least `value` in ascending `values` (hi when none). */
function firstAtLeast(values: Int32Array, hi: number, value: number): number {
	let lo = 0;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (values[mid]! < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

// The memo: most recently used last, within MEMO_BUDGET.
const memo = new Map<string, SpellingOccurrences>();
/** The bytes of what is in the memo (entries add their growth while kept). */
let memoBytes = 0;
const segmentIds = new WeakMap<Segment, number>();
let nextSegmentId = 0;

/**
 * The occurrences of `pattern` (a near spelling `errors` edits from the word typed) in `segment`,
 * as found so far. `anywhere`: searched in whole articles, not from its candidate passages.
 */
export function spellingOccurrences(segment: Segment, pattern: Pattern, errors: number, anywhere: boolean): SpellingOccurrences {
	let id = segmentIds.get(segment);
	if (id === undefined) segmentIds.set(segment, (id = nextSegmentId++));
	const key = `${id} ${errors} ${anywhere ? 1 : 0} ${pattern.folded}`;
	let found = memo.get(key);
	if (found) {
		memo.delete(key);
		memo.set(key, found);
		return found;
	}
	found = new SpellingOccurrences(segment, pattern, errors, anywhere);
	for (const [oldest, entry] of memo) {
		if (memoBytes <= MEMO_BUDGET) break;
		memo.delete(oldest);
		memoBytes -= entry.bytes();
		entry.kept = false;
	}
	memo.set(key, found);
	memoBytes += found.bytes();
	found.kept = true;
	return found;
}

/** Forgets every spelling's occurrences (the next search looks for them afresh). */
export function forgetOccurrences(): void {
	for (const entry of memo.values()) entry.kept = false;
	memo.clear();
	memoBytes = 0;
}
