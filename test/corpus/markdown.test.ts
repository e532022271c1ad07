import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {parseMarkdown, readFrontMatter} from '../../source/corpus/parse-markdown.js';
import {inlineSpans} from '../../source/corpus/markdown-inline.js';
import {FIXTURES, outline} from './helpers.js';
import {visibleText as visible} from '../../source/corpus/parse-text.js';
import {STYLE} from '../../source/corpus/types.js';

function inline(s: string): string {
	return inlineSpans(s, 0, s.length)
		.map((span) => ('start' in span ? s.slice(span.start, span.end) : span.synthetic))
		.join('');
}

test('front matter is honoured and not shown; markup is left out of the spans', () => {
	const text = fs.readFileSync(path.join(FIXTURES, 'front-matter.md'), 'utf8');
	const a = parseMarkdown(text, 'front-matter.md');
	assert.equal(a.format, 'md');
	assert.equal(a.title, 'บทความทดสอบ: Markdown');
	assert.equal(a.date?.iso, '2023-12-19');
	assert.equal(a.source, 'https://example.org/article');
	assert.deepEqual(a.fields, {author: 'ผู้เขียน'});
	assert.deepEqual(outline(a), [
		'title: บทความทดสอบ: Markdown',
		'meta: 19 ธันวาคม 2566 · https://example.org/article',
		'heading: หัวข้อใหญ่ ตัวหนา',
		'para: ย่อหน้าแรกมี ตัวหนา และ ตัวเอียง และ code และ ลิงก์ https://example.org/x_(y) และ ภาพ บรรทัดต่อ แท็ก HTML กับ *ดาวจริง* และ snake_case_name',
		'heading: หัวข้อรอง',
		'item: รายการหนึ่ง',
		'item: รายการ สอง ต่อบรรทัด',
		'item: ลำดับหนึ่ง',
		'quote: คำพูดบรรทัดแรก คำพูดบรรทัดสอง',
		'code: const answer = 42;',
		'code: ',
		'code: console.log(answer);',
		'rule: ',
		'para: ท้ายเรื่อง',
	]);
	assert.equal(a.text, text, 'the text is the file, unchanged');
	for (const b of a.blocks) {
		for (const s of b.spans) {
			if ('start' in s) assert.ok(!/[\r\n]/.test(a.text.slice(s.start, s.end)), 'no line break inside a span');
		}
	}
});

test('without front matter, a first heading is the title', () => {
	const a = parseMarkdown('# ชื่อเรื่อง\n\nเนื้อหา 4 ก.ค. 2567\n', 'a.md');
	assert.equal(a.title, 'ชื่อเรื่อง');
	assert.deepEqual(outline(a), ['title: ชื่อเรื่อง', 'para: เนื้อหา 4 ก.ค. 2567']);
	assert.equal(a.date?.iso, '2024-07-04');
});

test('without a heading, the plain-text title rule applies', () => {
	assert.equal(parseMarkdown('สั้น ๆ\n\nเนื้อหา', 'a.md').blocks[0]!.kind, 'title');
	const long = parseMarkdown('**' + 'ข้อความยาวมาก '.repeat(20).trim() + '**', 'a.md');
	assert.equal(long.blocks[0]!.kind, 'para');
	assert.ok(long.title.startsWith('ข้อความยาวมาก') && long.title.endsWith('…'));
});

test('front matter title equal to the first heading: one title block, not two', () => {
	const a = parseMarkdown('---\ntitle: Same\n---\n# Same\ntext\n', 'a.md');
	assert.deepEqual(outline(a), ['title: Same', 'para: text']);
});

test('a front matter that never closes is ordinary text (a rule)', () => {
	assert.equal(readFrontMatter('---\ntitle: x\nno end'), undefined);
	assert.equal(readFrontMatter('---\r\ntitle: x\r\n---\r\nbody')?.values.get('title'), 'x');
});

test('setext headings, CRLF and nested quotes', () => {
	const a = parseMarkdown('Title\r\n=====\r\n\r\nSub\r\n---\r\n> > deep *quote*\r\n', 'a.md');
	assert.deepEqual(outline(a), ['title: Title', 'heading: Sub', 'quote: deep quote']);
});

test('inline markup: emphasis, code, links, images, autolinks, escapes, HTML', () => {
	assert.equal(inline('**bold** and __strong__ and *em* and _em_'), 'bold and strong and em and em');
	assert.equal(inline('a `co*de*` b ``x ` y``'), 'a co*de* b x ` y');
	assert.equal(inline('see [the *docs*](https://x.org/a_(b) "t") now'), 'see the docs https://x.org/a_(b) now');
	assert.equal(inline('![alt text](a.png) [ref link][r]'), 'alt text ref link');
	assert.equal(inline('<https://auto.link/x> <b>bold</b><br/>'), 'https://auto.link/x bold');
	assert.equal(inline('\\*literal\\* 2 * 3 * 4 snake_case_word ~~gone~~'), '*literal* 2 * 3 * 4 snake_case_word gone');
	assert.equal(inline('unclosed **bold and [bracket'), 'unclosed **bold and [bracket');
	assert.equal(inline('ภาษา**ไทย**ติดกัน'), 'ภาษาไทยติดกัน');
});

test('a code line of only spaces is an empty code line, not an empty span', () => {
	const a = parseMarkdown('```\n   \nx\n```\n', 'c.md');
	assert.deepEqual(
		a.blocks.map((b) => b.kind),
		['code', 'code'],
	);
	assert.deepEqual(a.blocks[0]!.spans, []);
});

test('a heading that shows nothing (an escape sequence underlined) is not the title', () => {
	const a = parseMarkdown('\u001b[31m\n-\nThe words\n', 'h.md');
	assert.ok(a.title.length > 0);
});

/** Each span's shown text with its style bits (and link target) for the inline tests below. */
function styled(s: string): Array<[string, number, string?]> {
	return inlineSpans(s, 0, s.length).map((span) => {
		const shown = 'start' in span ? s.slice(span.start, span.end) : span.synthetic;
		return span.href === undefined ? [shown, span.style ?? 0] : [shown, span.style ?? 0, span.href];
	});
}

test('inline styles travel on the spans: bold, italic, both, code, strike, links and their targets', () => {
	assert.deepEqual(styled('ก **ข** _ค_ ***ง*** `จ` ~~ฉ~~'), [
		['ก ', 0],
		['ข', STYLE.bold],
		[' ', 0],
		['ค', STYLE.italic],
		[' ', 0],
		['ง', STYLE.bold | STYLE.italic],
		[' ', 0],
		['จ', STYLE.code],
		[' ', 0],
		['ฉ', STYLE.strike],
	]);
	// Nested emphasis inside a link: the link's bit and target on every piece of its text; the URL
	// after it is real text (search finds it), behind a synthetic space.
	assert.deepEqual(styled('อ่าน [ที่ **นี่**](https://a.example/p) ต่อ'), [
		['อ่าน ', 0],
		['ที่ ', STYLE.link, 'https://a.example/p'],
		['นี่', STYLE.link | STYLE.bold, 'https://a.example/p'],
		[' ', STYLE.url],
		['https://a.example/p', STYLE.url],
		[' ต่อ', 0],
	]);
	assert.deepEqual(styled('<https://b.example>'), [['https://b.example', STYLE.link, 'https://b.example']]);
	// A link whose text is its URL, and an image, show no second URL.
	assert.equal(inline('[https://c.example](https://c.example)'), 'https://c.example');
	assert.equal(inline('![รูป](p.png)'), 'รูป');
	// Headings (titles) leave the target out.
	assert.equal(inlineSpans('[ก](https://d.example)', 0, 22, {urls: false}).length, 1);
});

test('character references are decoded, bounded and cleaned', () => {
	assert.equal(inline('A &amp; B &lt;x&gt; &quot;q&quot; &#3585;&#x0E01; &copy;'), 'A & B <x> "q" กก ©');
	// Unknown names, over-long numbers and escaped ones stay as written.
	assert.equal(inline('&nosuch; &#12345678; \\&amp; &amp'), '&nosuch; &#12345678; &amp; &amp');
	// Inside code nothing is decoded.
	assert.equal(inline('`&amp;`'), '&amp;');
	// What decodes to a control or an escape is cleaned: it never reaches the terminal.
	assert.equal(inline('a&#27;[31mb&#x9b;c&#0;d&#x202E;e'), 'a[31mbc\uFFFDde');
	// The decoded text is synthetic: the spans around it still point into the text.
	const s = 'x &amp; y';
	const spans = inlineSpans(s, 0, s.length);
	assert.deepEqual(spans, [{start: 0, end: 2}, {synthetic: '&'}, {start: 7, end: 9}]);
});

test('ordered lists keep their numbers and nested lists their depth', () => {
	const a = parseMarkdown('# ท\n\n3. สาม\n4. สี่\n   - ย่อย ก\n     1) ลึก\n   - ย่อย ข\n5. ห้า\n\nย่อหน้า\n\n1. หนึ่ง\n1. ต่อ\n- จุด\n', 'l.md');
	const items = a.blocks.filter((b) => b.kind === 'item').map((b) => [visible(a.text, b), b.depth, b.marker]);
	assert.deepEqual(items, [
		['สาม', 0, '3.'],
		['สี่', 0, '4.'],
		['ย่อย ก', 1, undefined],
		['ลึก', 2, '1)'],
		['ย่อย ข', 1, undefined],
		['ห้า', 0, '5.'],
		['หนึ่ง', 0, '1.'],
		['ต่อ', 0, '2.'],
		['จุด', 0, undefined],
	]);
});

test('a pipe table becomes one table block with its cells and alignment', () => {
	const text = 'ก่อน\n\n| ชื่อ | จำนวน | หมายเหตุ |\n|:--|--:|:--:|\n| ส้ม | 12 | **หวาน** |\n| มะม่วง \\| ดิบ | 3 |\n\nหลัง\n';
	const a = parseMarkdown(text, 't.md');
	const table = a.blocks.find((b) => b.kind === 'table');
	assert.ok(table?.table);
	assert.deepEqual(table.table.align, ['left', 'right', 'center']);
	const cells = table.table.rows.map((row) => row.map((cell) => cell.map((span) => ('start' in span ? text.slice(span.start, span.end) : span.synthetic)).join('')));
	// An escaped pipe stays in its cell (its backslash left out); a short row is padded.
	assert.deepEqual(cells, [
		['ชื่อ', 'จำนวน', 'หมายเหตุ'],
		['ส้ม', '12', 'หวาน'],
		['มะม่วง | ดิบ', '3', ''],
	]);
	assert.equal(table.table.rows[1]![2]![0]!.style, STYLE.bold);
	assert.deepEqual(
		outline(a).filter((line) => !line.startsWith('table')),
		['title: ก่อน', 'para: หลัง'],
	);
	// A delimiter row whose cell count differs from the header's is no table.
	assert.equal(
		parseMarkdown('| a | b |\n|---|---|---|\n', 'u.md').blocks.some((b) => b.kind === 'table'),
		false,
	);
});

test('front-matter date and source are shown under the title', () => {
	const a = parseMarkdown('---\ntitle: หัวเรื่อง\ndate: 2024-03-05\nsource: https://e.example/n\n---\nเนื้อความ\n', 'f.md');
	assert.deepEqual(outline(a), ['title: หัวเรื่อง', 'meta: 2024-03-05 · https://e.example/n', 'para: เนื้อความ']);
	// Without front matter, nothing synthetic is added: a date in the text is shown where it is.
	assert.deepEqual(outline(parseMarkdown('# ห\n\n5 มี.ค. 2567\n\nเนื้อ', 'g.md')), ['title: ห', 'meta: 5 มี.ค. 2567', 'para: เนื้อ']);
});

test('a table of more columns than a screen shows stays paragraphs, in bounded work', () => {
	const columns = 20_000;
	const text = '|' + 'ก|'.repeat(columns) + '\n' + '|' + '--|'.repeat(columns) + '\n' + '|\n'.repeat(20_000);
	const a = parseMarkdown(text, 'w.md');
	assert.ok(!a.blocks.some((b) => b.kind === 'table'));
});

test('reference links take their target from the definition, shown after the text', () => {
	const text = 'อ่าน [รายงาน][r1] และ [สรุป] กับ [ไม่มี][zz] และ ![ภาพ][r1]\n\n[R1]: https://r.example/1\n[สรุป]: <https://r.example/2>\n';
	const a = parseMarkdown(text, 'r.md');
	const para = a.blocks[0]!;
	assert.equal(visible(text, para), 'อ่าน รายงาน https://r.example/1 และ สรุป https://r.example/2 กับ ไม่มี และ ภาพ');
	const links = para.spans.filter((s) => s.href);
	assert.deepEqual(
		links.map((s) => s.href),
		['https://r.example/1', 'https://r.example/2'],
	);
	assert.equal(a.blocks.length, 1, 'definitions are not shown');
});
