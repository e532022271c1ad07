// Several words: the articles holding every word (each in any of its spellings: as typed, a near
// spelling for a typo, a name in another script), anywhere in the article and in any order, ranked
// by how exact the words are, how close together they stand (the smallest stretch of text holding
// them all) and whether one is in the title. One hit per article, on that stretch. With `need`
// below the number of words it finds the best partial matches (articles holding `need` of them).
// Where each spelling occurs in an article comes from occurrences.ts (searched once, kept across
// stages and keystrokes).
import {edgePenalty, KIND_BASE, WORDS_ANY_ORDER, WORDS_IN_ORDER} from './classify.js';
import type {HitCollector, MatchKind} from './collector.js';
import {tonesOf, type SegmentScope, type StageLimits} from './exact.js';
import type {Tones} from './match.js';
import {kindAt, OCCURRENCES_PER_TERM, spellingOccurrences, UNKNOWN_KIND, type SpellingOccurrences} from './occurrences.js';
import type {Pattern} from './query.js';
import {TITLE_SYNTHETIC, type Segment} from './segment.js';

/** One word of the query and the spellings it is looked for by. */
export interface TermSpellings {
	spellings: {pattern: Pattern; errors: number}[];
}

/** A gap between the words of this many folded units or more costs the whole proximity penalty. */
const FAR = 600;
const PROXIMITY = 0.12;
/** As in the phrase stage (classify.ts): words side by side there rank above words apart here. */
const NOT_IN_TITLE = 0.05;
const PER_ERROR = 0.05;
/** Each missing word (partial matches) costs this much. */
const PER_MISSING = 0.1;

/**
 * The occurrences found in the article at hand, as parallel arrays reused from article to article
 * (a common word gives tens of thousands a keystroke: objects for them cost more than the search).
 * `kind` is the rank of the match kind (see KINDS).
 */
class Occurrences {
	n = 0;
	term = new Int32Array(64);
	start = new Int32Array(64);
	end = new Int32Array(64);
	kind = new Uint8Array(64);
	errors = new Int32Array(64);
	passage = new Int32Array(64);
	/** The spelling each is of (to work out its kind when needed). */
	readonly pattern: Pattern[] = [];

	push(term: number, start: number, end: number, kind: number, errors: number, passage: number, pattern: Pattern): void {
		if (this.n === this.term.length) this.grow();
		const i = this.n++;
		this.pattern[i] = pattern;
		this.term[i] = term;
		this.start[i] = start;
		this.end[i] = end;
		this.kind[i] = kind;
		this.errors[i] = errors;
		this.passage[i] = passage;
	}

	private grow(): void {
		const size = this.term.length * 2;
		const wider = <T extends Int32Array | Uint8Array>(a: T): T => {
			const b = new (a.constructor as new (n: number) => T)(size);
			b.set(a);
			return b;
		};
		this.term = wider(this.term);
		this.start = wider(this.start);
		this.end = wider(this.end);
		this.kind = wider(this.kind);
		this.errors = wider(this.errors);
		this.passage = wider(this.passage);
	}
}

/** Match kinds by rank (kindRank). */
const KINDS: readonly MatchKind[] = ['exact', 'tone', 'partial', 'fuzzy'];

/** The passage of article `local` holding folded offset `at` (binary search over its passages). */
export function passageOf(segment: Segment, local: number, at: number): number {
	let lo = segment.articlePassages[local]!;
	let hi = segment.articlePassages[local + 1]! - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (segment.passageStart[mid]! <= at) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

function popcount(x: number): number {
	let n = 0;
	for (; x !== 0; x &= x - 1) n++;
	return n;
}

/**
 * Appends the occurrences of every spelling of term `t` in the article to `out`, up to
 * OCCURRENCES_PER_TERM in all (each spelling's in text order, the spellings one after another).
 */
function occurrencesOf(local: number, t: number, spellings: readonly SpellingOccurrences[], out: Occurrences): boolean {
	let found = 0;
	for (const spelling of spellings) {
		if (found >= OCCURRENCES_PER_TERM) break;
		const count = Math.min(spelling.in(local), OCCURRENCES_PER_TERM - found);
		const length = spelling.pattern.toneless.length;
		for (let i = spelling.first[local]!, end = i + count; i < end; i++) {
			const at = spelling.start[i]!;
			out.push(t, at, at + length, spelling.kind[i]!, spelling.errors, spelling.passage[i]!, spelling.pattern);
		}
		found += count;
	}
	return found > 0;
}

/** Terms are at most this many (allTermsStage), occurrences at most OCCURRENCES_PER_TERM each: a sort key holds both and the index. */
const MAX_TERMS = 30;
const TERM_SLOTS = 32;
const INDEX_SLOTS = 512;

const sortKeys = new Float64Array(INDEX_SLOTS);

/**
 * `out` receives the indices of `occ`'s occurrences ordered by start, then term, then the order
 * they were found in. One numeric sort of keys packing all three (no comparator calls).
 */
function sortOccurrences(occ: Occurrences, out: Int32Array): void {
	const n = occ.n;
	const keys = sortKeys.subarray(0, n);
	for (let i = 0; i < n; i++) keys[i] = (occ.start[i]! * TERM_SLOTS + occ.term[i]!) * INDEX_SLOTS + i;
	keys.sort();
	for (let i = 0; i < n; i++) out[i] = keys[i]! % INDEX_SLOTS;
}

const termCounts = new Int32Array(TERM_SLOTS);
const chosenOf = new Int32Array(TERM_SLOTS);

/**
 * The smallest stretch of the occurrences (`order`: indices by start) holding every term in
 * `present`, one occurrence per term (the best kind among those in the stretch, worked out here
 * from `text` and `tones`), by start, as indices into `window`; returns how many (0: none).
 */
function smallestWindow(occ: Occurrences, order: Int32Array, present: number, window: Int32Array, segment: Segment, local: number): number {
	const n = occ.n;
	termCounts.fill(0);
	let covered = 0;
	let bestLeft = -1;
	let bestRight = -1;
	let bestSpan = Infinity;
	let left = 0;
	for (let right = 0; right < n; right++) {
		const r = order[right]!;
		if (termCounts[occ.term[r]!]!++ === 0) covered++;
		while (covered === present) {
			const l = order[left]!;
			let end = 0;
			for (let k = left; k <= right; k++) end = Math.max(end, occ.end[order[k]!]!);
			const span = end - occ.start[l]!;
			if (span < bestSpan) {
				bestSpan = span;
				bestLeft = left;
				bestRight = right;
			}
			if (--termCounts[occ.term[l]!]! === 0) covered--;
			left++;
		}
	}
	if (bestLeft < 0) return 0;
	// One occurrence per term: the best kind among those in the stretch (the first of equals), the
	// terms in the order they first appear there, then stably by start.
	chosenOf.fill(-1);
	let m = 0;
	const text = segment.folded[local]!;
	let tones: Tones | undefined;
	for (let k = bestLeft; k <= bestRight; k++) {
		const o = order[k]!;
		if (occ.kind[o] === UNKNOWN_KIND) occ.kind[o] = kindAt(text, occ.start[o]!, occ.pattern[o]!, (tones ??= tonesOf(segment, local)));
		const t = occ.term[o]!;
		const had = chosenOf[t]!;
		if (had < 0) {
			chosenOf[t] = m;
			window[m++] = o;
		} else if (occ.kind[o]! < occ.kind[window[had]!]!) window[had] = o;
	}
	for (let i = 1; i < m; i++) {
		const o = window[i]!;
		let j = i - 1;
		for (; j >= 0 && occ.start[window[j]!]! > occ.start[o]!; j--) window[j + 1] = window[j]!;
		window[j + 1] = o;
	}
	return m;
}

/**
 * True when the article holds every term (each in its one spelling): through what is kept for a
 * term with trigrams, by one look at the text for a short one.
 */
function holdsAll(segment: Segment, local: number, spellings: readonly SpellingOccurrences[][], n: number): number {
	for (let t = 0; t < n; t++) {
		const spelling = spellings[t]![0];
		if (!spelling) return -1;
		if (spelling.candidates) {
			if (spelling.in(local) === 0) return -1;
		} else if (segment.folded[local]!.indexOf(spelling.pattern.toneless) < 0) return -1;
	}
	return segment.articlePassages[local]!;
}

/**
 * Collects, for each article holding at least `need` of the terms (not already hit), its best
 * stretch; returns false when stopped early by the limits. After `ranked` articles have been
 * ranked (a word still being typed, one or two letters, is in nearly every article), the others
 * holding every word are only counted, and the stage says it stopped early.
 */
export function allTermsStage(
	scopes: readonly SegmentScope[],
	terms: readonly TermSpellings[],
	collector: HitCollector,
	limits: StageLimits,
	need = terms.length,
	ranked = Infinity,
): boolean {
	const n = terms.length;
	if (n === 0 || n > MAX_TERMS) return true;
	let checks = 0;
	let rankedSoFar = 0;
	let counted = false;
	const occ = new Occurrences();
	let order = new Int32Array(64);
	const window = new Int32Array(TERM_SLOTS);
	for (const {segment, from, to} of scopes) {
		if (to <= from) continue;
		const firstLocal = segment.passageArticle[from]!;
		const lastLocal = segment.passageArticle[to - 1]!;
		const mask = new Uint32Array(lastLocal - firstLocal + 1);
		// Terms with a spelling too short for trigrams may be anywhere.
		let anywhere = 0;
		const spellings: SpellingOccurrences[][] = [];
		for (let t = 0; t < n; t++) {
			const termSpellings: SpellingOccurrences[] = [];
			spellings.push(termSpellings);
			for (const {pattern, errors} of terms[t]!.spellings) {
				// Once the term may be anywhere its other spellings are searched in the whole article.
				if (pattern.trigrams.length === 0) anywhere |= 1 << t;
				if (pattern.toneless.length === 0) continue;
				const found = spellingOccurrences(segment, pattern, errors, (anywhere & (1 << t)) !== 0);
				termSpellings.push(found);
				const candidates = found.candidates;
				if (candidates) {
					for (let i = 0; i < candidates.length; i++) {
						const p = candidates[i]!;
						if (p >= from && p < to) mask[segment.passageArticle[p]! - firstLocal]! |= 1 << t;
					}
				}
			}
		}
		// Words of one or two letters alone would match nearly every article.
		if (anywhere === (2 ** n - 1) >>> 0) continue;
		for (let local = firstLocal; local <= lastLocal; local++) {
			const bits = mask[local - firstLocal]!;
			if (bits === 0 || popcount((bits | anywhere) >>> 0) < need) continue;
			if (collector.hasArticle(segment, local) || !collector.allows(segment, local)) continue;
			if ((++checks & 15) === 0 && performance.now() > limits.deadline) return false;
			if (rankedSoFar >= ranked && need === n && terms.every((term) => term.spellings.length === 1)) {
				// Counted, not ranked: its first passage stands for it.
				const passage = holdsAll(segment, local, spellings, n);
				if (passage >= 0 && collector.count(segment, passage, undefined)) counted = true;
				if (collector.total >= limits.maxHits) return false;
				continue;
			}
			occ.n = 0;
			let present = 0;
			for (let t = 0; t < n; t++) {
				if (((bits | anywhere) & (1 << t)) === 0) continue;
				if (occurrencesOf(local, t, spellings[t]!, occ)) present++;
			}
			if (present < need) continue;
			if (order.length < occ.n) order = new Int32Array(occ.term.length);
			sortOccurrences(occ, order);
			const size = smallestWindow(occ, order, present, window, segment, local);
			if (size === 0) continue;
			collectWindow(segment, local, occ, window, size, n - present, collector);
			rankedSoFar++;
			if (collector.total >= limits.maxHits) return false;
		}
	}
	return !counted;
}

function isSynthetic(segment: Segment, passage: number): boolean {
	return (segment.passageFlags[passage]! & TITLE_SYNTHETIC) !== 0;
}

function collectWindow(segment: Segment, local: number, occ: Occurrences, window: Int32Array, size: number, missing: number, collector: HitCollector): void {
	let kind = 0;
	let errors = 0;
	let letters = 0;
	let inTitle = false;
	let inOrder = true;
	let edges = 0;
	let body = 0;
	const text = segment.folded[local]!;
	for (let i = 0; i < size; i++) {
		const o = window[i]!;
		edges = Math.max(edges, edgePenalty(text, occ.start[o]!, occ.end[o]!));
		kind = Math.max(kind, occ.kind[o]!);
		errors = Math.max(errors, occ.errors[o]!);
		letters += occ.end[o]! - occ.start[o]!;
		if (segment.passageFlags[occ.passage[o]!] !== 0) inTitle = true;
		if (i > 0 && occ.term[o]! < occ.term[window[i - 1]!]!) inOrder = false;
		if (!isSynthetic(segment, occ.passage[o]!)) body++;
	}
	const first = window[0]!;
	const gap = Math.max(0, occ.end[window[size - 1]!]! - occ.start[first]! - letters);
	const score =
		KIND_BASE[KINDS[kind]!] +
		edges +
		PER_ERROR * errors +
		PROXIMITY * Math.min(1, gap / FAR) +
		(inTitle ? 0 : NOT_IN_TITLE) +
		(inOrder ? WORDS_IN_ORDER : WORDS_ANY_ORDER) +
		PER_MISSING * missing;
	// A title that is not part of the text cannot share a hit with the text: the hit goes where the
	// words in the text are, the title counting only for the rank.
	let shownFirst = first;
	if (body > 0) for (let i = 0; i < size && isSynthetic(segment, occ.passage[(shownFirst = window[i]!)]!); i++);
	const passage = occ.passage[shownFirst]!;
	const ordinal = segment.ordinals[local]!;
	const start = occ.start[shownFirst]!;
	if (!collector.wouldKeep(score, ordinal, start)) {
		collector.count(segment, passage, KINDS[kind]);
		return;
	}
	const ranges: [number, number][] = [];
	for (let i = 0; i < size; i++) {
		const o = window[i]!;
		if (body === 0 || !isSynthetic(segment, occ.passage[o]!)) ranges.push([occ.start[o]!, occ.end[o]!]);
	}
	collector.add({
		segment,
		passage,
		local,
		ordinal,
		start,
		end: occ.end[shownFirst]!,
		ranges,
		kind: KINDS[kind]!,
		score: Math.min(score, 1),
	});
}
