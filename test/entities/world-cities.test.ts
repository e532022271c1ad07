// World cities in Thai (issue 7, item 4): GeoNames' cities with a Thai name and ICU's time zone names
// give cities, Thai and Latin; a city is a place after เมือง, นคร or กรุง, and alone unless its name
// is also a word or a person's; its two scripts link. Sentences written for the test; each case has
// its must-not twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {buildEntityIndex} from '../../source/entities/builder.js';
import {findMentions} from '../../source/entities/find-mentions.js';
import {gazetteer} from '../../source/entities/gazetteer.js';
import type {Article} from '../../source/corpus/types.js';
import {WORLD_CITIES} from '../../source/entities/world-cities-data.js';
import {NameSearch, matchesName} from '../../source/entities/name-search.js';
import {closeEntities} from '../../source/search/also-spelled.js';

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

describe('world cities from GeoNames', () => {
	it('knows capitals whose time zone is named after their country, in both scripts', () => {
		const g = gazetteer();
		for (const [thai, latin] of [
			['โตเกียว', 'Tokyo'],
			['ลอนดอน', 'London'],
			['ปักกิ่ง', 'Beijing'],
		] as const) {
			assert.equal(g.thai.get(thai)?.key, `city:${latin}`, thai);
			assert.equal(g.latin.get(latin)?.key, `city:${latin}`, latin);
		}
		// Twin: a country keeps its own key, apart from its capital.
		assert.notEqual(g.thai.get('ญี่ปุ่น')?.key, g.thai.get('โตเกียว')?.key);
	});

	it('takes a city standing alone as a place, and links it with its Latin name', () => {
		assert.deepEqual(places('คณะทำงานบินไปโตเกียวแล้วต่อไปลอนดอนในวันรุ่งขึ้น'), ['โตเกียว', 'ลอนดอน']);
		const index = buildEntityIndex(articles('คณะทำงานบินไปโตเกียวเมื่อวันจันทร์', 'ผู้ประสานงานใน Tokyo ตอบรับแล้ว', 'ผู้ประสานงานใน London ตอบรับแล้ว'));
		const tokyo = index.all().find((e) => e.aliases.includes('โตเกียว'));
		assert.ok(tokyo !== undefined);
		assert.equal(tokyo.kind, 'place');
		assert.ok(tokyo.aliases.includes('Tokyo'));
		// Twin: another city stays apart.
		assert.ok(!tokyo.aliases.includes('London'));
	});

	it('does not take a city name that is also everyday words or a person’s name without a city head', () => {
		// ดันดี (Dundee) is ดัน + ดี; ดาร์วิน is a given name in Thai news.
		assert.deepEqual(places('ทุกคนช่วยกันดันดีกว่าปล่อยไว้'), []);
		assert.deepEqual(places('ดาร์วินกล่าวว่าจะเดินทางพรุ่งนี้'), []);
		// Twin: after a city head they are cities.
		assert.deepEqual(places('คณะทำงานเดินทางถึงเมืองดันดีเมื่อวาน'), ['เมืองดันดี']);
		assert.deepEqual(places('คณะทำงานเดินทางถึงเมืองดาร์วินเมื่อวาน'), ['เมืองดาร์วิน']);
	});

	it('gives a Thai province the Latin name of its seat, so both scripts link', () => {
		const g = gazetteer();
		assert.equal(g.latin.get('Khon Kaen')?.key, 'ขอนแก่น');
		const index = buildEntityIndex(articles('ผู้ว่าราชการจังหวัดขอนแก่นเปิดงาน', 'งานแสดงสินค้าเปิดที่ Khon Kaen วันจันทร์'));
		const province = index.all().find((e) => e.aliases.includes('Khon Kaen'));
		assert.ok(province !== undefined);
		assert.ok(province.aliases.some((a) => a.includes('ขอนแก่น')));
	});

	it('ships well-formed rows: every name once, a Latin name for every city', () => {
		const seen = new Set<string>();
		for (const row of WORLD_CITIES.split('|')) {
			const [thai, latin, extra] = row.split('=');
			assert.equal(extra, undefined, row);
			assert.ok(thai !== undefined && latin !== undefined && latin !== '', row);
			for (const name of thai.split(',').map((n) => n.replace(/^~/, ''))) {
				assert.match(name, /^[\u0E01-\u0E4E-]{3,}$/u, row);
				assert.ok(!seen.has(name), `${name} twice`);
				seen.add(name);
			}
		}
	});

	it('reads a city after a position only where a word ends', () => {
		// ปราก (Prague) opens ปรากฏ ("appears").
		assert.deepEqual(places('ป้ายที่มีภาพของรัฐมนตรีปรากฏอยู่ทั่วเมือง'), []);
		// Twin: a country right after a position is still its complement.
		assert.deepEqual(places('รัฐมนตรีญี่ปุ่นกล่าวเปิดงาน'), ['ญี่ปุ่น']);
	});

	it('keeps a surname that is also a city’s name inside the person’s name', () => {
		const people = (text: string): string[] =>
			findMentions({text})
				.filter((m) => m.kind === 'person')
				.map((m) => m.text);
		// เดลี (Delhi) is a surname too, so it needs a city head to be a place.
		assert.deepEqual(people('นายโรเบิร์ต เดลี ผู้แทนบริษัท กล่าวว่า'), ['โรเบิร์ต เดลี']);
		// Twin: a place only a place (a province) still ends the name.
		assert.deepEqual(people('นายสมศักดิ์ ทองมา ภูเก็ต กล่าวว่า'), ['สมศักดิ์ ทองมา']);
	});

	it('finds a place written only in Thai by its Latin name, in search and in the panel’s filter', () => {
		const names = new NameSearch([
			{entity: 0, aliases: ['กรุงโตเกียว']},
			{entity: 1, aliases: ['Lifestyle Week Tokyo Expo']},
			{entity: 2, aliases: ['จังหวัดขอนแก่น']},
		]);
		assert.equal(names.find('tokyo', () => 0)[0], 0);
		assert.equal(names.find('khon kaen', () => 0)[0], 2);
		assert.ok(matchesName(['กรุงโตเกียว'], 'tokyo'));
		// Twin: another city's Latin name finds neither, and a Thai word that is no place has no Latin name.
		assert.ok(!names.find('london', () => 0).includes(0));
		assert.ok(!matchesName(['กรุงโตเกียว'], 'london'));
		assert.ok(!matchesName(['โตเกียวกล้วยหอม'], 'tokyo'));
	});

	it('search offers a place written only in Thai for its Latin name, before a body that merely contains it', () => {
		const place = {id: 'place:a', name: 'กรุงโตเกียว', kind: 'place', aliases: ['กรุงโตเกียว'], mentionCount: 2};
		const body = {id: 'org:b', name: 'Lifestyle Week Tokyo Expo', kind: 'organisation', aliases: ['Lifestyle Week Tokyo Expo'], mentionCount: 1};
		assert.deepEqual(
			closeEntities('tokyo', [body, place]).map((e) => e.id),
			['place:a', 'org:b'],
		);
		// Twin: another city's Latin name is not close to it, and a body spelled in Thai gets no Latin name.
		assert.deepEqual(closeEntities('london', [place]), []);
		assert.deepEqual(closeEntities('tokyo', [{...place, id: 'org:c', kind: 'organisation'}]), []);
	});
});
