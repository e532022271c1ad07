import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {compactCode, foldCompact, foldForSearch, foldWithOffsets, removeThaiTones} from '../../source/text/fold.js';
import {passageStarts} from '../../source/search/passages.js';

test('Thai digits fold to ASCII digits', () => {
	assert.equal(foldForSearch('พ.ศ. ๒๕๖๗'), 'พ.ศ. 2567');
});

test('zero-width and invisible characters are dropped', () => {
	assert.equal(foldForSearch('รัฐมนตรี\u200bว่าการ'), 'รัฐมนตรีว่าการ');
	assert.equal(foldForSearch('a\u200cb\u200dc\u2060d\ufeffe\u00adf'), 'abcdef');
});

test('whitespace runs become one space', () => {
	assert.equal(foldForSearch('ก  \t\n ข\u00a0\u00a0ค'), 'ก ข ค');
	assert.equal(foldForSearch('ก \u200b ข'), 'ก ข');
});

test('ํ + า folds to ำ, also with a tone typed between', () => {
	assert.equal(foldForSearch('น้\u0e4d\u0e32'), 'น้ำ');
	assert.equal(foldForSearch('น\u0e4d\u0e49\u0e32'), 'น้ำ');
	assert.equal(foldForSearch('\u0e4d'), '\u0e4d');
});

test('a tone typed before the vowel above moves after it', () => {
	assert.equal(foldForSearch('ก\u0e48\u0e34'), foldForSearch('ก\u0e34\u0e48'));
});

test('Latin is lower-cased and loses its diacritics', () => {
	assert.equal(foldForSearch('Nguyễn Văn ĐỨC'), 'nguyen van duc');
	assert.equal(foldForSearch('Ærøskøbing straße'), 'aeroskobing strasse');
	assert.equal(foldForSearch('e\u0301'), 'e');
});

test('Thai vowels and marks are never stripped', () => {
	assert.notEqual(foldForSearch('กิน'), foldForSearch('กัน'));
	assert.notEqual(foldForSearch('สี'), foldForSearch('ส'));
	assert.notEqual(foldForSearch('สี่'), foldForSearch('สี'));
	assert.equal(foldForSearch('กิน'), 'กิน');
});

test('the tone-less fold drops only tone marks, mai taikhu and thanthakhat', () => {
	assert.equal(removeThaiTones(foldForSearch('สี่ จิ้นผิง ก็ ศักดิ์')), 'สี จินผิง ก ศักดิ');
	assert.equal(removeThaiTones(foldCompact('สี่'), true), foldCompact('สี'));
});

test('curly quotes, dashes and ellipsis fold to ASCII', () => {
	assert.equal(foldForSearch('“ก” ‘ข’ ก–ข…'), '"ก" \'ข\' ก-ข...');
});

test('the compact fold is the readable fold with Thai moved to one byte', () => {
	fc.assert(
		fc.property(fc.string({unit: fc.constantFrom(...'กขคสีิ่้ัำ ํา๑2AaéÉ·×“\u200b\n')}), (s) => {
			const readable = foldForSearch(s);
			const compact = foldCompact(s);
			assert.equal(compact, Array.from(readable, (c) => String.fromCharCode(compactCode(c.charCodeAt(0)))).join(''));
			for (let i = 0; i < compact.length; i++) assert.ok(compact.charCodeAt(i) < 0x100);
		}),
	);
});

const thaiish = fc.string({unit: fc.constantFrom(...'กขคสนาีิุ่้๊ัำํ ๑1Aé\u200b\n\t.'), maxLength: 60, size: 'medium'});

test('offsets: every clean range of the fold comes from a source slice that folds to it', () => {
	fc.assert(
		fc.property(thaiish, fc.nat(), fc.nat(), (s, x, y) => {
			const f = foldWithOffsets(s);
			if (f.text.length === 0) return;
			const a = x % f.text.length;
			const b = a + 1 + (y % (f.text.length - a));
			// Ranges that do not split a unit group (a reordered mark pair, ํ+า).
			if (a > 0 && f.starts[a]! < f.ends[a - 1]!) return;
			if (b < f.text.length && f.ends[b - 1]! > f.starts[b]!) return;
			assert.equal(foldForSearch(s.slice(f.starts[a]!, f.ends[b - 1]!)), f.text.slice(a, b));
		}),
	);
});

test('passages fold independently: their folds concatenate to the whole fold', () => {
	fc.assert(
		fc.property(fc.string({unit: fc.constantFrom(...'กขสีิ่ัำําอออออออออ \n\u200b'), minLength: 300, maxLength: 2000, size: 'max'}), (s) => {
			const starts: number[] = [];
			passageStarts(s, 0, s.length, starts);
			assert.ok(starts.length > 1 || s.length < 400);
			const pieces = starts.map((from, i) => foldForSearch(s.slice(from, i + 1 < starts.length ? starts[i + 1] : s.length)));
			assert.equal(pieces.join(''), foldForSearch(s));
		}),
	);
});
