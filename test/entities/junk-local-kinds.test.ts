// Kinds of body written like names, and a post read as a person (issue 7, the junk22 round): a body of
// every area or community, a firm named by its line of business, the office or board of any body of
// a kind, a kind by a grouping of countries, an award's category, a post and the temple or body it is
// held in. Names and sentences written for the test, each
// rule with its must-keep twins; every positive case below fails without its rule.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import {buildEntityIndex} from '../../source/entities/builder.js';
import type {EntityKind} from '../../source/entities/types.js';

const found = (rule: string, n = 1, articles = 1): MentionEvidence[] => Array.from({length: n}, (_, i) => ({rule, article: i % articles}));
const reason = (name: string, kind: EntityKind, mentions: MentionEvidence[]): string | undefined => unlistedReason({name, kind, mentions});

describe('a body of every area or community', () => {
	it('a head of many and everyday words ending on a bare area, locality or community is a kind (twins: a place before it, a head of one per field)', () => {
		assert.equal(reason('สำนักงานสรรพากรพื้นที่', 'organization', found('org-head', 2, 2)), 'generic');
		assert.equal(reason('ศูนย์ฝึกอาชีพชุมชน', 'organization', found('org-head', 3, 2)), 'generic');
		assert.equal(reason('ศูนย์การเรียนรู้ท้องถิ่น', 'organization', found('org-head')), 'generic');
		// Twins: the area named before the word; a department's, an institute's head; nothing between.
		assert.equal(reason('สำนักงานจัดหางานกรุงเทพมหานครพื้นที่', 'organization', found('org-head', 4, 4)), undefined);
		assert.equal(reason('กรมการพัฒนาชุมชน', 'organization', found('org-head', 4, 4)), undefined);
		assert.equal(reason('สถาบันการเรียนรู้ชุมชน', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('ศูนย์ฝึกอาชีพชุมชนบ้านหนองแวง', 'organization', found('org-head')), undefined);
	});
});

describe('a firm named by its line of business', () => {
	it('บริษัท and only everyday words is a kind of firm; a brand, แห่ง…, a defined firm stay (twins)', () => {
		assert.equal(reason('บริษัทประกันชีวิต', 'organization', found('org-head', 3, 3)), 'generic');
		assert.equal(reason('บริษัทขนส่งสินค้า', 'organization', found('org-head')), 'generic');
		assert.equal(reason('บริษัทขนส่งแห่งชาติ', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('บริษัทไปรษณีย์ไทย', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('บริษัทแอร์บัส', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('บริษัทอาร์เอ็กซ์', 'organization', found('org-head')), undefined);
		assert.equal(reason('บริษัทประกันชีวิต', 'organization', [...found('org-head'), {rule: 'definition', article: 0}]), undefined);
	});
});

describe('the office or board of any body of a kind', () => {
	it('a part’s head and a bare head of many is a kind; the body named after it stays (twins)', () => {
		assert.equal(reason('คณะกรรมการบริษัท', 'organization', found('org-head', 2, 2)), 'generic');
		assert.equal(reason('สำนักงานโรงพยาบาล', 'organization', found('org-head')), 'generic');
		assert.equal(reason('คณะกรรมการธนาคารแห่งประเทศไทย', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('สำนักงานธนาคารออมสินภาค', 'organization', found('org-head')), undefined);
	});
});

describe('a kind of body by a grouping of countries, or two nationalities joined', () => {
	it('a head of many and a grouping, or two nationalities, is a kind; a name after the head, a continent stay (twins)', () => {
		assert.equal(reason('มหาวิทยาลัยอาเซียน', 'organization', found('org-head')), 'generic');
		assert.equal(reason('บริษัทเกาหลีและจีน', 'organization', found('org-head')), 'generic');
		assert.equal(reason('โรงงานต่างชาติหรือไทย', 'organization', found('org-head')), 'generic');
		assert.equal(reason('ธนาคารเอเชีย', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('บริษัทเกาหลีและจีนพัฒนา', 'organization', found('org-head')), undefined);
		assert.equal(reason('สมาคมไทยและอาเซียน', 'organization', found('org-head')), undefined);
	});
});

describe('an award’s category', () => {
	it('a body ending on “outstanding” or “excellent” is the category any winner fills; the word inside a name stays (twins)', () => {
		assert.equal(reason('โรงเรียนอนุบาลดีเด่น', 'organization', found('org-head', 2, 1)), 'generic');
		assert.equal(reason('สหกรณ์ออมทรัพย์ยอดเยี่ยม', 'organization', found('org-head')), 'generic');
		assert.equal(reason('สมาคมนักเรียนทุนดีเด่นแห่งประเทศไทย', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('โรงเรียนอนุบาลสามเสน', 'organization', found('org-head', 2, 2)), undefined);
	});
});

describe('a post and the temple or body it is held in', () => {
	it('a post and a head after it is no person; a given name opening with a post’s letters stays (twin)', () => {
		assert.equal(reason('เจ้าอาวาสวัดป่าสักทอง', 'person', found('title')), 'post');
		assert.equal(reason('ผู้อำนวยการโรงเรียนบ้านนาดี', 'person', found('title')), 'post');
		assert.equal(reason('ประธานวงศ์ ศรีสุข', 'person', found('title', 2, 2)), undefined);
		assert.equal(reason('สมชาย ใจดี', 'person', found('title', 2, 2)), undefined);
	});

	it('the index leaves the abbot out (through the titled person’s quick path); a titled person is listed (twin)', () => {
		const text = 'คณะผู้บริหารได้กราบสักการะพระครูโสภณธรรมวิจิตร,ดร. เจ้าอาวาสวัดโพธิ์ทองคำ และเยี่ยมชมโบราณสถาน';
		const article = (id: string, body: string) => ({id, path: `${id}.txt`, format: 'txt' as const, title: '', text: body, blocks: []});
		const all = buildEntityIndex([article('a', text)], {everyEntity: true}).all();
		assert.equal(all.find((e) => e.name === 'เจ้าอาวาสวัดโพธิ์ทองคำ')?.unlisted, 'post');
		// Twin: a titled person is listed.
		const twin = buildEntityIndex([article('b', 'นายสมชาย ใจดี กล่าวว่า')], {everyEntity: true}).all();
		assert.deepEqual(
			twin.filter((e) => e.kind === 'person').map((e) => [e.name, e.unlisted]),
			[['สมชาย ใจดี', undefined]],
		);
	});
});
