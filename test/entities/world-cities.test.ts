// World cities in Thai (issue 7, item 4): ICU's time zone names give cities of countries with several
// zones, Thai and Latin; a city is a place after เมือง, นคร or กรุง, and its two scripts link.
// Sentences written for the test; each case has its must-not twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {buildEntityIndex} from '../../source/entities/builder.js';
import {findMentions} from '../../source/entities/find-mentions.js';
import {gazetteer} from '../../source/entities/gazetteer.js';
import type {Article} from '../../source/corpus/types.js';

const articles = (...texts: string[]): Article[] => texts.map((text, i) => ({id: `a${i}`, path: 'p', format: 'txt', title: '', text, blocks: []}));
const places = (text: string): string[] =>
	findMentions({text})
		.filter((m) => m.kind === 'place')
		.map((m) => m.text);

describe('world cities from ICU time zone names', () => {
	it('pairs a Thai and a Latin name under one key', () => {
		const g = gazetteer();
		assert.equal(g.thai.get('ชิคาโก')?.key, 'city:Chicago');
		assert.equal(g.latin.get('Chicago')?.key, 'city:Chicago');
		assert.equal(g.thai.get('ซิดนีย์')?.key, g.latin.get('Sydney')?.key);
		// Twin: two cities, two keys.
		assert.notEqual(g.thai.get('ชิคาโก')?.key, g.thai.get('โทรอนโต')?.key);
	});

	it('is a place after a city head, not alone (many are people’s names too)', () => {
		assert.deepEqual(places('การประชุมจัดที่นครชิคาโก เมื่อวาน'), ['นครชิคาโก']);
		assert.deepEqual(places('คณะเดินทางถึงกรุงมอสโก เมื่อวาน'), ['กรุงมอสโก']);
		// Twin: the bare Thai name after a title is a person's.
		assert.deepEqual(
			findMentions({text: 'นายชิคาโก ทองดี กล่าว'}).map((m) => [m.kind, m.text]),
			[['person', 'ชิคาโก ทองดี']],
		);
	});

	it('links a city across scripts, and not with another city', () => {
		const index = buildEntityIndex(articles('การประชุมจัดที่นครชิคาโก เมื่อวาน', 'ผู้แทนจาก Chicago กล่าว', 'ผู้แทนจาก Toronto กล่าว'));
		const chicago = index.all().find((e) => e.aliases.includes('นครชิคาโก'));
		assert.ok(chicago !== undefined);
		assert.ok(chicago.aliases.includes('Chicago'));
		assert.ok(!chicago.aliases.includes('Toronto'));
	});
});
