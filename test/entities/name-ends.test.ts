// Names end where the name ends (issue 7, junk21): cut before their own number or a royal's name,
// inside a royal style or a word, or run on into the clause. Sentences written for the test; each
// case has a must-keep twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {namedIn as named, namedWhenTagged} from './helpers.js';

describe("a numbered unit's number", () => {
	it('is read after ที่ the segmenter glued to a misspelt word', () => {
		// ทหาราบ for ทหารราบ: the segmenter reads …ทหา|รา|บที่, so ที่ is no word of its own.
		assert.deepEqual(named('ผู้บังคับการกรมทหาราบที่ 4 ได้ตรวจเยี่ยม', 'organization'), ['กรมทหาราบที่ 4']);
		// Twin: a count after it is no ordinal (…ที่ 3 แห่ง).
		assert.deepEqual(named('ผู้บังคับการกรมทหาราบที่ 3 แห่ง ได้ตรวจเยี่ยม', 'organization'), ['กรมทหาราบที่']);
	});

	it("is read after พื้นที่ as after เขต: each area's office is its own", () => {
		assert.deepEqual(named('ขณะที่สำนักงานประกันสังคมจังหวัดนนทบุรีพื้นที่ 2 ได้ลงตรวจ', 'organization'), ['สำนักงานประกันสังคมจังหวัดนนทบุรีพื้นที่ 2']);
		// Twins: a range of areas names every office of them, a count counts.
		assert.deepEqual(named('ขณะที่สำนักงานประกันสังคมจังหวัดนนทบุรีพื้นที่ 1-4 ได้ลงตรวจ', 'organization'), ['สำนักงานประกันสังคมจังหวัดนนทบุรีพื้นที่']);
		assert.deepEqual(named('ขณะที่สำนักงานประกันสังคมจังหวัดนนทบุรีพื้นที่ 12 พื้นที่ ได้ลงตรวจ', 'organization'), ['สำนักงานประกันสังคมจังหวัดนนทบุรีพื้นที่']);
	});
});

describe('a body named after a prince or a princess', () => {
	it("reads the royal's name after the rank, which names no one alone", () => {
		assert.deepEqual(namedWhenTagged('ร่วมกับ มูลนิธิสมเด็จพระเจ้าบรมวงศ์เธอ กรมหลวงสมมติวงศ์ และโรงเรียนในพื้นที่', 'organization'), ['มูลนิธิสมเด็จพระเจ้าบรมวงศ์เธอ กรมหลวงสมมติวงศ์']);
		// Twin: a body whose name ends on no rank stops at the space.
		assert.deepEqual(namedWhenTagged('ร่วมกับ มูลนิธิสายใจไทย กรมหลวงสมมติวงศ์ และโรงเรียนในพื้นที่', 'organization')[0], 'มูลนิธิสายใจไทย');
	});

	it("keeps a king's style glued inside the name, not cut at its honorific", () => {
		assert.deepEqual(namedWhenTagged('โครงการนี้ สำนักงานราชทรัพย์พระมหากษัตริย์ จัดขึ้นทุกปี', 'organization'), ['สำนักงานราชทรัพย์พระมหากษัตริย์']);
		// Twin: an honorific glued after no royal piece opens the person the name runs into.
		// (The body cut there has no clear end and the tagger is silent: it is dropped.)
		assert.deepEqual(namedWhenTagged('โครงการนี้ สำนักงานราชทรัพย์นายสมชาย ใจดี จัดขึ้นทุกปี', 'organization'), []);
	});
});

describe('a body run on into its clause', () => {
	it('ends before a word of names that acts as a verb when a verb closes its run', () => {
		// บังคับ is in names (กรมบังคับคดี); บังคับ|ใช้ ("enforce") is the clause's, after the name the article writes alone.
		assert.deepEqual(named('กรมทางหลวงชนบท ออกประกาศ ตามระเบียบที่กรมทางหลวงชนบทบังคับใช้ (วันที่ 3 มีนาคม)', 'organization'), ['กรมทางหลวงชนบท', 'กรมทางหลวงชนบท']);
		// Twin: a name of the same words and a noun (บังคับ|คดี) stays whole.
		assert.deepEqual(named('กรมทางหลวงชนบท ออกประกาศ ตามระเบียบที่กรมทางหลวงชนบทบังคับคดี (วันที่ 3 มีนาคม)', 'organization'), ['กรมทางหลวงชนบท', 'กรมทางหลวงชนบทบังคับคดี']);
	});
});

describe("a body's name closed by its status in brackets", () => {
	it('reads its everyday nouns to the place that closes the run', () => {
		assert.equal(namedWhenTagged('จัดโดย สำนักงานส่งเสริมศิลปหัตถกรรมไทย (องค์การมหาชน) ร่วมกับเอกชน', 'organization')[0], 'สำนักงานส่งเสริมศิลปหัตถกรรมไทย');
		// Twin: a clause may follow the run (no bracket), where the nouns may be what the body acts on:
		// no name is read to the place (and the cut one, unsupported, is dropped). (Not ศิลป|หัตถกรรม here:
		// that is one word the segmenter cuts, learned, and a name is read through it: word-ends.test.ts.)
		assert.equal(namedWhenTagged('จัดโดย สำนักงานส่งเสริมผ้าไหมไทย (องค์การมหาชน) ร่วมกับเอกชน', 'organization')[0], 'สำนักงานส่งเสริมผ้าไหมไทย');
		assert.deepEqual(namedWhenTagged('จัดโดย สำนักงานส่งเสริมผ้าไหมไทย ร่วมกับเอกชน', 'organization'), []);
	});
});

describe("the tagger's person after a royal's act or work", () => {
	it('starts at the royal style, not at the word glued before it', () => {
		const text = 'โครงการตามพระดำริสมเด็จพระเจ้าลูกเธอ เจ้าฟ้าสมมติรัตน์ ในพื้นที่';
		assert.deepEqual(namedWhenTagged(text, 'person', [['พระดำริสมเด็จพระเจ้าลูกเธอ เจ้าฟ้าสมมติรัตน์', 'person']]), ['สมเด็จพระเจ้าลูกเธอ เจ้าฟ้าสมมติรัตน์']);
		// Twin: a span that opens with the style keeps its start.
		const twin = 'โครงการตาม สมเด็จพระเจ้าลูกเธอ เจ้าฟ้าสมมติรัตน์ ในพื้นที่';
		assert.deepEqual(namedWhenTagged(twin, 'person', [['สมเด็จพระเจ้าลูกเธอ เจ้าฟ้าสมมติรัตน์', 'person']]), ['สมเด็จพระเจ้าลูกเธอ เจ้าฟ้าสมมติรัตน์']);
	});
});

describe("the tagger's person ending on a joining word", () => {
	it('ends before it: แห่ง joins the name to the place after it', () => {
		const text = 'เมื่อวันนี้ จักรพรรดิโยชิโมโตะ แห่งราชอาณาจักรสมมติ เสด็จเยือน';
		assert.deepEqual(namedWhenTagged(text, 'person', [['จักรพรรดิโยชิโมโตะ แห่ง', 'person']]), ['จักรพรรดิโยชิโมโตะ']);
		// Twin: a last token that is no joining word stays.
		const twin = 'เมื่อวันนี้ จักรพรรดิโยชิโมโตะ ทาคาฮาชิ เสด็จเยือน';
		assert.deepEqual(namedWhenTagged(twin, 'person', [['จักรพรรดิโยชิโมโตะ ทาคาฮาชิ', 'person']]), ['จักรพรรดิโยชิโมโตะ ทาคาฮาชิ']);
	});
});

describe('a name written short with ฯ', () => {
	it("keeps the stop word glued to the mark at its run's end: the rest of the name is elided", () => {
		// รอย|ต่อ: ต่อ alone is "to, per", a stop word; before ฯ it is the name's.
		assert.deepEqual(namedWhenTagged('ประชุมที่ มูลนิธิฟื้นฟูลุ่มน้ำรอยต่อฯ โดยที่ประชุมรับทราบ', 'organization'), ['มูลนิธิฟื้นฟูลุ่มน้ำรอยต่อฯ']);
		// Twin: without the mark the stop word still ends the run's name (cut, no clear end: dropped).
		assert.deepEqual(namedWhenTagged('ประชุมที่ มูลนิธิฟื้นฟูลุ่มน้ำรอยต่อ โดยที่ประชุมรับทราบ', 'organization'), []);
	});
});

describe('a head written twice, glued', () => {
	it('opens the name at the second, for the rules and the tagger', () => {
		assert.deepEqual(namedWhenTagged('ทั้งนี้ มูลนิธิมูลนิธิรักษ์ช้างป่า กล่าวว่า', 'organization'), ['มูลนิธิรักษ์ช้างป่า']);
		const text = 'ขณะที่ สำนักงานสำนักงานพัฒนาชุมชนเมือง (พื้นที่ 3) ได้ประชุม';
		assert.deepEqual(namedWhenTagged(text, 'organization', [['สำนักงานสำนักงานพัฒนาชุมชนเมือง', 'organization']]), ['สำนักงานพัฒนาชุมชนเมือง']);
		// Twin: a head written once opens the name where it stands.
		assert.deepEqual(namedWhenTagged('ทั้งนี้ มูลนิธิรักษ์ช้างป่า กล่าวว่า', 'organization'), ['มูลนิธิรักษ์ช้างป่า']);
	});
});

describe('"within" and a time after a body’s name (junk28)', () => {
	it('ภายใน before a space and a span of time, counted or not, ends the name before it', () => {
		assert.deepEqual(namedWhenTagged('ให้ส่งเอกสารถึงกรมสรรพสามิตภายใน 15 วัน นับจากนี้', 'organization'), ['กรมสรรพสามิต']);
		assert.deepEqual(namedWhenTagged('ต้องแจ้งสำนักงานประกันสังคมภายใน เดือนหน้า ด้วย', 'organization'), ['สำนักงานประกันสังคม']);
		// Twins: a body named with ภายใน ("domestic", "internal") before a word, before a count of people.
		assert.deepEqual(namedWhenTagged('ให้ส่งเอกสารถึงกรมการค้าภายใน เพื่อพิจารณา', 'organization'), ['กรมการค้าภายใน']);
		assert.deepEqual(namedWhenTagged('โดยสำนักตรวจสอบภายใน 2 คน ร่วมตรวจ', 'organization'), ['สำนักตรวจสอบภายใน']);
	});
});
