// Proof that the widths are what a terminal draws: write each line, as the reader writes it (ำ
// as in the article), into a headless xterm and compare the cursor column with stringWidth. (xterm's default Unicode 6 tables give emoji one
// column, unlike current terminals and string-width, so emoji are checked in width.test.ts only.)
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import xterm from '@xterm/headless';
import {wrapText} from '../../source/layout/wrap.js';
import {stringWidth} from '../../source/text/width.js';

const {Terminal} = xterm;

async function cursorColumn(term: InstanceType<typeof Terminal>, s: string): Promise<number> {
	term.reset();
	await new Promise<void>((resolve) => term.write(s, resolve));
	return term.buffer.active.cursorX;
}

const LINES = [
	'น้ำท่วมทำให้ผู้คนเดือดร้อน',
	'ที่นี่มีกำไรจำนวนมาก ก่ำ ค่ำ',
	'ภูมิใจ ปู่ย่า กิ่งไม้ เกี๊ยว ฤๅษี',
	'ราคา ๑,๒๓๔ บาท (ประมาณ) “ข่าว”',
	'中文 日本語 かな カナ 한국어 ＡＢＣ ｶﾀｶﾅ',
	'ไทย中文ผสม English ปน 한글 กัน',
	'e\u0301 café naïve ñ',
];

describe('widths match a terminal emulator', () => {
	const term = new Terminal({cols: 200, rows: 4, allowProposedApi: true});

	it('for Thai with SARA AM and tone marks, CJK, Hangul and fullwidth forms', async () => {
		for (const line of LINES) {
			assert.equal(await cursorColumn(term, line), stringWidth(line), line);
		}
	});

	it('for every wrapped line the reader would draw', async () => {
		const text = LINES.join(' ');
		for (const width of [7, 13, 24, 40]) {
			for (const line of wrapText(text, 0, text.length, width)) {
				assert.equal(await cursorColumn(term, line.text), line.width, line.text);
				assert.equal(line.text, text.slice(line.start, line.end), 'the line is the article text itself');
				assert.ok(line.width <= width);
			}
		}
	});
});
