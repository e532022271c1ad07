// The exact stages: the phrase (the whole query) and, for several words, all words in one passage.
// Candidates come from the trigram postings; each is verified with indexOf of the tone-less query
// on the tone-less text, jumping from match to match so that an article is scanned at most once
// whatever the number of candidates in it. The tone marks kept aside then tell exact from
// tone-insensitive matches.
import {KIND_BASE, matchKind, matchScore, passageScoreBound} from './classify.js';
import type {HitCollector, MatchKind} from './collector.js';
import {findMatch, tonesEqual, type Tones} from './match.js';
import {candidatePassages} from './postings.js';
import type {Pattern} from './query.js';
import {foldedLength, foldedPiece, passageEnd, type Segment} from './segment.js';

/** A spelling found near the query (a typo's likely meaning) and how many edits away it is. */
export interface NearSpelling {
	errors: number;
}

/** Each edit between the query and a near spelling ranks its hits this much lower (within the fuzzy band). */
export const NEAR_PER_ERROR = 0.1;

/** Matches looked at in one passage to find its best (a passage is one result). */
const MATCHES_PER_PASSAGE = 8;

export interface StageLimits {
	/** performance.now() after which a stage stops (the result is then not exhaustive). */
	deadline: number;
	/** Stop once this many passages matched. */
	maxHits: number;
}

/** Part of a segment to search: all of it, or one article's passages. */
export interface SegmentScope {
	segment: Segment;
	/** Passage range [from, to). */
	from: number;
	to: number;
}

/** The passage of article `local` that holds folded offset `at`, searching from passage `p`. */
function passageAt(segment: Segment, local: number, p: number, at: number): number {
	const last = segment.articlePassages[local + 1]! - 1;
	while (p < last && segment.passageStart[p + 1]! <= at) p++;
	return p;
}

export function tonesOf(segment: Segment, local: number): Tones {
	if (segment.tonesOf) return segment.tonesOf(local);
	return {pos: segment.tonePos, mark: segment.toneMark, from: segment.articleTones[local]!, to: segment.articleTones[local + 1]!};
}

interface PassageMatch {
	start: number;
	end: number;
	kind: MatchKind;
	score: number;
}

/**
 * Best match of `pattern` starting in [from, to) of `text` (`base` + an offset in `text` is the
 * offset in the article, for the tone marks), or undefined. Either way `next.at` receives where
 * the first match starting at or after `to` begins (-1: none in the rest of `text`), so the caller
 * can skip the passages in between without scanning them again. Without `tones`, every match is
 * taken to have the query's tone marks: the best the passage could score.
 */
function bestMatchIn(
	text: string,
	base: number,
	from: number,
	to: number,
	pattern: Pattern,
	tones: Tones | undefined,
	inTitle: boolean,
	next: {at: number},
): PassageMatch | undefined {
	const length = pattern.toneless.length;
	let start = findMatch(text, from, pattern);
	let best: PassageMatch | undefined;
	for (let n = 0; start >= 0 && start < to; n++) {
		const end = start + length;
		const kind = matchKind(text, start, end, !tones || tonesEqual(tones, base + start, base + end, pattern));
		const score = matchScore(kind, text, start, end, inTitle, from, to);
		if (!best || score < best.score) best = {start, end, kind, score};
		// Enough seen here (or the best possible found): go straight to the next passage's matches.
		if (n + 1 >= MATCHES_PER_PASSAGE || score === 0) {
			start = findMatch(text, to, pattern);
			break;
		}
		start = findMatch(text, start + 1, pattern);
	}
	next.at = start;
	return best;
}

function isTitle(segment: Segment, p: number): boolean {
	return segment.passageFlags[p] !== 0;
}

/**
 * Looks for the pattern in passage p and collects its best match. Returns the next passage that
 * can hold a match (the one where the next match starts, or the article's end). `alone`: only p
 * is searched (p is a candidate, or a title visited out of order), not the rest of the article:
 * with candidates from the postings, searching just them costs less than scanning on.
 */
function visitPassage(segment: Segment, p: number, pattern: Pattern, collector: HitCollector, next: {at: number}, alone: boolean, near?: NearSpelling): number {
	const local = segment.passageArticle[p]!;
	const start = segment.passageStart[p]!;
	const end = passageEnd(segment, p);
	// The passage and the unit after a match starting in it (on disk, read alone: not the whole article).
	const base = alone ? start : 0;
	const text = alone ? foldedPiece(segment, local, start, Math.min(foldedLength(segment, local), end + pattern.toneless.length + 1)) : segment.folded[local]!;
	const ordinal = segment.ordinals[local]!;
	// No match here could be kept (a common word, once the best are in): whether there is one is
	// all that counts, not how good it is.
	if (!near && collector.cannotKeep(passageScoreBound(pattern.toneless.length, end - start, isTitle(segment, p)), ordinal, start)) {
		const at = findMatch(text, start - base, pattern);
		const inside = at >= 0 && at < end - base;
		if (inside) collector.count(segment, p, undefined);
		if (alone) return p + 1;
		next.at = inside ? findMatch(text, end, pattern) : at;
		return next.at < 0 ? segment.articlePassages[local + 1]! : Math.max(p + 1, passageAt(segment, local, p, next.at));
	}
	// Matched, but not well enough to be kept even with the query's tone marks: counted without
	// reading the article's tone marks (on disk, a read of their own), as above.
	if (!near && collector.heapFull) {
		const best = bestMatchIn(text, base, start - base, end - base, pattern, undefined, isTitle(segment, p), next);
		if (!best || collector.cannotKeep(best.score, ordinal, best.start + base)) {
			if (best) collector.count(segment, p, undefined);
			return alone ? p + 1 : next.at < 0 ? segment.articlePassages[local + 1]! : Math.max(p + 1, passageAt(segment, local, p, next.at));
		}
	}
	const found = bestMatchIn(text, base, start - base, end - base, pattern, tonesOf(segment, local), isTitle(segment, p), next);
	// Searching alone says nothing about the passages after p.
	const following = alone ? p + 1 : next.at < 0 ? segment.articlePassages[local + 1]! : Math.max(p + 1, passageAt(segment, local, p, next.at));
	if (!found) return following;
	if (near) {
		// A near spelling inside a longer cluster is not the word that was meant.
		if (found.kind === 'partial') return following;
		found.score += KIND_BASE.fuzzy - KIND_BASE[found.kind] + NEAR_PER_ERROR * near.errors;
		found.kind = 'fuzzy';
	}
	const matchStart = found.start + base;
	// Most hits of a common word never make the list: count them without building them.
	if (!collector.wouldKeep(found.score, ordinal, matchStart)) collector.count(segment, p, found.kind);
	else {
		collector.add({
			segment,
			passage: p,
			local,
			ordinal,
			start: matchStart,
			end: found.end + base,
			ranges: [[matchStart, found.end + base]],
			kind: found.kind,
			score: found.score,
		});
	}
	return following;
}

/**
 * Collects the phrase's hits in `scopes`; returns false when stopped early by the limits. When
 * there are candidates, the titles among them go first, so that when a common word reaches the
 * hit cap the title hits are already in.
 */
export function phraseStage(scopes: readonly SegmentScope[], pattern: Pattern, collector: HitCollector, limits: StageLimits, near?: NearSpelling): boolean {
	const next = {at: -1};
	let checks = 0;
	const candidateLists = scopes.map(({segment}) => (pattern.trigrams.length > 0 ? (candidatePassages(segment, pattern.trigrams) ?? null) : undefined));
	for (let s = 0; s < scopes.length; s++) {
		const {segment, from, to} = scopes[s]!;
		const candidates = candidateLists[s];
		if (!candidates) continue;
		const flags = segment.passageFlags;
		for (let i = 0; i < candidates.length; i++) {
			const p = candidates[i]!;
			if (p >= from && p < to && flags[p] !== 0) visitPassage(segment, p, pattern, collector, next, true, near);
		}
		if (collector.total >= limits.maxHits) return false;
	}
	for (let s = 0; s < scopes.length; s++) {
		const {segment, from, to} = scopes[s]!;
		const candidates = candidateLists[s];
		if (candidates === null) continue;
		let ci = 0;
		let p = from;
		for (;;) {
			if (candidates) {
				while (ci < candidates.length && candidates[ci]! < p) ci++;
				if (ci === candidates.length) break;
				p = candidates[ci]!;
			}
			if (p >= to) break;
			if (candidates && segment.passageFlags[p] !== 0) {
				p++; // seen with the titles
				continue;
			}
			p = visitPassage(segment, p, pattern, collector, next, candidates !== undefined, near);
			if (collector.total >= limits.maxHits) return false;
			if ((++checks & 63) === 0 && performance.now() > limits.deadline) return false;
		}
	}
	return true;
}
