import type {FieldCommand, GotoCommand, ListCommand, PagerCommand} from '../keymap.js';
import {editField} from '../keys/edit-field.js';
import {helpLines} from '../help-lines.js';
import {entityListMemo, matchesIn, namedBy, offeredEntity, panesOf, type Env} from './env.js';
import {focusEntity} from './jumps.js';
import {clamp, contextOf, follow, goTo, openAt, show, withCursor} from './moves.js';
import {WAITING, type EntityPanelState, type SearchPanelState, type State} from './types.js';

// What a key does in each panel, as the panel's key table names it (keymap.ts).

const isEdit = (c: string): c is 'erase' | 'eraseWord' | 'eraseAll' | 'type' => c === 'erase' || c === 'eraseWord' || c === 'eraseAll' || c === 'type';

export function openSearch(state: State, env: Env): State {
	return {
		...state,
		panel: {kind: 'search', query: '', scope: 'corpus', selected: 0, saved: {current: state.current, top: state.top}},
		message: env.searchIndex ? state.message : WAITING.search,
	};
}

/** Rows of the search panel: the entity the query names (if any), then the hits. */
export function searchRowCount(panel: SearchPanelState, env: Env): number {
	return (offeredEntity(panel.query, panel.scope, env) ? 1 : 0) + (panel.result?.hits.length ?? 0);
}

export function searchKey(state: State, panel: SearchPanelState, command: ListCommand, input: string, env: Env): State {
	const rows = searchRowCount(panel, env);
	const select = (selected: number): State => ({...state, panel: {...panel, selected: clamp(selected, 0, Math.max(0, rows - 1))}});
	switch (command) {
		case 'close':
			return show(state, panel.saved.current, panel.saved.top, env);
		case 'choose':
			return chooseSearchRow(state, panel, env);
		case 'scope':
			return {...state, panel: {...panel, scope: panel.scope === 'corpus' ? 'article' : 'corpus', selected: 0}};
		case 'prev': {
			const past = env.history;
			if (panel.selected === 0 && past.length > 0 && (panel.query === '' || panel.recalled !== undefined)) {
				const at = Math.max(0, (panel.recalled ?? past.length) - 1);
				return {...state, panel: {...panel, query: past[at]!, recalled: at, selected: 0}};
			}
			return select(panel.selected - 1);
		}
		case 'next':
			return select(panel.selected + 1);
		case 'pageDown':
		case 'pageUp': {
			const page = Math.max(1, Math.floor((panesOf(state, env).bodyHeight - 3) / 2));
			return select(panel.selected + (command === 'pageDown' ? page : -page));
		}
		default: {
			const query = isEdit(command) ? editField(panel.query, command, input) : undefined;
			return query === undefined ? state : {...state, panel: {...panel, query, selected: 0, recalled: undefined}};
		}
	}
}

function chooseSearchRow(state: State, panel: SearchPanelState, env: Env): State {
	const offered = offeredEntity(panel.query, panel.scope, env);
	const remembered: State = {...state, remember: panel.query};
	if (offered && panel.selected === 0) return focusEntity(remembered, offered, env);
	const hit = panel.result?.hits[panel.selected - (offered ? 1 : 0)];
	if (!hit) return state;
	const query = panel.result?.effectiveQuery ?? panel.query;
	const also = namedBy(panel.query, panel.scope, env).also;
	// The hit as n / N know it (their matches, which may start a little before the hit's range).
	const target = env.articles[hit.ordinal];
	const at = hit.field === 'text' && target ? (matchesIn(target, query, also).find((m) => m.end > hit.start)?.start ?? hit.start) : undefined;
	return goTo({...remembered, active: {query, also, at}}, hit.ordinal, at, env);
}

export function entityList(state: State, panel: EntityPanelState, env: Env) {
	return entityListMemo(env.entities, panel.scope, panel.filter, env.articles[state.current]);
}

export function entityKey(state: State, panel: EntityPanelState, command: ListCommand, input: string, env: Env): State {
	const list = entityList(state, panel, env);
	const select = (selected: number): State => ({...state, panel: {...panel, selected: clamp(selected, 0, Math.max(0, list.length - 1))}});
	const page = Math.max(1, panesOf(state, env).bodyHeight - 4);
	switch (command) {
		case 'close':
			return {...state, panel: {kind: 'none'}};
		case 'choose': {
			const entity = list[panel.selected];
			return entity ? focusEntity(state, entity, env) : state;
		}
		case 'scope':
			return {...state, panel: {...panel, scope: panel.scope === 'article' ? 'corpus' : 'article', selected: 0}};
		case 'next':
			return select(panel.selected + 1);
		case 'prev':
			return select(panel.selected - 1);
		case 'pageDown':
			return select(panel.selected + page);
		case 'pageUp':
			return select(panel.selected - page);
		default: {
			const filter = isEdit(command) ? editField(panel.filter, command, input) : undefined;
			return filter === undefined ? state : {...state, panel: {...panel, filter, selected: 0}};
		}
	}
}

export function filterKey(state: State, command: FieldCommand, input: string, env: Env): State {
	switch (command) {
		case 'close':
			return follow({...state, titleFilter: undefined, panel: {kind: 'none'}}, env);
		case 'accept': {
			// Keep the filter; go to the list to choose.
			const kept = (state.titleFilter ?? '').trim() === '' ? undefined : state.titleFilter;
			const next: State = {...state, titleFilter: kept, panel: {kind: 'none'}, focus: state.sidebarShown === false ? 'reader' : 'sidebar'};
			return withCursor(next, 0, contextOf(next, env));
		}
		default: {
			const query = editField(state.titleFilter ?? '', command, input);
			return query === undefined ? state : follow({...state, titleFilter: query}, env);
		}
	}
}

/** Most digits `:` takes: more than any corpus holds. */
const GOTO_DIGITS = 7;

export function gotoKey(state: State, digits: string, command: GotoCommand, input: string, env: Env): State {
	switch (command) {
		case 'close':
			return {...state, panel: {kind: 'none'}};
		case 'digit':
			return digits.length >= GOTO_DIGITS ? state : {...state, panel: {kind: 'goto', digits: digits + input}};
		case 'erase':
			return {...state, panel: {kind: 'goto', digits: digits.slice(0, -1)}};
		case 'accept': {
			const closed: State = {...state, panel: {kind: 'none'}};
			if (digits === '') return closed;
			const ctx = contextOf(closed, env);
			const n = Number(digits);
			if (n < 1 || n > ctx.order.length) return {...closed, message: `no article ${n}: there are ${ctx.order.length}`};
			return {...openAt(closed, n - 1, ctx), focus: 'reader'};
		}
	}
}

/** Lines of the help or warnings screen, and how many of them fit. */
function pagerSize(state: State, env: Env): {lines: number; height: number} {
	const panes = panesOf(state, env);
	if (state.panel.kind === 'help') return {lines: helpLines(Math.max(1, panes.readerWidth - 2)).length, height: panes.bodyHeight};
	return {lines: env.warningCount, height: panes.bodyHeight - 1};
}

/** The help or warnings screen scrolled to line `to` (kept within its lines). */
export function scrollPager(state: State, to: number, env: Env): State {
	const panel = state.panel;
	if (panel.kind !== 'help' && panel.kind !== 'warnings') return state;
	const {lines, height} = pagerSize(state, env);
	const next = clamp(to, 0, Math.max(0, lines - height));
	return next === panel.top ? state : {...state, panel: {kind: panel.kind, top: next}};
}

export function pagerKey(state: State, top: number, command: PagerCommand, env: Env): State {
	const panel = state.panel;
	if (panel.kind !== 'help' && panel.kind !== 'warnings') return state;
	const {height} = pagerSize(state, env);
	const scroll = (to: number): State => scrollPager(state, to, env);
	const page = Math.max(1, height - 1);
	switch (command) {
		case 'down':
			return scroll(top + 1);
		case 'up':
			return scroll(top - 1);
		case 'pageDown':
			return scroll(top + page);
		case 'pageUp':
			return scroll(top - page);
		case 'halfDown':
			return scroll(top + Math.max(1, Math.floor(height / 2)));
		case 'halfUp':
			return scroll(top - Math.max(1, Math.floor(height / 2)));
		case 'home':
			return scroll(0);
		case 'end':
			return scroll(Number.MAX_SAFE_INTEGER);
		case 'close':
			return {...state, panel: {kind: 'none'}};
		case 'help':
		case 'warnings':
			return {...state, panel: panel.kind === command ? {kind: 'none'} : {kind: command, top: 0}};
		case 'search':
			return openSearch({...state, panel: {kind: 'none'}}, env);
		case 'quit':
			return {...state, quit: true};
	}
}
