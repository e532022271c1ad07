// The entity index's job, whole: the corpus's articles in, the index's data out (without its name
// search, rebuilt on the UI side on first use). Used when the corpus holds an article too large to
// link in the reader's time slices.
import {buildEntityIndex, type EntityCorrections} from '../entities/index.js';
import type {EntityIndexData} from '../entities/entity-index.js';
import {buffersOf, defineJob, registerJob} from './registry.js';
import {withBody, type IndexedArticle} from './search-job.js';

export interface EntitiesInput {
	articles: IndexedArticle[];
	corrections?: EntityCorrections;
}

export const entitiesJob = defineJob<EntitiesInput, EntityIndexData>('entities');

registerJob(entitiesJob, ({articles, corrections}) => {
	const index = buildEntityIndex(articles.map(withBody), corrections ? {corrections} : {});
	const {nameSearch: _, ...data} = index.data;
	// The mention columns are moved, not copied.
	return {output: data, transfer: buffersOf(Object.values(data.mentions))};
});
