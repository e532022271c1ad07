import {test} from 'node:test';
import assert from 'node:assert/strict';
import {contextOf, currentLines, initialState, maxTop, reduce, type State} from '../../source/ui/state/index.js';
import {makeArticle} from './helpers.js';
import {envOf, keyOf, press} from './reducer-helpers.js';

// Every key of the reader as an action on the state, without a terminal. The article of 49
// paragraphs wraps to 99 lines (title, blank, then paragraphs with a blank line between); the
// terminal of 22 rows gives a reader pane of 20.
const numbered = (n: number) => Array.from({length: n}, (_, i) => `paragraph ${i + 1}`);
const articles = [
	makeArticle('a.txt', 'First', numbered(49), '2023-05-01'),
	makeArticle('b.txt', 'Second', ['only one'], '2024-01-02'),
	makeArticle('c.txt', 'Third', ['only one'], '2022-03-04'),
	makeArticle('d.txt', 'Fourth', ['only one']),
	makeArticle('e.txt', 'Fifth', ['only one'], '2021-01-01'),
];
const env = envOf(articles);
const small = envOf(articles, {size: {columns: 100, rows: 6}});
// The render wraps what it shows before any key (lines are wrapped lazily, where the reader looks).
currentLines(initialState, env).settle(0, 20);

test('the article wraps to the lines the tests count on', () => {
	assert.equal(currentLines(initialState, env).length, 99);
	assert.equal(maxTop(contextOf(initialState, env)), 79);
});

test('reader scrolls by line, page and half page, clamped to the article', () => {
	assert.equal(press(env, ['j', 'j']).top, 2);
	assert.equal(press(env, ['down', 'ctrl+n']).top, 2);
	assert.equal(press(env, ['k']).top, 0);
	assert.equal(press(env, ['space']).top, 19);
	assert.equal(press(env, ['pagedown']).top, 19);
	assert.equal(press(env, ['ctrl+f', 'ctrl+b']).top, 0);
	assert.equal(press(env, ['space', 'b']).top, 0);
	assert.equal(press(env, ['d']).top, 10);
	assert.equal(press(env, ['ctrl+d', 'ctrl+d', 'ctrl+u']).top, 10);
	assert.equal(press(env, ['d', 'u']).top, 0);
	assert.equal(press(env, ['G']).top, 79);
	assert.equal(press(env, ['end', 'j']).top, 79);
	assert.equal(press(env, ['G', 'g']).top, 0);
	assert.equal(press(env, ['G', 'home']).top, 0);
});

test('a count before j k g G works as in less and vim', () => {
	assert.equal(press(env, ['1', '2', 'j']).top, 12);
	assert.equal(press(env, ['1', '2', 'j', '5', 'k']).top, 7);
	assert.equal(press(env, ['3', '0', 'g']).top, 29, '30g: line 30 on top');
	assert.equal(press(env, ['3', '0', 'G']).top, 29, '30G too');
	assert.equal(press(env, ['9', '9', '9', 'g']).top, 79, 'clamped');
	assert.equal(press(env, ['0', 'j']).top, 1, 'a lone 0 is no count');
	const counting = press(env, ['4']);
	assert.equal(counting.count, '4', 'the count waits for its command');
	assert.equal(press(env, ['j'], counting).count, '', 'and is used up by it');
	assert.equal(press(env, ['2', ']']).current, 2, 'N] goes N articles on');
});

test('Tab and Shift+Tab switch focus; keys then move the sidebar cursor, with its window', () => {
	const s = press(small, ['tab']);
	assert.equal(s.focus, 'sidebar');
	assert.equal(press(small, ['shift+tab'], s).focus, 'reader');
	const moved = press(small, ['j', 'j', 'j'], s);
	assert.equal(moved.cursor, 3);
	assert.equal(moved.sideTop, 1, 'window follows the cursor');
	assert.equal(moved.top, 0, 'reader did not scroll');
	assert.equal(press(small, ['G'], s).cursor, 4);
	assert.equal(press(small, ['G', 'g'], s).sideTop, 0);
	assert.equal(press(small, ['3', 'g'], s).cursor, 2, '3g: the third article');
});

test('Enter opens the selected article and focuses the reader at its top', () => {
	const s = press(env, ['j', 'j', 'tab', 'j', 'j', 'enter']);
	assert.equal(s.current, 2);
	assert.equal(s.top, 0);
	assert.equal(s.focus, 'reader');
});

test('[ and ] move between articles in sidebar order; at either end they say so', () => {
	const byDate = press(env, ['o']);
	assert.equal(byDate.sort, 'newest');
	const next = press(env, [']'], byDate);
	// Newest first: Second (2024), First (2023), Third (2022), Fifth (2021), Fourth (undated).
	assert.equal(press(env, ['['], {...byDate, current: 0}).current, 1);
	assert.equal(next.current, 2);
	const last = press(env, [']'], {...initialState, current: 4});
	assert.equal(last.current, 4);
	assert.match(last.message, /last article/);
	const first = press(env, ['[']);
	assert.equal(first.current, 0);
	assert.match(first.message, /first article/);
	assert.equal(press(env, ['j'], last).message, '', 'the next key clears the message');
});

test(': then a number goes to article N of the sidebar; a number out of range says so', () => {
	const typing = press(env, [':', '3']);
	assert.deepEqual(typing.panel, {kind: 'goto', digits: '3'});
	const there = press(env, ['enter'], typing);
	assert.equal(there.current, 2);
	assert.equal(there.panel.kind, 'none');
	assert.equal(press(env, [':', '9', 'backspace', '4', 'enter']).current, 3);
	const none = press(env, [':', '9', 'enter']);
	assert.equal(none.current, 0);
	assert.match(none.message, /no article 9: there are 5/);
	assert.equal(press(env, [':', '2', 'esc']).current, 0, 'Esc cancels');
	assert.equal(press(env, [':', 'j']).panel.kind, 'goto', 'other keys do nothing while the number is typed');
});

test('sidebar toggle hides it and moves focus to the reader; W widens the text', () => {
	const s = press(env, ['tab', 's']);
	assert.equal(s.sidebarShown, false);
	assert.equal(s.focus, 'reader');
	assert.equal(press(env, ['tab'], s).focus, 'reader', 'no focus on a hidden sidebar');
	assert.equal(press(env, ['s'], s).sidebarShown, true);
	const narrow = envOf(articles, {size: {columns: 50, rows: 22}});
	assert.equal(press(narrow, ['s']).sidebarShown, true, 'narrow: s shows it');
	assert.equal(press(narrow, ['tab']).focus, 'reader', 'narrow: no focus on the sidebar hidden by default');
	assert.equal(press(env, ['W']).fullWidth, true);
	assert.equal(press(env, ['W', 'W']).fullWidth, false);
});

test('panels: ? and w open and close, scroll, and / opens the search from them', () => {
	assert.deepEqual(press(env, ['?']).panel, {kind: 'help', top: 0});
	assert.equal(press(env, ['?', '?']).panel.kind, 'none');
	assert.equal(press(env, ['?', 'esc']).panel.kind, 'none');
	assert.deepEqual(press(env, ['?', 'j', 'j']).panel, {kind: 'help', top: 2});
	assert.equal(press(env, ['?', 'j', 'j']).top, 0, 'the reader stays where it was');
	const end = press(env, ['?', 'G']);
	assert.ok(end.panel.kind === 'help' && end.panel.top > 0);
	assert.deepEqual(press(env, ['?', 'G', 'g']).panel, {kind: 'help', top: 0});
	assert.equal(press(env, ['?', '/']).panel.kind, 'search');
	assert.equal(press(env, ['?', 'w']).panel.kind, 'warnings');
	assert.equal(press(env, ['w', 'w']).panel.kind, 'none');
	assert.equal(press(env, ['?', 'q']).quit, true);
	assert.equal(press(env, ['q']).quit, true);
});

test('f filters the sidebar as you type; Enter keeps it and goes to the list; Esc clears', () => {
	const typing = press(env, ['f', 'Thi']);
	assert.equal(typing.panel.kind, 'filter');
	assert.equal(typing.titleFilter, 'Thi');
	assert.deepEqual(contextOf(typing, env).order, [2]);
	const kept = press(env, ['enter'], typing);
	assert.equal(kept.panel.kind, 'none');
	assert.equal(kept.focus, 'sidebar');
	assert.equal(press(env, ['enter'], kept).current, 2);
	assert.equal(press(env, ['backspace', 'backspace', 'backspace'], typing).titleFilter, '');
	assert.equal(press(env, ['ctrl+u'], typing).titleFilter, '');
	const cleared = press(env, ['esc'], typing);
	assert.equal(cleared.titleFilter, undefined);
	assert.equal(contextOf(cleared, env).order.length, 5);
	assert.equal(press(env, ['esc'], kept).titleFilter, undefined, 'Esc in the reader clears a kept filter');
});

test('search opens with a message while there is no index; Esc goes back to the view', () => {
	const open = press(env, ['j', 'j', '/']);
	assert.equal(open.panel.kind, 'search');
	assert.match(open.message, /being built/);
	const typed = press(env, ['abc', 'backspace'], open);
	assert.ok(typed.panel.kind === 'search' && typed.panel.query === 'ab');
	const back = press(env, ['j', 'esc'], typed);
	assert.equal(back.panel.kind, 'none');
	assert.equal(back.top, 2);
	assert.equal(press(env, ['tab'], open).panel.kind === 'search' && (press(env, ['tab'], open).panel as {scope: string}).scope, 'article');
});

test('entity keys without an index say why', () => {
	assert.match(press(env, ['p']).message, /still being found/);
	assert.match(press(env, ['e']).message, /still being found/);
	assert.match(press(env, ['m']).message, /no focused entity/);
	assert.match(press(env, ['F']).message, /no focused entity/);
});

test('the wait message goes once the index it waited for is ready, and only that message', () => {
	const waited = press(env, ['e']);
	assert.equal(reduce(waited, {type: 'ready', index: 'entities'}, env).message, 'entities are ready');
	assert.equal(reduce(waited, {type: 'ready', index: 'search'}, env).message, waited.message);
	const searching = press(env, ['/']);
	assert.match(searching.message, /being built/);
	assert.equal(reduce(searching, {type: 'ready', index: 'search'}, env).message, '');
	const other = press(env, ['m']);
	assert.equal(reduce(other, {type: 'ready', index: 'entities'}, env), other);
});

test('a render that settles the top line is applied only to the state it saw', () => {
	const s = press(env, ['j']);
	assert.equal(reduce(s, {type: 'settled', state: s, top: 5}, env).top, 5);
	const later = press(env, ['j'], s);
	assert.equal(reduce(later, {type: 'settled', state: s, top: 5}, env), later);
});

test('a search result is kept only for the query and scope it answers', () => {
	const open: State = press(env, ['/', 'ab']);
	const result = {hits: [], effectiveQuery: 'ab'} as never;
	const stale = reduce(open, {type: 'searchResult', query: 'a', scope: 'corpus', result}, env);
	assert.equal(stale, open);
	const fresh = reduce(open, {type: 'searchResult', query: 'ab', scope: 'corpus', result}, env);
	assert.ok(fresh.panel.kind === 'search' && fresh.panel.result === result);
	assert.equal(keyOf('ctrl+d').key.ctrl, true);
});
