// An article's key in the reading state: a hash of what it says, so its place is found again
// whatever path or order it is opened by next time (a moved file, a folder opened from elsewhere,
// a .jsonl record on another line). An edited article starts afresh, which is what a reader expects.
import crypto from 'node:crypto';
import type {Article} from '../corpus/types.js';

const keys = new WeakMap<Article, string>();

export function articleKey(article: Article): string {
	let key = keys.get(article);
	if (key === undefined) {
		key = crypto.createHash('sha256').update(article.title).update('\u0000').update(article.text).digest('base64url').slice(0, 22);
		keys.set(article, key);
	}
	return key;
}
