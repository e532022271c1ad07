import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {KeyFilter} from '../../source/ui/key-input.js';

const through = (...chunks: string[]) => {
	const f = new KeyFilter();
	return chunks.map((c) => f.push(c)).join('') + f.flush();
};

test('keys Ink names pass unchanged, with or without modifiers', () => {
	for (const key of ['\u001B[A', '\u001B[1;5B', '\u001BOC', '\u001B[5~', '\u001B[6;2~', '\u001B[3~', '\u001B[Z', '\u001B[H', '\u001B[F', '\u001B[[A', '\u001BOa', '\u001B\u001B[D', '\u001Bj', '\u001B', '\r', '\t', '\u007F', '\u0003', 'q', 'ก่']) {
		assert.equal(through(key), key, JSON.stringify(key));
	}
});

test('keys Ink has no name for are dropped whole', () => {
	for (const key of ['\u001B[1;5P', '\u001B[29;5~', '\u001B[32~', '\u001B[25;2~', '\u001B[31m', '\u001B[?1;2c', '\u001B[12;40R', '\u001B[I', '\u001BO5P', '\u001BOz', '\u001B\u001B[1;5P', '\u001B[200~']) {
		assert.equal(through(key), '', JSON.stringify(key));
	}
});

test('pasted text keeps its words and loses its escapes and control strings', () => {
	assert.equal(through('ab\u001B[31mcd\u001B]0;title\u0007ef\u001B]52;c;ZXZpbA==\u001B\\gh\u009B31mi'), 'abcdefgh31mi');
});

test('a sequence cut across reads is held until it ends; a lone ESC is the Escape key', () => {
	assert.equal(through('\u001B', '[', '1;5', 'A'), '\u001B[1;5A');
	assert.equal(through('\u001B[1;', '5P', 'x'), 'x');
	assert.equal(through('\u001B'), '\u001B');
	assert.equal(through('\u001B[1;'), '', 'a cut-off sequence is not a key');
	assert.equal(through('\u001B[' + '1;'.repeat(40)), '', 'an endless sequence is not held for ever');
});

test('where the reads split the input never changes what comes out', () => {
	const piece = fc.constantFrom('\u001B', '[', 'O', '1', ';', '5', '~', 'A', 'P', 'm', ']', '\u0007', 'ก', 'x', '\u001B[A', '\u001B[1;5P', '\u001B]0;t\u0007');
	fc.assert(
		fc.property(fc.array(piece, {maxLength: 30}), fc.array(fc.nat(), {maxLength: 5}), (pieces, cuts) => {
			const s = pieces.join('');
			const at = [...new Set(cuts.map((c) => c % (s.length + 1)))].sort((a, b) => a - b);
			const chunks: string[] = [];
			let from = 0;
			for (const c of at) {
				chunks.push(s.slice(from, c));
				from = c;
			}
			chunks.push(s.slice(from));
			// A lone ESC at a cut is the one thing a split can change: it may be a key of its own.
			fc.pre(!at.some((c) => s[c - 1] === '\u001B'));
			assert.equal(through(...chunks), through(s));
		}),
	);
});
