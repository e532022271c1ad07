import type {MatchKind} from './collector.js';

export type {MatchKind} from './collector.js';

export interface Hit {
	articleId: string;
	/** Position of the article in the index's article list (corpus order). */
	ordinal: number;
	/**
	 * Where `start`/`end`/`passageStart`/`passageEnd`/`ranges` point: 'text' = Article.text (the
	 * usual case), 'title' = Article.title, for a title that is not part of the text (.jsonl).
	 */
	field: 'text' | 'title';
	/** The match: UTF-16 offsets into the field. For several words, the first of them in the stretch shown. */
	start: number;
	end: number;
	/** Every matched range (each word of a multi-word query), ascending. */
	ranges: [number, number][];
	kind: MatchKind;
	/**
	 * 0 is best. Bands: exact [0, 0.2), tone-insensitive [0.2, 0.4), inside a cluster [0.4, 0.6),
	 * fuzzy [0.6, 1]; within a band, titles, word starts and phrases rank first (see classify.ts).
	 */
	score: number;
	/** The passage (sentence or paragraph) holding the match, in the same field. */
	passageStart: number;
	passageEnd: number;
	/** A one-line window around the match, cut at Thai word boundaries, safe for the terminal. */
	snippet: string;
	/** [from, to) ranges of `snippet` to highlight, widened to whole grapheme clusters. */
	snippetHighlights: [number, number][];
}

export interface SearchResult {
	/** The query as typed. */
	query: string;
	/** The query the hits are for: the query, or its keyboard-layout conversion when that matched better. */
	effectiveQuery: string;
	layoutConverted: boolean;
	/** The best `limit` hits, best first. */
	hits: Hit[];
	/** Passages that matched (a lower bound when `exhaustive` is false). */
	total: number;
	/** False when the time budget or the hit cap stopped the search early. */
	exhaustive: boolean;
	/** No article holds every word: the hits hold most of them (the best partial matches). */
	partial: boolean;
	/** One-line messages about the query (a filter not understood, words left out of a long query). */
	notes: string[];
	elapsedMs: number;
	/** Articles searched (the index may still be building) and articles in the corpus. */
	indexedArticles: number;
	totalArticles: number;
}

export interface SearchOptions {
	/** Search only this article (Article.id). */
	scope?: string;
	/** Hits to return (default 50). */
	limit?: number;
	/** Time after which the stages stop and answer with what they found (default 40 ms). */
	budgetMs?: number;
	/** Time the fuzzy stage (near spellings of mistyped words) may take within that (default 8 ms). */
	fuzzyBudgetMs?: number;
	/** Stop counting after this many matching passages (default 2,000; 1,000 for one- or two-letter queries). */
	maxHits?: number;
	/**
	 * Other spellings of the whole query, looked for as well: the names of an entity the query
	 * names, in every script (`macron` → มาครง), given by the caller that knows the entities.
	 */
	alsoSpelled?: readonly string[];
	/** Snippet length in source characters (default 160). */
	snippetLength?: number;
}
