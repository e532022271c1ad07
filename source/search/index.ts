// The search core's public face: build or open an index, query it, list one article's matches,
// filter titles. Nothing here imports Ink or React.
export {SearchIndex, SearchIndexBuilder, type FileStat} from './search-index.js';
export {openSearchIndex, openCachedSteps, indexCorpusSteps, type CachedStart, type IndexProgress, type OpenIndexOptions} from './open.js';
export {defaultCacheDir, writeCacheAsync} from './cache.js';
export {DiskCacheDamaged} from './disk-segment.js';
export {search, DEFAULT_LIMIT, DEFAULT_BUDGET_MS} from './search.js';
export {matchesInArticle, type MatchRange} from './matches.js';
export {filterTitles, type TitleMatch} from './titles.js';
export type {Hit, MatchKind, SearchOptions, SearchResult} from './types.js';
