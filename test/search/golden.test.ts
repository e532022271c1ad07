// Search answers on the 2,000-article thaigov file stay what they were before the cache moved to
// disk (one file per source file, searched where it lies): the golden file was written by the code
// of before that change, for queries written here, and every way of opening the index must give
// it: built in memory, read back from the cache, and searched on disk.
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {openCorpus} from '../../source/corpus/index.js';
import {openSearchIndex, type OpenIndexOptions} from '../../source/search/open.js';
import {search} from '../../source/search/search.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = path.resolve(root, '..', 'shared', 'data', 'thaigov-2k.jsonl');
const golden = JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'search-golden-thaigov-2k.json'), 'utf8')) as Record<
	string,
	{total: number; hits: string[]}
>;
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-golden-'));
after(() => fs.rmSync(cacheDir, {recursive: true, force: true}));

test(
	'search answers on thaigov-2k are the same as before, however the index is opened',
	{skip: fs.existsSync(corpus) ? false : `no ${corpus}`, timeout: 600_000},
	async () => {
		const load = openCorpus(corpus);
		await load.finished;
		const answers = (opts: OpenIndexOptions) => {
			const index = openSearchIndex(load.articles, opts);
			const out: Record<string, {total: number; hits: string[]}> = {};
			for (const q of Object.keys(golden)) {
				const r = search(index, q, {budgetMs: 600_000, fuzzyBudgetMs: 600_000, limit: 30});
				out[q] = {total: r.total, hits: r.hits.map((h) => `${h.articleId.slice(h.articleId.lastIndexOf('#') + 1)} ${h.field} ${h.start}-${h.end} ${h.kind}`)};
			}
			return out;
		};
		assert.deepEqual(answers({cacheDir}), golden, 'built (and the cache written)');
		assert.deepEqual(answers({cacheDir}), golden, 'read back from the cache');
		assert.deepEqual(answers({cacheDir, onDisk: true}), golden, 'searched on disk');
	},
);
