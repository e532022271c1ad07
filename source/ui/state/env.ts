import type {Article} from '../../corpus/types.js';
import type {Protected} from '../../layout/wrap.js';
import {LazyWrap} from '../../layout/lazy.js';
import {filterTitles, matchesInArticle, type MatchRange, type SearchIndex} from '../../search/index.js';
import {searchSafely} from '../search-safely.js';
import {CANDIDATES, closeEntities, nameQuery, spellingsOf} from '../../search/also-spelled.js';
import type {Entity, EntityIndex} from '../../entities/index.js';
import {stringWidth} from '../../text/width.js';
import {rankEntities} from '../entity-filter.js';
import {memoLast} from './memo.js';
import type {SortOrder, State} from './types.js';
import type {Place, ReadingState} from '../../app/session-state.js';
import {articleKey} from '../../app/article-key.js';
import {lineOfAnchor} from '../../layout/lines.js';

// What the reducer reads besides the state: the corpus, the terminal, the indexes as far as they
// are built. Everything the reader shows is derived from the state and this, here, by functions
// that remember their last answers, so that the reducer and the render ask the same questions
// and get the same (shared) answers.

export interface Size {
	columns: number;
	rows: number;
}

export interface Env {
	/** The corpus so far (it grows while it loads). */
	articles: readonly Article[];
	size: Size;
	/** The reading width: text lines are at most this wide unless the user widens them (W). */
	maxTextWidth: number;
	entities?: EntityIndex;
	searchIndex?: SearchIndex;
	/** The search index holds every article (it can say which ones match). */
	searchDone: boolean;
	/** Earlier search queries, oldest first. */
	history: readonly string[];
	/** Lines of the warnings panel. */
	warningCount: number;
	/** What is remembered between runs (places, bookmarks); the reducer only reads it. Absent: off. */
	reading?: ReadingState;
}

/** Smallest terminal the reader draws in; below it a short message says so. */
export const MIN_COLUMNS = 20;
export const MIN_ROWS = 6;
/** Below this width the sidebar hides unless the user shows it. */
export const SIDEBAR_MIN_COLUMNS = 60;
/** The default reading width: lines much longer than this are hard to follow. */
export const DEFAULT_TEXT_WIDTH = 100;

export function sortOrder(articles: readonly Article[], sort: SortOrder): number[] {
	const order = articles.map((_, i) => i);
	if (sort === 'file') return order;
	const sign = sort === 'newest' ? -1 : 1;
	// Undated articles go last in both directions; ties keep file order.
	return order.sort((a, b) => {
		const da = articles[a]!.date?.iso;
		const db = articles[b]!.date?.iso;
		if (da === db) return a - b;
		if (!da) return 1;
		if (!db) return -1;
		return da < db ? -sign : sign;
	});
}

/** Widest sidebar entry the titles ask for (title, date, marks), read once per article. */
const titleWidths = new WeakMap<readonly Article[], {seen: number; widest: number}>();
function widestEntry(articles: readonly Article[]): number {
	const known = titleWidths.get(articles) ?? {seen: 0, widest: 0};
	for (let i = known.seen; i < articles.length; i++) {
		const a = articles[i]!;
		known.widest = Math.max(known.widest, stringWidth(a.title) + (a.date ? a.date.iso.length + 1 : 0) + 3);
	}
	known.seen = articles.length;
	titleWidths.set(articles, known);
	return known.widest;
}

export interface Panes {
	showSidebar: boolean;
	sideWidth: number;
	readerWidth: number;
	/** Columns of text in the reader. */
	textWidth: number;
	bodyHeight: number;
}

/**
 * The sidebar takes about a third of the terminal (16 to 40 columns); on a terminal wide enough
 * that the reader keeps its whole reading width, it grows to what its longest title needs.
 */
export function paneSizes(size: Size, sidebarShown: boolean | null, options: {maxTextWidth?: number; fullWidth?: boolean; articles?: readonly Article[]} = {}): Panes {
	const maxText = options.maxTextWidth ?? DEFAULT_TEXT_WIDTH;
	const showSidebar = sidebarShown ?? size.columns >= SIDEBAR_MIN_COLUMNS;
	let sideWidth = 0;
	if (showSidebar) {
		const third = Math.max(16, Math.min(40, Math.round(size.columns * 0.3)));
		const spare = Math.min(70, size.columns - 1 - (maxText + 2));
		const wanted = options.articles ? widestEntry(options.articles) : third;
		sideWidth = Math.max(third, Math.min(wanted, spare, size.columns - 2));
	}
	const readerWidth = Math.max(1, size.columns - sideWidth - (showSidebar ? 1 : 0));
	// One row is left free below the frame: Ink clears the whole screen on every frame that is as
	// tall as the terminal.
	const bodyHeight = Math.max(1, size.rows - 2);
	// Text width: one column of padding on the left, one free on the right.
	const room = Math.max(1, readerWidth - 2);
	return {showSidebar, sideWidth, readerWidth, textWidth: options.fullWidth ? room : Math.min(room, Math.max(8, maxText)), bodyHeight};
}

export const panesOf = (state: State, env: Env): Panes =>
	paneSizes(env.size, state.sidebarShown, {maxTextWidth: env.maxTextWidth, fullWidth: state.fullWidth, articles: env.articles});

const orderMemo = memoLast(
	(
		articles: readonly Article[],
		_count: number,
		sort: SortOrder,
		entityFilter: string | undefined,
		entities: EntityIndex | undefined,
		title: string | undefined,
	): number[] => {
		let list = sortOrder(articles, sort);
		if (entityFilter && entities) {
			const mentioning = new Set(entities.articlesOf(entityFilter));
			list = list.filter((i) => mentioning.has(articles[i]!.id));
		}
		if (title !== undefined && title.trim() !== '') {
			const allowed = new Set(list);
			list = filterTitles(articles, title)
				.map((m) => m.index)
				.filter((i) => allowed.has(i));
		}
		return list;
	},
);

/** The sidebar's order: corpus indices, sorted and filtered. */
export const orderOf = (state: State, env: Env): readonly number[] =>
	orderMemo(env.articles, env.articles.length, state.sort, state.entityFilter, env.entities, state.titleFilter);

/**
 * The last few wraps: a jump wraps the target to find its line, and the render that follows shows
 * the same lines instead of wrapping again; going back to an article just read is free too. Each
 * wraps lazily, piece by piece, where the reader looks: a long article opens and resizes at once.
 */
const recentWraps = new Map<Article, LazyWrap>();
const RECENT_WRAPS = 8;
export const NO_LINES = new LazyWrap({id: '', path: '', format: 'txt', title: '', text: '', blocks: []}, 1);

/** The article's entity mentions once they are found: lines never break inside one that fits. */
export function namesIn(article: Article, entities: EntityIndex | undefined): readonly Protected[] | undefined {
	const found = entities?.mentionsIn(article.id);
	return found && found.length > 0 ? found : undefined;
}

export function linesOf(article: Article | undefined, width: number, entities: EntityIndex | undefined): LazyWrap {
	if (!article) return NO_LINES;
	const names = namesIn(article, entities);
	const cached = recentWraps.get(article);
	recentWraps.delete(article);
	const lines = cached && cached.width === width && cached.names === names ? cached : new LazyWrap(article, width, undefined, names);
	recentWraps.set(article, lines);
	if (recentWraps.size > RECENT_WRAPS) recentWraps.delete(recentWraps.keys().next().value!);
	return lines;
}

/** The open article's lines as the reader pane wraps them. */
export const currentLines = (state: State, env: Env): LazyWrap => linesOf(env.articles[state.current], panesOf(state, env).textWidth, env.entities);

/** The line of article `index` that shows `place`, at the width the reader wraps to now. */
export function lineOfPlace(state: State, index: number, place: Place, env: Env): number {
	const lines = linesOf(env.articles[index], panesOf(state, env).textWidth, env.entities);
	return lineOfAnchor(lines, place, lines.lineAt(place.offset));
}

/** The line article `index` was left at, if it was read before. */
export function placeLine(state: State, index: number, env: Env): number | undefined {
	const article = env.articles[index];
	const place = article && env.reading?.placeOf(articleKey(article));
	return place ? lineOfPlace(state, index, place, env) : undefined;
}

/** Entities a search query names (asked once per query): the closest, whose every spelling is searched too. */
const namedMemo = memoLast((entities: EntityIndex | undefined, text: string | undefined) => {
	const candidates: Entity[] = entities && text !== undefined ? entities.findByName(text, CANDIDATES) : [];
	const named = text === undefined ? [] : closeEntities(text, candidates);
	return {candidates, named, also: spellingsOf(named)};
});

export function namedBy(query: string, scope: 'corpus' | 'article', env: Env) {
	return namedMemo(env.entities, scope === 'article' ? undefined : nameQuery(query));
}

/** The entity the search panel offers above the hits (at most one). */
export function offeredEntity(query: string, scope: 'corpus' | 'article', env: Env): Entity | undefined {
	const {named, candidates} = namedBy(query, scope, env);
	return (named.length > 0 ? named : candidates)[0];
}

/** Passages the index lists for n / N; past that the query is common and a plain scan is quick. */
const MATCHING_ARTICLES_MAX = 2_000;

/**
 * Which articles hold a search's matches, asked of the index once per query, so that n / N skip the
 * others instead of folding every article on the way (6.7 s over 10,000 articles for a rare
 * query). Undefined while the index cannot say for sure: still building, or too many.
 */
export const matchingArticles = memoLast(
	(index: SearchIndex | undefined, done: boolean, query: string, also: readonly string[] | undefined): ReadonlySet<number> | undefined => {
		if (!index || !done) return undefined;
		const result = searchSafely(index, query, {limit: MATCHING_ARTICLES_MAX, maxHits: MATCHING_ARTICLES_MAX, budgetMs: 250, alsoSpelled: also});
		return result.exhaustive ? new Set(result.hits.map((hit) => hit.ordinal)) : undefined;
	},
	2,
);

/** The active search's matches in one article. */
export const matchesIn = memoLast((article: Article | undefined, query: string, also: readonly string[] | undefined): MatchRange[] =>
	article ? matchesInArticle(article, query, {alsoSpelled: also}) : [],
);

/** The entity panel's list. */
export const entityListMemo = memoLast((entities: EntityIndex | undefined, scope: 'article' | 'corpus', filter: string, article: Article | undefined): Entity[] => {
	if (!entities) return [];
	const list = scope === 'article' && article ? entities.entitiesIn(article.id) : [...entities.all()];
	return rankEntities(list, filter);
});
