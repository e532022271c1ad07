// The top line across a re-wrap: the text on top stays on top, and lines a key moved since the last
// frame are not undone by a re-wrap that lands in the same frame (names found while keys arrive).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {render} from 'ink-testing-library';
import {LazyWrap} from '../../source/layout/lazy.js';
import {useSteadyTop} from '../../source/ui/hooks/useSteadyTop.js';
import type {Article} from '../../source/corpus/types.js';
import {makeArticle} from '../layout/helpers.js';

const article = makeArticle(Array.from({length: 40}, (_, i) => ['para', `ย่อหน้าที่ ${i + 1} ชาวบ้านริมคลองช่วยกันเก็บขยะหลังน้ำลดทั้งหมู่บ้าน`] as ['para', string]));

function Probe({lines, top, out}: {lines: LazyWrap; top: number; out: {top: number}}): null {
	out.top = useSteadyTop(article as Article, lines, top, 5);
	return null;
}

test('a re-wrap keeps the text on top, and keeps a move made since the last frame', () => {
	const out = {top: -1};
	const before = new LazyWrap(article, 30);
	const {rerender, unmount} = render(<Probe lines={before} top={0} out={out} />);
	assert.equal(out.top, 0);
	// Same wrap, ten lines down: shown as asked.
	rerender(<Probe lines={before} top={10} out={out} />);
	assert.equal(out.top, 10);
	const onTop = before.at(10)!.start;
	// A re-wrap alone (a new width): the same text stays on top.
	const wider = new LazyWrap(article, 50);
	rerender(<Probe lines={wider} top={10} out={out} />);
	assert.equal(wider.at(out.top)!.start <= onTop && onTop < wider.at(out.top)!.end, true, 'the text on top stays on top');
	const settled = out.top;
	// Keys moved five lines (counted in the wrap on screen) and a re-wrap came in the same frame:
	// the view lands on the text those five lines reached, not back where it was.
	const target = wider.at(settled + 5)!.start;
	const again = new LazyWrap(article, 50);
	rerender(<Probe lines={again} top={settled + 5} out={out} />);
	assert.equal(again.at(out.top)!.start, target, 'the move is kept');
	unmount();
});
