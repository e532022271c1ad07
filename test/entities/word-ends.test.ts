// A name cut inside a word the segmenter cuts in pieces (issue 7, junk27): the word is one of the learned
// compounds (split-compounds.ts), and a body's or place's name ending between its pieces ends at the word's
// end, whichever rule made the cut. Sentences written for the test; each case has a must-keep twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {splitCompoundAt} from '../../source/entities/split-compounds.js';
import {namedIn as named} from './helpers.js';

describe('a name that ends inside a word', () => {
	it('lists compounds no piece of which ends a name, when they are one word', () => {
		// ตะวัน|ออก: ออก alone is a function word, ตะวัน a name's word; the two glued are one word.
		assert.deepEqual(splitCompoundAt('ภาคตะวันออก', 0, 8, 'ออก'), {start: 3, end: 11});
		// Twin: a function word after a piece that is often without it (ชุด|นี้, "this set") is no word's.
		assert.equal(splitCompoundAt('คณะทำงานชุดนี้', 0, 11, 'นี้'), undefined);
	});

	it("ends at the word's end, not between its pieces", () => {
		// The tagger's place and a head's place, each cut at ตะวัน before.
		assert.deepEqual(named('สถานการณ์เศรษฐกิจภาคตะวันออกในเดือนมีนาคม ขยายตัว', 'place'), ['ภาคตะวันออก']);
		assert.deepEqual(named('นักลงทุนจากประเทศเอเชียตะวันออกร่วมกับองค์กรต่างๆ', 'place'), ['ประเทศเอเชียตะวันออก']);
		// Twin: a name followed, glued, by a word the segmenter reads whole (น้ำ|ดำเนินการ), which starts
		// with the letters of a compound's piece (น้ำ|ดำ), ends where it did.
		assert.deepEqual(named('ให้กรมพัฒนาน้ำดำเนินการต่อ', 'organization'), ['กรมพัฒนาน้ำ']);
	});

	it('reads on through a word whose pieces stick in a third of their uses, when they are a word', () => {
		// คุม|ประพฤติ and สูง|อายุ are glued in over a third of one piece's uses: a head's name read on.
		assert.deepEqual(named('ทั้งนี้ สำนักงานคุมประพฤติจังหวัดน่าน แถลงว่า', 'organization'), ['สำนักงานคุมประพฤติจังหวัดน่าน']);
		assert.deepEqual(named('ตามที่กรมกิจการผู้สูงอายุกำหนด ไว้แล้ว', 'organization'), ['กรมกิจการผู้สูงอายุ']);
		// Twin: a pair as sticky whose second piece is a function word (เรียบร้อย|แล้ว, "already done") is
		// a phrase, not listed.
		assert.equal(splitCompoundAt('เสร็จเรียบร้อยแล้ว', 0, 14, 'แล้ว'), undefined);
	});

	it('leaves a name that is no more than the word cut (a given name after a post)', () => {
		// ธร|รม|นัส after a minister's title: the pieces before the compound are no word, so no body's name.
		assert.ok(!named('ล่าสุด รมช.ธรรมนัส กล่าวว่า', 'organization').includes('ธรรมนัส'));
	});
});
