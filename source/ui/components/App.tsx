import React, {useMemo, useRef, useState} from 'react';
import {Box, Text, useApp, useInput} from 'ink';
import type {CorpusLoad} from '../../corpus/index.js';
import type {Article} from '../../corpus/types.js';
import {wrapArticle, lineAt} from '../../layout/wrap.js';
import type {Line} from '../../layout/types.js';
import {initialState, reduce, maxTop, type Action, type Context, type SortOrder, type State} from '../state.js';
import {commandFor, splitKeys, type Command} from '../keymap.js';
import {useTerminalSize, type Size} from '../hooks/useTerminalSize.js';
import {useCorpus} from '../hooks/useCorpus.js';
import {makeTheme} from '../theme.js';
import {fitWidth} from '../fit.js';
import {ReaderPane, type Highlight} from './ReaderPane.js';
import {Sidebar} from './Sidebar.js';
import {StatusBar} from './StatusBar.js';
import {HelpPanel} from './HelpPanel.js';
import {WarningsPanel} from './WarningsPanel.js';

export interface AppProps {
	load: CorpusLoad;
	/** Fixed terminal size (tests); otherwise the real terminal's, following resizes. */
	size?: Size;
	noColor?: boolean;
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

export function App({load, size: fixedSize, noColor = false}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize(fixedSize);
	const corpus = useCorpus(load);
	const articles = load.articles;
	const theme = useMemo(() => makeTheme(noColor), [noColor]);
	const [state, setState] = useState<State>(initialState);
	const [warningsTop, setWarningsTop] = useState(0);

	const panes = paneSizes(size, state.sidebarShown);
	const order = useMemo(() => sortOrder(articles, state.sort), [articles, corpus.count, state.sort]);
	const article = articles[state.current];
	const lines: readonly Line[] = useMemo(
		() => (article ? wrapArticle(article, panes.textWidth) : []),
		[article, panes.textWidth],
	);

	// Keep the same text at the top of the pane when a resize re-wraps the article.
	const shown = useRef<{article: Article | undefined; lines: readonly Line[]; anchor: number}>({article, lines, anchor: 0});
	let top = state.top;
	if (shown.current.lines !== lines && shown.current.article === article && shown.current.lines.length > 0) {
		top = lineAt(lines, shown.current.anchor);
		if (top !== state.top) setState({...state, top});
	}
	const ctx: Context = {
		order,
		lineCount: lines.length,
		pageHeight: panes.bodyHeight,
		sideHeight: panes.bodyHeight - 1,
		sidebarByDefault: size.columns >= SIDEBAR_MIN_COLUMNS,
	};
	top = Math.min(top, maxTop(ctx));
	shown.current = {article, lines, anchor: lines[top]?.start ?? 0};
	// Keys may arrive before the handler of the latest render is subscribed: read the layout from a ref.
	const ctxRef = useRef(ctx);
	ctxRef.current = ctx;
	const stateRef = useRef(state);
	stateRef.current = state;
	const dispatch = (action: Action) => setState((s) => reduce(s, action, ctxRef.current));

	const run = (command: Command) => {
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
			case 'toggleSidebar':
				dispatch({type: 'toggleSidebar'});
				return;
			case 'clear':
				if (stateRef.current.overlay !== 'none') dispatch({type: 'overlay', overlay: stateRef.current.overlay});
				return;
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
			default:
				return;
		}
	};

	const onCommand = (command: Command) => {
		const {overlay} = stateRef.current;
		if (overlay === 'warnings' && (command === 'down' || command === 'up')) {
			setWarningsTop((t) => Math.max(0, Math.min(load.warnings.length - 1, t + (command === 'down' ? 1 : -1))));
			return;
		}
		if ((overlay === 'help' || overlay === 'warnings') && command !== 'quit' && command !== 'help' && command !== 'warnings') {
			if (command === 'clear') run('clear');
			return;
		}
		run(command);
	};

	useInput((input, key) => {
		// Keys typed quickly (or repeated) can arrive as one chunk of text: take them one by one.
		for (const {input: one, key: k} of splitKeys(input, key)) {
			const command = commandFor(one, k);
			if (command) onCommand(command);
		}
	});

	if (size.columns < MIN_COLUMNS || size.rows < MIN_ROWS) {
		return (
			<Box width={size.columns} height={Math.max(1, size.rows - 1)}>
				<Text wrap="truncate">{fitWidth(`khao needs ${MIN_COLUMNS}×${MIN_ROWS} (now ${size.columns}×${size.rows})`, size.columns, false)}</Text>
			</Box>
		);
	}

	const highlights: Highlight[] = [];
	const position = lines.length > 0 ? `line ${top + 1}/${lines.length} ${percent(top, ctx)}` : '';
	const loading = corpus.done ? '' : `loading… ${corpus.count}`;
	const skipped = corpus.warnings > 0 ? `${corpus.warnings} skipped (w)` : '';
	const sortLabel = state.sort === 'file' ? '' : state.sort === 'newest' ? 'newest first' : 'oldest first';
	const articleLabel = article ? `${order.indexOf(state.current) + 1}/${order.length}` : 'no article';

	let main: React.ReactNode;
	if (state.overlay === 'help') {
		main = <HelpPanel width={panes.readerWidth} height={panes.bodyHeight} theme={theme} />;
	} else if (state.overlay === 'warnings') {
		main = <WarningsPanel warnings={load.warnings} top={warningsTop} width={panes.readerWidth} height={panes.bodyHeight} theme={theme} />;
	} else if (article) {
		main = <ReaderPane lines={lines} top={top} height={panes.bodyHeight} width={panes.readerWidth} highlights={highlights} theme={theme} />;
	} else {
		main = (
			<Box width={panes.readerWidth} height={panes.bodyHeight} paddingLeft={1}>
				<Text {...theme.dim}>{corpus.done ? 'No article to show. Press w to see what was skipped.' : 'Loading…'}</Text>
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={size.columns} height={size.rows - 1}>
			<Box flexDirection="row" height={panes.bodyHeight}>
				{panes.showSidebar ? (
					<>
						<Sidebar
							articles={articles}
							order={order}
							cursor={state.cursor}
							top={state.sideTop}
							current={state.current}
							focused={state.focus === 'sidebar'}
							width={panes.sideWidth}
							height={panes.bodyHeight}
							header={`Articles ${order.length}${corpus.done ? '' : '…'}${sortLabel ? ' · ' + sortLabel : ''}`}
							theme={theme}
						/>
						<Box width={1} height={panes.bodyHeight} flexDirection="column">
							<Text {...theme.dim}>{'│\n'.repeat(panes.bodyHeight).slice(0, -1)}</Text>
						</Box>
					</>
				) : null}
				{main}
			</Box>
			<StatusBar left={[articleLabel, position, loading, skipped]} right="? help  q quit" width={size.columns} theme={theme} />
		</Box>
	);
}

function percent(top: number, ctx: Context): string {
	const max = maxTop(ctx);
	return max === 0 ? '100%' : `${Math.round((top / max) * 100)}%`;
}
