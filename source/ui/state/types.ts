import type {Key} from 'ink';
import type {SearchResult} from '../../search/index.js';
import type {Bookmark, Place} from '../../app/session-state.js';

// Everything the reader remembers between keys, in one value: the reducer (reduce.ts) is the only
// thing that makes a new one. What can be derived (the sidebar order, the wrapped lines, the pane
// sizes) is not kept here but computed from it and the environment (env.ts).

export type Focus = 'sidebar' | 'reader';
export type SortOrder = 'file' | 'newest' | 'oldest';

/** The search panel (/). */
export interface SearchPanelState {
	kind: 'search';
	query: string;
	scope: 'corpus' | 'article';
	/** The chosen row (the entity offered, if any, is row 0). */
	selected: number;
	/** The answer to `query` in `scope`, once the search has run. */
	result?: SearchResult;
	/** The view to go back to on Esc. */
	saved: {current: number; top: number};
	/** The query is history entry `recalled` (↑ in an empty field): ↑ goes on to older ones. */
	recalled?: number;
}

/** The entity panel (p). */
export interface EntityPanelState {
	kind: 'entities';
	filter: string;
	scope: 'article' | 'corpus';
	selected: number;
}

/** What covers the reader pane or takes the keys; one at a time. */
export type Panel =
	| {kind: 'none'}
	| {kind: 'help'; top: number}
	| {kind: 'warnings'; top: number}
	| SearchPanelState
	| EntityPanelState
	/** Typing the sidebar's title filter (the query is `State.titleFilter`). */
	| {kind: 'filter'}
	/** Typing the number of the article to go to. */
	| {kind: 'goto'; digits: string}
	/** The bookmarks (') */
	| {kind: 'bookmarks'; selected: number};

/** A mouse report the reader acts on (columns and rows count from 1). */
export interface Pointer {
	kind: 'press' | 'release' | 'wheel' | 'drag';
	/** 0 left, 1 middle, 2 right; 'up' / 'down' for the wheel. */
	button: number | 'up' | 'down';
	x: number;
	y: number;
}

/** Something a key asks of the world outside the reducer; the app does it, then says so (requestDone). */
export type Request =
	| {kind: 'copy'; text: string; what: string}
	| {kind: 'openLink'; url: string}
	| {kind: 'bookmark'; article: number; place: Place}
	| {kind: 'unbookmark'; bookmark: Bookmark};

/** A search the user went to with Enter: its matches are highlighted and n / N step through them. */
export interface ActiveSearch {
	query: string;
	/** Other spellings of the query (the names of the entity it names, in every script). */
	also?: readonly string[];
	/** Start of the current match in the open article. */
	at?: number;
}

export interface EntityFocus {
	id: string;
	/** Start of the focused mention, in the open article. */
	at?: number;
}

export interface State {
	focus: Focus;
	panel: Panel;
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
	/** The text fills the pane instead of stopping at the reading width. */
	fullWidth: boolean;
	sort: SortOrder;
	/** The sidebar's title filter (kept after Enter); undefined: none. */
	titleFilter?: string;
	/** Only articles that mention this entity (id) are in the sidebar. */
	entityFilter?: string;
	active?: ActiveSearch;
	focused?: EntityFocus;
	/** Digits typed before a command (a count, as in less and vim). */
	count: string;
	/** One line for the status bar: what the last key did or why it did nothing. */
	message: string;
	/** The user asked to quit. */
	quit: boolean;
	/** A query to add to the search history (the app does it, then forgets it). */
	remember?: string;
	/** The user has moved (a key or the mouse changed something): the last run's place is no longer taken. */
	touched: boolean;
	request?: Request;
}

export type Action =
	/** One key, as Ink parsed it: what it means depends on the panel and focus it meets. */
	| {type: 'key'; input: string; key: Key}
	/** The search for `query` in `scope` finished (it runs after the key, so typing stays quick). */
	| {type: 'searchResult'; query: string; scope: 'corpus' | 'article'; result: SearchResult | undefined}
	/** The render re-wrapped the lines (a resize, names found) and shows `top` for `state`. */
	| {type: 'settled'; state: State; top: number}
	/** Something the app did outside the reducer went wrong or right (saving the history). */
	| {type: 'message'; text: string}
	| {type: 'remembered'}
	/** The wheel over a pane, a click on a sidebar row. */
	| {type: 'mouse'; pointer: Pointer}
	/** Where the last run left off: taken only while the user has not moved. */
	| {type: 'restore'; article: number; place: Place}
	/** The app did what `request` asked; `message` says how it went. */
	| {type: 'requestDone'; message?: string}
	/** An index the status bar told the user to wait for is there now. */
	| {type: 'ready'; index: keyof typeof WAITING};

/** What the status bar says when a key needs an index that is still being built. */
export const WAITING = {
	entities: 'entities are still being found…',
	search: 'the search index is being built…',
} as const;

/** What replaces it once that index is ready (nothing for search: its panel fills in by itself). */
export const READY: Record<keyof typeof WAITING, string> = {entities: 'entities are ready', search: ''};

export const initialState: State = {
	focus: 'reader',
	panel: {kind: 'none'},
	cursor: 0,
	sideTop: 0,
	current: 0,
	top: 0,
	sidebarShown: null,
	fullWidth: false,
	sort: 'file',
	count: '',
	message: '',
	quit: false,
	touched: false,
};
