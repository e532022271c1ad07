import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {isWideCodePoint} from '../../source/text/wideRanges.js';
import {clusterWidth, codePointWidth, stringWidth} from '../../source/text/width.js';

describe('stringWidth', () => {
	it('counts ASCII one column each and controls none', () => {
		assert.equal(stringWidth('hello, world'), 12);
		assert.equal(stringWidth(''), 0);
		assert.equal(stringWidth('a\u0007b\u0008c'), 3);
		assert.equal(stringWidth('\u009b\u007f'), 0);
	});

	it('gives Thai above and below marks no column', () => {
		assert.equal(stringWidth('ที่นี่'), 2);
		assert.equal(stringWidth('ปู่'), 1);
		assert.equal(stringWidth('กิ่ง'), 2);
		assert.equal(stringWidth('ภูมิใจ'), 4);
		assert.equal(stringWidth('\u0E48'), 0); // a lone tone mark draws on the cell before
	});

	it('counts SARA AM as the extra column terminals draw', () => {
		assert.equal(stringWidth('ำ'), 1);
		assert.equal(stringWidth('กำ'), 2);
		assert.equal(stringWidth('น้ำ'), 2);
		assert.equal(stringWidth('ทำงาน'), 5);
		assert.equal(stringWidth('ຄຳ'), 2); // Lao AM behaves the same way
	});

	it('counts East Asian wide and fullwidth characters two columns', () => {
		assert.equal(stringWidth('中文'), 4);
		assert.equal(stringWidth('한국어'), 6);
		assert.equal(stringWidth('ひらがなカタカナ'), 16);
		assert.equal(stringWidth('ＡＢＣ'), 6);
		assert.equal(stringWidth('ｱｲｳ'), 3); // halfwidth katakana stay narrow
		assert.equal(stringWidth('\u3000'), 2); // ideographic space
		assert.equal(stringWidth('𠀀'), 2); // CJK extension B (astral)
	});

	it('counts emoji two columns, sequences as one glyph', () => {
		assert.equal(stringWidth('😀'), 2);
		assert.equal(stringWidth('👍🏽'), 2);
		assert.equal(stringWidth('👨‍👩‍👧'), 2);
		assert.equal(stringWidth('🇹🇭'), 2);
		assert.equal(stringWidth('❤️'), 2);
		assert.equal(stringWidth('#️⃣'), 2);
		assert.equal(stringWidth('❤'), 1); // text presentation
		assert.equal(stringWidth('a😀b'), 4);
	});

	it('gives format characters and combining marks no column', () => {
		assert.equal(stringWidth('a\u200Bb'), 2);
		assert.equal(stringWidth('\u202Eabc\u202C'), 3);
		assert.equal(stringWidth('e\u0301'), 1);
		assert.equal(stringWidth('\uFEFF'), 0);
	});

	it('adds the columns of spacing marks (as terminals do)', () => {
		assert.equal(stringWidth('का'), 2); // Devanagari KA + AA (Mc)
	});

	it('agrees with clusterWidth summed over clusters', () => {
		const seg = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		const alphabet = [...'aZ 1.กขคเแโำ่้ิีุัะา中한😀👍🏽\u200D\uFE0F\u20E3#🇹🇭\u0301\u0E4Dकाि्ｱＡ'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...alphabet), {maxLength: 30}), (chars) => {
				const s = chars.join('');
				let sum = 0;
				for (const {segment} of seg.segment(s)) sum += clusterWidth(segment);
				assert.equal(stringWidth(s), sum, JSON.stringify(s));
			}),
			{numRuns: 2000},
		);
	});
});

describe('SARA AM', () => {
	it('counts ำ as the column terminals give it, with no substitute needed', () => {
		// xterm, VTE, kitty and tmux 3.3 move the cursor two columns for กำ (checked in terminal.test.ts).
		assert.equal(stringWidth('น้ำ'), 2);
		assert.equal(stringWidth('ทำ ทำ'), 5);
		assert.equal(stringWidth('ຄຳ'), 2);
		assert.equal(clusterWidth('น้ำ'), 2);
	});
});

describe('codePointWidth and the wide table', () => {
	it('classifies range edges', () => {
		assert.equal(codePointWidth(0x10ff), 1);
		assert.equal(codePointWidth(0x1100), 2);
		assert.equal(codePointWidth(0x115f), 2);
		assert.equal(codePointWidth(0x1160), 1);
		assert.equal(codePointWidth(0x4e00), 2);
		assert.equal(codePointWidth(0xac00), 2);
		assert.equal(codePointWidth(0xd7a3), 2);
		assert.equal(codePointWidth(0xff01), 2);
		assert.equal(codePointWidth(0xff61), 1);
		assert.equal(codePointWidth(0x1f600), 2);
		assert.equal(codePointWidth(0x1f650), 1);
		assert.equal(codePointWidth(0x3fffd), 2);
		assert.equal(codePointWidth(0x3099), 0); // combining kana voicing mark inside a wide range
		assert.equal(codePointWidth(0x0e33), 1);
		assert.equal(codePointWidth(0x0e48), 0);
	});

	it('holds sorted, disjoint ranges', () => {
		assert.equal(isWideCodePoint(0x3000), true);
		assert.equal(isWideCodePoint(0x303f), false);
		assert.equal(isWideCodePoint(0x41), false);
	});
});
