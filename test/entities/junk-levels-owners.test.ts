// Kinds of body by level or unit, bodies whose owner is not named, persons that are a country, a date
// or a thing, a zone's number alone, countries joined by a dash (issue 7, the junk28 round). Names and sentences written for the test, each rule
// with its must-keep twins; every positive case below fails without its rule.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import {buildEntityIndex} from '../../source/entities/builder.js';
import type {EntityKind} from '../../source/entities/types.js';
import {article} from './helpers.js';

const found = (rule: string, n = 1, articles = 1): MentionEvidence[] => Array.from({length: n}, (_, i) => ({rule, article: i % articles}));
const reason = (name: string, kind: EntityKind, mentions: MentionEvidence[]): string | undefined => unlistedReason({name, kind, mentions});

describe('a body of each unit of a level', () => {
	it('ระดับ or ประจำ and a bare unit, with ฯ or everyday words after it, is a kind (twins: the unit named, the national level)', () => {
		assert.equal(reason('ศูนย์ประสานงานระดับภูมิภาค', 'organization', found('org-head', 2, 2)), 'generic');
		assert.equal(reason('คณะทำงานแก้ไขปัญหาภัยแล้งระดับตำบลฯ', 'organization', found('org-head')), 'generic');
		assert.equal(reason('คณะอนุกรรมการส่งเสริมอาชีพประจำเขตเลือกตั้ง', 'organization', found('org-head')), 'generic');
		// Twins: the unit's name after it; the national level; ประจำ inside a longer word.
		assert.equal(reason('ศูนย์ประสานงานประจำจังหวัดน่าน', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('สำนักงานส่งเสริมการค้าประจำประเทศญี่ปุ่น', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('ศูนย์ประสานงานระดับชาติ', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('คณะอนุกรรมการส่งเสริมอาชีพประจำเขตบางรัก', 'organization', found('org-head', 2, 2)), undefined);
	});
});

describe('a short form ending on a unit’s letter', () => {
	it('a body’s letters and จ. or อ. are every province’s or district’s body (twins: two letters alone, other last letters)', () => {
		assert.equal(reason('ศพส.อ.', 'organization', found('abbreviation', 2, 2)), 'generic');
		assert.equal(reason('ก.พ.ส.จ.', 'organization', found('abbreviation')), 'generic');
		assert.equal(reason('คกก. จ.', 'organization', found('abbreviation')), 'generic');
		// Twins: two single letters (a national commission's), a short form ending on another letter.
		assert.equal(reason('ก.อ.', 'organization', found('abbreviation', 2, 2)), undefined);
		assert.equal(reason('ศพส.ต.', 'organization', found('abbreviation', 2, 2)), undefined);
		assert.equal(reason('รร.อ.', 'organization', found('abbreviation', 2, 2)), undefined);
		assert.equal(reason('ป.ส.ท.', 'organization', found('abbreviation', 2, 2)), undefined);
	});
});

describe('a body whose owner or place is not named', () => {
	it('a permanent secretary’s office with no ministry, a police station with no place is a kind (twins: the ministry, the place named)', () => {
		assert.equal(reason('สำนักปลัดกระทรวงฯ', 'organization', found('org-head', 2, 2)), 'generic');
		assert.equal(reason('สำนักงานปลัดกระทรวง', 'organization', found('org-head')), 'generic');
		assert.equal(reason('สถานีตำรวจภูธร', 'organization', found('org-head', 2, 2)), 'generic');
		assert.equal(reason('สำนักงานปลัดกระทรวงพาณิชย์', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('สถานีตำรวจภูธรเมืองลำปาง', 'organization', found('org-head', 2, 2)), undefined);
	});
});

describe('a person that is a country, a date or a thing', () => {
	it('a country’s name alone is no person, found after a title too (twins: a given name that is no country, a Latin name)', () => {
		assert.equal(reason('ลาว', 'person', [{rule: 'title', title: 'นางสาว', article: 0}]), 'country');
		// Through the builder, whose titled persons skip most checks: the runner-up of a pageant (รองนางสาว|ไทย);
		// the person named after a title in the same text stays.
		const all = buildEntityIndex([article('a', 'รองนางสาวไทย อันดับ 2 ร่วมเดินแบบผ้าไหม และนางสาวสมศรี ใจงาม')], {everyEntity: true}).all();
		assert.deepEqual(
			all.filter((e) => e.kind === 'person').map((e) => [e.name, e.unlisted]),
			[
				['ไทย', 'country'],
				['สมศรี ใจงาม', undefined],
			],
		);
		assert.equal(reason('สยาม', 'person', [{rule: 'title', title: 'นาย', article: 0}]), undefined);
		assert.equal(reason('Jordan', 'person', [{rule: 'title-latin', title: 'Mr.', article: 0}]), undefined);
	});
	it('the tagger’s person with a digit, or a later token that is a thing’s noun, is no name (twins: neither)', () => {
		assert.equal(reason('สมพร ๒๕๖๖', 'person', found('model')), 'mark');
		assert.equal(reason('แสงทอง ฮอลล์', 'person', found('model', 2, 2)), 'thing');
		assert.equal(reason('สมพร แสงทอง', 'person', found('model', 2, 2)), undefined);
		// A title before it: a rule found the person, the tagger's checks do not apply.
		assert.equal(reason('แสงทอง ฮอลล์', 'person', [{rule: 'title', title: 'นาย', article: 0}]), undefined);
	});
});

describe('a zone’s number alone, countries joined by a dash', () => {
	it('the tagger’s bare zone or region and a number is a piece of a body’s name (twins: a rule’s zone, a named district)', () => {
		assert.equal(reason('เขต 12', 'place', found('model', 2, 2)), 'piece');
		assert.equal(reason('ภาคที่ 4', 'place', found('model')), 'piece');
		assert.equal(reason('เขต 12', 'place', found('place-head', 2, 2)), undefined);
		assert.equal(reason('เขตบางนา', 'place', found('model', 2, 2)), undefined);
	});
	it('two countries or groupings joined by a dash, with no head, are no body (twins: a head before them, a body’s name with a dash)', () => {
		assert.equal(reason('ญี่ปุ่น-อาเซียน', 'organization', found('model', 2, 2)), 'joined');
		assert.equal(reason('ไทย - เวียดนาม', 'organization', found('model', 2, 2)), 'joined');
		assert.equal(reason('มูลนิธิไทย-ญี่ปุ่น', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('สมาคมไทย-จีนพัฒนา', 'organization', found('org-head', 2, 2)), undefined);
	});
});
