import {bookmarkKeys, entityKeys, filterKeys, gotoKeys, pagerKeys, readerKeys, searchKeys, type ReaderCommand} from '../keymap.js';
import {articleUrl} from '../link.js';
import {blockAt, paragraphAt} from '../clipboard.js';
import {linksOfBlock} from '../body-links.js';
import {bookmarkKey, placeNow, restore} from './memory.js';
import {pointerAction} from './pointer.js';
import {currentLines} from './env.js';
import {commandIn} from '../keys/key-spec.js';
import type {Env} from './env.js';
import {stepEntityOnScreen, stepMatch, stepMention} from './jumps.js';
import {clamp, contextOf, follow, maxTop, openAt, scrollReader, scrollTo, withCursor, type Context} from './moves.js';
import {entityKey, filterKey, gotoKey, openSearch, pagerKey, searchKey} from './panels.js';
import {READY, WAITING, type Action, type State, type SortOrder} from './types.js';
import {counted} from '../../text/count.js';

// The reader's state machine. Every key is one action, applied to the state the key before it
// left, whatever chunk of input it came in: the reducer finds the key's meaning in the table of
// the panel that has the keys (keymap.ts), and everything a key does is computed here from the
// state and the environment (the corpus, the terminal, the indexes) without a terminal.

const sortCycle: Record<SortOrder, SortOrder> = {file: 'newest', newest: 'oldest', oldest: 'file'};

export function reduce(state: State, action: Action, env: Env): State {
	switch (action.type) {
		case 'key':
			return state.quit ? state : touch(state, reduceKey(state, action.input, action.key, env));
		case 'mouse':
			return state.quit ? state : touch(state, pointerAction(state, action.pointer, env));
		case 'restore':
			return restore(state, action.article, action.place, env);
		case 'requestDone':
			return {...state, request: undefined, message: action.message ?? state.message};
		case 'searchResult': {
			const panel = state.panel;
			if (panel.kind !== 'search' || panel.query !== action.query || panel.scope !== action.scope) return state;
			const selected = Math.min(panel.selected, Math.max(0, (action.result?.hits.length ?? 1) - 1));
			return {...state, panel: {...panel, result: action.result, selected}};
		}
		case 'settled':
			// The render wrapped the lines around the view and found the top it shows; a key that came
			// meanwhile has already moved on from it.
			return action.state === state && action.top !== state.top ? {...state, top: action.top} : state;
		case 'message':
			return {...state, message: action.text};
		case 'remembered':
			return state.remember === undefined ? state : {...state, remember: undefined};
		case 'ready':
			// "Still being found" would stay on the status bar until the next key, long after it stopped being true.
			return state.message === WAITING[action.index] ? {...state, message: READY[action.index]} : state;
	}
}

/** A key or a click that changed something: from now on the last run's place is not taken. */
const touch = (before: State, after: State): State => (after === before || after.touched ? after : {...after, touched: true});

function reduceKey(state: State, input: string, key: Parameters<typeof commandIn>[2], env: Env): State {
	const panel = state.panel;
	switch (panel.kind) {
		case 'bookmarks': {
			const command = commandIn(bookmarkKeys, input, key);
			return command ? bookmarkKey(state, panel.selected, command, env) : state;
		}
		case 'search': {
			const command = commandIn(searchKeys, input, key);
			return command ? searchKey(state, panel, command, input, env) : state;
		}
		case 'entities': {
			const command = commandIn(entityKeys, input, key);
			return command ? entityKey(state, panel, command, input, env) : state;
		}
		case 'filter': {
			const command = commandIn(filterKeys, input, key);
			return command ? filterKey(state, command, input, env) : state;
		}
		case 'goto': {
			const command = commandIn(gotoKeys, input, key);
			return command ? gotoKey(state, panel.digits, command, input, env) : state;
		}
		case 'help':
		case 'warnings': {
			const command = commandIn(pagerKeys, input, key);
			return command ? pagerKey(state, panel.top, command, env) : state;
		}
		case 'none': {
			const command = commandIn(readerKeys, input, key);
			if (!command) return state;
			if (command === 'count') return state.count === '' && input === '0' ? state : {...state, count: (state.count + input).slice(0, 7)};
			const count = state.count === '' ? undefined : Number(state.count);
			return readerCommand({...state, count: '', message: ''}, command, count, env);
		}
	}
}

/** A key of the reader and the sidebar; `count` is the number typed before it, if any. */
export function readerCommand(state: State, command: Exclude<ReaderCommand, 'count'>, count: number | undefined, env: Env): State {
	const ctx = contextOf(state, env);
	const onSidebar = state.focus === 'sidebar';
	const n = count ?? 1;
	switch (command) {
		case 'down':
		case 'up':
		case 'pageDown':
		case 'pageUp':
		case 'halfDown':
		case 'halfUp':
			return move(state, command, n, ctx);
		case 'home':
		case 'end': {
			// With a count, g and G both go to line (article) N, as in less and vim.
			const line = count !== undefined ? count - 1 : command === 'home' ? 0 : Number.MAX_SAFE_INTEGER;
			return onSidebar ? withCursor(state, line, ctx) : count !== undefined || command === 'home' ? scrollTo(state, line, ctx) : {...state, top: maxTop(ctx)};
		}
		case 'focusNext':
		case 'focusPrev':
			// Two panes: forward and backward are the same switch, but both keys are honoured.
			if (state.sidebarShown === false || (state.sidebarShown === null && !ctx.sidebarByDefault)) return state;
			return {...state, focus: onSidebar ? 'reader' : 'sidebar'};
		case 'open':
			return onSidebar ? {...openAt(state, state.cursor, ctx), focus: 'reader'} : state;
		case 'nextArticle':
		case 'prevArticle': {
			const here = ctx.order.indexOf(state.current);
			const from = here === -1 ? state.cursor : here;
			const step = command === 'nextArticle' ? n : -n;
			const next = clamp(from + step, 0, ctx.order.length - 1);
			if (next === from || ctx.order.length === 0) return {...state, message: step > 0 ? `this is the last article (${ctx.order.length})` : 'this is the first article'};
			return openAt(state, next, ctx);
		}
		case 'goto':
			return {...state, panel: {kind: 'goto', digits: ''}};
		case 'toggleSidebar': {
			const shown = !(state.sidebarShown ?? ctx.sidebarByDefault);
			return {...state, sidebarShown: shown, focus: shown ? state.focus : 'reader'};
		}
		case 'toggleWidth':
			return {...state, fullWidth: !state.fullWidth};
		case 'cycleSort':
			return follow({...state, sort: sortCycle[state.sort]}, env);
		case 'filter':
			return {
				...state,
				panel: {kind: 'filter'},
				titleFilter: state.titleFilter ?? '',
				sidebarShown: state.sidebarShown === false || !ctx.sidebarByDefault ? true : state.sidebarShown,
			};
		case 'search':
			return openSearch(state, env);
		case 'help':
			return {...state, panel: {kind: 'help', top: 0}};
		case 'warnings':
			return {...state, panel: {kind: 'warnings', top: 0}};
		case 'entities':
			if (!env.entities) return {...state, message: WAITING.entities};
			return {...state, panel: {kind: 'entities', filter: '', scope: 'article', selected: 0}};
		case 'entityFilter':
			if (state.entityFilter) return follow({...state, entityFilter: undefined}, env);
			if (!state.focused) return {...state, message: 'no focused entity: e focuses one on screen'};
			return follow({...state, entityFilter: state.focused.id}, env);
		case 'nextMatch':
		case 'prevMatch':
			return repeat(state, n, (s) => (s.active ? stepMatch : stepMention)(s, command === 'nextMatch' ? 1 : -1, env));
		case 'nextMention':
		case 'prevMention':
			return repeat(state, n, (s) => stepMention(s, command === 'nextMention' ? 1 : -1, env));
		case 'nextEntity':
		case 'prevEntity':
			return repeat(state, n, (s) => stepEntityOnScreen(s, command === 'nextEntity' ? 1 : -1, env));
		case 'clear':
			if (state.active) return {...state, active: undefined};
			if (state.focused) return {...state, focused: undefined};
			if (state.entityFilter || state.titleFilter !== undefined) return follow({...state, entityFilter: undefined, titleFilter: undefined}, env);
			return state;
		case 'bookmark': {
			const article = env.articles[state.current];
			if (!env.reading || !article) return {...state, message: article ? 'bookmarks are off (--no-state or KHAO_STATE_DIR=off)' : 'no article'};
			return {...state, request: {kind: 'bookmark', article: state.current, place: placeNow(state, env)}};
		}
		case 'bookmarks':
			if (!env.reading) return {...state, message: 'bookmarks are off (--no-state or KHAO_STATE_DIR=off)'};
			return {...state, panel: {kind: 'bookmarks', selected: 0}};
		case 'openLink':
		case 'copyLink': {
			// The paragraph on top's links first (a count picks the Nth), else the article's address.
			const article = env.articles[state.current];
			const links = article ? linksOfBlock(article, blockAt(article, currentLines(state, env), state.top)) : [];
			if (count !== undefined && count > links.length)
				return {
					...state,
					message: links.length === 0 ? 'the paragraph on top has no link' : `the paragraph on top has ${counted(links.length, 'link')}`,
				};
			const url = links[(count ?? 1) - 1] ?? articleUrl(article);
			if (!url) return {...state, message: 'no web address: no link in the paragraph on top, none for the article'};
			return {...state, request: command === 'openLink' ? {kind: 'openLink', url} : {kind: 'copy', text: url, what: 'web address'}};
		}
		case 'copyParagraph': {
			const article = env.articles[state.current];
			const text = article ? paragraphAt(article, currentLines(state, env), state.top) : '';
			return text === '' ? {...state, message: 'nothing to copy'} : {...state, request: {kind: 'copy', text, what: 'paragraph'}};
		}
		case 'quit':
			return {...state, quit: true};
	}
}

/** A step done `n` times (a count before n, m, e), each from where the one before left. */
function repeat(state: State, n: number, step: (s: State) => State): State {
	let s = state;
	for (let i = 0; i < Math.min(n, 1000); i++) s = step(s);
	return s;
}

function move(state: State, command: 'down' | 'up' | 'pageDown' | 'pageUp' | 'halfDown' | 'halfUp', n: number, ctx: Context): State {
	const onSidebar = state.focus === 'sidebar';
	const height = onSidebar ? ctx.sideHeight : ctx.pageHeight;
	const page = Math.max(1, height - 1);
	const half = Math.max(1, Math.floor(height / 2));
	const delta = {down: n, up: -n, pageDown: page, pageUp: -page, halfDown: half, halfUp: -half}[command];
	return onSidebar ? withCursor(state, state.cursor + delta, ctx) : scrollReader(state, delta, ctx);
}
