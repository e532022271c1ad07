import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {parseMarkdown, readFrontMatter} from '../../source/corpus/parse-markdown.js';
import {inlineSpans} from '../../source/corpus/markdown-inline.js';
import {FIXTURES, outline} from './helpers.js';

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
		'heading: หัวข้อใหญ่ ตัวหนา',
		'para: ย่อหน้าแรกมี ตัวหนา และ ตัวเอียง และ code และ ลิงก์ และ ภาพ บรรทัดต่อ แท็ก HTML กับ *ดาวจริง* และ snake_case_name',
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
	assert.equal(inline('see [the *docs*](https://x.org/a_(b) "t") now'), 'see the docs now');
	assert.equal(inline('![alt text](a.png) [ref link][r]'), 'alt text ref link');
	assert.equal(inline('<https://auto.link/x> <b>bold</b><br/>'), 'https://auto.link/x bold');
	assert.equal(inline('\\*literal\\* 2 * 3 * 4 snake_case_word ~~gone~~'), '*literal* 2 * 3 * 4 snake_case_word gone');
	assert.equal(inline('unclosed **bold and [bracket'), 'unclosed **bold and [bracket');
	assert.equal(inline('ภาษา**ไทย**ติดกัน'), 'ภาษาไทยติดกัน');
});

test('a code line of only spaces is an empty code line, not an empty span', () => {
	const a = parseMarkdown('```\n   \nx\n```\n', 'c.md');
	assert.deepEqual(a.blocks.map((b) => b.kind), ['code', 'code']);
	assert.deepEqual(a.blocks[0]!.spans, []);
});

test('a heading that shows nothing (an escape sequence underlined) is not the title', () => {
	const a = parseMarkdown('\u001b[31m\n-\nThe words\n', 'h.md');
	assert.ok(a.title.length > 0);
});
