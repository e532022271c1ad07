// A temple written after a monk's name is where he lives, not his surname (issue 7, junk31).
// Sentences and names written for the test; each case has a twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {findMentions} from '../../source/entities/find-mentions.js';

const people = (text: string): Array<[string, string | undefined]> =>
	findMentions({text})
		.filter((m) => m.kind === 'person')
		.map((m) => [m.text, m.title]);

describe('a temple after a monk', () => {
	it('ends the name after a monk’s title', () => {
		assert.deepEqual(people('โดยมีพระครูสุนทรธรรมวิเศษ วัดทุ่งทองคำ เป็นประธานสงฆ์'), [['สุนทรธรรมวิเศษ', 'พระครู']]);
		assert.deepEqual(people('พระมหาบุญเลิศ วัดป่าศรีมงคล แสดงธรรม'), [['บุญเลิศ', 'พระมหา']]);
		// Twin: a surname that is no temple stays the name's.
		assert.deepEqual(people('พระมหาบุญเลิศ ทองมั่นคง แสดงธรรม'), [['บุญเลิศ ทองมั่นคง', 'พระมหา']]);
		// Twin: a surname whose letters merely open like a temple's head (วัฒนา) stays too.
		assert.deepEqual(people('นายสมศักดิ์ วัฒนาศรีสุข กล่าว'), [['สมศักดิ์ วัฒนาศรีสุข', 'นาย']]);
	});
});
