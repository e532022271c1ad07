import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {hasUnsafe, sanitizeInline, stripUnsafe, unsafeLength} from '../../source/text/sanitize.js';

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;

describe('stripUnsafe', () => {
	const cases: Array<[string, string, string]> = [
		['CSI colour', `a${ESC}[1;31mred${ESC}[0m!`, 'ared!'],
		['CSI cursor movement', `x${ESC}[2J${ESC}[10;20Hy`, 'xy'],
		['CSI private mode (alternate screen)', `${ESC}[?1049hz`, 'z'],
		['OSC 52 clipboard write', `before${ESC}]52;c;ZWNobyBwd25lZA==${BEL}after`, 'beforeafter'],
		['OSC 0 window title, ST-terminated', `${ESC}]0;you are hacked${ST}text`, 'text'],
		['OSC 8 hyperlink', `${ESC}]8;;https://evil.example${ST}link${ESC}]8;;${ST}`, 'link'],
		['DCS', `${ESC}Pq#0;2;0;0;0#0~~@@${ST}ok`, 'ok'],
		['APC, PM, SOS', `${ESC}_apc${ST}${ESC}^pm${ST}${ESC}Xsos${ST}.`, '.'],
		['C1 CSI', '\u009B31mX', 'X'],
		['C1 OSC ended by C1 ST', '\u009D0;title\u009CY', 'Y'],
		['C1 DCS', '\u0090data\u009CZ', 'Z'],
		['other C1 (NEL, IND)', 'a\u0085b\u0084c', 'abc'],
		['BEL and BS', `ding${BEL}\b\bdong`, 'dingdong'],
		['NUL, VT, FF, DEL', 'a\u0000b\u000Bc\u000Cd\u007Fe', 'abcde'],
		['two-character escapes (RIS, charset)', `${ESC}c${ESC}(0q`, 'q'],
		['a lone ESC at the end', `end${ESC}`, 'end'],
		['bidi embeddings and overrides', 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef', 'abcdef'],
		['bidi isolates', 'a\u2066b\u2067c\u2068d\u2069e', 'abcde'],
		['bidi marks', 'a\u200Eb\u200Fc\u061Cd', 'abcd'],
		['zero-width inside a Thai word', 'รัฐมนตรี\u200Bว่าการ\u200D\u2060\uFEFF', 'รัฐมนตรีว่าการ'],
		['soft hyphen', 'co\u00ADop', 'coop'],
		['astral format characters (tags)', 'flag\u{E0067}\u{E007F}', 'flag'],
		['lone surrogates', 'a\uD800b\uDC00c', 'a\uFFFDb\uFFFDc'],
	];
	for (const [name, input, expected] of cases) {
		it(`drops ${name}`, () => {
			assert.equal(stripUnsafe(input), expected);
			assert.equal(hasUnsafe(expected), false);
		});
	}

	it('keeps tab, LF and CR for the caller to handle', () => {
		assert.equal(stripUnsafe('a\tb\nc\rd\r\n'), 'a\tb\nc\rd\r\n');
	});

	it('keeps text that is safe untouched (same string)', () => {
		const s = 'ภาษาไทย English 中文 😀 ✓';
		assert.equal(stripUnsafe(s), s);
	});

	it('ends an unterminated OSC at a line break instead of swallowing the article', () => {
		assert.equal(stripUnsafe(`${ESC}]0;title never ends\nthe rest stays`), '\nthe rest stays');
		assert.equal(stripUnsafe(`${ESC}]52;c;AAAA`), '');
	});

	it('ends an OSC at the next ESC that is not ST', () => {
		assert.equal(stripUnsafe(`${ESC}]0;a${ESC}[31mb`), 'b');
	});
});

describe('unsafeLength', () => {
	it('measures whole sequences and single controls', () => {
		assert.equal(unsafeLength(`${ESC}[31mX`, 0), 5);
		assert.equal(unsafeLength(`x${ESC}]0;t${BEL}y`, 1), 6);
		assert.equal(unsafeLength('\u202E', 0), 1);
		assert.equal(unsafeLength('ก', 0), 0);
		assert.equal(unsafeLength('\t', 0), 0);
		assert.equal(unsafeLength('😀', 0), 0);
	});
});

describe('sanitizeInline', () => {
	it('makes one safe line', () => {
		assert.equal(sanitizeInline(`  a\r\nb\tc\u2028d ${ESC}]0;x${BEL} `), 'a b c d');
	});
});

describe('hasUnsafe', () => {
	it('detects every kind', () => {
		for (const s of [`${ESC}[m`, '\u009B', BEL, '\b', '\u202E', '\u2066', '\u200B', '\u0085']) assert.equal(hasUnsafe(`a${s}b`), true, JSON.stringify(s));
		assert.equal(hasUnsafe('a\tb\nc\r'), false);
	});
});
