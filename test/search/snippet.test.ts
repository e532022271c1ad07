// Snippets show the match: in the middle of the room there is, cut at word boundaries, whatever
// the width (the panel's, or --search's text output).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fitSnippet, makeSnippet} from '../../source/search/snippet.js';
import {search} from '../../source/search/search.js';
import {searchText} from '../../source/plain/search.js';
import {stringWidth} from '../../source/text/width.js';
import {wordSegments} from '../../source/text/words.js';
import {article, indexOf, SLOW_OK} from './helpers.js';

const before = 'เจ้าหน้าที่สาธารณสุขประจำตำบลได้ออกเยี่ยมบ้านผู้ป่วยในหมู่บ้านริมแม่น้ำตลอดทั้งสัปดาห์ที่ผ่านมาเพื่อเฝ้าระวัง';
const after = 'ซึ่งพบผู้ป่วยเพิ่มขึ้นในช่วงฤดูฝนของทุกปีตามรายงานของสำนักงานสาธารณสุขจังหวัด';
const text = `${before}โรคไข้ฉี่หนู${after}`;

test('fitSnippet keeps the match in view, near the middle, within the width', () => {
	const at = text.indexOf('โรคไข้ฉี่หนู');
	const snippet = makeSnippet(text, [at, at + 'โรคไข้ฉี่หนู'.length], [[at, at + 'โรคไข้ฉี่หนู'.length]]);
	for (const width of [20, 30, 40, 60]) {
		const fitted = fitSnippet(snippet, width);
		assert.ok(stringWidth(fitted.text) <= width, `${width}: ${fitted.text}`);
		const [from, to] = fitted.highlights[0]!;
		assert.equal(fitted.text.slice(from, to), 'โรคไข้ฉี่หนู', `${width}`);
		const left = stringWidth(fitted.text.slice(0, from));
		const right = stringWidth(fitted.text.slice(to));
		assert.ok(Math.abs(left - right) <= 14, `${width}: ${left} / ${right}`);
		// Cut at word boundaries: what follows the leading … starts a word of the full text.
		assert.ok(fitted.text.startsWith('…') && fitted.text.endsWith('…'));
		const shown = fitted.text.slice(1, -1);
		const starts = new Set(wordSegments(text).map((w) => w.start));
		assert.ok(starts.has(text.indexOf(shown)), `${width}: ${fitted.text}`);
	}
});

test('--search text output shows the match even when the line is narrow', () => {
	const articles = [article('a', text)];
	const result = search(indexOf(articles), 'ไข้ฉี่หนู', SLOW_OK);
	const out = searchText(result, articles, 36);
	assert.match(out, /ไข้ฉี่หนู/);
	for (const line of out.split('\n')) assert.ok(stringWidth(line) <= 36, line);
});
