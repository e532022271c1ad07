// People and places that are not names (issue 7, junk35): นาง or นาย opening a place's name after a
// place's head, a law's section written ม. and a number. Sentences written for the test; each case has a must-keep twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {namedIn as named, namedWhenTagged} from './helpers.js';

describe('titles opening a place name, law sections', () => {
	it('reads นาง or นาย glued after a place head as the place name, not a person', () => {
		const text = 'เทศบาลแจกถุงยังชีพให้คนในชุมชนนางแย้ม และชุมชนใกล้เคียง';
		assert.deepEqual(namedWhenTagged(text, 'person', [['นางแย้ม', 'person']]), []);
		assert.deepEqual(named('น้ำท่วมบ้านเกาะนายพุก หลายหลังคาเรือน', 'person'), []);
		// The same place named again in the article without its head.
		const again = 'ของกินของนางแย้ม และของฝาก จากร้านค้าในชุมชนนางแย้ม และตลาดใกล้เคียง';
		assert.deepEqual(namedWhenTagged(again, 'person', [['นางแย้ม', 'person']]), []);
		// Twins: with a space after the head, or a full name, a person is named.
		assert.deepEqual(namedWhenTagged('ผู้นำชุมชน นางแย้ม และชาวบ้านพอใจ', 'person', [['นางแย้ม', 'person']]), ['แย้ม']);
		assert.deepEqual(named('ประธานชุมชนนางแย้ม ทองสุข กล่าวว่า ชาวบ้านพอใจ', 'person'), ['แย้ม ทองสุข']);
	});

	it('does not read a post นาย makes, its grade glued after it, as a title and a name', () => {
		assert.deepEqual(named('เปิดรับสมัครนักวิชาการเงิน และนายช่างโยธาปฏิบัติงาน จำนวน 3 อัตรา', 'person'), []);
		// Twin: a name, then the grade's word after a space as the sentence's verb.
		assert.deepEqual(named('เปิดรับสมัครนักวิชาการเงิน และนายสมพงษ์ ทองดี ปฏิบัติงานที่ศาลากลาง', 'person'), ['สมพงษ์ ทองดี']);
	});

	it('does not read ม. and a number (a section of a law) as a place or a body', () => {
		const text = 'ผู้ใดฝ่าฝืน ม.42 ต้องระวางโทษจำคุก';
		assert.deepEqual(namedWhenTagged(text, 'place', [['ม.42', 'place']]), []);
		assert.deepEqual(namedWhenTagged(text, 'organization', [['ม.42', 'organization']]), []);
		// Twin: ม. and a name is a university.
		assert.deepEqual(namedWhenTagged('นักศึกษา ม.เชียงใหม่ ร่วมกิจกรรม', 'organization', [['ม.เชียงใหม่', 'organization']]), ['ม.เชียงใหม่']);
	});
});
