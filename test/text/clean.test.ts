import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {CleanBuilder, cleanForDisplay, cleanText, displayUnits} from '../../source/text/clean.js';
import {stripUnsafe} from '../../source/text/sanitize.js';
import {stringWidth} from '../../source/text/width.js';

const ESC = '\u001B';

/** The units of displayUnits as [display text, source end] pairs. */
function units(text: string, start = 0, end = text.length): Array<[string, number]> {
	const u = displayUnits(text, start, end);
	const out: Array<[string, number]> = [];
	let from = 0;
	for (let k = 0; k < u.count; k++) {
		out.push([u.text.slice(from, u.textEnds[k]), u.sourceEnds[k]!]);
		from = u.textEnds[k]!;
	}
	return out;
}

describe('cleanText', () => {
	it('keeps the identity mapping when nothing is removed', () => {
		const c = cleanText('xxภาษาไทยxx', 2, 9);
		assert.equal(c.text, 'ภาษาไทย');
		assert.equal(c.sources, null);
		assert.equal(c.base, 2);
	});

	it('maps every kept unit to its article offset', () => {
		const text = `ก${ESC}[31mข\r\nค\u202Eง`;
		const c = cleanText(text);
		assert.equal(c.text, 'กข\nคง');
		assert.deepEqual([...c.sources!], [0, 6, 7, 9, 11]);
	});

	it('joins source spans and synthetic text', () => {
		const b = new CleanBuilder();
		b.addSynthetic(`• ${ESC}[1m`);
		b.addSource('abcdef', 2, 4);
		b.addSource('abcdef', 4, 5);
		const c = b.finish();
		assert.equal(c.text, '• cde');
		assert.deepEqual([...c.sources!], [-1, -1, 2, 3, 4]);
	});

	it('agrees with stripUnsafe (one rule for the whole program)', () => {
		const pieces = [
			'a',
			'ก',
			'ำ',
			'่',
			' ',
			'\t',
			'\n',
			'\r',
			'\r\n',
			'\u2028',
			'\u2029',
			ESC,
			`${ESC}[`,
			`${ESC}]`,
			'\u0007',
			'\\',
			'1',
			';',
			'm',
			'\u009B',
			'\u009D',
			'\u009C',
			'\u0085',
			'\u202E',
			'\u2066',
			'\u200B',
			'\uFEFF',
			'\uD800',
			'\uDC00',
			'😀',
			'\u{E0041}',
			'\u0000',
			'\u007F',
			'P',
			'中',
		];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), (parts) => {
				const s = parts.join('');
				// Line breaks are made '\n' as they are met, so a CR and an LF apart stay two breaks.
				const expected = stripUnsafe(s.replace(/\r\n|\r|\u2028|\u2029/g, '\n'));
				assert.equal(cleanText(s).text, expected, JSON.stringify(s));
			}),
			{numRuns: 3000},
		);
	});
});

describe('displayUnits', () => {
	it('expands tabs to the next multiple of 8 columns, restarting after a line break', () => {
		assert.equal(cleanForDisplay('a\tb'), 'a       b');
		assert.equal(cleanForDisplay('abcdefgh\tb'), 'abcdefgh        b');
		assert.equal(cleanForDisplay('ภาษา\tx'), 'ภาษา    x'); // Thai width counts, not UTF-16 length
		assert.equal(cleanForDisplay('ab\ncd\te'), 'ab\ncd      e');
		assert.equal(cleanForDisplay('\tx', 0, 2, 3), '     x');
	});

	it('turns CR, CRLF, U+2028 and U+2029 into line breaks', () => {
		assert.equal(cleanForDisplay('a\r\nb\rc\u2028d\u2029e'), 'a\nb\nc\nd\ne');
		assert.deepEqual(units('a\r\nb'), [
			['a', 1],
			['\n', 2],
			['b', 4],
		]);
	});

	it('keeps SARA AM as written, one unit with its cluster', () => {
		assert.deepEqual(units('น้ำ'), [['น้ำ', 3]]);
	});

	it('draws a cluster without base on a dotted circle', () => {
		assert.equal(cleanForDisplay('\u0E48ก'), '\u25CC\u0E48ก');
		assert.equal(cleanForDisplay('\tำ'), '        \u25CCำ');
		assert.equal(stringWidth(cleanForDisplay('\u0E48')), 1);
	});

	it('keeps a Thai word whole around a dropped escape sequence, offsets exact', () => {
		const text = `ข่${ESC}[31mาว`;
		assert.deepEqual(units(text), [
			['ข่', 2],
			['า', 8],
			['ว', 9],
		]);
		assert.equal(cleanForDisplay('ก\u200B\u0E48'), 'ก\u0E48'); // the mark finds its consonant again
	});

	it('replaces lone surrogates and keeps pairs', () => {
		assert.deepEqual(units('\uD800x😀'), [
			['\uFFFD', 1],
			['x', 2],
			['😀', 4],
		]);
	});

	it('drops every unsafe kind from display', () => {
		const hostile = `${ESC}]52;c;QUJD\u0007${ESC}]0;t${ESC}\\${ESC}]8;;u${ESC}\\l${ESC}]8;;${ESC}\\${ESC}P1$r${ESC}\\\u009B2J\u0007\b\u202E\u2066\u200B.`;
		assert.equal(cleanForDisplay(hostile), 'l.');
	});
});
