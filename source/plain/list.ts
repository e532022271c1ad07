import type {Article} from '../corpus/types.js';
import {sanitizeInline} from '../text/sanitize.js';
import {textLengthOf} from '../corpus/article-store.js';
import type {ArticleStream} from './stream.js';
import {jsonArrayStream} from './stream.js';

/** `--list`: one line per article, tab-separated so that `cut` and `awk` can read it. */
export const listTextStream: ArticleStream = {
	head: '',
	// Each line ends as it is written: `| head -1` has its line with the first article.
	item: (a) => [sanitizeInline(a.id), a.date?.iso ?? '-', sanitizeInline(a.title)].join('\t') + '\n',
};

/** `--list --json`: the same, as a JSON array (strings as in the source; JSON escapes controls). No body is read. */
export const listJsonStream: ArticleStream = jsonArrayStream('', listRecord);

/** One article of `--list --json`. */
export function listRecord(a: Article) {
	return {id: a.id, path: a.path, title: a.title, date: a.date?.iso ?? null, source: a.source ?? null, characters: textLengthOf(a)};
}
