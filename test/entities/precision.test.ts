// Precision first (issue 7): what is not a name makes no mention, each case beside a twin that
// still does. Sentences written for the test.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {clauseVerbs, countAfterHeads} from '../../bench/derive-clause-verbs.js';
import {readTrainingTexts} from '../../bench/thainer.js';
import {CLAUSE_VERBS} from '../../source/entities/detect/clause-verbs.js';
import {findMentions} from '../../source/entities/find-mentions.js';
import type {Mention} from '../../source/entities/types.js';

const TRAIN = fileURLToPath(new URL('../../../shared/data/thainer-1.5/train.txt', import.meta.url));
const VAL = fileURLToPath(new URL('../../../shared/data/thainer-1.5/val.txt', import.meta.url));
const find = (text: string): Mention[] => findMentions({text});
const texts = (text: string, kind?: Mention['kind']): string[] =>
	find(text)
		.filter((m) => kind === undefined || m.kind === kind)
		.map((m) => m.text);

describe('Latin junk is not a name', () => {
	it('a capitalised word opening a lowercase phrase is no mention', () => {
		assert.deepEqual(texts('ใช้บัตร Smart card เพื่อยืนยันตัวตน'), []);
		assert.deepEqual(texts('ทำงานที่บ้าน (Work from home) ตลอดเดือน'), []);
		// Twin: a capitalised run is still a name.
		assert.deepEqual(texts('ความร่วมมือกับ Siam Fresh Partners ในปีนี้'), ['Siam Fresh Partners']);
	});

	it('an everyday English word alone or as a bracketed gloss is no mention', () => {
		assert.deepEqual(texts('ดาวน์โหลดแอปพลิเคชัน (Application) ได้ฟรี'), []);
		assert.deepEqual(texts('ดูที่ Logo ของงาน'), []);
		// Twin: a single unknown capitalised word (a brand) is still taken.
		assert.deepEqual(texts('ผ่านระบบของ Zentrix ได้ทันที'), ['Zentrix']);
	});
});

describe('places and organisations end where the name ends', () => {
	it('a province does not run on into the next named thing after และ', () => {
		assert.deepEqual(texts('ประสานแรงงานอำเภอปากเกร็ดและบริษัทสยามเจริญเพื่อจัดหางาน', 'place'), ['อำเภอปากเกร็ด']);
		// Twin: an organisation's own และ stays inside it.
		assert.ok(texts('ผู้แทนกระทรวงเกษตรและสหกรณ์ ร่วมประชุม', 'organization').includes('กระทรวงเกษตรและสหกรณ์'));
	});

	it('a weak place head with an adjective or common word is no place', () => {
		assert.deepEqual(texts('พื้นที่เป็นภูเขาสูง และหนาว', 'place'), []);
		assert.deepEqual(texts('บ้านนี้เป็นหมู่บ้านเข้มแข็ง ของอำเภอ', 'place'), []);
		// Twin: a proper name after the same head is a place.
		assert.deepEqual(texts('ชาวบ้านในหมู่บ้านห้วยกระทิงมาร่วมงาน', 'place'), ['หมู่บ้านห้วยกระทิง']);
	});

	it('a head followed by a clause verb is the subject of a clause, not a name', () => {
		assert.deepEqual(texts('จึงมอบหมายให้ทุกกระทรวงดำเนินการตามแผน', 'organization'), []);
		// Twin: a verb that opens a name (ส่งเสริม) keeps the name.
		assert.ok(texts('โดยกรมส่งเสริมสหกรณ์จัดอบรม', 'organization').includes('กรมส่งเสริมสหกรณ์'));
	});

	it('clause verbs learned from labelled data (clause-verbs.ts) end a head word too', () => {
		assert.deepEqual(texts('ต่อมาตำรวจแจ้งข้อหาบุกรุกป่าสงวนแก่ผู้ต้องหา', 'organization'), []);
		assert.deepEqual(texts('โดยเครือข่ายรับสมัครอาสาสมัครทั่วประเทศ', 'organization'), []);
		// Twin: a head with a name after it is still a body.
		assert.deepEqual(texts('ต่อมา สมาคมธนาคารไทย แจ้งว่า', 'organization'), ['สมาคมธนาคารไทย']);
	});

	it('the shipped clause verbs are what bench/derive-clause-verbs.ts derives from Thai NER 1.5', {skip: !existsSync(TRAIN) && 'no ../shared/data'}, () => {
		const held = new Set(readTrainingTexts(VAL).map((t) => t.text));
		const derived = clauseVerbs(countAfterHeads(readTrainingTexts(TRAIN).filter((t) => !held.has(t.text))));
		assert.deepEqual([...CLAUSE_VERBS], derived);
	});
});

describe('Latin everyday words are no names wherever they stand', () => {
	it('not after a head word, in a bracket, or left over from a phrase', () => {
		assert.deepEqual(texts('สมาชิกชมรม To Be Number One ของจังหวัด', 'organization'), []);
		assert.deepEqual(texts('ถ่ายทอดสด (Live) ทางเพจ'), []);
		assert.deepEqual(texts('ทีมชนะเลิศ Best of the Best ประจำปี'), []);
		// Twin: a name after a head word is still taken.
		assert.deepEqual(texts('สมาชิกชมรม Green Valley Riders ของจังหวัด', 'organization'), ['Green Valley Riders']);
	});
});

describe('a province after a space', () => {
	it('only a known province follows จังหวัด and a space', () => {
		assert.deepEqual(texts('ผู้ว่าฯ ทุกจังหวัด ขับเคลื่อนเป้าหมาย', 'place'), []);
		// Twin: a known province there is a place.
		assert.deepEqual(texts('ประชุมที่จังหวัด ลำปาง เมื่อวาน', 'place'), ['จังหวัด ลำปาง']);
	});
});

describe('Thai abbreviations that are codes or units', () => {
	it('an abbreviation with a number or a slash right after is no body', () => {
		assert.deepEqual(texts('ซ่อมทางหลวงชนบท นม.2051 แยกบ้านใหม่', 'organization'), []);
		assert.deepEqual(texts('ค่าฝุ่นเกิน 40 มคก./ลบ.ม. ติดต่อกัน'), []);
		// Twin: the same kind of abbreviation alone is a body.
		assert.deepEqual(texts('ล่าสุด กกพ. แถลงผล', 'organization'), ['กกพ.']);
	});
});
