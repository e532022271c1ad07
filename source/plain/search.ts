// `--search QUERY`: ranked hits as text (article, date, title, snippet) or as JSON with offsets.
import type {Article} from '../corpus/types.js';
import type {SearchResult} from '../search/types.js';
import {clusterEnd} from '../text/graphemes.js';
import {sanitizeInline} from '../text/sanitize.js';
import {clusterWidth, stringWidth} from '../text/width.js';
import {safeJson} from './json.js';

/** `s` cut to at most `width` terminal columns at a cluster boundary, with … when cut. */
function fit(shown: string, width: number): string {
	if (stringWidth(shown) <= width) return shown;
	let used = 0;
	let at = 0;
	while (at < shown.length) {
		const end = clusterEnd(shown, at);
		const w = clusterWidth(shown, at, end);
		if (used + w > width - 1) break;
		used += w;
		at = end;
	}
	return shown.slice(0, at) + '…';
}

/** Ranked hits for people: a summary line, then per hit its article, date and title, and the snippet. */
export function searchText(result: SearchResult, articles: readonly Article[], width: number): string {
	const byId = new Map(articles.map((a) => [a.id, a]));
	const count = result.exhaustive ? `${result.total}` : `${result.total}+`;
	const lines = [fit(`${count} ${result.total === 1 ? 'match' : 'matches'} for "${sanitizeInline(result.query)}" (${result.elapsedMs.toFixed(1)} ms)`, width)];
	if (result.layoutConverted) lines.push(fit(`showing results for ${sanitizeInline(result.effectiveQuery)}`, width));
	const number = String(result.hits.length).length;
	result.hits.forEach((hit, i) => {
		const article = byId.get(hit.articleId);
		const head = [sanitizeInline(hit.articleId), article?.date?.iso ?? '-', sanitizeInline(article?.title ?? '')].filter((s) => s !== '').join('  ');
		const indent = ' '.repeat(number + 2);
		lines.push('', fit(`${String(i + 1).padStart(number)}. ${head}`, width), indent + fit(hit.snippet, Math.max(1, width - indent.length)));
	});
	return lines.join('\n');
}

/**
 * `--search --json`: exactly {query, effectiveQuery, hits: [{article, start, end, score, snippet}]}
 * with UTF-16 offsets into the article's text. A match in a title that is not part of the text
 * (a .jsonl title field) has start and end -1.
 */
export function searchJson(result: SearchResult): string {
	return safeJson({
		query: result.query,
		effectiveQuery: result.effectiveQuery,
		hits: result.hits.map((hit) => ({
			article: hit.articleId,
			start: hit.field === 'text' ? hit.start : -1,
			end: hit.field === 'text' ? hit.end : -1,
			score: hit.score,
			snippet: hit.snippet,
		})),
	});
}
