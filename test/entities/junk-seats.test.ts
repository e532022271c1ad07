// Bodies and places that are not names (issue 7, the junk16 round): a seat of a national body, a
// village's or sub-district's body of a larger place, a post written short, a kind of body by its
// country, an economic area that is an agreement. Names and sentences written for the test, each rule
// with its must-keep twin; every positive case below fails without its rule.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import type {EntityKind} from '../../source/entities/types.js';

const found = (rule: string, n = 1, articles = 1): MentionEvidence[] => Array.from({length: n}, (_, i) => ({rule, article: i % articles}));
const reason = (name: string, kind: EntityKind, mentions: MentionEvidence[]): string | undefined => unlistedReason({name, kind, mentions});

describe('a national body and a province: a member’s seat', () => {
	it('the House or the Senate and a province is no body; a body with provincial chapters, or the House alone, stays (twins)', () => {
		assert.equal(reason('สภาผู้แทนราษฎรจังหวัดน่าน', 'organization', found('model', 2, 2)), 'seat');
		assert.equal(reason('วุฒิสภาจังหวัดลำพูน', 'organization', found('org-head')), 'seat');
		assert.equal(reason('สภาผู้แทนราษฎร', 'organization', found('org-head', 3, 3)), undefined);
		assert.equal(reason('สภาเกษตรกรจังหวัดน่าน', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('สภาผู้แทนราษฎรแห่งสาธารณรัฐเกาหลี', 'organization', found('org-head', 2, 2)), undefined);
	});
});

describe('a village’s or sub-district’s body of a larger place', () => {
	it('a village fund of a province, a sub-district’s committee of a district, are kinds; a named sub-district’s body stays (twins)', () => {
		assert.equal(reason('กองทุนหมู่บ้านลำพูน', 'organization', found('org-head', 2, 2)), 'unnamed-unit');
		assert.equal(reason('คณะกรรมการหมู่บ้านจังหวัดน่าน', 'organization', found('org-head')), 'unnamed-unit');
		assert.equal(reason('ศูนย์ประสานงานตำบลอำเภอเมืองน่าน', 'organization', found('org-head')), 'unnamed-unit');
		assert.equal(reason('องค์การบริหารส่วนตำบลบ้านหลวง', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('กองทุนหมู่บ้านและชุมชนเมือง', 'organization', found('org-head', 2, 2)), undefined);
	});
});

describe('a post written short opening a body', () => {
	it('หน. and a body’s short form is the body’s head, a post; a body’s own short form stays (twin)', () => {
		assert.equal(reason('หน.สกร.', 'organization', found('abbreviation', 2, 2)), 'post');
		assert.equal(reason('สกร.', 'organization', found('abbreviation', 2, 2)), undefined);
		assert.equal(reason('หนองหารพัฒนา', 'organization', found('org-head', 2, 2)), undefined);
	});
});

describe('a kind of body by its country', () => {
	it('a company’s, a bank’s or a university’s head and a country alone is a kind; a name holding a country, or an association, stays (twins)', () => {
		assert.equal(reason('บริษัทเวียดนาม', 'organization', found('org-head', 2, 2)), 'generic');
		assert.equal(reason('มหาวิทยาลัยต่างประเทศ', 'organization', found('org-head')), 'generic');
		assert.equal(reason('ธนาคารประเทศลาว', 'organization', found('org-head')), 'generic');
		assert.equal(reason('ธนาคารลาวพัฒนา', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('สมาคมเวียดนาม', 'organization', found('org-head', 2, 2)), undefined);
	});
});

describe('an economic area that is an agreement or a grouping’s members', () => {
	it('a free-trade area and a grouping’s economies are no places; a special economic zone stays (twin)', () => {
		assert.equal(reason('เขตการค้าเสรีอาเซียน-แคนาดา', 'place', found('definition')), 'agreement');
		assert.equal(reason('เขตเศรษฐกิจเอเปก', 'place', found('place-head', 3, 3)), 'agreement');
		assert.equal(reason('เขตเศรษฐกิจพิเศษนครพนม', 'place', found('place-head', 2, 2)), undefined);
		assert.equal(reason('เขตบางซื่อ', 'place', found('place-head', 2, 2)), undefined);
	});
});

describe('a body’s head read inside a longer everyday word', () => {
	it('สภา in สภาพ, กรม in กรมธรรม์ name no body; a head and a word of its own, or a body’s word, stay (twins)', () => {
		assert.equal(reason('สภาพอากาศ', 'organization', found('model', 2, 2)), 'head-in-word');
		assert.equal(reason('กรมธรรม์ประกันชีวิต', 'organization', found('model')), 'head-in-word');
		assert.equal(reason('สภาการศึกษา', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('กรมทางหลวง', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('สภากาชาดไทย', 'organization', found('org-head', 2, 2)), undefined);
	});
});

describe('provinces described, not named', () => {
	it('a province’s head and an everyday word names a group of provinces; a province, a misspelt or a cut one stays (twins)', () => {
		assert.equal(reason('จังหวัดชายแดนภาคเหนือ', 'place', found('place-head', 3, 3)), 'generic');
		assert.equal(reason('จังหวัดริมทะเลอ่าวไทย', 'place', found('place-head')), 'generic');
		assert.equal(reason('จังหวัดน่าน', 'place', found('place-head', 3, 3)), undefined);
		assert.equal(reason('จังหวัดลำพูนและเชียงใหม่', 'place', found('place-head')), undefined);
		assert.equal(reason('จังหวัดนครศรีธรรมรา', 'place', found('place-head')), undefined);
		assert.equal(reason('จังหวัดจังหวัดน่าน', 'place', found('place-head')), undefined);
		// Twin: a group of provinces the text names with a short form of its own is a region.
		assert.equal(reason('จังหวัดชายแดนภาคเหนือ', 'place', [...found('place-head', 3, 3), ...found('definition')]), undefined);
	});
});
