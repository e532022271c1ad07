// The tagger's "persons" that are no people (issue 7, the junk15 round): the names of things (a
// disease, a drug, an award, a song, a room) after the noun that names their kind or in a list with
// it, a place named after someone, a noun นาย makes a post of, a royal rank with no name, a word
// before a titled name. Sentences and names written for the test; the tagger's spans are given by
// hand; each case has a must-keep twin, and each positive case fails without its rule.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {buildEntityIndex} from '../../source/entities/builder.js';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import {detectMentionsSteps} from '../../source/entities/find-mentions.js';
import {foldForDetection} from '../../source/entities/normalize.js';
import {NO_PAUSE, runSteps} from '../../source/entities/steps.js';
import type {EntityKind} from '../../source/entities/types.js';
import {article} from './helpers.js';

/** The people found when the tagger reads `spans` (one paragraph) and nothing else. */
function peopleWhenTagged(text: string, spans: ReadonlyArray<[string, EntityKind]>): string[] {
	const tagged = spans.map(([name, kind]) => ({start: text.indexOf(name), end: text.indexOf(name) + name.length, kind}));
	assert.ok(tagged.every((s) => s.start >= 0));
	return runSteps(detectMentionsSteps({text}, NO_PAUSE, {folded: foldForDetection(text), tagged: [tagged]}))
		.filter((m) => m.kind === 'person')
		.map((m) => m.text);
}

const found = (rule: string, n = 1, articles = 1, title?: string): MentionEvidence[] =>
	Array.from({length: n}, (_, i) => ({rule, article: i % articles, ...(title === undefined ? {} : {title})}));
const reason = (name: string, kind: EntityKind, mentions: MentionEvidence[]): string | undefined => unlistedReason({name, kind, mentions});

describe('the tagger’s person that names a thing', () => {
	it('right after the noun of its kind, glued: an award, a disease', () => {
		assert.deepEqual(peopleWhenTagged('นักเรียนได้รับรางวัลวิมลรัตน์ ประจำปี 2567', [['วิมลรัตน์', 'person']]), []);
		assert.deepEqual(peopleWhenTagged('ผู้สูงอายุเสี่ยงโรคกระดูกบาง ต้อกระจก ในหน้าหนาว', [['กระดูกบาง ต้อกระจก', 'person']]), []);
		// Twin: the same name after a word that names no kind of thing is a person.
		assert.deepEqual(peopleWhenTagged('นักเรียนได้รับคำชมจาก วิมลรัตน์ ทองสุข ประจำปี 2567', [['วิมลรัตน์ ทองสุข', 'person']]), ['วิมลรัตน์ ทองสุข']);
	});

	it('after the noun with a space or a quote between: a drug, a song', () => {
		assert.deepEqual(peopleWhenTagged('ผู้ป่วยได้รับยา พาราเซตามอล ทุกหกชั่วโมง', [['พาราเซตามอล', 'person']]), []);
		assert.deepEqual(peopleWhenTagged('ผู้ชมร่วมร้องเพลง “สายลม ปลายฝน” ในงาน', [['สายลม ปลายฝน', 'person']]), []);
		// Twin: a quote after a verb that is no kind's noun leaves the name.
		assert.deepEqual(peopleWhenTagged('ผู้ชมร่วมปรบมือให้ “สายลม ปลายฝน” ในงาน', [['สายลม ปลายฝน', 'person']]), ['สายลม ปลายฝน']);
	});

	it('a token opened by the noun of a kind: a list of diseases, not one name', () => {
		assert.deepEqual(peopleWhenTagged('คลินิกตรวจหา อีสุกอีใส โรคคางทูม ให้เด็กนักเรียน', [['อีสุกอีใส โรคคางทูม', 'person']]), []);
		// A venue's English word written in Thai (a hall named after its owner).
		assert.deepEqual(peopleWhenTagged('งานเลี้ยงจัดที่ ธนากร ฮอลล์ ชั้นสอง', [['ธนากร ฮอลล์', 'person']]), []);
		// Twin: a surname that only starts with the noun's letters stays (โรจน์ is no โรค).
		assert.deepEqual(peopleWhenTagged('คลินิกมีแพทย์ชื่อ สมศักดิ์ โรจนศิริ ให้บริการ', [['สมศักดิ์ โรจนศิริ', 'person']]), ['สมศักดิ์ โรจนศิริ']);
	});

	it('a room’s noun glued before it, cut by the segmenter (ห้อง|ประชุม|X)', () => {
		assert.deepEqual(peopleWhenTagged('การประชุมจัดที่ห้องประชุมสุริยวงศ์ ชั้น 3', [['สุริยวงศ์', 'person']]), []);
		// Twin: the same name after a space and a verb.
		assert.deepEqual(peopleWhenTagged('การประชุมมี สุริยวงศ์ ทองมาก เป็นประธาน', [['สุริยวงศ์ ทองมาก', 'person']]), ['สุริยวงศ์ ทองมาก']);
	});

	it('a place’s head glued before it: a road named after someone, not the person', () => {
		assert.deepEqual(peopleWhenTagged('รถติดยาวบนถนนสุริยวงศ์ ช่วงเช้า', [['สุริยวงศ์', 'person']]), []);
		assert.deepEqual(peopleWhenTagged('รถติดบนถนนวิมลรัตน์ ทองสุข ช่วงเช้า', [['วิมลรัตน์ ทองสุข', 'person']]), []);
		// Twin: with a space after a word that heads no place, a person.
		assert.deepEqual(peopleWhenTagged('รถติดยาวรอ สุริยวงศ์ ทองมาก ช่วงเช้า', [['สุริยวงศ์ ทองมาก', 'person']]), ['สุริยวงศ์ ทองมาก']);
	});
});

describe('the tagger’s titled person whose first token is a noun after นาย', () => {
	it('นาย|จ้าง (the employer) and the next phrase are no name; a given name opening with the letters is', () => {
		assert.deepEqual(peopleWhenTagged('กฎหมายเปิดโอกาสให้นายจ้าง โรงงานประกอบการ ยื่นคำขอ', [['นายจ้าง โรงงาน', 'person']]), []);
		assert.deepEqual(peopleWhenTagged('ที่ประชุมเชิญนายจ้างวงศ์ ทองดี มาชี้แจง', [['นายจ้างวงศ์ ทองดี', 'person']]), ['จ้างวงศ์ ทองดี']);
	});
});

describe('royal ranks and titled names the tagger read with a word before them', () => {
	it('a royal rank ending on เธอ with no name is a title alone; with the name after it, a name', () => {
		assert.equal(reason('สมเด็จพระเจ้าลูกเธอ', 'person', found('model')), 'title-only');
		assert.equal(reason('พระเจ้าหลานเธอ', 'person', found('title', 2, 2)), 'title-only');
		assert.equal(reason('สมเด็จพระเจ้าลูกเธอ เจ้าฟ้าสิริมาลา', 'person', found('model')), undefined);
	});

	it('a word, then a token opening a monk’s or royal style, is no one name; the style alone, or a surname opening with คุณ, is', () => {
		assert.equal(reason('ทักษิณานุประทาน เจ้าประคุณสมเด็จพระวันรัต', 'person', found('model', 2, 2)), 'word-before-title');
		assert.equal(reason('เจ้าประคุณสมเด็จพระวันรัต', 'person', found('model', 2, 2)), undefined);
		assert.equal(reason('สมชาย คุณากร', 'person', found('model', 2, 2)), undefined);
		// A royal's act glued before the style (พระดำริ|สมเด็จ…) is read with the name: kept.
		assert.equal(reason('พระดำริสมเด็จพระเจ้าลูกเธอ เจ้าฟ้าสิริมาลา', 'person', found('model', 2, 2)), undefined);
	});
});

describe('a Latin person ending on a verb’s particle', () => {
	it('Kick Off-like phrases are no names; a name with a syllable On, or a surname opening with Up, is', () => {
		assert.equal(reason('Clean Up', 'person', found('latin', 3, 3)), 'latin-phrase');
		assert.equal(reason('Warm-up', 'person', found('latin')), 'latin-phrase');
		assert.equal(reason('Kim Ji On', 'person', found('latin')), undefined);
		assert.equal(reason('Oliver Upton', 'person', found('latin')), undefined);
	});
});

describe('a monument or the clergy read after a monk’s title', () => {
	it('พระมหา|เจดีย์X and พระมหา|เถระ are no people; a monk named after พระมหา is', () => {
		assert.equal(reason('เจดีย์ศรีมงคลชัย', 'person', found('title', 2, 2, 'พระมหา')), 'monument-or-clergy');
		assert.equal(reason('เถระ', 'person', found('title', 1, 1, 'พระมหา')), 'monument-or-clergy');
		assert.equal(reason('สมปอง ปัญญาวโร', 'person', found('title', 2, 2, 'พระมหา')), undefined);
	});

	it('in the index too, where a titled person is otherwise listed at once', () => {
		const index = buildEntityIndex([article('a1', 'พิธีนี้มีพระมหาเถระ อาทิ พระครูสมชัย และพระมหาสมปอง ปัญญาวโร เป็นประธาน')]);
		const people = index
			.all()
			.filter((e) => e.kind === 'person')
			.map((e) => e.name);
		assert.ok(!people.includes('เถระ'));
		assert.ok(people.includes('สมปอง ปัญญาวโร'));
	});
});

describe('the tagger’s person after a hotel’s, an expressway’s, a business group’s, a show’s or a field’s noun (junk28)', () => {
	it('โรงแรม, ทางพิเศษ, เครือ, ชุด, สาขา before it, glued or with a space or a quote: the thing’s name, however it reads', () => {
		assert.deepEqual(peopleWhenTagged('ประชุมสัมมนาที่โรงแรม สมศรี แสงดาว เมื่อวานนี้', [['สมศรี แสงดาว', 'person']]), []);
		assert.deepEqual(peopleWhenTagged('ปิดการจราจรบนทางพิเศษสมศรี แสงดาว ชั่วคราว', [['สมศรี แสงดาว', 'person']]), []);
		assert.deepEqual(peopleWhenTagged('ร้านค้าในเครือ สมศรี แสงดาว ร่วมลดราคา', [['สมศรี แสงดาว', 'person']]), []);
		assert.deepEqual(peopleWhenTagged('นักเรียนร่วมการแสดงชุด “สมศรี แสงดาว” ในงาน', [['สมศรี แสงดาว', 'person']]), []);
		assert.deepEqual(peopleWhenTagged('หลักสูตรนี้เปิดสอนในสาขาสมศรี แสงดาว ทุกปี', [['สมศรี แสงดาว', 'person']]), []);
		// Twins: the same span after a word that names no kind of thing.
		assert.deepEqual(peopleWhenTagged('ประชุมสัมมนาโดย สมศรี แสงดาว เมื่อวานนี้', [['สมศรี แสงดาว', 'person']]), ['สมศรี แสงดาว']);
		assert.deepEqual(peopleWhenTagged('ปิดการจราจรโดยสมศรี แสงดาว ชั่วคราว', [['สมศรี แสงดาว', 'person']]), ['สมศรี แสงดาว']);
	});
});

describe('the tagger’s person right after an example’s word (junk28)', () => {
	it('after เช่น, อาทิ or ได้แก่ with no kin word, title or style: one of a list of things', () => {
		assert.deepEqual(peopleWhenTagged('ควรรับประทานผลไม้ เช่น มังคุด ลองกอง ทุกวัน', [['มังคุด ลองกอง', 'person']]), []);
		assert.deepEqual(peopleWhenTagged('วัคซีนที่ใช้ในโครงการ ได้แก่ โนวาแวกซ์ ไบโอเทค และอื่น ๆ', [['โนวาแวกซ์ ไบโอเทค', 'person']]), []);
		// Twins: a kin word or a style opens the name; the same name after a word that lists nothing.
		assert.deepEqual(peopleWhenTagged('ศิลปินรับเชิญ อาทิ คุณสมศรี แสงดาว ขึ้นแสดง', [['คุณสมศรี แสงดาว', 'person']]), ['คุณสมศรี แสงดาว']);
		assert.deepEqual(peopleWhenTagged('ศิลปินรับเชิญในงาน สมศรี แสงดาว ขึ้นแสดง', [['สมศรี แสงดาว', 'person']]), ['สมศรี แสงดาว']);
	});
});

describe('the tagger’s person in brackets after a verse or a thing (junk31)', () => {
	it('a chant’s first line in brackets after บท and its title: the verse’s words', () => {
		assert.deepEqual(peopleWhenTagged('จากนั้นสวดบทสุริยปริตร (อุเทตะยัง จักขุมา) พร้อมกัน', [['อุเทตะยัง จักขุมา', 'person']]), []);
		// The title of two tokens (บทX Y (…)), and a song's gloss after เพลง.
		assert.deepEqual(peopleWhenTagged('ต่อด้วยบทนะโม ตัสสะ (อะระหะโต สัมมา) แล้วจึง', [['อะระหะโต สัมมา', 'person']]), []);
		assert.deepEqual(peopleWhenTagged('ร้องเพลงลมหนาว (ดาวเหนือ ฟ้าไกล) ปิดงาน', [['ดาวเหนือ ฟ้าไกล', 'person']]), []);
		// Twins: a person in brackets after a post or a body's name; the verse three tokens back.
		assert.deepEqual(peopleWhenTagged('ประธานชมรมผู้สูงอายุ (สมศรี แสงดาว) กล่าวต้อนรับ', [['สมศรี แสงดาว', 'person']]), ['สมศรี แสงดาว']);
		assert.deepEqual(peopleWhenTagged('หลังบทสวด เจ้าภาพ ผู้จัดงาน (สมศรี แสงดาว) กล่าว', [['สมศรี แสงดาว', 'person']]), ['สมศรี แสงดาว']);
		// Twin: บท ending the token names no title (the scriptwriter, then her name).
		assert.deepEqual(peopleWhenTagged('ผู้เขียนบท (สมศรี แสงดาว) กล่าว', [['สมศรี แสงดาว', 'person']]), ['สมศรี แสงดาว']);
	});
});
