// The fuzzy stage, for typos: passages sharing the most trigrams with the query become candidates
// and fuse.js scores only those (tone-less text against the tone-less query: tones are the tone
// stage's business), in small batches, until the time budget runs out. Run only when
// the exact stages leave room in the results, so it never pushes an exact hit out.
import Fuse from 'fuse.js';
import {KIND_BASE} from './classify.js';
import type {HitCollector} from './collector.js';
import type {SegmentScope, StageLimits} from './exact.js';
import {findMatch} from './match.js';
import {decodePostings} from './postings.js';
import type {Pattern} from './query.js';
import {keyIndex, passageEnd, type Segment} from './segment.js';

/** Shortest tone-less query worth a fuzzy search (shorter ones match everything). */
export const FUZZY_MIN_LENGTH = 4;
/** fuse.js threshold: at most about one error in three characters. */
const THRESHOLD = 0.34;
const MAX_CANDIDATES = 160;
/** With exact hits already found, fuzzy ones only fill in: fewer candidates, closer ones. */
const MAX_CANDIDATES_BESIDE_EXACT = 32;
const BATCH = 16;
/** Trigrams held by more than this share of a segment's passages say little; counting them costs much. */
const COMMON_SHARE = 1 / 6;

const FUSE_OPTIONS = {
	// The text is already folded (and compact: lower-casing it would corrupt the Thai bytes).
	isCaseSensitive: true,
	ignoreLocation: true,
	ignoreFieldNorm: true,
	includeScore: true,
	includeMatches: true,
	threshold: THRESHOLD,
};

interface Candidate {
	segment: Segment;
	passage: number;
	shared: number;
	ordinal: number;
}

let counts = new Uint8Array(65_536);
let ids = new Int32Array(65_536);

/** Passages sharing the most of `keys` (the trigrams of a query `length` long), best first. */
function fuzzyCandidates(scopes: readonly SegmentScope[], keys: readonly number[], length: number, collector: HitCollector, max: number): Candidate[] {
	const all: Candidate[] = [];
	for (const {segment, from, to} of scopes) {
		const passages = segment.passageStart.length;
		if (counts.length < passages) counts = new Uint8Array(passages);
		const found = keys.map((key) => keyIndex(segment, key)).filter((k) => k >= 0);
		found.sort((a, b) => segment.counts[a]! - segment.counts[b]!);
		// Skip the very common (counting them is the cost), but never in a small segment, and never
		// the three rarest.
		const common = Math.max(passages * COMMON_SHARE, 2_000);
		const used = found.filter((k, i) => i < 3 || segment.counts[k]! <= common);
		if (used.length === 0) continue;
		const touched: number[] = [];
		for (const k of used) {
			const size = segment.counts[k]!;
			if (ids.length < size) ids = new Int32Array(size);
			const n = decodePostings(segment, k, ids);
			for (let i = 0; i < n; i++) {
				const p = ids[i]!;
				if (p < from || p >= to) continue;
				if (counts[p] === 0) touched.push(p);
				if (counts[p]! < 255) counts[p]!++;
			}
		}
		// A typo breaks up to three trigrams; allow about one typo in five characters.
		const errors = Math.max(1, Math.floor(length / 5));
		const minShared = Math.max(1, used.length - 3 * errors);
		for (const p of touched) {
			const shared = counts[p]!;
			counts[p] = 0;
			if (shared < minShared || collector.has(segment, p)) continue;
			all.push({segment, passage: p, shared, ordinal: segment.ordinals[segment.passageArticle[p]!]!});
		}
	}
	all.sort((a, b) => b.shared - a.shared || a.ordinal - b.ordinal || a.passage - b.passage);
	return all.length > max ? all.slice(0, max) : all;
}

interface WordMatch {
	start: number;
	end: number;
	score: number;
}

/**
 * Adds fuzzy hits for the query: for one word (or a phrase without spaces) its best approximate
 * match; for several words, every word must be there, approximately (words shorter than four
 * letters exactly), in any order. Returns false when the time budget stopped it.
 */
export function fuzzyStage(scopes: readonly SegmentScope[], query: {phrase: Pattern; terms: readonly Pattern[]}, collector: HitCollector, limits: StageLimits): boolean {
	const {phrase} = query;
	if (phrase.toneless.length < FUZZY_MIN_LENGTH) return true;
	const words = query.terms.length > 1 ? query.terms : [phrase];
	const keys = [...new Set(words.flatMap((w) => w.allTrigrams))];
	const beside = collector.byKind.exact + collector.byKind.tone > 0;
	const candidates = fuzzyCandidates(scopes, keys, phrase.toneless.length, collector, beside ? MAX_CANDIDATES_BESIDE_EXACT : MAX_CANDIDATES);
	const extra = phrase.toneless.length + 8;
	for (let b = 0; b < candidates.length; b += BATCH) {
		// The first batch (the closest candidates) always runs: a typo gets its likeliest answers.
		if (b > 0 && performance.now() > limits.deadline) return false;
		const batch = candidates.slice(b, b + BATCH);
		// Each candidate's passage plus enough of what follows for a match that starts in it.
		const texts = batch.map(({segment, passage}) => {
			const text = segment.folded[segment.passageArticle[passage]!]!;
			const start = segment.passageStart[passage]!;
			return text.slice(start, Math.min(text.length, passageEnd(segment, passage) + extra));
		});
		let fuseInstance: Fuse<string> | undefined;
		const fuse = () => (fuseInstance ??= new Fuse(texts, FUSE_OPTIONS));
		const perWord = words.map((word) => {
			const matches: (WordMatch | undefined)[] = new Array(batch.length);
			// A word present as typed needs no fuse.js (and a short one must be present as typed).
			let missing = false;
			texts.forEach((text, i) => {
				const at = words.length > 1 ? findMatch(text, 0, word) : -1;
				if (at >= 0) matches[i] = {start: at, end: at + word.toneless.length, score: 0};
				else missing = true;
			});
			if (!missing || word.toneless.length < FUZZY_MIN_LENGTH) return matches;
			for (const result of fuse().search(word.toneless)) {
				if (matches[result.refIndex]) continue;
				const score = result.score ?? 1;
				const indices = result.matches?.[0]?.indices;
				if (score > THRESHOLD || !indices || indices.length === 0) continue;
				matches[result.refIndex] = {start: indices[0]![0], end: indices[indices.length - 1]![1] + 1, score};
			}
			return matches;
		});
		for (let i = 0; i < batch.length; i++) {
			const matches = perWord.map((m) => m[i]);
			if (matches.some((m) => m === undefined)) continue;
			const {segment, passage, ordinal} = batch[i]!;
			const base = segment.passageStart[passage]!;
			const ranges = (matches as WordMatch[]).map((m): [number, number] => [base + m.start, base + m.end]).sort((x, y) => x[0] - y[0]);
			const [start, end] = ranges[0]!;
			if (start >= passageEnd(segment, passage)) continue;
			const score = Math.max(...(matches as WordMatch[]).map((m) => m.score));
			collector.add({
				segment,
				passage,
				local: segment.passageArticle[passage]!,
				ordinal,
				start,
				end,
				ranges,
				kind: 'fuzzy',
				score: KIND_BASE.fuzzy + (segment.passageFlags[passage] !== 0 ? 0 : 0.02) + score,
			});
			if (collector.total >= limits.maxHits) return false;
		}
	}
	return true;
}
