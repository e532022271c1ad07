// Bodies whose extent runs past the name (issue 7, junk26): on through และ into a post, into a purpose
// clause after เพื่อ. Sentences written for the test; each case has a must-keep twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import type {EntityKind} from '../../source/entities/types.js';
import {namedIn as named, namedWhenTagged} from './helpers.js';

const found = (rule: string, n = 1): MentionEvidence[] => Array.from({length: n}, (_, i) => ({rule, article: i}));
const reason = (name: string, kind: EntityKind, mentions: MentionEvidence[]): string | undefined => unlistedReason({name, kind, mentions});

describe('a body run on through และ into a post or a title', () => {
	it('ends before และ when a post the segmenter cuts in two follows', () => {
		assert.deepEqual(named('ที่ประชุมได้เชิญรัฐมนตรีว่าการกระทรวงพลังงานและนายกรัฐมนตรี มาร่วมหารือ', 'organization'), ['กระทรวงพลังงาน']);
		assert.deepEqual(named('ในงานนี้ ผู้แทนมูลนิธิรักษ์ป่าและนายกสมาคมผู้ปลูกกาแฟ ได้กล่าวต้อนรับ', 'organization'), ['มูลนิธิรักษ์ป่า']);
		// Twin: และ and a noun goes on inside the name.
		assert.deepEqual(named('ที่ประชุมได้เชิญรัฐมนตรีว่าการกระทรวงพลังงานและสิ่งแวดล้อม มาร่วมหารือ', 'organization'), ['กระทรวงพลังงานและสิ่งแวดล้อม']);
	});

	it("reads the second post's own body, as after the first", () => {
		assert.deepEqual(named('โดยมีอธิบดีกรมการข้าวและปลัดกระทรวงพลังงาน เป็นกรรมการ', 'organization'), ['กรมการข้าว', 'กระทรวงพลังงาน']);
		// Twin: a second post with no body after it makes none.
		assert.deepEqual(named('โดยมีอธิบดีกรมการข้าวและปลัดกระทรวง เป็นกรรมการ', 'organization'), ['กรมการข้าว']);
	});
});

describe('a body run on into a purpose clause after เพื่อ', () => {
	it('ends before เพื่อ when a verb that opens a clause follows', () => {
		assert.deepEqual(named('ผลการศึกษาจะเสนอต่อคณะกรรมการส่งเสริมสหกรณ์ออมทรัพย์เพื่อพิจารณา ในเดือนหน้า', 'organization'), ['คณะกรรมการส่งเสริมสหกรณ์ออมทรัพย์']);
		assert.deepEqual(named('ทั้งนี้ กระทรวงพลังงานเพื่อติดตามผล ได้มอบทุน', 'organization'), ['กระทรวงพลังงาน']);
		// Twins: เพื่อ and a verbal noun, a noun, or a compound verb the segmenter cuts (ส่ง|เสริม) is the name's purpose.
		const tagged = (name: string) => namedWhenTagged(`ทั้งนี้ ${name} ได้มอบทุน`, 'organization', [[name, 'organization']]);
		assert.deepEqual(tagged('มูลนิธิเพื่อการศึกษาชนบท'), ['มูลนิธิเพื่อการศึกษาชนบท']);
		assert.deepEqual(tagged('สถาบันเพื่อเยาวชนไทย'), ['สถาบันเพื่อเยาวชนไทย']);
		assert.deepEqual(tagged('กองทุนเพื่อส่งเสริมศิลปะพื้นบ้าน'), ['กองทุนเพื่อส่งเสริมศิลปะพื้นบ้าน']);
	});
});

describe('Latin bodies joined by a dash', () => {
	it("joins a place's name before a dash to the name of words after it", () => {
		assert.deepEqual(named('ได้รับทุนจาก (Korea - APEC Water Fund: KAWF) ในปีนี้', 'organization'), ['Korea - APEC Water Fund']);
		// Twin: an acronym alone after the dash is a short form or a second party, not the name's rest.
		assert.deepEqual(named('ตามกรอบ (Korea – APEC) ในปีนี้', 'place'), ['Korea']);
	});

	it('reads a prefix and a head joined by a dash as a kind, no body', () => {
		assert.deepEqual(named('ลูกหนี้ของกลุ่ม Non – Agency ในปีนี้', 'organization'), []);
		assert.deepEqual(named('ลูกหนี้ของกลุ่ม Non – Agency ในปีนี้', 'other'), ['Non – Agency']);
		// Twin: a name's word before the dash keeps the body.
		assert.deepEqual(named('ลูกหนี้ของ Eastern – Agency ในปีนี้', 'organization'), ['Eastern – Agency']);
	});
});

describe("a body's head inside a rank glued to a given name", () => {
	it("is the rank's word, no body", () => {
		// The segmenter reads พัน|ตำรวจ|เอ|กช|นิ|นทร์, so the rank ends inside a word and is not taken; ตำรวจ
		// inside it opened a body.
		assert.deepEqual(named('ต่อมา พันตำรวจเอกชนินทร์ ใจดี ได้ตรวจเยี่ยม', 'organization'), []);
		// Twin: the same head after the rank, in a body's name of its own, opens it.
		assert.deepEqual(named('ต่อมา พันตำรวจเอกชนินทร์ ใจดี ผู้กำกับการกองบังคับการตำรวจน้ำ ได้ตรวจเยี่ยม', 'organization'), ['กองบังคับการตำรวจน้ำ']);
	});
});

describe('a name run on into โมเดล ("model")', () => {
	it('is a scheme named after a place or a body, neither of them', () => {
		assert.equal(reason('ดอยหมอกขาวโมเดล', 'place', found('place-head', 2)), 'scheme');
		assert.equal(reason('เทศบาลตำบลหนองแวงโมเดล', 'organization', found('org-head', 2)), 'scheme');
		// Twins: the word inside a name, and the place or body alone.
		assert.equal(reason('สมาคมโมเดลจำลองแห่งประเทศไทย', 'organization', found('org-head', 2)), undefined);
		assert.equal(reason('เทศบาลตำบลหนองแวง', 'organization', found('org-head', 2)), undefined);
	});
});
