import assert from 'node:assert/strict';
import {describe, it, test} from 'node:test';
import {buildEntityIndex} from '../../source/entities/builder.js';
import {parseEntityCorrections} from '../../source/entities/corrections.js';
import {entitiesJson, entitiesJsonPieces, entitiesTable} from '../../source/plain/entities.js';
import {stringWidth} from '../../source/text/width.js';
import {article, seedArticles} from '../entities/helpers.js';

describe('--entities --json', () => {
	const seeds = seedArticles();
	const index = buildEntityIndex(seeds);
	const data = JSON.parse(entitiesJson(index, seeds)) as {entities: Array<Record<string, unknown>>};

	it('has exactly the documented shape', () => {
		assert.deepEqual(Object.keys(data), ['entities']);
		assert.ok(data.entities.length > 10);
		for (const e of data.entities) {
			assert.deepEqual(Object.keys(e), ['id', 'name', 'kind', 'aliases', 'mentions']);
			assert.equal(typeof e.id, 'string');
			assert.equal(typeof e.name, 'string');
			assert.ok(['person', 'organization', 'place', 'other'].includes(e.kind as string));
			assert.ok(Array.isArray(e.aliases) && (e.aliases as unknown[]).every((a) => typeof a === 'string'));
			for (const m of e.mentions as Array<Record<string, unknown>>) {
				const keys = Object.keys(m);
				assert.deepEqual(
					keys.filter((k) => k !== 'title'),
					['article', 'text', 'start', 'end'],
				);
				if ('title' in m) assert.equal(typeof m.title, 'string');
			}
		}
	});

	it('each mention is the name exactly as it stands in its article, without the title', () => {
		const texts = new Map(seeds.map((a) => [a.id, a.text]));
		let titled = 0;
		for (const e of data.entities) {
			for (const m of e.mentions as Array<{article: string; text: string; start: number; end: number; title?: string}>) {
				assert.equal(texts.get(m.article)!.slice(m.start, m.end), m.text);
				if (m.title !== undefined) {
					titled++;
					assert.ok(!m.text.startsWith(m.title));
				}
			}
		}
		assert.ok(titled > 0);
		const xi = data.entities.find((e) => e.name === 'สี จิ้นผิง') as {mentions: Array<{text: string; title?: string}>};
		assert.ok(xi.mentions.some((m) => m.text === 'สี จิ้นผิง' && m.title === 'นาย'));
	});
});

describe('--entities table', () => {
	it('has one row per entity with kind and counts, no wider than asked', () => {
		const index = buildEntityIndex(seedArticles());
		const table = entitiesTable(index, 80).split('\n');
		assert.match(table[0]!, /^name\s+kind\s+mentions\s+articles\s+aliases$/);
		assert.equal(table.length, index.all().length + 1);
		const xi = table.find((l) => l.startsWith('สี จิ้นผิง'))!;
		assert.match(xi, /person\s+19\s+2\s+สี/);
		for (const line of table) assert.ok(stringWidth(line) <= 80, `${stringWidth(line)}: ${line}`);
		for (const line of entitiesTable(index, 30).split('\n')) assert.ok(stringWidth(line) <= 30, line);
	});

	it('cleans what it prints', () => {
		const index = buildEntityIndex([article('x', 'นายสมชาย ใจดี กล่าว')], {
			corrections: parseEntityCorrections('{"rename": {"สมชาย ใจดี": "\\u001b]52;c;ZXZpbA==\\u0007สมชาย\\u001b[31m"}}'),
		});
		const table = entitiesTable(index, 80);
		assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(table), JSON.stringify(table));
		assert.match(table, /สมชาย/);
		assert.ok(!JSON.stringify(entitiesJson(index, [])).includes('\u001b'));
	});
});

test('--entities --json piece by piece prints the bytes of the whole at once, with a newline', () => {
	const seeds = seedArticles();
	// A control character in a name must be escaped the same way in the pieces.
	const corrections = parseEntityCorrections('{"rename": {"สมชาย ใจดี": "สมชาย\\u202e ใจดี"}}');
	const withNames = [...seeds, article('x', 'นายสมชาย ใจดี กล่าว'), article('y\u0085', 'ดร.สมชาย ใจดี และนางสาวมาลี ศรีสุข ไปกรุงเทพมหานคร')];
	const index = buildEntityIndex(withNames, {corrections});
	for (const [built, articles] of [
		[buildEntityIndex(seeds), seeds],
		[index, withNames],
		// Only the mentions of the articles asked for are listed.
		[index, withNames.slice(1, -1)],
		[index, []],
		[buildEntityIndex([]), []],
	] as const) {
		const whole = entitiesJson(built, articles) + '\n';
		for (const size of [1, 200, 1 << 20]) {
			const pieces = [...entitiesJsonPieces(built, articles, size)];
			assert.equal(pieces.join(''), whole);
			// Small pieces are many: the output is handed over while it is made.
			if (size === 1) assert.ok(pieces.length >= Math.min(2, built.all().length + 1));
		}
	}
	assert.ok(entitiesJson(index, withNames).includes('\\u202e'));
	assert.ok(entitiesJson(index, withNames).includes('"title"'));
});
