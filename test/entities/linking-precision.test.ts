// Precision first in linking (issue 7, item 2): each merge rule beside its must-not-link twin.
// Articles written for the test.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {buildEntityIndex} from '../../source/entities/builder.js';
import {findMentions} from '../../source/entities/find-mentions.js';
import {bodyNameKey} from '../../source/entities/link-keys.js';
import {samePlaceKey} from '../../source/entities/detect/head-name.js';
import {nameKey} from '../../source/entities/normalize.js';
import {article, idsOf, indexOfTexts} from './helpers.js';

const index = indexOfTexts;
/** The organisations detected in a text, as written. */
const bodies = (text: string): string[] =>
	findMentions({text})
		.filter((m) => m.kind === 'organization')
		.map((m) => m.text);

describe('acronyms join an expansion only as the corpus defines them', () => {
	it('an acronym defined once joins its bare uses in other articles', () => {
		const idx = index('สำนักงานคณะกรรมการพัฒนาชนบท (สพช.) แถลงผลงาน', 'ล่าสุด สพช. ระบุว่า โครงการคืบหน้า');
		assert.equal(new Set(idsOf(idx, 'สพช.')).size, 1);
		assert.deepEqual(idsOf(idx, 'สพช.'), idsOf(idx, 'สำนักงานคณะกรรมการพัฒนาชนบท'));
	});

	it('an acronym defined two ways stays two, and its bare uses join neither', () => {
		const idx = index('สำนักงานคณะกรรมการพัฒนาชนบท (สพช.) แถลงผลงาน', 'ล่าสุด สพช. ระบุว่า โครงการคืบหน้า', 'สำนักงานพัฒนาชายฝั่ง (สพช.) ประกาศผล');
		const a = idsOf(idx, 'สำนักงานคณะกรรมการพัฒนาชนบท');
		const b = idsOf(idx, 'สำนักงานพัฒนาชายฝั่ง');
		assert.equal(a.length, 1);
		assert.equal(b.length, 1);
		assert.notEqual(a[0], b[0]);
		assert.equal(idsOf(idx, 'สพช.').length, 3);
	});

	it('a body and its office sharing a Latin acronym are not merged through it', () => {
		const idx = index('คณะกรรมการส่งเสริมการประมง (Fisheries Promotion Board: FPB) ประชุม', 'สำนักงานส่งเสริมการประมง (FPB) แถลง');
		assert.notDeepEqual(idsOf(idx, 'คณะกรรมการส่งเสริมการประมง'), idsOf(idx, 'สำนักงานส่งเสริมการประมง'));
	});

	it('an acronym after a position is the body, not a person', () => {
		const idx = index('ผู้แทน UNHCR กล่าวว่า สถานการณ์ดีขึ้น');
		assert.ok(
			idx.all().every((e) => e.kind !== 'person'),
			JSON.stringify(idx.all()),
		);
	});
});

describe("the article's own word: a person's name in both scripts", () => {
	it('Thai name (Latin name), with title, links across articles', () => {
		const idx = index('นายวีระพงษ์ ศรีทอง (Weerapong Srithong) กล่าวเปิดงาน', 'Weerapong Srithong กล่าวว่า ดีใจ');
		const ids = new Set([...idsOf(idx, 'วีระพงษ์ ศรีทอง'), ...idsOf(idx, 'Weerapong Srithong')]);
		assert.equal(ids.size, 1);
		assert.equal(idx.entity([...ids][0]!)?.kind, 'person');
	});

	it('Latin name (Thai name), titled or sounding alike', () => {
		const idx = index('Nadia Petrova (นาเดีย เปโตรวา) กล่าว', 'Karl Brenner (นายคาร์ล เบรนเนอร์) เดินทาง');
		assert.deepEqual(idsOf(idx, 'Nadia Petrova'), idsOf(idx, 'นาเดีย เปโตรวา'));
		assert.deepEqual(idsOf(idx, 'Karl Brenner'), idsOf(idx, 'คาร์ล เบรนเนอร์'));
	});

	it('not a body or a place in the bracket, nor a Thai phrase that does not sound like the name (twins)', () => {
		const idx = index('นายวีระพงษ์ ศรีทอง (Ministry of Energy) กล่าว', 'Nadia Petrova (ผู้เชี่ยวชาญ) กล่าว');
		assert.notDeepEqual(idsOf(idx, 'วีระพงษ์ ศรีทอง'), idsOf(idx, 'Ministry of Energy'));
		assert.equal(idsOf(idx, 'ผู้เชี่ยวชาญ').length, 0);
	});
});

describe("the article's own word: a name in both scripts with no bracket between", () => {
	it('a Latin name and a Thai one sounding alike word by word are one person, here and in other articles', () => {
		const idx = index(
			'Mr. Lukas Weber เดินทางถึงสนามบิน ต่อมา นายลูคัส เวเบอร์ กล่าวว่า ยินดีที่ได้มาเยือน',
			'Dr. Samuel Okafor ผู้อำนวยการศูนย์วิจัย (นายซามูเอล โอคาฟอร์) บรรยายพิเศษ',
			'นายลูคัส เวเบอร์ เข้าพบรัฐมนตรีอีกครั้ง',
		);
		const weber = new Set([...idsOf(idx, 'Lukas Weber'), ...idsOf(idx, 'ลูคัส เวเบอร์')]);
		assert.equal(weber.size, 1, 'the Thai spelling in a third article joins too');
		assert.equal(idx.mentionsOf([...weber][0]!).length, 3);
		assert.deepEqual(idsOf(idx, 'Samuel Okafor'), idsOf(idx, 'ซามูเอล โอคาฟอร์'));
	});

	it('twins: another surname, one word only, or a Thai name two Latin people sound like are not joined', () => {
		const other = index('Mr. Lukas Weber เดินทางถึงสนามบิน ต่อมา นายลูคัส ชมิดท์ กล่าวว่า ยินดี');
		assert.equal(idsOf(other, 'ลูคัส ชมิดท์').length, 1);
		assert.notDeepEqual(idsOf(other, 'Lukas Weber'), idsOf(other, 'ลูคัส ชมิดท์'));
		const untitled = index('ส่วน Lukas Weber ไม่ได้มา ต่อมา นายลูคัส เวเบอร์ กล่าวว่า ยินดี');
		assert.notDeepEqual(idsOf(untitled, 'Lukas Weber'), idsOf(untitled, 'ลูคัส เวเบอร์'), 'a Latin pair with no title may be anything');
		const alone = index('Mr. Lukas Weber เดินทางถึงสนามบิน ต่อมา นายลูคัส กล่าวว่า ยินดี');
		assert.ok(idsOf(alone, 'ลูคัส').every((id) => !idsOf(alone, 'Lukas Weber').includes(id)));
		const two = index('Mr. Lukas Weber และ Mr. Lucas Weber เดินทางถึงสนามบิน ต่อมา นายลูคัส เวเบอร์ กล่าวว่า ยินดี');
		const thai = idsOf(two, 'ลูคัส เวเบอร์');
		assert.equal(thai.length, 1);
		assert.ok(!idsOf(two, 'Lukas Weber').includes(thai[0]!) && !idsOf(two, 'Lucas Weber').includes(thai[0]!));
	});
});

describe('the cross-script phonetic key needs every name part to agree', () => {
	it('the same parts in both scripts link', () => {
		const idx = index('ประธานาธิบดี ฮา มิน ตวน กล่าว', 'President Ha Min Tuan said');
		assert.deepEqual(idsOf(idx, 'ฮา มิน ตวน'), idsOf(idx, 'Ha Min Tuan'));
	});

	it('the same letters split into other parts do not (must-not-link twin)', () => {
		const idx = index('ประธานาธิบดี ฮา มิน ตวน กล่าว', 'President Hamin Tuan said');
		assert.notDeepEqual(idsOf(idx, 'ฮา มิน ตวน'), idsOf(idx, 'Hamin Tuan'));
	});
});

describe('a body written short or with its legal ending is the same body', () => {
	it('a head written short joins the name written in full, in another article', () => {
		const idx = index('ผู้ป่วยถูกส่งตัวไปโรงพยาบาลบ้านดอนสัก เมื่อวานนี้', 'แพทย์ รพ.บ้านดอนสัก ระบุว่าอาการดีขึ้น');
		assert.equal(idsOf(idx, 'รพ.บ้านดอนสัก').length, 1);
		assert.deepEqual(idsOf(idx, 'รพ.บ้านดอนสัก'), idsOf(idx, 'โรงพยาบาลบ้านดอนสัก'));
	});

	it('but not a body of the same head with another name', () => {
		const idx = index('ผู้ป่วยถูกส่งตัวไปโรงพยาบาลบ้านดอนสัก เมื่อวานนี้', 'แพทย์ รพ.บ้านนาเกลือ ระบุว่าอาการดีขึ้น');
		assert.equal(idsOf(idx, 'รพ.บ้านนาเกลือ').length, 1);
		assert.notDeepEqual(idsOf(idx, 'รพ.บ้านนาเกลือ'), idsOf(idx, 'โรงพยาบาลบ้านดอนสัก'));
	});

	it('a company with and without its legal ending, and by its short head, is one company', () => {
		const idx = index('บริษัท สยามวัสดุก่อสร้าง จำกัด (มหาชน) แจ้งผลประกอบการ', 'ผู้บริหาร บมจ.สยามวัสดุก่อสร้าง กล่าวว่า ยอดขายเพิ่มขึ้น', 'ตัวแทนบริษัท สยามวัสดุก่อสร้าง เข้าร่วมประชุม');
		const ids = new Set([...idsOf(idx, 'บริษัท สยามวัสดุก่อสร้าง จำกัด (มหาชน)'), ...idsOf(idx, 'บมจ.สยามวัสดุก่อสร้าง'), ...idsOf(idx, 'บริษัท สยามวัสดุก่อสร้าง')]);
		assert.equal(ids.size, 1, JSON.stringify(idx.all()));
	});

	it('but its subsidiary in another country, named with the country, stays another company', () => {
		const idx = index('บริษัท สยามวัสดุก่อสร้าง จำกัด (มหาชน) แจ้งผลประกอบการ', 'บริษัท สยามวัสดุก่อสร้าง (เวียดนาม) จำกัด เปิดโรงงาน');
		const parent = idsOf(idx, 'บริษัท สยามวัสดุก่อสร้าง จำกัด (มหาชน)');
		assert.equal(parent.length, 1);
		assert.ok(
			idx.all().some((e) => !parent.includes(e.id) && idx.mentionsOf(e.id).some((m) => m.text.includes('เวียดนาม'))),
			JSON.stringify(idx.all()),
		);
	});
});

describe('กรุง before a country is no capital and not the country', () => {
	it('กรุง glued to a country names a body of its own, never the country', () => {
		const idx = index('กรุงญี่ปุ่นประกันภัยแจ้งว่า ลูกค้าในประเทศญี่ปุ่นได้รับความคุ้มครอง');
		const japan = idsOf(idx, 'ประเทศญี่ปุ่น');
		assert.equal(japan.length, 1);
		const names = idx.mentionsOf(japan[0]!).map((m) => m.text);
		assert.ok(!names.some((n) => n.startsWith('กรุง')), names.join(', '));
	});

	it('the body ends with the country when a verb follows, and runs on into a name that is no verb', () => {
		assert.ok(bodies('ล่าสุด กรุงลาวส่งหนังสือแจ้งลูกค้า').includes('กรุงลาว'), JSON.stringify(bodies('ล่าสุด กรุงลาวส่งหนังสือแจ้งลูกค้า')));
		assert.ok(bodies('ลูกค้าของกรุงญี่ปุ่นประกันภัย ได้รับแจ้ง').includes('กรุงญี่ปุ่นประกันภัย'));
	});

	it('while กรุง before a city is that city, and a kingdom before a country is the country', () => {
		const idx = index('นายกรัฐมนตรีเดินทางถึงกรุงโตเกียว ประเทศญี่ปุ่น เพื่อหารือกับราชอาณาจักรไทย');
		assert.equal(idx.entity(idsOf(idx, 'กรุงโตเกียว')[0]!)?.kind, 'place');
		assert.deepEqual(idsOf(idx, 'ราชอาณาจักรไทย'), ['place:th']);
	});
});

describe('a legal ending dropped leaves a body only with its head', () => {
	it('the key of a body written short or with its legal ending is the body written in full', () => {
		assert.equal(bodyNameKey('รพ.บ้านดอนสัก'), nameKey('โรงพยาบาลบ้านดอนสัก'));
		assert.equal(bodyNameKey('บมจ. สยามวัสดุก่อสร้าง'), nameKey('บริษัท สยามวัสดุก่อสร้าง'));
		assert.equal(bodyNameKey('ธนาคารสยามออมทรัพย์ จำกัด (มหาชน)'), nameKey('ธนาคารสยามออมทรัพย์'));
		assert.equal(bodyNameKey('สำนักงานส่งเสริมการประมงชายฝั่ง (องค์การมหาชน)'), nameKey('สำนักงานส่งเสริมการประมงชายฝั่ง'));
		assert.equal(bodyNameKey('บริษัท สยามวัสดุก่อสร้าง (เวียดนาม) จำกัด'), nameKey('บริษัท สยามวัสดุก่อสร้าง (เวียดนาม)'));
	});

	it('but a name cut to a country and a legal ending, or a head alone, has none', () => {
		assert.equal(bodyNameKey('ลาว จำกัด'), undefined);
		assert.equal(bodyNameKey('บริษัท จำกัด'), undefined);
		assert.equal(bodyNameKey('รพ.'), undefined);
	});
});

describe('a Latin name after a position is a person only without a head word', () => {
	const after = (text: string): string[] =>
		findMentions({text})
			.filter((m) => m.kind === 'person')
			.map((m) => m.text);
	it('a visa, a foundation or a programme after a position is no person', () => {
		assert.deepEqual(after('มีชาวต่างชาติผู้สมัคร Golden Harbour Visa จำนวนหนึ่ง'), []);
		assert.deepEqual(after('ผู้แทน Nordvik Foundation เข้าพบ'), []);
	});

	it('while a Latin person after the same position is a person', () => {
		assert.deepEqual(after('มีชาวต่างชาติผู้สมัคร Daniel Whitmore จำนวนหนึ่ง'), ['Daniel Whitmore']);
	});
});

describe('state enterprises: การ + what they run + แห่งประเทศไทย', () => {
	it('the whole name is one body, and its abbreviation without การ is defined by it', () => {
		assert.ok(bodies('ผู้ว่าการการประมงแห่งประเทศไทย แถลงว่า').includes('การประมงแห่งประเทศไทย'));
		const idx = index('การประมงแห่งประเทศไทย (ปมท.) แถลงว่า', 'ล่าสุด ปมท. ระบุว่า โครงการคืบหน้า');
		assert.equal(idsOf(idx, 'ปมท.').length, 1);
		assert.deepEqual(idsOf(idx, 'ปมท.'), idsOf(idx, 'การประมงแห่งประเทศไทย'));
	});

	it('but a verbal noun with a function word before แห่งประเทศไทย is no body', () => {
		assert.ok(!bodies('เพื่อส่งเสริมการพัฒนาที่ยั่งยืนแห่งประเทศไทย').some((b) => b.startsWith('การ')));
		// Nor is it a head glued after a body's head or "for": it is that body's complement.
		assert.ok(!bodies('ผู้อำนวยการสถาบันเพื่อการศึกษาแห่งประเทศไทย (TIE) กล่าว').includes('การศึกษาแห่งประเทศไทย'));
		// Nor the การ that ends a post (ผู้อำนวยการ|สถานี…).
		assert.ok(!bodies('ผู้อำนวยการสถานีโทรทัศน์ชุมชนแห่งประเทศไทย กล่าว').some((b) => b.startsWith('การ')));
	});
});

describe('a place the tagger reads with its head', () => {
	it("is the gazetteer's place, one entity with the place written bare", () => {
		assert.equal(samePlaceKey('ประเทศอุซเบกิสถาน'), 'UZ');
		assert.equal(samePlaceKey('จังหวัดเชียงราย'), 'เชียงราย');
		// Twins: a head with no known place after it, and a body's head before a place.
		assert.equal(samePlaceKey('ประเทศต่างๆ'), undefined);
		assert.equal(samePlaceKey('สำนักงานเชียงราย'), undefined);
		const idx = buildEntityIndex([article('a', 'ณ เมืองซามาร์กันต์ ประเทศอุซเบกิสถาน บรรดาผู้นำ ระหว่างจีนกับอุซเบกิสถาน ดังนั้น')]);
		const uz = idx.all().filter((e) => e.aliases.some((a) => a.includes('อุซเบกิสถาน')));
		assert.equal(uz.length, 1, JSON.stringify(uz.map((e) => e.aliases)));
	});
});

describe('a body cut short with ฯ', () => {
	it('joins the one body of the article whose name it opens, and the full name names the entity', () => {
		const idx = buildEntityIndex([article('a', 'ทั้งนี้ ศูนย์วิจัยข้าวปทุมธานี ได้จัดงาน โดย ศูนย์วิจัยฯ ได้เชิญเกษตรกร และ ศูนย์วิจัยฯ จะ')]);
		const bodies = idx.all().filter((e) => e.kind === 'organization');
		assert.deepEqual(
			bodies.map((e) => [e.name, idx.mentionsOf(e.id).length]),
			[['ศูนย์วิจัยข้าวปทุมธานี', 3]],
		);
	});

	it('twins: alone, or with two bodies it could open, it stays as written', () => {
		const alone = buildEntityIndex([article('a', 'ทั้งนี้ ศูนย์วิจัยฯ จะจัดงาน')]);
		assert.deepEqual(
			alone.all().map((e) => e.name),
			['ศูนย์วิจัยฯ'],
		);
		const two = buildEntityIndex([article('a', 'ทั้งนี้ ศูนย์วิจัยข้าวปทุมธานี และ ศูนย์วิจัยข้าวชัยนาท ได้จัดงาน โดย ศูนย์วิจัยฯ ได้เชิญเกษตรกร')]);
		assert.ok(two.all().some((e) => e.name === 'ศูนย์วิจัยฯ'));
	});
});

describe('registered companies: บริษัท … จำกัด (มหาชน)', () => {
	it('a company named in words with spaces, in either script, is one body up to its legal ending', () => {
		assert.ok(bodies('ผู้บริหารบริษัท นอร์ท สตาร์ ฟู้ดส์ จำกัด (มหาชน) แถลงว่า').includes('บริษัท นอร์ท สตาร์ ฟู้ดส์ จำกัด (มหาชน)'));
		assert.ok(bodies('ร่วมกับบริษัท North Star Foods จำกัด ผลิต').includes('บริษัท North Star Foods จำกัด'));
	});

	it('a bracket just before จำกัด is part of the name, and no place of its own', () => {
		const text = 'ผู้แทนบริษัท นอร์ท สตาร์ ฟู้ดส์ (ประเทศไทย) จำกัด (มหาชน) กล่าวว่า';
		assert.ok(bodies(text).includes('บริษัท นอร์ท สตาร์ ฟู้ดส์ (ประเทศไทย) จำกัด (มหาชน)'));
		assert.deepEqual(
			findMentions({text}).filter((m) => m.kind === 'place'),
			[],
		);
		// Twin: a bracket earlier in the run is no company's (a clause with an aside in it).
		assert.ok(!bodies('บริษัท (ตามที่แจ้ง) ได้ส่งมอบ ให้ห้างหุ้นส่วนจำกัด').some((b) => b.startsWith('บริษัท')));
	});

	it('but a clause between บริษัท and a later จำกัด is no company', () => {
		assert.ok(!bodies('เปิดเผยว่าบริษัทได้ให้ความร่วมมือกับห้างหุ้นส่วนจำกัด').some((b) => b.startsWith('บริษัท')));
		assert.ok(!bodies('บริษัท ให้ ความร่วมมือ แก่ บุคคล จำกัด').some((b) => b.startsWith('บริษัท')));
		// Two companies in a row: the second's จำกัด does not reach back past the first's.
		assert.ok(!bodies('ได้แก่ บริษัท นอร์ท สตาร์ จำกัด ธนาคารทุ่งทอง จำกัด (มหาชน)').some((b) => b.includes('สตาร์') && b.includes('ทุ่งทอง')));
	});
});

describe('a body the gazetteer knows is defined by its acronym; a place is not', () => {
	it('the acronym in brackets after a body of the gazetteer is that body', () => {
		const idx = index('ผู้แทนสหภาพยุโรป (EU) เข้าพบ', 'ล่าสุด EU ประกาศมาตรการใหม่');
		assert.equal(idsOf(idx, 'EU').length, 1);
		assert.deepEqual(idsOf(idx, 'EU'), idsOf(idx, 'สหภาพยุโรป'));
	});

	it('nor is an acronym after a known place glued to "in", which ends the phrase the acronym names', () => {
		const kinds = (text: string) => findMentions({text}).map((m) => [m.text, m.kind, m.rule]);
		assert.deepEqual(
			kinds('การประชุมว่าด้วยความมั่นคงทางอาหารในภูมิภาคแอฟริกา (FSAC) ครั้งที่ 2').find((k) => k[0] === 'FSAC'),
			['FSAC', 'other', 'acronym'],
		);
		// Twin: a zone named in its own words after "in" is defined by its acronym.
		assert.deepEqual(
			kinds('การลงทุนในเขตพัฒนาพิเศษภาคใต้ (SSEZ) เพิ่มขึ้น').find((k) => k[0] === 'SSEZ'),
			['SSEZ', 'place', 'definition'],
		);
	});

	it('while an acronym after a country is no name of that country', () => {
		const idx = index('ผู้แทนประเทศญี่ปุ่น (JCCB) เข้าพบ', 'ล่าสุด JCCB ประกาศมาตรการใหม่');
		assert.notDeepEqual(idsOf(idx, 'JCCB'), idsOf(idx, 'ประเทศญี่ปุ่น'));
	});
});

describe("a region's number after a space is part of the body's name", () => {
	it('each numbered region is its own body', () => {
		assert.ok(bodies('กำลังพลจากตำรวจภูธรภาค 7 เข้าพื้นที่').includes('ตำรวจภูธรภาค 7'));
		const idx = index('ตำรวจภูธรภาค 7 แถลงผล', 'ตำรวจภูธรภาค 4 แถลงผล');
		assert.notDeepEqual(idsOf(idx, 'ตำรวจภูธรภาค 7'), idsOf(idx, 'ตำรวจภูธรภาค 4'));
	});

	it('but not a count after the region word', () => {
		assert.deepEqual(bodies('มีตำรวจภูธรภาค 4 แห่ง ที่ร่วมโครงการ'), ['ตำรวจภูธรภาค']);
	});
});

describe('a body the gazetteer knows is defined only by its own names', () => {
	it('what else is in the bracket names the longer phrase it ends', () => {
		const idx = index('ตามกรอบเป้าหมายความร่วมมือของสหภาพยุโรป (EU Green Pact: EGP) ที่กำหนด', 'ผู้แทนสหภาพยุโรป (EU) เข้าพบ');
		const eu = idsOf(idx, 'สหภาพยุโรป');
		assert.equal(eu.length, 1);
		assert.deepEqual(idsOf(idx, 'EU'), eu);
		assert.ok(!idx.mentionsOf(eu[0]!).some((m) => m.text === 'EGP' || m.text.includes('Green')), JSON.stringify(idx.mentionsOf(eu[0]!)));
	});
});

describe("the tagger's body that runs on into the next one in a list", () => {
	it('is two bodies where a second head opens after a space', () => {
		const found = bodies('และแผนกลาโหม กรมควบคุมโรค กรมอนามัย กองสาธารณสุขฉุกเฉิน กรมวิทยาศาสตร์บริการ');
		assert.ok(found.includes('กรมอนามัย'), JSON.stringify(found));
		assert.ok(!found.some((b) => b.includes(' ')), JSON.stringify(found));
	});

	it('but a campus after its university is the same name', () => {
		assert.ok(bodies('นักศึกษามหาวิทยาลัยขอนแก่น วิทยาเขตหนองคาย ร่วมกับ').includes('มหาวิทยาลัยขอนแก่น วิทยาเขตหนองคาย'));
	});
});
