// Entity detection's job: a batch of articles (their locators: the worker reads the bodies itself)
// becomes their mentions as columns (mention-codec.ts), a few buffers copied back rather than
// thousands of objects cloned. Linking stays on the calling thread: it depends on the whole corpus.
import {detectMentionsOfBatch} from '../entities/find-mentions.js';
import {type MentionColumns, encodeMentions} from '../entities/mention-codec.js';
import {setTaggerEnabled} from '../entities/model/load.js';
import {defineJob, registerJob} from './registry.js';
import {withBody, type IndexedArticle} from './search-job.js';

export interface DetectBatch {
	articles: IndexedArticle[];
	/** Detect as the calling thread does: by the rules alone when its tagger is off or unusable. */
	rulesOnly: boolean;
}

export const detectJob = defineJob<DetectBatch, MentionColumns>('detect');

/**
 * The columns are copied back, not transferred: moving a buffer detaches it, and the first buffer a
 * worker detaches invalidates V8's "no buffer was ever detached" assumption in that isolate, which
 * threw away the optimised code of every function reading typed arrays (the tries' walks, the
 * tagger's lexicon flags and Viterbi, the phonetic key: about twenty), compiled again with checks.
 * A batch's columns are some tens of kilobytes: copying them costs next to nothing.
 */
registerJob(detectJob, ({articles, rulesOnly}) => {
	setTaggerEnabled(!rulesOnly);
	return {output: encodeMentions(detectMentionsOfBatch(articles.map((article) => withBody(article))))};
});
