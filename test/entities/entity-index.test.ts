import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {EntityIndexBuilder, buildEntityIndex} from '../../source/entities/builder.js';
import type {EntityIndex} from '../../source/entities/entity-index.js';
import {article, seedArticles} from './helpers.js';

const ARTICLES = [
	article('one', 'นายกรัฐมนตรีสเปน เปโดร ซานเชซ เดินทางถึงญี่ปุ่น ซานเชซกล่าวว่า ยินดี'),
	article('two', 'ข่าวเศรษฐกิจ ไม่มีชื่อใครเลย'),
	article('three', 'ประธานาธิบดีสเปน Pedro Sánchez กล่าว และนายกรัฐมนตรีสเปน เปโดร ซานเชซ ยืนยัน'),
];

function idOf(idx: EntityIndex, text: string): string {
	const m = idx.articleIds.flatMap((a) => [...idx.mentionsIn(a)]).find((x) => x.text === text);
	assert.ok(m, `no mention ${text}`);
	return m.entityId;
}

describe('EntityIndex', () => {
	const idx = buildEntityIndex(ARTICLES);
	const sanchez = idOf(idx, 'เปโดร ซานเชซ');

	it('lists mentions of an article sorted by start, each with its entity', () => {
		const ms = idx.mentionsIn('one');
		assert.deepEqual(
			ms.map((m) => m.text),
			['สเปน', 'เปโดร ซานเชซ', 'ญี่ปุ่น', 'ซานเชซ'],
		);
		assert.ok(ms.every((m, i) => i === 0 || ms[i - 1]!.start < m.start));
		assert.ok(ms.every((m) => m.articleId === 'one' && idx.entity(m.entityId) !== undefined));
		assert.equal(ms[1]!.title, 'นายกรัฐมนตรีสเปน');
		assert.equal(ms[1]!.kind, 'person');
		assert.equal(ms[0]!.kind, 'place');
		assert.deepEqual(idx.mentionsIn('two'), []);
		assert.deepEqual(idx.mentionsIn('missing'), []);
	});

	it('gives entities of an article and of the corpus', () => {
		assert.deepEqual(
			idx.entitiesIn('one').map((e) => e.id),
			['place:es', sanchez, 'place:jp'],
		);
		const e = idx.entity(sanchez)!;
		assert.equal(e.mentionCount, 4);
		assert.equal(e.articleCount, 2);
		assert.equal(idx.all()[0]!.id, sanchez, 'most mentioned first');
		assert.deepEqual(idx.articlesOf(sanchez), ['one', 'three']);
	});

	it('finds the mention under an offset and those in a range', () => {
		const one = ARTICLES[0]!.text;
		const at = one.indexOf('ซานเชซกล่าว');
		assert.equal(idx.mentionAt('one', at + 2)?.text, 'ซานเชซ');
		assert.equal(idx.mentionAt('one', one.indexOf('ยินดี')), undefined);
		assert.deepEqual(
			idx.mentionsBetween('one', one.indexOf('ซานเชซ'), one.indexOf('ญี่ปุ่น') + 1).map((m) => m.text),
			['เปโดร ซานเชซ', 'ญี่ปุ่น'],
		);
	});

	it('jumps to the next mention, into the next article, and around', () => {
		let p = idx.nextMention(sanchez, 'one', -1)!;
		assert.deepEqual([p.articleId, p.ordinal, p.total, p.articleOrdinal, p.articleTotal], ['one', 1, 4, 1, 2]);
		p = idx.nextMention(sanchez, p.articleId, p.start)!;
		assert.deepEqual([p.articleId, p.ordinal], ['one', 2]);
		p = idx.nextMention(sanchez, p.articleId, p.start)!;
		assert.deepEqual([p.articleId, p.ordinal, p.articleOrdinal], ['three', 3, 2]);
		p = idx.nextMention(sanchez, p.articleId, p.start)!;
		assert.deepEqual([p.articleId, p.ordinal], ['three', 4]);
		assert.equal(idx.nextMention(sanchez, p.articleId, p.start, 'next', {wrap: false}), undefined);
		assert.equal(idx.nextMention(sanchez, p.articleId, p.start)!.ordinal, 1, 'wraps around');
	});

	it('jumps to the previous mention, back into the previous article', () => {
		const three = ARTICLES[2]!.text;
		let p = idx.nextMention(sanchez, 'three', three.indexOf('Pedro'), 'previous')!;
		assert.deepEqual([p.articleId, p.ordinal], ['one', 2]);
		p = idx.nextMention(sanchez, 'two', 0, 'previous')!;
		assert.deepEqual([p.articleId, p.ordinal], ['one', 2]);
		p = idx.nextMention(sanchez, 'one', 0, 'previous')!;
		assert.equal(p.ordinal, 4, 'wraps to the last');
		assert.equal(idx.nextMention(sanchez, 'one', 0, 'previous', {wrap: false}), undefined);
		assert.equal(idx.nextMention('no-such-entity', 'one', 0), undefined);
	});

	it('says where a mention stands', () => {
		const m = idx.mentionsIn('three')[1]!;
		assert.equal(m.entityId, idOf(idx, 'Pedro Sánchez'));
		const p = idx.positionOf(m.entityId, 'three', m.start)!;
		assert.deepEqual([p.ordinal, p.total, p.articleOrdinal, p.articleTotal], [3, 4, 2, 2]);
	});
});

describe('findByName', () => {
	const idx = buildEntityIndex(seedArticles());

	it('matches any alias in any spelling or script', () => {
		const tokayev = idx.findByName('คาสซิม-โจมาร์ต โตกาเยฟ')[0]!;
		assert.equal(idx.findByName('tokayev')[0]?.id, tokayev.id);
		assert.equal(idx.findByName('Tokayev')[0]?.id, tokayev.id);
		assert.equal(idx.findByName('โทคาเยฟ')[0]?.id, tokayev.id);
		assert.equal(idx.findByName('xi jinping')[0]?.name, 'สี จิ้นผิง');
		assert.equal(idx.findByName('To Lam')[0]?.name, 'โต ลัม');
		assert.equal(idx.findByName('sco')[0]?.name, 'องค์การความร่วมมือเซี่ยงไฮ้');
		assert.equal(idx.findByName('องค์การความร่วม')[0]?.name, 'องค์การความร่วมมือเซี่ยงไฮ้');
	});

	it('finds nothing for nonsense', () => {
		assert.deepEqual(idx.findByName('zzqx'), []);
		assert.deepEqual(idx.findByName('   '), []);
	});
});

describe('EntityIndexBuilder', () => {
	it('adding in batches gives the same index as adding at once', () => {
		const seeds = seedArticles();
		const whole = buildEntityIndex(seeds);
		const shape = (idx: EntityIndex): string[] => idx.articleIds.flatMap((a) => idx.mentionsIn(a).map((m) => `${a}:${m.start}:${m.end}:${idx.entity(m.entityId)!.name}`));
		fc.assert(
			fc.property(fc.array(fc.integer({min: 1, max: 5}), {minLength: 1, maxLength: 5}), (sizes) => {
				const builder = new EntityIndexBuilder();
				let i = 0;
				for (const n of sizes) {
					builder.add(seeds.slice(i, i + n));
					i += n;
				}
				builder.add(seeds.slice(i));
				assert.deepEqual(shape(builder.snapshot()), shape(whole));
			}),
			{numRuns: 8},
		);
	});

	it('snapshots as it goes, and skips an article added twice', () => {
		const builder = new EntityIndexBuilder();
		builder.add(ARTICLES.slice(0, 1));
		const early = builder.snapshot();
		assert.equal(early.entity(idOf(early, 'เปโดร ซานเชซ'))!.mentionCount, 2);
		builder.add(ARTICLES);
		assert.equal(builder.size, 3);
		const later = builder.snapshot();
		assert.equal(later.entity(idOf(later, 'เปโดร ซานเชซ'))!.mentionCount, 4);
		assert.equal(early.entity(idOf(early, 'เปโดร ซานเชซ'))!.mentionCount, 2, 'an old snapshot does not change');
	});
});

describe('findByName: a single Thai word is no phonetic match for a Latin name', () => {
	it("does not offer a Latin name that shares the word's consonant skeleton", async () => {
		const {NameSearch} = await import('../../source/entities/name-search.js');
		const names = new NameSearch([
			{entity: 0, aliases: ['Trial Run']},
			{entity: 1, aliases: ['มาครง', 'Macron']},
		]);
		assert.deepEqual(
			names.find('ทุเรียน', () => 0),
			[],
			'ทุเรียน (durian) is not "Trial Run"',
		);
		assert.deepEqual(
			names.find('มาคร็อง', () => 0),
			[1],
			'a Thai spelling variant still matches by the finer key',
		);
		assert.deepEqual(
			names.find('macron', () => 0),
			[1],
		);
		assert.deepEqual(
			names.find('trial run', () => 0),
			[0],
		);
	});
});
