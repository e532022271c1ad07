// Entity detection's job: a batch of articles (their locators: the worker reads the bodies itself)
// becomes their mentions as columns (mention-codec.ts), a few buffers moved back rather than
// thousands of objects cloned. Linking stays on the calling thread: it depends on the whole corpus.
import {detectMentionsOfBatch} from '../entities/find-mentions.js';
import {COLUMNS, type MentionColumns, encodeMentions} from '../entities/mention-codec.js';
import {setTaggerEnabled} from '../entities/model/load.js';
import {defineJob, registerJob} from './registry.js';
import {withBody, type IndexedArticle} from './search-job.js';

export interface DetectBatch {
	articles: IndexedArticle[];
	/** Detect as the calling thread does: by the rules alone when its tagger is off or unusable. */
	rulesOnly: boolean;
}

export const detectJob = defineJob<DetectBatch, MentionColumns>('detect');

registerJob(detectJob, ({articles, rulesOnly}) => {
	setTaggerEnabled(!rulesOnly);
	const columns = encodeMentions(detectMentionsOfBatch(articles.map((article) => withBody(article))));
	return {output: columns, transfer: COLUMNS.map(([name]) => columns[name].buffer as ArrayBuffer)};
});
