import {test} from 'node:test';
import assert from 'node:assert/strict';
import {isVisible, topFor, visibleRange} from '../../source/ui/navigation.js';
import {rangesWithin} from '../../source/layout/lines.js';
import {LazyWrap} from '../../source/layout/lazy.js';
import {makeArticle} from '../layout/helpers.js';
import {bigThaiText} from '../reliability/big-text.js';

test('rangesWithin finds exactly the sorted short ranges that overlap a window', () => {
	let state = 7;
	const random = (n: number) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) % n;
	const ranges: {start: number; end: number}[] = [];
	for (let at = 0; ranges.length < 5_000;) {
		at += random(40);
		ranges.push({start: at, end: at + 1 + random(30)});
	}
	for (let k = 0; k < 300; k++) {
		const from = random(110_000);
		const to = from + random(3_000);
		assert.deepEqual(
			rangesWithin(ranges, from, to),
			ranges.filter((r) => r.start < to && r.end > from),
			`[${from}, ${to})`,
		);
	}
	assert.deepEqual(rangesWithin([], 0, 10), []);
});

test('a jump far into a long article lands with its target on screen, and visibility is asked by offsets', () => {
	const article = makeArticle(Array.from({length: 400}, (_, i) => ['para', bigThaiText(300, 'one', i + 1).trim()] as ['para', string]));
	const lines = new LazyWrap(article, 40, 2_000);
	const target = Math.floor(article.text.length * 0.7);
	const top = lines.settle(topFor(lines, target, 20), 20);
	assert.ok(isVisible(lines, top, 20, target), 'the target is on screen');
	const [from, to] = visibleRange(lines, top, 20);
	assert.ok(from <= target && target < to + 2, `[${from}, ${to}) shows ${target}`);
	assert.ok(!isVisible(lines, top, 20, 0) && !isVisible(lines, top, 20, article.text.length - 1));
	assert.ok(lines.piecesWrapped < 8, `${lines.piecesWrapped} pieces wrapped`);
});
