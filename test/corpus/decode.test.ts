import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {decodeBytes, isPlainText, looksLikeTis620} from '../../source/corpus/decode.js';
import {encodeTis620, utf16be, utf16le} from './helpers.js';

const THAI = 'ประธานาธิบดีกล่าวว่า ความร่วมมือจะดำเนินต่อไป ๒๕๖๗';

function text(bytes: Uint8Array) {
	const d = decodeBytes(bytes);
	assert.equal(d.kind, 'text', JSON.stringify(d));
	return d as Extract<typeof d, {kind: 'text'}>;
}

test('UTF-8 without and with BOM: the BOM is removed, nothing else changes', () => {
	assert.equal(text(Buffer.from(THAI)).text, THAI);
	const withBom = text(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\r\n' + THAI + '\r')]));
	assert.equal(withBom.text, '\r\n' + THAI + '\r');
	assert.equal(withBom.encoding, 'utf-8-bom');
});

test('UTF-16 LE and BE with BOM', () => {
	assert.equal(text(utf16le(THAI)).text, THAI);
	const be = text(utf16be(THAI + ' 😀'));
	assert.equal(be.text, THAI + ' 😀');
	assert.equal(be.encoding, 'utf-16be');
	assert.equal(be.invalidBytes, false);
});

test('TIS-620 / Windows-874 is recognised when strict UTF-8 fails', () => {
	const d = text(encodeTis620(THAI + '\nบรรทัดที่สอง'));
	assert.equal(d.text, THAI + '\nบรรทัดที่สอง');
	assert.equal(d.encoding, 'windows-874');
	assert.equal(d.invalidBytes, false);
});

test('any Thai text survives a TIS-620 round trip', () => {
	const thaiChar = fc
		.integer({min: 0x0e01, max: 0x0e5b})
		.filter((cp) => cp <= 0x0e3a || cp >= 0x0e3f)
		.map((cp) => String.fromCodePoint(cp));
	// Real text: every piece starts with a consonant, so marks follow Thai letters.
	const syllable = fc
		.tuple(
			fc.integer({min: 0x0e01, max: 0x0e2e}).map((cp) => String.fromCodePoint(cp)),
			fc.array(thaiChar, {maxLength: 3}),
		)
		.map(([c, rest]) => c + rest.join(''));
	// Starting with ก (0xA1, a lone UTF-8 continuation byte) makes sure strict UTF-8 fails.
	const line = fc.array(fc.oneof(syllable, fc.constantFrom(' ', 'A', '1', '.', '\n')), {minLength: 1, maxLength: 60}).map((a) => 'ก' + a.join(''));
	fc.assert(
		fc.property(line, (s) => {
			const d = decodeBytes(encodeTis620(s));
			assert.equal(d.kind, 'text');
			if (d.kind === 'text') assert.equal(d.text, s);
		}),
	);
});

test('Latin-1 text is not taken for Thai: UTF-8 with replacement and a flag', () => {
	const latin1 = Buffer.from('Café crème, déjà vu à Paris', 'latin1');
	assert.equal(looksLikeTis620(latin1), false);
	const d = text(latin1);
	assert.equal(d.invalidBytes, true);
	assert.match(d.text, /Caf\uFFFD cr\uFFFDme/);
});

test('invalid UTF-8 inside UTF-8 Thai: U+FFFD, flagged, the rest intact', () => {
	const bytes = Buffer.concat([Buffer.from('ก่อน '), Buffer.from([0xe0, 0xb8]), Buffer.from(' หลัง')]);
	const d = text(bytes);
	assert.equal(d.invalidBytes, true);
	assert.ok(d.text.startsWith('ก่อน ') && d.text.endsWith(' หลัง'));
	assert.ok(d.text.includes('\uFFFD'));
});

test('binary (NUL bytes), empty and whitespace-only files are skipped with a reason', () => {
	assert.deepEqual(decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), {kind: 'binary', reason: 'binary file (NUL bytes)'});
	assert.deepEqual(decodeBytes(Buffer.alloc(0)), {kind: 'empty', reason: 'empty file'});
	assert.deepEqual(decodeBytes(Buffer.from(' \n\t\r\n\u00a0\u200b ')), {kind: 'empty', reason: 'only whitespace'});
	assert.deepEqual(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf])), {kind: 'empty', reason: 'empty file'});
	assert.equal(decodeBytes(utf16le(' \n ')).kind, 'empty');
});

test('NUL bytes are fine in UTF-16 (where every ASCII character has one)', () => {
	assert.equal(text(utf16le('abc')).text, 'abc');
});

test('escape sequences and bidi controls in content are kept raw in the text', () => {
	const raw = 'title \u001b]52;c;aGk=\u0007 \u202Eevil\u202C \u001b[31mred\u001b[0m';
	assert.equal(text(Buffer.from(raw)).text, raw);
});

test('sniffing files of unknown extension: clean text yes, control-heavy or undecodable no', () => {
	assert.equal(isPlainText(decodeBytes(Buffer.from('just some notes\nwith \u001b[1mbold\u001b[0m'))), true);
	assert.equal(isPlainText(decodeBytes(Buffer.from(Array.from({length: 200}, (_, i) => (i % 7) + 1)))), false);
	// 0xDB is not assigned in Windows-874, and 0xC3 0x28 is not UTF-8: undecodable.
	assert.equal(isPlainText(decodeBytes(Buffer.from([0xc3, 0x28, 0xdb, 0xa1, 0x41]))), false);
});

test('a very short Windows-874 line (quotes and a dash, few or no Thai letters) is Windows-874, not broken UTF-8', () => {
	const quotesAndDash = Buffer.concat([Buffer.from([0x93]), Buffer.from('Hello'), Buffer.from([0x94, 0x20, 0x96, 0x20]), Buffer.from('ok')]);
	const plain = text(quotesAndDash);
	assert.equal(plain.invalidBytes, false);
	assert.equal(plain.text, '\u201cHello\u201d \u2013 ok');
	const thai = text(Buffer.concat([Buffer.from([0x93]), encodeTis620('ข่าว'), Buffer.from([0x94, 0x20, 0x97, 0x20, 0x85])]));
	assert.equal(thai.encoding, 'windows-874');
	assert.equal(thai.text, '\u201cข่าว\u201d \u2014 \u2026');
});
