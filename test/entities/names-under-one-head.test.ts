// Several bodies under one head, spaced as a list and read as one (issue 7, junk29): the verdict
// reads the corpus's names (listing-bar.ts's NameExtensions). Names written for the test; each case
// has a must-keep twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {namesUnderOneHead} from '../../source/entities/evidence.js';
import {NameExtensions} from '../../source/entities/listing-bar.js';
import {byCodeUnits} from '../../source/text/collate.js';

/** The corpus's bodies and places, each with its mentions. */
function corpus(names: Record<string, number>): NameExtensions {
	return new NameExtensions(Object.keys(names).sort(byCodeUnits), new Map(Object.entries(names)));
}

describe('names under one head', () => {
	it('three banks after one ธนาคาร, the later ones named with the head elsewhere, are a list', () => {
		const names = corpus({ธนาคารรุ่งเรือง: 3, ธนาคารศรีสยาม: 4, ธนาคารทองไทย: 2});
		assert.equal(namesUnderOneHead('ธนาคารรุ่งเรือง ศรีสยาม ทองไทย', names), true);
		// Twin: a body's own words after a space name no body of the corpus (ธนาคารศรีสยาม unseen).
		assert.equal(namesUnderOneHead('ธนาคารรุ่งเรือง ศรีสยาม', corpus({ธนาคารรุ่งเรือง: 3})), false);
		// Twin: a later name seen once is no evidence.
		assert.equal(namesUnderOneHead('ธนาคารรุ่งเรือง ศรีสยาม', corpus({ธนาคารรุ่งเรือง: 3, ธนาคารศรีสยาม: 1})), false);
	});

	it('the first piece may be named before a space elsewhere (ธนาคารX จำกัด), never only in this name', () => {
		const withSuffix = {'ธนาคารรุ่งเรือง จำกัด (มหาชน)': 2, ธนาคารศรีสยาม: 4};
		assert.equal(namesUnderOneHead('ธนาคารรุ่งเรือง ศรีสยาม', corpus({...withSuffix, 'ธนาคารรุ่งเรือง ศรีสยาม': 1})), true);
		// Twin: the only name going on from the first piece is this one.
		assert.equal(namesUnderOneHead('ธนาคารรุ่งเรือง ศรีสยาม', corpus({ธนาคารศรีสยาม: 4, 'ธนาคารรุ่งเรือง ศรีสยาม': 1})), false);
	});

	it('a body of its own after a department is a second body', () => {
		const names = corpus({กรมประมงน้ำลึก: 5, การบินเพื่อชุมชน: 3});
		assert.equal(namesUnderOneHead('กรมประมงน้ำลึก การบินเพื่อชุมชน', names), true);
		// Twin: a university after a faculty says where the faculty belongs.
		const faculty = corpus({คณะเกษตรศาสตร์: 2, สยามมหาวิทยาลัย: 9});
		assert.equal(namesUnderOneHead('คณะเกษตรศาสตร์ สยามมหาวิทยาลัย', faculty), false);
		// Twin: so does a ministry after a department.
		const ministry = corpus({กรมประมงน้ำลึก: 5, กระทรวงทะเลไทย: 9});
		assert.equal(namesUnderOneHead('กรมประมงน้ำลึก กระทรวงทะเลไทย', ministry), false);
	});

	it("a company's name ends on จำกัด: one company", () => {
		const names = corpus({บริษัทรุ่งเรืองค้าข้าว: 2, บริษัทส่งออก: 3});
		assert.equal(namesUnderOneHead('บริษัทรุ่งเรืองค้าข้าว ส่งออก จำกัด', names), false);
		// Twin: without it, two firms.
		assert.equal(namesUnderOneHead('บริษัทรุ่งเรืองค้าข้าว ส่งออก', names), true);
	});
});
