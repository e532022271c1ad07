import type {Key} from 'ink';

// One table of keys: the help screen, --help and the README are written from it, so the keys
// people read about are the keys that work.

export type Command =
	| 'down'
	| 'up'
	| 'pageDown'
	| 'pageUp'
	| 'halfDown'
	| 'halfUp'
	| 'home'
	| 'end'
	| 'focusNext'
	| 'focusPrev'
	| 'open'
	| 'prevArticle'
	| 'nextArticle'
	| 'toggleSidebar'
	| 'cycleSort'
	| 'help'
	| 'warnings'
	| 'search'
	| 'filter'
	| 'nextMatch'
	| 'prevMatch'
	| 'nextEntity'
	| 'prevEntity'
	| 'nextMention'
	| 'prevMention'
	| 'entities'
	| 'entityFilter'
	| 'clear'
	| 'quit';

export interface KeyHelp {
	keys: string;
	what: string;
	section: 'Move' | 'Articles' | 'Search' | 'Entities' | 'Other';
}

export const keyHelp: readonly KeyHelp[] = [
	{keys: 'j ↓ / k ↑', what: 'next / previous line (in the sidebar: next / previous article)', section: 'Move'},
	{keys: 'space PgDn / b PgUp', what: 'page down / up', section: 'Move'},
	{keys: 'd / u', what: 'half a page down / up', section: 'Move'},
	{keys: 'g Home / G End', what: 'top / bottom', section: 'Move'},
	{keys: 'Tab / Shift+Tab', what: 'switch focus between sidebar and reader', section: 'Articles'},
	{keys: 'Enter', what: 'open the selected article (sidebar)', section: 'Articles'},
	{keys: '[ / ]', what: 'previous / next article', section: 'Articles'},
	{keys: 's', what: 'show / hide the sidebar', section: 'Articles'},
	{keys: 'o', what: 'order: file, newest first, oldest first', section: 'Articles'},
	{keys: 'f', what: 'filter the sidebar by title (fuzzy, as you type)', section: 'Articles'},
	{keys: '/', what: 'search the corpus (Tab in the panel: this article only)', section: 'Search'},
	{keys: 'n / N', what: 'next / previous match (without a search: mention of the focused entity)', section: 'Search'},
	{keys: 'e / E', what: 'focus the next / previous entity on screen', section: 'Entities'},
	{keys: 'm / M', what: 'next / previous mention of the focused entity, across articles', section: 'Entities'},
	{keys: 'p', what: 'entity panel: people, organisations, places (Tab: article / corpus)', section: 'Entities'},
	{keys: 'F', what: 'sidebar: only articles that mention the focused entity (again: all)', section: 'Entities'},
	{keys: 'Esc', what: 'close a panel; clear the search or the focused entity', section: 'Other'},
	{keys: 'w', what: 'files that were skipped or had problems', section: 'Other'},
	{keys: '?', what: 'this help', section: 'Other'},
	{keys: 'q Ctrl+C', what: 'quit', section: 'Other'},
];

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

/** Keys of the reader and sidebar (not of a panel with a text field). */
export function commandFor(input: string, key: Key): Command | undefined {
	if (key.downArrow) return 'down';
	if (key.upArrow) return 'up';
	if (key.pageDown) return 'pageDown';
	if (key.pageUp) return 'pageUp';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.tab) return key.shift ? 'focusPrev' : 'focusNext';
	if (key.return) return 'open';
	if (key.escape) return 'clear';
	if (key.ctrl) {
		if (input === 'd') return 'halfDown';
		if (input === 'u') return 'halfUp';
		if (input === 'f') return 'pageDown';
		if (input === 'b') return 'pageUp';
		if (input === 'n') return 'down';
		if (input === 'p') return 'up';
		return undefined;
	}
	switch (input) {
		case 'j':
			return 'down';
		case 'k':
			return 'up';
		case ' ':
			return 'pageDown';
		case 'b':
			return 'pageUp';
		case 'd':
			return 'halfDown';
		case 'u':
			return 'halfUp';
		case 'g':
			return 'home';
		case 'G':
			return 'end';
		case '[':
			return 'prevArticle';
		case ']':
			return 'nextArticle';
		case 's':
			return 'toggleSidebar';
		case 'o':
			return 'cycleSort';
		case '?':
			return 'help';
		case 'w':
			return 'warnings';
		case '/':
			return 'search';
		case 'f':
			return 'filter';
		case 'n':
			return 'nextMatch';
		case 'N':
			return 'prevMatch';
		case 'e':
			return 'nextEntity';
		case 'E':
			return 'prevEntity';
		case 'm':
			return 'nextMention';
		case 'M':
			return 'prevMention';
		case 'p':
			return 'entities';
		case 'F':
			return 'entityFilter';
		case 'q':
			return 'quit';
		default:
			return undefined;
	}
}
