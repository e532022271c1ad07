import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {parseText} from '../../source/corpus/parse-text.js';
import {titleFromOpening} from '../../source/corpus/title.js';
import {stringWidth} from '../../source/text/width.js';
import {hasUnsafe} from '../../source/text/sanitize.js';
import {FIXTURES, blockText, outline} from './helpers.js';

const SEEDS = path.join(import.meta.dirname, '..', '..', 'corpus');
const LONG = 'ความมั่นคงและการพัฒนาเป็นสิ่งที่ทุกประเทศต่างให้ความสำคัญ แต่สิ่งเหล่านี้ต้องหยุดชะงักเพราะการเปลี่ยนแปลงครั้งใหญ่ในรอบศตวรรษ อันเป็นผลมาจากสถานการณ์โรคระบาดรุนแรงแบบที่ไม่เคยเกิดขึ้นมาก่อน';

test('a short first line is the title; every other non-blank line is a paragraph', () => {
	const a = parseText('หัวข้อข่าว\n\nย่อหน้าหนึ่ง\nย่อหน้าสอง\n\n\nย่อหน้าสาม\n', 'x.txt');
	assert.equal(a.title, 'หัวข้อข่าว');
	assert.deepEqual(outline(a), ['title: หัวข้อข่าว', 'para: ย่อหน้าหนึ่ง', 'para: ย่อหน้าสอง', 'para: ย่อหน้าสาม']);
	assert.equal(a.id, 'x.txt');
	assert.equal(a.format, 'txt');
});

test('a long first line stays a paragraph; the title is its opening words cut at a word boundary', () => {
	const a = parseText(LONG + '\nต่อไป', 'x.txt');
	assert.deepEqual(
		a.blocks.map((b) => b.kind),
		['para', 'para'],
	);
	assert.ok(a.title.endsWith('…'));
	const stem = a.title.slice(0, -1);
	assert.ok(LONG.startsWith(stem), a.title);
	assert.ok(stringWidth(a.title) <= 60);
	assert.ok(stringWidth(a.title) >= 40, 'uses most of the room');
	// The cut falls where Intl.Segmenter puts a word boundary.
	const boundaries = new Set([...new Intl.Segmenter('th', {granularity: 'word'}).segment(LONG)].map((s) => s.index));
	boundaries.add(LONG.length);
	assert.ok(boundaries.has(stem.length) || boundaries.has(stem.length + 1), `cut at ${stem.length}`);
});

test('a short lead-in ending with a colon or two run-on sentences is not a title', () => {
	assert.equal(parseText('รัฐมนตรีกล่าวว่า:\nเนื้อหา', 'x.txt').blocks[0]!.kind, 'para');
	assert.equal(parseText('It rained. Then it stopped and we went home.\nMore', 'x.txt').blocks[0]!.kind, 'para');
	assert.equal(parseText('Mr Smith goes to Washington\nMore', 'x.txt').blocks[0]!.kind, 'title');
});

test('a word longer than the title is cut between grapheme clusters', () => {
	const title = titleFromOpening('ก่'.repeat(100));
	assert.ok(stringWidth(title) <= 60);
	assert.ok(title.endsWith('ก่…'), 'the tone mark stays with its consonant: ' + title);
});

test('CRLF and lone CR are line breaks; spans never hold \\r and are trimmed', () => {
	const text = 'หัวข้อ\r\n\r\n  ย่อหน้าหนึ่ง \r\nย่อหน้าสอง\rย่อหน้าสาม\r';
	const a = parseText(text, 'x.txt');
	assert.equal(a.text, text, 'the text is kept exactly');
	assert.deepEqual(outline(a), ['title: หัวข้อ', 'para: ย่อหน้าหนึ่ง', 'para: ย่อหน้าสอง', 'para: ย่อหน้าสาม']);
	for (const b of a.blocks) for (const s of b.spans) if ('start' in s) assert.ok(!a.text.slice(s.start, s.end).includes('\r'));
});

test('a date near the top goes to Article.date; a date line on its own is a meta block', () => {
	const a = parseText(fs.readFileSync(path.join(FIXTURES, 'dated.txt'), 'utf8'), 'dated.txt');
	assert.equal(a.date?.iso, '2022-11-07');
	assert.equal(a.date?.text, '๗ พ.ย.๖๕');
	assert.equal(a.source, 'Example Agency', 'a `Source:` label takes its value from the next line');
	assert.deepEqual(
		a.blocks.map((b) => b.kind),
		['title', 'meta', 'meta', 'meta', 'para', 'para', 'meta'],
	);
	const inline = parseText(LONG.slice(0, 40) + ' 4 ก.ค. 2567 ' + LONG, 'x.txt');
	assert.equal(inline.date?.iso, '2024-07-04');
	assert.equal(inline.blocks[0]!.kind, 'para', 'a paragraph holding a date is still a paragraph');
	const far = parseText('หัวข้อ\n' + 'ก'.repeat(1500) + '\n4 ก.ค. 2567', 'x.txt');
	assert.equal(far.date, undefined, 'dates far from the top are not the article date');
});

test('source lines: `ที่มา: URL`, a bare URL line, and a lone label', () => {
	const labelled = parseText('หัวข้อ\nเนื้อหา\nที่มา: https://example.org/a\nhttps://other.example/b', 'x.txt');
	assert.equal(labelled.source, 'https://example.org/a');
	assert.deepEqual(
		labelled.blocks.map((b) => b.kind),
		['title', 'para', 'meta', 'meta'],
	);
	const bare = parseText('หัวข้อ\nเนื้อหา\n(https://example.org/c)', 'x.txt');
	assert.equal(bare.source, 'https://example.org/c');
	const lone = parseText('หัวข้อ\nเนื้อหา\nแหล่งที่มา\nการแสดงความคิดเห็น (0)', 'x.txt');
	assert.equal(lone.source, undefined, 'a label without a colon does not take the next line');
	assert.deepEqual(
		lone.blocks.map((b) => b.kind),
		['title', 'para', 'meta', 'para'],
	);
	const prose = parseText('หัวข้อ\nที่มาของปัญหานี้คือการขาดแคลนน้ำ', 'x.txt');
	assert.equal(prose.blocks[1]!.kind, 'para');
	assert.equal(prose.source, undefined);
});

test('escape sequences and bidi controls stay in the text but never in the title', () => {
	const text = '\u001b]0;pwned\u0007หัว\u202Eข้อ\u001b[2J\n\u001b]52;c;aGk=\u0007เนื้อหา\u0008';
	const a = parseText(text, 'x.txt');
	assert.equal(a.text, text);
	assert.equal(a.title, 'หัวข้อ');
	assert.equal(hasUnsafe(a.title), false);
	const made = parseText('\u001b[31m' + LONG, 'x.txt');
	assert.equal(hasUnsafe(made.title), false);
	assert.ok(made.title.startsWith('ความมั่นคง'));
});

test('a text with nothing to make a title of falls back to its file name, cleaned', () => {
	const a = parseText('…… ——\n', 'dir/na\u001b]0;x\u0007me\u202E.txt');
	assert.equal(a.title, '…… ——');
	const b = parseText('\u0007\u0007\n', 'dir/na\u001b]0;x\u0007me\u202E.txt');
	assert.equal(b.title, 'name');
});

test('the seed articles: titles, dates and sources', () => {
	const read = (name: string) => parseText(fs.readFileSync(path.join(SEEDS, name), 'utf8'), name);
	const s0 = read('000_a32cd8ee5a4e8cfc.txt');
	assert.ok(s0.title.startsWith('วามมั่นคงและการพัฒนา') && s0.title.endsWith('…'));
	assert.equal(s0.blocks[0]!.kind, 'para');
	const s1 = read('001_f55bcf7827ac486c.txt');
	assert.equal(s1.date?.iso, '2024-07-04');
	const s2 = read('002_50291a1888ae981b.txt');
	assert.equal(s2.source, 'https://thoidai.com.vn/bon-ket-qua-noi-bat-trong-chuyen-tham-4-nuoc-ban-be-truyen-thong-cua-tong-bi-thu-to-lam-213457.html');
	const s3 = read('003_e0df06f9a70df077.txt');
	assert.equal(s3.title, 'สำนักงานสารนิเทศแห่งคณะรัฐมนตรีจีนได้เผยแพร่สมุดปกขาว เรื่อง “ร่วมกันสร้างประชาคมที่มีอนาคตร่วมกันในโลกไซเบอร์”');
	assert.equal(s3.date?.iso, '2022-11-16');
	assert.equal(s3.source, 'Vijaichina');
	assert.deepEqual(outline(s3).slice(1, 4), ['meta: 16 November 2022', 'meta: Source:', 'meta: Vijaichina']);
	const s4 = read('004_49f9cf71f55678ce.txt');
	assert.equal(s4.date?.iso, '2023-12-19');
	for (const a of [s0, s1, s2, s3, s4]) {
		for (const b of a.blocks) assert.ok(blockText(a, b).trim() === blockText(a, b), 'spans are trimmed');
	}
});
