// All matches of a query in one article, in text order: what n / N step through and what
// "match 4 of 37" counts. The query is read as search reads it (words, "phrases", other spellings
// of the whole query such as an entity's names in other scripts). Only the best kind present is
// returned (an article with exact matches of สี does not also step through its สี่), falling back
// to the near spellings of a mistyped word: each occurrence once, with the span of the word there.
import type {Article} from '../corpus/types.js';
import {foldWithOffsets} from '../text/fold.js';
import {approximateIn, maxErrors} from './approximate.js';
import {kindRank, matchKind} from './classify.js';
import type {MatchKind} from './collector.js';
import {findMatch, tonelessView, tonesEqual, viewSourceRange, type TonelessView} from './match.js';
import {parseQuery} from './parse.js';
import {patternOf, prepareTerms, type Pattern} from './query.js';

/** Most steps of approximate matching spent on one word in one article (about a second). */
const MAX_APPROXIMATE_STEPS = 200_000_000;

export interface MatchRange {
	/** UTF-16 offsets into Article.text. */
	start: number;
	end: number;
	kind: MatchKind;
}

interface ViewMatch {
	start: number;
	end: number;
	kind: MatchKind;
}

function allMatches(view: TonelessView, pattern: Pattern): ViewMatch[] {
	const out: ViewMatch[] = [];
	const length = pattern.toneless.length;
	for (let at = findMatch(view.text, 0, pattern); at >= 0; at = findMatch(view.text, at + length, pattern)) {
		out.push({start: at, end: at + length, kind: matchKind(view.text, at, at + length, tonesEqual(view.tones, at, at + length, pattern))});
	}
	return out;
}

function bestKindOnly<T extends {kind: MatchKind}>(matches: T[]): T[] {
	let best = 4;
	for (const m of matches) best = Math.min(best, kindRank(m.kind));
	return matches.filter((m) => kindRank(m.kind) === best);
}

/** The matches of `query` in `article.text`, in order (for several words: where they stand side by side, else every word). */
export function matchesInArticle(article: Article, query: string, options: {alsoSpelled?: readonly string[]} = {}): MatchRange[] {
	const {terms, together: side} = prepareTerms(parseQuery(query));
	if (terms.length === 0) return [];
	const text = article.text;
	const view = tonelessView(foldWithOffsets(text, {compact: true}));
	const toSource = (m: ViewMatch): MatchRange => {
		const [start, end] = viewSourceRange(view, m.start, m.end);
		return {start, end, kind: m.kind};
	};
	const also = (options.alsoSpelled ?? []).map(patternOf).filter((p): p is Pattern => p !== undefined);
	const whole = terms.length === 1 ? terms[0]!.pattern : side;
	const near = (pattern: Pattern, quoted: boolean): ViewMatch[] =>
		// The programme costs text × pattern steps: a huge article is not searched approximately.
		quoted || view.text.length * pattern.toneless.length > MAX_APPROXIMATE_STEPS
			? []
			: approximateIn(view.text, pattern.toneless, maxErrors(pattern.toneless.length)).map((span) => ({start: span.start, end: span.end, kind: 'fuzzy' as const}));
	const together = [whole, ...also].flatMap((p) => (p ? allMatches(view, p) : []));
	if (terms.length === 1) {
		const {pattern, quoted} = terms[0]!;
		return dedupe(together.length > 0 ? bestKindOnly(together) : near(pattern, quoted)).map(toSource);
	}
	// Several words: where they stand together, and every word (in its best kind; a mistyped one by
	// its near spellings), so that n / N step through every place the hit stands for.
	const each = terms.flatMap(({pattern, quoted}) => {
		const exact = bestKindOnly(allMatches(view, pattern));
		return exact.length > 0 ? exact : near(pattern, quoted);
	});
	return dedupe([...together, ...each]).map(toSource);
}

/** In text order, without repeats or matches inside another. */
function dedupe(matches: ViewMatch[]): ViewMatch[] {
	const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
	const out: ViewMatch[] = [];
	for (const m of sorted) {
		const last = out[out.length - 1];
		if (last && m.start < last.end) continue;
		out.push(m);
	}
	return out;
}
