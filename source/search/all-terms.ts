// Several words: the articles holding every word (each in any of its spellings: as typed, a near
// spelling for a typo, a name in another script), anywhere in the article and in any order, ranked
// by how exact the words are, how close together they stand (the smallest stretch of text holding
// them all) and whether one is in the title. One hit per article, on that stretch. With `need`
// below the number of words it finds the best partial matches (articles holding `need` of them).
// Candidates come from the trigram postings of each spelling; each is verified with indexOf on the
// article's tone-less text.
import {edgePenalty, KIND_BASE, kindRank, matchKind, WORDS_ANY_ORDER, WORDS_IN_ORDER} from './classify.js';
import type {HitCollector, MatchKind} from './collector.js';
import {tonesOf, type SegmentScope, type StageLimits} from './exact.js';
import {tonesEqual} from './match.js';
import {candidatePassages} from './postings.js';
import type {Pattern} from './query.js';
import {TITLE_SYNTHETIC, type Segment} from './segment.js';

/** One word of the query and the spellings it is looked for by. */
export interface TermSpellings {
	spellings: {pattern: Pattern; errors: number}[];
}

/** Occurrences of one word looked at per article (a common word can be there hundreds of times). */
const OCCURRENCES_PER_TERM = 16;
/** A gap between the words of this many folded units or more costs the whole proximity penalty. */
const FAR = 600;
const PROXIMITY = 0.12;
/** As in the phrase stage (classify.ts): words side by side there rank above words apart here. */
const NOT_IN_TITLE = 0.05;
const PER_ERROR = 0.05;
/** Each missing word (partial matches) costs this much. */
const PER_MISSING = 0.1;

interface Occurrence {
	term: number;
	start: number;
	end: number;
	kind: MatchKind;
	errors: number;
	passage: number;
}

/** The passage of article `local` holding folded offset `at` (binary search over its passages). */
function passageOf(segment: Segment, local: number, at: number): number {
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

/** The occurrences of every spelling of `term` in the article, up to OCCURRENCES_PER_TERM. */
function occurrencesOf(segment: Segment, local: number, t: number, term: TermSpellings, out: Occurrence[]): boolean {
	const text = segment.folded[local]!;
	const tones = tonesOf(segment, local);
	let found = 0;
	for (const {pattern, errors} of term.spellings) {
		const length = pattern.toneless.length;
		if (length === 0) continue;
		for (let at = text.indexOf(pattern.toneless); at >= 0 && found < OCCURRENCES_PER_TERM; at = text.indexOf(pattern.toneless, at + length)) {
			let kind = matchKind(text, at, at + length, tonesEqual(tones, at, at + length, pattern));
			// A near spelling inside a longer cluster is not the word that was meant.
			if (errors > 0) {
				if (kind === 'partial') continue;
				kind = 'fuzzy';
			}
			out.push({term: t, start: at, end: at + length, kind, errors, passage: passageOf(segment, local, at)});
			found++;
		}
	}
	return found > 0;
}

/** The smallest stretch of `occurrences` (sorted by start) holding every term in `present`. */
function smallestWindow(occurrences: Occurrence[], present: number): Occurrence[] {
	const counts = new Map<number, number>();
	let covered = 0;
	let best: [number, number] | undefined;
	let bestSpan = Infinity;
	let left = 0;
	for (let right = 0; right < occurrences.length; right++) {
		const r = occurrences[right]!;
		const c = counts.get(r.term) ?? 0;
		if (c === 0) covered++;
		counts.set(r.term, c + 1);
		while (covered === present) {
			const l = occurrences[left]!;
			let end = 0;
			for (let k = left; k <= right; k++) end = Math.max(end, occurrences[k]!.end);
			const span = end - l.start;
			if (span < bestSpan) {
				bestSpan = span;
				best = [left, right];
			}
			const lc = counts.get(l.term)! - 1;
			counts.set(l.term, lc);
			if (lc === 0) covered--;
			left++;
		}
	}
	if (!best) return [];
	// One occurrence per term: the best kind among those in the stretch.
	const chosen = new Map<number, Occurrence>();
	for (let k = best[0]; k <= best[1]; k++) {
		const o = occurrences[k]!;
		const had = chosen.get(o.term);
		if (!had || kindRank(o.kind) < kindRank(had.kind)) chosen.set(o.term, o);
	}
	return [...chosen.values()].sort((a, b) => a.start - b.start);
}

/**
 * Collects, for each article holding at least `need` of the terms (not already hit), its best
 * stretch; returns false when stopped early by the limits.
 */
export function allTermsStage(scopes: readonly SegmentScope[], terms: readonly TermSpellings[], collector: HitCollector, limits: StageLimits, need = terms.length): boolean {
	const n = terms.length;
	if (n === 0 || n > 30) return true;
	let checks = 0;
	for (const {segment, from, to} of scopes) {
		if (to <= from) continue;
		const firstLocal = segment.passageArticle[from]!;
		const lastLocal = segment.passageArticle[to - 1]!;
		const mask = new Uint32Array(lastLocal - firstLocal + 1);
		// Terms with a spelling too short for trigrams may be anywhere.
		let anywhere = 0;
		for (let t = 0; t < n; t++) {
			for (const {pattern} of terms[t]!.spellings) {
				if (pattern.trigrams.length === 0) {
					anywhere |= 1 << t;
					break;
				}
				const candidates = candidatePassages(segment, pattern.trigrams);
				if (!candidates) continue;
				for (let i = 0; i < candidates.length; i++) {
					const p = candidates[i]!;
					if (p >= from && p < to) mask[segment.passageArticle[p]! - firstLocal]! |= 1 << t;
				}
			}
		}
		// Words of one or two letters alone would match nearly every article.
		if (anywhere === (2 ** n - 1) >>> 0) continue;
		const occurrences: Occurrence[] = [];
		for (let local = firstLocal; local <= lastLocal; local++) {
			const bits = mask[local - firstLocal]!;
			if (bits === 0 || popcount((bits | anywhere) >>> 0) < need) continue;
			if (collector.hasArticle(segment, local) || !collector.allows(segment, local)) continue;
			if ((++checks & 15) === 0 && performance.now() > limits.deadline) return false;
			occurrences.length = 0;
			let present = 0;
			for (let t = 0; t < n; t++) {
				if (((bits | anywhere) & (1 << t)) === 0) continue;
				if (occurrencesOf(segment, local, t, terms[t]!, occurrences)) present++;
			}
			if (present < need) continue;
			occurrences.sort((a, b) => a.start - b.start || a.term - b.term);
			const window = smallestWindow(occurrences, present);
			if (window.length === 0) continue;
			collectWindow(segment, local, window, n - present, collector);
			if (collector.total >= limits.maxHits) return false;
		}
	}
	return true;
}

function collectWindow(segment: Segment, local: number, window: Occurrence[], missing: number, collector: HitCollector): void {
	let kind: MatchKind = 'exact';
	let errors = 0;
	let letters = 0;
	let inTitle = false;
	let inOrder = true;
	let edges = 0;
	const text = segment.folded[local]!;
	for (let i = 0; i < window.length; i++) {
		const o = window[i]!;
		edges = Math.max(edges, edgePenalty(text, o.start, o.end));
		if (kindRank(o.kind) > kindRank(kind)) kind = o.kind;
		errors = Math.max(errors, o.errors);
		letters += o.end - o.start;
		if (segment.passageFlags[o.passage] !== 0) inTitle = true;
		if (i > 0 && o.term < window[i - 1]!.term) inOrder = false;
	}
	const gap = Math.max(0, window[window.length - 1]!.end - window[0]!.start - letters);
	const score =
		KIND_BASE[kind] + edges + PER_ERROR * errors + PROXIMITY * Math.min(1, gap / FAR) + (inTitle ? 0 : NOT_IN_TITLE) + (inOrder ? WORDS_IN_ORDER : WORDS_ANY_ORDER) + PER_MISSING * missing;
	// A title that is not part of the text cannot share a hit with the text: the hit goes where the
	// words in the text are, the title counting only for the rank.
	const synthetic = (o: Occurrence) => (segment.passageFlags[o.passage]! & TITLE_SYNTHETIC) !== 0;
	const body = window.filter((o) => !synthetic(o));
	const shown = body.length > 0 ? body : window;
	const passage = shown[0]!.passage;
	const ordinal = segment.ordinals[local]!;
	const start = shown[0]!.start;
	if (!collector.wouldKeep(score, ordinal, start)) {
		collector.count(segment, passage, kind);
		return;
	}
	collector.add({
		segment,
		passage,
		local,
		ordinal,
		start,
		end: shown[0]!.end,
		ranges: shown.map((o): [number, number] => [o.start, o.end]),
		kind,
		score: Math.min(score, 1),
	});
}
