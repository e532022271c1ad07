// Bodies and places the corpus writes as a kind (issue 7, the junk6 round, read off a fourth
// hand-labelled sample): how a mention is written (generic-use.ts), how an entity's mentions are
// weighed (evidence.ts), and the same verdict whether detection ran here or came through the
// mention columns a worker or the detection cache hands over. Names and sentences written for the test.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {EntityIndexBuilder} from '../../source/entities/builder.js';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import {detectMentions} from '../../source/entities/find-mentions.js';
import {genericUse, headedUse} from '../../source/entities/generic-use.js';
import {linkKeys} from '../../source/entities/link-keys.js';
import {decodeArticle, encodeMentions} from '../../source/entities/mention-codec.js';
import type {EntityKind} from '../../source/entities/types.js';

/** genericUse of the first `name` in `text`. */
const used = (text: string, name: string): boolean => genericUse(text, text.indexOf(name), text.indexOf(name) + name.length);
const mentions = (rule: string, n: number, generic: number, articles = n): MentionEvidence[] =>
	Array.from({length: n}, (_, i) => ({rule, article: i % articles, ...(i < generic ? {generic: true} : {})}));
const reason = (name: string, kind: EntityKind, ms: MentionEvidence[]): string | undefined => unlistedReason({name, kind, mentions: ms});

describe('a mention written as a kind', () => {
	it('counted, predicated, quantified or a short form glued to its qualifier', () => {
		assert.ok(used('ภาครัฐตั้งศูนย์บริการชุมชน 12 แห่ง ทั่วภาคเหนือ', 'ศูนย์บริการชุมชน'));
		assert.ok(used('หน่วยงานนี้ซึ่งเป็นศูนย์บริการชุมชนภายใต้การกำกับ', 'ศูนย์บริการชุมชน'));
		assert.ok(used('ผู้แทนจากศูนย์บริการชุมชนแห่งหนึ่งกล่าวว่า', 'ศูนย์บริการชุมชน'));
		assert.ok(used('ติดต่อได้ที่ศูนย์บริการชุมชนทุกแห่งทั่วประเทศ', 'ศูนย์บริการชุมชน'));
		assert.ok(used('ที่ประชุม คกท.บริหารงานบุคคล มีมติ', 'คกท.'));
		assert.ok(used('ที่ประชุม คกท.โรงงานมีมติ', 'คกท.'));
		// Twins: an address's or a floor's number, an example, a short form in brackets, before a
		// space or glued to a verb or a joining word, ทุก of the next noun.
		assert.ok(!used('เลขที่ 5 ถนนวิภาวดีรังสิต', 'ถนนวิภาวดีรังสิต'));
		assert.ok(!used('ห้องประชุมชั้น 9 สำนักงานสถิติแห่งชาติ', 'สำนักงานสถิติแห่งชาติ'));
		assert.ok(!used('หน่วยงานต่างๆ เช่น สมาคมผู้เลี้ยงปลาจังหวัดตาก', 'สมาคมผู้เลี้ยงปลาจังหวัดตาก'));
		assert.ok(!used('สำนักงานพัฒนาเมือง (สพม.) ได้ร่วมมือ', 'สพม.'));
		assert.ok(!used('ทั้งนี้ สพม. ได้ร่วมมือ', 'สพม.'));
		assert.ok(!used('ทั้งนี้ สพม.ได้ร่วมมือและสพม.และกรมชล', 'สพม.'));
		assert.ok(!used('ประกาศคณะกรรมการปฏิรูป ทุกฉบับ', 'คณะกรรมการปฏิรูป'));
	});

	it('a body in the area, abroad, in each province: one of a kind found in every place; after a place only where', () => {
		const body = (text: string, name: string): boolean => genericUse(text, text.indexOf(name), text.indexOf(name) + name.length, 'organization');
		const place = (text: string, name: string): boolean => genericUse(text, text.indexOf(name), text.indexOf(name) + name.length, 'place');
		assert.ok(body('ให้สำนักงานพาณิชย์ในพื้นที่ตรวจสอบราคา', 'สำนักงานพาณิชย์'));
		assert.ok(body('สำนักงานส่งเสริมการส่งออกในต่างประเทศ 40 แห่ง', 'สำนักงานส่งเสริมการส่งออก'));
		assert.ok(body('ศูนย์บริการคนพิการประจำจังหวัด ได้ลงพื้นที่', 'ศูนย์บริการคนพิการ'));
		// Twins: a place followed by its area, a body with its province glued after ประจำจังหวัด.
		assert.ok(!place('เที่ยวอุทยานแห่งชาติดอยงามในพื้นที่ภาคเหนือ', 'อุทยานแห่งชาติดอยงาม'));
		assert.ok(!body('ศูนย์บริการคนพิการประจำจังหวัดลำปาง ได้ลงพื้นที่', 'ศูนย์บริการคนพิการ'));
		assert.ok(!body('ศูนย์บริการคนพิการ ได้ลงพื้นที่', 'ศูนย์บริการคนพิการ'));
	});

	it('a manner: อย่าง glued before it; อย่าง and a space gives examples, ตัวอย่าง counts samples', () => {
		assert.ok(used('ระบบนี้ทำงานได้อย่างสมบูรณ์ ในทุกพื้นที่', 'สมบูรณ์'));
		// Twins: such as (a space after อย่าง), samples counted (ตัวอย่าง).
		assert.ok(!used('ผู้ให้บริการรายใหญ่ อย่าง วรรณวิภาคลาวด์ ลงทุน', 'วรรณวิภาคลาวด์'));
		assert.ok(!used('อำเภอสะเดา 110 ตัวอย่างอำเภอบางกล่ำ 100 ตัวอย่าง', 'อำเภอบางกล่ำ'));
	});

	it('a place with no head, seen in many articles, written as a manner half the time or more, is no place', () => {
		assert.equal(reason('สมบูรณ์', 'place', mentions('model', 4, 2)), 'generic-use');
		// Twins: written bare most of the time; a known place.
		assert.equal(reason('สมบูรณ์', 'place', mentions('model', 4, 1)), undefined);
		assert.equal(reason('ชุมพร', 'place', mentions('model', 4, 4)), undefined);
	});

	it("all of a number, all over the country or the world, a level of government, the state's, a type of", () => {
		const kinds: Array<[string, string]> = [
			['ประสานงานกับศูนย์บริการชุมชน ทั้ง 38 ศูนย์ เพื่อ', 'ศูนย์บริการชุมชน'],
			['ให้สำนักงานพัฒนาชุมชนทั่วทั้งประเทศเร่งสำรวจ', 'สำนักงานพัฒนาชุมชน'],
			['สถานศึกษาไทยทั่วโลกจัดกิจกรรม', 'สถานศึกษาไทย'],
			['ผู้แทนสมาคมผู้ค้าปลีกระดับจังหวัดเข้าร่วม', 'สมาคมผู้ค้าปลีก'],
			['ให้โรงพยาบาลของรัฐรับผู้ป่วย', 'โรงพยาบาล'],
			['ผู้ประกอบการประเภทโรงแรมขนาดเล็กยื่นคำขอ', 'โรงแรมขนาดเล็ก'],
		];
		// Twins: ทั้ง opening the next clause (ทั้งนี้) or joining two things, a level that is no
		// government's, the government's own word (ของรัฐบาล), a type written after the name.
		const names: Array<[string, string]> = [
			['ศูนย์บริการชุมชน ทั้งนี้ได้ประสานงาน', 'ศูนย์บริการชุมชน'],
			['สมาคมผู้ค้าปลีกไทย ทั้งด้านการตลาดและการผลิต', 'สมาคมผู้ค้าปลีกไทย'],
			['สมาคมผู้ค้าปลีกไทยระดับสูงสุด', 'สมาคมผู้ค้าปลีกไทย'],
			['สำนักงานโฆษกของรัฐบาลแถลงว่า', 'สำนักงานโฆษก'],
			['โรงแรมรอยัลริเวอร์ประเภทห้าดาว', 'โรงแรมรอยัลริเวอร์'],
		];
		for (const [text, name] of kinds) assert.ok(used(text, name), text);
		for (const [text, name] of names) assert.ok(!used(text, name), text);
	});
});

describe('an entity the corpus writes as a kind', () => {
	it('a head with everyday words, written as a kind half the time or more, is a kind', () => {
		assert.equal(reason('ศูนย์บริการประชาชน', 'organization', mentions('org-head', 1, 1)), 'generic-use');
		assert.equal(reason('ศูนย์บริการประชาชน', 'organization', mentions('org-head', 4, 2)), 'generic-use');
		assert.equal(reason('คกท.', 'organization', mentions('abbreviation', 6, 3)), 'generic-use');
		assert.equal(reason('ถนนสาธารณะ', 'place', mentions('place-head', 1, 1)), 'generic-use');
		// Twins: written bare most of the time; a name with a word of its own (a province, a
		// brand); a definition; a sub-district named by words; a known place; a long short form.
		assert.equal(reason('ศูนย์บริการประชาชน', 'organization', mentions('org-head', 5, 2)), undefined);
		assert.equal(reason('ศูนย์บริการประชาชน', 'organization', mentions('org-head', 3, 0)), undefined);
		assert.equal(reason('สมาคมผู้เลี้ยงปลาจังหวัดตาก', 'organization', mentions('org-head', 1, 1)), undefined);
		assert.equal(reason('บริษัทซีเอ็มทีกรุ๊ป', 'organization', mentions('org-head', 1, 1)), undefined);
		assert.equal(reason('ศูนย์บริการประชาชน', 'organization', [...mentions('org-head', 2, 2), {rule: 'definition', article: 0}]), undefined);
		assert.equal(reason('ตำบลปลายนา', 'place', mentions('place-head', 1, 1)), undefined);
		assert.equal(reason('เชียงใหม่', 'place', mentions('model', 2, 2)), undefined);
		assert.equal(reason('สพม.ภาค', 'organization', mentions('abbreviation', 2, 2)), undefined);
	});

	it("an indefinite or a plural ending it, a prince's rank opening it, a road's code are no body's name", () => {
		assert.equal(reason('บริษัทก่อสร้างแห่งหนึ่ง', 'organization', mentions('org-head', 1, 0)), 'generic');
		assert.equal(reason('สมาคมกีฬาต่างๆ', 'organization', mentions('org-head', 2, 0)), 'generic');
		assert.equal(reason('กรมหลวงสุนทรเทพ', 'organization', mentions('model', 3, 0)), 'royal-rank');
		assert.equal(reason('กรมขุนพิไลวรรณ', 'organization', mentions('org-head', 1, 0)), 'royal-rank');
		assert.equal(reason('ทช.1234', 'organization', mentions('model', 2, 0)), 'road-code');
		assert.equal(reason('นภ. 305', 'organization', mentions('model', 1, 0)), 'road-code');
		// Twins: a name ending on หนึ่ง of its own, a department opened by กรมพระ or กรมการ, a
		// regional office numbered in two digits.
		assert.equal(reason('โรงเรียนบ้านหนองหนึ่ง', 'organization', mentions('org-head', 2, 0)), undefined);
		assert.equal(reason('กรมพระธรรมนูญ', 'organization', mentions('org-head', 2, 0)), undefined);
		assert.equal(reason('กรมการแพทย์', 'organization', mentions('org-head', 2, 0)), undefined);
		assert.equal(reason('สคพ.12', 'organization', mentions('abbreviation', 2, 0)), undefined);
	});

	it('a shrine is no court (a place of worship the org-head rule read as ศาล, a court)', () => {
		// Twins: the courts, ศาล and their jurisdiction; a shrine typed as a place is the place's rules' to judge.
		const cases: Array<[string, EntityKind, string | undefined]> = [
			['ศาลเจ้าเล่งจูเกียง', 'organization', 'shrine'],
			['ศาลพระกาฬไชยศรี', 'organization', 'shrine'],
			['ศาลตา', 'organization', 'shrine'],
			['ศาลฎีกา', 'organization', undefined],
			['ศาลปกครองสูงสุด', 'organization', undefined],
			['ศาลรัฐธรรมนูญ', 'organization', undefined],
			['ศาลหลักเมืองบุรีรัมย์', 'place', undefined],
		];
		for (const [name, kind, expected] of cases) assert.equal(reason(name, kind, mentions('org-head', 2, 0)), expected, name);
	});

	it('gets the same verdict when detection ran here or came through the mention columns', () => {
		const articles = [
			{id: 'a', text: 'ที่ประชุม คกท.บริหารงานบุคคล มีมติให้ดำเนินการ และ คกท.พิจารณางบประมาณ ได้ประชุมแล้ว'},
			{id: 'b', text: 'นอกจากนี้ คกท.การเงินได้เสนอให้ที่ประชุมพิจารณา'},
		].map((a) => ({...a, path: `${a.id}.txt`, format: 'txt' as const, title: '', blocks: []}));
		const here = new EntityIndexBuilder({everyEntity: true});
		here.add(articles);
		const perArticle = articles.map((a) => detectMentions(a));
		const columns = encodeMentions(perArticle);
		const carried = new EntityIndexBuilder({everyEntity: true});
		carried.addDetected(articles.map((a, i) => ({id: a.id, mentions: decodeArticle(columns, i), keys: perArticle[i]!.map(linkKeys)})));
		const verdicts = (b: EntityIndexBuilder): Array<[string, string | undefined]> =>
			b
				.snapshot()
				.all()
				.map((e) => [e.name, e.unlisted]);
		assert.ok(
			perArticle.flat().some((m) => m.generic === true),
			'the texts hold a mention written as a kind',
		);
		assert.deepEqual(verdicts(carried), verdicts(here));
		assert.ok(verdicts(here).some(([name, why]) => name === 'คกท.' && why === 'generic-use'));
	});
});

describe('a mention right after a head of office or an officer (the bar4 round)', () => {
	const headed = (text: string, name: string): boolean => headedUse(text, text.indexOf(name));
	it('a head, a deputy head, a member or a spokesman right before the name, glued or after a space', () => {
		assert.ok(headed('นายสมปอง ใจดี อธิบดีกรมส่งเสริมการปลูกป่า กล่าวว่า', 'กรมส่งเสริมการปลูกป่า'));
		assert.ok(headed('รองผู้อำนวยการ ศูนย์วิจัยพืชไร่ภูพาน เปิดงาน', 'ศูนย์วิจัยพืชไร่ภูพาน'));
		assert.ok(headed('โฆษกสมาคมผู้ค้าปลีกไทย แถลงข่าว', 'สมาคมผู้ค้าปลีกไทย'));
		// Twins: after a verb, ที่ or a staff word; at the start of the text.
		assert.ok(!headed('ประชาชนเดินทางไปศูนย์พักคอยชุมชน', 'ศูนย์พักคอยชุมชน'));
		assert.ok(!headed('เจ้าหน้าที่ศูนย์พักคอยชุมชนดูแล', 'ศูนย์พักคอยชุมชน'));
		assert.ok(!headed('ศูนย์พักคอยชุมชนเปิดแล้ว', 'ศูนย์พักคอยชุมชน'));
	});
});
