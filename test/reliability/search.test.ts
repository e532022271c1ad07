// Search stays within its budget whatever the query's length (issue 12, item 18: a pasted
// 9,000-character query took 5.5 s, 27,000 characters 35 s, against a 2 s budget). The work a
// query can ask for is capped (counted here: words kept, their length), and the time is checked
// with a very generous bound so that a busy machine cannot make the test flake.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {matchesInArticle} from '../../source/search/matches.js';
import {MAX_TERM_LENGTH, MAX_TERMS, parseQuery} from '../../source/search/parse.js';
import {search} from '../../source/search/search.js';
import {filterTitles} from '../../source/search/titles.js';
import {article, indexOf} from '../search/helpers.js';

const sentence = 'คณะกรรมการพิจารณาแผนงานด้านการขนส่งทางน้ำได้ประชุมหารือเรื่องการพัฒนาท่าเรือชายฝั่ง ';
const articles = Array.from({length: 150}, (_, i) => article(`a${i}`, `${sentence.repeat(4)}ครั้งที่ ${i}\n${sentence.repeat(6)}`, `ข่าวการประชุมครั้งที่ ${i}`));
const index = indexOf(articles);
/** Many times the 2 s budget: only a hang or a runaway cost can exceed it. */
const GENEROUS_MS = 30_000;

function pasted(length: number, spaced: boolean): string {
	const piece = spaced ? sentence : sentence.replace(/ /g, '');
	return piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
}

for (const length of [9_000, 27_000]) {
	for (const spaced of [true, false]) {
		test(`a pasted ${length}-character query ${spaced ? 'with' : 'without'} spaces stays within bounds`, () => {
			const query = pasted(length, spaced);
			const parsed = parseQuery(query);
			assert.ok(parsed.terms.length <= MAX_TERMS);
			for (const term of parsed.terms) assert.ok(term.text.length <= MAX_TERM_LENGTH);
			const started = performance.now();
			const result = search(index, query, {budgetMs: 2_000});
			matchesInArticle(articles[0]!, query);
			filterTitles(articles, query);
			const elapsed = performance.now() - started;
			assert.ok(elapsed < GENEROUS_MS, `${elapsed.toFixed(0)} ms`);
			assert.ok(Array.isArray(result.hits));
			if (spaced) assert.match(result.notes.join(' '), /first \d+ words/);
		});
	}
}
