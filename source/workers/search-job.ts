// The search index's job: a batch of articles (of one file, in corpus order) becomes sealed
// segments, their typed arrays moved back to the UI thread, which adds them to its index.
import {locatorOf, readArticleBody, textLengthOf, type ArticleLocator} from '../corpus/article-store.js';
import type {Article} from '../corpus/types.js';
import type {FileStat} from '../search/search-index.js';
import {SearchIndexBuilder} from '../search/search-index.js';
import type {Segment} from '../search/segment.js';
import {buffersOf, defineJob, registerJob} from './registry.js';

/**
 * An article as a job receives it: its metadata and its locator, not its text (the worker reads the
 * body itself, so half a gigabyte of text never crosses postMessage); text read for stdin or
 * articles made in code travels in a 'memory' locator.
 */
export interface IndexedArticle extends Pick<Article, 'id' | 'path' | 'format' | 'title'> {
	locator: ArticleLocator;
	textLength: number;
}

/** The article with its body read from its locator (a body that changed since listing reads as the reader shows it). */
export function withBody(article: IndexedArticle): Article {
	const {locator, textLength, ...meta} = article;
	const body = readArticleBody(locator, textLength);
	return {...meta, text: body.text, blocks: []};
}

/** What a worker needs of an article to index it: its metadata and where its body is (not the body). */
export function indexedArticle(article: Article): IndexedArticle {
	const {id, path, format, title} = article;
	const locator = locatorOf(article);
	// Indexing reads no blocks: a body in memory travels without them.
	return {id, path, format, title, locator: locator.kind === 'memory' ? {...locator, blocks: []} : locator, textLength: textLengthOf(article)};
}

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
	builder.add(batch.articles.map(withBody));
	const {segments} = builder.finish();
	for (const segment of segments) for (let local = 0; local < segment.ordinals.length; local++) segment.ordinals[local] = batch.ordinals[segment.ordinals[local]!]!;
	return segments;
}

registerJob(searchJob, (batch) => {
	const segments = buildSearchBatch(batch);
	return {output: segments, transfer: buffersOf(segments.flatMap((s) => Object.values(s)))};
});
