// Bodies and people that are no names (issue 7, stop 31: junk32): a body run on through และ into a
// group of people, a day's name, a prince's rank after a royal name, a kind over a grouping's members,
// two countries' ministries, kinds of centre, an office of every place run on without its place, a
// person's surname that is the sentence going on, a character in a show's title, an award after a
// weak post, trades in a list.
// Names and sentences written for the test; each rule with its must-keep twins, and every positive
// case below fails with its rule switched off.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import type {EntityKind} from '../../source/entities/types.js';
import {indexOfTexts, namedIn, namedWhenTagged} from './helpers.js';

const found = (rule: string, n = 1, articles = 1, title?: string): MentionEvidence[] =>
	Array.from({length: n}, (_, i) => ({rule, article: i % articles, ...(title === undefined ? {} : {title})}));
const reason = (name: string, kind: EntityKind, mentions: MentionEvidence[]): string | undefined => unlistedReason({name, kind, mentions});

describe('a body run on through และ into a group of people', () => {
	it('ends before และ when a people word follows (twins: a field after และ, a body named by its members)', () => {
		assert.deepEqual(namedIn('ในนามของกระทรวงป่าไม้และประชาชนชาวไทย ขอขอบคุณทุกท่าน', 'organization'), ['กระทรวงป่าไม้']);
		// (The network after และ is a mention of its own.)
		assert.deepEqual(namedIn('โดยสำนักงานส่งเสริมงานช่างและเครือข่ายช่างฝีมือ ได้จัดอบรม', 'organization')[0], 'สำนักงานส่งเสริมงานช่าง');
		// Twins: a field after และ is the body's own; a cooperative is named by its members.
		assert.deepEqual(namedIn('โดยกรมส่งเสริมงานช่างและสหกรณ์ ได้จัดอบรม', 'organization'), ['กรมส่งเสริมงานช่างและสหกรณ์']);
		assert.deepEqual(namedIn('โดยสหกรณ์ออมทรัพย์ครูและบุคลากร ได้จัดอบรม', 'organization'), ['สหกรณ์ออมทรัพย์ครูและบุคลากร']);
	});

	it('the tagger’s body holding the same is no name', () => {
		const text = 'ในนามของกระทรวงป่าไม้และประชาชนชาวไทย ขอขอบคุณทุกท่าน';
		assert.deepEqual(namedWhenTagged(text, 'organization', [['กระทรวงป่าไม้และประชาชนชาวไทย', 'organization']]), ['กระทรวงป่าไม้']);
		const twin = 'โดยกรมส่งเสริมงานช่างและสหกรณ์ ได้จัดอบรม';
		assert.deepEqual(namedWhenTagged(twin, 'organization', [['กรมส่งเสริมงานช่างและสหกรณ์', 'organization']]), ['กรมส่งเสริมงานช่างและสหกรณ์']);
	});
});

describe("a day's name", () => {
	it('วัน glued before a head and a name ending on แห่งชาติ, สากล or โลก names a day (twins: the body after สถาปนา, no such ending)', () => {
		assert.deepEqual(namedIn('ร่วมงานวันสหกรณ์ชาวนาแห่งชาติ ปีนี้', 'organization'), []);
		assert.deepEqual(namedWhenTagged('ร่วมงานวันสหกรณ์ชาวนาแห่งชาติ ปีนี้', 'organization', [['สหกรณ์ชาวนาแห่งชาติ', 'organization']]), []);
		assert.deepEqual(namedIn('ร่วมงานวันสถาปนาสหกรณ์ชาวนาแห่งชาติ ปีนี้', 'organization'), ['สหกรณ์ชาวนาแห่งชาติ']);
		assert.deepEqual(namedIn('ร่วมงานวันกรมป่าไม้ ปีนี้', 'organization'), ['กรมป่าไม้']);
	});
});

describe("a prince's rank after a royal name", () => {
	it('กรมพระ… after เจ้าฟ้า… and a space is a person’s style (twin: a department of that shape after no royal name)', () => {
		assert.deepEqual(namedIn('สมเด็จพระเจ้าบรมวงศ์เธอ เจ้าฟ้าสุริยวงศ์ กรมพระนครเขียวสวัสดิ์ ทรงเป็นผู้ก่อตั้ง', 'organization'), []);
		assert.deepEqual(namedIn('สมเด็จพระเจ้าบรมวงศ์เธอ เจ้าฟ้าสุริยวงศ์\nกรมพระนครเขียวสวัสดิ์ ทรงเป็นผู้ก่อตั้ง', 'organization'), []);
		assert.deepEqual(namedIn('จึงมอบให้กรมพระนครเขียวสวัสดิ์ ร่วมกับจังหวัด', 'organization'), ['กรมพระนครเขียวสวัสดิ์']);
	});
});

describe("a person's surname that is the sentence going on", () => {
	const text = 'นายสมปอง ทองงาม อธิบดีกรมป่าไม้ เปิดงาน โดยนายสมปอง ยินดีกับผลงาน และนายสมปอง ทองงามผู้อำนวยการ ได้มอบรางวัล';
	it('"G X" in an article naming "G S" ends after G, or after S glued to more, and is that person', () => {
		const people = namedIn(text, 'person');
		assert.ok(!people.includes('สมปอง ยินดีกับผลงาน') && !people.includes('สมปอง ยินดี'), people.join(', '));
		assert.ok(!people.includes('สมปอง ทองงามผู้อำนวยการ'), people.join(', '));
		const idx = indexOfTexts(text);
		const person = idx.all().filter((e) => e.kind === 'person');
		assert.deepEqual(
			person.map((e) => e.name),
			['สมปอง ทองงาม'],
		);
	});
	it('two people of one given name keep their surnames (twin)', () => {
		const two = 'นายสมปอง ทองงาม อธิบดีกรมป่าไม้ และนายสมปอง บุญประชม ผู้ว่าราชการจังหวัดน่าน ร่วมงาน';
		const people = namedIn(two, 'person');
		assert.ok(people.includes('สมปอง บุญประชม'), people.join(', '));
		assert.ok(people.includes('สมปอง ทองงาม'), people.join(', '));
	});
});

describe("a person inside a show's or an event's quoted title", () => {
	it('a title and a given name alone there is a character (twin: a full name, quotes after no such noun)', () => {
		assert.deepEqual(namedIn('ผู้ร่วมงานชมการแสดง “ออกศึก นางนกแก้ว” จนจบ', 'person'), []);
		assert.deepEqual(namedIn('ผู้ร่วมงานชมการแสดง “รำลึก นายสมปอง ทองงาม” จนจบ', 'person'), ['สมปอง ทองงาม']);
		assert.deepEqual(namedIn('ผู้ร่วมงานกล่าวว่า “ขอบคุณ นางนกแก้ว” จนจบ', 'person'), ['นกแก้ว']);
	});
	it('the tagger’s untitled person there is the title’s words (twin: a king’s style)', () => {
		const text = 'ประชาชนร่วมกิจกรรม “รุ่งอรุณ ฟ้าใสสว่าง ตักบาตรเช้า” หน้าวัด';
		assert.deepEqual(namedWhenTagged(text, 'person', [['รุ่งอรุณ ฟ้าใสสว่าง', 'person']]), []);
		const king = 'ประชาชนร่วมกิจกรรม “เฉลิมพระเกียรติพระบาทสมเด็จพระเจ้าอยู่หัว ปีนี้” หน้าวัด';
		assert.deepEqual(namedWhenTagged(king, 'person', [['พระบาทสมเด็จพระเจ้าอยู่หัว', 'person']]), ['พระบาทสมเด็จพระเจ้าอยู่หัว']);
	});
});

describe('persons the tagger read that are no people', () => {
	it('one word after a weak post alone (an award after ศิลปิน) is no name (twins: an honorific, a surname)', () => {
		assert.equal(reason('ศิลปวิชญา', 'person', found('model', 1, 1, 'ศิลปิน')), 'person-one-word');
		assert.equal(reason('ศิลปวิชญา', 'person', found('model', 1, 1, 'นาย')), undefined);
		assert.equal(reason('ศิลปวิชญา ทองงาม', 'person', found('model', 1, 1, 'ศิลปิน')), undefined);
	});
	it('three tokens or more opening with one word are kinds in a list (twin: a given name, a middle name, a surname)', () => {
		assert.equal(reason('ช่างไม้ ช่างปูน ช่าง', 'person', found('model')), 'person-list');
		assert.equal(reason('สมปอง วิชัย ทองงาม', 'person', found('model', 2, 2)), undefined);
	});
});

describe('kinds of body over a grouping or two countries', () => {
	it('a body every country has one of before a grouping is its members’ (twin: before a country)', () => {
		assert.equal(reason('ธนาคารกลางอาเซียน', 'organization', found('model', 2, 2)), 'generic');
		assert.equal(reason('ธนาคารกลางญี่ปุ่น', 'organization', found('model', 2, 2)), undefined);
	});
	it("a state's body ending on two countries is two bodies (twins: a society of two countries, a joint body)", () => {
		assert.equal(reason('กระทรวงประมงไทยและเวียดนาม', 'organization', found('org-head')), 'joined');
		assert.equal(reason('สมาคมมิตรภาพไทยและเวียดนาม', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('กรมร่วมไทยและเวียดนาม', 'organization', found('org-head', 2, 2)), undefined);
	});
});

describe('groups of people and bodies of an area', () => {
	it('คณะ and diplomats is a party of people (twin: a mission posted to a country)', () => {
		assert.equal(reason('คณะทูตานุทูต', 'organization', found('org-head', 2, 2)), 'group-of-people');
		assert.equal(reason('คณะทูตฯ', 'organization', found('org-head', 2, 2)), 'group-of-people');
		assert.equal(reason('คณะทูตถาวรประจำสหประชาชาติ', 'organization', found('org-head', 2, 2)), undefined);
	});
	it('a school or hospital head, พื้นที่ and a place is every one there (twin: a named school of the place)', () => {
		assert.equal(reason('โรงเรียนพื้นที่น่าน', 'organization', found('org-head')), 'generic');
		assert.equal(reason('โรงเรียนบ้านหนองบัวน่าน', 'organization', found('org-head', 2, 2)), undefined);
	});
});

describe('kinds of centre', () => {
	it('a centre for learning, training or care and everyday words is a kind (twins: a verbal noun, a place, another use)', () => {
		assert.equal(reason('ศูนย์เรียนรู้เกษตรอินทรีย์', 'organization', found('org-head')), 'generic');
		assert.equal(reason('ศูนย์บริบาลผู้สูงอายุชุมชน', 'organization', found('org-head')), 'generic');
		assert.equal(reason('ศูนย์พักคอย', 'organization', found('org-head', 2, 2)), 'generic');
		assert.equal(reason('ศูนย์เรียนรู้การพัฒนาสตรี', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('ศูนย์เรียนรู้เกษตรอินทรีย์จังหวัดน่าน', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('ศูนย์ฝึกพาณิชย์นาวี', 'organization', found('org-head', 2, 2)), undefined);
	});
});

describe('an office of every place run on without its place', () => {
	const offices = ['น่าน', 'แพร่', 'ตาก', 'ลำปาง'].map((p) => `ผู้อำนวยการสำนักงานป่าชุมชนจังหวัด${p} กล่าวว่า`);
	it('the office and its clause glued is no body (twin: the office and its region)', () => {
		const idx = indexOfTexts(...offices, 'เพื่อให้สำนักงานป่าชุมชนเตรียมการช่วยผลักดัน งานนี้', 'ทั้งนี้สำนักงานป่าชุมชนภาคที่ 4 ได้ร่วมงาน');
		const names = idx
			.all()
			.filter((e) => e.kind === 'organization')
			.map((e) => e.name);
		assert.ok(!names.some((n) => n.includes('เตรียม')), names.join(', '));
		assert.ok(names.includes('สำนักงานป่าชุมชนภาคที่ 4'), names.join(', '));
	});
});
