// A word still being typed (the last of several, one or two letters long) is in nearly every
// article holding the others: only a bounded number of those articles is ranked, the rest are
// counted (the total stays exact), and the next letter, which gives the word trigrams, gets the
// full answer, the same as a fresh search's.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spellingOccurrences} from '../../source/search/occurrences.js';
import {patternOf} from '../../source/search/query.js';
import {forgetKept, search} from '../../source/search/search.js';
import {article, indexOf, SLOW_OK} from './helpers.js';

const PLACES = ['ริมคลอง', 'หน้าวัด', 'ใกล้สถานี', 'กลางเมือง'];
const FRUITS = ['มะม่วง', 'มังคุด', 'ส้มโอ', 'ลำไย'];
// 300 articles holding ตลาดน้ำ and ม; a few hold มะม่วงสุก as well.
const ARTICLES = Array.from({length: 300}, (_, i) =>
	article(`a${i}`, `วันที่ ${i} ชาวบ้านเปิดตลาดน้ำ${PLACES[i % 4]} แม่ค้านำ${FRUITS[i % 4]}มาขาย${i % 50 === 0 ? ' มะม่วงสุกหวานมาก' : ''}\nนักท่องเที่ยวเดินชมทั้งวัน`),
);

test('a one-letter last word ranks a bounded number of articles, counts the rest, and the next letters get the full answer', () => {
	const index = indexOf(ARTICLES);
	forgetKept();
	const options = {...SLOW_OK, limit: 5};
	const typing = search(index, 'ตลาดน้ำ ม', options);
	assert.equal(typing.total, 300, 'every article holding both words is counted');
	assert.equal(typing.exhaustive, false, 'not every article was ranked: said so');
	assert.equal(typing.hits.length, 5);
	const letter = spellingOccurrences(index.segments[0]!, patternOf('ม')!, 0, true);
	assert.ok(letter.searched <= 10 * 20, `the letter was looked for in ${letter.searched} articles, not 300`);
	for (const hit of typing.hits) {
		const text = ARTICLES.find((a) => a.id === hit.articleId)!.text;
		assert.ok(text.includes('ตลาดน้ำ') && text.includes('ม'));
	}
	// Typed on: the answer is the full one, the same as a search that never saw the prefixes.
	const typed = ['ตลาดน้ำ มะ', 'ตลาดน้ำ มะม', 'ตลาดน้ำ มะม่วงสุก'].map((query) => search(index, query, options));
	const fresh = ['ตลาดน้ำ มะ', 'ตลาดน้ำ มะม', 'ตลาดน้ำ มะม่วงสุก'].map((query) => {
		forgetKept();
		return search(index, query, options);
	});
	const answer = (r: ReturnType<typeof search>) => JSON.stringify({...r, elapsedMs: 0});
	typed.forEach((r, i) => assert.equal(answer(r), answer(fresh[i]!)));
	assert.ok(typed.every((r) => r.exhaustive));
	assert.equal(typed[2]!.total, 6);
});

test('a short last word in few articles is ranked in all of them', () => {
	const index = indexOf(ARTICLES.slice(0, 30));
	const result = search(index, 'ตลาดน้ำ ม', {...SLOW_OK, limit: 5});
	assert.equal(result.total, 30);
	assert.equal(result.exhaustive, true);
});
