// Bodies that are no names (issue 7, stop 31: junk34): a name cut after ส่วน inside a word, an office
// of every numbered area, centres of a kind with words the common-word list leaves out, committees
// counted by their classifier.
// Names and sentences written for the test; each rule with its must-keep twins, and every positive
// case below fails with its rule switched off.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import {genericUse} from '../../source/entities/generic-use.js';
import type {EntityKind} from '../../source/entities/types.js';

const found = (rule: string, n = 1): MentionEvidence[] => Array.from({length: n}, () => ({rule, article: 0}));
const reason = (name: string, kind: EntityKind, mentions: MentionEvidence[]): string | undefined => unlistedReason({name, kind, mentions});

describe('a body cut after ส่วน or เกี่ยว', () => {
	it('a name ending on the word ส่วน or เกี่ยว was cut inside the word it opens (twins: the whole word, ส่วน inside)', () => {
		assert.equal(reason('สำนักงานคุ้มครองสิทธิส่วน', 'organization', found('org-head')), 'cut-in-word');
		assert.equal(reason('สำนักงานคุ้มครองสิทธิส่วนบุคคล', 'organization', found('org-head')), undefined);
		assert.equal(reason('องค์การบริหารส่วนตำบลโนนสวรรค์', 'organization', found('org-head')), undefined);
		assert.equal(reason('กองกำกับการป้องกันความผิดเกี่ยว', 'organization', found('org-head')), 'cut-in-word');
		assert.equal(reason('กองกำกับการป้องกันความผิดเกี่ยวกับป่าไม้', 'organization', found('org-head')), undefined);
	});
});

describe('an office of every numbered area', () => {
	it('an office of a field’s word and a bare พื้นที่ is the office of each area (twins: a place before it, with its number, พื้นที่ inside)', () => {
		assert.equal(reason('สำนักงานประมงพื้นที่', 'organization', found('org-head', 3)), 'generic');
		assert.equal(reason('สำนักงานประมงเชียงใหม่พื้นที่', 'organization', found('org-head', 3)), undefined);
		assert.equal(reason('สำนักงานประมงพื้นที่ 4', 'organization', found('org-head', 3)), undefined);
		assert.equal(reason('สำนักงานพัฒนาพื้นที่สูงภาคเหนือ', 'organization', found('org-head', 3)), undefined);
	});
});

describe('centres of a kind', () => {
	it('a centre’s words may be ones Thai NER seldom has inside names (twins: a word names hold, a place)', () => {
		assert.equal(reason('ศูนย์ดูแลเด็กเล็ก', 'organization', found('org-head')), 'generic');
		assert.equal(reason('ศูนย์เพาะชำกล้าผัก', 'organization', found('org-head')), 'generic');
		assert.equal(reason('ศูนย์เพาะชำสมชาย', 'organization', found('org-head')), undefined);
		assert.equal(reason('ศูนย์ดูแลเด็กเล็กเชียงราย', 'organization', found('org-head')), undefined);
	});
});

describe('committees counted by their classifier', () => {
	const text = 'ที่ประชุมแต่งตั้งคณะอนุกรรมการสภาวิชาชีพช่าง 4 คณะ เพื่อดูแลงาน';
	const name = 'คณะอนุกรรมการสภาวิชาชีพช่าง';
	const at = text.indexOf(name);
	it('N คณะ or N ชุด after a committee marks the mention a kind (twins: a count of people, another head)', () => {
		assert.equal(genericUse(text, at, at + name.length, 'organization'), true);
		assert.equal(genericUse('โดยคณะทำงานตรวจรับงานทั้ง 2 ชุด ได้ลงพื้นที่', 3, 3 + 'คณะทำงานตรวจรับงาน'.length, 'organization'), true);
		const people = 'ที่ประชุมแต่งตั้งคณะอนุกรรมการสภาวิชาชีพช่าง 4 คน เพื่อดูแลงาน';
		assert.equal(genericUse(people, at, at + name.length, 'organization'), false);
		const kit = 'มอบให้สถาบันวิชาชีพช่าง 4 ชุด เพื่อดูแลงาน';
		assert.equal(genericUse(kit, 'มอบให้'.length, 'มอบให้สถาบันวิชาชีพช่าง'.length, 'organization'), false);
	});

	it('a committee counted in half its mentions is a kind (twin: counted once among many bare mentions)', () => {
		const counted: MentionEvidence[] = [{rule: 'org-head', article: 0, generic: true}, ...found('org-head')];
		assert.equal(reason(name, 'organization', counted), 'generic-use');
		assert.equal(reason(name, 'organization', [...counted, ...found('org-head', 2)]), undefined);
	});
});

describe('a programme’s kind of school', () => {
	it('a school glued after โครงการ is the programme’s name (twins: after a space, another head)', () => {
		const text = 'กระทรวงเปิดตัวโครงการโรงเรียนต้นกล้าเกษตรกร ในปีนี้';
		const name = 'โรงเรียนต้นกล้าเกษตรกร';
		const at = text.indexOf(name);
		assert.equal(genericUse(text, at, at + name.length, 'organization'), true);
		assert.equal(reason(name, 'organization', [{rule: 'org-head', article: 0, generic: true}]), 'generic-use');
		const spaced = 'ผลงานของโครงการ โรงเรียนต้นกล้าเกษตรกร ในปีนี้';
		const at2 = spaced.indexOf(name);
		assert.equal(genericUse(spaced, at2, at2 + name.length, 'organization'), false);
		const centre = 'กระทรวงเปิดตัวโครงการศูนย์ต้นกล้าเกษตรกร ในปีนี้';
		const at3 = centre.indexOf('ศูนย์');
		assert.equal(genericUse(centre, at3, at3 + 'ศูนย์ต้นกล้าเกษตรกร'.length, 'organization'), false);
	});
});
