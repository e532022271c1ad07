// Posts, parties, schemes, generic bodies and places, Latin slogans and misspelt words are not names
// (issue 7, the junk14 round). Each rule on names and sentences written for the test, each with its
// must-keep twin; every positive case below fails without its rule.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import {genericUse} from '../../source/entities/generic-use.js';
import type {EntityKind} from '../../source/entities/types.js';

const found = (rule: string, n = 1, articles = 1): MentionEvidence[] => Array.from({length: n}, (_, i) => ({rule, article: i % articles}));
const reason = (name: string, kind: EntityKind, mentions: MentionEvidence[]): string | undefined => unlistedReason({name, kind, mentions});
/** genericUse of the first `name` in `text`. */
const used = (text: string, name: string): boolean => genericUse(text, text.indexOf(name), text.indexOf(name) + name.length);

describe('a post or its party read as a body', () => {
	it('คณะ and a post, written whole or short without ฯ, is the post-holder’s party; the cabinet, a committee and a mission are bodies (twins)', () => {
		assert.equal(reason('คณะรองประธานาธิบดี', 'organization', found('org-head', 2, 2)), 'post');
		assert.equal(reason('คณะอดีตนายก', 'organization', found('org-head')), 'post');
		assert.equal(reason('คณะผู้แทนญี่ปุ่น', 'organization', found('model')), 'post');
		assert.equal(reason('คณะรัฐมนตรี', 'organization', found('org-head', 3, 3)), undefined);
		assert.equal(reason('คณะกรรมการส่งเสริมการเกษตร', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('คณะผู้แทนถาวรไทยประจำองค์การอนามัยโลก', 'organization', found('org-head')), undefined);
	});

	it('a name the tagger alone found that is a post and a country or everyday words is an office; an embassy or a rule’s body stays (twins)', () => {
		assert.equal(reason('กงสุลใหญ่ญี่ปุ่น', 'organization', found('model', 2, 2)), 'post');
		assert.equal(reason('ผู้ว่าราชการจังหวัดทุก', 'organization', found('model', 2, 2)), 'post');
		assert.equal(reason('สถานกงสุลใหญ่ญี่ปุ่น', 'organization', found('model', 2, 2)), undefined);
		assert.equal(reason('กงสุลใหญ่ญี่ปุ่น', 'organization', [...found('model'), {rule: 'org-head', article: 1}]), undefined);
	});
});

describe('a short form after a course’s, a grant’s, a system’s or a field’s word names a scheme', () => {
	it('marks the mention; a body’s short form elsewhere, or after a fund or an investment, is not marked (twins)', () => {
		assert.ok(used('เปิดอบรมหลักสูตร กขจ. รุ่นที่ 2', 'กขจ.'));
		assert.ok(used('ครูจากทุน กขจ. นี้จะบรรจุ', 'กขจ.'));
		assert.ok(used('ข้อมูลเข้าระบบ กขจ. แล้ว', 'กขจ.'));
		assert.ok(used('โครงสร้างพื้นฐานด้าน กขจ. สู่ภูมิภาค', 'กขจ.'));
		assert.ok(!used('โดย กขจ. ได้ร่วมกับ', 'กขจ.'));
		assert.ok(!used('เงินจากกองทุน กขจ. จำนวน', 'กขจ.'));
		assert.ok(!used('ส่งเสริมการลงทุน กขจ. ในปีนี้', 'กขจ.'));
		// A name, not a short form, after those words is not a scheme by them.
		assert.ok(!used('ข้อมูลเข้าระบบ สำนักงานหลักประกันสุขภาพ แล้ว', 'สำนักงานหลักประกันสุขภาพ'));
	});

	it('a short form in brackets after a course’s, a programme’s or volunteers’ own name is marked; a body’s defined so, a fund’s, is not (twins)', () => {
		assert.ok(used('จัดอบรมหลักสูตรผู้นำเกษตรรุ่นใหม่ (ผกร.) รุ่นที่ 3', 'ผกร.'));
		assert.ok(used('ส่งเสริมการพัฒนาอาสาสมัครป่าชุมชน (อปช.) ในพื้นที่', 'อปช.'));
		assert.ok(!used('ร่วมกับสำนักงานพัฒนาป่าชุมชน (สปช.) ในพื้นที่', 'สปช.'));
		assert.ok(!used('สำนักงานประสานงานโครงการพัฒนาป่าชุมชน (สปช.) ในพื้นที่', 'สปช.'));
		assert.ok(!used('ได้รับเงินจากกองทุนพัฒนาป่าชุมชน (กปช.) แล้ว', 'กปช.'));
	});

	it('a short form written so half the time is not listed; one written so now and then stays (twin)', () => {
		const ms = (generic: number, n: number): MentionEvidence[] =>
			Array.from({length: n}, (_, i) => ({rule: 'abbreviation', article: i, ...(i < generic ? {generic: true} : {})}));
		assert.equal(reason('กขจ.', 'organization', ms(3, 5)), 'generic-use');
		assert.equal(reason('กขจ.', 'organization', ms(1, 5)), undefined);
	});
});

describe('a head and only words of kind or scope', () => {
	it('a head, a classifier and everyday words is a kind; a name after the classifier, a known place keep it (twins)', () => {
		assert.equal(reason('คลองสายหลัก', 'place', found('place-head', 3, 3)), 'generic');
		assert.equal(reason('ถนนเส้นรอง', 'place', found('place-head')), 'generic');
		assert.equal(reason('ถนนสายเอเชีย', 'place', found('place-head')), undefined);
		assert.equal(reason('อำเภอแปลงยาว', 'place', found('place-head')), undefined);
	});

	it('a head that needs its field named and only a scope after it is a kind; a field, or a head that is its own field, keeps it (twins)', () => {
		assert.equal(reason('สำนักงานแห่งชาติ', 'organization', found('org-head')), 'generic');
		assert.equal(reason('สถาบันระหว่างประเทศ', 'organization', found('org-head', 2, 2)), 'generic');
		assert.equal(reason('สำนักงานสถิติแห่งชาติ', 'organization', found('org-head')), undefined);
		assert.equal(reason('ตำรวจแห่งชาติ', 'organization', found('org-head', 3, 3)), undefined);
	});
});

describe('Latin: a slogan read as a place', () => {
	it('“X of the Y” whose X is no place’s word is a slogan; a gulf, a bay, an isle, a kingdom are places (twins)', () => {
		assert.equal(reason('Pearl of the Andaman', 'place', found('latin', 2, 1)), 'latin-thing');
		assert.equal(reason('Jewel of the North', 'place', found('latin')), 'latin-thing');
		assert.equal(reason('Bay of Naples', 'place', found('latin')), undefined);
		assert.equal(reason('Isle of Skye', 'place', found('latin')), undefined);
		assert.equal(reason('Kingdom of Lesotho', 'place', found('latin')), undefined);
	});
});

describe('a misspelt word cut by the head it holds', () => {
	it('a head and one letter from a post or an everyday word is that word misspelt; a cut at the last letter or a word spelt right is not (twins)', () => {
		assert.equal(reason('รัฐมณตรี', 'place', found('place-head')), 'misspelt');
		assert.equal(reason('รัฐวิสาหะกิจ', 'place', found('place-head')), 'misspelt');
		assert.notEqual(reason('กรมธรรม', 'organization', found('org-head')), 'misspelt');
		assert.equal(reason('กรมการขนส่งทางบก', 'organization', found('org-head')), undefined);
	});
});
