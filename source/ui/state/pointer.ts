import {panesOf, type Env} from './env.js';
import {clamp, contextOf, openAt, scrollReader} from './moves.js';
import {bookmarkKey} from './memory.js';
import {entityKey, entityList, scrollPager, searchKey, searchRowCount} from './panels.js';
import {bookmarkListLayout, entityListLayout, rowAt, searchListLayout} from '../panel-lists.js';
import type {Panel, Pointer, State} from './types.js';

// The mouse: the wheel scrolls the pane under the pointer, a left click on a sidebar row opens
// that article. Over a panel (search, entities, bookmarks, help, warnings) the wheel moves through
// the panel's list or scrolls the help, a click on one of its rows picks it as Enter does, and a
// click outside the panel (on the sidebar) closes it as Esc does, without also acting on what was
// clicked (as a pop-up in lazygit or a GUI menu). Where the panes and rows are comes from the same
// layout the render uses.

/** Lines (rows) a wheel notch scrolls, as in most terminal programs. */
export const WHEEL_LINES = 3;

export function pointerAction(state: State, pointer: Pointer, env: Env): State {
	const panes = panesOf(state, env);
	const onSidebar = panes.showSidebar && pointer.x <= panes.sideWidth;
	// The frame starts at the terminal's first row; the status bar is below the panes.
	const row = pointer.y - 1;
	if (row < 0 || row >= panes.bodyHeight) return state;
	const panel = state.panel;
	if (panel.kind !== 'none' && !(onSidebar && pointer.kind === 'wheel')) return panelPointer(state, panel, pointer, onSidebar, row, env);
	const ctx = contextOf(state, env);
	if (pointer.kind === 'wheel') {
		const delta = (pointer.button === 'up' ? -1 : 1) * WHEEL_LINES;
		if (!onSidebar) return scrollReader(state, delta, ctx);
		const height = Math.max(1, ctx.sideHeight);
		const sideTop = clamp(state.sideTop + delta, 0, Math.max(0, ctx.order.length - height));
		const cursor = clamp(state.cursor, sideTop, sideTop + height - 1);
		return sideTop === state.sideTop && cursor === state.cursor ? state : {...state, sideTop, cursor};
	}
	if (pointer.kind !== 'press' || pointer.button !== 0 || !onSidebar) return state;
	// The sidebar's header takes one row.
	const sideRow = row - 1;
	if (sideRow < 0 || sideRow >= ctx.sideHeight || state.sideTop + sideRow >= ctx.order.length) return state;
	return {...openAt(state, state.sideTop + sideRow, ctx), focus: 'reader'};
}

/** The mouse over an open panel (the wheel over the sidebar is not here: it scrolls the sidebar). */
function panelPointer(state: State, panel: Exclude<Panel, {kind: 'none'}>, pointer: Pointer, onSidebar: boolean, row: number, env: Env): State {
	// The fields typed into (the title filter, go to) keep the keys and ignore the mouse.
	if (panel.kind === 'filter' || panel.kind === 'goto') return state;
	const height = panesOf(state, env).bodyHeight;
	const press = pointer.kind === 'press' && pointer.button === 0;
	if (pointer.kind !== 'wheel' && !press) return state;
	const delta = pointer.button === 'up' ? -WHEEL_LINES : WHEEL_LINES;
	if (onSidebar) return press ? closePanel(state, panel, env) : state;
	switch (panel.kind) {
		case 'help':
		case 'warnings':
			return pointer.kind === 'wheel' ? scrollPager(state, panel.top + delta, env) : state;
		case 'search': {
			const count = searchRowCount(panel, env);
			const pick = (selected: number) => ({...panel, selected: clamp(selected, 0, Math.max(0, count - 1))});
			if (pointer.kind === 'wheel') return count === 0 ? state : {...state, panel: pick(panel.selected + delta)};
			const at = rowAt(searchListLayout(count, panel.selected, height), count, row);
			return at === undefined ? state : searchKey({...state, panel: pick(at)}, pick(at), 'choose', '', env);
		}
		case 'entities': {
			const count = entityList(state, panel, env).length;
			const pick = (selected: number) => ({...panel, selected: clamp(selected, 0, Math.max(0, count - 1))});
			if (pointer.kind === 'wheel') return count === 0 ? state : {...state, panel: pick(panel.selected + delta)};
			const at = rowAt(entityListLayout(count, panel.selected, height), count, row);
			return at === undefined ? state : entityKey({...state, panel: pick(at)}, pick(at), 'choose', '', env);
		}
		case 'bookmarks': {
			const count = env.reading?.bookmarks.length ?? 0;
			if (pointer.kind === 'wheel') return count === 0 ? state : {...state, panel: {kind: 'bookmarks', selected: clamp(panel.selected + delta, 0, count - 1)}};
			const at = rowAt(bookmarkListLayout(count, panel.selected, height), count, row);
			return at === undefined ? state : bookmarkKey({...state, panel: {kind: 'bookmarks', selected: at}}, at, 'choose', env);
		}
	}
}

/** What Esc does in the panel. */
function closePanel(state: State, panel: Exclude<Panel, {kind: 'none' | 'filter' | 'goto'}>, env: Env): State {
	switch (panel.kind) {
		case 'search':
			return searchKey(state, panel, 'close', '', env);
		case 'entities':
			return entityKey(state, panel, 'close', '', env);
		case 'bookmarks':
			return bookmarkKey(state, panel.selected, 'close', env);
		case 'help':
		case 'warnings':
			return {...state, panel: {kind: 'none'}};
	}
}
