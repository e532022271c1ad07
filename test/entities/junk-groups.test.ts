// Bodies that are groups of people or a part of a body with no name (issue 7, the junk17 round):
// คณะ and then people, a branch, a head office or a parent with no name. Names written for the test,
// each rule with its must-keep twin; every positive case below fails without its rule.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import type {EntityKind} from '../../source/entities/types.js';

const found = (rule: string, n = 1, articles = 1): MentionEvidence[] => Array.from({length: n}, (_, i) => ({rule, article: i % articles}));
const reason = (name: string, kind: EntityKind, mentions: MentionEvidence[]): string | undefined => unlistedReason({name, kind, mentions});

describe('คณะ and then people: a party, not a body', () => {
	it('the teachers, the speakers, the disciples, a visiting party are people; a committee, a council, a faculty, a mission stay (twins)', () => {
		assert.equal(reason('คณะครูโรงเรียนบ้านนาเหนือ', 'organization', found('org-head', 2, 2)), 'group-of-people');
		assert.equal(reason('คณะวิทยากร', 'organization', found('model')), 'group-of-people');
		assert.equal(reason('คณะศิษย์หลวงพ่อคำ', 'organization', found('org-head')), 'group-of-people');
		assert.equal(reason('คณะเยือนจากจังหวัดน่าน', 'organization', found('org-head')), 'group-of-people');
		assert.equal(reason('คณะนักศึกษาแลกเปลี่ยน', 'organization', found('org-head')), 'group-of-people');
		assert.equal(reason('คณะครุศาสตร์มหาวิทยาลัยทักษิณ', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('คณะกรรมการส่งเสริมการลงทุน', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('คณะมนตรีความมั่นคง', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('คณะผู้แทนถาวรไทยประจำองค์การการค้าโลก', 'organization', found('org-head', 2, 2)), undefined);
	});
});

describe('a branch, a head office or a parent with no name', () => {
	it('the branch office, the parent company say which part, not which body; a named head office or branch stays (twins)', () => {
		assert.equal(reason('สำนักงานสาขา', 'organization', found('org-head', 2, 2)), 'unnamed-branch');
		assert.equal(reason('บริษัทแม่', 'organization', found('model')), 'unnamed-branch');
		assert.equal(reason('สำนักงานใหญ่', 'organization', found('org-head')), 'unnamed-branch');
		assert.equal(reason('สำนักงานใหญ่ธนาคารออมสิน', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('บริษัทแม่โขงขนส่ง', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('สำนักงานสาขาเชียงราย', 'organization', found('org-head', 2, 2)), undefined);
	});
});

describe('a faculty named by its field alone (junk30)', () => {
	it('every university has a faculty of law or of arts: the field alone is a kind; its university, hospital or place named stays (twins)', () => {
		assert.equal(reason('คณะอักษรศาสตร์', 'organization', found('org-head', 2, 2)), 'faculty-alone');
		assert.equal(reason('คณะรัฐศาสตร์', 'organization', found('model')), 'faculty-alone');
		assert.equal(reason('คณะพาณิชยศาสตร์และการบัญชี', 'organization', found('org-head')), 'faculty-alone');
		assert.equal(reason('คณะมนุษยศาสตร์และสังคมศาสตร์', 'organization', found('org-head', 2, 2)), 'faculty-alone');
		assert.equal(reason('คณะอักษรศาสตร์มหาวิทยาลัยบูรพา', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('คณะวิศวกรรมศาสตร์ มหาวิทยาลัยนเรศวร', 'organization', found('model')), undefined);
		assert.equal(reason('คณะแพทยศาสตร์โรงพยาบาลราชวิถี', 'organization', found('org-head')), undefined);
		assert.equal(reason('คณะแพทยศาสตร์มหาวิทยาลัยธรรมศาสตร์', 'organization', found('org-head')), undefined);
		assert.equal(reason('คณะเกษตรศาสตร์ขอนแก่น', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('คณะกรรมการยุทธศาสตร์การค้า', 'organization', found('org-head', 2, 2)), undefined);
	});
});
