// An office every province has (issue 7): written bare, it is a kind of office, not one body; a
// national body with provincial offices, written bare more often than its offices are, keeps its entry.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {buildEntityIndex} from '../../source/entities/builder.js';
import type {Article} from '../../source/corpus/types.js';

const article = (id: string, text: string): Article => ({id, path: `${id}.txt`, format: 'txt', title: '', text, blocks: []});

function verdict(texts: readonly string[], name: string): string | undefined {
	const index = buildEntityIndex(
		texts.map((t, i) => article(`a${i}`, t)),
		{everyEntity: true},
	);
	const entity = index.all().find((e) => e.name === name);
	assert.ok(entity !== undefined, `${name} is found`);
	return entity.unlisted;
}

const provincial = ['เจ้าหน้าที่สำนักงานพาณิชย์จังหวัดเชียงราย ลงพื้นที่ตรวจราคาสินค้า', 'ทั้งนี้ สำนักงานพาณิชย์อำเภอแม่สาย จะติดตามผลต่อไป'];
const bare = 'ผู้ว่าราชการจังหวัดสั่งการให้สำนักงานพาณิชย์ ตรวจสอบราคาสินค้า';

describe('an office every province has', () => {
	test('written bare once and with two places after it: a kind of office, not listed', () => {
		assert.equal(verdict([...provincial, bare], 'สำนักงานพาณิชย์'), 'office-of-every-place');
	});

	test('must keep: written bare more often than with its places (a national body)', () => {
		const why = verdict([...provincial, bare, bare, bare], 'สำนักงานพาณิชย์');
		assert.notEqual(why, 'office-of-every-place');
	});

	test('must keep: one place after it is not a kind', () => {
		const why = verdict([provincial[0]!, bare], 'สำนักงานพาณิชย์');
		assert.notEqual(why, 'office-of-every-place');
	});

	test('the provincial offices themselves stay', () => {
		assert.equal(verdict([...provincial, bare], 'สำนักงานพาณิชย์จังหวัดเชียงราย'), undefined);
	});
});
