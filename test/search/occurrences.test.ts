// Where each word occurs is searched once per article and kept across keystrokes: typing a second
// word does not search the articles again for the first, a mistyped word's posting lists are read
// once for its near spellings, and what is kept never changes an answer.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {forgetSharedPassages, passagesSearched, sharedCounted} from '../../source/search/fuzzy.js';
import {forgetOccurrences, spellingOccurrences} from '../../source/search/occurrences.js';
import {patternOf} from '../../source/search/query.js';
import {forgetKept, search} from '../../source/search/search.js';
import {article, indexOf, SLOW_OK} from './helpers.js';

const ARTICLES = [
	article('a', 'ชาวบ้านพายเรือไปตลาดน้ำแต่เช้า\nตลาดน้ำมีผลไม้และขนมหวานหลายอย่าง', 'ตลาดน้ำยามเช้า'),
	article('b', 'นักท่องเที่ยวนั่งเรือหางยาวชมตลาดน้ำ\nแม่ค้าขายก๋วยเตี๋ยวเรือริมคลอง'),
	article('c', 'ตลาดน้ำแห่งใหม่เปิดวันเสาร์\nมีเรือพายขายของกว่าร้อยลำ\nเรือพายสีสดใส'),
	article('d', 'ฝนตกหนักทำให้คลองล้น\nชาวสวนเก็บผลไม้ไม่ทัน'),
	article('e', 'ตลาดนัดวันอาทิตย์คึกคัก\nพ่อค้าขายเสื้อผ้าราคาถูก'),
	article('f', 'เรือข้ามฟากหยุดวิ่งเพราะน้ำขึ้นสูง ตลาดน้ำริมแม่น้ำปิดชั่วคราว'),
];

test('typing a second word does not search the articles again for the first', () => {
	forgetOccurrences();
	const index = indexOf(ARTICLES);
	const first = () => spellingOccurrences(index.segments[0]!, patternOf('ตลาดน้ำ')!, 0, false).searched;
	search(index, 'ตลาดน้ำ เร', SLOW_OK);
	const searched = first();
	assert.ok(searched >= 4, `the articles holding the first word were searched (${searched})`);
	for (const query of ['ตลาดน้ำ เรือ', 'ตลาดน้ำ เรือพ', 'ตลาดน้ำ เรือพาย']) {
		assert.ok(search(index, query, SLOW_OK).total > 0, query);
		assert.equal(first(), searched, `${query}: the first word's articles are not searched again`);
	}
});

test('answers are the same whether the occurrences were kept from other queries or not', () => {
	const index = indexOf(ARTICLES);
	const queries = ['ตลาดน้ำ เรือ', 'เรือ ตลาดน้ำ', 'ตลาดน้ำ ผลไม้ เรือพาย', 'ตลาดนำ้ เรือ', 'ตลาดน้ำ เรอพาย', 'ตลาด ม', 'ขนมหวาน คลอง', 'ตลาดน้ำ -นัด'];
	const fresh = queries.map((query) => {
		forgetOccurrences();
		return search(index, query, SLOW_OK);
	});
	forgetOccurrences();
	for (const query of queries) search(index, query, SLOW_OK);
	const kept = [...queries]
		.reverse()
		.map((query) => search(index, query, SLOW_OK))
		.reverse();
	const answer = (r: ReturnType<typeof search>) => JSON.stringify({...r, elapsedMs: 0});
	queries.forEach((query, i) => assert.equal(answer(kept[i]!), answer(fresh[i]!), query));
	assert.ok(fresh.every((r) => r.total > 0));
});

test('a mistyped word looked up again on the next keystroke reads no posting list again, and finds the same', () => {
	const index = indexOf(ARTICLES);
	const queries = ['ตลาดนำ เรือพา', 'ตลาดนำ เรือพาย', 'ตลาดนำ ผลไม', 'ขนมหวาร'];
	const fresh = queries.map((query) => {
		forgetSharedPassages();
		forgetOccurrences();
		return search(index, query, SLOW_OK);
	});
	forgetSharedPassages();
	search(index, 'ตลาดนำ เรือพา', SLOW_OK);
	const counted = sharedCounted;
	assert.ok(counted > 0);
	search(index, 'ตลาดนำ เรือพา', SLOW_OK);
	assert.equal(sharedCounted, counted, 'the same query again counts nothing again');
	const kept = queries.map((query) => search(index, query, SLOW_OK));
	const answer = (r: ReturnType<typeof search>) => JSON.stringify({...r, elapsedMs: 0});
	queries.forEach((query, i) => assert.equal(answer(kept[i]!), answer(fresh[i]!), query));
	assert.ok(
		fresh.some((r) => r.hits.some((h) => h.kind === 'fuzzy')),
		'near spellings were looked for',
	);
});

test('a complete mistyped word is not searched for again in the same passages while the next word is typed', () => {
	const index = indexOf(ARTICLES);
	const typed = ['ตลาดนำ เรือพ', 'ตลาดนำ เรือพา', 'ตลาดนำ เรือพาย'];
	const fresh = typed.map((query) => {
		forgetKept();
		return search(index, query, SLOW_OK);
	});
	forgetKept();
	const start = passagesSearched;
	search(index, 'ตลาดนำ', SLOW_OK);
	const alone = passagesSearched;
	assert.ok(alone > start, "the word's near spellings were looked for");
	search(index, 'ตลาดนำ', SLOW_OK);
	assert.equal(passagesSearched, alone, 'the same word again searches no passage again');
	forgetKept();
	search(index, 'ตลาดนำ เรือพ', SLOW_OK);
	const both = passagesSearched - alone;
	search(index, 'ตลาดนำ เรือพา', SLOW_OK);
	const next = passagesSearched - alone - both;
	assert.ok(next > 0 && next < both, `the next keystroke searches the second word's passages only (${next} of ${both})`);
	const kept = typed.map((query) => search(index, query, SLOW_OK));
	const answer = (r: ReturnType<typeof search>) => JSON.stringify({...r, elapsedMs: 0});
	typed.forEach((query, i) => assert.equal(answer(kept[i]!), answer(fresh[i]!), query));
	assert.ok(fresh.some((r) => r.hits.some((h) => h.kind === 'fuzzy')));
});
