// Junk entities (issue 7, item 4): a phrase after a position, a place head with an everyday word, a
// district taken for a person, a name running into the next title, pieces of words from the tagger.
// Sentences and names written for the test; each case has its must-keep twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isCommonWord} from '../../source/entities/common-words.js';
import {DetectionContext} from '../../source/entities/detect/context.js';
import {commonAfterPlaceHead} from '../../source/entities/detect/head-name.js';
import {modelNameHasEvidence} from '../../source/entities/detect/model-evidence.js';
import {findMentions} from '../../source/entities/find-mentions.js';
import type {EntityKind} from '../../source/entities/types.js';

/** A context over `text` and the span of `name`'s first occurrence in it. */
const at = (text: string, name: string): [DetectionContext, number, number] => {
	const start = text.indexOf(name);
	return [new DetectionContext(text), start, start + name.length];
};

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

	it('a foreign province glued after ผู้ว่าราชการจังหวัด is the office’s place', () => {
		const text = 'นายโยชิดะ เค็นจิ ผู้ว่าราชการจังหวัดวากายามะ ประเทศญี่ปุ่น และคณะ';
		assert.deepEqual(ofKind(text, 'person'), ['โยชิดะ เค็นจิ']);
		assert.ok(ofKind(text, 'place').includes('จังหวัดวากายามะ'));
		// Twin: the person after the office and its place.
		assert.deepEqual(ofKind('ผู้ว่าราชการจังหวัดวากายามะ นายโยชิดะ เค็นจิ และคณะ', 'person'), ['โยชิดะ เค็นจิ']);
	});

	it('a position right after a position is no name', () => {
		assert.deepEqual(ofKind('ได้ต้อนรับประธานาธิบดีแห่งอินเดีย นายกรัฐมนตรีอินเดีย และประชาชน', 'person'), []);
		// Twin: the president's name there.
		assert.deepEqual(ofKind('ได้ต้อนรับประธานาธิบดีแห่งอินเดีย ราม นาถ โกวินท์ และประชาชน', 'person'), ['ราม นาถ โกวินท์']);
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
		// The tagger's too, even when the word is seen in bodies' names (สุขภาพ, วิจัย); a head named by
		// its subject keeps it (คณะ, ศาล).
		const [ctx, s, e] = at('ร่วมมือกับศูนย์วิจัย ในพื้นที่', 'ศูนย์วิจัย');
		assert.equal(modelNameHasEvidence(ctx, s, e, 'organization', false), false);
		const [ctx2, s2, e2] = at('นักศึกษาจากคณะแพทยศาสตร์ มาช่วยงาน', 'คณะแพทยศาสตร์');
		assert.equal(modelNameHasEvidence(ctx2, s2, e2, 'organization', false), true);
		// Twin: with more words it names one.
		assert.deepEqual(ofKind('ตัวแทนจากเครือข่ายสุขภาพชุมชนภาคเหนือ เข้าร่วมประชุม', 'organization'), ['เครือข่ายสุขภาพชุมชนภาคเหนือ']);
	});
});

describe('a Latin definition names a body only with a body’s word', () => {
	it('a system defined with its acronym is no body', () => {
		assert.deepEqual(ofKind('ใช้ระบบแสดงตนอัตโนมัติ (Automatic Identification System : AIS) ในเรือประมง', 'organization'), []);
		// Twin: a bank defined the same way is one.
		assert.deepEqual(ofKind('ธนาคารพัฒนาเอเชีย (Asian Development Bank : ADB) ให้กู้', 'organization'), ['ธนาคารพัฒนาเอเชีย', 'Asian Development Bank', 'ADB']);
	});
});

describe("the tagger's names need the rules' evidence too", () => {
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

	it('a name cut off its body’s head, or with an open bracket, is a piece', () => {
		const [ctx, s, e] = at('โครงการจัดตั้งคณะแพทยศาสตร์ มหาวิทยาลัยนครราชสีมา', 'แพทยศาสตร์');
		assert.equal(modelNameHasEvidence(ctx, s, e, 'organization', false), false);
		// Twin: the name with its head.
		assert.equal(modelNameHasEvidence(ctx, s - 3, e, 'organization', false), true);
		const [ctx2, s2, e2] = at('ศูนย์มานุษยวิทยา (องค์การมหาชน) หอภาพยนตร์', 'องค์การมหาชน)');
		assert.equal(modelNameHasEvidence(ctx2, s2, e2, 'organization', false), false);
		// Twin: the bracket closed inside the name.
		assert.equal(modelNameHasEvidence(ctx2, s2 - 1, e2, 'organization', false), true);
	});

	it("a person's name holding a body's head is a body's", () => {
		const [ctx, s, e] = at('ขอบคุณ สมศรี ทองมา บริษัท อาหารดี จำกัด', 'สมศรี ทองมา บริษัท อาหารดี');
		assert.equal(modelNameHasEvidence(ctx, s, e, 'person', false), false);
		assert.equal(modelNameHasEvidence(ctx, s, s + 'สมศรี ทองมา'.length, 'person', false), true);
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

describe('roads and canals are named, not described (issue 7)', () => {
	const wayAt = (text: string, head: string): boolean => {
		const ctx = new DetectionContext(text);
		return commonAfterPlaceHead(ctx, head, text.indexOf(head) + head.length);
	};

	it('an everyday word after ถนน or คลอง, glued to the sentence, is no name', () => {
		assert.deepEqual(ofKind('พบว่าถนนกีดขวางทางน้ำ หลายจุด', 'place'), []);
		assert.equal(wayAt('ปรับปรุงคลองระบายน้ำหลาก ให้ไหลดี', 'คลอง'), true);
		// Twins: a name after the same heads stays.
		assert.deepEqual(ofKind('ผู้ชุมนุมเดินไปตามถนนรัตนโกสินทร์สมโภช เมื่อเช้า', 'place'), ['ถนนรัตนโกสินทร์สมโภช']);
		assert.equal(wayAt('ล่องเรือในคลองบางกอกน้อย ช่วงเย็น', 'คลอง'), false);
	});

	it('a road named by a number, or by one word standing alone, keeps its name', () => {
		assert.equal(wayAt('ร้านอยู่ที่ถนนประชาร่วมใจ 2 ใกล้ตลาด', 'ถนน'), false);
		assert.equal(wayAt('รถติดที่ถนนกำหนดที่ 4 ตลอดวัน', 'ถนน'), false);
		assert.equal(wayAt('ผู้ชุมนุมอยู่ที่ถนนกำหนด แล้ว', 'ถนน'), false);
		// Twin: the same word glued to the sentence going on.
		assert.equal(wayAt('ให้ถนนกำหนดเส้นทางใหม่ แล้ว', 'ถนน'), true);
	});

	it('a way’s classifier (สาย, เส้น) is read past: an everyday word after it names nothing', () => {
		assert.deepEqual(ofKind('ยกระดับเป็นถนนสายสำคัญ ของจังหวัด', 'place'), []);
		assert.equal(wayAt('ซึ่งถนนสายนี้เป็นถนนเส้นเดียว', 'ถนน'), true);
		// Twin: a name after the classifier stays.
		assert.deepEqual(ofKind('เดินทางตามถนนสายเอเชีย ขาเข้า', 'place'), ['ถนนสายเอเชีย']);
	});
});

describe('a body’s head with one everyday word (issue 7)', () => {
	it('is a clause or a kind of body, not a name', () => {
		assert.deepEqual(ofKind('เมื่อระบบธนาคารขัดข้อง ลูกค้าไม่พอใจ', 'organization'), []);
		assert.deepEqual(ofKind('นักเรียนย้ายไปเรียนโรงเรียนปกติ ทั่วประเทศ', 'organization'), []);
		// Twins: a place after the head, a committee named by its subject.
		assert.deepEqual(ofKind('ผู้ป่วยถูกส่งไปโรงพยาบาลบางใหญ่ ทันที', 'organization'), ['โรงพยาบาลบางใหญ่']);
		assert.deepEqual(ofKind('เรื่องนี้ส่งให้คณะกรรมการจริยธรรม พิจารณา', 'organization'), ['คณะกรรมการจริยธรรม']);
	});
});

describe('the tagger’s bodies and places read as names (issue 7)', () => {
	it('no name ends on a joining word', () => {
		const [ctx, s, e] = at('ร่วมมือกับศูนย์วิจัยพืชไร่และ ผู้แทนชุมชน', 'ศูนย์วิจัยพืชไร่และ');
		assert.equal(modelNameHasEvidence(ctx, s, e, 'organization', false), false);
		// Twins: the name without it (ศูนย์วิจัย alone is a kind of centre, see below); การ ending a
		// word the segmenter does not know is no joiner.
		assert.equal(modelNameHasEvidence(ctx, s, e - 'และ'.length, 'organization', false), true);
		assert.deepEqual(ofKind('ประธานมูลนิธิวิสุทธาธิการ และคณะ', 'organization'), ['มูลนิธิวิสุทธาธิการ']);
	});

	it('one everyday word is no body; a head with a where-phrase is none either', () => {
		const [ctx, s, e] = at('ทุกเช้าฝึกนั่งสมาธิ ที่บ้าน', 'สมาธิ');
		assert.equal(modelNameHasEvidence(ctx, s, e, 'organization', false), false);
		const [ctx2, s2, e2] = at('ผู้แทนสำนักงานในเกาหลี เข้าร่วม', 'สำนักงานในเกาหลี');
		assert.equal(modelNameHasEvidence(ctx2, s2, e2, 'organization', false), false);
		// Twins: a body's name after the same head, an abbreviation.
		const [ctx3, s3, e3] = at('ผู้แทนสำนักงานส่งเสริมการค้า เข้าร่วม', 'สำนักงานส่งเสริมการค้า');
		assert.equal(modelNameHasEvidence(ctx3, s3, e3, 'organization', false), true);
		const [ctx4, s4, e4] = at('ผู้แทน กกต. เข้าร่วม', 'กกต.');
		assert.equal(modelNameHasEvidence(ctx4, s4, e4, 'organization', false), true);
	});

	it('a language, a country’s market or a direction is no place', () => {
		const cases: Array<[string, string]> = [
			['นักเรียนเรียนภาษาสเปน ทุกวัน', 'ภาษาสเปน'],
			['นักเรียนเรียนภาษาสเปน ทุกวัน', 'สเปน'],
			['ส่งออกไปตลาดแคนาดา มากขึ้น', 'ตลาดแคนาดา'],
			['ลมพัดมาจากทิศตะวันตก ตลอดคืน', 'ตะวันตก'],
		];
		for (const [text, name] of cases) {
			const [ctx, s, e] = at(text, name);
			assert.equal(modelNameHasEvidence(ctx, s, e, 'place', false), false, name);
		}
		// Twins: the country itself, a market named for its place, a region named by its direction.
		for (const [text, name] of [
			['ส่งออกไปแคนาดา มากขึ้น', 'แคนาดา'],
			['เดินเที่ยวตลาดบางกอกน้อย ช่วงเย็น', 'ตลาดบางกอกน้อย'],
			['ฝนตกหนักในภาคตะวันตก ตลอดคืน', 'ภาคตะวันตก'],
		] as const) {
			const [ctx, s, e] = at(text, name);
			assert.equal(modelNameHasEvidence(ctx, s, e, 'place', false), true, name);
		}
	});
});

describe('offices in a list and a lone joiner are no names (issue 7)', () => {
	it('one everyday word after a title is the next office, not a name', () => {
		assert.deepEqual(ofKind('นายอำเภอ กำนัน ผู้ใหญ่บ้าน ร่วมกัน', 'person'), []);
		// Twin: a name after the same kind of title.
		assert.deepEqual(ofKind('ปลัดอำเภอ สมหมาย ใจดี ร่วมกัน', 'person'), ['สมหมาย ใจดี']);
	});

	it('a head with only a joiner after it names nothing', () => {
		assert.deepEqual(ofKind('ผู้แทนกระทรวงการ ต่างประเทศ เข้าร่วม', 'organization'), []);
		// Twin: the head with its name.
		assert.deepEqual(ofKind('ผู้แทนกระทรวงการต่างประเทศ เข้าร่วม', 'organization'), ['กระทรวงการต่างประเทศ']);
	});
});
