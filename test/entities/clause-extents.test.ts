// Bodies and places that run on into their clause, and the cut the other way (issue 7, junk13):
// where a head-word name ends. Sentences written for the test; each case has a must-keep twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {findMentions} from '../../source/entities/find-mentions.js';
import type {Mention} from '../../source/entities/types.js';

/** The names of one kind detected in a text, as written. */
const named = (text: string, kind: Mention['kind']): string[] =>
	findMentions({text})
		.filter((m) => m.kind === kind)
		.map((m) => m.text);

describe('a body running on into its clause', () => {
	it('ends where the tagger ends its body when a verb opens what it leaves untagged', () => {
		assert.deepEqual(named('ในปีนี้กระทรวงพาณิชย์ร่วมจัด และภาคเอกชนจะสนับสนุน', 'organization'), ['กระทรวงพาณิชย์']);
		assert.deepEqual(named('โครงการที่กระทรวงเกษตรและสหกรณ์ร่วมผลิต และขายในตลาด', 'organization'), ['กระทรวงเกษตรและสหกรณ์']);
	});

	it('keeps a name whose tail is a compound verb the segmenter cuts in two, or a word of its own', () => {
		// Twins: ส่ง|เสริม is one verb inside the name (the tagger ends its body at ส่ง); ร่วม|สมัย is no clause.
		assert.deepEqual(named('ทางกรมส่งเสริมอุตสาหกรรม และเอกชนได้ร่วมประชุม', 'organization'), ['กรมส่งเสริมอุตสาหกรรม']);
		assert.deepEqual(named('ตัวแทนสำนักงานศิลปะร่วมสมัย และเอกชนได้ร่วมประชุม', 'organization'), ['สำนักงานศิลปะร่วมสมัย']);
	});

	it('is cut back to the name the article writes alone, where a verb opens the rest', () => {
		assert.deepEqual(named('เมื่อวาน การประปาส่วนภูมิภาค แจ้งว่า และวันนี้ การประปาส่วนภูมิภาคดำเนินโครงการ ต่อ', 'organization'), ['การประปาส่วนภูมิภาค', 'การประปาส่วนภูมิภาค']);
		// Twin: a longer name that goes on with a word of a name, not a verb, stays whole.
		assert.deepEqual(named('เมื่อวาน การประปาส่วนภูมิภาค แจ้งว่า และวันนี้ การประปาส่วนภูมิภาคเขต 3 ต่อ', 'organization'), ['การประปาส่วนภูมิภาค', 'การประปาส่วนภูมิภาคเขต 3']);
	});
});

describe('a head with only a preposition after it', () => {
	it('names nothing', () => {
		assert.deepEqual(named('เพื่อเปลี่ยนกรมสู่กรมยุคใหม่ ที่ทันสมัย', 'organization'), ['กรมยุคใหม่']);
	});

	it('keeps a name that opens with the preposition', () => {
		assert.deepEqual(named('ผู้แทนมูลนิธิสู่อนาคตเด็กไทย เข้าร่วม', 'organization'), ['มูลนิธิสู่อนาคตเด็กไทย']);
	});
});

describe('a hyphen inside a name', () => {
	it('joins a body of two parties through the known place after it', () => {
		assert.deepEqual(named('ผู้แทนสมาคมมิตรภาพไทย-อินเดีย กล่าวว่า', 'organization'), ['สมาคมมิตรภาพไทย-อินเดีย']);
		// Twin: the same body without a second party.
		assert.deepEqual(named('ผู้แทนสมาคมมิตรภาพไทย กล่าวว่า', 'organization'), ['สมาคมมิตรภาพไทย']);
	});

	it("joins a road's two ends, which name it", () => {
		assert.deepEqual(named('งานซ่อม ถนนบางใหญ่-นนทบุรี ช่วงกลางคืน', 'place'), ['ถนนบางใหญ่-นนทบุรี']);
		assert.deepEqual(named('งานซ่อม ถนนบางใหญ่ ช่วงกลางคืน', 'place'), ['ถนนบางใหญ่']);
	});

	it('does not join the two ends of a route into one place', () => {
		assert.deepEqual(named('ผู้ว่าราชการจังหวัดตาก-กาญจนบุรี ไม่', 'place'), ['จังหวัดตาก', 'กาญจนบุรี']);
		assert.deepEqual(named('เส้นทางตำบลหนองบัว-กาญจนบุรี ไม่', 'place'), ['ตำบลหนองบัว', 'กาญจนบุรี']);
	});

	it("widens the tagger's half to the article's whole name, its other half gone", () => {
		assert.deepEqual(named('นายจอห์น สมิธ ผู้อำนวยการบริหารสภาธุรกิจแคนาดา-อาเซียน นำคณะสมาชิกสภาธุรกิจแคนาดา-อาเซียน (CABC) มา', 'organization'), [
			'สภาธุรกิจแคนาดา-อาเซียน',
			'สภาธุรกิจแคนาดา-อาเซียน',
			'CABC',
		]);
		// Twin: with no whole name in the article the halves stay as the tagger read them.
		assert.deepEqual(named('นายจอห์น สมิธ ผู้อำนวยการบริหารสภาธุรกิจแคนาดา-อาเซียน นำคณะ', 'organization'), ['สภาธุรกิจแคนาดา', 'อาเซียน']);
	});

	it('ends no name', () => {
		for (const m of findMentions({text: 'ความร่วมมืออียู-อาเซียน ในด้านการค้า'})) assert.ok(!m.text.endsWith('-'), m.text);
	});
});
