import type {Article} from '../corpus/types.js';
import {sanitizeInline} from '../text/sanitize.js';
import {safeJson} from './json.js';

/** `--list`: one line per article, tab-separated so that `cut` and `awk` can read it. */
export function listText(articles: readonly Article[]): string {
	return articles
		.map((a) => [sanitizeInline(a.id), a.date?.iso ?? '-', sanitizeInline(a.title)].join('\t'))
		.join('\n');
}

/** `--list --json`: the same, as a JSON array (strings as in the source; JSON escapes controls). */
export function listJson(articles: readonly Article[]): string {
	return safeJson(
		articles.map((a) => ({
			id: a.id,
			path: a.path,
			title: a.title,
			date: a.date?.iso ?? null,
			source: a.source ?? null,
			characters: a.text.length,
		})),
	);
}
