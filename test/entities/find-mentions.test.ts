import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {buildEntityIndex} from '../../source/entities/builder.js';
import {detectMentions, findMentions} from '../../source/entities/find-mentions.js';
import {article} from './helpers.js';
import type {Mention} from '../../source/entities/types.js';

const find = (text: string): Mention[] => findMentions({text});
const named = (text: string, name: string): Mention | undefined => find(text).find((m) => m.text === name);
const texts = (text: string, kind?: Mention['kind']): string[] =>
	find(text)
		.filter((m) => kind === undefined || m.kind === kind)
		.map((m) => m.text);

describe('people after titles and positions', () => {
	it('takes given name and surname after an honorific, and keeps the title apart', () => {
		const text = 'เมื่อวานนี้ นายสมปอง รักชาติ กล่าวว่า การประชุมดี';
		const m = named(text, 'สมปอง รักชาติ');
		assert.ok(m, JSON.stringify(find(text)));
		assert.equal(m.kind, 'person');
		assert.equal(m.title, 'นาย');
		assert.equal(m.titleStart, text.indexOf('นาย'));
		assert.equal(text.slice(m.start, m.end), 'สมปอง รักชาติ');
	});

	it('reads ranks and their abbreviations, glued to the name or not', () => {
		assert.equal(named('พล.ต.อ.วันชัย ทองดี ผู้บัญชาการตำรวจ', 'วันชัย ทองดี')?.title, 'พล.ต.อ.');
		assert.equal(named('โดยมี พลเอก ชาติชาย ศรีสุข เป็นประธาน', 'ชาติชาย ศรีสุข')?.title, 'พลเอก');
	});

	it('ends a name before a verb glued to it', () => {
		assert.deepEqual(texts('นางสาวมาลัย ศรีสุขกล่าวว่า ขอบคุณ', 'person'), ['มาลัย ศรีสุข']);
	});

	it('reads position + ministry + name, the ministry being a mention of its own', () => {
		const text = 'รัฐมนตรีว่าการกระทรวงพาณิชย์ สมศรี ใจงาม กล่าว';
		const m = named(text, 'สมศรี ใจงาม');
		assert.equal(m?.title, 'รัฐมนตรีว่าการกระทรวงพาณิชย์');
		assert.equal(named(text, 'กระทรวงพาณิชย์')?.kind, 'organization');
	});

	it('reads title + country + name, in Latin or Thai script', () => {
		const latin = 'ประธานาธิบดีฝรั่งเศส Emmanuel Macron เดินทางถึง';
		assert.equal(named(latin, 'Emmanuel Macron')?.title, 'ประธานาธิบดีฝรั่งเศส');
		assert.equal(named(latin, 'ฝรั่งเศส')?.kind, 'place');
		assert.equal(named('นายกรัฐมนตรีสเปน เปโดร ซานเชซ ได้หารือ', 'เปโดร ซานเชซ')?.kind, 'person');
	});

	it('takes several short tokens for a Vietnamese name, and stops at a position', () => {
		assert.deepEqual(texts('ในการประชุม นายหวอ วัน เกียต สมาชิกคณะกรรมการ', 'person'), ['หวอ วัน เกียต']);
	});

	it('stops at punctuation', () => {
		assert.deepEqual(texts('นายสมปอง รักชาติ, นายวันชัย ทองดี', 'person'), ['สมปอง รักชาติ', 'วันชัย ทองดี']);
	});

	it('finds no person where a title word is followed by a verb or is a common noun', () => {
		assert.deepEqual(texts('นายกรัฐมนตรีกล่าวว่า ประธานาธิบดีได้เดินทาง นายทหารหลายนาย นางพยาบาลสองคน', 'person'), []);
	});

	it('finds a name written before its position', () => {
		assert.deepEqual(texts('-- เปโดร ซานเชซ นายกรัฐมนตรีสเปน กล่าวว่า', 'person'), ['เปโดร ซานเชซ']);
	});
});

describe('Latin names and acronyms', () => {
	it('joins capitalised words with particles, and splits at "and the"', () => {
		const text = 'the Asian Infrastructure Investment Bank and the Organisation for Economic Co-operation and Development met';
		assert.deepEqual(texts(text), ['Asian Infrastructure Investment Bank', 'Organisation for Economic Co-operation and Development']);
		assert.ok(find(text).every((m) => m.kind === 'organization'));
	});

	it('keeps hyphenated names whole', () => {
		assert.deepEqual(texts('ประธานาธิบดี Jean-Claude Duvalier เดินทาง', 'person'), ['Jean-Claude Duvalier']);
	});

	it('takes acronyms but not common codes, numerals or shouting', () => {
		assert.deepEqual(texts('กลุ่ม OPEC ประกาศ GDP เพิ่มขึ้น ระยะที่ II'), ['OPEC']);
		assert.deepEqual(texts('BREAKING NEWS TODAY ข่าวด่วน'), []);
	});

	it('does not take the capitalised first word of an English sentence', () => {
		const found = texts('However, the plan failed. The meeting was held in Geneva.');
		assert.ok(!found.includes('However') && !found.includes('The'), found.join());
	});
});

describe('definitions in brackets', () => {
	it('links a Thai name, its Latin name and its acronym', () => {
		const text = 'ทั้งนี้ องค์การอนามัยโลก (World Health Organization หรือ WHO) ระบุ';
		assert.deepEqual(texts(text), ['องค์การอนามัยโลก', 'World Health Organization', 'WHO']);
		assert.ok(find(text).every((m) => m.kind === 'organization' && m.rule !== 'acronym'));
	});

	it('cuts the Thai side back to its head word', () => {
		const text = 'ทั้งนี้ ประเทศสมาชิกธนาคารพัฒนาเอเชีย (Asian Development Bank หรือ ADB) ได้ประชุม';
		assert.deepEqual(texts(text), ['ธนาคารพัฒนาเอเชีย', 'Asian Development Bank', 'ADB']);
	});

	it('defines with a bare acronym', () => {
		assert.deepEqual(texts('ผู้นำสหภาพแอฟริกา (AU) ประชุม'), ['สหภาพแอฟริกา', 'AU']);
	});

	it('a place the gazetteer knows runs whole inside the defined name (ตะวัน|ออก is no verb there)', () => {
		const text = 'รัฐบาลส่งเสริมการลงทุนในเขตอุตสาหกรรมพิเศษภาคตะวันออก (ZIE) ต่อเนื่อง';
		const ms = detectMentions({text});
		const zone = ms.find((m) => m.text === 'เขตอุตสาหกรรมพิเศษภาคตะวันออก');
		const acronym = ms.find((m) => m.text === 'ZIE');
		assert.ok(zone && acronym, JSON.stringify(ms));
		assert.equal(zone.group, acronym.group);
		assert.equal(acronym.kind, 'place');
	});

	it('twins: a head word inside a known country heads nothing; a verb after the name still ends it', () => {
		const text = 'ไทยเชิญชวนสหราชอาณาจักรขยายการลงทุนในเขตอุตสาหกรรมพิเศษภาคตะวันออก (ZIE) ต่อไป';
		const defined = detectMentions({text}).filter((m) => m.rule === 'definition');
		assert.deepEqual(
			defined.map((m) => m.text),
			['เขตอุตสาหกรรมพิเศษภาคตะวันออก', 'ZIE'],
		);
		// ออก as a verb right after a body's name is not part of it.
		assert.deepEqual(texts('เมื่อวานนี้ กระทรวงพาณิชย์ออกประกาศใหม่', 'organization'), ['กระทรวงพาณิชย์']);
	});
});

describe('organisations and places', () => {
	it('ends an organisation before the rest of the sentence', () => {
		assert.deepEqual(texts('สมาชิกองค์การการค้าโลกใกล้ชิดกันยิ่งขึ้นการนำเข้า'), ['องค์การการค้าโลก']);
	});

	it('a numbered unit keeps its number: ศูนย์…ที่ 4 and ศูนย์…ที่ 9 are two bodies', () => {
		const idx = buildEntityIndex([article('a', 'ศูนย์ฝึกอาชีพภาคที่ 4 ร่วมกับศูนย์ฝึกอาชีพภาคที่ 9 จัดอบรม และถนนพระรามที่ 6 ปิดซ่อม')]);
		const names = idx.all().map((e) => e.name);
		assert.ok(names.includes('ศูนย์ฝึกอาชีพภาคที่ 4') && names.includes('ศูนย์ฝึกอาชีพภาคที่ 9'), names.join(', '));
		assert.ok(names.includes('ถนนพระรามที่ 6'), names.join(', '));
	});

	it("twins: a count, a document number, or a rank after a classifier is not the name's number", () => {
		assert.ok(!texts('ตามคำสั่งศูนย์ฝึกอาชีพภาคที่ 12/2567 เรื่องการอบรม').some((t) => /\d$/.test(t)));
		assert.deepEqual(texts('เปิดศูนย์ฝึกอาชีพภาคใต้ที่ 3 แห่ง ในปีนี้', 'organization'), ['ศูนย์ฝึกอาชีพภาคใต้']);
		assert.ok(!texts('ผู้อำนวยการศูนย์ฝึกอาชีพภาคใต้คนที่ 5 กล่าว').some((t) => t.endsWith('5')));
	});

	it('a region inside a body’s name is not cut at the verb its letters spell (ตะวัน|ออก)', () => {
		assert.deepEqual(texts('ที่ประชุมสำนักงานส่งเสริมการค้าภาคตะวันออกเฉียงเหนือ แถลงข่าว', 'organization'), ['สำนักงานส่งเสริมการค้าภาคตะวันออกเฉียงเหนือ']);
		assert.deepEqual(texts('สถานเอกอัครราชทูตสาธารณรัฐคาซัคสถานแจ้งว่า', 'organization'), ['สถานเอกอัครราชทูตสาธารณรัฐคาซัคสถาน']);
	});

	it('cuts a run-on name back to the one written elsewhere in the article', () => {
		const text = 'ตัวแทนจากสมาคมนักข่าวอาเซียน (ASEAN Journalists Club) และสมาคมนักข่าวอาเซียนฉลองครบรอบได้อย่างยิ่งใหญ่';
		assert.deepEqual(texts(text, 'organization'), ['สมาคมนักข่าวอาเซียน', 'ASEAN Journalists Club', 'สมาคมนักข่าวอาเซียน']);
	});

	it('finds countries in Thai and English, not inside other words', () => {
		assert.deepEqual(texts('ไทยและญี่ปุ่นลงนามความตกลง ภาษาไทย Japan'), ['ไทย', 'ญี่ปุ่น', 'Japan']);
	});

	it('finds places by their head words', () => {
		assert.deepEqual(texts('ณ เมืองเกียวโต จังหวัดเชียงราย กรุงโตเกียว', 'place'), ['เมืองเกียวโต', 'จังหวัดเชียงราย', 'กรุงโตเกียว']);
	});

	it('takes no bare or generic head word', () => {
		assert.deepEqual(texts('ผู้นำจากกรม กระทรวง สาขา และองค์การระหว่างประเทศ ประเทศต่างๆ'), []);
	});
});

describe('offsets', () => {
	it('map back through zero-width characters inside words', () => {
		const text = 'รัฐมนตรี\u200bว่าการกระทรวงพาณิชย์ สมศรี ใจงาม กล่าว';
		const m = named(text, 'สมศรี ใจงาม');
		assert.ok(m);
		assert.equal(text.slice(m.start, m.end), 'สมศรี ใจงาม');
		assert.equal(m.title, 'รัฐมนตรี\u200bว่าการกระทรวงพาณิชย์');
		assert.equal(text.slice(m.titleStart, m.titleStart! + m.title.length), m.title);
	});

	it('every mention is its slice of the text, in order, without overlaps', () => {
		const pieces = [
			'นาย',
			'สมปอง ',
			'รักชาติ',
			' กล่าว',
			'ประธานาธิบดี',
			'จีน',
			'และ',
			'องค์การ',
			'อนามัยโลก',
			' (WHO)',
			'Bank of ',
			'Asia ',
			'\u200b',
			' ',
			'ได้',
			'จังหวัด',
			'เชียงราย',
			'สี',
			'น้ำเงิน',
			'.',
			'\n',
			'พล.อ.',
		];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 30}), (parts) => {
				const text = parts.join('');
				const found = find(text);
				let last = 0;
				for (const m of found) {
					assert.equal(text.slice(m.start, m.end), m.text);
					assert.ok(m.start >= last && m.end > m.start && m.end <= text.length);
					if (m.titleStart !== undefined) assert.equal(text.slice(m.titleStart, m.titleStart + m.title!.length), m.title);
					last = m.end;
				}
			}),
			{numRuns: 300},
		);
	});
});

describe('foreign names of three long tokens after a foreign title', () => {
	const mentionsOf = (text: string) => findMentions({text}).map((m) => [m.text, m.kind]);
	it('takes the third token when the clause goes on after it', () => {
		assert.deepEqual(mentionsOf('ประธานาธิบดีวิลเฮล์ม ครอยซ์ ชตรัมเบิร์ก เดินทางถึงกรุงเวียนนา')[0], ['วิลเฮล์ม ครอยซ์ ชตรัมเบิร์ก', 'person']);
		assert.deepEqual(mentionsOf('ประธานาธิบดีวิลเฮล์ม ครอยซ์ ชตรัมเบิร์ก')[0], ['วิลเฮล์ม ครอยซ์ ชตรัมเบิร์ก', 'person']);
	});
	it('does not take a word the dictionary knows, nor run on into an unknown clause', () => {
		assert.deepEqual(mentionsOf('ประธานาธิบดีวิลเฮล์ม ครอยซ์ ประชุม ร่วมกับคณะ')[0], ['วิลเฮล์ม ครอยซ์', 'person']);
		assert.deepEqual(mentionsOf('ประธานาธิบดีวิลเฮล์ม ครอยซ์ ชตรัมเบิร์ก ฮาเกนเดิร์ฟ คาร์ลสรูเออ')[0], ['วิลเฮล์ม ครอยซ์', 'person']);
	});
	it('after a Thai title the third long token is still refused', () => {
		assert.deepEqual(mentionsOf('นายสมชาย ใจดีมาก ชตรัมเบิร์ก เดินทางไปต่างประเทศ')[0]?.[0], 'สมชาย ใจดีมาก');
	});
});
