// A query, start to finish: prepare it, run the exact stages (phrase, then all words), try the
// other keyboard layout when the query as typed found no exact match, fill the remaining places
// with fuzzy hits within the time budget, then turn the best hits into results with offsets into
// the article and snippets. Synchronous and bounded, so the UI can call it on every keystroke.
import {swapLayout} from '../text/keyboard.js';
import {kindRank, NOT_LITERAL} from './classify.js';
import {HitCollector} from './collector.js';
import {phraseStage, termsStage, type SegmentScope, type StageLimits} from './exact.js';
import {fuzzyStage} from './fuzzy.js';
import {finishHit, locateHit} from './hit.js';
import {prepareQuery, type PreparedQuery} from './query.js';
import type {SearchIndex} from './search-index.js';
import type {SearchOptions, SearchResult} from './types.js';

export const DEFAULT_LIMIT = 50;
export const DEFAULT_BUDGET_MS = 40;
/** fuse.js gets at most this long per query (within the overall budget). */
export const FUZZY_BUDGET_MS = 8;
export const DEFAULT_MAX_HITS = 2_000;
/** One or two letters match nearly every passage: counting them all would cost much and tell little. */
const SHORT_QUERY_MAX_HITS = 1_000;
/** The best this many hits are ranked once more with their text in hand (the query's own spelling first). */
const FINAL_POOL = 20;
/** Fuzzy hits are looked for only while there are fewer exact and tone-insensitive ones than this. */
const FUZZY_WHEN_FEWER_THAN = 10;

/** The segments (or one article's passages) a search covers. */
function scopesOf(index: SearchIndex, scope: string | undefined): SegmentScope[] {
	if (scope === undefined) return index.segments.map((segment) => ({segment, from: 0, to: segment.passageStart.length}));
	const ordinal = index.ordinalOf(scope);
	const place = ordinal < 0 ? undefined : index.locate(ordinal);
	if (!place) return [];
	const {segment, local} = place;
	return [{segment, from: segment.articlePassages[local]!, to: segment.articlePassages[local + 1]!}];
}

interface Run {
	query: PreparedQuery;
	collector: HitCollector;
	exhaustive: boolean;
}

function exactRun(scopes: SegmentScope[], query: PreparedQuery, limit: number, limits: StageLimits): Run {
	const collector = new HitCollector(Math.max(limit, FINAL_POOL));
	let exhaustive = phraseStage(scopes, query.phrase, collector, limits);
	if (exhaustive && query.terms.length > 1) exhaustive = termsStage(scopes, query.terms, collector, limits);
	return {query, collector, exhaustive};
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
		elapsedMs: 0,
		indexedArticles: index.indexedArticles,
		totalArticles: index.articles.length,
	};
	const prepared = prepareQuery(query);
	if (!prepared) return {...empty, elapsedMs: performance.now() - started};
	// One or two letters (or only such words) match nearly every passage.
	if (prepared.phrase.toneless.length < 3 || (prepared.terms.length > 1 && prepared.terms.every((t) => t.toneless.length < 3))) {
		limits.maxHits = Math.min(limits.maxHits, SHORT_QUERY_MAX_HITS);
	}
	const scopes = scopesOf(index, options.scope);

	let run = exactRun(scopes, prepared, limit, limits);
	let converted = false;
	// The other layout, tried only when the query as typed found nothing exact, and used only when it
	// does better: an exact or tone-insensitive match where the typed query had none.
	const swapped = run.collector.byKind.exact === 0 ? swapLayout(query) : undefined;
	const other = swapped === undefined ? undefined : prepareQuery(swapped);
	if (other) {
		const alternative = exactRun(scopes, other, limit, limits);
		const best = kindRank(alternative.collector.bestKind());
		if (best <= 1 && best < kindRank(run.collector.bestKind())) {
			run = alternative;
			converted = true;
		}
	}
	const {exact, tone} = run.collector.byKind;
	const fuzzyLimits = {...limits, deadline: Math.min(limits.deadline, performance.now() + (options.fuzzyBudgetMs ?? FUZZY_BUDGET_MS))};
	if (run.collector.total < limit && exact + tone < FUZZY_WHEN_FEWER_THAN) {
		run.exhaustive = fuzzyStage(scopes, run.query, run.collector, fuzzyLimits) && run.exhaustive;
		// A mistyped word in the wrong layout: nothing for the typed query, fuzzy hits for the other.
		if (run.collector.total === 0 && other && !converted) {
			const collector = new HitCollector(Math.max(limit, FINAL_POOL));
			const exhaustive = fuzzyStage(scopes, other, collector, fuzzyLimits);
			if (collector.total > 0) {
				run = {query: other, collector, exhaustive};
				converted = true;
			}
		}
	}
	// With the text at hand: a match spelled as typed (case aside) ranks above one that matched only
	// once folded. Only the best hits get this look, so it orders them; it never brings in others.
	const typed = run.query.text.trim().toLowerCase();
	const located = run.collector.best().map((raw) => {
		const hit = locateHit(index, raw);
		if (hit.ranges.length === 1 && hit.kind === 'exact' && hit.source.slice(hit.start, hit.end).toLowerCase() !== typed) hit.score += NOT_LITERAL;
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
		elapsedMs: performance.now() - started,
	};
}
