import {topFor} from '../navigation.js';
import {currentLines, linesOf, orderOf, panesOf, placeLine, SIDEBAR_MIN_COLUMNS, type Env} from './env.js';
import type {State} from './types.js';

// Moving the cursor and the view: the sidebar's cursor and window, the reader's top line, opening
// an article. Everything else in the reducer is built from these.

/** What the moves need to know of the layout, derived from the state and the environment. */
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
	/** The line article `index` was left at (remembered between runs); undefined: its top. */
	placeOf?: (index: number) => number | undefined;
}

export function contextOf(state: State, env: Env): Context {
	const panes = panesOf(state, env);
	return {
		order: orderOf(state, env),
		lineCount: currentLines(state, env).length,
		pageHeight: panes.bodyHeight,
		sideHeight: panes.bodyHeight - 1,
		sidebarByDefault: env.size.columns >= SIDEBAR_MIN_COLUMNS,
		placeOf: env.reading ? (index) => placeLine(state, index, env) : undefined,
	};
}

export const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** The last line that may be at the top: the article's end stays at the pane's bottom. */
export const maxTop = (ctx: Pick<Context, 'lineCount' | 'pageHeight'>) => Math.max(0, ctx.lineCount - ctx.pageHeight);

/** Keeps the sidebar cursor inside its window. */
export function withCursor(state: State, cursor: number, ctx: Context): State {
	const last = Math.max(0, ctx.order.length - 1);
	const c = clamp(cursor, 0, last);
	const height = Math.max(1, ctx.sideHeight);
	let sideTop = clamp(state.sideTop, 0, Math.max(0, ctx.order.length - height));
	if (c < sideTop) sideTop = c;
	if (c >= sideTop + height) sideTop = c - height + 1;
	return c === state.cursor && sideTop === state.sideTop ? state : {...state, cursor: c, sideTop};
}

export function scrollReader(state: State, delta: number, ctx: Context): State {
	return scrollTo(state, state.top + delta, ctx);
}

export function scrollTo(state: State, line: number, ctx: Context): State {
	const top = clamp(line, 0, maxTop(ctx));
	return top === state.top ? state : {...state, top};
}

/** Opens the article at sidebar position `position` (where it was left, else at its top; as it is when already open). */
export function openAt(state: State, position: number, ctx: Context): State {
	const article = ctx.order[position];
	if (article === undefined) return state;
	const moved = withCursor(state, position, ctx);
	return {...moved, current: article, top: article === state.current ? state.top : (ctx.placeOf?.(article) ?? 0)};
}

/** Shows article `index` from line `top`, in the reader, with the panels closed. */
export function show(state: State, index: number, top: number, env: Env): State {
	const ctx = contextOf(state, env);
	const position = ctx.order.indexOf(index);
	const moved = position === -1 ? state : withCursor(state, position, ctx);
	return {...moved, current: index, top: Math.max(0, top), panel: {kind: 'none'}, focus: 'reader'};
}

/** Shows article `index` with article offset `offset` in view (a third of the way down). */
export function goTo(state: State, index: number, offset: number | undefined, env: Env): State {
	const target = env.articles[index];
	if (!target) return state;
	const panes = panesOf(state, env);
	const lines = linesOf(target, panes.textWidth, env.entities);
	return show(state, index, offset === undefined ? 0 : topFor(lines, offset, panes.bodyHeight), env);
}

/** Keeps the sidebar cursor on the open article after the order changed (a filter, a sort). */
export function follow(state: State, env: Env): State {
	const ctx = contextOf(state, env);
	const position = ctx.order.indexOf(state.current);
	return withCursor(state, position === -1 ? state.cursor : position, ctx);
}
