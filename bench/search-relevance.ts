// Search relevance on the 2,000-article thaigov file, against judgements written down before any
// tuning (bench/search-relevance.json: per query, the spellings a person means and the articles
// that hold them). Scores, per kind of query and overall:
//   - P@5: relevant articles among the first five distinct articles of the hits (out of
//     min(5, relevant));
//   - R@50: relevant articles among the first 50 distinct articles (out of min(50, relevant));
//   - occurrence recall: of the meant spellings' places in the relevant articles' text (the first
//     40 articles per query), the share that an in-article match (what n / N step through) overlaps;
//   - span precision: of those in-article matches, the share lying inside a meant occurrence (a junk
//     span or one ending a letter late does not).
// Run: node --import tsx bench/search-relevance.ts [--verbose]
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadCorpus} from '../source/corpus/load.js';
import type {Article} from '../source/corpus/types.js';
import {buildEntityIndex} from '../source/entities/index.js';
import {namedEntities, spellingsOf} from '../source/search/also-spelled.js';
import {matchesInArticle, openSearchIndex, search} from '../source/search/index.js';
import type {SearchIndex} from '../source/search/search-index.js';
import {thaigov2k} from './data.js';
import {printTable} from './table.js';

interface Judged {
	query: string;
	kind: string;
	means: string[][];
	excludes?: string[];
	relevant: string[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const OCCURRENCE_ARTICLES = 40;

/** The record id of a .jsonl article (Article.id is `file#id`). */
function recordId(article: Article): string {
	return article.id.slice(article.id.lastIndexOf('#') + 1);
}

/** Places of `spelling` in `text`: Latin case-insensitive and on word boundaries, Thai as is. */
function occurrencesOf(text: string, spelling: string): [number, number][] {
	const out: [number, number][] = [];
	if (/^[\x00-\x7f]+$/.test(spelling)) {
		const escaped = spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		for (const m of text.matchAll(new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'gi'))) out.push([m.index, m.index + m[0].length]);
		return out;
	}
	for (let at = text.indexOf(spelling); at >= 0; at = text.indexOf(spelling, at + spelling.length)) out.push([at, at + spelling.length]);
	return out;
}

export interface QueryScore {
	query: string;
	kind: string;
	p5: number;
	r50: number;
	occurrences: number;
	found: number;
	spans: number;
	goodSpans: number;
	ms: number;
}

/** What khao answers for one query: the distinct articles of its hits, in order, and the time. */
export type Searcher = (index: SearchIndex, articles: readonly Article[], query: string) => {articles: string[]; ms: number; also: string[]};

let entities: ReturnType<typeof buildEntityIndex> | undefined;

/** As `--search` does it: the query, and the names of the entity it names in other scripts. */
export const defaultSearcher: Searcher = (index, articles, query) => {
	entities ??= buildEntityIndex(articles);
	const also = spellingsOf(namedEntities(entities, query));
	const result = search(index, query, {budgetMs: 2_000, fuzzyBudgetMs: 2_000, limit: 300, alsoSpelled: also});
	const ids: string[] = [];
	for (const hit of result.hits) {
		const id = hit.articleId.slice(hit.articleId.lastIndexOf('#') + 1);
		if (!ids.includes(id)) ids.push(id);
	}
	return {articles: ids, ms: result.elapsedMs, also};
};

export function scoreQuery(index: SearchIndex, articles: readonly Article[], byId: Map<string, Article>, judged: Judged, searcher: Searcher): QueryScore {
	const relevant = new Set(judged.relevant);
	const {articles: found, ms, also} = searcher(index, articles, judged.query);
	const top5 = found.slice(0, 5).filter((id) => relevant.has(id)).length;
	const top50 = found.slice(0, 50).filter((id) => relevant.has(id)).length;
	let occurrences = 0;
	let covered = 0;
	let spans = 0;
	let goodSpans = 0;
	for (const id of judged.relevant.slice(0, OCCURRENCE_ARTICLES)) {
		const article = byId.get(id);
		if (!article) continue;
		const meant = judged.means.flat().flatMap((s) => occurrencesOf(article.text, s));
		const matches = matchesInArticle(article, judged.query, {alsoSpelled: also});
		occurrences += meant.length;
		covered += meant.filter(([s, e]) => matches.some((m) => m.start < e && m.end > s)).length;
		spans += matches.length;
		goodSpans += matches.filter((m) => meant.some(([s, e]) => m.start >= s && m.end <= e)).length;
	}
	return {
		query: judged.query,
		kind: judged.kind,
		p5: relevant.size === 0 ? 1 : top5 / Math.min(5, relevant.size),
		r50: relevant.size === 0 ? 1 : top50 / Math.min(50, relevant.size),
		occurrences,
		found: covered,
		spans,
		goodSpans,
		ms,
	};
}

export async function runRelevanceBench(searcher: Searcher = defaultSearcher): Promise<QueryScore[]> {
	const judgements = JSON.parse(fs.readFileSync(path.join(here, 'search-relevance.json'), 'utf8')) as {queries: Judged[]};
	const {articles} = await loadCorpus(thaigov2k);
	const index = openSearchIndex(articles, {cacheDir: null});
	const byId = new Map(articles.map((a) => [recordId(a), a]));
	return judgements.queries.map((q) => scoreQuery(index, articles, byId, q, searcher));
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

export function relevanceRows(scores: readonly QueryScore[]): Record<string, string>[] {
	const kinds = [...new Set(scores.map((s) => s.kind)), 'all'];
	return kinds.map((kind) => {
		const group = kind === 'all' ? scores : scores.filter((s) => s.kind === kind);
		const mean = (f: (s: QueryScore) => number) => group.reduce((sum, s) => sum + f(s), 0) / group.length;
		const sum = (f: (s: QueryScore) => number) => group.reduce((total, s) => total + f(s), 0);
		const times = group.map((s) => s.ms).sort((a, b) => a - b);
		return {
			queries: `${kind} (${group.length})`,
			'P@5': pct(mean((s) => s.p5)),
			'R@50 articles': pct(mean((s) => s.r50)),
			'occurrence recall': pct(
				sum((s) => s.found) /
					Math.max(
						1,
						sum((s) => s.occurrences),
					),
			),
			'span precision': pct(
				sum((s) => s.goodSpans) /
					Math.max(
						1,
						sum((s) => s.spans),
					),
			),
			'median ms': times[Math.floor(times.length / 2)]!.toFixed(1),
		};
	});
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	if (!fs.existsSync(thaigov2k)) {
		console.log(`skipped: ${thaigov2k} is absent`);
	} else {
		const scores = await runRelevanceBench();
		if (process.argv.includes('--verbose')) {
			for (const s of scores) {
				console.log(
					`${s.kind.padEnd(15)} P@5 ${pct(s.p5).padStart(4)} R@50 ${pct(s.r50).padStart(4)} occ ${s.found}/${s.occurrences} spans ${s.goodSpans}/${s.spans} ${s.ms.toFixed(1)}ms  ${s.query}`,
				);
			}
		}
		printTable(relevanceRows(scores));
	}
}
