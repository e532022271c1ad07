import React, {useEffect, useMemo, useRef, useState} from 'react';
import {Box, Text, useApp, useInput, type Key} from 'ink';
import type {CorpusLoad} from '../../corpus/index.js';
import type {Article} from '../../corpus/types.js';
import {type Anchor, type Protected, anchorOf, lineOfAnchor} from '../../layout/wrap.js';
import {LazyWrap} from '../../layout/lazy.js';
import {filterTitles, matchesInArticle, search, type MatchRange, type SearchResult} from '../../search/index.js';
import {CANDIDATES, closeEntities, nameQuery, spellingsOf} from '../../search/also-spelled.js';
import type {SearchHistory} from '../../search/history.js';
import {rankEntities} from '../entity-filter.js';
import type {Entity} from '../../entities/index.js';
import {initialState, reduce, maxTop, type Action, type Context, type SortOrder, type State} from '../state.js';
import {commandFor, splitKeys, type Command} from '../keymap.js';
import {useTerminalSize, type Size} from '../hooks/useTerminalSize.js';
import {useCorpus} from '../hooks/useCorpus.js';
import {useBackground} from '../hooks/useBackground.js';
import {useSyncedState} from '../hooks/useSyncedState.js';
import type {BackgroundIndexer} from '../background.js';
import {makeTheme, type Tag} from '../theme.js';
import {fitWidth} from '../fit.js';
import {isVisible, stepRange, topFor, visibleRange} from '../navigation.js';
import {rangesWithin} from '../../layout/lines.js';
import {ReaderPane, type Highlight} from './ReaderPane.js';
import {MemoSidebar as Sidebar} from './Sidebar.js';
import {StatusBar} from './StatusBar.js';
import {HelpPanel} from './HelpPanel.js';
import {WarningsPanel} from './WarningsPanel.js';
import {SearchPanel, type SearchRow} from './SearchPanel.js';
import {EntityPanel} from './EntityPanel.js';
import {editField, TextField} from './TextField.js';

export interface AppProps {
	load: CorpusLoad;
	/** Builds the search and entity indexes in the background (absent: no search, no entities). */
	indexer?: BackgroundIndexer;
	/** Fixed terminal size (tests); otherwise the real terminal's, following resizes. */
	size?: Size;
	noColor?: boolean;
	/** Previous search queries (↑ in an empty search field); absent: none kept. */
	history?: SearchHistory;
}

/** Smallest terminal the reader draws in; below it a short message says so. */
export const MIN_COLUMNS = 20;
export const MIN_ROWS = 6;
/** Below this width the sidebar hides unless the user shows it. */
export const SIDEBAR_MIN_COLUMNS = 60;

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

export function paneSizes(size: Size, sidebarShown: boolean | null) {
	const showSidebar = sidebarShown ?? size.columns >= SIDEBAR_MIN_COLUMNS;
	const sideWidth = showSidebar ? Math.max(16, Math.min(40, Math.round(size.columns * 0.3))) : 0;
	const readerWidth = size.columns - sideWidth - (showSidebar ? 1 : 0);
	// One row is left free below the frame: Ink clears the whole screen on every frame that is as
	// tall as the terminal.
	const bodyHeight = Math.max(1, size.rows - 2);
	// Text width: one column of padding on the left, one free on the right.
	return {showSidebar, sideWidth, readerWidth, textWidth: Math.max(1, readerWidth - 2), bodyHeight};
}

interface SearchUi {
	query: string;
	scope: 'corpus' | 'article';
	cursor: number;
	result?: SearchResult;
	/** The view to go back to on Esc. */
	saved: {current: number; top: number};
	/** The query is history entry `recalled` (↑ in an empty field): ↑ goes on to older ones. */
	recalled?: number;
}

/** A search the user went to with Enter: its matches are highlighted and n / N step through them. */
interface ActiveSearch {
	query: string;
	/** Other spellings of the query (the names of the entity it names, in every script). */
	also?: readonly string[];
	/** Start of the current match in the open article. */
	at?: number;
}

interface EntityFocus {
	id: string;
	/** Start of the focused mention, in the open article. */
	at?: number;
}

interface EntityUi {
	scope: 'article' | 'corpus';
	cursor: number;
	filter: string;
}

/**
 * The last few wraps: a jump wraps the target to find its line, and the render that follows shows
 * the same lines instead of wrapping again; going back to an article just read is free too. Each
 * wraps lazily, piece by piece, where the reader looks: a long article opens and resizes at once.
 */
const recentWraps = new Map<Article, LazyWrap>();
const RECENT_WRAPS = 8;
const NO_LINES = new LazyWrap({id: '', path: '', format: 'txt', title: '', text: '', blocks: []}, 1);
/** `names`: the article's entity mentions once they are found; lines never break inside one that fits. */
function wrappedLines(article: Article, width: number, names: readonly Protected[] | undefined): LazyWrap {
	const cached = recentWraps.get(article);
	recentWraps.delete(article);
	const lines = cached && cached.width === width && cached.names === names ? cached : new LazyWrap(article, width, undefined, names);
	recentWraps.set(article, lines);
	if (recentWraps.size > RECENT_WRAPS) recentWraps.delete(recentWraps.keys().next().value!);
	return lines;
}

/** Passages the index lists for n / N; past that the query is common and a plain scan is quick. */
const MATCHING_ARTICLES_MAX = 2_000;


export function App({load, indexer, size: fixedSize, noColor = false, history}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize(fixedSize);
	const corpus = useCorpus(load);
	const background = useBackground(indexer);
	const articles = load.articles;
	const theme = useMemo(() => makeTheme(noColor), [noColor]);
	const [state, setState] = useState<State>(initialState);
	const [warningsTop, setWarningsTop] = useState(0);
	const [searchUi, setSearchUi, searchRef] = useSyncedState<SearchUi | undefined>(undefined);
	const [active, setActive, activeRef] = useSyncedState<ActiveSearch | undefined>(undefined);
	const [focus, setFocus, focusRef] = useSyncedState<EntityFocus | undefined>(undefined);
	const [entityUi, setEntityUi, entityRef] = useSyncedState<EntityUi | undefined>(undefined);
	const [titleFilter, setTitleFilter, titleRef] = useSyncedState<{query: string; editing: boolean} | undefined>(undefined);
	const [entityFilter, setEntityFilter] = useState<string | undefined>();
	const [message, setMessage] = useState(history?.problem ?? '');
	const entities = background?.entities;
	const searchIndex = background?.search;
	// A search cache that could not be used is one more thing the user can read about under w.
	const warnings = background?.cacheWarning ? [...load.warnings, background.cacheWarning] : load.warnings;

	const panes = paneSizes(size, state.sidebarShown);
	const order = useMemo(() => {
		let list = sortOrder(articles, state.sort);
		if (entityFilter && entities) {
			const mentioning = new Set(entities.articlesOf(entityFilter));
			list = list.filter((i) => mentioning.has(articles[i]!.id));
		}
		if (titleFilter && titleFilter.query.trim() !== '') {
			const allowed = new Set(list);
			list = filterTitles(articles, titleFilter.query)
				.map((m) => m.index)
				.filter((i) => allowed.has(i));
		}
		return list;
	}, [articles, corpus.count, state.sort, entityFilter, entities, titleFilter?.query]);
	const article = articles[state.current];
	const namesOf = (a: Article): readonly Protected[] | undefined => {
		const found = entities?.mentionsIn(a.id);
		return found && found.length > 0 ? found : undefined;
	};
	const names = article ? namesOf(article) : undefined;
	const lines: LazyWrap = useMemo(() => (article ? wrappedLines(article, panes.textWidth, names) : NO_LINES), [article, panes.textWidth, names]);

	// Keep the same text (or the same title or metadata line) at the top of the pane when a resize
	// or the names found re-wrap the article.
	const shown = useRef<{article: Article | undefined; lines: LazyWrap; anchor: Anchor}>({article, lines, anchor: {offset: 0, rank: 0}});
	let top = state.top;
	if (shown.current.lines !== lines && shown.current.article === article && shown.current.lines.length > 0) {
		const anchor = shown.current.anchor;
		top = lineOfAnchor(lines, anchor, lines.lineAt(anchor.offset));
	}
	// Wrap what the pane shows (and a page around it); the line on top stays on top.
	top = lines.settle(top, panes.bodyHeight);
	if (top !== state.top) setState((s) => (s === state ? {...s, top} : s));
	const ctx: Context = {
		order,
		lineCount: lines.length,
		pageHeight: panes.bodyHeight,
		sideHeight: panes.bodyHeight - 1,
		sidebarByDefault: size.columns >= SIDEBAR_MIN_COLUMNS,
	};
	top = Math.min(top, maxTop(ctx));
	shown.current = {article, lines, anchor: anchorOf(lines, top)};
	// Keys may arrive before the handler of the latest render is subscribed: read from refs.
	const ctxRef = useRef(ctx);
	ctxRef.current = ctx;
	const stateRef = useRef(state);
	stateRef.current = state;
	const dispatch = (action: Action) => setState((s) => reduce(s, action, ctxRef.current));

	// Entities by name (asked once per query): the one offered, and those the query names closely,
	// whose names in every script are searched too.
	const nameText = searchUi && searchUi.scope !== 'article' ? nameQuery(searchUi.query) : undefined;
	const candidates: Entity[] = useMemo(() => (entities && nameText !== undefined ? entities.findByName(nameText, CANDIDATES) : []), [nameText, entities]);
	const named = useMemo(() => (nameText === undefined ? [] : closeEntities(nameText, candidates)), [nameText, candidates]);
	const also = useMemo(() => spellingsOf(named), [named]);

	// Search: results follow every key; a query still waiting when the next key comes is dropped.
	useEffect(() => {
		if (!searchUi || !searchIndex) return;
		const timer = setTimeout(() => {
			const query = searchUi.query;
			const scope = searchUi.scope === 'article' && article ? {scope: article.id} : {};
			const result = query.trim() === '' ? undefined : search(searchIndex, query, {...scope, alsoSpelled: also});
			const ui = searchRef.current;
			if (ui && ui.query === query) setSearchUi({...ui, result, cursor: Math.min(ui.cursor, Math.max(0, (result?.hits.length ?? 1) - 1))});
		}, 0);
		return () => clearTimeout(timer);
	}, [searchUi?.query, searchUi?.scope, searchIndex, also]);

	const entityOffer: Entity[] = (named.length > 0 ? named : candidates).slice(0, 1);
	const searchRows: SearchRow[] = [
		...entityOffer.map((entity) => ({type: 'entity', entity}) as const),
		...(searchUi?.result?.hits ?? []).map((hit) => ({type: 'hit', hit}) as const),
	];

	const rowsRef = useRef(searchRows);
	rowsRef.current = searchRows;

	// Which articles hold the active search's matches, asked of the index once per query, so that
	// n / N skip the others instead of folding every article on the way (6.7 s over 10,000 articles
	// for a rare query). Undefined while the index cannot say for sure: still building, or too many.
	const matchingArticles: ReadonlySet<number> | undefined = useMemo(() => {
		if (!active || !searchIndex || !background?.searchDone) return undefined;
		const result = search(searchIndex, active.query, {limit: MATCHING_ARTICLES_MAX, maxHits: MATCHING_ARTICLES_MAX, budgetMs: 250, alsoSpelled: active.also});
		return result.exhaustive ? new Set(result.hits.map((hit) => hit.ordinal)) : undefined;
	}, [active?.query, active?.also, searchIndex, background?.searchDone]);

	const matches: MatchRange[] = useMemo(
		() => (active && article ? matchesInArticle(article, active.query, {alsoSpelled: active.also}) : []),
		[active?.query, active?.also, article],
	);
	const mentions = useMemo(() => (entities && article ? entities.mentionsIn(article.id) : []), [entities, article]);

	// Highlights on screen, weakest first: entity kinds, the focused entity, search matches, the current match.
	const [shownFrom, shownTo] = visibleRange(lines, top, panes.bodyHeight);
	const highlights: Highlight[] = useMemo(() => {
		const list: Highlight[] = [];
		for (const m of rangesWithin(mentions, shownFrom, shownTo)) list.push({start: m.start, end: m.end, tag: focus?.id === m.entityId ? 'entity-focus' : (m.kind as Tag)});
		for (const m of rangesWithin(matches, shownFrom, shownTo)) list.push({start: m.start, end: m.end, tag: m.start === active?.at ? 'match-current' : 'match'});
		return list.sort((a, b) => a.start - b.start || a.end - b.end);
	}, [mentions, matches, focus?.id, active?.at, shownFrom, shownTo]);

	const entityList: Entity[] = useMemo(() => {
		if (!entityUi || !entities) return [];
		const list = entityUi.scope === 'article' && article ? entities.entitiesIn(article.id) : [...entities.all()];
		return rankEntities(list, entityUi.filter);
	}, [entityUi?.scope, entityUi?.filter, entities, article]);
	const entityListRef = useRef(entityList);
	entityListRef.current = entityList;

	/** Shows article `index` with `offset` in view (a third of the way down). */
	const goTo = (index: number, offset?: number) => {
		const target = articles[index];
		if (!target) return;
		const targetLines = wrappedLines(target, panes.textWidth, namesOf(target));
		dispatch({type: 'goto', article: index, top: offset === undefined ? 0 : topFor(targetLines, offset, panes.bodyHeight)});
	};

	const indexOfId = (id: string) => {
		const i = articles.findIndex((a) => a.id === id);
		return i;
	};

	/** n / N: the next match here, else the first (last) match of the next (previous) article in the sidebar. */
	const stepMatch = (direction: 1 | -1) => {
		const active = activeRef.current;
		if (!active || !article) return;
		const here = stepRange(matches, active.at ?? (direction === 1 ? (lines.at(top)?.start ?? 0) - 1 : undefined), direction);
		if (here !== -1) {
			const m = matches[here]!;
			setActive({...active, at: m.start});
			if (!isVisible(lines, top, panes.bodyHeight, m.start)) goTo(state.current, m.start);
			return;
		}
		const position = order.indexOf(state.current);
		for (let p = position + direction; p >= 0 && p < order.length; p += direction) {
			if (matchingArticles && !matchingArticles.has(order[p]!)) continue;
			const candidate = articles[order[p]!]!;
			const found = matchesInArticle(candidate, active.query, {alsoSpelled: active.also});
			if (found.length > 0) {
				const m = direction === 1 ? found[0]! : found[found.length - 1]!;
				setActive({...active, at: m.start});
				goTo(order[p]!, m.start);
				return;
			}
		}
		setMessage(`no ${direction === 1 ? 'later' : 'earlier'} match of ${active.query}`);
	};

	/** m / M: the next mention of the focused entity, continuing into other articles. */
	const stepMention = (direction: 1 | -1) => {
		const focus = focusRef.current;
		if (!focus || !entities || !article) {
			setMessage('no focused entity: e focuses one on screen, p lists them');
			return;
		}
		const from = focus.at ?? (direction === 1 ? (lines.at(top)?.start ?? 0) - 1 : (lines.at(top)?.start ?? 0));
		const next = entities.nextMention(focus.id, article.id, from, direction === 1 ? 'next' : 'previous');
		if (!next) {
			setMessage(`no ${direction === 1 ? 'later' : 'earlier'} mention`);
			return;
		}
		const was = article && focus.at !== undefined ? entities.positionOf(focus.id, article.id, focus.at) : undefined;
		if (was && (direction === 1 ? next.ordinal < was.ordinal : next.ordinal > was.ordinal)) setMessage(`wrapped to the ${direction === 1 ? 'first' : 'last'} mention`);
		setFocus({id: focus.id, at: next.start});
		const index = next.articleId === article.id ? state.current : indexOfId(next.articleId);
		if (index === state.current && isVisible(lines, top, panes.bodyHeight, next.start)) return;
		goTo(index, next.start);
	};

	/** e / E: focus the next (previous) entity mention on screen. */
	const stepEntityOnScreen = (direction: 1 | -1) => {
		if (!entities || !article) {
			setMessage('entities are still being found…');
			return;
		}
		const [from, to] = visibleRange(lines, top, panes.bodyHeight);
		const onScreen = rangesWithin(mentions, from, to).filter((m) => m.start >= from);
		if (onScreen.length === 0) {
			setMessage('no entity on screen');
			return;
		}
		const focus = focusRef.current;
		const at = focus?.at !== undefined && focus.at >= from && focus.at < to ? focus.at : undefined;
		let i = stepRange(onScreen, at, direction);
		if (i === -1) i = direction === 1 ? 0 : onScreen.length - 1;
		const m = onScreen[i]!;
		setFocus({id: m.entityId, at: m.start});
	};

	const focusEntity = (entity: Entity) => {
		if (!entities) return;
		const inHere = article ? entities.mentionsIn(article.id).find((m) => m.entityId === entity.id) : undefined;
		const first = inHere ?? entities.mentionsOf(entity.id)[0];
		setEntityUi(undefined);
		setSearchUi(undefined);
		dispatch({type: 'overlay', overlay: 'none'});
		if (!first) {
			setFocus({id: entity.id});
			return;
		}
		setFocus({id: entity.id, at: first.start});
		const index = indexOfId(first.articleId);
		goTo(index === -1 ? state.current : index, first.start);
	};

	const openSearch = () => {
		setSearchUi({query: '', scope: 'corpus', cursor: 0, saved: {current: state.current, top}});
		dispatch({type: 'overlay', overlay: 'search'});
	};

	const chooseSearchRow = (ui: SearchUi) => {
		const row = rowsRef.current[ui.cursor];
		if (!row) return;
		const unsaved = history?.add(ui.query);
		if (unsaved) setMessage(unsaved);
		if (row.type === 'entity') {
			focusEntity(row.entity);
			return;
		}
		const hit = row.hit;
		setSearchUi(undefined);
		const query = ui.result?.effectiveQuery ?? ui.query;
		// The hit as n / N know it (their matches, which may start a little before the hit's range).
		const target = articles[hit.ordinal];
		const at = hit.field === 'text' && target ? (matchesInArticle(target, query, {alsoSpelled: also}).find((m) => m.end > hit.start)?.start ?? hit.start) : undefined;
		setActive({query, also, at});
		goTo(hit.ordinal, at);
	};

	const onSearchKey = (input: string, key: Key) => {
		const ui = searchRef.current!;
		if (key.escape) {
			setSearchUi(undefined);
			dispatch({type: 'goto', article: ui.saved.current, top: ui.saved.top});
			return;
		}
		if (key.return) return chooseSearchRow(ui);
		if (key.tab) return setSearchUi({...ui, scope: ui.scope === 'corpus' ? 'article' : 'corpus', cursor: 0});
		const move = key.downArrow || (key.ctrl && input === 'n') ? 1 : key.upArrow || (key.ctrl && input === 'p') ? -1 : 0;
		const rows = rowsRef.current.length;
		const past = history?.entries ?? [];
		if (move === -1 && ui.cursor === 0 && past.length > 0 && (ui.query === '' || ui.recalled !== undefined)) {
			const at = Math.max(0, (ui.recalled ?? past.length) - 1);
			return setSearchUi({...ui, query: past[at]!, recalled: at, cursor: 0});
		}
		if (move) return setSearchUi({...ui, cursor: Math.max(0, Math.min(rows - 1, ui.cursor + move))});
		if (key.pageDown || key.pageUp) {
			const page = Math.max(1, Math.floor((panes.bodyHeight - 3) / 2)) * (key.pageDown ? 1 : -1);
			return setSearchUi({...ui, cursor: Math.max(0, Math.min(rows - 1, ui.cursor + page))});
		}
		const query = editField(ui.query, input, key);
		if (query !== undefined) setSearchUi({...ui, query, cursor: 0, recalled: undefined});
	};

	const onEntityKey = (input: string, key: Key) => {
		const ui = entityRef.current!;
		if (key.escape) {
			setEntityUi(undefined);
			dispatch({type: 'overlay', overlay: 'none'});
			return;
		}
		if (key.return) {
			const entity = entityListRef.current[ui.cursor];
			if (entity) focusEntity(entity);
			return;
		}
		if (key.tab) return setEntityUi({...ui, scope: ui.scope === 'article' ? 'corpus' : 'article', cursor: 0});
		const move = key.downArrow || (key.ctrl && input === 'n') ? 1 : key.upArrow || (key.ctrl && input === 'p') ? -1 : 0;
		const page = key.pageDown ? panes.bodyHeight - 4 : key.pageUp ? -(panes.bodyHeight - 4) : 0;
		if (move || page) return setEntityUi({...ui, cursor: Math.max(0, Math.min(entityListRef.current.length - 1, ui.cursor + move + page))});
		const filter = editField(ui.filter, input, key);
		if (filter !== undefined) setEntityUi({...ui, filter, cursor: 0});
	};

	const onTitleFilterKey = (input: string, key: Key) => {
		const f = titleRef.current!;
		if (key.escape) {
			setTitleFilter(undefined);
			dispatch({type: 'sync'});
			return;
		}
		if (key.return || key.downArrow || key.tab) {
			// Keep the filter; go to the list to choose.
			setTitleFilter(f.query.trim() === '' ? undefined : {...f, editing: false});
			if (stateRef.current.focus !== 'sidebar') dispatch({type: 'focusNext'});
			dispatch({type: 'home'});
			return;
		}
		const query = editField(f.query, input, key);
		if (query !== undefined) setTitleFilter({...f, query});
	};

	const run = (command: Command) => {
		setMessage('');
		switch (command) {
			case 'quit':
				exit();
				return;
			case 'help':
				dispatch({type: 'overlay', overlay: 'help'});
				return;
			case 'warnings':
				setWarningsTop(0);
				dispatch({type: 'overlay', overlay: 'warnings'});
				return;
			case 'search':
				if (!searchIndex) setMessage('the search index is being built…');
				openSearch();
				return;
			case 'filter':
				setTitleFilter({query: titleRef.current?.query ?? '', editing: true});
				if (stateRef.current.sidebarShown === false || !panes.showSidebar) dispatch({type: 'toggleSidebar'});
				return;
			case 'entities':
				if (!entities) {
					setMessage('entities are still being found…');
					return;
				}
				setEntityUi({scope: 'article', cursor: 0, filter: ''});
				dispatch({type: 'overlay', overlay: 'entities'});
				return;
			case 'entityFilter':
				if (entityFilter) {
					setEntityFilter(undefined);
				} else if (focusRef.current) {
					setEntityFilter(focusRef.current.id);
					dispatch({type: 'home'});
				} else setMessage('no focused entity: e focuses one on screen');
				return;
			case 'nextMatch':
			case 'prevMatch':
				if (activeRef.current) stepMatch(command === 'nextMatch' ? 1 : -1);
				else stepMention(command === 'nextMatch' ? 1 : -1);
				return;
			case 'nextMention':
			case 'prevMention':
				stepMention(command === 'nextMention' ? 1 : -1);
				return;
			case 'nextEntity':
			case 'prevEntity':
				stepEntityOnScreen(command === 'nextEntity' ? 1 : -1);
				return;
			case 'clear': {
				const overlay = stateRef.current.overlay;
				if (overlay !== 'none') dispatch({type: 'overlay', overlay});
				else if (activeRef.current) setActive(undefined);
				else if (focusRef.current) setFocus(undefined);
				else if (entityFilter || titleFilter) {
					setEntityFilter(undefined);
					setTitleFilter(undefined);
				}
				return;
			}
			case 'toggleSidebar':
			case 'down':
			case 'up':
			case 'pageDown':
			case 'pageUp':
			case 'halfDown':
			case 'halfUp':
			case 'home':
			case 'end':
			case 'focusNext':
			case 'focusPrev':
			case 'open':
			case 'prevArticle':
			case 'nextArticle':
			case 'cycleSort':
				dispatch({type: command});
				return;
		}
	};

	const onCommand = (command: Command) => {
		const {overlay} = stateRef.current;
		if (overlay === 'warnings' && (command === 'down' || command === 'up')) {
			setWarningsTop((t) => Math.max(0, Math.min(warnings.length - 1, t + (command === 'down' ? 1 : -1))));
			return;
		}
		if ((overlay === 'help' || overlay === 'warnings') && command !== 'quit' && command !== 'help' && command !== 'warnings') {
			// Search opens from anywhere; other keys only close the panel with Esc.
			if (command === 'search') dispatch({type: 'overlay', overlay});
			if (command === 'clear' || command === 'search') run(command);
			return;
		}
		run(command);
	};

	useInput((input, key) => {
		// Keys typed quickly (or pasted, or repeated) can arrive as one chunk: take them one by one,
		// each going where the one before it left the focus ('/' then text goes into the search).
		for (const {input: one, key: k} of splitKeys(input, key)) {
			if (searchRef.current) onSearchKey(one, k);
			else if (entityRef.current) onEntityKey(one, k);
			else if (titleRef.current?.editing) onTitleFilterKey(one, k);
			else {
				const command = commandFor(one, k);
				if (command) onCommand(command);
			}
		}
	});

	if (size.columns < MIN_COLUMNS || size.rows < MIN_ROWS) {
		return (
			<Box width={size.columns} height={Math.max(1, size.rows - 1)}>
				<Text wrap="truncate">{fitWidth(tooSmallMessage(size), size.columns, false)}</Text>
			</Box>
		);
	}


	const status: string[] = [article ? `${order.indexOf(state.current) + 1}/${order.length}` : 'no article'];
	if (lines.length > 0) status.push(`line ${top + 1}/${lines.exact ? '' : '~'}${lines.length} ${percent(top, ctx)}`);
	if (active) {
		// The match the user is on: the one at the chosen position, or (a hit in a .jsonl title, which
		// the text does not hold) none yet, until n or N steps onto one.
		const i = active.at === undefined ? -1 : matches.findIndex((m) => m.end > active.at!);
		status.push(
			matches.length === 0
				? `no match of ${active.query} here`
				: i === -1
					? `${matches.length} match${matches.length === 1 ? '' : 'es'} here (n: next)`
					: `match ${i + 1} of ${matches.length}`,
		);
	}
	if (focus && entities) {
		const entity = entities.entity(focus.id);
		const position = article && focus.at !== undefined ? entities.positionOf(focus.id, article.id, focus.at) : undefined;
		if (entity)
			status.push(
				position
					? `${entity.name} · mention ${position.ordinal} of ${position.total} · article ${position.articleOrdinal} of ${position.articleTotal}`
					: `${entity.name} · ${entity.mentionCount} mentions in ${entity.articleCount} articles`,
			);
	}
	if (message) status.push(message);
	if (!corpus.done) status.push(`loading… ${corpus.count}`);
	else if (background && (!background.searchDone || !background.entitiesDone) && background.total > 0) {
		const done = Math.min(background.searchIndexed, background.entityArticles);
		// Progress counts whole articles: with one (or the first of a few) there is no 0% to show.
		status.push(background.inWorkers || done === 0 ? 'indexing…' : `indexing ${Math.round((done / background.total) * 100)}%`);
	}
	if (background?.problem) status.push(background.problem);
	const warningCount = corpus.warnings + (background?.cacheWarning ? 1 : 0);
	if (warningCount > 0) status.push(`${warningCount} skipped (w)`);

	const sortLabel = state.sort === 'file' ? '' : state.sort === 'newest' ? 'newest first' : 'oldest first';
	const filterLabel = [
		entityFilter && entities ? `with ${entities.entity(entityFilter)?.name ?? '?'}` : '',
		titleFilter && !titleFilter.editing ? `“${titleFilter.query}”` : '',
		sortLabel,
	].filter(Boolean);

	let main: React.ReactNode;
	if (state.overlay === 'help') {
		main = <HelpPanel width={panes.readerWidth} height={panes.bodyHeight} theme={theme} />;
	} else if (state.overlay === 'warnings') {
		main = <WarningsPanel warnings={warnings} top={warningsTop} width={panes.readerWidth} height={panes.bodyHeight} theme={theme} />;
	} else if (state.overlay === 'search' && searchUi) {
		main = (
			<SearchPanel
				query={searchUi.query}
				scope={searchUi.scope}
				rows={searchRows}
				cursor={searchUi.cursor}
				result={searchUi.result}
				articles={articles}
				progress={background && !background.searchDone ? {indexed: background.searchIndexed, total: background.total} : undefined}
				width={panes.readerWidth}
				height={panes.bodyHeight}
				theme={theme}
			/>
		);
	} else if (state.overlay === 'entities' && entityUi) {
		main = (
			<EntityPanel
				entities={entityList}
				cursor={entityUi.cursor}
				scope={entityUi.scope}
				filter={entityUi.filter}
				building={Boolean(background && !background.entitiesDone)}
				width={panes.readerWidth}
				height={panes.bodyHeight}
				theme={theme}
			/>
		);
	} else if (article) {
		main = <ReaderPane lines={lines} top={top} height={panes.bodyHeight} width={panes.readerWidth} highlights={highlights} theme={theme} />;
	} else {
		main = (
			<Box width={panes.readerWidth} height={panes.bodyHeight} paddingLeft={1}>
				<Text {...theme.dim}>{corpus.done ? (order.length === 0 && articles.length > 0 ? 'No article matches the filter (Esc clears it).' : 'No article to show. Press w to see what was skipped.') : 'Loading…'}</Text>
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={size.columns} height={size.rows - 1}>
			<Box flexDirection="row" height={panes.bodyHeight}>
				{panes.showSidebar ? (
					<>
						<Box flexDirection="column" width={panes.sideWidth} height={panes.bodyHeight}>
							{titleFilter?.editing ? <TextField label="filter: " value={titleFilter.query} width={panes.sideWidth - 1} theme={theme} /> : null}
							<Sidebar
								articles={articles}
								order={order}
								cursor={state.cursor}
								top={state.sideTop}
								current={state.current}
								focused={state.focus === 'sidebar'}
								width={panes.sideWidth}
								height={panes.bodyHeight - (titleFilter?.editing ? 1 : 0)}
								header={`Articles ${order.length}${corpus.done ? '' : '…'}${filterLabel.length ? ' · ' + filterLabel.join(' · ') : ''}`}
								theme={theme}
							/>
						</Box>
						<Box width={1} height={panes.bodyHeight} flexDirection="column">
							<Text {...theme.dim}>{'│\n'.repeat(panes.bodyHeight).slice(0, -1)}</Text>
						</Box>
					</>
				) : null}
				{main}
			</Box>
			<StatusBar left={status} right="? help  q quit" width={size.columns} theme={theme} />
		</Box>
	);
}

/** The longest of these that fits: the terminal may be very narrow. */
function tooSmallMessage(size: Size): string {
	const long = `khao needs ${MIN_COLUMNS}×${MIN_ROWS} (now ${size.columns}×${size.rows})`;
	const short = `khao needs ${MIN_COLUMNS}×${MIN_ROWS}`;
	return long.length <= size.columns ? long : short.length <= size.columns ? short : 'too small';
}

function percent(top: number, ctx: Context): string {
	const max = maxTop(ctx);
	return max === 0 ? '100%' : `${Math.round((top / max) * 100)}%`;
}
