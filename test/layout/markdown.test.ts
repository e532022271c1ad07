// Markdown's shape through layout: inline styles carried onto lines (and cut by wrapping), list
// numbers and depth as leads, tables drawn to the width, front-matter metadata under the title.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseMarkdown} from '../../source/corpus/parse-markdown.js';
import {STYLE} from '../../source/corpus/types.js';
import {LazyWrap} from '../../source/layout/lazy.js';
import {lineAt, lineRuns, wrapArticle} from '../../source/layout/wrap.js';
import type {Line} from '../../source/layout/types.js';
import {independentWidth} from './helpers.js';

/** The text of each style run of the lines, with its bits. */
const styledText = (lines: readonly Line[]) => lines.flatMap((line) => (line.styles ?? []).map((run) => [line.text.slice(run.from, run.to), run.style, run.href]));

test('bold, italic, code and links reach the lines as style runs; wrapping cuts them with the text', () => {
	const a = parseMarkdown('ข่าวเช้า **ตลาดเปิดแล้ว** และ `ราคา` กับ [รายงานฉบับเต็ม](https://r.example/a) จบ\n', 'a.md');
	const wide = wrapArticle(a, 200);
	assert.deepEqual(styledText(wide), [
		['ตลาดเปิดแล้ว', STYLE.bold, undefined],
		['ราคา', STYLE.code, undefined],
		['รายงานฉบับเต็ม', STYLE.link, 'https://r.example/a'],
		[' https://r.example/a', STYLE.url, undefined],
	]);
	// Narrow: a bold phrase broken over lines is bold on each of them, and nothing else is.
	const narrow = wrapArticle(parseMarkdown('**ตลาดหลักทรัพย์เปิดทำการตามปกติ** วันนี้\n', 'b.md'), 12);
	const bold = narrow.flatMap((line) => (line.styles ?? []).map((run) => line.text.slice(run.from, run.to)));
	assert.ok(narrow.length > 2);
	assert.equal(bold.join(''), 'ตลาดหลักทรัพย์เปิดทำการตามปกติ');
	for (const line of narrow) for (const run of line.styles ?? []) assert.equal(run.style, STYLE.bold);
	// lineRuns splits at style edges and keeps a highlight's tag over the style.
	const line = wide.find((l) => l.styles)!;
	const at = a.text.indexOf('เปิด');
	const runs = lineRuns(line, [{start: at, end: at + 4, tag: 'match'}]);
	assert.deepEqual(
		runs.filter((r) => r.style || r.tag).map((r) => [r.text, r.style ?? 0, r.tag ?? '']),
		[
			['ตลาด', STYLE.bold, ''],
			['เปิด', STYLE.bold, 'match'],
			['แล้ว', STYLE.bold, ''],
			['ราคา', STYLE.code, ''],
			['รายงานฉบับเต็ม', STYLE.link, ''],
			[' https://r.example/a', STYLE.url, ''],
		],
	);
	assert.equal(runs.map((r) => r.text).join(''), line.text);
});

test('lines of a lazily wrapped article keep their styles', () => {
	const body = Array.from({length: 40}, (_, i) => `ย่อหน้าที่ ${i} มี **คำสำคัญ** อยู่`).join('\n\n');
	const a = parseMarkdown(body, 'c.md');
	const lazy = new LazyWrap(a, 30, 64).all();
	assert.equal(styledText(lazy).length, 40);
	assert.deepEqual(styledText(lazy), styledText(wrapArticle(a, 30)));
});

test('ordered items show their numbers, nested items their depth, with a hanging indent', () => {
	const a = parseMarkdown('7. เจ็ด ข้อความยาวพอที่จะขึ้นบรรทัดใหม่\n8. แปด\n   - ย่อย\n', 'd.md');
	const lines = wrapArticle(a, 20).filter((l) => l.kind === 'item');
	assert.ok(lines[0]!.text.startsWith('7. เจ็ด'));
	assert.equal(lines[0]!.lead, 3);
	assert.ok(lines[1]!.text.startsWith('   ') && lines[1]!.lead === 3, 'continuation under the text, not the number');
	const eight = lines.find((l) => l.text.startsWith('8. '));
	assert.ok(eight);
	assert.ok(lines.at(-1)!.text.startsWith('  ◦ ย่อย'), 'one level in, another bullet');
});

const TABLE = '| ชื่อ | จำนวน | หมายเหตุ |\n|:--|--:|:--:|\n| ส้มเขียวหวาน | 12 | หวานมากและยาวพอที่จะต้องตัดบรรทัดเมื่อจอแคบ |\n| มะม่วง | 3 | |\n';

test('a table is drawn with borders, aligned columns and wrapped cells, never wider than the pane', () => {
	const a = parseMarkdown('ตาราง\n\n' + TABLE, 't.md');
	const wide = wrapArticle(a, 100).filter((l) => l.kind === 'table');
	const widths = new Set(wide.map((l) => independentWidth(l.text)));
	assert.equal(widths.size, 1, 'every row as wide as the borders');
	assert.ok(wide[0]!.text.startsWith('┌') && wide.at(-1)!.text.startsWith('└'));
	assert.ok(
		wide.some((l) => /^│ ส้มเขียวหวาน │ +12 │/.test(l.text)),
		'numbers right-aligned',
	);
	// The header is bold; a cell's text is found at its article offset (search and entities).
	assert.deepEqual(
		wide[1]!.styles?.map((r) => r.style),
		[STYLE.bold, STYLE.bold, STYLE.bold],
	);
	const all = wrapArticle(a, 100);
	assert.ok(all[lineAt(all, a.text.indexOf('มะม่วง'))]!.text.includes('มะม่วง'));
	// At every width: no line too wide, and a grid shows every character of the cells once.
	const cells = [...TABLE.replace(/^.*\n.*\n/, '').replace(/[|\s]/g, '')].sort().join('') + [...'ชื่อจำนวนหมายเหตุ'].sort().join('');
	for (let width = 8; width <= 90; width++) {
		const lines = wrapArticle(a, width).filter((l) => l.kind === 'table');
		for (const line of lines) assert.ok(independentWidth(line.text) <= width, `${JSON.stringify(line.text)} at ${width}`);
		if (!lines[0]!.text.startsWith('┌')) continue;
		const shown = lines.map((l) => l.text.replace(/[│┌┐└┘├┤┬┴┼─\s]/g, '')).join('');
		assert.equal([...shown].sort().join(''), [...cells].sort().join(''), `at ${width}`);
	}
	// Narrow: wrapped inside its columns.
	const narrow = wrapArticle(a, 34).filter((l) => l.kind === 'table');
	assert.ok(narrow.length > wide.length);
	assert.equal(new Set(narrow.map((l) => independentWidth(l.text))).size, 1);
});

test('a table too wide for even narrow columns becomes header: cell lines', () => {
	const a = parseMarkdown(TABLE, 'n.md');
	const lines = wrapArticle(a, 14).filter((l) => l.kind === 'table');
	const text = lines.map((l) => l.text);
	assert.ok(
		text.some((t) => t.startsWith('ชื่อ: ส้ม')),
		text.join('\n'),
	);
	assert.ok(text.includes('จำนวน: 3'), text.join('\n'));
	assert.ok(!text.some((t) => /[│┌└]/.test(t)));
	assert.equal(lines.find((l) => l.text.startsWith('จำนวน: 3'))!.styles?.[0]?.style, STYLE.bold, 'the header name is bold');
});

test('a highlight in one cell stays in that cell', () => {
	const a = parseMarkdown('| ก | ข |\n|---|---|\n| หนึ่งสองสามสี่ห้าหกเจ็ด | แปด |\n', 'h.md');
	const lines = wrapArticle(a, 20).filter((l) => l.text.includes('แปด'));
	assert.equal(lines.length, 1);
	// The first cell wraps: its second line is not on the row's first line, nor is its highlight.
	const row = lines[0]!;
	const last = a.text.indexOf('เจ็ด');
	const runs = lineRuns(row, [{start: last, end: last + 4, tag: 'match'}]);
	assert.ok(!runs.some((r) => r.tag === 'match' && !r.text.includes('เจ็ด')), JSON.stringify(runs));
	const eight = a.text.indexOf('แปด');
	assert.deepEqual(
		lineRuns(row, [{start: eight, end: eight + 3, tag: 'match'}])
			.filter((r) => r.tag)
			.map((r) => r.text),
		['แปด'],
	);
});
