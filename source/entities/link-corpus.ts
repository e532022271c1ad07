// The linked entity index of a whole corpus for the one-shot modes (`--entities`, and `--index`,
// which builds it ahead of time): read from the linked cache when that is valid for these articles
// and corrections, else linked from the detections (cached per file, or detected now) and written
// back, so that the next run, and the reader, read one file instead of linking again. The names
// file beside it (names-cache.ts) lets a one-shot `--search` look a name up without either.
import type {Article, CorpusWarning} from '../corpus/types.js';
import {EntityIndexBuilder} from './builder.js';
import type {EntityCorrections} from './corrections.js';
import {detectCorpus} from './detect-corpus.js';
import {EntityIndex} from './entity-index.js';
import {openLinkedCache} from './linked-cache.js';
import {saveNamesCache} from './names-cache.js';
import {phase} from '../workers/phase-log.js';
import {collectGarbage} from '../workers/collect.js';

export interface LinkCorpusOptions {
	/** Where the caches live; undefined: none read or written. */
	cacheDir?: string;
	corrections?: EntityCorrections;
	/** Cache problems (damaged, not writable), each said once. */
	onWarning: (warning: CorpusWarning) => void;
	/** Articles linked so far, of all. */
	onProgress?: (done: number, total: number) => void;
	/** Worker threads to detect in (detect-corpus.ts's default; 0 inside a worker). */
	threads?: number;
}

export interface LinkedCorpus {
	index: EntityIndex;
	/** True when the index was read from the linked cache (no detection, no linking). */
	fromCache: boolean;
}

export async function linkCorpus(articles: readonly Article[], options: LinkCorpusOptions): Promise<LinkedCorpus> {
	const {cacheDir, corrections, onWarning, onProgress} = options;
	phase('link: open linked cache');
	const cache = openLinkedCache(cacheDir, articles, corrections, onWarning);
	if (cache.data !== undefined) {
		onProgress?.(articles.length, articles.length);
		const index = new EntityIndex(cache.data);
		// A linked cache of an earlier khao, or one the reader wrote, gets its names file now.
		if (cacheDir !== undefined) await saveNamesCache(cacheDir, articles, corrections, index.data, onWarning);
		return {index, fromCache: true};
	}
	const index = await linkAfresh(articles, options);
	// The builder (its mention table and the linker's sets, about as large as the index) is garbage
	// now: collected before the cache is encoded and the names tables are built beside the index.
	phase('link: linked');
	collectGarbage();
	phase('link: save linked cache');
	await cache.save(index.data);
	phase('link: save names');
	// Once the builder is let go (linkAfresh's): the name tables are built beside the index alone.
	if (cacheDir !== undefined) await saveNamesCache(cacheDir, articles, corrections, index.data, onWarning);
	phase('link: done');
	return {index, fromCache: false};
}

/** The index linked from the detections (cached per file, or detected now). */
async function linkAfresh(articles: readonly Article[], {cacheDir, corrections, onWarning, onProgress, threads}: LinkCorpusOptions): Promise<EntityIndex> {
	const builder = new EntityIndexBuilder({...(corrections ? {corrections} : {}), nameSearch: false});
	const detected = detectCorpus(articles, {...(cacheDir === undefined ? {} : {cacheDir}), ...(threads === undefined ? {} : {threads}), onWarning, awaitWrites: true});
	phase('link: detections');
	let done = 0;
	for await (const batch of detected) {
		builder.addDetected(batch);
		done += batch.length;
		onProgress?.(done, articles.length);
	}
	phase('link: snapshot');
	return builder.snapshot();
}
