import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {latinPhoneticKeys, phoneticKeys, thaiFineKey, thaiPhoneticKey} from '../../source/text/phonetic.js';

const shareKey = (a: string, b: string): boolean => phoneticKeys(a).some((k) => phoneticKeys(b).includes(k));

describe('phonetic keys', () => {
	it('put the Thai and Latin spellings of the seed names together', () => {
		const groups = [
			['สี จิ้นผิง', 'Xi Jinping'],
			['Kassym-Jomart Tokayev', 'คาสซิม-โจมาร์ต โตกาเยฟ', 'ฆาเซิม-โฌมาร์ต โตกาเยฟ', 'คาสซิม-โจมาร์ต โตคาเยฟ'],
			['โตกาเยฟ', 'โทคาเยฟ', 'โตคาเยฟ', 'Tokayev'],
			['บุ่ย แถ่ง เซิน', 'บุย แทงห์ เซิน', 'Bui Thanh Son'],
			['โต ลัม', 'โต แลม', 'To Lam'],
			['เหงียน ฟู จ่อง', 'เหงียน ฟู้ จ่อง', 'Nguyen Phu Trong'],
			['Vladimir Putin', 'วลาดิเมียร์ ปูติน'],
		];
		for (const group of groups) {
			for (const other of group.slice(1)) assert.ok(shareKey(group[0]!, other), `${group[0]} ~ ${other}`);
		}
	});

	it('work for other foreign names too', () => {
		assert.ok(shareKey('Pedro Sánchez', 'เปโดร ซานเชซ'));
		assert.ok(shareKey('Pedro Sánchez', 'เปโดร ซานเชส'));
		assert.ok(shareKey('Aleksandr Lukashenko', 'อเล็กซานเดอร์ ลูกาเชนโก'));
		assert.ok(shareKey('Boao Forum for Asia', 'โป๋อ่าว ฟอรั่ม ฟอร์ เอเชีย'));
	});

	it('keep different names apart', () => {
		assert.ok(!shareKey('Vladimir Putin', 'Pedro Sánchez'));
		assert.ok(!shareKey('สี จิ้นผิง', 'โต ลัม'));
		assert.ok(!shareKey('Kassym-Jomart Tokayev', 'Aleksandr Lukashenko'));
	});

	it('drop tone marks, silent letters and the ห that only marks a tone', () => {
		assert.equal(thaiPhoneticKey('บุ่ย'), thaiPhoneticKey('บุย'));
		assert.equal(thaiPhoneticKey('แถ่ง'), thaiPhoneticKey('แทงห์'));
		assert.equal(thaiPhoneticKey('มาร์ต'), 'MT');
		assert.equal(thaiPhoneticKey('เหงียน'), 'GN');
		assert.equal(thaiPhoneticKey('จันทร์'), 'SN');
	});

	it('give a Latin spelling every reading of its ambiguous letters', () => {
		const keys = latinPhoneticKeys('Nguyen Phu Trong');
		assert.ok(keys.includes('GNFSG'), keys.join());
		assert.ok(keys.includes('GNFTLG'), keys.join());
		assert.ok(keys.length <= 16);
	});

	it('the finer key keeps vowels: variants match, different words do not', () => {
		assert.equal(thaiFineKey('โตกาเยฟ'), thaiFineKey('โทคาเยฟ'));
		assert.equal(thaiFineKey('ฟู'), thaiFineKey('ฟู้'));
		assert.equal(thaiPhoneticKey('ปูติน'), thaiPhoneticKey('พัฒนา'));
		assert.notEqual(thaiFineKey('ปูติน'), thaiFineKey('พัฒนา'));
		assert.notEqual(thaiFineKey('ลัม'), thaiFineKey('แลม'));
	});

	it('a Thai key is made of class letters only and ignores tone marks anywhere', () => {
		const thai = fc.string({unit: fc.constantFrom(...'กขคงจชซญดตทนบปพฟมยรลวสหอฮะัาำิีึืุู็เแโใไ่้๊๋์ -'.split('')), maxLength: 20});
		fc.assert(
			fc.property(thai, (s) => {
				const key = thaiPhoneticKey(s);
				assert.match(key, /^[KTPFSMNGLH]*$/);
				assert.equal(thaiPhoneticKey(s.replace(/[่้๊๋]/g, '')), key);
			}),
			{numRuns: 1000},
		);
	});
});
