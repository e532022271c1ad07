// A ministry's name run on into its clause or a meeting of its ministers (issue 7, junk31): the
// verdict reads the corpus's names (listing-bar.ts's NameExtensions). Names written for the test;
// each case has a must-keep twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ministryRunOn} from '../../source/entities/evidence.js';
import {NameExtensions} from '../../source/entities/listing-bar.js';
import {byCodeUnits} from '../../source/text/collate.js';

/** The corpus's bodies and places, each with its mentions. */
function corpus(names: Record<string, number>): NameExtensions {
	return new NameExtensions(Object.keys(names).sort(byCodeUnits), new Map(Object.entries(names)));
}

describe('a ministry run on', () => {
	it('a verb or a grouping glued after a ministry the corpus names alone is no body', () => {
		const names = corpus({กระทรวงทะเลไทย: 40, กระทรวงทะเลไทยอนุมัติ: 1, กระทรวงทะเลไทยอาเซียน: 3});
		assert.equal(ministryRunOn('กระทรวงทะเลไทยอนุมัติ', 1, names), true);
		assert.equal(ministryRunOn('กระทรวงทะเลไทยอาเซียน', 3, names), true);
		// Twin: a ministry the corpus names alone only twice is no evidence.
		assert.equal(ministryRunOn('กระทรวงทะเลไทยอนุมัติ', 1, corpus({กระทรวงทะเลไทย: 2})), false);
		// Twin: a head other than a ministry's (departments have named parts: กรมX|Y may be one).
		assert.equal(ministryRunOn('กรมทะเลไทยอนุมัติ', 1, corpus({กรมทะเลไทย: 40})), false);
	});

	it("a country or a state after it names that state's ministry", () => {
		const names = corpus({กระทรวงป่าไม้: 30});
		assert.equal(ministryRunOn('กระทรวงป่าไม้และภาคีเครือข่าย', 1, names), true);
		// Twins: a country, a state's name after แห่ง, another field after และการ.
		assert.equal(ministryRunOn('กระทรวงป่าไม้ญี่ปุ่น', 1, names), false);
		assert.equal(ministryRunOn('กระทรวงป่าไม้แห่งสาธารณรัฐเกาะทอง', 1, names), false);
		assert.equal(ministryRunOn('กระทรวงป่าไม้และการประมง', 1, names), false);
	});

	it('a ministry named in full by a longer name is judged by that one', () => {
		// The short form is seen less than the full name going on from it: the full name stands.
		const names = corpus({กระทรวงเรือ: 5, กระทรวงเรือและท่าเรือ: 60, กระทรวงเรือและท่าเรือนำ: 1});
		assert.equal(ministryRunOn('กระทรวงเรือและท่าเรือ', 60, names), false);
		// Run on from the full name: judged.
		assert.equal(ministryRunOn('กระทรวงเรือและท่าเรือนำ', 1, names), true);
		// Twin: the full name written with spaces, its piece glued (กระทรวงX Y → กระทรวงXY) is no run-on.
		const spaced = corpus({กระทรวงบินพลเรือน: 10, 'กระทรวงบินพลเรือน อวกาศและดาวเทียม': 50, กระทรวงบินพลเรือนอวกาศ: 2});
		assert.equal(ministryRunOn('กระทรวงบินพลเรือนอวกาศ', 2, spaced), false);
		// Twin: a longer name seen as often as this one is not the ministry alone.
		assert.equal(ministryRunOn('กระทรวงทะเลไทยอนุมัติ', 5, corpus({กระทรวงทะเลไทย: 5})), false);
	});
});
