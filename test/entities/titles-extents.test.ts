// Titles stripped from names and kept on the mention; names that end where the name ends
// (issue 7, items 3 and 4). Sentences and names written for the test; each case has a twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {buildEntityIndex} from '../../source/entities/builder.js';
import {detectMentionsSteps, findMentions} from '../../source/entities/find-mentions.js';
import {foldForDetection} from '../../source/entities/normalize.js';
import {NO_PAUSE, runSteps} from '../../source/entities/steps.js';
import type {EntityKind, Mention} from '../../source/entities/types.js';
import {article} from './helpers.js';

const find = (text: string): Mention[] => findMentions({text});
/** The names of one kind detected in a text, as written. */
const named = (text: string, kind: Mention['kind']): string[] =>
	find(text)
		.filter((m) => m.kind === kind)
		.map((m) => m.text);
const people = (text: string): Array<[string, string | undefined]> =>
	find(text)
		.filter((m) => m.kind === 'person')
		.map((m) => [m.text, m.title]);
/** The people detected in a text, their names only. */
const personNames = (text: string): string[] => people(text).map((p) => p[0]);

describe('stacked titles, Thai and Latin', () => {
	it('a rank after a position is part of the title, glued or spaced', () => {
		assert.deepEqual(people('เมื่อวาน นายกรัฐมนตรี พลเอกสมหมาย ทองคำ กล่าวว่า ดี'), [['สมหมาย ทองคำ', 'นายกรัฐมนตรี พลเอก']]);
		assert.deepEqual(
			people('ที่ประชุมคณะรัฐมนตรี พลเอก สมหมาย ทองคำ เป็นประธาน').map((p) => p[0]),
			['สมหมาย ทองคำ'],
		);
		// Twin: a position without a rank keeps its name as before.
		assert.deepEqual(people('นายกรัฐมนตรี สมหมาย ทองคำ กล่าวว่า ดี'), [['สมหมาย ทองคำ', 'นายกรัฐมนตรี']]);
	});

	it('Malay and Gulf honorifics in Thai script, stacked with spaces', () => {
		assert.deepEqual(people('ดาโต๊ะ ศรี ฮัจญี อับดุล ราซิด กล่าว'), [['อับดุล ราซิด', 'ดาโต๊ะ ศรี ฮัจญี']]);
		assert.deepEqual(people('เชค ฮามิด บิน ซาเลห์ เดินทางถึง'), [['ฮามิด บิน ซาเลห์', 'เชค']]);
		// Twin: ศรี alone is no title (it starts names).
		assert.deepEqual(people('นายศรีสมร ทองดี กล่าว'), [['ศรีสมร ทองดี', 'นาย']]);
	});

	it('Latin title stacks and honours after the name', () => {
		assert.deepEqual(people('โดยมี H.E. Mr. Daniel Mercer เอกอัครราชทูต'), [['Daniel Mercer', 'H.E. Mr.']]);
		assert.deepEqual(people('His Highness Sheikh Omar bin Rashid Al Falasi เดินทาง'), [['Omar bin Rashid Al Falasi', 'His Highness Sheikh']]);
		assert.deepEqual(people('The Honourable Grace Whitfield MP กล่าว'), [['Grace Whitfield', 'The Honourable']]);
		assert.deepEqual(people("YB Dato' Sri Haji Kamal Ariffin กล่าว"), [['Kamal Ariffin', "YB Dato' Sri Haji"]]);
		assert.deepEqual(people('Tan Sri Rahim Osman กล่าว'), [['Rahim Osman', 'Tan Sri']]);
		// Twin: Sri and The without a title are part of a name or nothing.
		assert.deepEqual(
			find('ประเทศ Sri Lanka ส่งออก').map((m) => m.text),
			['Sri Lanka'],
		);
	});
});

describe('a Latin name in brackets after the Thai one keeps its titles apart', () => {
	it('titles before the Latin name, spaced or glued by their dot, are no part of it; both spellings are one person', () => {
		const text = 'นายกรัฐมนตรีพบกับ นายเฟรดริก ลุนด์เบิร์ก (H.E. Mr. Fredrik Lundberg) และ นางมาริสา คอลลินส์ (Mrs.Marisa Collins) ที่ทำเนียบ';
		assert.deepEqual(people(text), [
			['เฟรดริก ลุนด์เบิร์ก', 'นาย'],
			['Fredrik Lundberg', 'H.E. Mr.'],
			['มาริสา คอลลินส์', 'นาง'],
			['Marisa Collins', 'Mrs.'],
		]);
		const idx = buildEntityIndex([article('a', text)]);
		assert.deepEqual(idx.findByName('Fredrik Lundberg')[0]?.aliases.sort(), ['Fredrik Lundberg', 'เฟรดริก ลุนด์เบิร์ก'].sort());
		assert.deepEqual(idx.findByName('Marisa Collins')[0]?.aliases.sort(), ['Marisa Collins', 'มาริสา คอลลินส์'].sort());
	});

	it('twins: a bracket with no title keeps the whole name; a dotted initial is no title', () => {
		assert.deepEqual(people('นายเฟรดริก ลุนด์เบิร์ก (Fredrik Lundberg) กล่าว'), [
			['เฟรดริก ลุนด์เบิร์ก', 'นาย'],
			['Fredrik Lundberg', undefined],
		]);
		assert.deepEqual(
			people('นายเจมส์ ทอร์ป (J.Thorpe Miller) กล่าว').map((p) => p[0]),
			['เจมส์ ทอร์ป', 'J.Thorpe Miller'],
		);
	});
});

describe('names end where the name ends', () => {
	it('a surname after a double space belongs to the name', () => {
		assert.deepEqual(people('โดยนายสมหมาย  ทองคำ กล่าวว่า'), [['สมหมาย  ทองคำ', 'นาย']]);
		// Twin: a verb after a double space does not.
		assert.deepEqual(
			people('โดยนายสมหมาย  กล่าวว่า ดี').map((p) => p[0]),
			['สมหมาย'],
		);
	});

	it('a clause after a title with a country is no name', () => {
		assert.deepEqual(people('ผู้นำเปรูในการประชุมครั้งนี้ได้กล่าว'), []);
		assert.deepEqual(people('นายกรัฐมนตรีเนปาลในฐานะประธาน'), []);
		// Twin: a name there is still a name.
		assert.deepEqual(
			people('ผู้นำเปรู โฮเซ่ มาร์ติเนซ กล่าว').map((p) => p[0]),
			['โฮเซ่ มาร์ติเนซ'],
		);
	});

	it('a country right after a title is not a person', () => {
		assert.deepEqual(people('การประกวดนางสาวไทยอันดับ 1'), []);
		assert.deepEqual(people('พระมหากษัตริย์ไทย ทรงเสด็จ'), []);
		// Twins: a province that is also a given name still is one, and so is a country name
		// that is an everyday word too (มาลี).
		assert.deepEqual(people('นายสุรินทร์ แก้วมณี กล่าว'), [['สุรินทร์ แก้วมณี', 'นาย']]);
		assert.deepEqual(people('นางมาลี ทองสุข เดินทาง'), [['มาลี ทองสุข', 'นาง']]);
	});

	it('a head word with a common word or a clause verb is no place', () => {
		assert.deepEqual(
			find('ถนนหนทางร่มรื่น').filter((m) => m.kind === 'place'),
			[],
		);
		assert.deepEqual(
			find('อำเภอครอบคลุมพื้นที่').filter((m) => m.kind === 'place'),
			[],
		);
		// Twin: a named district is a place.
		assert.deepEqual(
			find('ชาวอำเภอบ้านไร่ ร่วมงาน')
				.filter((m) => m.kind === 'place')
				.map((m) => m.text),
			['อำเภอบ้านไร่'],
		);
	});
});

describe("foreign particles and names that open with a verb's letters", () => {
	it("a particle in Thai script joins the name's parts (บิน, แวน เดอร์, เดอ ลา), and the bracket then links both spellings", () => {
		assert.deepEqual(people('นายราซาลี บิน อุสมาน กล่าวว่า ยินดี'), [['ราซาลี บิน อุสมาน', 'นาย']]);
		assert.deepEqual(people('นายเฮงค์ แวน เดอร์ ลินเดน กล่าวว่า ยินดี'), [['เฮงค์ แวน เดอร์ ลินเดน', 'นาย']]);
		const idx = buildEntityIndex([article('a', "ดาโต๊ะ ศรี ราซาลี บิน อุสมาน (Dato' Sri Razali bin Usman) เดินทางถึง")]);
		const person = idx.all().filter((e) => e.kind === 'person');
		assert.equal(person.length, 1, JSON.stringify(person));
		assert.equal(idx.mentionsOf(person[0]!.id).length, 2);
	});

	it('twins: a particle never ends a name (the verb บิน "fly" after a name)', () => {
		assert.deepEqual(people('นายสมหมาย ใจดี บินไปญี่ปุ่น'), [['สมหมาย ใจดี', 'นาย']]);
		assert.deepEqual(people('นายสมหมาย บิน ไปญี่ปุ่นเมื่อวาน'), [['สมหมาย', 'นาย']]);
	});

	it("after an honorific, a name the segmenter cut after a verb's letters (มา|…, ได้|…) is read", () => {
		assert.deepEqual(people('นายได้ชัย สุขใจ กล่าวว่า ยินดี'), [['ได้ชัย สุขใจ', 'นาย']]);
		assert.deepEqual(people('นางสาวมาเรีย เดอ ลา ครูซ กล่าวว่า ยินดี'), [['มาเรีย เดอ ลา ครูซ', 'นางสาว']]);
		// Twins: the verb going on with its clause is no name.
		assert.deepEqual(people('เจ้านายมาแล้ว ทุกคนจึงกลับ'), []);
		assert.deepEqual(people('ลูกน้องบอกว่านายไปประชุมที่จังหวัด'), []);
	});
});

describe('common words and names after a title', () => {
	it('a full name whose parts are common words is read whole after an honorific', () => {
		assert.deepEqual(people('ด้านนายมั่นคง ยุติธรรมชัย ผู้อำนวยการ'), [['มั่นคง ยุติธรรมชัย', 'นาย']]);
		assert.deepEqual(people('นายผล ทองดำ ผู้ว่าราชการ'), [['ผล ทองดำ', 'นาย']]);
	});

	it('one token that is a word of the lexicon is no name (twins above)', () => {
		assert.deepEqual(people('รายงานนายใหญ่ถึงต่างประเทศ'), []);
		assert.deepEqual(people('ต่อพระมหากษัตริย์ รวมทั้งเป็นการส่งเสริม'), []);
		assert.deepEqual(people('อธิบดีกรมการค้า ดำรงตำแหน่ง ผู้อำนวยการ'), []);
	});

	it('a body after a position is the body, not a person', () => {
		assert.deepEqual(people('ผู้กำกับการสถานีตำรวจ หน่วยงานที่เกี่ยวข้อง'), []);
		// Twin: a person after the same position.
		assert.deepEqual(
			people('ผู้กำกับการ พันตำรวจเอกวินัย ทองดี กล่าว').map((p) => p[0]),
			['วินัย ทองดี'],
		);
	});
});

describe('no-break and other wide spaces space words as a space does', () => {
	const nb = (s: string): string => s.replace(/_/g, '\u00A0');
	it('a title, a name and a surname spaced with no-break spaces read as with spaces, the mention kept as written', () => {
		assert.deepEqual(people(nb('เปิดเผยว่า_นาย_สมหมาย_ทองคำ_ผู้อำนวยการ_กล่าว')), [[nb('สมหมาย_ทองคำ'), 'นาย']]);
		assert.deepEqual(people('เปิดเผยว่า\u3000นายสมหมาย\u2002ทองคำ กล่าว'), [['สมหมาย\u2002ทองคำ', 'นาย']]);
		// Twin: plain spaces, the same name.
		assert.deepEqual(people('เปิดเผยว่า นาย สมหมาย ทองคำ ผู้อำนวยการ กล่าว'), [['สมหมาย ทองคำ', 'นาย']]);
	});

	it('a body spaced with no-break spaces is read whole', () => {
		const bodies = find(nb('ประกอบด้วย_บริษัท_ขนส่งทางเรือสยาม_จำกัด_และหน่วยงานอื่น')).filter((m) => m.kind === 'organization');
		assert.ok(
			bodies.some((m) => m.text.startsWith('บริษัท') && m.text.includes('ขนส่งทางเรือสยาม')),
			JSON.stringify(bodies),
		);
	});
});

describe('a head word cut off alone is no surname', () => {
	it('a given name glued to its surname, then a body glued to what follows it', () => {
		assert.deepEqual(
			people('ร่วมงาน นายวีรวัฒน์ทองสุข คณะที่ปรึกษารัฐมนตรี กล่าว').map((p) => p[0]),
			['วีรวัฒน์ทองสุข'],
		);
		// Twin: a surname that begins with a head's letters is a surname.
		assert.deepEqual(
			people('ร่วมงาน นายวีรวัฒน์ คณะดี กล่าว').map((p) => p[0]),
			['วีรวัฒน์ คณะดี'],
		);
	});
});

describe('lineal surnames: ณ and a Thai town', () => {
	it('after a given name ณ and a province or district is the surname, after a surname only ณ อยุธยา', () => {
		assert.deepEqual(
			people('วันนี้ นายธนพล ณ สงขลา กล่าวว่า').map((p) => p[0]),
			['ธนพล ณ สงขลา'],
		);
		assert.deepEqual(
			people('โดยมี นางสาวกมลวรรณ ณ ตะกั่วทุ่ง เป็นประธาน').map((p) => p[0]),
			['กมลวรรณ ณ ตะกั่วทุ่ง'],
		);
		assert.deepEqual(
			people('ม.ร.ว.ธนพล เทวกุล ณ อยุธยา กล่าว').map((p) => p[0]),
			['ธนพล เทวกุล ณ อยุธยา'],
		);
	});

	it('else ณ is "at": after a full name, or before a place that is no town', () => {
		assert.deepEqual(
			people('นายธนพล ใจดี ณ สงขลา เมื่อวานนี้').map((p) => p[0]),
			['ธนพล ใจดี'],
		);
		assert.deepEqual(
			people('มอบให้นายธนพล ณ ห้องประชุม').map((p) => p[0]),
			['ธนพล'],
		);
		assert.deepEqual(
			people('นายธนพล ใจดี ณ ทำเนียบรัฐบาล').map((p) => p[0]),
			['ธนพล ใจดี'],
		);
	});
});

describe('titles written short, stacked, and quote marks, are no part of any name', () => {
	it("a stack of short titles is the person's title, no body", () => {
		const found = find('และ ศ.นพ.ธนพล ทองสุข หัวหน้าศูนย์ กล่าว');
		assert.deepEqual(
			found.filter((m) => m.kind === 'person').map((m) => m.text),
			['ธนพล ทองสุข'],
		);
		assert.ok(!found.some((m) => m.kind === 'organization' && m.text.includes('นพ.')), JSON.stringify(found));
		// Twin: a body's abbreviation of as many letters is a body.
		assert.ok(find('ร่วมกับ สปสช. และ กกต. แถลง').some((m) => m.kind === 'organization' && m.text === 'สปสช.'));
	});

	it('a name in quote marks is the name without them', () => {
		const found = find('นายกฯ "วีรวัฒน์" ลงพื้นที่จังหวัดเชียงราย และ “นายธนพล ทองสุข” กล่าว');
		assert.ok(
			found.some((m) => m.text === 'วีรวัฒน์'),
			JSON.stringify(found),
		);
		for (const m of found) assert.ok(!/["“”]/.test(m.text), m.text);
		assert.ok(find('“นายวีรวัฒน์ ทองสุข” กล่าว').some((m) => m.text === 'วีรวัฒน์ ทองสุข'));
	});
});

describe('a Latin title opens the next name, glued to it or after other words', () => {
	it("a title glued to the name after its dot, and one after a unit's letters, opens a person", () => {
		assert.deepEqual(
			people('ผู้แทน Mrs.Jane Whitmore กล่าว').map((p) => p[0]),
			['Jane Whitmore'],
		);
		const found = find('และผู้บังคับการหน่วย XPF Mr.Paul Hartley เจ้าหน้าที่');
		assert.ok(
			found.some((m) => m.kind === 'person' && m.text === 'Paul Hartley'),
			JSON.stringify(found),
		);
		assert.ok(!found.some((m) => m.text.endsWith('Mr')), JSON.stringify(found));
	});

	it('while a stack of titles stays one title before its name', () => {
		assert.deepEqual(people('โดย Prof. Dr. Anna Bergman กล่าว'), [['Anna Bergman', 'Prof. Dr.']]);
	});
});

describe('a body or place name cut where the segmenter split a word', () => {
	it('a verb after การ or ความ is a verbal noun inside the name, not a clause', () => {
		// การ opens the complement, or follows a word that is no clause verb.
		assert.ok(named('วันนี้ กรมการจัดหางาน เปิดรับสมัคร', 'organization').includes('กรมการจัดหางาน'));
		assert.ok(named('ที่ สำนักงานส่งเสริมการลงทุนภาคใต้ ประกาศ', 'organization').includes('สำนักงานส่งเสริมการลงทุนภาคใต้'));
		// Twins: after a clause verb การ is the verb's own, and the clause still ends the name; a
		// clause verb after การ is no verbal noun.
		assert.deepEqual(
			named('ขณะนี้ กระทรวงแรงงานดำเนินการจัดงาน เพื่อ', 'organization').filter((n) => n.includes('จัด')),
			[],
		);
		assert.deepEqual(
			named('ขณะนี้ กระทรวงแรงงานดำเนินการอยู่ เพื่อ', 'organization').filter((n) => n.includes('อยู่')),
			[],
		);
	});

	it('a compound verb the segmenter cut in two after การ is whole, and the tagger does not cut a name before การ', () => {
		assert.ok(named('ทั้งนี้ กรมส่งเสริมการเรียนรู้ภาคใต้ เปิด', 'organization').includes('กรมส่งเสริมการเรียนรู้ภาคใต้'));
		assert.ok(named('ตามที่สำนักงานคณะกรรมการส่งเสริมการลงทุนเสนอ สาระ', 'organization').includes('สำนักงานคณะกรรมการส่งเสริมการลงทุน'));
		// Twin: the tagger still ends a name that ran on before a verb.
		assert.deepEqual(named('ทั้งนี้ กระทรวงพาณิชย์ร่วมกับเอกชน', 'organization'), ['กระทรวงพาณิชย์']);
	});

	it("an everyday noun that ends the run after a place's or an institution's head is part of its name", () => {
		assert.ok(named('เกษตรกรใน ตำบลดงครั่ง อำเภอหนึ่ง', 'place').includes('ตำบลดงครั่ง'));
		assert.ok(named('ผู้ป่วยส่งต่อไปยัง โรงพยาบาลบ้านปลา แล้ว', 'organization').includes('โรงพยาบาลบ้านปลา'));
		// Twins: after a body that acts a verb the word lists miss still ends the name, and so does
		// a clause that runs on after the noun.
		assert.deepEqual(
			named('ทั้งนี้ กระทรวงพาณิชย์กำหนด ให้', 'organization').filter((n) => n.includes('กำหนด')),
			[],
		);
		assert.deepEqual(
			named('ชาวบ้าน ตำบลดงครั่งปลูกข้าวได้ดี', 'place').filter((n) => n.includes('ปลูก')),
			[],
		);
	});
});

describe("a body's name ending in an everyday word", () => {
	const byHead = (text: string): string[] =>
		find(text)
			.filter((m) => m.rule === 'org-head')
			.map((m) => text.slice(m.start, m.end));

	it('is whole where an acronym in brackets, a post, a title or a head follows', () => {
		assert.deepEqual(byHead('ร่วมกับ องค์การสะพานปลา (อสป.) และ'), ['องค์การสะพานปลา']);
		assert.deepEqual(byHead('ร่วมกับ องค์การสะพานปลา นายสมชาย ใจดี'), ['องค์การสะพานปลา']);
		assert.deepEqual(byHead('ร่วมกับ องค์การสะพานปลา กรมประมง'), ['องค์การสะพานปลา', 'กรมประมง']);
		// Twins: before a clause the word may be the sentence's (the rule leaves it to the tagger), a
		// verb before a bracket is the body acting, and a minister's abbreviated title has no head.
		assert.ok(!byHead('ร่วมกับ องค์การสะพานปลา ได้ดี').includes('องค์การสะพานปลา'));
		assert.deepEqual(byHead('ตามที่ กระทรวงพาณิชย์กำหนด (ระเบียบ) ว่า'), ['กระทรวงพาณิชย์']);
	});
});

describe('a head the segmenter joined with an everyday word', () => {
	it('heads the name with it (ศูนย์วิจัย…, สถาบันวิจัย…)', () => {
		assert.deepEqual(named('ทั้งนี้ ศูนย์วิจัยข้าวปทุมธานี ได้จัดงาน', 'organization'), ['ศูนย์วิจัยข้าวปทุมธานี']);
		// Twins: an everyday compound that names no body (a hub), and a word that merely begins with a head.
		assert.deepEqual(named('เป็น ศูนย์กลางด้านดิจิทัล ของภูมิภาค', 'organization'), []);
		assert.deepEqual(
			find('ตาม กรมธรรม์ประกันภัย ฉบับนี้').filter((m) => m.rule === 'org-head'),
			[],
		);
		// A single Latin letter after a head is no name (R&D).
		assert.deepEqual(named('ศูนย์วิจัย R&D ด้านยานยนต์', 'organization'), []);
	});
});

describe("a body's name cut inside its run, written whole elsewhere in the article", () => {
	it('is widened to the whole name the text goes on with', () => {
		assert.deepEqual(named('ทั้งนี้ องค์การสะพานปลา (อสป.) แจ้งว่า ต่อมา องค์การสะพานปลาจะเร่งรัดงาน', 'organization'), ['องค์การสะพานปลา', 'อสป.', 'องค์การสะพานปลา']);
		// Alone, the rules cut it.
		assert.deepEqual(named('ต่อมา องค์การสะพานปลาจะเร่งรัดงาน', 'organization'), ['องค์การสะพาน']);
		// Twin: not over a verb (the whole name elsewhere ran on into its clause).
		assert.deepEqual(named('ให้ สำนักงานคณะกรรมการกฤษฎีกาตรวจพิจารณา แล้ว และให้ สำนักงานคณะกรรมการกฤษฎีกาตรวจพิจารณาร่างนี้', 'organization')[1], 'สำนักงานคณะกรรมการกฤษฎีกา');
	});
});

describe('a conjunction or a quantifier the segmenter cut in two ends a name before it', () => {
	it('รวม|ถึง and ต่าง ๆ are the phrase after the name', () => {
		assert.deepEqual(named('ครอบครัวของสำนักงบประมาณกลาโหมรวมถึงจัดซื้อ', 'organization'), ['สำนักงบประมาณกลาโหม']);
		assert.deepEqual(named('ร่วมกับ กระทรวงอุตสาหกรรมและหน่วยงานต่าง ๆ ก็พร้อม', 'organization'), ['กระทรวงอุตสาหกรรม']);
		// Twin: รวม that ends the name with no ถึง after it stays (a mutual fund's association).
		assert.deepEqual(named('ร่วมกับ สมาคมกองทุนรวม ได้', 'organization'), ['สมาคมกองทุนรวม']);
	});

	it('a body of "various" kinds is no entity', () => {
		const idx = buildEntityIndex([article('a', 'ผู้แทนจาก สมาคมกีฬาต่าง ๆ และประชาชน เข้าร่วมงาน')]);
		assert.deepEqual(
			idx
				.all()
				.filter((e) => e.kind === 'organization')
				.map((e) => e.name),
			[],
		);
	});
});

describe('"along with" after a name is no surname', () => {
	it('พร้อม and who came along end the name', () => {
		assert.deepEqual(personNames('ต่อมา นายวีระพล พร้อมคณะ ได้เดินทางไป'), ['วีระพล']);
		assert.deepEqual(personNames('นางสาวอรุณี พร้อมภริยา และบุตร'), ['อรุณี']);
		assert.deepEqual(personNames('นายวีระพล พร้อมด้วยผู้บริหาร เดินทาง'), ['วีระพล']);
		// Twin: a surname that opens with พร้อม and goes on with a word of its own.
		assert.deepEqual(personNames('นายวีระพล พร้อมเพรียง กล่าวว่า'), ['วีระพล พร้อมเพรียง']);
	});
});

describe('a given name that opens with a noun นาย/นาง may precede', () => {
	it('is a name when the segmenter cut it and a surname follows', () => {
		assert.deepEqual(people('วันนี้ นายพลวัฒน์ แสงทองดี กล่าวว่า'), [['พลวัฒน์ แสงทองดี', 'นาย']]);
		// Twin: a noun that opens no given names, going on (นายทหาร|บก "army officer").
		assert.deepEqual(
			find('ที่นี่มี นายทหารบก ชั้นผู้น้อย').filter((m) => m.rule === 'title'),
			[],
		);
	});
});

describe('posts, grades and offices that look like names', () => {
	it('a civil-service grade after a professional title is the post, no name', () => {
		assert.deepEqual(
			find('นายแพทย์ทรงคุณวุฒิ ด้านเวชกรรมป้องกัน ให้ความเห็น').filter((m) => m.kind === 'person'),
			[],
		);
		assert.deepEqual(
			find('ตำแหน่ง เภสัชกรชำนาญการพิเศษ ว่างลง').filter((m) => m.kind === 'person'),
			[],
		);
		// Twin: a name after the same title.
		assert.deepEqual(people('นายแพทย์วิทวัส ศรีงาม ให้ความเห็น'), [['วิทวัส ศรีงาม', 'นายแพทย์']]);
	});

	it('an emeritus professor is one title before the name', () => {
		assert.deepEqual(people('ศาสตราจารย์เกียรติคุณ ดร.วิทวัส ศรีงาม กล่าว'), [['วิทวัส ศรีงาม', 'ศาสตราจารย์เกียรติคุณ ดร.']]);
		// Twin: เกียรติคุณ alone is no title.
		assert.deepEqual(people('นายเกียรติคุณ ศรีงาม กล่าว'), [['เกียรติคุณ ศรีงาม', 'นาย']]);
	});

	it("a highway district is a body, while แขวง before a Bangkok sub-district's name is a place", () => {
		const kinds = (text: string) => find(text).map((m) => [m.text, m.kind]);
		assert.deepEqual(kinds('ผู้อำนวยการ แขวงทางหลวงชนบทลำพูน แจ้งว่า'), [['แขวงทางหลวงชนบทลำพูน', 'organization']]);
		assert.ok(kinds('บ้านเลขที่ 5 แขวงบางจาก เขตพระโขนง').some(([t, k]) => t === 'แขวงบางจาก' && k === 'place'));
	});
});

describe('temples: วัด + a name, where วัด is also "to measure"', () => {
	const places = (text: string): string[] => named(text, 'place');

	it('a temple named after วัด is a place, and two temples glued in a list are two', () => {
		assert.ok(places('พิธีจัดขึ้นที่วัดศรีสุนทรารามวรวิหาร อำเภอเมือง').includes('วัดศรีสุนทรารามวรวิหาร'));
		assert.ok(places('ณ วัดป่าหนองแสง จังหวัดหนึ่ง').includes('วัดป่าหนองแสง'));
		const list = places('ได้แก่ วัดโพธิ์งามวัดสุนทรธาราม และอื่นๆ');
		assert.ok(list.includes('วัดโพธิ์งาม') && list.includes('วัดสุนทรธาราม'), list.join(', '));
	});

	it('but not the verb, a measure, or a kind of temple', () => {
		assert.deepEqual(places('เจ้าหน้าที่ตรวจวัดอุณหภูมิ ทุกวัน'), []);
		assert.deepEqual(places('ข้อสอบนี้ วัดความรู้ ของผู้สมัคร'), []);
		assert.deepEqual(places('เครื่องนี้ วัดฝุ่นละออง ได้'), []);
		assert.deepEqual(places('ขอจัดตั้ง วัดคาทอลิก แห่งใหม่'), []);
	});
});

describe("a natural feature's head with everyday words only", () => {
	it('is a kind of place, no name; a proper word makes one', () => {
		assert.deepEqual(named('พื้นที่เป็นทะเลทราย มากขึ้น', 'place'), []);
		assert.deepEqual(
			named('ดูแลแม่น้ำลำคลอง ให้สะอาด', 'place').filter((t) => t.startsWith('แม่น้ำ')),
			[],
		);
		// Twin: a river named by a word of its own.
		assert.deepEqual(named('ล่องเรือในแม่น้ำท่าจีน ทุกวัน', 'place'), ['แม่น้ำท่าจีน']);
	});
});

describe('who the person is, after the name', () => {
	it('เจ้าหน้าที่… (staff, officers) is no surname', () => {
		assert.deepEqual(personNames('มีนายวิทวัส เจ้าหน้าที่ชุดจับกุม เข้าตรวจค้น'), ['วิทวัส']);
		// Twin: a surname that opens with เจ้า.
		assert.deepEqual(personNames('มีนายวิทวัส เจ้าพระยา เข้าตรวจค้น'), ['วิทวัส เจ้าพระยา']);
	});
});

describe('adverbs that end many surnames', () => {
	it('น้อย and ยิ่ง at the end of a surname are part of it', () => {
		assert.deepEqual(personNames('นายวิทวัส ศรีน้อย อธิบดีกรม'), ['วิทวัส ศรีน้อย']);
		assert.deepEqual(personNames('นายวิทวัส เย็นยิ่ง กล่าว'), ['วิทวัส เย็นยิ่ง']);
		// Twin: glued before more of the clause they still cut it.
		assert.deepEqual(personNames('นายวิทวัส ศรีน้อยกว่า ผู้อื่น'), ['วิทวัส ศรี']);
	});

	it('น้อย ending a given name with a surname after it is part of it', () => {
		assert.deepEqual(personNames('โดยมี นายแก้วน้อย ศรีสุวรรณวงศ์ รองอธิบดี'), ['แก้วน้อย ศรีสุวรรณวงศ์']);
		// Twin: with no surname after it, the adverb ends the name (a clause goes on).
		assert.deepEqual(personNames('นายแก้วน้อย กว่าที่คิด'), ['แก้ว']);
	});
});

describe('"such as" after a name', () => {
	it('อาทิ, เช่น and ได้แก่ open a list, no surname', () => {
		assert.deepEqual(personNames('นายวิชิต อาทิ นายสมชาย ใจดี'), ['วิชิต', 'สมชาย ใจดี']);
		assert.deepEqual(personNames('นายวิชิต เช่นเดียวกับ นายสมชาย ใจดี'), ['วิชิต', 'สมชาย ใจดี']);
		// Twin: a surname of its own after the given name.
		assert.deepEqual(personNames('นายวิชิต อาทิตย์ทอง กล่าว'), ['วิชิต อาทิตย์ทอง']);
	});
});

describe('นาย after a number', () => {
	it("is a title when a name is glued to it (a date's year, a list's number)", () => {
		assert.deepEqual(personNames('วันที่ 27 ก.พ. 65 นายวิชิต ใจดี โฆษกประจำสำนัก'), ['วิชิต ใจดี']);
		assert.deepEqual(personNames('1.2 นายวิชิต ใจดี'), ['วิชิต ใจดี']);
		// Twins: a classifier, spaced or glued to a verb ("five officers").
		assert.deepEqual(personNames('ทหาร 5 นายได้รับบาดเจ็บ'), []);
		assert.deepEqual(personNames('ทหาร 5 นาย เดินทางกลับ'), []);
	});
});

describe("a deputy minister's title written short", () => {
	it('รัฐมนตรีช่วยฯ is the title, the name follows it', () => {
		assert.deepEqual(personNames('ในวันนี้ รัฐมนตรีช่วยฯ สมชาย ได้มอบนโยบาย'), ['สมชาย']);
		// Twin: the title written whole.
		assert.deepEqual(personNames('ในวันนี้ รัฐมนตรีช่วยว่าการ สมชาย ได้มอบนโยบาย'), ['สมชาย']);
	});
});

describe("a surname that opens with a verb's letters", () => {
	it('is the surname when no clause word follows in its run and a post follows it', () => {
		assert.deepEqual(personNames('จากนั้น นางสาวสุดา หวังศุภกิจโกศล รัฐมนตรีว่าการ'), ['สุดา หวังศุภกิจโกศล']);
		assert.deepEqual(personNames('โดยมี นายวิชิต จึงรุ่งเรืองกิจ รองนายกรัฐมนตรี'), ['วิชิต จึงรุ่งเรืองกิจ']);
		// Twins: a verb of saying, a clause word in the run, a name closed by ฯ.
		assert.deepEqual(personNames('นายวิชิต กล่าวเพิ่มเติม นายสมชาย ใจดี'), ['วิชิต', 'สมชาย ใจดี']);
		assert.deepEqual(personNames('นายวิชิต หวังว่าจะได้ ผู้ว่าราชการ'), ['วิชิต']);
		assert.deepEqual(personNames('นายวิชิตฯ ยังคงรอ นายสมชาย ใจดี'), ['วิชิต', 'สมชาย ใจดี']);
	});

	it('a weak post, a post written short or an agent noun after it ends the run too', () => {
		assert.deepEqual(personNames('นางสาววิไล ยังตรง ประธานแม่บ้าน'), ['วิไล ยังตรง']);
		assert.deepEqual(personNames('นายวิชิต ยังเฟื่องมนต์ ผอ.ศูนย์ประสานงาน'), ['วิชิต ยังเฟื่องมนต์']);
		assert.deepEqual(personNames('นายวิชิต จึงสมาน ผู้ตรวจราชการกระทรวง'), ['วิชิต จึงสมาน']);
		// Twin: an everyday noun after it is no post (the clause goes on).
		assert.deepEqual(personNames('นายวิชิต ยังตรง ตลาดสด'), ['วิชิต']);
	});
});

describe("a surname that opens with a place's name", () => {
	it('is the surname when more of it is glued on', () => {
		assert.deepEqual(personNames('โดยมี นางวิไล ไทยเศรษฐ์ รัฐมนตรีช่วยว่าการ'), ['วิไล ไทยเศรษฐ์']);
		// Twin: a clause after the place ends the name before it.
		assert.deepEqual(personNames('นายวิชิต เชียงใหม่ได้รับรางวัล'), ['วิชิต']);
	});
});

describe('a surname that ends in words the lists know', () => {
	it('the surname goes on to a post, a title or a bracket after it', () => {
		assert.deepEqual(personNames('นายวิชิต บุญเสริม ผู้ช่วยปลัดกระทรวง'), ['วิชิต บุญเสริม']);
		assert.deepEqual(personNames('นายวิชิต วังทองคงชนะ โฆษกประจำสำนักนายกรัฐมนตรี'), ['วิชิต วังทองคงชนะ']);
		assert.deepEqual(personNames('นางสาวสุดา สว่างแจ้ง (ต่าย) อายุ 30 ปี'), ['สุดา สว่างแจ้ง']);
		// Twins: a clause going on after the run, a word that closes a clause, and a post glued on.
		assert.deepEqual(personNames('นายวิชิต บุญเสริม ประกอบกับงาน'), ['วิชิต บุญ']);
		assert.deepEqual(personNames('นายวิชิต ศรีสมบูรณ์แล้ว นายสมชาย'), ['วิชิต ศรีสมบูรณ์', 'สมชาย']);
		assert.deepEqual(personNames('นางวิไล สุขพงศ์ผู้ตรวจราชการ กระทรวงการคลัง'), ['วิไล สุขพงศ์']);
	});
});

describe('abbreviations that are no bodies', () => {
	it('an abbreviation with a number glued after it is a code, whoever proposes it', () => {
		assert.deepEqual(
			find('19. สายทาง อท.2034 แยก ทล.32 - บ้านมหานาค').filter((m) => m.kind === 'organization'),
			[],
		);
		assert.deepEqual(
			find('ซ่อมถนน ทล.11 - บ้านหนองไผ่ และ ทล.1125 ทดแทน').filter((m) => m.kind === 'organization'),
			[],
		);
		// Twin: a body's abbreviation before its hotline number after a space is the body.
		assert.ok(find('โทรสายด่วน สปสช. 1330 ได้').some((m) => m.text === 'สปสช.'));
	});

	it("a minister's title written short is the title, and the ministry after it the body (จาก|รมว.วธ.)", () => {
		const orgs = find('ได้รับเกียรติบัตรจากรมว.วธ. เมื่อวานนี้')
			.filter((m) => m.kind === 'organization')
			.map((m) => m.text);
		assert.deepEqual(orgs, ['วธ.']);
	});
});

describe('lists and posts glued to bodies', () => {
	const orgs = (text: string): string[] => named(text, 'organization');

	it("a body's own head again, glued, opens the next body", () => {
		assert.deepEqual(orgs('ผู้แทนจาก กระทรวงพลังงานกระทรวงการคลัง และ'), ['กระทรวงพลังงาน', 'กระทรวงการคลัง']);
		// Twin: the head inside a longer name after another head (สภา|หอการค้า) is the name's.
		assert.ok(!orgs('นายวิทวัส ประธานกรรมการหอการค้าไทยและสภาหอการค้าแห่งประเทศไทย เพื่อรับฟัง').includes('หอการค้าไทยและสภา'));
	});

	it("an abbreviation in brackets after a post, with the post's letter, is the post's", () => {
		assert.deepEqual(
			orgs('รองปลัดกระทรวงพลังงาน (รปพ.) นายวิทวัส กล่าว').filter((t) => t.endsWith('.')),
			[],
		);
		// Twin: after a post that heads a body, the body's abbreviation in another letter is the body.
		assert.ok(orgs('ผู้อำนวยการสำนักงานพัฒนาชุมชนเมือง (สพม.) กล่าว').includes('สพม.'));
	});
});

describe('royal words and counted nouns are no names', () => {
	it('the royal auxiliary with its verb after a royal noun is a clause', () => {
		assert.deepEqual(personNames('ระบอบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุข เพื่อความมั่นคง'), []);
		// Twin: a given name that opens with the same letters is a name.
		assert.deepEqual(personNames('นายทรงศักดิ์ ใจงาม กล่าวว่า ดี'), ['ทรงศักดิ์ ใจงาม']);
	});

	it('a noun counted by an ordinal (a reign) is no name, and is cut off a name before it', () => {
		assert.deepEqual(personNames('ชาวบ้านร่วมรำลึกถึงในหลวงรัชกาลที่ 7 อย่างพร้อมเพรียง'), []);
		assert.deepEqual(personNames('ประชาชนร่วมกันถวายพระพรพระบาทสมเด็จพระเจ้าอยู่หัว รัชกาลที่ 10 ที่ลานพระราชวัง'), ['สมเด็จพระเจ้าอยู่หัว']);
		// Twin: a name with no ordinal after it keeps its last token.
		assert.deepEqual(personNames('นายสมปอง รักดี กล่าวว่า ดี'), ['สมปอง รักดี']);
	});

	it('a royal prefix with the name cut off after it is no name; the whole royal name is', () => {
		assert.deepEqual(personNames('ทางจังหวัดจัดพิธีวันคล้ายวันสวรรคต พระบาทสมเด็จพระนั่งเกล้าเจ้าอยู่หัว 2 เมษายน 2566 ณ ศาลากลาง'), []);
		// Twin: the tagger's whole name, prefix and all.
		assert.deepEqual(personNames('เนื่องในวันคล้ายวันสวรรคตพระบาทสมเด็จพระมงกุฎเกล้าเจ้าอยู่หัว ประชาชนร่วมวางพวงมาลา'), ['พระบาทสมเด็จพระมงกุฎเกล้าเจ้าอยู่หัว']);
	});
});

describe('what the tagger reads as a person, refused where no name can be', () => {
	/** The people found when the tagger reads `spans` (one paragraph) and nothing else. */
	const peopleWhenTagged = (text: string, spans: ReadonlyArray<[string, EntityKind]>): string[] => {
		const tagged = spans.map(([name, kind]) => ({start: text.indexOf(name), end: text.indexOf(name) + name.length, kind}));
		assert.ok(tagged.every((s) => s.start >= 0));
		return runSteps(detectMentionsSteps({text}, NO_PAUSE, {folded: foldForDetection(text), tagged: [tagged]}))
			.filter((m) => m.kind === 'person')
			.map((m) => m.text);
	};

	it('a name opening on a list bullet, a hash or a dash', () => {
		const text = 'ผลิตภัณฑ์ของธนาคาร ได้แก่ • สินเชื่อบ้าน และ #สมพร';
		assert.deepEqual(
			peopleWhenTagged(text, [
				['• สิน', 'person'],
				['#สมพร', 'person'],
			]),
			[],
		);
		// Twin: the same names read without the marks are names.
		assert.deepEqual(peopleWhenTagged('ผู้ดูแลคือ สมพร รักไทย และคนอื่น', [['สมพร รักไทย', 'person']]), ['สมพร รักไทย']);
	});

	it('places one after another in a list are no one name', () => {
		const text = 'พื้นที่เสี่ยง ได้แก่ อุดรธานี หนองคาย เลย และสกลนคร';
		assert.deepEqual(peopleWhenTagged(text, [['อุดรธานี หนองคาย', 'person']]), []);
		// Twin: a name whose surname is no place stays a name.
		assert.deepEqual(peopleWhenTagged('ผู้ดูแลคือ สมพร รักไทย และคนอื่น', [['สมพร รักไทย', 'person']]), ['สมพร รักไทย']);
	});

	it('a common noun after นาย that the title rule refuses is refused from the tagger too (นาย|เรือ, the boat master)', () => {
		const text = 'ผู้ประกอบการท่าเรือ นายเรือ ผู้ควบคุมเรือ และคนประจำเรือทุกคน';
		assert.deepEqual(peopleWhenTagged(text, [['นายเรือ', 'person']]), []);
		// Twin: a given name after นาย from the tagger is a name.
		assert.deepEqual(peopleWhenTagged('ผู้ประกอบการท่าเรือ นายสมพร รักไทย ผู้ควบคุมเรือ', [['นายสมพร รักไทย', 'person']]), ['สมพร รักไทย']);
	});

	it('a list read as one person: names joined by commas or slashes, or dictionary words one after another', () => {
		const text = 'ศิลปินที่ร่วมงาน ได้แก่ สมพร รักไทย, วิไล ใจงาม และคนอื่น ส่วนของที่ระลึกคือ ถ่านหิน ทองแดง ทองคำ';
		assert.deepEqual(
			peopleWhenTagged(text, [
				['สมพร รักไทย, วิไล ใจงาม', 'person'],
				['ถ่านหิน ทองแดง ทองคำ', 'person'],
			]),
			[],
		);
		// Twin: one name of three tokens (a Korean name's syllables are words, and short) stays a name.
		assert.deepEqual(peopleWhenTagged('ผู้แทนเกาหลีคือ มุน ซึง ฮย็อน และคณะ', [['มุน ซึง ฮย็อน', 'person']]), ['มุน ซึง ฮย็อน']);
	});

	it('the district chief (นาย|อำเภอ) is a post, not a title and a name', () => {
		assert.deepEqual(personNames('ขอให้ผู้ว่าราชการจังหวัด นายอำเภอ ช่วยกันตรวจตราพื้นที่อย่างใกล้ชิด'), []);
		assert.deepEqual(personNames('ขอให้ผู้ว่าราชการจังหวัด นายอำเภอ กำนัน และผู้ใหญ่บ้าน ร่วมกันดูแลประชาชน'), []);
		// Twin: a given name opening with the same letters.
		assert.deepEqual(personNames('นายอำนาจ ศรีสุข กล่าวว่า ดี'), ['อำนาจ ศรีสุข']);
	});
});

describe("a queen's titles, before and after her name", () => {
	it('the title before the name is the whole of สมเด็จพระนางเจ้า, and her titles after it end the name', () => {
		assert.deepEqual(people('ในวโรกาสวันเฉลิมพระชนมพรรษา สมเด็จพระนางเจ้าประภาพร พระบรมราชินีนาถ ประชาชนร่วมลงนามถวายพระพร'), [['ประภาพร', 'สมเด็จพระนางเจ้า']]);
		assert.deepEqual(personNames('สมเด็จพระนางเจ้าประภาพร ศรีวัฒนา พระบรมราชินี เสด็จพระราชดำเนินไปยังโรงพยาบาล'), ['ประภาพร ศรีวัฒนา']);
		assert.deepEqual(personNames('สมเด็จพระนางเจ้าประภาพร ศรีวัฒนาพระบรมราชินี เสด็จพระราชดำเนินไปยังโรงพยาบาล'), ['ประภาพร ศรีวัฒนา']);
		// Twin: a surname that does not hold the title is read whole.
		assert.deepEqual(personNames('นางประภาพร ศรีวัฒนา กล่าวว่า ดี'), ['ประภาพร ศรีวัฒนา']);
	});

	it('the title written short with ฯ names no one, and the royal auxiliary after her title opens no name', () => {
		assert.deepEqual(personNames('เนื่องในโอกาสวันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี 3 มิถุนายน'), []);
		assert.deepEqual(personNames('ประชาชนร่วมถวายพระพรแด่พระบรมราชินี ทรงพระเจริญ'), []);
		// Twin: a name opening with the auxiliary's letters, no royal word after them.
		assert.deepEqual(personNames('นายทรงพล ใจดี กล่าวว่า ดี'), ['ทรงพล ใจดี']);
	});
});
