import {test} from 'node:test';
import assert from 'node:assert/strict';
import {latinToThai, swapLayout, thaiToLatin} from '../../source/text/keyboard.js';

test('Latin typed on US QWERTY meaning Thai converts to Kedmanee', () => {
	assert.equal(latinToThai('l;ylfu'), 'สวัสดี');
	assert.equal(latinToThai('8k:y8l5ko'), 'คาซัคสถาน');
	assert.equal(latinToThai('wfh'), 'ได้');
});

test('Thai typed on Kedmanee meaning Latin converts to US QWERTY', () => {
	assert.equal(thaiToLatin('แนอรก'), 'covid');
	assert.equal(thaiToLatin('ฟหำฟื'), 'asean');
	// SARA AM typed as its two halves is the same key.
	assert.equal(thaiToLatin('ฟห\u0e4d\u0e32ฟื'), 'asean');
});

test('every letter key round-trips', () => {
	const keys = 'abcdefghijklmnopqrstuvwxyz;,./[]';
	assert.equal(thaiToLatin(latinToThai(keys)), keys);
	assert.equal(thaiToLatin(latinToThai(keys.toUpperCase())), keys.toUpperCase());
});

test('swapLayout picks the direction from the script, and leaves mixed or unchanged text alone', () => {
	assert.equal(swapLayout('l;ylfu'), 'สวัสดี');
	assert.equal(swapLayout('แนอรก'), 'covid');
	assert.equal(swapLayout('covid ระบาด'), undefined);
	assert.equal(swapLayout('2567'), undefined);
	assert.equal(swapLayout('   '), undefined);
});
