// `--search QUERY`: ranked hits as text (article, date, title, snippet) or as JSON with offsets.
import type {Article} from '../corpus/types.js';
import type {NamedEntity} from '../search/also-spelled.js';
import {fitSnippet} from '../search/snippet.js';
import type {SearchResult} from '../search/types.js';
import {clusterEnd} from '../text/graphemes.js';
import {sanitizeInline} from '../text/sanitize.js';
import {clusterWidth, stringWidth} from '../text/width.js';
import {safeJson} from './json.js';
import {counted} from '../text/count.js';

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

/** Ranked hits for people: a summary line, then per hit its article, date and title, and the snippet. `articles` are the index's, in its order. */
export function searchText(result: SearchResult, articles: readonly Article[], width: number, entity?: NamedEntity): string {
	// A hit's article is found by its place in the corpus (the index's order is the articles'), not
	// through a map of every article: at 60,000 articles that map cost more than the hits' lines.
	const articleOf = (hit: SearchResult['hits'][number]): Article | undefined => {
		const article = articles[hit.ordinal];
		return article?.id === hit.articleId ? article : articles.find((a) => a.id === hit.articleId);
	};
	const count = result.exhaustive ? `${result.total}` : `${result.total}+`;
	const lines = [fit(`${count} ${result.total === 1 ? 'match' : 'matches'} for "${sanitizeInline(result.query)}" (${result.elapsedMs.toFixed(1)} ms)`, width)];
	if (result.layoutConverted) lines.push(fit(`showing results for ${sanitizeInline(result.effectiveQuery)}`, width));
	if (result.partial) lines.push(fit('no article holds every word: best partial matches', width));
	for (const note of result.notes) lines.push(fit(sanitizeInline(note), width));
	if (entity) {
		const mentions = counted(entity.mentionCount, 'mention');
		lines.push(fit(`entity: ${sanitizeInline(entity.name)} (${entity.kind}, ${mentions}; ${sanitizeInline(entity.id)})`, width));
	}
	const number = String(result.hits.length).length;
	result.hits.forEach((hit, i) => {
		const article = articleOf(hit);
		const head = [sanitizeInline(hit.articleId), article?.date?.iso ?? '-', sanitizeInline(article?.title ?? '')].filter((s) => s !== '').join('  ');
		const indent = ' '.repeat(number + 2);
		const room = Math.max(1, width - indent.length);
		const snippet = fitSnippet({text: hit.snippet, highlights: hit.snippetHighlights}, room);
		lines.push('', fit(`${String(i + 1).padStart(number)}. ${head}`, width), indent + fit(snippet.text, room));
	});
	return lines.join('\n');
}

/**
 * `--search --json`: {query, effectiveQuery, hits: [{article, start, end, score, snippet}]} with
 * UTF-16 offsets into the article's text, plus `entity: {id, name, kind, mentions}` when the query
 * names one, `partial: true` when no article holds every word and `notes` about the query when
 * there are any. A match in a title that is not part of the text (a .jsonl title field) has start
 * and end -1.
 */
export function searchJson(result: SearchResult, entity?: NamedEntity): string {
	return safeJson({
		query: result.query,
		effectiveQuery: result.effectiveQuery,
		...(entity ? {entity: {id: entity.id, name: entity.name, kind: entity.kind, mentions: entity.mentionCount}} : {}),
		...(result.partial ? {partial: true} : {}),
		...(result.notes.length > 0 ? {notes: result.notes} : {}),
		hits: result.hits.map((hit) => ({
			article: hit.articleId,
			start: hit.field === 'text' ? hit.start : -1,
			end: hit.field === 'text' ? hit.end : -1,
			score: hit.score,
			snippet: hit.snippet,
		})),
	});
}
