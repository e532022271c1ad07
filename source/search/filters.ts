// Which articles a query may answer from: its date range and category (date:… cat:…) and its
// excluded words (-word: an article holding one, in any tone spelling, is left out).
import type {Article} from '../corpus/types.js';
import {foldCompact, foldForSearch} from '../text/fold.js';
import type {ArticleFilter} from './collector.js';
import type {SegmentScope} from './exact.js';
import type {QueryFilters} from './parse.js';
import {candidatePassages} from './postings.js';
import {preparePattern} from './query.js';

function dateAllows(article: Article, filters: QueryFilters): boolean {
	if (filters.since === undefined && filters.until === undefined) return true;
	const iso = article.date?.iso;
	if (iso === undefined) return false;
	return (filters.since === undefined || iso >= filters.since) && (filters.until === undefined || iso <= filters.until);
}

/** The filter for `filters` and `excludes` over `articles` (by ordinal); undefined when nothing is filtered. */
export function articleFilter(articles: readonly Article[], scopes: readonly SegmentScope[], filters: QueryFilters, excludes: readonly string[]): ArticleFilter | undefined {
	const patterns = excludes.map((x) => preparePattern(foldCompact(x).trim())).filter((p) => p.toneless !== '');
	if (filters.since === undefined && filters.until === undefined && filters.category === undefined && patterns.length === 0) return undefined;
	const allowed = new Uint8Array(articles.length);
	const category = filters.category === undefined ? undefined : foldForSearch(filters.category);
	for (let o = 0; o < articles.length; o++) {
		const article = articles[o]!;
		const inCategory = category === undefined || foldForSearch(article.fields?.['category'] ?? '').includes(category);
		allowed[o] = inCategory && dateAllows(article, filters) ? 1 : 0;
	}
	for (const pattern of patterns) {
		for (const {segment} of scopes) {
			const candidates = pattern.trigrams.length > 0 ? candidatePassages(segment, pattern.trigrams) : undefined;
			if (pattern.trigrams.length > 0 && !candidates) continue;
			if (candidates) {
				for (let i = 0; i < candidates.length; i++) {
					const local = segment.passageArticle[candidates[i]!]!;
					const ordinal = segment.ordinals[local]!;
					// The article of several candidate passages is looked at once.
					if (allowed[ordinal] === 1 && segment.folded[local]!.includes(pattern.toneless)) allowed[ordinal] = 0;
				}
			} else {
				for (let local = 0; local < segment.ordinals.length; local++) {
					const ordinal = segment.ordinals[local]!;
					if (allowed[ordinal] === 1 && segment.folded[local]!.includes(pattern.toneless)) allowed[ordinal] = 0;
				}
			}
		}
	}
	return (ordinal) => allowed[ordinal] === 1;
}
