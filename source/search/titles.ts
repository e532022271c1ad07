// The sidebar's filter: articles whose title matches as you type, fuzzy too, read like a search
// query (words in any order, "phrases", -excluded words, date: and cat:). Titles are folded once
// (per article list); exact and tone-insensitive matches are found directly and rank first, then
// fuse.js scores the titles sharing the most trigrams with the query, so that a 10,000-article
// corpus filters in a few milliseconds.
import Fuse from 'fuse.js';
import type {Article} from '../corpus/types.js';
import {foldWithOffsets} from '../text/fold.js';
import {MAX_APPROXIMATE_LENGTH} from './approximate.js';
import {kindRank, matchKind} from './classify.js';
import type {MatchKind} from './collector.js';
import {findMatch, tonelessView, tonesEqual, viewSourceRange, type TonelessView} from './match.js';
import {fieldsAllow, foldedCategory} from './filters.js';
import {parseQuery} from './parse.js';
import {patternOf, prepareTerms, type Pattern} from './query.js';
import {queryTrigrams} from './trigrams.js';

export interface TitleMatch {
	article: Article;
	/** Position in the list given. */
	index: number;
	kind: MatchKind;
	/** 0 is best. */
	score: number;
	/** [from, to) ranges of Article.title to highlight. */
	highlights: [number, number][];
}

const FUSE_OPTIONS = {isCaseSensitive: true, ignoreLocation: true, ignoreFieldNorm: true, includeMatches: true, includeScore: true, threshold: 0.34};
const FUZZY_CANDIDATES = 200;

class TitleFilter {
	readonly folded: TonelessView[];
	private postings: Map<number, number[]> | undefined;

	constructor(readonly articles: readonly Article[]) {
		this.folded = articles.map((a) => tonelessView(foldWithOffsets(a.title, {compact: true})));
	}

	/** Trigram → titles holding it; built on the first fuzzy query. */
	private trigramPostings(): Map<number, number[]> {
		if (this.postings) return this.postings;
		const postings = new Map<number, number[]>();
		this.folded.forEach((title, i) => {
			for (const key of queryTrigrams(title.text).keys) {
				const list = postings.get(key);
				if (list) list.push(i);
				else postings.set(key, [i]);
			}
		});
		this.postings = postings;
		return postings;
	}

	filter(query: string): TitleMatch[] {
		const parsed = parseQuery(query);
		const {terms, together} = prepareTerms(parsed);
		const excluded = parsed.excludes.map(patternOf).filter((p): p is Pattern => p !== undefined);
		const category = foldedCategory(parsed.filters);
		// Date and category filters and excluded words narrow the list even without words to match.
		const allowed = (index: number) =>
			fieldsAllow(this.articles[index]!, parsed.filters, category) && !excluded.some((p) => findMatch(this.folded[index]!.text, 0, p) >= 0);
		if (terms.length === 0) {
			return this.articles.flatMap((article, index) => (allowed(index) ? [{article, index, kind: 'exact' as const, score: 0, highlights: []}] : []));
		}
		const results: TitleMatch[] = [];
		const matched = new Set<number>();
		this.folded.forEach((title, index) => {
			const highlights: [number, number][] = [];
			let worst: MatchKind = 'exact';
			for (const {pattern} of terms) {
				let best: {start: number; end: number; kind: MatchKind} | undefined;
				const length = pattern.toneless.length;
				for (let at = findMatch(title.text, 0, pattern); at >= 0; at = findMatch(title.text, at + 1, pattern)) {
					const kind = matchKind(title.text, at, at + length, tonesEqual(title.tones, at, at + length, pattern));
					if (!best || kindRank(kind) < kindRank(best.kind)) best = {start: at, end: at + length, kind};
				}
				if (!best) return;
				if (kindRank(best.kind) > kindRank(worst)) worst = best.kind;
				highlights.push(viewSourceRange(title, best.start, best.end));
			}
			matched.add(index);
			if (!allowed(index)) return;
			results.push({article: this.articles[index]!, index, kind: worst, score: kindRank(worst) * 0.2, highlights: highlights.sort((a, b) => a[0] - b[0])});
		});
		// Near spellings of the words as typed (a quoted phrase is matched as written only); fuse.js
		// cuts a long pattern into 32-unit pieces and pays for each: a pasted paragraph is not looked
		// for approximately.
		const whole = terms.length === 1 && !terms[0]!.quoted ? terms[0]!.pattern : together;
		if (whole && whole.toneless.length >= 4 && whole.toneless.length <= MAX_APPROXIMATE_LENGTH) {
			results.push(...this.fuzzy(whole.toneless, whole.allTrigrams, matched).filter((m) => allowed(m.index)));
		}
		return results.sort((a, b) => a.score - b.score || a.index - b.index);
	}

	private fuzzy(pattern: string, keys: readonly number[], matched: ReadonlySet<number>): TitleMatch[] {
		const postings = this.trigramPostings();
		const shared = new Map<number, number>();
		for (const key of keys) for (const i of postings.get(key) ?? []) if (!matched.has(i)) shared.set(i, (shared.get(i) ?? 0) + 1);
		const candidates = [...shared]
			.sort((a, b) => b[1] - a[1] || a[0] - b[0])
			.slice(0, FUZZY_CANDIDATES)
			.map(([i]) => i);
		if (candidates.length === 0) return [];
		const fuse = new Fuse(
			candidates.map((i) => this.folded[i]!.text),
			FUSE_OPTIONS,
		);
		const out: TitleMatch[] = [];
		for (const result of fuse.search(pattern)) {
			const indices = result.matches?.[0]?.indices;
			if (!indices || indices.length === 0) continue;
			const index = candidates[result.refIndex]!;
			const range = viewSourceRange(this.folded[index]!, indices[0]![0], indices[indices.length - 1]![1] + 1);
			out.push({article: this.articles[index]!, index, kind: 'fuzzy', score: 0.6 + (result.score ?? 1) * 0.4, highlights: [range]});
		}
		return out;
	}
}

const filters = new WeakMap<readonly Article[], TitleFilter>();

/**
 * Articles whose title matches `query`, best first (exact, then tone-insensitive, then inside a
 * word, then fuzzy; ties in list order). An empty query gives every article in order. The folded
 * titles are cached per array (and rebuilt when it grows, as it does while a corpus loads).
 */
export function filterTitles(articles: readonly Article[], query: string): TitleMatch[] {
	let filter = filters.get(articles);
	if (!filter || filter.articles.length !== articles.length) {
		filter = new TitleFilter([...articles]);
		filters.set(articles, filter);
	}
	return filter.filter(query);
}
