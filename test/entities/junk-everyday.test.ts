// Everyday things typed as bodies or places (issue 7, the junk19 round): produce in a list of produce,
// a kind of business, a person's nickname read as a body, a zone with no name, a structure of a
// structure, a Latin title of everyday words. Sentences and names written for the test (other names
// than the round's examples); the tagger's spans are given by hand; each rule has a must-keep twin,
// and each positive case fails without its rule.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import {detectMentionsSteps} from '../../source/entities/find-mentions.js';
import {foldForDetection} from '../../source/entities/normalize.js';
import {NO_PAUSE, runSteps} from '../../source/entities/steps.js';
import type {EntityKind} from '../../source/entities/types.js';

/** The mentions of `kind` found when the tagger reads `spans` (one paragraph) and nothing else. */
function foundWhenTagged(text: string, spans: ReadonlyArray<[string, EntityKind]>, kind: EntityKind): string[] {
	const tagged = spans.map(([name, k]) => ({start: text.indexOf(name), end: text.indexOf(name) + name.length, kind: k}));
	assert.ok(tagged.every((s) => s.start >= 0));
	return runSteps(detectMentionsSteps({text}, NO_PAUSE, {folded: foldForDetection(text), tagged: [tagged]}))
		.filter((m) => m.kind === kind)
		.map((m) => m.text);
}

const found = (rule: string, n = 1, articles = 1): MentionEvidence[] => Array.from({length: n}, (_, i) => ({rule, article: i % articles}));
const reason = (name: string, kind: EntityKind, mentions: MentionEvidence[]): string | undefined => unlistedReason({name, kind, mentions});

describe('the tagger’s place in a list of everyday things', () => {
	it('between everyday words, or closing a list with และ after two of them, is one more thing', () => {
		assert.deepEqual(foundWhenTagged('ตลาดนัดวันนี้มีผลไม้ มะม่วง จำปาดะ มังคุด ข้าวโพด วางขาย', [['จำปาดะ', 'place']], 'place'), []);
		assert.deepEqual(foundWhenTagged('ราคาผลไม้ลดลง ได้แก่ ทุเรียน มังคุด และจำปาดะ ที่ออกสู่ตลาดมาก', [['จำปาดะ', 'place']], 'place'), []);
	});

	it('twins: a list of places, the name alone in its clause, a known place among things stay', () => {
		// The items around it are places (a province, a district the list knows).
		assert.deepEqual(foundWhenTagged('น้ำท่วมในจังหวัดน่าน จำปาดะ เวียงสา และพื้นที่ใกล้เคียง', [['จำปาดะ', 'place']], 'place'), ['จังหวัดน่าน', 'จำปาดะ']);
		// A verb and a function word around it: a clause, no list.
		assert.deepEqual(foundWhenTagged('คณะเดินทางถึง จำปาดะ เมื่อเช้าวันนี้', [['จำปาดะ', 'place']], 'place'), ['จำปาดะ']);
		// Only one everyday word next to it, with no และ closing the list on it.
		assert.deepEqual(foundWhenTagged('ผู้แทนจาก มังคุด จำปาดะ เข้าร่วมงาน', [['จำปาดะ', 'place']], 'place'), ['จำปาดะ']);
	});
});

describe('a kind of business, not one', () => {
	it('SMEs or start-ups, alone, with a country or after a head of many, are a kind', () => {
		assert.equal(reason('เอสเอ็มอีเวียดนาม', 'organization', found('model', 3, 3)), 'generic');
		assert.equal(reason('สตาร์ทอัพ', 'organization', found('model', 4, 4)), 'generic');
		assert.equal(reason('กลุ่มสตาร์ทอัพญี่ปุ่น', 'organization', found('model', 2, 2)), 'generic');
		assert.equal(reason('ผู้ประกอบการเอสเอ็มอี', 'organization', found('model', 2, 2)), 'generic');
	});

	it('twins: a body that works for them names what it does and stays', () => {
		assert.equal(reason('กองทุนส่งเสริมเอสเอ็มอี', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('ธนาคารเพื่อเอสเอ็มอีลาว', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('SME Bank', 'organization', found('latin', 2, 2)), undefined);
	});
});

describe('a person’s kin word or a teacher’s opening a body', () => {
	it('a nickname the tagger alone typed as a body is a person’s', () => {
		assert.equal(reason('ครูป้าแก้ว', 'organization', found('model', 3, 3)), 'person-as-body');
		assert.equal(reason('น้องมะลิ', 'organization', found('model', 2, 2)), 'person-as-body');
	});

	it('twins: a word that only opens with those letters, a rule’s body, a head after it stay', () => {
		assert.equal(reason('คุณธรรมพัฒนา', 'organization', found('model', 2, 2)), undefined);
		assert.equal(reason('ครูป้าแก้ว', 'organization', [...found('model', 2, 2), ...found('org-head')]), undefined);
		assert.equal(reason('พี่เลี้ยงมูลนิธิเด็ก', 'organization', found('model', 2, 2)), undefined);
	});
});

describe('a zone with no name', () => {
	it('a zone’s head and only everyday words is a kind of area', () => {
		assert.equal(reason('เขตเกษตรกรรม', 'place', found('place-head', 3, 3)), 'generic');
		assert.equal(reason('เขตอุตสาหกรรม', 'place', found('model', 2, 2)), 'generic');
		// A city's head and everyday words after it name no city either ("new towns").
		assert.equal(reason('เขตเมืองใหม่', 'place', found('place-head', 2, 2)), 'generic');
	});

	it('twins: a Bangkok district, a region, a unit named, a zone the article defines stay', () => {
		assert.equal(reason('เขตบางนา', 'place', found('place-head', 3, 3)), undefined);
		assert.equal(reason('เขตพัฒนาพิเศษภาคเหนือ', 'place', found('place-head', 2, 2)), undefined);
		assert.equal(reason('เขตเมืองพัทยา', 'place', found('place-head', 2, 2)), undefined);
		assert.equal(reason('เขตเทศบาลตำบลบ้านใหม่', 'place', found('place-head')), undefined);
		assert.equal(reason('เขตอุตสาหกรรม', 'place', [...found('place-head', 2, 2), ...found('definition')]), undefined);
	});
});

describe('a structure of a structure', () => {
	it('a built structure’s noun and another’s bare noun name nothing', () => {
		assert.equal(reason('ตึกสำนักงาน', 'place', found('model', 3, 3)), 'generic');
		assert.equal(reason('สะพานสถานี', 'place', found('model', 2, 2)), 'generic');
		// Waters the same way: "rivers and streams".
		assert.equal(reason('แม่น้ำลำห้วย', 'place', found('model', 2, 2)), 'generic');
	});

	it('twins: a structure named, a village or sub-district named by such a noun stay', () => {
		assert.equal(reason('ท่าเรือสะพานพุทธ', 'place', found('model', 2, 2)), undefined);
		assert.equal(reason('บ้านสะพาน', 'place', found('model', 2, 2)), undefined);
		assert.equal(reason('ตำบลท่าเรือ', 'place', found('place-head', 2, 2)), undefined);
		assert.equal(reason('บึงหนองบอน', 'place', found('place-head', 2, 2)), undefined);
	});
});

describe('a Latin place of everyday English words', () => {
	it('an adjective made of a verb or a noun and a place’s word is a title or a kind', () => {
		assert.equal(reason('Livable Town', 'place', found('latin')), 'latin-kind');
		assert.equal(reason('Creative Valley', 'place', found('latin', 2, 2)), 'latin-kind');
	});

	it('twins: a word of its own before the place’s word keeps it', () => {
		assert.equal(reason('Hamilton Town', 'place', found('latin')), undefined);
		assert.equal(reason('Olive Valley', 'place', found('latin')), undefined);
	});
});

describe('a head and only a word for a kind of it (smart, model, green)', () => {
	it('a smart harbour, model farms, a green university: kinds, not names', () => {
		assert.equal(reason('ท่าอากาศยานอัจฉริยะ', 'place', found('place-head', 3, 2)), 'generic');
		assert.equal(reason('โรงเรียนต้นแบบ', 'organization', found('org-head', 2, 2)), 'generic');
		assert.equal(reason('โรงพยาบาลสีเขียว', 'organization', found('org-head')), 'generic');
	});

	it('twins: a named body with the word inside its name, a head with a name before the word stay', () => {
		assert.equal(reason('ศูนย์ปฏิบัติการน้ำอัจฉริยะ', 'organization', found('org-head')), undefined);
		assert.equal(reason('โรงเรียนบ้านหนองบัวต้นแบบ', 'organization', found('org-head')), undefined);
	});
});

describe('the tagger’s body or place run on into its clause by an auxiliary', () => {
	it('ends before ได้, จะ, ไม่…: the name the rules read too', () => {
		assert.deepEqual(foundWhenTagged('พร้อมกันนี้ กระทรวงพาณิชย์ได้เร่งรัดการส่งออก', [['กระทรวงพาณิชย์ได้', 'organization']], 'organization'), ['กระทรวงพาณิชย์']);
		assert.deepEqual(foundWhenTagged('ทั้งนี้ สมาคมผู้ปลูกกาแฟจะจัดงานประจำปี', [['สมาคมผู้ปลูกกาแฟจะ', 'organization']], 'organization'), ['สมาคมผู้ปลูกกาแฟ']);
	});

	it('twin: a span ending on its own word stays whole', () => {
		assert.deepEqual(foundWhenTagged('ทั้งนี้ สมาคมผู้ปลูกกาแฟ จัดงานประจำปี', [['สมาคมผู้ปลูกกาแฟ', 'organization']], 'organization'), ['สมาคมผู้ปลูกกาแฟ']);
	});
});

describe('a floor or a room by number; Thailand’s own embassy with no place', () => {
	it('ชั้น 5, ห้อง 1204 are parts of a building; สถานทูตไทย alone is any of Thailand’s embassies', () => {
		assert.equal(reason('ชั้น 5', 'place', found('model', 3, 3)), 'floor-or-room');
		assert.equal(reason('ห้อง 1204', 'place', found('model', 2, 2)), 'floor-or-room');
		assert.equal(reason('สถานเอกอัครราชทูตไทย', 'organization', found('org-head', 4, 3)), 'generic');
	});

	it('twins: a floor with its building named, another country’s embassy, Thailand’s with its city stay', () => {
		assert.equal(reason('ชั้นลอยอาคารศรีจันทร์', 'place', found('place-head')), undefined);
		assert.equal(reason('สถานเอกอัครราชทูตเดนมาร์ก', 'organization', found('org-head', 2, 2)), undefined);
		assert.equal(reason('สถานเอกอัครราชทูตไทย ณ กรุงโซล', 'organization', found('org-head', 2, 2)), undefined);
	});
});

describe('a known place and then only everyday words, the tagger’s span alone', () => {
	it('a place and the clause after it is no place of its own', () => {
		assert.equal(reason('ประเทศญี่ปุ่นดี', 'place', found('model')), 'place-then-words');
		assert.equal(reason('ลำปางโมเดล', 'place', found('model')), 'place-then-words');
	});

	it('twins: a known place whole, a place with its part or age after it, a rule’s place stay', () => {
		assert.equal(reason('ประเทศญี่ปุ่น', 'place', found('model')), undefined);
		assert.equal(reason('ลำปางเดิม', 'place', found('model')), undefined);
		// (A rule's ลำปางโมเดล is a scheme now, whoever found it: run-on-bodies.test.ts.)
		assert.equal(reason('ประเทศญี่ปุ่นดี', 'place', found('place-head')), undefined);
	});
});
