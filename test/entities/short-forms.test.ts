// Thai short forms defined in the text (issue 7, "Short forms", "The article's own word"): a short
// form takes the first consonants of chosen syllables of its name, in order, and may skip the
// head word. Each rule beside its must-not-link twin; bodies made up for the test.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {detectMentions} from '../../source/entities/find-mentions.js';
import {abbreviates} from '../../source/entities/detect/short-form.js';
import {idsOf, indexOfTexts} from './helpers.js';

const index = indexOfTexts;
/** The name the short form `short` is defined as in `text` (in one group with it), if any. */
const definedAs = (text: string, short: string): string | undefined => {
	const mentions = detectMentions({text});
	const m = mentions.find((x) => x.text === short);
	return m === undefined ? undefined : mentions.find((x) => x !== m && x.group === m.group)?.text;
};

describe('a short form abbreviates a name: its letters open syllables of the name, in order', () => {
	it('the head word may be skipped, and การ or กิจการ after it', () => {
		assert.ok(abbreviates('กรมพัฒนาเส้นทางชนบท', 'พช.'));
		assert.ok(abbreviates('กระทรวงการเดินเรือ', 'ดร.'));
		assert.ok(abbreviates('กรมกิจการชาวประมง', 'ชป.'));
		// กรรมการ inside คณะกรรมการ gives ก (คณะกรรมการนโยบาย…: ก…).
		assert.ok(abbreviates('คณะกรรมการนโยบายป่าไม้แห่งชาติ', 'กปม.'));
		// A final that may open the next syllable (…นาคม: ค), a sonorant led by ห (หลวง: ล).
		assert.ok(abbreviates('กระทรวงคมนาคมชายฝั่ง', 'คค.'));
		assert.ok(abbreviates('สำนักงานทางหลวงตำบล', 'สลต.'));
	});

	it('twins: letters missing or out of order, a first letter inside the name, one letter, no Thai letters', () => {
		assert.ok(!abbreviates('กรมพัฒนาเส้นทางชนบท', 'ลย.'));
		assert.ok(!abbreviates('คณะกรรมการพัฒนาชายฝั่ง', 'คกอ.'), 'อ is nowhere in the name');
		assert.ok(!abbreviates('กรมพัฒนาเส้นทางชนบท', 'ชพ.'), 'out of order');
		assert.ok(!abbreviates('กรมส่งเสริมการเพาะปลูก', 'ปส.'), 'ป opens no word after the head');
		assert.ok(!abbreviates('กรมกิจการชาวประมง', 'ปม.'), 'ชาว is not skipped');
		// The office is not the board it serves (สำนักงาน is no word inside คณะกรรมการ).
		assert.ok(!abbreviates('คณะกรรมการนโยบายป่าไม้แห่งชาติ', 'สปม.'));
		assert.ok(!abbreviates('กรมพัฒนาเส้นทางชนบท', 'พ.'));
		assert.ok(!abbreviates('กรมพัฒนาเส้นทางชนบท', '2567'));
	});
});

describe('a definition whose short form skips the head word links the short form used alone', () => {
	it('defined once, its bare uses in other articles join the full name', () => {
		const idx = index('กรมพัฒนาเส้นทางชนบท (พช.) เปิดถนนสายใหม่ในหลายอำเภอ', 'ล่าสุด พช. ระบุว่า งานคืบหน้าตามแผน');
		assert.equal(new Set(idsOf(idx, 'พช.')).size, 1);
		assert.deepEqual(idsOf(idx, 'พช.'), idsOf(idx, 'กรมพัฒนาเส้นทางชนบท'));
	});

	it('twin: letters the name does not hold define nothing, and the bare uses stay apart', () => {
		assert.equal(definedAs('กรมพัฒนาเส้นทางชนบท (ลย.) เปิดถนนสายใหม่', 'ลย.'), undefined);
		const idx = index('กรมพัฒนาเส้นทางชนบท (ลย.) เปิดถนนสายใหม่ในหลายอำเภอ', 'ล่าสุด ลย. ระบุว่า งานคืบหน้าตามแผน');
		assert.ok(idsOf(idx, 'ลย.').every((id) => !idsOf(idx, 'กรมพัฒนาเส้นทางชนบท').includes(id)));
	});

	it('a first letter that matches but the rest the name does not hold is no definition (twin of the old first-letter rule)', () => {
		assert.equal(definedAs('คณะกรรมการพัฒนาชายฝั่ง (คกอ.) ประชุมนัดแรก', 'คกอ.'), undefined);
	});

	it('defined two ways it stays two, and its bare uses join neither', () => {
		const idx = index('กรมพัฒนาเส้นทางชนบท (พช.) เปิดถนนสายใหม่', 'ล่าสุด พช. ระบุว่า งานคืบหน้าตามแผน', 'กรมพัฒนาชุมชนเกาะ (พช.) จัดอบรม');
		// One entity each, not the same one; and the bare use in a third.
		const bodies = ['กรมพัฒนาเส้นทางชนบท', 'กรมพัฒนาชุมชนเกาะ'].flatMap((name) => idsOf(idx, name));
		assert.deepEqual([bodies.length, new Set(bodies).size, idsOf(idx, 'พช.').length], [2, 2, 3]);
	});

	it('a committee is abbreviated from กรรมการ; its office (ส…) is not it', () => {
		assert.equal(definedAs('คณะกรรมการนโยบายป่าไม้แห่งชาติ (กปม.) มีมติ', 'กปม.'), 'คณะกรรมการนโยบายป่าไม้แห่งชาติ');
		assert.equal(definedAs('คณะกรรมการนโยบายป่าไม้แห่งชาติ (สปม.) มีมติ', 'สปม.'), undefined);
	});
});

describe('the name a short form spells may open with a joining word after its head', () => {
	it('ธนาคาร|เพื่อ…: the whole name, not the body at its end', () => {
		assert.equal(definedAs('ผู้จัดการธนาคารเพื่อการประมงและสหกรณ์ชายฝั่ง (ธ.ป.ส.) เปิดเผยว่า', 'ธ.ป.ส.'), 'ธนาคารเพื่อการประมงและสหกรณ์ชายฝั่ง');
	});

	it('twin: a short form the whole name does not spell defines neither it nor the body at its end', () => {
		assert.equal(definedAs('ผู้จัดการธนาคารเพื่อการประมงและสหกรณ์ชายฝั่ง (บข.) เปิดเผยว่า', 'บข.'), undefined);
	});
});

describe('a name set apart by spaces runs on to its short form when the short form spells the whole', () => {
	it('the body and the words after it are one name, defined by the short form', () => {
		assert.equal(definedAs('ตามที่กระทรวงการประมง เกษตรกรรม และชายฝั่ง (ปช.) เสนอ', 'ปช.'), 'กระทรวงการประมง เกษตรกรรม และชายฝั่ง');
	});

	it('twins: not over a clause word, nor when the body alone is what the short form spells', () => {
		assert.equal(definedAs('ตามที่กระทรวงการประมง ร่วมกับ ชาวบ้าน (ปช.) เสนอ', 'ปช.'), undefined);
		assert.notEqual(definedAs('ตามที่สำนักงานประมง ภาคใต้ (สป.) เสนอ', 'สป.'), 'สำนักงานประมง ภาคใต้');
	});
});

describe("a ministry after a minister's title, with or without การ, is the ministry", () => {
	it('รมว.X joins กระทรวงการX in another article', () => {
		const idx = index('นายสมพงษ์ ใจกล้า รมว.คลัง กล่าวว่า จะเร่งรัดการเบิกจ่าย', 'กระทรวงการคลัง แถลงผลการจัดเก็บรายได้');
		const ministry = idsOf(idx, 'กระทรวงการคลัง');
		assert.equal(ministry.length, 1);
		assert.deepEqual(idsOf(idx, 'คลัง'), ministry);
	});

	it('twin: not a ministry of a longer name', () => {
		const idx = index('นายสมพงษ์ ใจกล้า รมว.คลัง กล่าวว่า จะเร่งรัดการเบิกจ่าย', 'กระทรวงการคลังและงบประมาณ แถลงผลการจัดเก็บรายได้');
		assert.ok(idsOf(idx, 'คลัง').every((id) => !idsOf(idx, 'กระทรวงการคลังและงบประมาณ').includes(id)));
	});
});
