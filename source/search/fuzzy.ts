// The fuzzy stage, for typos. Passages sharing the most trigrams with a word become candidates; in
// each, approximate matching (edit distance on the tone-less text, verified per candidate, on
// cluster and word boundaries) finds the words within a few edits of it: its near spellings (a
// typo's likely meanings). Each near spelling is then looked for everywhere like a typed word, so
// every occurrence is found, once, with the span of the word that is there. Run only when the exact
// stages leave room in the results, so it never pushes an exact hit out; bounded by the budget.
import {approximateSpans, maxErrors, MAX_APPROXIMATE_LENGTH} from './approximate.js';
import type {HitCollector} from './collector.js';
import {phraseStage, type SegmentScope, type StageLimits} from './exact.js';
import {decodePostings} from './postings.js';
import {preparePattern, type Pattern} from './query.js';
import {keyIndex, passageCount, passageEnd, type Segment} from './segment.js';

/** Shortest tone-less query worth a fuzzy search (shorter ones match everything). */
export const FUZZY_MIN_LENGTH = 4;
const MAX_CANDIDATES = 160;
/** With exact hits already found, fuzzy ones only fill in: fewer candidates, closer ones. */
const MAX_CANDIDATES_BESIDE_EXACT = 32;
const BATCH = 16;
/** Near spellings kept per word (the closest, then the most frequent). */
const MAX_SPELLINGS = 6;
/** Trigrams held by more than this share of a segment's passages say little; counting them costs much. */
const COMMON_SHARE = 1 / 6;

interface Candidate {
	segment: Segment;
	passage: number;
	shared: number;
	ordinal: number;
}

let counts = new Uint8Array(65_536);
let ids = new Int32Array(65_536);

/** The passages of a scope sharing enough trigrams with a word, and how many each shares. */
interface Shared {
	passages: Int32Array;
	shared: Uint8Array;
}

// What the postings say for a word does not change while it is typed on or a word after it is: the
// shared counts of the last words looked up are kept per segment (most recently used last), so the
// next keystroke decodes no posting list for them.
const SHARED_KEPT = 16;
let sharedKept = new WeakMap<Segment, Map<string, Shared>>();
/** How many times the shared counts were worked out from the postings (not taken from those kept). */
export let sharedCounted = 0;

/** Forgets the kept shared counts (the next lookups decode the postings again). */
export function forgetSharedPassages(): void {
	sharedKept = new WeakMap();
}

/** The passages of [from, to) of `segment` sharing enough of `keys` (the trigrams of a word `length` long). */
function sharedPassages(segment: Segment, from: number, to: number, keys: readonly number[], length: number): Shared {
	let kept = sharedKept.get(segment);
	if (!kept) sharedKept.set(segment, (kept = new Map()));
	const name = `${from} ${to} ${length} ${keys.join(',')}`;
	const known = kept.get(name);
	if (known) {
		kept.delete(name);
		kept.set(name, known);
		return known;
	}
	const found = sharedIn(segment, from, to, keys, length);
	sharedCounted++;
	if (kept.size >= SHARED_KEPT) kept.delete(kept.keys().next().value!);
	kept.set(name, found);
	return found;
}

function sharedIn(segment: Segment, from: number, to: number, keys: readonly number[], length: number): Shared {
	const none = {passages: new Int32Array(0), shared: new Uint8Array(0)};
	const passages = passageCount(segment);
	if (counts.length < passages) counts = new Uint8Array(passages);
	const found = keys.map((key) => keyIndex(segment, key)).filter((k) => k >= 0);
	found.sort((a, b) => segment.counts[a]! - segment.counts[b]!);
	// Skip the very common (counting them is the cost), but never in a small segment, and never
	// the three rarest.
	const common = Math.max(passages * COMMON_SHARE, 2_000);
	const used = found.filter((k, i) => i < 3 || segment.counts[k]! <= common);
	if (used.length === 0) return none;
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
	const out = {passages: new Int32Array(touched.length), shared: new Uint8Array(touched.length)};
	let n = 0;
	for (const p of touched) {
		const shared = counts[p]!;
		counts[p] = 0;
		if (shared < minShared) continue;
		out.passages[n] = p;
		out.shared[n++] = shared;
	}
	return {passages: out.passages.slice(0, n), shared: out.shared.slice(0, n)};
}

const histogram = new Int32Array(256);

/**
 * Passages sharing the most of `keys` (the trigrams of a query `length` long), best first: most
 * shared, then corpus order. A common word shares trigrams with thousands of passages: the count
 * that makes the cut is found from a histogram of the shared counts, and only the passages at or
 * above it are looked at further (the same `max` as sorting them all, without an object for each).
 */
function fuzzyCandidates(scopes: readonly SegmentScope[], keys: readonly number[], length: number, collector: HitCollector, max: number): Candidate[] {
	const found = scopes.map(({segment, from, to}) => sharedPassages(segment, from, to, keys, length));
	histogram.fill(0);
	found.forEach(({passages, shared}, s) => {
		const {segment} = scopes[s]!;
		for (let i = 0; i < passages.length; i++) if (!collector.has(segment, passages[i]!)) histogram[shared[i]!]!++;
	});
	// The least shared count still in: every passage sharing more is in, some sharing exactly it.
	let cut = 255;
	for (let above = 0; cut > 0 && above + histogram[cut]! < max; cut--) above += histogram[cut]!;
	const all: Candidate[] = [];
	found.forEach(({passages, shared}, s) => {
		const {segment} = scopes[s]!;
		for (let i = 0; i < passages.length; i++) {
			const p = passages[i]!;
			if (shared[i]! < cut || collector.has(segment, p)) continue;
			all.push({segment, passage: p, shared: shared[i]!, ordinal: segment.ordinals[segment.passageArticle[p]!]!});
		}
	});
	all.sort((a, b) => b.shared - a.shared || a.ordinal - b.ordinal || a.passage - b.passage);
	return all.length > max ? all.slice(0, max) : all;
}

/** A near spelling of a word (tone-less compact) and its distance from it. */
export interface Spelling {
	toneless: string;
	errors: number;
}

/** A near spelling found in one passage. */
interface Found {
	spelling: string;
	errors: number;
}

// What one passage holds near a word does not change: a word already complete (the first of
// several, while the next is typed) is looked for in the same candidate passages on every
// keystroke, so what each gave is kept for the last passages looked at in each segment (most
// recently used last; with the segment, so that an index let go takes them along).
const SPELLINGS_KEPT = 256;
let spellingsKept = new WeakMap<Segment, Map<string, Found[]>>();

/** How many times a passage was searched for a word's near spellings (not taken from those kept). */
export let passagesSearched = 0;

/** Forgets the near spellings kept per passage. */
export function forgetPassageSpellings(): void {
	spellingsKept = new WeakMap();
}

/** The spellings within `k` edits of `word` (not itself) starting in passage `passage`, in text order. */
function spellingsIn(segment: Segment, passage: number, word: string, k: number): Found[] {
	let kept = spellingsKept.get(segment);
	if (!kept) spellingsKept.set(segment, (kept = new Map()));
	const name = `${passage} ${word}`;
	const known = kept.get(name);
	if (known) {
		kept.delete(name);
		kept.set(name, known);
		return known;
	}
	passagesSearched++;
	const text = segment.folded[segment.passageArticle[passage]!]!;
	const start = segment.passageStart[passage]!;
	const end = passageEnd(segment, passage);
	// The passage and enough of what follows for a word that starts in it.
	const to = Math.min(text.length, end + word.length + k + 4);
	const out: Found[] = [];
	for (const span of approximateSpans(text, start, to, word, k)) {
		if (span.start >= end || span.errors === 0) continue;
		const spelling = text.slice(span.start, span.end);
		if (spelling !== word) out.push({spelling, errors: span.errors});
	}
	if (kept.size >= SPELLINGS_KEPT) kept.delete(kept.keys().next().value!);
	kept.set(name, out);
	return out;
}

/**
 * The spellings within a few edits of `pattern` found in the candidate passages (not itself),
 * closest first. Stops at the deadline after the first batch.
 */
export function nearSpellings(scopes: readonly SegmentScope[], pattern: Pattern, collector: HitCollector, limits: StageLimits, max = MAX_CANDIDATES): Spelling[] {
	const length = pattern.toneless.length;
	const k = maxErrors(length);
	if (k === 0 || length > MAX_APPROXIMATE_LENGTH) return [];
	const candidates = fuzzyCandidates(scopes, pattern.allTrigrams, length, collector, max);
	const found = new Map<string, {errors: number; count: number}>();
	for (let b = 0; b < candidates.length; b++) {
		if (b >= BATCH && b % BATCH === 0 && performance.now() > limits.deadline) break;
		const {segment, passage} = candidates[b]!;
		for (const {spelling, errors} of spellingsIn(segment, passage, pattern.toneless, k)) {
			const had = found.get(spelling);
			if (had) {
				had.count++;
				had.errors = Math.min(had.errors, errors);
			} else found.set(spelling, {errors, count: 1});
		}
	}
	return [...found]
		.sort((a, b) => a[1].errors - b[1].errors || b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
		.slice(0, MAX_SPELLINGS)
		.map(([toneless, {errors}]) => ({toneless, errors}));
}

/**
 * Adds fuzzy hits for a single word (or a phrase without quotes): every occurrence of its near
 * spellings, found within `discovery` (the fuzzy budget), looked up within `limits`. Returns false
 * when the time budget stopped it.
 */
export function fuzzyStage(scopes: readonly SegmentScope[], pattern: Pattern, collector: HitCollector, limits: StageLimits, discovery: StageLimits = limits): boolean {
	if (pattern.toneless.length < FUZZY_MIN_LENGTH) return true;
	const beside = collector.byKind.exact + collector.byKind.tone > 0;
	const spellings = nearSpellings(scopes, pattern, collector, discovery, beside ? MAX_CANDIDATES_BESIDE_EXACT : MAX_CANDIDATES);
	for (const {toneless, errors} of spellings) {
		if (!phraseStage(scopes, preparePattern(toneless), collector, limits, {errors})) return false;
	}
	return true;
}
