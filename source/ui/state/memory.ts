import {articleKey} from '../../app/article-key.js';
import {cleanTitle, type Bookmark, type Place} from '../../app/session-state.js';
import {textLengthOf} from '../../corpus/article-store.js';
import type {Article} from '../../corpus/types.js';
import {anchorOf} from '../../layout/lines.js';
import type {BookmarkCommand} from '../keymap.js';
import {currentLines, lineOfPlace, type Env} from './env.js';
import {clamp, show} from './moves.js';
import type {State} from './types.js';

// What the reader remembers between runs, as the reducer sees it: the place an article was left
// at (a text anchor, turned into a line at today's width), the last run's article, the bookmarks
// panel. The reading state itself is only read here; changes to it are requests the app carries out.

/** Where the reader stands now, in terms that survive a re-wrap. */
export const placeNow = (state: State, env: Env): Place => anchorOf(currentLines(state, env), state.top);

/**
 * The last run's article, if it is loaded: found by its id and checked by its content key, or,
 * once the corpus is all there (`done`), by its content key alone (it was moved or renamed).
 */
export function lastArticle(env: Env, done: boolean): {article: number; place: Place} | undefined {
	const last = env.reading?.last;
	if (!last) return undefined;
	let index = env.articles.findIndex((a) => a.id === last.id && articleKey(a) === last.key);
	// A key is a hash of the body: only articles of the remembered length are read (an archive's
	// every body would hold the keys for minutes when the last article is in another corpus).
	if (index === -1 && done) index = env.articles.findIndex((a) => (last.length === undefined || textLengthOf(a) === last.length) && articleKey(a) === last.key);
	const place = env.reading!.placeOf(last.key);
	return index === -1 || !place ? undefined : {article: index, place};
}

/** Shows the last run's article at its place, unless the user has moved since the start. */
export function restore(state: State, index: number, place: Place, env: Env): State {
	if (state.touched || !env.articles[index]) return state;
	const top = lineOfPlace(state, index, place, env);
	if (state.current === index && state.top === top) return state;
	return {...show(state, index, top, env), panel: state.panel, focus: state.focus};
}

/** The articles by title as bookmarks keep it (cleanTitle), per list of articles. */
const byTitle = new WeakMap<readonly Article[], Map<string, number[]>>();

/**
 * Index of the bookmarked article, or -1 (not among those open). Its key is a hash of the body:
 * only articles whose title is the one kept with the bookmark are read, not every body of an
 * archive. Used both to list the bookmarks and to open one, so the two always agree.
 */
export function indexOfBookmark(articles: readonly Article[], bookmark: Pick<Bookmark, 'key' | 'title'>): number {
	let titles = byTitle.get(articles);
	if (titles === undefined) {
		titles = new Map();
		articles.forEach((a, i) => {
			const title = cleanTitle(a.title);
			const list = titles!.get(title);
			if (list === undefined) titles!.set(title, [i]);
			else list.push(i);
		});
		byTitle.set(articles, titles);
	}
	return titles.get(bookmark.title)?.find((i) => articleKey(articles[i]!) === bookmark.key) ?? -1;
}

/** A key of the bookmarks panel. */
export function bookmarkKey(state: State, selected: number, command: BookmarkCommand, env: Env): State {
	const bookmarks = env.reading?.bookmarks ?? [];
	const select = (n: number): State => ({...state, panel: {kind: 'bookmarks', selected: clamp(n, 0, Math.max(0, bookmarks.length - 1))}});
	switch (command) {
		case 'next':
			return select(selected + 1);
		case 'prev':
			return select(selected - 1);
		case 'close':
		case 'bookmarks':
			return {...state, panel: {kind: 'none'}};
		case 'quit':
			return {...state, quit: true};
		case 'remove': {
			const bookmark = bookmarks[selected];
			return bookmark ? {...state, request: {kind: 'unbookmark', bookmark}} : state;
		}
		case 'choose': {
			const bookmark = bookmarks[selected];
			if (!bookmark) return state;
			const index = indexOfBookmark(env.articles, bookmark);
			if (index === -1) return {...state, message: 'missing: that article is not among those open now (x removes the bookmark)'};
			return show(state, index, lineOfPlace(state, index, bookmark, env), env);
		}
	}
}
