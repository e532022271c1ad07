// The search index's job: a batch of articles (of one file, in corpus order) becomes sealed
// segments, their typed arrays moved back to the UI thread, which adds them to its index.
import type {Article} from '../corpus/types.js';
import type {FileStat} from '../search/search-index.js';
import {SearchIndexBuilder} from '../search/search-index.js';
import type {Segment} from '../search/segment.js';
import {buffersOf, defineJob, registerJob} from './registry.js';

/** An article as the job needs it: what indexing reads (no display blocks). */
export type IndexedArticle = Omit<Article, 'blocks'>;

export interface SearchBatch {
	/** Corpus ordinals of the articles, ascending. */
	ordinals: number[];
	articles: IndexedArticle[];
	/** Size and stamp of the batch's files, so that its segments can be cached. */
	stats: [string, FileStat][];
	segmentArticles?: number;
}

export const searchJob = defineJob<SearchBatch, Segment[]>('search');

/** The segments of one batch, ordinals as in the corpus. */
export function buildSearchBatch(batch: SearchBatch): Segment[] {
	const builder = new SearchIndexBuilder({fileStats: new Map(batch.stats), ...(batch.segmentArticles ? {segmentArticles: batch.segmentArticles} : {})});
	builder.add(batch.articles.map((a) => ({...a, blocks: []})));
	const {segments} = builder.finish();
	for (const segment of segments) for (let local = 0; local < segment.ordinals.length; local++) segment.ordinals[local] = batch.ordinals[segment.ordinals[local]!]!;
	return segments;
}

registerJob(searchJob, (batch) => {
	const segments = buildSearchBatch(batch);
	return {output: segments, transfer: buffersOf(segments.flatMap((s) => Object.values(s)))};
});
