// The reader's state machine: every key is an action, and `reduce` is pure so that each key can be
// tested without a terminal. Things that depend on layout (how many lines the article wraps to, how
// tall the panes are) come in as a context, so the state never holds what can be derived.

export type Focus = 'sidebar' | 'reader';
export type Overlay = 'none' | 'help' | 'warnings' | 'search' | 'filter' | 'entities';
export type SortOrder = 'file' | 'newest' | 'oldest';

export interface State {
	focus: Focus;
	overlay: Overlay;
	/** Position of the sidebar cursor in the sidebar order. */
	cursor: number;
	/** First visible sidebar row. */
	sideTop: number;
	/** Index (into the corpus) of the article in the reader. */
	current: number;
	/** First visible line of the reader. */
	top: number;
	/** The user's sidebar toggle: null follows the terminal width. */
	sidebarShown: boolean | null;
	sort: SortOrder;
}

export interface Context {
	/** Sidebar order: corpus indices, sorted and filtered. */
	order: readonly number[];
	lineCount: number;
	/** Rows of the reader pane. */
	pageHeight: number;
	/** Rows of the sidebar list. */
	sideHeight: number;
	/** Whether the sidebar shows when the user has not toggled it (wide enough terminal). */
	sidebarByDefault: boolean;
}

export type Action =
	| {type: 'down'; count?: number}
	| {type: 'up'; count?: number}
	| {type: 'pageDown'}
	| {type: 'pageUp'}
	| {type: 'halfDown'}
	| {type: 'halfUp'}
	| {type: 'home'}
	| {type: 'end'}
	| {type: 'focusNext'}
	| {type: 'focusPrev'}
	| {type: 'open'}
	| {type: 'nextArticle'}
	| {type: 'prevArticle'}
	| {type: 'toggleSidebar'}
	| {type: 'overlay'; overlay: Overlay}
	| {type: 'cycleSort'}
	/** Show an article at a line (search results, entity jumps). */
	| {type: 'goto'; article: number; top: number}
	/** Keep the reader on the same text after a re-wrap or a change of order. */
	| {type: 'sync'; top?: number};

export const initialState: State = {
	focus: 'reader',
	overlay: 'none',
	cursor: 0,
	sideTop: 0,
	current: 0,
	top: 0,
	sidebarShown: null,
	sort: 'file',
};

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** The last line that may be at the top: the article's end stays at the pane's bottom. */
export const maxTop = (ctx: Context) => Math.max(0, ctx.lineCount - ctx.pageHeight);

const sortCycle: Record<SortOrder, SortOrder> = {file: 'newest', newest: 'oldest', oldest: 'file'};

/** Keeps the sidebar cursor inside its window. */
function withCursor(state: State, cursor: number, ctx: Context): State {
	const last = Math.max(0, ctx.order.length - 1);
	const c = clamp(cursor, 0, last);
	const height = Math.max(1, ctx.sideHeight);
	let sideTop = clamp(state.sideTop, 0, Math.max(0, ctx.order.length - height));
	if (c < sideTop) sideTop = c;
	if (c >= sideTop + height) sideTop = c - height + 1;
	return {...state, cursor: c, sideTop};
}

function scrollReader(state: State, delta: number, ctx: Context): State {
	const top = clamp(state.top + delta, 0, maxTop(ctx));
	return top === state.top ? state : {...state, top};
}

function moveSidebar(state: State, delta: number, ctx: Context): State {
	return withCursor(state, state.cursor + delta, ctx);
}

function openAt(state: State, position: number, ctx: Context): State {
	const article = ctx.order[position];
	if (article === undefined) return state;
	const moved = withCursor(state, position, ctx);
	return {...moved, current: article, top: article === state.current ? state.top : 0};
}

export function reduce(state: State, action: Action, ctx: Context): State {
	const page = Math.max(1, ctx.pageHeight - 1);
	const half = Math.max(1, Math.floor(ctx.pageHeight / 2));
	const onSidebar = state.focus === 'sidebar';
	const move = (delta: number) => (onSidebar ? moveSidebar(state, delta, ctx) : scrollReader(state, delta, ctx));
	const sidePage = Math.max(1, ctx.sideHeight - 1);
	switch (action.type) {
		case 'down':
			return move(action.count ?? 1);
		case 'up':
			return move(-(action.count ?? 1));
		case 'pageDown':
			return onSidebar ? moveSidebar(state, sidePage, ctx) : scrollReader(state, page, ctx);
		case 'pageUp':
			return onSidebar ? moveSidebar(state, -sidePage, ctx) : scrollReader(state, -page, ctx);
		case 'halfDown':
			return onSidebar ? moveSidebar(state, Math.max(1, Math.floor(ctx.sideHeight / 2)), ctx) : scrollReader(state, half, ctx);
		case 'halfUp':
			return onSidebar ? moveSidebar(state, -Math.max(1, Math.floor(ctx.sideHeight / 2)), ctx) : scrollReader(state, -half, ctx);
		case 'home':
			return onSidebar ? withCursor(state, 0, ctx) : {...state, top: 0};
		case 'end':
			return onSidebar ? withCursor(state, ctx.order.length - 1, ctx) : {...state, top: maxTop(ctx)};
		case 'focusNext':
		case 'focusPrev':
			// Two panes: forward and backward are the same switch, but both keys are honoured.
			if (state.sidebarShown === false) return state;
			return {...state, focus: onSidebar ? 'reader' : 'sidebar'};
		case 'open': {
			if (!onSidebar) return state;
			return {...openAt(state, state.cursor, ctx), focus: 'reader'};
		}
		case 'nextArticle':
		case 'prevArticle': {
			const here = ctx.order.indexOf(state.current);
			const from = here === -1 ? state.cursor : here;
			const next = from + (action.type === 'nextArticle' ? 1 : -1);
			if (next < 0 || next >= ctx.order.length) return state;
			return openAt(state, next, ctx);
		}
		case 'toggleSidebar': {
			const shown = !(state.sidebarShown ?? ctx.sidebarByDefault);
			return {...state, sidebarShown: shown, focus: shown ? state.focus : 'reader'};
		}
		case 'overlay':
			return {...state, overlay: state.overlay === action.overlay ? 'none' : action.overlay};
		case 'cycleSort':
			return {...state, sort: sortCycle[state.sort]};
		case 'goto': {
			const position = ctx.order.indexOf(action.article);
			const moved = position === -1 ? state : withCursor(state, position, ctx);
			return {...moved, current: action.article, top: Math.max(0, action.top), overlay: 'none', focus: 'reader'};
		}
		case 'sync': {
			const position = ctx.order.indexOf(state.current);
			const moved = position === -1 ? withCursor(state, state.cursor, ctx) : withCursor(state, position, ctx);
			const top = clamp(action.top ?? moved.top, 0, maxTop(ctx));
			return moved.top === top && moved === state ? state : {...moved, top};
		}
	}
}
