// Lazy bodies must not change a single answer: search results and entities computed from the
// stored articles equal those computed from the same articles parsed whole in memory.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {loadCorpus} from '../../source/corpus/index.js';
import {articlesFromBytes} from '../../source/corpus/read-file.js';
import {setBodyCacheLimits, StoredArticle} from '../../source/corpus/article-store.js';
import {openSearchIndex, search} from '../../source/search/index.js';
import {searchJson} from '../../source/plain/search.js';
import type {Article} from '../../source/corpus/types.js';
import {buildEntityIndex} from '../../source/entities/index.js';
import {entitiesData} from '../../source/plain/entities.js';

const THAIGOV = path.join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'thaigov-2k.jsonl');
const skip = fs.existsSync(THAIGOV) ? false : `${THAIGOV} is absent`;

/** The answers to a few queries (exact, several words, a phrase, Latin, a misspelling), as --search --json gives them. */
function answers(articles: readonly Article[]): string[] {
	const index = openSearchIndex(articles, {cacheDir: null});
	// Budgets no machine reaches: a busy machine must not cut one side's fuzzy stage short.
	const budgets = {budgetMs: 600_000, fuzzyBudgetMs: 600_000};
	return ['รัฐมนตรีว่าการกระทรวง', 'การประชุม คณะกรรมการ', '"ความร่วมมือ"', 'Thailand', 'เศรษกิจ'].map((q) => searchJson(search(index, q, budgets)));
}

test('search answers on thaigov articles are the same from lazy and from in-memory articles', {skip}, async (t) => {
	// A small cache: indexing and snippets read the bodies from disk again and again.
	setBodyCacheLimits({bodies: 8, chars: 100_000});
	t.after(() => setBodyCacheLimits());
	// 600 of the 2,000: each index build costs seconds; `khao --search` on all 2,000 was compared by hand.
	const lazy = (await loadCorpus(THAIGOV)).articles.slice(0, 600);
	assert.ok(lazy.every((a) => a instanceof StoredArticle));
	const eager = articlesFromBytes(fs.readFileSync(THAIGOV), THAIGOV, 'jsonl').articles.slice(0, 600);
	const fromLazy = answers(lazy);
	assert.ok(fromLazy.every((json) => (JSON.parse(json) as {hits: unknown[]}).hits.length > 0));
	assert.deepEqual(fromLazy, answers(eager));
});

test('entities of thaigov articles are the same from lazy and from in-memory articles', {skip}, async (t) => {
	setBodyCacheLimits({bodies: 8, chars: 100_000});
	t.after(() => setBodyCacheLimits());
	// 300 articles: detection costs seconds per thousand, and 300 already link across articles.
	const lazy = (await loadCorpus(THAIGOV)).articles.slice(0, 300);
	const eager = articlesFromBytes(fs.readFileSync(THAIGOV), THAIGOV, 'jsonl').articles.slice(0, 300);
	const fromLazy = entitiesData(buildEntityIndex(lazy), lazy);
	assert.ok(fromLazy.entities.length > 100);
	assert.deepEqual(fromLazy, entitiesData(buildEntityIndex(eager), eager));
});
