// Linking's job for the reader of a large corpus: the detections already in their cache files are
// linked across the corpus and the linked cache is written, in a worker, as `khao --index` links.
// The linked graph (hundreds of MB at 60,000 articles) then lives and dies with this job: the UI
// thread opens the linked cache as a reopen does and never holds the graph being built.
import {StoredArticle} from '../corpus/article-store.js';
import type {CorpusWarning} from '../corpus/types.js';
import type {EntityCorrections} from '../entities/corrections.js';
import {linkCorpus} from '../entities/link-corpus.js';
import {setTaggerEnabled} from '../entities/model/load.js';
import {deserializeChunks} from './chunked-input.js';
import {defineJob, registerJob} from './registry.js';
import type {IndexedArticle} from './search-job.js';

export interface LinkInput {
	/**
	 * The whole corpus, in order, as IndexedArticle chunks (serializeInChunks: cloned whole by
	 * postMessage, 60,000 articles held the UI thread 131 ms). Bodies stay on disk: read only if a
	 * cached block must be detected again.
	 */
	articles: Uint8Array[];
	cacheDir: string;
	corrections?: EntityCorrections;
	/** Detect as the calling thread does: by the rules alone when its tagger is off or unusable. */
	rulesOnly: boolean;
}

/** The cache problems met (the UI thread shows them); the result itself is the linked cache file. */
export const linkJob = defineJob<LinkInput, CorpusWarning[]>('link');

registerJob(linkJob, async ({articles, cacheDir, corrections, rulesOnly}) => {
	setTaggerEnabled(!rulesOnly);
	const warnings: CorpusWarning[] = [];
	const stored = deserializeChunks<IndexedArticle>(articles).map(({locator, textLength, ...meta}) => new StoredArticle(meta, textLength, locator));
	// An article whose cached block must be detected again is detected here: no pool inside a pool.
	await linkCorpus(stored, {cacheDir, ...(corrections ? {corrections} : {}), onWarning: (w) => warnings.push(w), threads: 0});
	return {output: warnings};
});
