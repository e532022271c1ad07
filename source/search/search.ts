// A query, start to finish: parse it into words, phrases, excluded words and filters; run the exact
// stages (the words side by side, then every word anywhere in an article, then other spellings of
// the whole query such as a name in another script); try the other keyboard layout when the query
// as typed found no exact match; fill the remaining places with near spellings of mistyped words
// within the time budget; when no article holds every word, fall back to the articles holding most
// of them (and say so); then turn the best hits into results with offsets into the article and
// snippets. Synchronous and bounded, so the UI can call it on every keystroke.
import {swapLayout} from '../text/keyboard.js';
import {allTermsStage, type TermSpellings} from './all-terms.js';
import {kindRank, NOT_LITERAL} from './classify.js';
import {HitCollector, type ArticleFilter} from './collector.js';
import {phraseStage, type SegmentScope, type StageLimits} from './exact.js';
import {articleFilter} from './filters.js';
import {forgetPassageSpellings, forgetSharedPassages, FUZZY_MIN_LENGTH, fuzzyStage, nearSpellings} from './fuzzy.js';
import {finishHit, locateHit} from './hit.js';
import {forgetOccurrences} from './occurrences.js';
import {parseQuery, type ParsedQuery} from './parse.js';
import {forgetCandidates} from './postings.js';
import {patternOf, preparePattern, prepareTerms, type Pattern, type PreparedTerms} from './query.js';
import type {SearchIndex} from './search-index.js';
import {passageCount} from './segment.js';
import type {SearchOptions, SearchResult} from './types.js';

export const DEFAULT_LIMIT = 50;
export const DEFAULT_BUDGET_MS = 40;
/** The fuzzy stage gets at most this long per query (within the overall budget). */
export const FUZZY_BUDGET_MS = 8;
export const DEFAULT_MAX_HITS = 2_000;
/** One or two letters match nearly every passage: counting them all would cost much and tell little. */
const SHORT_QUERY_MAX_HITS = 1_000;
/** The best this many hits are ranked once more with their text in hand (the query's own spelling first). */
const FINAL_POOL = 20;
/** Fuzzy hits are looked for only while there are fewer exact and tone-insensitive ones than this. */
const FUZZY_WHEN_FEWER_THAN = 10;
/** Other spellings of the whole query (names in another script) looked for. */
const MAX_ALSO_SPELLED = 8;
/**
 * Articles ranked (per hit kept) when the last of several words has one or two letters: a word
 * still being typed, in nearly every article holding the others. Past them the articles holding
 * every word are counted, not ranked; the next letter gives the word trigrams and the full answer.
 */
const RANKED_PER_HIT_WHILE_TYPING = 10;

/** Forgets everything kept across queries (candidates, occurrences, near-spelling counts): the next query starts cold. */
export function forgetKept(): void {
	forgetCandidates();
	forgetOccurrences();
	forgetSharedPassages();
	forgetPassageSpellings();
}

/** The segments (or one article's passages) a search covers. */
function scopesOf(index: SearchIndex, scope: string | undefined): SegmentScope[] {
	if (scope === undefined) return index.segments.map((segment) => ({segment, from: 0, to: passageCount(segment)}));
	const ordinal = index.ordinalOf(scope);
	const place = ordinal < 0 ? undefined : index.locate(ordinal);
	if (!place) return [];
	const {segment, local} = place;
	return [{segment, from: segment.articlePassages[local]!, to: segment.articlePassages[local + 1]!}];
}

/** A parsed query with its words prepared for matching. */
interface Prepared extends PreparedTerms {
	text: string;
	parsed: ParsedQuery;
}

function prepare(text: string): Prepared {
	const parsed = parseQuery(text);
	return {text, parsed, ...prepareTerms(parsed)};
}

interface Run {
	query: Prepared;
	collector: HitCollector;
	exhaustive: boolean;
}

function asTyped(query: Prepared): TermSpellings[] {
	return query.terms.map((t) => ({spellings: [{pattern: t.pattern, errors: 0}]}));
}

function exactRun(scopes: SegmentScope[], query: Prepared, also: readonly Pattern[], limit: number, limits: StageLimits, filter: ArticleFilter | undefined): Run {
	const collector = new HitCollector(Math.max(limit, FINAL_POOL), filter);
	let exhaustive = true;
	if (query.terms.length === 1) exhaustive = phraseStage(scopes, query.terms[0]!.pattern, collector, limits);
	else {
		if (query.together) exhaustive = phraseStage(scopes, query.together, collector, limits);
		const last = query.terms[query.terms.length - 1]!;
		const typing = !last.quoted && last.pattern.trigrams.length === 0;
		if (exhaustive)
			exhaustive = allTermsStage(scopes, asTyped(query), collector, limits, query.terms.length, typing ? RANKED_PER_HIT_WHILE_TYPING * collector.limit : Infinity);
	}
	for (const pattern of also) if (exhaustive) exhaustive = phraseStage(scopes, pattern, collector, limits);
	return {query, collector, exhaustive};
}

/** Fuzzy hits: near spellings of a mistyped word, or of each mistyped word of several (found within `discovery`, looked up within `limits`). */
function fuzzyRun(scopes: SegmentScope[], run: Run, limits: StageLimits, discovery: StageLimits): boolean {
	const {terms} = run.query;
	if (terms.length === 1) return terms[0]!.quoted || fuzzyStage(scopes, terms[0]!.pattern, run.collector, limits, discovery);
	const spelled = asTyped(run.query);
	let more = false;
	terms.forEach((t, i) => {
		if (t.quoted || t.pattern.toneless.length < FUZZY_MIN_LENGTH) return;
		for (const {toneless, errors} of nearSpellings(scopes, t.pattern, run.collector, discovery)) {
			spelled[i]!.spellings.push({pattern: preparePattern(toneless), errors});
			more = true;
		}
	});
	return !more || allTermsStage(scopes, spelled, run.collector, limits);
}

export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult {
	const started = performance.now();
	const limit = options.limit ?? DEFAULT_LIMIT;
	const limits: StageLimits = {deadline: started + (options.budgetMs ?? DEFAULT_BUDGET_MS), maxHits: options.maxHits ?? DEFAULT_MAX_HITS};
	const empty: SearchResult = {
		query,
		effectiveQuery: query,
		layoutConverted: false,
		hits: [],
		total: 0,
		exhaustive: true,
		partial: false,
		notes: [],
		elapsedMs: 0,
		indexedArticles: index.indexedArticles,
		totalArticles: index.articles.length,
	};
	const prepared = prepare(query);
	if (prepared.terms.length === 0) return {...empty, notes: prepared.parsed.notes, elapsedMs: performance.now() - started};
	// One or two letters (or only such words) match nearly every passage.
	if (prepared.terms.every((t) => t.pattern.toneless.length < 3)) limits.maxHits = Math.min(limits.maxHits, SHORT_QUERY_MAX_HITS);
	const scopes = scopesOf(index, options.scope);
	const {filters, excludes} = prepared.parsed;
	const filter = articleFilter(index.articles, filters, excludes);
	const also = (options.alsoSpelled ?? [])
		.slice(0, MAX_ALSO_SPELLED)
		.map(patternOf)
		.filter((p): p is Pattern => p !== undefined && p.folded !== prepared.together?.folded && p.folded !== prepared.terms[0]!.pattern.folded);

	let run = exactRun(scopes, prepared, also, limit, limits, filter);
	let converted = false;
	// The other layout, tried only when the query as typed found nothing exact, and used only when it
	// does better: an exact or tone-insensitive match where the typed query had none.
	const swapped = run.collector.byKind.exact === 0 && prepared.terms.every((t) => !t.quoted) ? swapLayout(query) : undefined;
	const swappedQuery = swapped === undefined ? undefined : prepare(swapped);
	const other = swappedQuery && swappedQuery.terms.length > 0 ? swappedQuery : undefined;
	if (other) {
		const alternative = exactRun(scopes, other, [], limit, limits, filter);
		const best = kindRank(alternative.collector.bestKind());
		if (best <= 1 && best < kindRank(run.collector.bestKind())) {
			run = alternative;
			converted = true;
		}
	}
	const {exact, tone} = run.collector.byKind;
	const fuzzyLimits = {...limits, deadline: Math.min(limits.deadline, performance.now() + (options.fuzzyBudgetMs ?? FUZZY_BUDGET_MS))};
	if (run.collector.total < limit && exact + tone < FUZZY_WHEN_FEWER_THAN) {
		run.exhaustive = fuzzyRun(scopes, run, fuzzyLimits, fuzzyLimits) && run.exhaustive;
		// A mistyped word in the wrong layout: nothing for the typed query, fuzzy hits for the other.
		if (run.collector.total === 0 && other && !converted) {
			const alternative: Run = {query: other, collector: new HitCollector(Math.max(limit, FINAL_POOL), filter), exhaustive: true};
			alternative.exhaustive = fuzzyRun(scopes, alternative, fuzzyLimits, fuzzyLimits);
			if (alternative.collector.total > 0) {
				run = alternative;
				converted = true;
			}
		}
	}
	// No article holds every word: the articles holding some of them, the most first, said so.
	let partial = false;
	if (run.query.terms.length > 1 && run.collector.total === 0) {
		run.exhaustive = allTermsStage(scopes, asTyped(run.query), run.collector, limits, 1) && run.exhaustive;
		partial = run.collector.total > 0;
	}
	// With the text at hand: a match spelled as typed (case aside) ranks above one that matched only
	// once folded. Only the best hits get this look, so it orders them; it never brings in others.
	// An entity's other spelling (`options.alsoSpelled`) is a spelling asked for too: its mentions,
	// written as it is written, are not "matched only once folded".
	const typed = new Set([
		run.query.parsed.terms
			.map((t) => t.text.trim())
			.join(' ')
			.toLowerCase(),
		...(options.alsoSpelled ?? []).slice(0, MAX_ALSO_SPELLED).map((s) => s.trim().toLowerCase()),
	]);
	const located = run.collector.best().map((raw) => {
		const hit = locateHit(index, raw);
		if (hit.ranges.length === 1 && hit.kind === 'exact' && !typed.has(hit.source.slice(hit.start, hit.end).toLowerCase())) hit.score += NOT_LITERAL;
		return hit;
	});
	located.sort((a, b) => a.score - b.score || a.ordinal - b.ordinal || a.start - b.start);
	const hits = located.slice(0, limit).map((hit) => finishHit(hit, options.snippetLength));
	return {
		...empty,
		effectiveQuery: run.query.text,
		layoutConverted: converted,
		hits,
		total: run.collector.total,
		exhaustive: run.exhaustive,
		partial,
		notes: prepared.parsed.notes,
		elapsedMs: performance.now() - started,
	};
}
