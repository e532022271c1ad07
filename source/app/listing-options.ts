import {defaultCacheDir} from '../search/cache.js';

/** Where big .jsonl files' listings are cached: the cache folder, unless caching is off (--no-cache, KHAO_CACHE_DIR=off). */
export function listingCacheOf(flags: {cache: boolean}): {listingCache?: {dir: string}} {
	const dir = flags.cache ? defaultCacheDir() : undefined;
	return dir === undefined ? {} : {listingCache: {dir}};
}
