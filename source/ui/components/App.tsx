import React, {useEffect, useMemo, useReducer, useRef} from 'react';
import {Box, Text, useApp, useInput} from 'ink';
import type {CorpusLoad} from '../../corpus/index.js';
import {textLengthOf} from '../../corpus/article-store.js';
import {searchSafely} from '../search-safely.js';
import type {SearchHistory} from '../../search/history.js';
import {anchorOf, rangesWithin} from '../../layout/lines.js';
import {
	currentLines,
	DEFAULT_TEXT_WIDTH,
	entityList,
	initialState,
	matchesIn,
	MIN_COLUMNS,
	MIN_ROWS,
	namedBy,
	offeredEntity,
	orderOf,
	panesOf,
	reduce,
	type Action,
	type Env,
	type Pointer,
	type State,
} from '../state/index.js';
import type {ReadingState} from '../../app/session-state.js';
import {articleKey} from '../../app/article-key.js';
import {lastArticle} from '../state/memory.js';
import {linkIn, openInBrowser} from '../link.js';
import {urlsOf} from '../body-links.js';
import {clipboardSequence} from '../../text/osc.js';
import {BookmarksPanel, bookmarkRowsOf} from './BookmarksPanel.js';
import {splitKeys} from '../keys/key-spec.js';
import {useTerminalSize, type Size} from '../hooks/useTerminalSize.js';
import {useCorpus} from '../hooks/useCorpus.js';
import {useBackground} from '../hooks/useBackground.js';
import {useSteadyTop} from '../hooks/useSteadyTop.js';
import {useWarmNames} from '../hooks/useWarmNames.js';
import type {BackgroundIndexer} from '../background.js';
import {makeTheme, type Tag} from '../theme.js';
import {fitWidth} from '../fit.js';
import {visibleRange} from '../navigation.js';
import {ReaderPane, type Highlight} from './ReaderPane.js';
import {MemoSidebar as Sidebar} from './Sidebar.js';
import {StatusBar} from './StatusBar.js';
import {HelpPanel} from './HelpPanel.js';
import {WarningsPanel} from './WarningsPanel.js';
import {SearchPanel, type SearchRow} from './SearchPanel.js';
import {EntityPanel} from './EntityPanel.js';
import {TextField} from './TextField.js';
import {statusPieces} from '../status-line.js';

export {MIN_COLUMNS, MIN_ROWS, SIDEBAR_MIN_COLUMNS, paneSizes, sortOrder} from '../state/index.js';

export interface AppProps {
	load: CorpusLoad;
	/** Builds the search and entity indexes in the background (absent: no search, no entities). */
	indexer?: BackgroundIndexer;
	/** Fixed terminal size (tests); otherwise the real terminal's, following resizes. */
	size?: Size;
	noColor?: boolean;
	/** Previous search queries (↑ in an empty search field); absent: none kept. */
	history?: SearchHistory;
	/** The reading width (--text-width): text lines at most this wide until W widens them. */
	textWidth?: number;
	/** What is remembered between runs (last article, places, bookmarks); absent: nothing. */
	reading?: ReadingState;
	/** Called when the reading state changed (the caller saves it a little later). */
	onReadingChange?: () => void;
	/** Mouse reports from the terminal; absent: no mouse. */
	mouse?: {subscribe(listener: (pointer: Pointer) => void): () => void};
	/** Writes a control sequence to the terminal (the clipboard's OSC 52); absent: no copying. */
	writeTerminal?: (sequence: string) => void;
	/** Whether the article's web address is drawn as an OSC 8 hyperlink. */
	hyperlinks?: boolean;
}

/**
 * The reader: it draws the state and turns keys into actions. All it knows between keys is in
 * the reducer's state (state/); the effects here only feed it what takes time (search results)
 * and do what it asks for (quit, save a query).
 */
export function App({
	load,
	indexer,
	size: fixedSize,
	noColor = false,
	history,
	textWidth = DEFAULT_TEXT_WIDTH,
	reading,
	onReadingChange,
	mouse,
	writeTerminal,
	hyperlinks = false,
}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize(fixedSize);
	const corpus = useCorpus(load);
	// When the last key came: indexing progress is not redrawn while the user types (redraw-delay.ts).
	const lastKeyAt = useRef(Number.NEGATIVE_INFINITY);
	const background = useBackground(indexer, () => lastKeyAt.current);
	const articles = load.articles;
	const theme = useMemo(() => makeTheme(noColor), [noColor]);
	// A search cache that could not be used is one more thing the user can read about under w.
	const warnings = background?.cacheWarning ? [...load.warnings, background.cacheWarning] : load.warnings;
	const env: Env = {
		articles,
		size,
		maxTextWidth: textWidth,
		entities: background?.entities,
		searchIndex: background?.search,
		searchDone: Boolean(background?.searchDone),
		history: history?.entries ?? [],
		warningCount: warnings.length,
		reading,
	};
	// The reducer reads the environment of the latest render: the corpus and the indexes grow
	// between keys, and a key is applied to what is there when it is applied.
	const envRef = useRef(env);
	envRef.current = env;
	const [state, dispatch] = useReducer(
		(s: State, a: Action) => reduce(s, a, envRef.current),
		undefined,
		(): State => {
			// Where the last run left off, when that article is already loaded: the first frame shows it.
			const start: State = {...initialState, message: [history?.problem, reading?.problem].filter(Boolean).join(' · ')};
			const last = lastArticle(env, false);
			return last ? reduce(start, {type: 'restore', ...last}, env) : start;
		},
	);

	// The last run's article when it loads later (a long corpus), unless the user moved first (the
	// reducer ignores a restore then). Asked again each time more of the corpus is there.
	const touched = state.touched;
	const corpusCount = corpus.count;
	const corpusDone = corpus.done;
	useEffect(() => {
		if (touched || corpusCount === 0) return;
		const last = lastArticle(envRef.current, corpusDone);
		if (last) dispatch({type: 'restore', ...last});
	}, [touched, corpusCount, corpusDone]);

	const article = articles[state.current];
	const lines = currentLines(state, env);

	useEffect(() => mouse?.subscribe((pointer) => dispatch({type: 'mouse', pointer})), [mouse]);

	// What a key asked of the world: the clipboard, the browser, the bookmarks.
	// Each request is carried out once, whatever else changes before the reducer hears it is done.
	const handled = useRef<State['request']>(undefined);
	useEffect(() => {
		const request = state.request;
		if (!request || handled.current === request) return;
		handled.current = request;
		const done = (message?: string) => dispatch({type: 'requestDone', message});
		switch (request.kind) {
			case 'copy': {
				const sequence = clipboardSequence(request.text);
				if (!writeTerminal) return done('copying needs a terminal');
				if (!sequence) return done(`the ${request.what} is too long to copy`);
				writeTerminal(sequence);
				return done(`${request.what} copied (${[...request.text].length} characters)`);
			}
			case 'openLink':
				done('opening…');
				void openInBrowser(request.url).then((message) => dispatch({type: 'message', text: message}));
				return;
			case 'bookmark': {
				const target = articles[request.article];
				if (!reading || !target) return done();
				const added = reading.toggleBookmark(articleKey(target), request.place, target.title) === 'added';
				onReadingChange?.();
				return done(added ? "bookmarked (' lists them)" : 'bookmark removed');
			}
			case 'unbookmark':
				reading?.removeBookmark(request.bookmark);
				onReadingChange?.();
				return done('bookmark removed');
		}
	}, [state.request, writeTerminal, articles, reading, onReadingChange]);

	useInput((input, key) => {
		lastKeyAt.current = Date.now();
		// Keys typed quickly (or pasted, or repeated) can arrive as one chunk: each is one action.
		for (const one of splitKeys(input, key)) dispatch({type: 'key', input: one.input, key: one.key});
	});

	useEffect(() => {
		if (state.quit) exit();
	}, [state.quit, exit]);

	// A key that found an index not ready said so; once it is, the status bar stops saying it.
	const entitiesReady = Boolean(env.entities);
	const searchReady = Boolean(env.searchIndex);
	useEffect(() => {
		if (entitiesReady) dispatch({type: 'ready', index: 'entities'});
	}, [entitiesReady]);
	useEffect(() => {
		if (searchReady) dispatch({type: 'ready', index: 'search'});
	}, [searchReady]);

	useEffect(() => {
		if (state.remember === undefined) return;
		const unsaved = history?.add(state.remember);
		dispatch({type: 'remembered'});
		if (unsaved) dispatch({type: 'message', text: unsaved});
	}, [state.remember, history]);

	// Search: results follow every key, computed after it so that typing stays quick; a query still
	// waiting when the next key comes is dropped.
	const panel = state.panel;
	useWarmNames(env.entities, panel.kind === 'entities' || panel.kind === 'search');
	const query = panel.kind === 'search' ? panel.query : undefined;
	const scope = panel.kind === 'search' ? panel.scope : 'corpus';
	const also = query === undefined ? undefined : namedBy(query, scope, env).also;
	const scopeId = scope === 'article' ? articles[state.current]?.id : undefined;
	const searchIndex = env.searchIndex;
	useEffect(() => {
		if (query === undefined || !searchIndex) return;
		const timer = setTimeout(() => {
			const result = query.trim() === '' ? undefined : searchSafely(searchIndex, query, {...(scopeId ? {scope: scopeId} : {}), alsoSpelled: also});
			dispatch({type: 'searchResult', query, scope, result});
		}, 0);
		return () => clearTimeout(timer);
	}, [query, scope, scopeId, searchIndex, also]);

	const panes = panesOf(state, env);
	const order = orderOf(state, env);
	const top = useSteadyTop(article, lines, state.top, panes.bodyHeight);
	if (top !== state.top) dispatch({type: 'settled', state, top});

	// Remember where the reader stands (the text on top as drawn) once the user has moved, or the
	// last run's place was taken. A re-wrap alone gives the same place: nothing changes then.
	useEffect(() => {
		if (!reading || !article || !touched) return;
		reading.visit(articleKey(article), article.id, anchorOf(lines, top), Date.now(), textLengthOf(article));
		onReadingChange?.();
	}, [reading, onReadingChange, article, lines, top, touched]);

	// Highlights on screen, weakest first: entity kinds, the focused entity (its current mention
	// apart), search matches, the current match.
	const entities = env.entities;
	const active = state.active;
	const focused = state.focused;
	const matches = useMemo(() => (active && article ? matchesIn(article, active.query, active.also) : []), [active, article]);
	const mentions = useMemo(() => (entities && article ? entities.mentionsIn(article.id) : []), [entities, article]);
	const [shownFrom, shownTo] = visibleRange(lines, top, panes.bodyHeight);
	const highlights: Highlight[] = useMemo(() => {
		const list: Highlight[] = [];
		for (const m of rangesWithin(mentions, shownFrom, shownTo)) {
			const tag: Tag = focused?.id !== m.entityId ? (m.kind as Tag) : m.start === focused.at ? 'entity-current' : 'entity-focus';
			list.push({start: m.start, end: m.end, tag});
		}
		for (const m of rangesWithin(matches, shownFrom, shownTo)) list.push({start: m.start, end: m.end, tag: m.start === active?.at ? 'match-current' : 'match'});
		return list.sort((a, b) => a.start - b.start || a.end - b.end);
	}, [mentions, matches, focused?.id, focused?.at, active?.at, shownFrom, shownTo]);

	// Read articles are dimmed in the sidebar. The reading state changes in place: its count of read
	// articles says when the marks are to be asked again (an article opened for the first time).
	const readCount = reading?.readCount;
	const isRead = useMemo(
		() => (reading && readCount !== undefined ? (index: number) => reading.isRead(articleKey(articles[index]!)) : undefined),
		[reading, readCount, articles],
	);

	if (size.columns < MIN_COLUMNS || size.rows < MIN_ROWS) {
		return (
			<Box width={size.columns} height={Math.max(1, size.rows - 1)}>
				<Text wrap="truncate">{fitWidth(tooSmallMessage(size), size.columns, false)}</Text>
			</Box>
		);
	}

	const status = statusPieces({state, env, order, lines, top, matches, corpus, background, showTitle: !panes.showSidebar});

	let main: React.ReactNode;
	if (panel.kind === 'help') {
		main = <HelpPanel top={panel.top} width={panes.readerWidth} height={panes.bodyHeight} theme={theme} />;
	} else if (panel.kind === 'warnings') {
		main = <WarningsPanel warnings={warnings} top={panel.top} width={panes.readerWidth} height={panes.bodyHeight} theme={theme} />;
	} else if (panel.kind === 'search') {
		const offered = offeredEntity(panel.query, panel.scope, env);
		const rows: SearchRow[] = [
			...(offered ? [{type: 'entity', entity: offered} as const] : []),
			...(panel.result?.hits ?? []).map((hit) => ({type: 'hit', hit}) as const),
		];
		main = (
			<SearchPanel
				query={panel.query}
				scope={panel.scope}
				rows={rows}
				cursor={panel.selected}
				result={panel.result}
				articles={articles}
				progress={background && !background.searchDone ? {indexed: background.searchIndexed, total: background.total} : undefined}
				width={panes.readerWidth}
				height={panes.bodyHeight}
				theme={theme}
			/>
		);
	} else if (panel.kind === 'entities') {
		main = (
			<EntityPanel
				entities={entityList(state, panel, env)}
				cursor={panel.selected}
				scope={panel.scope}
				filter={panel.filter}
				building={Boolean(background && !background.entitiesDone)}
				width={panes.readerWidth}
				height={panes.bodyHeight}
				theme={theme}
			/>
		);
	} else if (panel.kind === 'bookmarks') {
		main = <BookmarksPanel rows={bookmarkRowsOf(reading, articles)} cursor={panel.selected} width={panes.readerWidth} height={panes.bodyHeight} theme={theme} />;
	} else if (article) {
		main = (
			<ReaderPane
				lines={lines}
				top={top}
				height={panes.bodyHeight}
				width={panes.readerWidth}
				highlights={highlights}
				theme={theme}
				hyperlinks={hyperlinks ? {link: linkIn(article.source), urls: urlsOf(article)} : undefined}
			/>
		);
	} else {
		main = (
			<Box width={panes.readerWidth} height={panes.bodyHeight} paddingLeft={1}>
				<Text {...theme.dim}>
					{corpus.done
						? order.length === 0 && articles.length > 0
							? 'No article matches the filter (Esc clears it).'
							: 'No article to show. Press w to see what was skipped.'
						: 'Loading…'}
				</Text>
			</Box>
		);
	}

	const editingFilter = panel.kind === 'filter';
	const sortLabel = state.sort === 'file' ? '' : state.sort === 'newest' ? 'newest first' : 'oldest first';
	const filterLabel = [
		state.entityFilter && entities ? `with ${entities.entity(state.entityFilter)?.name ?? '?'}` : '',
		state.titleFilter !== undefined && !editingFilter ? `“${state.titleFilter}”` : '',
		sortLabel,
	].filter(Boolean);

	return (
		<Box flexDirection="column" width={size.columns} height={size.rows - 1}>
			<Box flexDirection="row" height={panes.bodyHeight}>
				{panes.showSidebar ? (
					<>
						<Box flexDirection="column" width={panes.sideWidth} height={panes.bodyHeight}>
							{editingFilter ? <TextField label="filter: " value={state.titleFilter ?? ''} width={panes.sideWidth - 1} theme={theme} /> : null}
							<Sidebar
								articles={articles}
								order={order}
								cursor={state.cursor}
								top={state.sideTop}
								current={state.current}
								focused={state.focus === 'sidebar'}
								width={panes.sideWidth}
								height={panes.bodyHeight - (editingFilter ? 1 : 0)}
								header={`Articles ${order.length}${corpus.done ? '' : '…'}${filterLabel.length ? ' · ' + filterLabel.join(' · ') : ''}`}
								theme={theme}
								isRead={isRead}
							/>
						</Box>
						<Box width={1} height={panes.bodyHeight} flexDirection="column">
							<Text {...theme.dim}>{'│\n'.repeat(panes.bodyHeight).slice(0, -1)}</Text>
						</Box>
					</>
				) : null}
				{main}
			</Box>
			<StatusBar left={status} right={STATUS_HINTS} width={size.columns} theme={theme} />
		</Box>
	);
}

/** Hints at the right of the status bar; when space is short the first goes first. */
const STATUS_HINTS = ['? help', 'q quit'];

/** The longest of these that fits: the terminal may be very narrow. */
function tooSmallMessage(size: Size): string {
	const long = `khao needs ${MIN_COLUMNS}×${MIN_ROWS} (now ${size.columns}×${size.rows})`;
	const short = `khao needs ${MIN_COLUMNS}×${MIN_ROWS}`;
	return long.length <= size.columns ? long : short.length <= size.columns ? short : 'too small';
}
