import {test} from 'node:test';
import assert from 'node:assert/strict';
import {initialState, reduce, maxTop, type Context, type State} from '../../source/ui/state.js';

const ctx: Context = {order: [0, 1, 2, 3, 4], lineCount: 100, pageHeight: 20, sideHeight: 3, sidebarByDefault: true};
const run = (actions: Parameters<typeof reduce>[1][], start: State = initialState, c: Context = ctx) =>
	actions.reduce((s, a) => reduce(s, a, c), start);

test('reader scrolls by line, page and half page, clamped to the article', () => {
	assert.equal(run([{type: 'down'}, {type: 'down'}]).top, 2);
	assert.equal(run([{type: 'up'}]).top, 0);
	assert.equal(run([{type: 'pageDown'}]).top, 19);
	assert.equal(run([{type: 'pageDown'}, {type: 'pageUp'}]).top, 0);
	assert.equal(run([{type: 'halfDown'}]).top, 10);
	assert.equal(run([{type: 'halfDown'}, {type: 'halfUp'}]).top, 0);
	assert.equal(run([{type: 'end'}]).top, 80);
	assert.equal(maxTop(ctx), 80);
	assert.equal(run([{type: 'end'}, {type: 'down'}]).top, 80);
	assert.equal(run([{type: 'end'}, {type: 'home'}]).top, 0);
});

test('a short article does not scroll', () => {
	const short = {...ctx, lineCount: 5};
	assert.equal(run([{type: 'pageDown'}, {type: 'end'}, {type: 'down'}], initialState, short).top, 0);
});

test('Tab and Shift+Tab switch focus; keys then move the sidebar cursor, with its window', () => {
	const s = run([{type: 'focusNext'}]);
	assert.equal(s.focus, 'sidebar');
	assert.equal(run([{type: 'focusPrev'}], s).focus, 'reader');
	const moved = run([{type: 'down'}, {type: 'down'}, {type: 'down'}], s);
	assert.equal(moved.cursor, 3);
	assert.equal(moved.sideTop, 1, 'window follows the cursor');
	assert.equal(moved.top, 0, 'reader did not scroll');
	assert.equal(run([{type: 'end'}], s).cursor, 4);
	assert.equal(run([{type: 'end'}, {type: 'home'}], s).sideTop, 0);
});

test('Enter opens the selected article and focuses the reader at its top', () => {
	const s = run([{type: 'down'}, {type: 'down'}, {type: 'focusNext'}, {type: 'down'}, {type: 'down'}, {type: 'open'}]);
	assert.equal(s.current, 2);
	assert.equal(s.top, 0);
	assert.equal(s.focus, 'reader');
});

test('[ and ] move between articles in sidebar order', () => {
	const order = {...ctx, order: [3, 1, 4, 0, 2]};
	const start = {...initialState, current: 3};
	const next = reduce(start, {type: 'nextArticle'}, order);
	assert.equal(next.current, 1);
	assert.equal(next.cursor, 1);
	assert.equal(reduce(next, {type: 'prevArticle'}, order).current, 3);
	assert.equal(reduce(start, {type: 'prevArticle'}, order), start, 'nothing before the first');
	const last = {...initialState, current: 2};
	assert.equal(reduce(last, {type: 'nextArticle'}, order), last, 'nothing after the last');
});

test('sidebar toggle hides it and moves focus to the reader', () => {
	const s = run([{type: 'focusNext'}, {type: 'toggleSidebar'}]);
	assert.equal(s.sidebarShown, false);
	assert.equal(s.focus, 'reader');
	assert.equal(reduce(s, {type: 'focusNext'}, ctx).focus, 'reader', 'no focus on a hidden sidebar');
	assert.equal(reduce(s, {type: 'toggleSidebar'}, ctx).sidebarShown, true);
	assert.equal(reduce(initialState, {type: 'toggleSidebar'}, {...ctx, sidebarByDefault: false}).sidebarShown, true, 'narrow: s shows it');
});

test('overlays toggle, sort cycles, goto lands on an article line', () => {
	assert.equal(run([{type: 'overlay', overlay: 'help'}]).overlay, 'help');
	assert.equal(run([{type: 'overlay', overlay: 'help'}, {type: 'overlay', overlay: 'help'}]).overlay, 'none');
	assert.deepEqual(
		[1, 2, 3].map((n) => run(Array.from({length: n}, () => ({type: 'cycleSort'}) as const)).sort),
		['newest', 'oldest', 'file'],
	);
	const g = run([{type: 'goto', article: 4, top: 33}]);
	assert.equal(g.current, 4);
	assert.equal(g.top, 33);
	assert.equal(g.cursor, 4);
});
