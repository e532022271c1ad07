import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {lineAt, lineRuns} from '../../source/layout/lines.js';
import {wrapArticle, wrapText} from '../../source/layout/wrap.js';
import {makeArticle} from './helpers.js';

describe('lineAt', () => {
	const text = 'หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า สิบ';
	const lines = wrapText(text, 0, text.length, 10);

	it('finds the line showing an offset, and the line before for whitespace dropped at a break', () => {
		assert.ok(lines.length > 2);
		for (let i = 0; i < lines.length; i++) {
			const line = lines[i]!;
			for (let offset = line.start; offset < line.end; offset++) assert.equal(lineAt(lines, offset), i);
			if (i + 1 < lines.length) for (let gap = line.end; gap < lines[i + 1]!.start; gap++) assert.equal(lineAt(lines, gap), i);
		}
		assert.equal(lineAt(lines, text.length + 5), lines.length - 1);
		assert.equal(lineAt([], 3), -1);
	});

	it('keeps the same text at the top across a re-wrap (resize)', () => {
		const article = makeArticle([
			['title', 'หัวข้อ'],
			['para', text],
			['para', text],
		]);
		fc.assert(
			fc.property(fc.integer({min: 4, max: 60}), fc.integer({min: 4, max: 60}), fc.nat(), (w1, w2, pick) => {
				const before = wrapArticle(article, w1);
				const top = before[pick % before.length]!;
				const after = wrapArticle(article, w2);
				const index = lineAt(after, top.start);
				const line = after[index]!;
				// The first character of the old top line is shown by the line found.
				if (top.start < top.end) assert.ok(line.start <= top.start && top.start < line.end, `${top.text} -> ${line.text}`);
				else assert.equal(line.start, top.start);
			}),
			{numRuns: 300},
		);
	});

	it('prefers the text line over a synthetic line at the same offset', () => {
		const article = makeArticle([['para', 'เนื้อหา']]);
		article.blocks.unshift({kind: 'title', spans: [{synthetic: 'หัวข้อ'}]});
		const lines = wrapArticle(article, 40);
		assert.equal(lines[lineAt(lines, 0)]!.text, 'เนื้อหา');
	});
});

describe('lineRuns', () => {
	it('tags whole clusters that overlap a range, never half of one', () => {
		const text = 'น้ำท่วมหนัก';
		const [line] = wrapText(text, 0, text.length, 80);
		// A range that covers only the tone mark of น้ำ still tags the whole cluster (as written).
		assert.deepEqual(lineRuns(line!, [{start: 1, end: 2, tag: 'hit'}]), [{text: 'น้ำ', tag: 'hit'}, {text: 'ท่วมหนัก'}]);
		assert.deepEqual(
			lineRuns(line!, [
				{start: 3, end: 7, tag: 'a'},
				{start: 5, end: 9, tag: 'b'},
			]),
			[{text: 'น้ำ'}, {text: 'ท่วม', tag: 'a'}, {text: 'หนั', tag: 'b'}, {text: 'ก'}],
		);
	});

	it('leaves the lead untagged and maps offsets on a wrapped quote line', () => {
		const article = makeArticle([['quote', 'aaa bbb ccc']]);
		const lines = wrapArticle(article, 7);
		const second = lines.find((l) => l.text.includes('bbb'))!;
		assert.deepEqual(lineRuns(second, [{start: 0, end: 100, tag: 'all'}]), [{text: '│ '}, {text: 'bbb', tag: 'all'}]);
	});

	it('counts a dropped escape sequence with the cluster after it', () => {
		const text = 'ab\u001B[31mcd';
		const [line] = wrapText(text, 0, text.length, 80);
		assert.equal(line!.text, 'abcd');
		assert.deepEqual(lineRuns(line!, [{start: 3, end: 4, tag: 'x'}]), [{text: 'ab'}, {text: 'c', tag: 'x'}, {text: 'd'}]);
		assert.deepEqual(lineRuns(line!, [{start: 0, end: 2, tag: 'x'}]), [{text: 'ab', tag: 'x'}, {text: 'cd'}]);
	});

	it('reassembles the line text exactly, whatever the ranges', () => {
		const text = 'ข่าว\tด่วน 中文 น้ำ 😀 end';
		fc.assert(
			fc.property(fc.integer({min: 2, max: 30}), fc.array(fc.tuple(fc.nat(30), fc.nat(30)), {maxLength: 4}), (w, pairs) => {
				const ranges = pairs.map(([a, b], i) => ({start: Math.min(a, b), end: Math.max(a, b), tag: `t${i}`}));
				for (const line of wrapText(text, 0, text.length, w)) {
					const runs = lineRuns(line, ranges);
					assert.equal(runs.map((r) => r.text).join(''), line.text);
					for (let i = 1; i < runs.length; i++) assert.notEqual(runs[i]!.tag, runs[i - 1]!.tag);
				}
			}),
			{numRuns: 500},
		);
	});
});
