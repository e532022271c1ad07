import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {OVERWIDE, wrapArticle, wrapText} from '../../source/layout/wrap.js';
import {stringWidth} from '../../source/text/width.js';
import {NO_END, NO_START, checkLines, contentOf, makeArticle} from './helpers.js';

const wrap = (text: string, width: number): string[] => {
	const lines = wrapText(text, 0, text.length, width);
	checkLines(text, lines, width);
	return lines.map((l) => l.text);
};

/** Sentences whose every line start and end must respect the Thai rules at any sane width. */
const SENTENCES = [
	'เขามีของต่าง ๆ มากมายที่ต้องจัดการให้เสร็จภายในวันนี้',
	'นายกฯ กล่าวว่าการประชุมครั้งนี้สำคัญมาก (โดยเฉพาะเรื่องเศรษฐกิจ) และจะติดตามผลต่อไป',
	'“ข่าวดี” สำหรับเกษตรกร: ราคาข้าวเพิ่มขึ้น 15% ในเดือนที่ผ่านมา!',
	'เมื่อวันที่ 4 ก.ค. 2567 เวลา 8.30 น. ที่ทำเนียบรัฐบาลมีการแถลงข่าว',
	'ในปีพ.ศ.2567มีนักท่องเที่ยวมากกว่า 1,234,567 คน เพิ่มขึ้นจากปีก่อนๆ มาก',
	'ใครๆ ก็รู้ว่าแม่น้ำเจ้าพระยาไหลผ่านกรุงเทพฯ และจังหวัดอื่นๆ อีกหลายแห่ง',
];

describe('wrapText: Thai line-break rules', () => {
	it('breaks only between words, never starting a line with a vetoed character', () => {
		for (const sentence of SENTENCES) {
			for (let width = 8; width <= 60; width++) {
				const lines = wrapText(sentence, 0, sentence.length, width);
				checkLines(sentence, lines, width);
				lines.forEach((line, i) => {
					const content = contentOf(line);
					if (i > 0) assert.ok(!NO_START.test(content), `line starts vetoed: ${JSON.stringify(content)} at ${width}`);
					if (i < lines.length - 1) assert.ok(!NO_END.test(content), `line ends vetoed: ${JSON.stringify(content)} at ${width}`);
				});
			}
		}
	});

	it('never breaks before ๆ, even after a space', () => {
		// Greedy filling would give เขามีของต่าง | ๆ มากมาย.
		const text = 'เขามีของต่าง ๆ มากมาย';
		assert.deepEqual(wrap(text, 11), ['เขามีของ', 'ต่าง ๆ', 'มากมาย']);
	});

	it('keeps a line from ending with a leading vowel when it must cut a word', () => {
		const lines = wrap('เเเเกเเเเกเเเเ', 3);
		for (const line of lines.slice(0, -1)) assert.ok(!line.endsWith('เ') || line === 'เเเ', line);
		assert.deepEqual(wrap('มามามามามา', 3), ['มา', 'มา', 'มา', 'มา', 'มา']);
	});

	it('keeps dotted abbreviations and numbers whole', () => {
		const lines = wrap('ในปีพ.ศ.2567มีการประชุม เวลา 8.30 น. ราคา 1,234.56 บาท ช่วง 15-16 ก.ค.', 10);
		const all = lines.join('|');
		for (const whole of ['พ.ศ.2567', '8.30', '1,234.56', '15-16', 'ก.ค.'])
			assert.ok(
				lines.some((l) => l.includes(whole)),
				`${whole} split: ${all}`,
			);
		assert.ok(!lines.some((l) => l.startsWith('.') || (l.startsWith('น.') && l.length === 1)), all);
	});

	it('never breaks at a no-break space', () => {
		const lines = wrap('ราคา 100\u00A0บาทถ้วน', 9);
		assert.ok(
			lines.some((l) => l.includes('100\u00A0บาท')),
			lines.join('|'),
		);
	});

	it('keeps Latin words and URLs whole when they fit', () => {
		const text = 'ดูรายละเอียดที่ https://www.example.org/news/2024 หรือ Shanghai Cooperation Organisation';
		const lines = wrap(text, 34);
		assert.ok(lines.includes('https://www.example.org/news/2024'), lines.join('|'));
		for (const word of ['Shanghai', 'Cooperation', 'Organisation'])
			assert.ok(
				lines.some((l) => l.includes(word)),
				lines.join('|'),
			);
	});

	it('cuts a word wider than the line between clusters only', () => {
		const word = 'กรุงเทพมหานครอมรรัตนโกสินทร์';
		const lines = wrap(word, 5);
		assert.ok(lines.length > 1);
		assert.equal(lines.join(''), word);
		for (const line of lines) assert.ok(!/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u.test(line), line);
		assert.deepEqual(wrap('Cooperation', 4), ['Coop', 'erat', 'ion']);
	});

	it('drops spaces at breaks but keeps offsets exact', () => {
		const lines = wrapText('aaa   bbb ccc', 0, 13, 3);
		assert.deepEqual(
			lines.map((l) => [l.text, l.start, l.end]),
			[
				['aaa', 0, 3],
				['bbb', 6, 9],
				['ccc', 10, 13],
			],
		);
	});

	it('keeps hard line breaks (LF, CRLF, CR, U+2028) and blank lines in a paragraph', () => {
		assert.deepEqual(wrap('ก\r\nข\rค\u2028ง\n\nจ', 20), ['ก', 'ข', 'ค', 'ง', '', 'จ']);
	});

	it('expands tabs to the next stop of 8 and breaks at a tab instead of expanding it', () => {
		assert.deepEqual(wrap('ab\tcd\tef', 20), ['ab      cd      ef']);
		assert.deepEqual(wrap('abcdef\tgh', 8), ['abcdef', 'gh']);
	});

	it('drops indentation rather than cutting the first word', () => {
		assert.deepEqual(wrap('      indented words', 8), ['indented', 'words']);
		assert.deepEqual(wrap('  two words', 20), ['  two words']);
	});

	it('shows nothing unsafe and still keeps offsets', () => {
		const text = 'ข่\u001B[31mาว\u001B]52;c;QUJD\u0007ด่วน\u202Eวันนี้\u200Bค่ะ';
		const lines = wrapText(text, 0, text.length, 6);
		checkLines(text, lines, 6);
		assert.equal(lines.map(contentOf).join(''), 'ข่าวด่วนวันนี้ค่ะ');
	});

	it('writes SARA AM as the article has it and counts it as terminals do', () => {
		const lines = wrapText('น้ำท่วมทำให้', 0, 12, 80);
		assert.equal(lines[0]!.text, 'น้ำท่วมทำให้');
		assert.equal(lines[0]!.width, 9);
	});
});

describe('wrapText: tiny widths', () => {
	it('never makes a line wider than 1 to 4 columns', () => {
		const text = 'ภาษาไทย 中文 😀 Latin น้ำ\tx';
		for (let width = 1; width <= 4; width++) {
			const lines = wrapText(text, 0, text.length, width);
			checkLines(text, lines, width);
			for (const line of lines) assert.ok(stringWidth(line.text) <= width);
		}
	});

	it('treats a width below 1, fractional or not a number as the nearest usable one', () => {
		assert.deepEqual(
			wrapText('ab', 0, 2, 0).map((l) => l.text),
			['a', 'b'],
		);
		assert.deepEqual(
			wrapText('ab', 0, 2, Number.NaN).map((l) => l.text),
			['a', 'b'],
		);
		assert.deepEqual(
			wrapText('abc', 0, 3, 2.9).map((l) => l.text),
			['ab', 'c'],
		);
	});

	it('shows a wide cluster at width 1 as a placeholder that still maps to it', () => {
		const lines = wrapText('中x', 0, 2, 1);
		assert.deepEqual(
			lines.map((l) => [l.text, l.start, l.end, l.width]),
			[
				[OVERWIDE, 0, 1, 1],
				['x', 1, 2, 1],
			],
		);
	});
});

describe('wrapArticle', () => {
	const article = makeArticle([
		['title', 'หัวข้อข่าวที่ยาวพอสมควรสำหรับทดสอบ'],
		['meta', '4 ก.ค. 2567'],
		['para', 'ย่อหน้าแรก มีหลายคำ และยาวพอที่จะตัดบรรทัด'],
		['quote', 'คำพูดที่ยกมา ยาวพอที่จะขึ้นบรรทัดใหม่'],
		['item', 'ข้อแรก ยาวพอที่จะขึ้นบรรทัดใหม่'],
		['item', 'ข้อสอง'],
		['code', 'const  x\t= "ก่ำ";  // a comment that is long'],
		['rule', '---'],
		['para', 'จบ'],
	]);

	it('lays out every block kind within the width, offsets exact', () => {
		for (const width of [1, 2, 5, 12, 20, 40, 80]) checkLines(article.text, wrapArticle(article, width), width);
	});

	it('separates blocks by a blank line, but not list items', () => {
		const lines = wrapArticle(article, 80);
		assert.deepEqual(
			lines.map((l) => [l.kind, l.block, l.text === '']),
			[
				['title', 0, false],
				['title', 0, true],
				['meta', 1, false],
				['meta', 1, true],
				['para', 2, false],
				['para', 2, true],
				['quote', 3, false],
				['quote', 3, true],
				['item', 4, false],
				['item', 5, false],
				['item', 5, true],
				['code', 6, false],
				['code', 6, true],
				['rule', 7, false],
				['rule', 7, true],
				['para', 8, false],
			],
		);
	});

	it('puts a quote bar on every quote line and a hanging indent under a bullet', () => {
		const lines = wrapArticle(article, 16);
		const quote = lines.filter((l) => l.kind === 'quote' && l.text !== '');
		assert.ok(quote.length > 1);
		for (const l of quote) assert.ok(l.text.startsWith('│ ') && l.lead === 2, l.text);
		const item = lines.filter((l) => l.block === 4 && l.text !== '');
		assert.ok(item.length > 1);
		assert.ok(item[0]!.text.startsWith('• '));
		for (const l of item.slice(1)) assert.ok(l.text.startsWith('  ') && l.lead === 2, l.text);
	});

	it('breaks code at clusters, keeping its spaces', () => {
		const code = wrapArticle(article, 10).filter((l) => l.kind === 'code' && l.text !== '');
		// The tab at column 8 of a 10-column line reaches the line's end, not the next stop.
		assert.equal(code.map((l) => l.text).join(''), 'const  x  = "ก่ำ";  // a comment that is long');
		for (const l of code) assert.ok(l.width <= 10);
	});

	it('keeps the lines of a code block together, empty ones included', () => {
		const a = makeArticle([
			['para', 'ก่อน'],
			['code', 'if (x) {'],
			['code', ''],
			['code', '  y();'],
			['para', 'หลัง'],
		]);
		assert.deepEqual(
			wrapArticle(a, 40).map((l) => l.text),
			['ก่อน', '', 'if (x) {', '', '  y();', '', 'หลัง'],
		);
	});

	it('draws a rule across the width', () => {
		const rule = wrapArticle(article, 30).find((l) => l.kind === 'rule')!;
		assert.equal(rule.text, '─'.repeat(30));
		assert.equal(rule.width, 30);
	});

	it('drops leads when the width leaves no room for text', () => {
		for (const l of wrapArticle(article, 3)) assert.ok(l.width <= 3 && !l.text.startsWith('│'), l.text);
	});

	it('shows synthetic spans (a title from a JSON field) cleaned, with no offsets', () => {
		const a = makeArticle([['para', 'เนื้อหา']]);
		a.blocks.unshift({kind: 'title', spans: [{synthetic: 'หัวข้อ\u001B]0;x\u0007ข่าว'}]});
		const lines = wrapArticle(a, 40);
		assert.equal(lines[0]!.text, 'หัวข้อข่าว');
		assert.equal(lines[0]!.start, lines[0]!.end);
		assert.equal(lines[2]!.text, 'เนื้อหา');
		assert.equal(lines[2]!.start, 0);
	});
});
