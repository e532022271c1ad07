import {panesOf, type Env} from './env.js';
import {clamp, contextOf, openAt, scrollReader} from './moves.js';
import type {Pointer, State} from './types.js';

// The mouse: the wheel scrolls the pane under the pointer, a left click on a sidebar row opens
// that article. Where the panes are comes from the same layout the render uses.

/** Lines (rows) a wheel notch scrolls, as in most terminal programs. */
export const WHEEL_LINES = 3;

export function pointerAction(state: State, pointer: Pointer, env: Env): State {
	// A panel over the reader has keys of its own: the mouse waits until it is closed.
	if (state.panel.kind !== 'none') return state;
	const panes = panesOf(state, env);
	const ctx = contextOf(state, env);
	const onSidebar = panes.showSidebar && pointer.x <= panes.sideWidth;
	if (pointer.kind === 'wheel') {
		const delta = (pointer.button === 'up' ? -1 : 1) * WHEEL_LINES;
		if (!onSidebar) return scrollReader(state, delta, ctx);
		const height = Math.max(1, ctx.sideHeight);
		const sideTop = clamp(state.sideTop + delta, 0, Math.max(0, ctx.order.length - height));
		const cursor = clamp(state.cursor, sideTop, sideTop + height - 1);
		return sideTop === state.sideTop && cursor === state.cursor ? state : {...state, sideTop, cursor};
	}
	if (pointer.kind !== 'press' || pointer.button !== 0 || !onSidebar) return state;
	// The frame starts at the terminal's first row; the sidebar's header takes one row.
	const row = pointer.y - 2;
	if (row < 0 || row >= ctx.sideHeight || state.sideTop + row >= ctx.order.length) return state;
	return {...openAt(state, state.sideTop + row, ctx), focus: 'reader'};
}
