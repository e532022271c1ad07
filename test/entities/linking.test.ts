import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {buildEntityIndex} from '../../source/entities/builder.js';
import type {EntityIndex} from '../../source/entities/entity-index.js';
import type {Entity} from '../../source/entities/types.js';
import {article, seedArticles} from './helpers.js';

const index = (...texts: string[]): EntityIndex => buildEntityIndex(texts.map((t, i) => article(`a${i}`, t)));

/** The entity with a mention written exactly `name` (fails when there are several). */
function entityOf(idx: EntityIndex, name: string): Entity | undefined {
	const found = idx.all().filter((e) => idx.mentionsOf(e.id).some((m) => m.text === name));
	assert.ok(found.length <= 1, `"${name}" is in ${found.length} entities: ${found.map((e) => e.id).join(', ')}`);
	return found[0];
}

function sameEntity(idx: EntityIndex, ...names: string[]): void {
	const first = entityOf(idx, names[0]!);
	assert.ok(first, `no mention "${names[0]}"`);
	for (const name of names.slice(1)) assert.equal(entityOf(idx, name)?.id, first.id, `"${name}" should be ${first.id}`);
}

describe('linking variants into one entity (articles written for the test)', () => {
	it('a name with and without its title, across articles', () => {
		const idx = index('นายสมปอง รักชาติ กล่าวว่า โครงการนี้ดี', 'เมื่อวาน สมปอง รักชาติ ได้เดินทางไปตรวจงาน และนายสมปอง รักชาติ ยืนยัน');
		const e = entityOf(idx, 'สมปอง รักชาติ');
		assert.equal(e?.mentionCount, 3);
		assert.equal(e?.articleCount, 2);
		assert.equal(e?.kind, 'person');
	});

	it('a surname later in the same article, with a verb after it', () => {
		const idx = index('นายกรัฐมนตรีสเปน เปโดร ซานเชซ เดินทางถึง ซานเชซกล่าวว่า ยินดี ต่อมาซานเชซได้พบผู้นำ');
		sameEntity(idx, 'เปโดร ซานเชซ', 'ซานเชซ');
		assert.equal(idx.mentionsIn('a0').filter((m) => m.text === 'ซานเชซ').length, 2);
	});

	it('a Chinese family name (one syllable) after a title or before a verb', () => {
		const idx = index('นายกรัฐมนตรีจีน นายหลี่ เฉียง กล่าว หลี่กล่าวว่า เศรษฐกิจดี และนายกรัฐมนตรีหลี่ยังระบุ');
		sameEntity(idx, 'หลี่ เฉียง', 'หลี่');
		assert.equal(idx.mentionsIn('a0').filter((m) => m.text === 'หลี่').length, 2);
	});

	it('a Chinese family name that is a Thai verb too, alone before a given name, after an honorific', () => {
		const idx = index('นางหวัง ลี่ฮวา ผู้แทนการค้า กล่าวว่า ยินดี ส่วนนายหวัง เจี้ยนกั๋ว จะเดินทางมาด้วย');
		assert.ok(entityOf(idx, 'หวัง ลี่ฮวา'));
		assert.ok(entityOf(idx, 'หวัง เจี้ยนกั๋ว'));
		assert.notEqual(entityOf(idx, 'หวัง ลี่ฮวา')?.id, entityOf(idx, 'หวัง เจี้ยนกั๋ว')?.id);
		// Twins: the verb glued to its clause, or before an everyday word, is no name.
		const twins = index('เจ้านายหวังว่าจะดีขึ้น และนายหวัง ให้ความสำคัญกับงาน');
		assert.deepEqual(
			twins.all().filter((e) => e.kind === 'person'),
			[],
		);
	});

	it('transliteration variants: tone marks, vowel signs, final letters, across articles', () => {
		const idx = index('นายกรัฐมนตรีจีน นายหลี่ เฉียง กล่าว', 'นายกรัฐมนตรีจีน หลี เฉียง เดินทาง', 'นายกรัฐมนตรีสเปน เปโดร ซานเชซ เดินทางถึง', 'ประธานาธิบดีสเปน เปโดร ซานเชส เดินทาง');
		sameEntity(idx, 'หลี่ เฉียง', 'หลี เฉียง');
		sameEntity(idx, 'เปโดร ซานเชซ', 'เปโดร ซานเชส');
	});

	it('a spelling variant of a surname inside one article (aspirated consonant, vowel length)', () => {
		const idx = index('ประธานาธิบดีคาซัคสถาน นูร์ซุลตาน นาซาร์บาเยฟ เดินทาง ต่อมานาซาร์บาเยฟกล่าว และนาซาบาเยฟได้พบ');
		sameEntity(idx, 'นูร์ซุลตาน นาซาร์บาเยฟ', 'นาซาร์บาเยฟ', 'นาซาบาเยฟ');
	});

	it('Latin and Thai script through the phonetic key', () => {
		const idx = index('นายกรัฐมนตรีสเปน เปโดร ซานเชซ เดินทางถึง', 'ประธานาธิบดีสเปน Pedro Sánchez กล่าว');
		sameEntity(idx, 'เปโดร ซานเชซ', 'Pedro Sánchez');
		assert.equal(entityOf(idx, 'Pedro Sánchez')?.id, 'person:pedro-sanchez');
	});

	it('a definition links its parts across articles', () => {
		const idx = index('ทั้งนี้ องค์การอนามัยโลก (World Health Organization หรือ WHO) ระบุ', 'ข้อมูลจาก WHO ล่าสุด');
		sameEntity(idx, 'องค์การอนามัยโลก', 'World Health Organization', 'WHO');
		assert.equal(entityOf(idx, 'WHO')?.name, 'องค์การอนามัยโลก');
		assert.equal(entityOf(idx, 'WHO')?.kind, 'organization');
	});

	it('a country in Thai and English is one place', () => {
		const idx = index('ไทยและญี่ปุ่นลงนามความตกลง', 'Japan and Thailand signed', 'ณ ประเทศญี่ปุ่น');
		sameEntity(idx, 'ญี่ปุ่น', 'Japan', 'ประเทศญี่ปุ่น');
		assert.equal(entityOf(idx, 'Japan')?.id, 'place:jp');
	});
});

describe('keeping different entities apart', () => {
	it('two people sharing a given name stay two, and the bare given name links to neither', () => {
		const idx = index('นายสมชาย ใจดี และนายสมชาย รักไทย ร่วมประชุม ต่อมานายสมชายกล่าวว่า เห็นด้วย');
		const a = entityOf(idx, 'สมชาย ใจดี');
		const b = entityOf(idx, 'สมชาย รักไทย');
		assert.ok(a && b && a.id !== b.id);
		const bare = entityOf(idx, 'สมชาย');
		assert.ok(bare === undefined || (bare.id !== a.id && bare.id !== b.id));
	});

	it('the same given name in two articles with different surnames stays two', () => {
		const idx = index('นายสมชาย ใจดี กล่าว', 'นายสมชาย รักไทย กล่าว');
		assert.notEqual(entityOf(idx, 'สมชาย ใจดี')?.id, entityOf(idx, 'สมชาย รักไทย')?.id);
	});

	it('a one-syllable family name that is a common word: only as a name', () => {
		const idx = index('นายกรัฐมนตรีเวียดนาม นายดี วัน ฮุง เดินทางถึง ดีกล่าวว่า เศรษฐกิจดีขึ้นมาก สินค้าดีมีคุณภาพ');
		const names = idx
			.mentionsIn('a0')
			.filter((m) => m.kind === 'person')
			.map((m) => m.text);
		assert.deepEqual(names, ['ดี วัน ฮุง', 'ดี']);
	});

	it('one-token foreign names whose coarse keys collide are not linked (ไบเดน, ปูติน)', () => {
		const idx = index('ประธานาธิบดีไบเดนกล่าว', 'ประธานาธิบดีปูตินกล่าว');
		assert.notEqual(entityOf(idx, 'ไบเดน')?.id, entityOf(idx, 'ปูติน')?.id);
	});

	it('Thai names with the same phonetic skeleton are not linked', () => {
		const idx = index('นายประยุทธ์ สุขดี กล่าว', 'นายปรีดี สุขดี กล่าว');
		assert.notEqual(entityOf(idx, 'ประยุทธ์ สุขดี')?.id, entityOf(idx, 'ปรีดี สุขดี')?.id);
	});
});

describe('the seed articles', () => {
	const seeds = seedArticles();
	const idx = buildEntityIndex(seeds);
	const text = new Map(seeds.map((a) => [a.id, a.text]));

	it('สี จิ้นผิง, นายสี จิ้นผิง and สี are one person', () => {
		sameEntity(idx, 'สี จิ้นผิง', 'สี');
		const e = entityOf(idx, 'สี จิ้นผิง')!;
		assert.equal(e.name, 'สี จิ้นผิง');
		assert.ok(idx.mentionsOf(e.id).some((m) => m.title === 'นาย'));
		assert.ok(idx.mentionsOf(e.id).some((m) => m.title === 'ประธานาธิบดี'));
		assert.equal(e.articleCount, 2);
	});

	it('the colour สี and the number สี่ are not mentions', () => {
		for (const [id, t] of text) {
			for (const m of idx.mentionsIn(id)) {
				const after = t.slice(m.end, m.end + 10);
				if (m.text === 'สี') assert.ok(!/^(?:น้ำเงิน|ธงชาติ|่)/.test(after), `${id}@${m.start}: สี${after}`);
			}
		}
		const colour = text.get('corpus/001_f55bcf7827ac486c.txt')!.indexOf('สีน้ำเงิน');
		assert.ok(colour >= 0);
		assert.equal(idx.mentionAt('corpus/001_f55bcf7827ac486c.txt', colour), undefined);
		const four = text.get('corpus/002_50291a1888ae981b.txt')!.indexOf('สี่ประเทศ');
		assert.ok(four >= 0);
		assert.equal(idx.mentionAt('corpus/002_50291a1888ae981b.txt', four), undefined);
	});

	it('Kassym-Jomart Tokayev in every spelling is one person', () => {
		sameEntity(idx, 'Kassym-Jomart Tokayev', 'คาสซิม-โจมาร์ต โตกาเยฟ', 'คาสซิม-โจมาร์ต โตคาเยฟ', 'ฆาเซิม-โฌมาร์ต โตกาเยฟ', 'โตกาเยฟ', 'โทคาเยฟ');
	});

	it('บุ่ย แถ่ง เซิน / บุย แทงห์ เซิน / Bui Thanh Son, โต ลัม / โต แลม / To Lam, เหงียน ฟู จ่อง / เหงียน ฟู้ จ่อง', () => {
		sameEntity(idx, 'บุ่ย แถ่ง เซิน', 'บุย แทงห์ เซิน', 'Bui Thanh Son');
		sameEntity(idx, 'โต ลัม', 'โต แลม', 'To Lam');
		sameEntity(idx, 'เหงียน ฟู จ่อง', 'เหงียน ฟู้ จ่อง', 'Nguyen Phu Trong');
		sameEntity(idx, 'วลาดิเมียร์ ปูติน', 'Vladimir Putin');
	});

	it('the โต of เติบโต and of โตกาเยฟ is not To Lam', () => {
		const toLam = entityOf(idx, 'โต ลัม')!;
		for (const m of idx.mentionsOf(toLam.id)) assert.ok(['โต ลัม', 'โต แลม', 'To Lam'].includes(m.text), m.text);
		const grow = text.get('corpus/001_f55bcf7827ac486c.txt')!.indexOf('เติบโต');
		assert.equal(idx.mentionAt('corpus/001_f55bcf7827ac486c.txt', grow + 4), undefined);
	});

	it('definitions and organisation extents', () => {
		sameEntity(idx, 'องค์การความร่วมมือเซี่ยงไฮ้', 'Shanghai Cooperation Organisation', 'SCO');
		sameEntity(idx, 'โป๋อ่าว ฟอรั่ม ฟอร์ เอเชีย', 'Boao Forum for Asia');
		sameEntity(idx, 'สหภาพเศรษฐกิจยูเรเซีย', 'EAEU');
		sameEntity(idx, 'แผนความมั่นคงโลก', 'Global Security Initiative', 'GSI');
		const id = 'corpus/000_a32cd8ee5a4e8cfc.txt';
		const runOn = text.get(id)!.indexOf('องค์การความร่วมมือเซี่ยงไฮ้ใกล้ชิด');
		assert.ok(runOn >= 0);
		assert.equal(idx.mentionAt(id, runOn)?.text, 'องค์การความร่วมมือเซี่ยงไฮ้');
	});

	it('every mention is its slice of the article', () => {
		for (const [id, t] of text) for (const m of idx.mentionsIn(id)) assert.equal(t.slice(m.start, m.end), m.text);
	});
});
