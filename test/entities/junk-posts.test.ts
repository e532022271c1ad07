// Posts and generic bodies are not organisations (issue 7, junk11 round): a post written short, an
// abbreviation the lexicon calls no name, a body named after a post whose ministry or province is not
// written. Each rule has a twin that must still be found.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {findMentions} from '../../source/entities/find-mentions.js';
import {useWeightsFile} from '../../source/entities/model/load.js';
import {weightCount} from '../../source/entities/model/tagger.js';
import {TAG_COUNT} from '../../source/entities/model/tags.js';
import {encodeWeights} from '../../source/entities/model/weights-file.js';

const found = (text: string, kind: string): string[] =>
	findMentions({text})
		.filter((m) => m.kind === kind)
		.map((m) => m.text);
const orgs = (text: string): string[] => found(text, 'organization');

describe('a post written short is a post, not a body', () => {
	it('reads ปกท., ปกอ., นรม., ผตร. as posts; a body abbreviation beside them is still a body (twin)', () => {
		assert.ok(!orgs('นายจตุพร บุรุษพัฒน์ ปกท.ทส. กล่าวว่า').some((o) => o.startsWith('ปกท')));
		assert.deepEqual(orgs('นอกจากนี้ ปกอ. ยังได้ให้สัมภาษณ์'), []);
		assert.deepEqual(orgs('ขณะที่ รอง นรม. และ รมว.กห. ลงพื้นที่'), ['กห.']);
		assert.deepEqual(orgs('ผู้แทน กกต. และ สปสช. แถลงข่าว'), ['กกต.', 'สปสช.']);
	});

	it('reads a professorship title whole (ศ.คลินิก เกียรติคุณ), the name after it a person (twin)', () => {
		assert.deepEqual(found('ศ.คลินิก เกียรติคุณ นพ.อุดม คชินทร กล่าว', 'person'), ['อุดม คชินทร']);
		assert.deepEqual(found('ศาสตราจารย์เกียรติคุณ นายแพทย์เกษม วัฒนชัย กล่าว', 'person'), ['เกษม วัฒนชัย']);
		assert.deepEqual(found('ศ.กิตติคุณ นพ.ประเสริฐ ผลิตผลการพิมพ์ กล่าว', 'person'), ['ประเสริฐ ผลิตผลการพิมพ์']);
	});
});

describe('abbreviations that name no body', () => {
	it('takes no body from million baht, a decoration, a decree or a people (tourists); a body stays (twin)', () => {
		assert.deepEqual(orgs('อนุมัติงบกลาง 1,480 ลบ. เพื่อให้ความช่วยเหลือ'), []);
		assert.deepEqual(orgs('เครื่องราชอิสริยาภรณ์ช้างเผือก (ม.ป.ช.) จำนวน 3 ราย'), []);
		assert.deepEqual(orgs('เนื่องจาก พ.ร.บ.วว. พ.ศ. 2522 มีข้อจำกัด'), []);
		assert.deepEqual(orgs('ภูเก็ตคึกคัก! นทท. อินเดียบินตรง'), []);
		assert.deepEqual(orgs('สำนักงาน ก.พ.ร. ร่วมกับ ธ.ก.ส. จัดงาน'), ['ก.พ.ร.', 'ธ.ก.ส.']);
	});

	it('reads ของ written whole before a body abbreviation as the word it is; a body opening with letters of a word stays whole (twin)', () => {
		assert.deepEqual(orgs('ตามนโยบายของวธ. ในปีนี้'), ['วธ.']);
		assert.deepEqual(orgs('โดย ขสมก. เพิ่มรถโดยสาร'), ['ขสมก.']);
	});
});

describe('a body named after a post of a ministry or province, with none written', () => {
	it('is a kind of office (สำนักงานปลัดกระทรวง), the ministry after it a body; one with its ministry stays (twin)', () => {
		assert.deepEqual(orgs('ร่วมกับสำนักงานปลัดกระทรวง กระทรวงอุตสาหกรรม จัดงาน'), ['กระทรวงอุตสาหกรรม']);
		assert.deepEqual(orgs('ผู้แทนสำนักงานสาธารณสุขจังหวัด เข้าร่วม'), []);
		assert.deepEqual(orgs('ร่วมกับสำนักงานปลัดกระทรวงมหาดไทย จัดงาน'), ['สำนักงานปลัดกระทรวงมหาดไทย']);
	});
});

describe('a weak head name ending on a known place does not hang on the tagger', () => {
	// A tagger that tags nothing: every weight zero but staying outside a name.
	const dir = mkdtempSync(join(tmpdir(), 'khao-silent-'));
	after(() => {
		useWeightsFile(undefined);
		rmSync(dir, {recursive: true, force: true});
	});
	const bits = 4;
	const weights = new Float32Array(weightCount(bits));
	const buckets = (1 << bits) * TAG_COUNT;
	for (let from = 0; from < TAG_COUNT; from++) weights[buckets + from * TAG_COUNT] = 1;
	weights[buckets + TAG_COUNT * TAG_COUNT] = 1;
	const silent = join(dir, 'silent.bin');
	writeFileSync(silent, encodeWeights({bits, weights}));

	it('keeps ศูนย์ฝึกอาชีพภาคใต้ with a tagger that sees nothing; a head run on into a clause is still dropped (twin)', () => {
		useWeightsFile(silent);
		try {
			assert.deepEqual(found('ฝนตกหนักที่ภาคใต้ วันนี้', 'place'), ['ภาคใต้']);
			assert.deepEqual(orgs('เปิดศูนย์ฝึกอาชีพภาคใต้ที่ 3 แห่ง ในปีนี้'), ['ศูนย์ฝึกอาชีพภาคใต้']);
			assert.deepEqual(orgs('ตำรวจจับกุมตัวผู้ต้องหาได้แล้ว'), []);
		} finally {
			useWeightsFile(undefined);
		}
	});
});
