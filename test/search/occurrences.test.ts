// Where each word occurs is searched once per article and kept across keystrokes: typing a second
// word does not search the articles again for the first, and what is kept never changes an answer.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {forgetOccurrences, spellingOccurrences} from '../../source/search/occurrences.js';
import {patternOf} from '../../source/search/query.js';
import {search} from '../../source/search/search.js';
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
