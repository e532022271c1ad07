import type {KeyRow, KeyTable} from './keys/key-spec.js';

// One key table per mode. The reducer matches keys against these tables, and the `?` screen,
// `--help` and the README's Keys section are written from them, so the keys people read about are
// the keys that work. A new key is one row here (and its command in the reducer).

export type ReaderCommand =
	| 'down'
	| 'up'
	| 'pageDown'
	| 'pageUp'
	| 'halfDown'
	| 'halfUp'
	| 'home'
	| 'end'
	| 'count'
	| 'focusNext'
	| 'focusPrev'
	| 'open'
	| 'prevArticle'
	| 'nextArticle'
	| 'goto'
	| 'toggleSidebar'
	| 'toggleWidth'
	| 'cycleSort'
	| 'filter'
	| 'search'
	| 'nextMatch'
	| 'prevMatch'
	| 'nextEntity'
	| 'prevEntity'
	| 'nextMention'
	| 'prevMention'
	| 'entities'
	| 'entityFilter'
	| 'clear'
	| 'warnings'
	| 'help'
	| 'bookmark'
	| 'bookmarks'
	| 'openLink'
	| 'copyParagraph'
	| 'copyLink'
	| 'quit';

export const readerKeys: KeyTable<ReaderCommand> = [
	{
		bind: [
			['down', ['j', 'down', 'ctrl+n']],
			['up', ['k', 'up', 'ctrl+p']],
		],
		what: 'next / previous line (sidebar focused: next / previous article)',
		section: 'Move',
	},
	{
		bind: [
			['pageDown', ['space', 'pagedown', 'ctrl+f']],
			['pageUp', ['b', 'pageup', 'ctrl+b']],
		],
		what: 'page down / up',
		section: 'Move',
	},
	{
		bind: [
			['halfDown', ['d', 'ctrl+d']],
			['halfUp', ['u', 'ctrl+u']],
		],
		what: 'half a page down / up',
		section: 'Move',
	},
	{
		bind: [
			['home', ['g', 'home']],
			['end', ['G', 'end']],
		],
		what: 'top / bottom',
		section: 'Move',
	},
	{bind: [['count', ['digit']]], what: 'a count before j k (that many lines), g G (line N), [ ] (N articles), as in less and vim', section: 'Move'},
	{
		bind: [
			['focusNext', ['tab']],
			['focusPrev', ['shift+tab']],
		],
		what: 'switch focus between sidebar and reader',
		section: 'Articles',
	},
	{bind: [['open', ['enter']]], what: 'open the selected article (sidebar)', section: 'Articles'},
	{
		bind: [
			['prevArticle', ['[']],
			['nextArticle', [']']],
		],
		what: 'previous / next article',
		section: 'Articles',
	},
	{bind: [['goto', [':']]], what: 'go to article N: type the number, then Enter', section: 'Articles'},
	{bind: [['toggleSidebar', ['s']]], what: 'show / hide the sidebar (hidden by default below 60 columns)', section: 'Articles'},
	{bind: [['toggleWidth', ['W']]], what: 'text as wide as the pane / at most the reading width (--text-width)', section: 'Articles'},
	{bind: [['cycleSort', ['o']]], what: 'order the sidebar: file order, newest first, oldest first', section: 'Articles'},
	{bind: [['filter', ['f']]], what: 'filter the sidebar by title, fuzzy, as you type', section: 'Articles'},
	{bind: [['search', ['/']]], what: 'search the corpus (keys of the search panel below)', section: 'Search'},
	{
		bind: [
			['nextMatch', ['n']],
			['prevMatch', ['N']],
		],
		what: 'next / previous match, on into the next / previous article; without a search: mention of the focused entity',
		section: 'Search',
	},
	{
		bind: [
			['nextEntity', ['e']],
			['prevEntity', ['E']],
		],
		what: 'focus the next / previous entity mention on screen',
		section: 'Entities',
	},
	{
		bind: [
			['nextMention', ['m']],
			['prevMention', ['M']],
		],
		what: 'next / previous mention of the focused entity, across articles',
		section: 'Entities',
	},
	{bind: [['entities', ['p']]], what: 'entity panel: people, organisations, places of this article (keys below)', section: 'Entities'},
	{bind: [['entityFilter', ['F']]], what: 'sidebar: only articles that mention the focused entity (again: all)', section: 'Entities'},
	{bind: [['bookmark', ['B']]], what: 'bookmark the place you are reading (again at the same place: remove it)', section: 'Bookmarks and links'},
	{bind: [['bookmarks', ["'"]]], what: 'the bookmarks (keys below)', section: 'Bookmarks and links'},
	{
		bind: [['openLink', ['O']]],
		what: "open the first link of the paragraph on top (a count: the Nth), else the article's web address, in the browser",
		section: 'Bookmarks and links',
	},
	{
		bind: [
			['copyParagraph', ['y']],
			['copyLink', ['Y']],
		],
		what: 'copy the paragraph on top / the address O would open (OSC 52)',
		section: 'Bookmarks and links',
	},
	{bind: [['clear', ['esc']]], what: 'close a panel; else end the search, then drop the focused entity, then the filters', section: 'Other'},
	{bind: [['warnings', ['w']]], what: 'files that were skipped or had problems', section: 'Other'},
	{bind: [['help', ['?']]], what: 'this help (j k space b g G scroll it)', section: 'Other'},
	{bind: [['quit', ['q', 'ctrl+c']]], what: 'quit', section: 'Other'},
];

/** Keys of the help and warnings screens: they scroll like the reader. */
export type PagerCommand = 'down' | 'up' | 'pageDown' | 'pageUp' | 'halfDown' | 'halfUp' | 'home' | 'end' | 'close' | 'help' | 'warnings' | 'search' | 'quit';

export const pagerKeys: KeyTable<PagerCommand> = [
	{
		bind: [
			['down', ['j', 'down', 'ctrl+n']],
			['up', ['k', 'up', 'ctrl+p']],
		],
		what: 'scroll a line',
		section: 'Help and warnings',
	},
	{
		bind: [
			['pageDown', ['space', 'pagedown', 'ctrl+f']],
			['pageUp', ['b', 'pageup', 'ctrl+b']],
		],
		what: 'scroll a page',
		section: 'Help and warnings',
	},
	{
		bind: [
			['halfDown', ['d', 'ctrl+d']],
			['halfUp', ['u', 'ctrl+u']],
		],
		what: 'scroll half a page',
		section: 'Help and warnings',
	},
	{
		bind: [
			['home', ['g', 'home']],
			['end', ['G', 'end']],
		],
		what: 'top / bottom',
		section: 'Help and warnings',
	},
	{bind: [['close', ['esc']]], what: 'close (so do ? and w again); / opens the search, q quits', section: 'Help and warnings'},
	{
		bind: [
			['help', ['?']],
			['warnings', ['w']],
			['search', ['/']],
			['quit', ['q', 'ctrl+c']],
		],
		what: '',
		section: '',
	},
];

/** Editing keys every text field has (the search, the entity panel's filter, the title filter). */
export type EditCommand = 'erase' | 'eraseWord' | 'eraseAll' | 'type';

const editRows = (section: string): KeyRow<EditCommand>[] => [
	{bind: [['erase', ['backspace']]], what: 'delete a character', section},
	{
		bind: [
			['eraseAll', ['ctrl+u']],
			['eraseWord', ['ctrl+w']],
		],
		what: 'clear the field / delete a word',
		section,
	},
	{bind: [['type', ['text']]], what: 'anything else is typed into the field', section},
];

export type ListCommand = 'choose' | 'scope' | 'next' | 'prev' | 'pageDown' | 'pageUp' | 'close' | EditCommand;

/** The search panel (/). */
export const searchKeys: KeyTable<ListCommand> = [
	{bind: [['choose', ['enter']]], what: 'open the article at the match (an entity offered first: focus it)', section: 'Search panel (/)'},
	{bind: [['scope', ['tab']]], what: 'this article only / the whole corpus', section: 'Search panel (/)'},
	{
		bind: [
			['next', ['down', 'ctrl+n']],
			['prev', ['up', 'ctrl+p']],
		],
		what: 'next / previous result; ↑ in an empty field recalls earlier queries',
		section: 'Search panel (/)',
	},
	{
		bind: [
			['pageDown', ['pagedown']],
			['pageUp', ['pageup']],
		],
		what: 'a page of results down / up',
		section: 'Search panel (/)',
	},
	{bind: [['close', ['esc']]], what: 'close and go back to where you were', section: 'Search panel (/)'},
	...editRows('Search panel (/)'),
];

/** The entity panel (p). */
export const entityKeys: KeyTable<ListCommand> = [
	{bind: [['choose', ['enter']]], what: 'focus the entity and go to its first mention', section: 'Entity panel (p)'},
	{bind: [['scope', ['tab']]], what: 'this article / the whole corpus', section: 'Entity panel (p)'},
	{
		bind: [
			['next', ['down', 'ctrl+n']],
			['prev', ['up', 'ctrl+p']],
		],
		what: 'next / previous entity',
		section: 'Entity panel (p)',
	},
	{
		bind: [
			['pageDown', ['pagedown']],
			['pageUp', ['pageup']],
		],
		what: 'a page down / up',
		section: 'Entity panel (p)',
	},
	{bind: [['close', ['esc']]], what: 'close', section: 'Entity panel (p)'},
	...editRows('Entity panel (p)'),
];

export type FieldCommand = 'accept' | 'close' | EditCommand;

/** The sidebar's title filter (f). */
export const filterKeys: KeyTable<FieldCommand> = [
	{bind: [['accept', ['enter', 'down', 'tab']]], what: 'keep the filter and choose in the list', section: 'Title filter (f)'},
	{bind: [['close', ['esc']]], what: 'clear the filter', section: 'Title filter (f)'},
	...editRows('Title filter (f)'),
];

export type GotoCommand = 'accept' | 'close' | 'erase' | 'digit';

/** Go to article N (:). */
export const gotoKeys: KeyTable<GotoCommand> = [
	{bind: [['digit', ['digit']]], what: 'the article number (as in the status bar: 3 of 3/12)', section: 'Go to (:)'},
	{bind: [['accept', ['enter']]], what: 'go there', section: 'Go to (:)'},
	{bind: [['erase', ['backspace']]], what: 'delete a digit', section: 'Go to (:)'},
	{bind: [['close', ['esc']]], what: 'cancel', section: 'Go to (:)'},
];

export type BookmarkCommand = 'choose' | 'next' | 'prev' | 'remove' | 'close' | 'bookmarks' | 'quit';

/** The bookmarks panel ('). */
export const bookmarkKeys: KeyTable<BookmarkCommand> = [
	{bind: [['choose', ['enter']]], what: 'open the article at the bookmark', section: "Bookmarks (')"},
	{
		bind: [
			['next', ['j', 'down', 'ctrl+n']],
			['prev', ['k', 'up', 'ctrl+p']],
		],
		what: 'next / previous bookmark',
		section: "Bookmarks (')",
	},
	{bind: [['remove', ['x']]], what: 'remove the bookmark', section: "Bookmarks (')"},
	{bind: [['close', ['esc']]], what: "close (so does ' again); q quits", section: "Bookmarks (')"},
	{
		bind: [
			['bookmarks', ["'"]],
			['quit', ['q', 'ctrl+c']],
		],
		what: '',
		section: '',
	},
];

/** Every table, in the order help lists them; rows without a description are not listed. */
export const allKeyTables: readonly KeyTable<string>[] = [readerKeys, searchKeys, entityKeys, filterKeys, gotoKeys, bookmarkKeys, pagerKeys];
