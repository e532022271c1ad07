import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {KeyFilter, type MouseEvent} from '../../source/ui/key-input.js';

const through = (...chunks: string[]) => {
	const f = new KeyFilter();
	return chunks.map((c) => f.push(c)).join('') + f.flush();
};

test('keys Ink names pass unchanged, with or without modifiers', () => {
	for (const key of [
		'\u001B[A',
		'\u001B[1;5B',
		'\u001BOC',
		'\u001B[5~',
		'\u001B[6;2~',
		'\u001B[3~',
		'\u001B[Z',
		'\u001B[H',
		'\u001B[F',
		'\u001B[[A',
		'\u001BOa',
		'\u001B\u001B[D',
		'\u001Bj',
		'\u001B',
		'\r',
		'\t',
		'\u007F',
		'\u0003',
		'q',
		'ก่',
	]) {
		assert.equal(through(key), key, JSON.stringify(key));
	}
});

test('keys Ink has no name for are dropped whole', () => {
	for (const key of [
		'\u001B[1;5P',
		'\u001B[29;5~',
		'\u001B[32~',
		'\u001B[25;2~',
		'\u001B[31m',
		'\u001B[?1;2c',
		'\u001B[12;40R',
		'\u001B[I',
		'\u001BO5P',
		'\u001BOz',
		'\u001B\u001B[1;5P',
		'\u001B[200~',
	]) {
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
	const piece = fc.constantFrom(
		'\u001B',
		'[',
		'O',
		'1',
		';',
		'5',
		'~',
		'A',
		'P',
		'm',
		'M',
		'<',
		']',
		'\u0007',
		'ก',
		'x',
		'\u001B[A',
		'\u001B[1;5P',
		'\u001B]0;t\u0007',
		'\u001B[<65;12;3M',
		'\u001B[M !!',
	);
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

const mice = (...chunks: string[]) => {
	const events: MouseEvent[] = [];
	const f = new KeyFilter((e) => events.push(e));
	const keys = chunks.map((c) => f.push(c)).join('') + f.flush();
	return {keys, events: events.map((e) => `${e.kind} ${e.button} ${e.x},${e.y}${e.ctrl ? ' ctrl' : ''}`)};
};

test('mouse reports (SGR and the old encoding) become events and never keys', () => {
	assert.deepEqual(mice('\u001B[<64;10;5M\u001B[<65;10;6Mj\u001B[<0;3;4M\u001B[<0;3;4m\u001B[<32;7;8M\u001B[<17;1;1M'), {
		keys: 'j',
		events: ['wheel up 10,5', 'wheel down 10,6', 'press 0 3,4', 'release 0 3,4', 'drag 0 7,8', 'press 1 1,1 ctrl'],
	});
	// The old encoding: button, column and row as characters 32 + n; 3 is a release.
	assert.deepEqual(mice('\u001B[M`*%\u001B[M#*%k'), {keys: 'k', events: ['wheel up 10,5', 'release 0 10,5']});
	// A column past 95 comes as a character beyond ASCII (or U+FFFD from a raw byte): still not a key.
	assert.deepEqual(mice('\u001B[M a\u00ff'), {keys: '', events: ['press 0 65,223']});
	assert.deepEqual(mice('\u001B[M \ufffd!'), {keys: '', events: ['press 0 65501,1']});
});

test('a mouse report cut across reads is held until it ends; a cut-off one is dropped, not typed', () => {
	assert.deepEqual(mice('\u001B[<6', '5;40;', '12Mq'), {keys: 'q', events: ['wheel down 40,12']});
	assert.deepEqual(mice('\u001B[M', 'a', '(', '!x'), {keys: 'x', events: ['wheel down 8,1']});
	assert.deepEqual(mice('\u001B[<65;40'), {keys: '', events: []});
	assert.deepEqual(mice('\u001B[M!'), {keys: '', events: []});
});

test('malformed or unused mouse reports do nothing at all', () => {
	for (const report of ['\u001B[<66;1;1M', '\u001B[<128;1;1M', '\u001B[<0;0;5M', '\u001B[<99999;1;1M', '\u001B[<0;1M', '\u001B[<;;M', '\u001B[<0;1;1;1M']) {
		assert.deepEqual(mice(report), {keys: '', events: []}, JSON.stringify(report));
	}
});
