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
import {tonesEqual, type Tones} from './match.js';
import {candidatePassages} from './postings.js';
import type {Pattern} from './query.js';
import {passageEnd, TITLE_SYNTHETIC, type Segment} from './segment.js';

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
 * One spelling of one term in one segment: the passages its matches can start in (from the
 * postings; undefined when it has no trigrams, so it may be anywhere) and how far the articles
 * visited so far have used them (articles are visited in order, so a cursor is enough).
 */
interface SpellingScan {
	pattern: Pattern;
	errors: number;
	candidates: Int32Array | undefined;
	cursor: number;
}

/** Adds the occurrence at `at` unless it cannot be the word meant; false when it cannot. */
function addOccurrence(text: string, at: number, t: number, scan: SpellingScan, tones: Tones, passage: number, out: Occurrence[]): boolean {
	const {pattern, errors} = scan;
	const end = at + pattern.toneless.length;
	let kind = matchKind(text, at, end, tonesEqual(tones, at, end, pattern));
	// A near spelling inside a longer cluster is not the word that was meant.
	if (errors > 0) {
		if (kind === 'partial') return false;
		kind = 'fuzzy';
	}
	out.push({term: t, start: at, end, kind, errors, passage});
	return true;
}

/**
 * Appends the occurrences of `scan`'s spelling in article `local` to `out`, in text order, each
 * after the end of the one before, while `found` stays under OCCURRENCES_PER_TERM; returns the new
 * `found`. With candidates only their passages are searched (a match starts only in a passage
 * whose trigrams it holds): a rare word in a long article costs its few passages, not the article.
 */
function scanSpelling(segment: Segment, local: number, t: number, scan: SpellingScan, tones: Tones, out: Occurrence[], found: number): number {
	const text = segment.folded[local]!;
	const {pattern, candidates} = scan;
	const length = pattern.toneless.length;
	if (!candidates) {
		for (let at = text.indexOf(pattern.toneless); at >= 0 && found < OCCURRENCES_PER_TERM; at = text.indexOf(pattern.toneless, at + length)) {
			if (addOccurrence(text, at, t, scan, tones, passageOf(segment, local, at), out)) found++;
		}
		return found;
	}
	const first = segment.articlePassages[local]!;
	const last = segment.articlePassages[local + 1]!;
	let c = scan.cursor;
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
		for (let i = piece.indexOf(pattern.toneless); i >= 0 && found < OCCURRENCES_PER_TERM; i = piece.indexOf(pattern.toneless, i + length)) {
			const at = start + i;
			if (at >= end) break;
			if (addOccurrence(text, at, t, scan, tones, p, out)) found++;
			from = at + length;
		}
	}
	scan.cursor = c;
	return found;
}

/** The occurrences of every spelling of term `t` in the article, up to OCCURRENCES_PER_TERM. */
function occurrencesOf(segment: Segment, local: number, t: number, scans: readonly SpellingScan[], out: Occurrence[]): boolean {
	const tones = tonesOf(segment, local);
	let found = 0;
	for (const scan of scans) {
		if (scan.pattern.toneless.length === 0 || found >= OCCURRENCES_PER_TERM) continue;
		found = scanSpelling(segment, local, t, scan, tones, out, found);
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
export function allTermsStage(
	scopes: readonly SegmentScope[],
	terms: readonly TermSpellings[],
	collector: HitCollector,
	limits: StageLimits,
	need = terms.length,
): boolean {
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
		const scans: SpellingScan[][] = [];
		for (let t = 0; t < n; t++) {
			const termScans: SpellingScan[] = [];
			scans.push(termScans);
			for (const {pattern, errors} of terms[t]!.spellings) {
				// Once the term may be anywhere its other spellings are searched in the whole article.
				if ((anywhere & (1 << t)) !== 0 || pattern.trigrams.length === 0) {
					anywhere |= 1 << t;
					termScans.push({pattern, errors, candidates: undefined, cursor: 0});
					continue;
				}
				const candidates = candidatePassages(segment, pattern.trigrams) ?? new Int32Array(0);
				termScans.push({pattern, errors, candidates, cursor: 0});
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
				if (occurrencesOf(segment, local, t, scans[t]!, occurrences)) present++;
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
		KIND_BASE[kind] +
		edges +
		PER_ERROR * errors +
		PROXIMITY * Math.min(1, gap / FAR) +
		(inTitle ? 0 : NOT_IN_TITLE) +
		(inOrder ? WORDS_IN_ORDER : WORDS_ANY_ORDER) +
		PER_MISSING * missing;
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
