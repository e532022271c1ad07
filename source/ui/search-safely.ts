// The reader's searches, over an index that may lie on disk (a large corpus's: disk-segment.ts).
// A cache file damaged or replaced under a running reader throws DiskCacheDamaged halfway through a
// query; the reader then shows no hits and one line saying why, instead of ending.
import {DiskCacheDamaged, search, type SearchIndex, type SearchOptions, type SearchResult} from '../search/index.js';
import {sanitizeInline} from '../text/sanitize.js';

export function searchSafely(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult {
	try {
		return search(index, query, options);
	} catch (error) {
		if (!(error instanceof DiskCacheDamaged)) throw error;
		const note = `search cache ${sanitizeInline(error.file)} changed on disk (${sanitizeInline(error.message)}): open khao again to rebuild it`;
		return {
			query,
			effectiveQuery: query,
			layoutConverted: false,
			hits: [],
			total: 0,
			exhaustive: false,
			partial: false,
			notes: [note],
			elapsedMs: 0,
			indexedArticles: index.indexedArticles,
			totalArticles: index.articles.length,
		};
	}
}
