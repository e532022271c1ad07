// `--search`'s printed answers on the 2,000-article thaigov file stay what they were before the
// plain output stopped mapping every article by id (it finds a hit's article by its place): the
// golden file was written by the code of before that change, for queries written here. The time
// in the first line is the only part that differs between runs.
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {openCorpus} from '../../source/corpus/index.js';
import {openSearchIndex} from '../../source/search/open.js';
import {search} from '../../source/search/search.js';
import {searchJson, searchText} from '../../source/plain/search.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = path.resolve(root, '..', 'shared', 'data', 'thaigov-2k.jsonl');
const goldenFile = path.join(root, 'test', 'fixtures', 'search-text-thaigov-2k.txt');
const QUERIES = ['นายกรัฐมนตรี', 'การท่องเที่ยว ชุมชน', 'สาธารนสุข', 'COVID', 'ประชุม -ออนไลน์'];
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-plain-golden-'));
after(() => fs.rmSync(cacheDir, {recursive: true, force: true}));

test('--search text and JSON on thaigov-2k are the same as before', {skip: fs.existsSync(corpus) ? false : `no ${corpus}`, timeout: 600_000}, async () => {
	const load = openCorpus(corpus);
	await load.finished;
	const index = openSearchIndex(load.articles, {cacheDir});
	const out: string[] = [];
	for (const q of QUERIES) {
		const result = search(index, q, {budgetMs: 600_000, fuzzyBudgetMs: 600_000, limit: 12});
		out.push(searchText(result, load.articles, 400).replace(/ \(\d+(\.\d+)? ms\)$/m, ''), searchJson(result));
	}
	// Article ids begin with the corpus's path, which depends on where the clone is (the width is such that no line is cut).
	const text = out.join('\n\n').replaceAll(corpus, '<corpus>') + '\n';
	if (process.env['KHAO_WRITE_GOLDEN'] === '1') fs.writeFileSync(goldenFile, text);
	assert.equal(text, fs.readFileSync(goldenFile, 'utf8'));
});
