// The evidence bar (issue 7, junk entities): an entity the tagger alone found, with a shape no name
// of its kind has, is not listed; nor is a body or place of a shape no name has, whoever found it.
// Names and sentences written for the test; every rule has its must-keep twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import {findMentions} from '../../source/entities/find-mentions.js';
import {buildEntityIndex} from '../../source/entities/builder.js';
import type {EntityKind} from '../../source/entities/types.js';

/** `n` mentions found by the tagger with no title, in `articles` articles. */
const tagger = (n: number, articles = 1): MentionEvidence[] => Array.from({length: n}, (_, i) => ({rule: 'model', article: i % articles}));
const reason = (name: string, kind: EntityKind, mentions: MentionEvidence[]): string | undefined => unlistedReason({name, kind, mentions});

describe('entities the tagger alone found', () => {
	it('a mark no name holds, or a leading number', () => {
		assert.equal(reason('อำเภอ”', 'place', tagger(1)), 'mark');
		assert.equal(reason('7.ท่าเทียบเรือ', 'place', tagger(1)), 'mark');
		// Twin: a trailing colon is the extent's fault, not the name's; a dotted abbreviation is a name.
		assert.equal(reason('สภาวิศวกรแห่งชาติ:', 'organization', tagger(1)), undefined);
		assert.equal(reason('สพฐ.', 'organization', tagger(1)), undefined);
	});

	it('a person of three words or more with an everyday word in it is a list', () => {
		assert.equal(reason('ข้าวโพด มันสำปะหลัง อ้อย', 'person', tagger(1)), 'person-list');
		// Twins: a nickname before a full name, a foreign name of three words.
		assert.equal(reason('แพร วรรณวิภา ศรีสุขใส', 'person', tagger(1)), undefined);
		assert.equal(reason('มาร์กาเร็ต แอนน์ ฟอสเตอร์', 'person', tagger(1)), undefined);
	});

	it('a person of two places or with a word opened by และ is a list', () => {
		assert.equal(reason('ชิลี แม็กซิโก รัสเซีย', 'person', tagger(1)), 'person-list');
		assert.equal(reason('ยโสธร อำนาจเจริญ', 'person', tagger(2, 2)), 'person-list');
		assert.equal(reason('ดวงพร พงศ์ผาสุก และกิต กิตตินันท์', 'person', tagger(1)), 'person-list');
		// Twins: a surname holding one province; a given name that is a province, with its surname.
		assert.equal(reason('ยุถิกา อิศรางกูร ณ อยุธยา', 'person', tagger(1)), undefined);
		assert.equal(reason('พิจิตร รัตตกุล', 'person', tagger(1)), undefined);
	});

	it('a person whose given name is an everyday word, seen once, is a phrase', () => {
		assert.equal(reason('อนุมัติ สุขสวัสดิ์', 'person', tagger(1)), 'person-common-word');
		// Twins: a surname that is a word (ทองคำ); the same seen in two articles.
		assert.equal(reason('วารุณี ทองคำ', 'person', tagger(1)), undefined);
		assert.equal(reason('อนุมัติ สุขสวัสดิ์', 'person', tagger(2, 2)), undefined);
	});

	it('a body or place without a head word, seen in one article, is a guess', () => {
		assert.equal(reason('พาณิชย์สากลทันสมัย', 'organization', tagger(2)), 'no-head');
		assert.equal(reason('โบราณบางพลับ', 'place', tagger(1)), 'no-head');
		// Twins: a head word, a village's or temple's noun, a known district or province, an
		// abbreviation, or a second article.
		assert.equal(reason('สมาคมพาณิชย์สากลทันสมัย', 'organization', tagger(1)), undefined);
		assert.equal(reason('บ้านหนองตะเคียน', 'place', tagger(1)), undefined);
		assert.equal(reason('วัดโพธิ์งาม', 'place', tagger(1)), undefined);
		assert.equal(reason('ลำลูกกา', 'place', tagger(1)), undefined);
		assert.equal(reason('พาณิชย์สากลทันสมัย', 'organization', tagger(3, 2)), undefined);
	});

	it('two names joined by a word, or a smaller unit glued to a larger one, are two', () => {
		assert.equal(reason('อาเซียนและสหภาพแอฟริกา', 'organization', tagger(3, 3)), 'joined');
		assert.equal(reason('ตำบลหนองบัวอำเภอเมืองลำพูน', 'place', tagger(1)), 'joined');
		// Twins: one sub-district; a district of the seat (อำเภอเมือง… is one name).
		assert.equal(reason('ตำบลหนองบัว', 'place', tagger(1)), undefined);
		assert.equal(reason('อำเภอเมืองลำพูน', 'place', tagger(1)), undefined);
	});

	it('a rule or a title is evidence: the same names are listed', () => {
		const byRule: MentionEvidence[] = [{rule: 'place-head', article: 0}];
		assert.equal(reason('โบราณบางพลับ', 'place', byRule), undefined);
		assert.equal(reason('ข้าวโพด มันสำปะหลัง อ้อย', 'person', [{rule: 'model', title: 'นาย', article: 0}]), undefined);
	});
});

describe('shapes no body or place has, whoever found it', () => {
	const byRule: MentionEvidence[] = [{rule: 'org-head', article: 0}];
	it('a name ending on a joining word', () => {
		assert.equal(reason('คณะทำงานภายใต้', 'organization', byRule), 'ends-on-function-word');
		// Twin: ใน inside a longer word (ภายใน) ends a name.
		assert.equal(reason('กรมการค้าภายใน', 'organization', byRule), undefined);
	});

	it('two bodies joined by และ, or a bare head before another body', () => {
		assert.equal(reason('กรมป่าไม้และกรมประมง', 'organization', byRule), 'joined');
		assert.equal(reason('กระทรวง สำนักงานเลขานุการกรม', 'organization', byRule), 'joined');
		// Twins: และ inside one name; a company's name opened by a place's word.
		assert.equal(reason('กระทรวงเกษตรและสหกรณ์', 'organization', byRule), undefined);
		assert.equal(reason('บริษัท ท่าอากาศยานภูมิภาค จำกัด', 'organization', byRule), undefined);
	});

	it('two bodies joined by กับ, even where an unknown name glues onto it', () => {
		assert.equal(reason('มูลนิธิชุมชนยั่งยืนกับกรมส่งเสริมการเกษตร', 'organization', byRule), 'joined');
		assert.equal(reason('สมาคมเกาะลันตาตั๊งกับสำนักงานประมงจังหวัด', 'organization', byRule), 'joined');
		// Twins: กำกับ ("oversee") inside one name; กับ before no body's head.
		assert.equal(reason('สำนักงานคณะกรรมการกำกับสำนักงานตรวจสอบ', 'organization', byRule), undefined);
		assert.equal(reason('สำนักงานคณะกรรมการกำกับกิจการพลังงาน', 'organization', byRule), undefined);
		assert.equal(reason('ศูนย์ความร่วมมือไทยกับอาเซียน', 'organization', byRule), undefined);
	});

	it('two bodies joined by โดย, "through" the second (junk26)', () => {
		assert.equal(reason('กระทรวงพลังงานโดยกรมเชื้อเพลิงธรรมชาติ', 'organization', byRule), 'joined');
		// Twins: โดย inside a word (ผู้โดยสาร) or before no body's head.
		assert.equal(reason('สมาคมผู้โดยสารรถไฟไทย', 'organization', byRule), undefined);
		assert.equal(reason('สมาคมเดินทางโดยจักรยาน', 'organization', byRule), undefined);
	});

	it('a hub a country means to be is no body', () => {
		assert.equal(reason('ศูนย์กลางการค้าผลไม้ของภูมิภาค', 'organization', byRule), 'role');
		// Twin: a centre is a body (ศูนย์…).
		assert.equal(reason('ศูนย์วิจัยผลไม้เขตร้อน', 'organization', byRule), undefined);
	});
});

describe('pieces, kinds and Latin things', () => {
	const byRule: MentionEvidence[] = [{rule: 'org-head', article: 0}];
	const bracket = (n: number, articles = 1): MentionEvidence[] => Array.from({length: n}, (_, i) => ({rule: 'definition', article: i % articles}));
	it('a name opened by a joining word is the tail of another', () => {
		assert.equal(reason('แห่งประเทศไทย', 'organization', tagger(5, 4)), 'piece');
		assert.equal(reason('สาธารณรัฐโปแลนด์ประจำประเทศไทย', 'place', [{rule: 'place-head', article: 0}]), 'piece');
		// Twins: แห่ง inside a name; the republic alone.
		assert.equal(reason('สภาวิจัยแห่งประเทศไทย', 'organization', byRule), undefined);
		assert.equal(reason('สาธารณรัฐโปแลนด์', 'place', [{rule: 'place-head', article: 0}]), undefined);
	});

	it('ประเทศ with no country after it is a kind of country', () => {
		assert.equal(reason('ประเทศรายได้ปานกลาง', 'place', bracket(1)), 'generic');
		// Twin: a country, and a part of one.
		assert.equal(reason('ประเทศโปแลนด์ตอนใต้', 'place', bracket(1)), undefined);
	});

	it("a country's camp, side or sector is a kind of party, not a body (junk10)", () => {
		// Whoever found it, in many articles: a head, everyday words and a country.
		assert.equal(
			reason('ค่ายรถเยอรมนี', 'organization', [
				{rule: 'org-head', article: 0},
				{rule: 'org-head', article: 1},
			]),
			'generic',
		);
		assert.equal(reason('ฝ่ายมาเลเซีย', 'organization', byRule), 'generic');
		assert.equal(reason('ภาครัฐออสเตรเลีย', 'place', [{rule: 'model', article: 0}]), 'generic');
		// Twins: a camp named by a person, a side's own words, a coast named by a sea between, a country's ministry.
		assert.equal(reason('ค่ายพ่อขุนผาเมือง', 'organization', byRule), undefined);
		assert.equal(reason('ฝ่ายกิจการต่างประเทศ', 'organization', byRule), undefined);
		assert.equal(reason('ฝั่งอ่าวไทย', 'place', [{rule: 'place-head', article: 0}]), undefined);
		assert.equal(reason('กระทรวงการต่างประเทศเยอรมนี', 'organization', byRule), undefined);
	});

	it('a name ending on a word that only opens a longer one was cut inside a word (junk10)', () => {
		// ตำบล|น่า of ตำบลน่าอยู่, …|ชั้น of …ชั้นนำ, สมาคม|ส่ง of สมาคมส่งเสริม…, บริษัท|มุ่ง of …มุ่งมั่น.
		assert.equal(reason('ตำบลน่า', 'place', [{rule: 'place-head', article: 0}]), 'cut-in-word');
		assert.equal(reason('โรงแรมชั้น', 'organization', byRule), 'cut-in-word');
		assert.equal(reason('สมาคมส่ง', 'organization', byRule), 'cut-in-word');
		assert.equal(reason('บริษัทพลังงานมุ่ง', 'organization', byRule), 'cut-in-word');
		// Twins: the whole word (ส่งเสริม), a word that merely ends on those letters (ขนส่ง, น่าน).
		assert.equal(reason('สมาคมส่งเสริมการค้า', 'organization', byRule), undefined);
		assert.equal(reason('บริษัทขนส่ง', 'organization', bracket(2, 2)), undefined);
		assert.equal(reason('บึงน่าน', 'place', [{rule: 'place-head', article: 0}]), undefined);
	});

	it('a Latin name from brackets alone, with no body word, is a thing; a post is no body', () => {
		assert.equal(reason('Rapid Screening Kit', 'organization', bracket(3, 2)), 'latin-thing');
		assert.equal(reason('Director of Fisheries Department', 'organization', bracket(1)), 'position');
		// Twins: a body's word; a name a head rule read (บริษัท X); a Latin place.
		assert.equal(reason('Regional Fisheries Council', 'organization', bracket(1)), undefined);
		assert.equal(reason('Rapid Screening Kit', 'organization', byRule), undefined);
		assert.equal(reason('Toowoomba', 'place', bracket(1)), undefined);
	});
});

describe('the index lists what clears the bar', () => {
	it('two bodies joined are not an entity; a body alone is', () => {
		// (Two bodies of the same head glued are two names since detection cuts at the head again:
		// กรมป่าไม้และ|กรมประมง; a body of another head after และ is still read as one.)
		const text = 'โดยกรมป่าไม้และสำนักงานประมง ลงพื้นที่ตรวจสอบ';
		// Detection reads the two as one name (the head rule lets และ go on): the index does not list it.
		assert.ok(findMentions({text}).some((m) => m.text === 'กรมป่าไม้และสำนักงานประมง'));
		const article = (id: string, body: string) => ({id, path: `${id}.txt`, format: 'txt' as const, title: '', text: body, blocks: []});
		assert.deepEqual(
			buildEntityIndex([article('a', text)])
				.all()
				.map((e) => e.name),
			[],
		);
		// Twin: one body.
		assert.deepEqual(
			buildEntityIndex([article('b', 'โดยกรมประมง ลงพื้นที่ตรวจสอบ')])
				.all()
				.map((e) => e.name),
			['กรมประมง'],
		);
	});
});

describe('detection: generic words and royal nouns', () => {
	const places = (text: string): string[] =>
		findMentions({text})
			.filter((m) => m.kind === 'place')
			.map((m) => m.text);
	const people = (text: string): string[] =>
		findMentions({text})
			.filter((m) => m.kind === 'person')
			.map((m) => m.text);

	it('ภาค|รัฐ is the public sector and รัฐ|everyday word a phrase, not a state', () => {
		assert.deepEqual(places('งบลงทุนภาครัฐด้านการศึกษาเพิ่มขึ้น'), []);
		assert.deepEqual(places('ผู้ประกอบการขอให้รัฐช่วยลดภาษี'), []);
		// Twins: a state's name.
		assert.deepEqual(places('ผู้ว่าการรัฐโอไฮโอกล่าว'), ['รัฐโอไฮโอ']);
		assert.deepEqual(places('คณะเดินทางไปรัฐฉานเมื่อวาน'), ['รัฐฉาน']);
	});

	it('after a royal noun an everyday word opens no name', () => {
		assert.deepEqual(people('ชาติ ศาสนา และพระมหากษัตริย์ อาทิ การแสดงพื้นบ้าน'), []);
		assert.deepEqual(people('ทรัพย์สินของกษัตริย์ มีการจัดการอย่างดี'), []);
		// Twin: a king's name after the same title.
		assert.ok(people('เมื่อวานพระมหากษัตริย์โอลาฟ เสด็จถึง').some((n) => n.startsWith('โอลาฟ')));
	});
});

describe('names of the wrong kind: a country, a king’s deed, a kind of place in Latin', () => {
	const byRule: MentionEvidence[] = [{rule: 'org-head', article: 0}];
	it('a country’s formal name is neither a body nor a person, nor is one letter; a union of a region or a trade is a body', () => {
		assert.equal(reason('สหภาพเมียนมา', 'organization', byRule), 'country-name');
		assert.equal(reason('สหพันธ์สาธารณรัฐเยอรมนี', 'organization', byRule), 'country-name');
		assert.equal(reason('เครือรัฐออสเตรเลีย', 'person', [{rule: 'position', title: 'ผู้แทนจาก', article: 0}]), 'country-name');
		assert.equal(reason('ท', 'person', [{rule: 'position', title: 'ผู้ว่าราชการ', article: 0}]), 'one-letter');
		// Twins: a union of a region, a labour union, a person whose given name opens with รัฐ, a two-letter name.
		assert.equal(reason('ใบ', 'person', [{rule: 'title', title: 'นาง', article: 0}]), undefined);
		assert.equal(reason('สหภาพยุโรป', 'organization', byRule), undefined);
		assert.equal(reason('สหภาพแรงงานรัฐวิสาหกิจ', 'organization', byRule), undefined);
		assert.equal(reason('รัฐพล นราดิศร', 'person', [{rule: 'title', title: 'นาย', article: 0}]), undefined);
	});

	it('ทรง and a verb after a king’s style is what he did, no person; ทรง and a word of names is a given name', () => {
		const titled: MentionEvidence[] = [{rule: 'title', title: 'พระมหากษัตริย์', article: 0}];
		assert.equal(reason('ทรงลงพระปรมาภิไธย', 'person', titled), 'royal-verb');
		assert.equal(reason('ทรงวางศิลาฤกษ์ หอฉัน', 'person', titled), 'royal-verb');
		// Twins: given names that open with ทรง.
		assert.equal(reason('ทรงพล ใจกริ่ม', 'person', titled), undefined);
		assert.equal(reason('ทรงศักดิ์', 'person', titled), undefined);
		// In the index too (a titled person skips the tagger's checks there).
		const article = (id: string, body: string) => ({id, path: `${id}.txt`, format: 'txt' as const, title: '', text: body, blocks: []});
		const people = (text: string) =>
			buildEntityIndex([article('a', text)])
				.all()
				.filter((e) => e.kind === 'person')
				.map((e) => e.name);
		assert.deepEqual(people('นำขึ้นทูลเกล้าฯ ถวาย เพื่อพระมหากษัตริย์ทรงลงพระปรมาภิไธย และประกาศใช้บังคับ'), []);
		assert.deepEqual(people('โดยมีนายทรงพล ใจกริ่ม ผู้อำนวยการ เป็นประธาน'), ['ทรงพล ใจกริ่ม']);
	});

	it('a place, then แก่, กับ or หรือ and a known place, is two places and a preposition, not one place', () => {
		assert.equal(reason('สปป. ลาวแก่มาเลเซีย', 'place', tagger(1)), 'joined');
		assert.equal(reason('กัมพูชากับเวียดนาม', 'place', tagger(1)), 'joined');
		// Twins: แก่ inside a place's word (ขอนแก่น, แก่งคอย), a place named alone.
		assert.equal(reason('อำเภอเมืองขอนแก่น', 'place', tagger(3)), undefined);
		assert.equal(reason('อำเภอแก่งคอย', 'place', tagger(1)), undefined);
		assert.equal(reason('สปป. ลาว', 'place', tagger(1)), undefined);
	});

	it('two places joined by และ, the second opened by a head, are no place; a known place or a region keeps its และ', () => {
		const head: MentionEvidence[] = [{rule: 'place-head', article: 0}];
		assert.equal(reason('สาธารณรัฐสังคมนิยมเวียดนามและราชอาณาจักรไทย', 'place', head), 'joined');
		// Twins: a country the gazetteer knows, Bangkok and its vicinity.
		assert.equal(reason('แซงปีแยร์และมีเกอลง', 'place', [{rule: 'gazetteer', article: 0}]), undefined);
		assert.equal(reason('กรุงเทพมหานครและปริมณฑล', 'place', tagger(2, 2)), undefined);
	});

	it('a Latin place of everyday words around a place’s word is a kind of place; a word of its own makes it one', () => {
		const latin: MentionEvidence[] = [{rule: 'latin', article: 0}];
		assert.equal(reason('Smart Port', 'place', latin), 'latin-kind');
		assert.equal(reason('Digital Park', 'place', latin), 'latin-kind');
		// Twins: a word of its own (a brand, a city), a Thai mention.
		assert.equal(reason('OTOP City', 'place', latin), undefined);
		assert.equal(reason('Osaka City', 'place', latin), undefined);
		assert.equal(reason('Digital Park', 'place', [...latin, {rule: 'model', article: 1}]), undefined);
	});
});
