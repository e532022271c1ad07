// Lists read as one name, and pieces that name no one (issue 7, junk24). Sentences written for the
// test; each case has a must-keep twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {namedIn as named, namedWhenTagged} from './helpers.js';

describe("a country's official name written short", () => {
	it('is a place, not a body', () => {
		assert.deepEqual(named('การค้ากับ สปจ. นับเป็นตลาดใหญ่', 'place'), ['สปจ.']);
		assert.deepEqual(named('การค้ากับ สปจ. นับเป็นตลาดใหญ่', 'organization'), []);
		assert.deepEqual(named('มูลค่า 500 ล้านดอลลาร์ สรอ. ลดลงร้อยละ 2', 'place'), ['สรอ.']);
		// Twin: another body's letters stay a body's.
		assert.deepEqual(named('การค้ากับ สปส. นับเป็นงานใหญ่', 'place'), []);
	});
});

describe("an abbreviation's letters after a name", () => {
	it('are no surname: a month written short (ส.ค.) is never a name’s last piece', () => {
		assert.deepEqual(named('นายกรัฐมนตรีพบผู้นำเอเปค ส.ค. นี้ที่ทำเนียบ', 'person'), []);
		assert.deepEqual(named('พบนายสมชาย ใจดี ส.ค. นี้ที่บ้าน', 'person'), ['สมชาย ใจดี']);
		// Twins: an initial holds a vowel (อาร์.), and so does a surname before a full stop.
		assert.deepEqual(named('โดยนายโจเซฟ อาร์. ไบเดน ประธานาธิบดี', 'person'), ['โจเซฟ อาร์']);
		assert.deepEqual(named('ดร.มาซาฮิโกะ อิซากะ. ศ.ดร.สมชาย', 'person'), ['มาซาฮิโกะ อิซากะ', 'สมชาย']);
	});
});

describe("the tagger's person with a known place after its first token", () => {
	it('is a list, no one, when a place opens it or one token is left', () => {
		const countries = 'การส่งออกไป ชิลี แม็กซิโก รัสเซีย ออสเตรเลีย เพิ่มขึ้น';
		assert.deepEqual(namedWhenTagged(countries, 'person', [['ชิลี แม็กซิโก รัสเซีย', 'person']]), []);
		const ministry = 'ทีม พม. อยุธยา ช่วยเหลือผู้ประสบภัย';
		assert.deepEqual(namedWhenTagged(ministry, 'person', [['พม. อยุธยา', 'person']]), []);
	});

	it('ends before the place: the name is what comes first', () => {
		const text = 'ร่วมกับ สมหญิง ทองดี เชียงใหม่ ในวันนี้';
		assert.deepEqual(namedWhenTagged(text, 'person', [['สมหญิง ทองดี เชียงใหม่', 'person']]), ['สมหญิง ทองดี']);
		// Twin: a lineal surname (ณ + a province) is the name's.
		const lineal = 'ร่วมกับ สมหญิง ณ ระนอง ในวันนี้';
		assert.deepEqual(namedWhenTagged(lineal, 'person', [['สมหญิง ณ ระนอง', 'person']]), ['สมหญิง ณ ระนอง']);
	});
});

describe('a dash between two capitalised Latin words', () => {
	it('joins the two halves of one name: what is after it alone names no one', () => {
		const text = 'ผู้แทนสมัชชารัฐสภาอาเซียน (ASEAN Inter - Parliamentary Assembly : AIPA) ซึ่ง';
		assert.deepEqual(
			named(text, 'organization').filter((n) => /[A-Z]/.test(n) && n !== 'AIPA'),
			['ASEAN Inter - Parliamentary Assembly'],
		);
		assert.deepEqual(
			named('สภาประสานงาน (Saudi - Thai Coordination Council : STCC) ได้', 'organization').filter((n) => /[a-z]/.test(n)),
			['Saudi - Thai Coordination Council'],
		);
		// Twins: capitals after the dash are a short form (a name and its acronym), and one word with a
		// sentence after it ends the name before the dash.
		assert.deepEqual(named('ตามข้อกำหนด (Terms Committee – TOR) ของคณะ', 'organization'), ['Terms Committee']);
		assert.deepEqual(named('งาน Asian Ocean Council - Let’s see the view', 'organization'), ['Asian Ocean Council']);
	});
});
