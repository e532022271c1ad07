import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {plainEntities} from '../../source/app/plain-entities.js';
import {loadCorpus} from '../../source/corpus/index.js';
import {buildEntityIndex} from '../../source/entities/builder.js';
import {entitiesJson} from '../../source/plain/entities.js';

const THAIGOV = fileURLToPath(new URL('../../../shared/data/thaigov-2k.jsonl', import.meta.url));
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-entity-output-'));
after(() => fs.rmSync(cacheDir, {recursive: true, force: true}));

// The detection cache and the workers change where mentions are found, never what the index says:
// `--entities --json` on real articles is the same, byte for byte, as detecting every article on
// this thread, whether detection ran in workers (cold) or came from the cache (warm). The first
// 500 articles of the file keep the suite quick (the whole file was compared by hand: the same).
test('--entities --json on thaigov-2k: workers and cache give the output of one thread', {skip: !fs.existsSync(THAIGOV) && 'no ../shared/data'}, async () => {
	const articles = (await loadCorpus(THAIGOV)).articles.slice(0, 500);
	const saved = process.env['KHAO_CACHE_DIR'];
	process.env['KHAO_CACHE_DIR'] = cacheDir;
	try {
		const opts = {json: true, width: 80, root: THAIGOV};
		const output = async (): Promise<string> => {
			const out = await plainEntities(articles, opts);
			return typeof out === 'string' ? out : [...out].join('');
		};
		const cold = await output();
		assert.ok(
			fs.readdirSync(cacheDir).some((f) => f.endsWith('.ent')),
			'the cold run wrote its cache',
		);
		const warm = await output();
		// What --entities --json printed before detection was cached: one JSON string and a newline.
		const reference = entitiesJson(buildEntityIndex(articles), articles) + '\n';
		assert.ok(reference.length > 500_000);
		assert.equal(cold, reference);
		assert.equal(warm, reference);
	} finally {
		if (saved === undefined) delete process.env['KHAO_CACHE_DIR'];
		else process.env['KHAO_CACHE_DIR'] = saved;
	}
});
