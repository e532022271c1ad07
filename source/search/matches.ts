// All matches of a query in one article, in text order: what n / N step through and what
// "match 4 of 37" counts. Only the best kind present is returned (an article with exact matches
// of สี does not also step through its สี่), falling back to fuzzy matches per passage.
import Fuse from 'fuse.js';
import type {Article} from '../corpus/types.js';
import {foldWithOffsets} from '../text/fold.js';
import {kindRank, matchKind} from './classify.js';
import type {MatchKind} from './collector.js';
import {findMatch, tonelessView, tonesEqual, viewSourceRange, type TonelessView} from './match.js';
import {passageStarts} from './passages.js';
import {prepareQuery, type Pattern} from './query.js';

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

const FUSE_OPTIONS = {isCaseSensitive: true, ignoreLocation: true, ignoreFieldNorm: true, includeMatches: true, includeScore: true, threshold: 0.34};

/** The matches of `query` in `article.text`, in order (for a multi-word query: the phrase, else every word). */
export function matchesInArticle(article: Article, query: string): MatchRange[] {
	const prepared = prepareQuery(query);
	if (!prepared) return [];
	const text = article.text;
	const view = tonelessView(foldWithOffsets(text, {compact: true}));
	const toSource = (m: ViewMatch): MatchRange => {
		const [start, end] = viewSourceRange(view, m.start, m.end);
		return {start, end, kind: m.kind};
	};
	let matches = allMatches(view, prepared.phrase);
	if (matches.length === 0 && prepared.terms.length > 1) {
		const perTerm = prepared.terms.map((term) => allMatches(view, term));
		// Every word must be somewhere in the article, as in search.
		if (perTerm.every((m) => m.length > 0)) matches = perTerm.flat().sort((a, b) => a.start - b.start || b.end - a.end);
	}
	if (matches.length > 0) return bestKindOnly(matches).map(toSource);
	// Fuzzy: the best approximate match in each passage.
	const starts: number[] = [];
	passageStarts(text, 0, text.length, starts);
	const pieces = starts.map((from, i) => tonelessView(foldWithOffsets(text, {from, to: i + 1 < starts.length ? starts[i + 1]! : text.length, compact: true})));
	const fuse = new Fuse(
		pieces.map((p) => p.text),
		FUSE_OPTIONS,
	);
	const fuzzy: MatchRange[] = [];
	for (const result of fuse.search(prepared.phrase.toneless)) {
		const indices = result.matches?.[0]?.indices;
		if (!indices || indices.length === 0) continue;
		const [start, end] = viewSourceRange(pieces[result.refIndex]!, indices[0]![0], indices[indices.length - 1]![1] + 1);
		fuzzy.push({start, end, kind: 'fuzzy'});
	}
	return fuzzy.sort((a, b) => a.start - b.start);
}
