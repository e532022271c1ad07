// Places that are not names (issue 7, junk33): a surname opening with a place's word, two places written
// as one, a feature being made, a slogan opened by a place's word. Sentences written for the test; each case has a must-keep twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import {namedIn as named, namedWhenTagged} from './helpers.js';

const reason = (name: string, rule = 'place-head'): string | undefined =>
	unlistedReason({name, kind: 'place', mentions: [{rule, article: 'a1', title: undefined} as MentionEvidence]});

describe('places that are not names', () => {
	it('reads a place word opening the surname after a titled given name as the surname', () => {
		const text = 'การประชุมครั้งนี้ นายวิรัช เมืองทอง รองอธิบดีกรมชลประทาน เป็นประธาน';
		assert.ok(named(text, 'person').includes('วิรัช เมืองทอง'));
		assert.deepEqual(named(text, 'place'), []);
		assert.ok(named('ด้านนางสาวพิมพ์ใจ กรุงชัย พนักงานบริษัทเอกชน กล่าวว่า', 'person').includes('พิมพ์ใจ กรุงชัย'));
		// Twins: a place the gazetteer knows after the given name is where he is; a unit's head opens no surname.
		assert.deepEqual(named('ด้านนายสมชาย เมืองพัทยา ได้จัดงาน', 'place'), ['เมืองพัทยา']);
		assert.deepEqual(named('คณะของนายวิรัช จังหวัดแพร่ เดินทางไป', 'place'), ['จังหวัดแพร่']);
	});

	it('does not list two places glued into one', () => {
		assert.equal(reason('เกาะคุ้งทะเลโขด'), 'joined');
		assert.equal(reason('หมู่เกาะสุรินทร์ทะเลใน'), 'joined');
		// Twins: a head that opens known places' names is the name's own word (กรุง|เทพ, นคร|ปฐม); after
		// everyday words only, the second place is whose the first is.
		assert.equal(reason('คลองพะเยียกรุงใหม่'), undefined);
		assert.equal(reason('สนามบินนานาชาติทะเลทอง'), undefined);
		// A known place glued after it is where it is (its province), not a second place of a list.
		assert.equal(reason('หมู่บ้านปางช้างจังหวัดลำปาง'), undefined);
	});

	it('does not list a range of two places or a place with its unit after a space', () => {
		assert.equal(reason('สถานีบางซื่อ–สถานีรังสิต', 'model'), 'joined');
		assert.equal(reason('บ้านหนองแสง อำเภอวังน้อย', 'model'), 'joined');
		assert.equal(reason('บ้านโคกงาม ต.หนองบัว', 'model'), 'joined');
		// Twins: a road named by its two ends; the village alone.
		assert.equal(reason('ถนนบางนา-ตราด'), undefined);
		assert.equal(reason('บ้านหนองแสง', 'model'), undefined);
	});

	it('reads no place in a way or a waterway being made', () => {
		assert.deepEqual(named('เกษตรกรขุดคลองไส้ไก่รอบแปลงนา', 'place'), []);
		assert.deepEqual(named('ผู้รับเหมาทำถนนเลียบคลองเสร็จแล้ว', 'place'), []);
		// Twins: a canal dredged is there already; a known place after the verb is named.
		assert.deepEqual(named('เกษตรกรขุดลอกคลองบางหลวงเมื่อวันที่ 3', 'place'), ['คลองบางหลวง']);
		assert.deepEqual(named('เพื่อทำเมืองเชียงใหม่ให้น่าอยู่', 'place'), ['เมืองเชียงใหม่']);
		// The tagger's place there too; twin: a road mended is there already.
		assert.deepEqual(namedWhenTagged('ชาวบ้านขอให้ทำถนนอ้อมทุ่ง ก่อนฤดูฝน', 'place', [['ถนนอ้อมทุ่ง', 'place']]), []);
		assert.deepEqual(namedWhenTagged('ชาวบ้านขอให้ซ่อมถนนอ้อมทุ่ง ก่อนฤดูฝน', 'place', [['ถนนอ้อมทุ่ง', 'place']]), ['ถนนอ้อมทุ่ง']);
	});

	it('reads no place in a quoted phrase a place word opens (a slogan)', () => {
		assert.deepEqual(named('ภายใต้วิสัยทัศน์ “คลองงาม น้ำใส ไหลดี” ของเขต', 'place'), []);
		assert.deepEqual(named('ภายใต้วิสัยทัศน์ "คลองงาม น้ำใส" ของเขต', 'place'), []);
		// Twins: a place alone in quotes is named, whichever rule reads it.
		assert.deepEqual(named('ภายใต้วิสัยทัศน์ “คลองงาม” ของเขต', 'place'), ['คลองงาม']);
		assert.deepEqual(named('ชาวบ้านริม "คลองบางหลวง" ร่วมกันเก็บขยะ', 'place'), ['คลองบางหลวง']);
	});
});
