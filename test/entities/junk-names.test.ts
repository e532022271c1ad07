// Junk entities (issue 7, item 4): a phrase after a position, a place head with an everyday word, a
// district taken for a person, a name running into the next title, pieces of words from the tagger.
// Sentences and names written for the test; each case has its must-keep twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isCommonWord} from '../../source/entities/common-words.js';
import {DetectionContext} from '../../source/entities/detect/context.js';
import {modelNameHasEvidence} from '../../source/entities/detect/model-evidence.js';
import {findMentions} from '../../source/entities/find-mentions.js';
import type {EntityKind} from '../../source/entities/types.js';

const ofKind = (text: string, kind: EntityKind): string[] =>
	findMentions({text})
		.filter((m) => m.kind === kind)
		.map((m) => m.text);

describe('the common-word list learned from data', () => {
	it('holds verbs and nouns, not given names that are words too', () => {
		for (const w of ['อนุมัติ', 'พิจารณา', 'เกษตรกรรม', 'แรก']) assert.ok(isCommonWord(w), w);
		for (const w of ['สมชาย', 'ประยุทธ์', 'ชัย', 'บุญ']) assert.ok(!isCommonWord(w), w);
	});
});

describe('after a position, a phrase is no name', () => {
	it('a verb phrase glued to or after a position', () => {
		assert.deepEqual(ofKind('วันนี้ นายกรัฐมนตรีพิจารณาลงนาม และประกาศใช้', 'person'), []);
		assert.deepEqual(ofKind('เสร็จแล้ว นายกฯ วางพวงมาลัยหน้าอนุสาวรีย์ ช่วงบ่าย', 'person'), []);
		// Twin: a name after the same positions stays.
		assert.deepEqual(ofKind('ต่อมา นายกรัฐมนตรี วิโรจน์ แสงทอง ลงนามในเอกสาร', 'person'), ['วิโรจน์ แสงทอง']);
		assert.deepEqual(ofKind('เสร็จแล้ว นายกฯ วิโรจน์ แสงทอง วางพวงมาลัย', 'person'), ['วิโรจน์ แสงทอง']);
	});

	it('a position glued to a body head names the body (the cabinet), not a person', () => {
		assert.deepEqual(ofKind('วันนี้ คณะรัฐมนตรีอนุมัติหลักการ และให้กระทรวงดำเนินการ', 'person'), []);
		// Twin: the minister after it, spaced, is still a person.
		assert.deepEqual(ofKind('วันนี้ รัฐมนตรี กิตติพัฒน์ ดวงแก้ว อนุมัติงบประมาณ', 'person'), ['กิตติพัฒน์ ดวงแก้ว']);
	});

	it('a district after นายอำเภอ is the office’s place, not a name', () => {
		const text = 'นายสมปอง ใจเย็น นายอำเภอแม่ริม กล่าวเปิดงาน';
		assert.deepEqual(ofKind(text, 'person'), ['สมปอง ใจเย็น']);
		assert.deepEqual(ofKind(text, 'place'), ['อำเภอแม่ริม']);
		// Twin: a name after นายอำเภอ and a space stays a person.
		assert.deepEqual(ofKind('นายอำเภอ สมปอง ใจเย็น กล่าวเปิดงาน', 'person'), ['สมปอง ใจเย็น']);
	});

	it('a name ends before a position that opens the next token', () => {
		assert.deepEqual(ofKind('โดยมี พระครูสุนทรธรรมโชติ รองเจ้าคณะอำเภอ เป็นประธาน', 'person'), ['สุนทรธรรมโชติ']);
		assert.deepEqual(ofKind('โดยมี พระครูสุนทรธรรมโชติ เจ้าอาวาสวัดป่าแดง เป็นประธาน', 'person'), ['สุนทรธรรมโชติ']);
		// Twin: a surname that begins with รอง but no position is a surname.
		assert.deepEqual(ofKind('โดยมี นายสมเกียรติ รองเมือง เป็นประธาน', 'person'), ['สมเกียรติ รองเมือง']);
	});

	it('a modal or a formal negation after a title ends the name or makes none', () => {
		assert.deepEqual(ofKind('เขาเห็นว่า นายบุญเลิศควรลาออกจากตำแหน่ง', 'person'), ['บุญเลิศ']);
		assert.deepEqual(ofKind('ในกรณีที่พระมหากษัตริย์มิได้ทรงแต่งตั้งไว้ก่อน', 'person'), []);
		// Twins: the same letters inside a name are the name's.
		assert.deepEqual(ofKind('เขาเห็นว่า นายสมควร ใจเย็น กล่าวถูก', 'person'), ['สมควร ใจเย็น']);
		assert.deepEqual(ofKind('ต่อมา นายมิตรชัย ทองแท้ กล่าว', 'person'), ['มิตรชัย ทองแท้']);
	});
});

describe('after a foreign position, a clause or a lone title is no name', () => {
	it('a clause opened by ใน', () => {
		assert.deepEqual(ofKind('ได้หารือกับนายกรัฐมนตรีมาเลเซีย ในเรื่องการสร้างถนน', 'person'), []);
		// Twin: the leader's name after the same position.
		assert.deepEqual(ofKind('ได้หารือกับนายกรัฐมนตรีมาเลเซีย อาซิซ ราห์มาน เรื่องถนน', 'person'), ['อาซิซ ราห์มาน']);
	});

	it('Mr. after a position announces the name, it is none', () => {
		assert.deepEqual(ofKind('อธิบดีกรมการค้าต่างประเทศ Mr. Pierre Lantier นายกสมาคม', 'person'), ['Pierre Lantier']);
		// Twin: a name with no title after the position.
		assert.deepEqual(ofKind('อธิบดีกรมการค้าต่างประเทศ Pierre Lantier นายกสมาคม', 'person'), ['Pierre Lantier']);
	});
});

describe('after a province or city head, an everyday word is no place', () => {
	it('จังหวัด and เมือง with a common word', () => {
		assert.deepEqual(ofKind('ที่นี่เป็นจังหวัดแรกที่ได้รับรางวัลนี้', 'place'), []);
		assert.deepEqual(ofKind('ที่นี่เป็นเมืองเกษตรกรรมที่สำคัญของภาค', 'place'), []);
		// Twins: a province and a foreign city after the same heads.
		assert.deepEqual(ofKind('คณะเดินทางถึงจังหวัดลำปางแล้ว', 'place'), ['จังหวัดลำปาง']);
		assert.deepEqual(ofKind('การประชุมจัดที่เมืองซาลซ์บูร์ก ประเทศออสเตรีย', 'place'), ['เมืองซาลซ์บูร์ก', 'ประเทศออสเตรีย']);
	});
});

describe("a body's name ends where the sentence goes on", () => {
	it('at a common word never seen in a body’s name', () => {
		assert.deepEqual(ofKind('รัฐบาลเห็นชอบให้กระทรวงคมนาคมจ้างที่ปรึกษาศึกษาโครงการ', 'organization'), ['กระทรวงคมนาคม']);
		assert.deepEqual(ofKind('ข่าวว่ากรมปศุสัตว์เร่งรวบรวมข้อมูลส่งให้', 'organization'), ['กรมปศุสัตว์']);
		// Twin: a common word that bodies' names hold (ควบคุม, พัฒนา) stays inside.
		assert.deepEqual(ofKind('ข่าวว่ากรมพัฒนาที่ดินรวบรวมข้อมูลส่งให้', 'organization'), ['กรมพัฒนาที่ดิน']);
	});

	it('a weak head with one everyday word is a kind of body', () => {
		assert.deepEqual(ofKind('ตัวแทนจากเครือข่ายสุขภาพ เข้าร่วมประชุม', 'organization'), []);
		// Twin: with more words it names one.
		assert.deepEqual(ofKind('ตัวแทนจากเครือข่ายสุขภาพชุมชนภาคเหนือ เข้าร่วมประชุม', 'organization'), ['เครือข่ายสุขภาพชุมชนภาคเหนือ']);
	});
});

describe("the tagger's names need the rules' evidence too", () => {
	const at = (text: string, name: string): [DetectionContext, number, number] => {
		const start = text.indexOf(name);
		return [new DetectionContext(text), start, start + name.length];
	};

	it('a name glued to an unknown piece is a piece of a longer word', () => {
		const [ctx, s, e] = at('บ้านเรือนในตำบลดอนแพรวหงส์ทองเสียหาย', 'หงส์ทอง');
		assert.equal(modelNameHasEvidence(ctx, s, e, 'person', false), false);
		// Twin: glued after a common word (a verb), the name stands.
		const [ctx2, s2, e2] = at('ทุกคนขอบคุณวิภาวดี ศรีสุข ที่มาร่วมงาน', 'วิภาวดี ศรีสุข');
		assert.equal(modelNameHasEvidence(ctx2, s2, e2, 'person', false), true);
	});

	it('no name starts or ends inside a word', () => {
		const [ctx, s, e] = at('ที่ประชุมขอให้กระทรวงสาธารณสุข เตรียมแผน', 'กระทรวงสาธารณสุข');
		assert.equal(modelNameHasEvidence(ctx, s + 1, e, 'organization', false), false);
		// Twin: the whole word.
		assert.equal(modelNameHasEvidence(ctx, s, e, 'organization', false), true);
	});

	it('no name opens with a function word', () => {
		const [ctx, s, e] = at('จัดงานขึ้น ณ ท่าเรือสาครทอง เมื่อวันที่ 5', 'ณ ท่าเรือสาครทอง');
		assert.equal(modelNameHasEvidence(ctx, s, e, 'place', false), false);
		// Twin: the place after it.
		assert.equal(modelNameHasEvidence(ctx, s + 2, e, 'place', false), true);
	});

	it("a person's name opening with a common word is a phrase", () => {
		const [ctx, s, e] = at('สินค้าที่ขายดี ได้แก่ อัญมณี รองเท้า และกระเป๋า', 'อัญมณี');
		assert.equal(modelNameHasEvidence(ctx, s, e, 'person', false), false);
		const [ctx2, s2, e2] = at('สินค้าที่ขายดี ได้แก่ อัญมณี รองเท้า และกระเป๋า', 'อัญมณี');
		// Twin: the same span as a title's name is left to the title's rules.
		assert.equal(modelNameHasEvidence(ctx2, s2, e2, 'person', true), true);
	});
});
