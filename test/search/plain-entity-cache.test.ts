import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {plainEntities} from '../../source/app/plain-entities.js';
import {NAME_LOOKUP_MAX_ARTICLES, plainSearch} from '../../source/app/plain-search.js';
import {loadCorpus} from '../../source/corpus/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-plain-entity-cache-'));
after(() => fs.rmSync(dir, {recursive: true, force: true}));

// Past NAME_LOOKUP_MAX_ARTICLES `--search` does not build the entity index (seconds of CPU), but
// once `--entities` has cached the linked index it reads that and a Latin query reaches the Thai
// name. Names and sentences here are our own.
test('--search on a corpus too big to link reads the cached entity index', async () => {
	const file = path.join(dir, 'many.jsonl');
	const lines = Array.from({length: NAME_LOOKUP_MAX_ARTICLES + 50}, (_, i) =>
		JSON.stringify({
			id: `a${i}`,
			title: `ข่าวสั้นฉบับที่ ${i}`,
			body: i % 50 === 0 ? 'นายวรากร ศรีสุขวัฒน์ (Warakorn Srisukwat) รัฐมนตรีว่าการกระทรวงพาณิชย์ ตรวจตลาดส้มโอ' : `ข่าวสั้นฉบับที่ ${i} เรื่องส้มโอหวาน`,
		}),
	);
	fs.writeFileSync(file, lines.join('\n') + '\n');
	const articles = (await loadCorpus(file)).articles;
	const saved = process.env['KHAO_CACHE_DIR'];
	process.env['KHAO_CACHE_DIR'] = path.join(dir, 'cache');
	try {
		const search = async (): Promise<{entity?: {name: string}; notes?: string[]; total: number}> =>
			JSON.parse(await plainSearch(articles, 'warakorn', {json: true, width: 80, cache: true}));
		const before = await search();
		assert.equal(before.entity, undefined);
		assert.match((before.notes ?? []).join(' '), /not looked up/);
		const out = await plainEntities(articles, {json: true, width: 80, root: file});
		assert.ok((typeof out === 'string' ? out : [...out].join('')).includes('วรากร'));
		const after = await search();
		assert.equal(after.entity?.name, 'วรากร ศรีสุขวัฒน์');
		assert.equal(after.notes, undefined);
		// Caching off: nothing is read, and the note says why.
		const off = JSON.parse(await plainSearch(articles, 'warakorn', {json: true, width: 80, cache: false})) as {entity?: unknown; notes?: string[]};
		assert.equal(off.entity, undefined);
		assert.match((off.notes ?? []).join(' '), /not looked up/);
	} finally {
		if (saved === undefined) delete process.env['KHAO_CACHE_DIR'];
		else process.env['KHAO_CACHE_DIR'] = saved;
	}
});
