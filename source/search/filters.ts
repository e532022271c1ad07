// Which articles a query may answer from: its date range and category (date:… cat:…) and its
// excluded words (-word: an article holding one, in any tone spelling, is left out).
import type {Article} from '../corpus/types.js';
import {foldForSearch} from '../text/fold.js';
import type {ArticleFilter} from './collector.js';
import type {QueryFilters} from './parse.js';
import {candidatePassages} from './postings.js';
import {patternOf, type Pattern} from './query.js';
import type {Segment} from './segment.js';

function dateAllows(article: Article, filters: QueryFilters): boolean {
	if (filters.since === undefined && filters.until === undefined) return true;
	const iso = article.date?.iso;
	if (iso === undefined) return false;
	return (filters.since === undefined || iso >= filters.since) && (filters.until === undefined || iso <= filters.until);
}

/** True when the article's date and category (its `category` field, folded, holding `category`) pass the query's filters. */
export function fieldsAllow(article: Article, filters: QueryFilters, category: string | undefined): boolean {
	return (category === undefined || foldForSearch(article.fields?.['category'] ?? '').includes(category)) && dateAllows(article, filters);
}

/** The query's category filter folded for fieldsAllow. */
export function foldedCategory(filters: QueryFilters): string | undefined {
	return filters.category === undefined ? undefined : foldForSearch(filters.category);
}

/**
 * The filter for `filters` and `excludes` over `articles` (by ordinal); undefined when nothing is
 * filtered. Worked out for each article the first time a search asks about it (the articles
 * holding the words, not all of them: a one-letter excluded word, as typed on the way to a longer
 * one, would otherwise cost a scan of the whole corpus), then remembered.
 */
export function articleFilter(articles: readonly Article[], filters: QueryFilters, excludes: readonly string[]): ArticleFilter | undefined {
	const patterns = excludes.map(patternOf).filter((p): p is Pattern => p !== undefined);
	if (filters.since === undefined && filters.until === undefined && filters.category === undefined && patterns.length === 0) return undefined;
	const category = foldedCategory(filters);
	// 0 not asked yet, 1 allowed, 2 left out.
	const known = new Uint8Array(articles.length);
	// Per segment, for each excluded word with trigrams: the articles its candidate passages lie in
	// (no other article can hold it).
	const suspects = new Map<Segment, (Uint8Array | undefined)[]>();
	const suspectsIn = (segment: Segment): (Uint8Array | undefined)[] => {
		let list = suspects.get(segment);
		if (!list) {
			list = patterns.map((pattern) => {
				if (pattern.trigrams.length === 0) return undefined;
				const marks = new Uint8Array(segment.ordinals.length);
				const candidates = candidatePassages(segment, pattern.trigrams);
				if (candidates) for (let i = 0; i < candidates.length; i++) marks[segment.passageArticle[candidates[i]!]!] = 1;
				return marks;
			});
			suspects.set(segment, list);
		}
		return list;
	};
	return (segment, local) => {
		const ordinal = segment.ordinals[local]!;
		if (known[ordinal] !== 0) return known[ordinal] === 1;
		let allowed = fieldsAllow(articles[ordinal]!, filters, category);
		if (allowed && patterns.length > 0) {
			const marks = suspectsIn(segment);
			const text = segment.folded[local]!;
			allowed = !patterns.some((pattern, i) => (marks[i] === undefined || marks[i]![local] === 1) && text.includes(pattern.toneless));
		}
		known[ordinal] = allowed ? 1 : 2;
		return allowed;
	};
}
