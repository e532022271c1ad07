import type {Key} from 'ink';

// A key as the tables write it: one character ('j', 'G', '['), a named key ('down', 'pagedown',
// 'shift+tab', 'esc'), a control key ('ctrl+d'), or a class ('digit', 'text'). Matching and the
// label people read both come from this one spelling, so help cannot name a key that does nothing.

export type KeySpec = string;

const NAMED: Record<string, {label: string; matches: (key: Key, input: string) => boolean}> = {
	down: {label: '↓', matches: (k) => k.downArrow},
	up: {label: '↑', matches: (k) => k.upArrow},
	left: {label: '←', matches: (k) => k.leftArrow},
	right: {label: '→', matches: (k) => k.rightArrow},
	pagedown: {label: 'PgDn', matches: (k) => k.pageDown},
	pageup: {label: 'PgUp', matches: (k) => k.pageUp},
	home: {label: 'Home', matches: (k) => k.home},
	end: {label: 'End', matches: (k) => k.end},
	tab: {label: 'Tab', matches: (k) => k.tab && !k.shift},
	'shift+tab': {label: 'Shift+Tab', matches: (k) => k.tab && k.shift},
	enter: {label: 'Enter', matches: (k) => k.return},
	esc: {label: 'Esc', matches: (k) => k.escape},
	// Terminals send DEL (which Ink calls delete) for the Backspace key.
	backspace: {label: 'Backspace', matches: (k) => k.backspace || k.delete},
	space: {label: 'space', matches: (k, input) => input === ' ' && !k.ctrl && !k.meta},
	digit: {label: '0–9', matches: (k, input) => /^[0-9]$/u.test(input) && !k.ctrl && !k.meta},
	// Anything printable: what a text field takes as typed text.
	text: {label: 'text', matches: (k, input) => input !== '' && !k.ctrl && !k.meta && !/^[\u0000-\u001F\u007F]$/u.test(input)},
};

/** Whether the key Ink parsed (`input`, `key`) is the key `spec` names. */
export function keyMatches(spec: KeySpec, input: string, key: Key): boolean {
	const named = NAMED[spec];
	if (named) return named.matches(key, input);
	if (spec.startsWith('ctrl+')) return key.ctrl && input === spec.slice(5);
	return input === spec && !key.ctrl && !key.meta;
}

/** How help and the README write `spec`. */
export function keyLabel(spec: KeySpec): string {
	const named = NAMED[spec];
	if (named) return named.label;
	if (spec.startsWith('ctrl+')) return `Ctrl+${spec.slice(5).toUpperCase()}`;
	return spec;
}

/** A row of a key table: one or two commands (forward / backward) and what they do. */
export interface KeyRow<C extends string> {
	/** Each command with its keys; the first key of each is the one help leads with. */
	bind: ReadonlyArray<readonly [C, readonly KeySpec[]]>;
	what: string;
	section: string;
}

export type KeyTable<C extends string> = readonly KeyRow<C>[];

/** The command the key means in `table`, first row first; undefined when it means nothing there. */
export function commandIn<C extends string>(table: KeyTable<C>, input: string, key: Key): C | undefined {
	for (const row of table) for (const [command, specs] of row.bind) if (specs.some((s) => keyMatches(s, input, key))) return command;
	return undefined;
}

/** The keys of a row as help shows them: "j ↓ / k ↑". */
export function rowKeys(row: KeyRow<string>): string {
	return row.bind.map(([, specs]) => specs.map(keyLabel).join(' ')).join(' / ');
}

/**
 * Ink hands a run of plain characters over as one input ("jjj" when a key repeats, "\tjj\r" from a
 * fast typist or tmux): split it into single keys. Escape sequences arrive parsed and stay whole.
 */
export function splitKeys(input: string, key: Key): Array<{input: string; key: Key}> {
	const chars = [...input];
	if (chars.length <= 1 || key.ctrl || key.meta || key.escape) return [{input, key}];
	const plain: Key = {...key, tab: false, return: false, backspace: false, delete: false, shift: false};
	return chars.map((c) => {
		if (c === '\t') return {input: '', key: {...plain, tab: true}};
		if (c === '\r' || c === '\n') return {input: '', key: {...plain, return: true}};
		return {input: c, key: {...plain, shift: c !== c.toLowerCase()}};
	});
}
