import type {Key} from 'ink';
import type {Article} from '../../source/corpus/types.js';
import {initialState, reduce, type Env, type State} from '../../source/ui/state/index.js';

const NO_KEY: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

const NAMED: Record<string, Partial<Key>> = {
	down: {downArrow: true},
	up: {upArrow: true},
	pagedown: {pageDown: true},
	pageup: {pageUp: true},
	home: {home: true},
	end: {end: true},
	tab: {tab: true},
	'shift+tab': {tab: true, shift: true},
	enter: {return: true},
	esc: {escape: true},
	backspace: {delete: true},
};

/** A key as Ink hands it over, written as the key tables write keys ('j', 'down', 'ctrl+d', 'space'). */
export function keyOf(spec: string): {input: string; key: Key} {
	if (NAMED[spec]) return {input: '', key: {...NO_KEY, ...NAMED[spec]}};
	if (spec === 'space') return {input: ' ', key: NO_KEY};
	if (spec.startsWith('ctrl+')) return {input: spec.slice(5), key: {...NO_KEY, ctrl: true}};
	return {input: spec, key: {...NO_KEY, shift: spec !== spec.toLowerCase()}};
}

export function envOf(articles: readonly Article[], over: Partial<Env> = {}): Env {
	return {articles, size: {columns: 100, rows: 22}, maxTextWidth: 100, searchDone: false, history: [], warningCount: 0, ...over};
}

/** The state after `keys` (each a key spec; a longer plain string is typed key by key). */
export function press(env: Env, keys: readonly string[], start: State = initialState): State {
	let state = start;
	for (const k of keys) {
		const specs = k.length > 1 && !NAMED[k] && k !== 'space' && !k.startsWith('ctrl+') ? [...k] : [k];
		for (const s of specs) state = reduce(state, {type: 'key', ...keyOf(s)}, env);
	}
	return state;
}
