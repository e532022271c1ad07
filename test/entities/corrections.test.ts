import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {buildEntityIndex} from '../../source/entities/builder.js';
import {EntityCorrectionsError, loadEntityCorrections, parseEntityCorrections} from '../../source/entities/corrections.js';
import type {EntityIndex} from '../../source/entities/entity-index.js';
import {article} from './helpers.js';

const ARTICLES = [article('a', 'นายสมชาย ใจดี กล่าว และนายวันชัย ทองดี ยืนยัน ณ จังหวัดเชียงราย'), article('b', 'นายสมชาย ใจดี ลงพื้นที่ ส่วน Somchai Jaidee ไม่ได้มา กับ นายสมศักดิ์ ทองดี')];

const build = (json: string): EntityIndex => buildEntityIndex(ARTICLES, {corrections: parseEntityCorrections(json)});
const entityWith = (idx: EntityIndex, text: string) => idx.all().find((e) => idx.mentionsOf(e.id).some((m) => m.text === text));

describe('entity corrections', () => {
	it('merge: entities named by any alias or id become one', () => {
		const plain = buildEntityIndex(ARTICLES);
		assert.notEqual(entityWith(plain, 'Somchai Jaidee')?.id, entityWith(plain, 'สมชาย ใจดี')?.id);
		const idx = build('{"merge": [["somchai jaidee", "person:สมชาย-ใจดี"]]}');
		const e = entityWith(idx, 'Somchai Jaidee')!;
		assert.equal(entityWith(idx, 'สมชาย ใจดี')?.id, e.id);
		assert.equal(e.mentionCount, 3);
		assert.equal(e.name, 'สมชาย ใจดี');
		assert.deepEqual(
			idx.mentionsOf(e.id).map((m) => m.articleId),
			['a', 'b', 'b'],
			'corpus order after a merge',
		);
		assert.deepEqual(idx.warnings, []);
	});

	it('aliases: a spelling joins the entity and is listed', () => {
		const idx = build('{"aliases": {"สมชาย ใจดี": ["Somchai Jaidee", "Khun Somchai"]}}');
		const e = entityWith(idx, 'สมชาย ใจดี')!;
		assert.equal(entityWith(idx, 'Somchai Jaidee')?.id, e.id);
		assert.ok(e.aliases.includes('Khun Somchai'));
		assert.equal(idx.findByName('khun somchai')[0]?.id, e.id);
	});

	it('split: named spellings leave their entity', () => {
		const merged = '{"merge": [["สมชาย ใจดี", "Somchai Jaidee"]], "split": [{"from": "สมชาย ใจดี", "names": ["Somchai Jaidee"], "name": "Somchai J."}]}';
		const idx = build(merged);
		const thai = entityWith(idx, 'สมชาย ใจดี')!;
		const latin = entityWith(idx, 'Somchai Jaidee')!;
		assert.notEqual(thai.id, latin.id);
		assert.equal(thai.mentionCount, 2);
		assert.equal(latin.mentionCount, 1);
		assert.ok(latin.aliases.includes('Somchai J.'));
	});

	it('rename, kind and hide', () => {
		const idx = build('{"rename": {"สมชาย ใจดี": "คุณสมชาย"}, "kind": {"Somchai Jaidee": "person"}, "hide": ["วันชัย ทองดี"]}');
		const e = entityWith(idx, 'สมชาย ใจดี')!;
		assert.equal(e.name, 'คุณสมชาย');
		assert.equal(e.aliases[0], 'คุณสมชาย');
		assert.equal(entityWith(idx, 'Somchai Jaidee')?.kind, 'person');
		assert.equal(entityWith(idx, 'วันชัย ทองดี'), undefined);
		assert.ok(idx.mentionsIn('a').every((m) => m.text !== 'วันชัย ทองดี'));
	});

	it('a reference to no entity is a warning, not an error', () => {
		const idx = build('{"hide": ["ไม่มีชื่อนี้"], "merge": [["สมชาย ใจดี", "ไม่มีเลย"]]}');
		assert.deepEqual([...idx.warnings].sort(), ['hide: no entity "ไม่มีชื่อนี้"', 'merge: no entity "ไม่มีเลย"']);
	});

	it('a bad file gets an error naming the place of the problem', () => {
		const bad: Array<[string, RegExp]> = [
			['{"merge": [["one"]]}', /"merge"\[0\]: expected a list of at least 2 names/],
			['{"merg": []}', /"merg": unknown key/],
			['[1, 2]', /top level: expected an object/],
			['{"kind": {"X": "animal"}}', /"kind"\."X": expected one of person, organization, place, other/],
			['{"split": [{"from": "X"}]}', /"split"\[0\]\.names: expected a list/],
			['{"rename": {"X": ""}}', /"rename"\."X": expected a non-empty string/],
			['{"hide": "X"}', /"hide": expected a list/],
			['{merge: []}', /not valid JSON/],
		];
		for (const [json, message] of bad) {
			assert.throws(
				() => parseEntityCorrections(json, 'khao.entities.json'),
				(error: unknown) => {
					assert.ok(error instanceof EntityCorrectionsError, String(error));
					assert.match(error.message, /^khao\.entities\.json: /);
					assert.match(error.message, message);
					return true;
				},
			);
		}
	});

	it('loads a file, and names it when it is missing', () => {
		const dir = mkdtempSync(join(tmpdir(), 'khao-entities-'));
		const path = join(dir, 'khao.entities.json');
		writeFileSync(path, '\uFEFF{"hide": ["วันชัย ทองดี"]}');
		assert.deepEqual(loadEntityCorrections(path).hide, ['วันชัย ทองดี']);
		assert.throws(() => loadEntityCorrections(join(dir, 'missing.json')), /missing\.json: cannot be read \(no such file or folder\)/);
	});
});
