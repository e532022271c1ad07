import {test} from 'node:test';
import assert from 'node:assert/strict';
import {searchJson, searchText} from '../../source/plain/search.js';
import {search} from '../../source/search/search.js';
import {stringWidth} from '../../source/text/width.js';
import {article, indexOf, SLOW_OK} from './helpers.js';

const filler = 'ข่าวประจำวันเกี่ยวกับการประชุมของหน่วยงานต่าง ๆ ในภูมิภาค และการติดตามผลการดำเนินงานตามแผนงานที่วางไว้ ';

function corpus() {
	const a = {
		...article('news.jsonl#7', `${filler}ผู้แทนจากคาซัคสถานเข้าร่วม ${filler}`, 'ข่าวต่างประเทศ'),
		date: {year: 2024, month: 5, day: 1, iso: '2024-05-01', text: '1 พ.ค. 67'},
	};
	const b = article('news.jsonl#8', filler, 'คาซัคสถานวันนี้');
	return [a, b];
}

test('searchJson has exactly the documented shape, with offsets into the text', () => {
	const articles = corpus();
	const result = search(indexOf(articles), 'คาซัคสถาน', SLOW_OK);
	const json = JSON.parse(searchJson(result));
	assert.deepEqual(Object.keys(json), ['query', 'effectiveQuery', 'hits']);
	assert.equal(json.query, 'คาซัคสถาน');
	assert.equal(json.effectiveQuery, 'คาซัคสถาน');
	for (const hit of json.hits) assert.deepEqual(Object.keys(hit), ['article', 'start', 'end', 'score', 'snippet']);
	const textHit = json.hits.find((h: {article: string}) => h.article === 'news.jsonl#7');
	assert.equal(articles[0]!.text.slice(textHit.start, textHit.end), 'คาซัคสถาน');
	// A match in a title that is not in the text has no text offsets.
	const titleHit = json.hits.find((h: {article: string}) => h.article === 'news.jsonl#8');
	assert.deepEqual([titleHit.start, titleHit.end], [-1, -1]);
});

test('searchJson reports the converted query for a wrong-layout query', () => {
	const result = search(indexOf(corpus()), '8k:y8l5ko', SLOW_OK);
	const json = JSON.parse(searchJson(result));
	assert.equal(json.query, '8k:y8l5ko');
	assert.equal(json.effectiveQuery, 'คาซัคสถาน');
	assert.equal(json.hits.length, 2);
});

test('searchText lists each hit with article, date, title and snippet, within the width', () => {
	const articles = corpus();
	const result = search(indexOf(articles), 'คาซัคสถาน', SLOW_OK);
	for (const width of [40, 80, 120]) {
		const text = searchText(result, articles, width);
		assert.match(text, /^2 matches for "คาซัคสถาน"/);
		assert.match(text, /news\.jsonl#7 {2}2024-05-01/);
		assert.match(text, /news\.jsonl#8 {2}- {2}คาซัคสถานวันนี้/);
		for (const line of text.split('\n')) assert.ok(stringWidth(line) <= width, `${stringWidth(line)} > ${width}: ${line}`);
	}
	const converted = searchText(search(indexOf(articles), '8k:y8l5ko', SLOW_OK), articles, 80);
	assert.match(converted, /showing results for คาซัคสถาน/);
});

test('searchJson and searchText offer the entity the query names', () => {
	const articles = corpus();
	const result = search(indexOf(articles), 'คาซัคสถาน', SLOW_OK);
	const entity = {id: 'place:kz', name: 'คาซัคสถาน', kind: 'place', aliases: ['คาซัคสถาน', 'Kazakhstan'], mentionCount: 3};
	const json = JSON.parse(searchJson(result, entity));
	assert.deepEqual(json.entity, {id: 'place:kz', name: 'คาซัคสถาน', kind: 'place', mentions: 3});
	assert.equal(JSON.parse(searchJson(result)).entity, undefined);
	assert.match(searchText(result, articles, 80, entity), /entity: คาซัคสถาน \(place, 3 mentions; place:kz\)/);
});

test('--search on a large corpus does not build the entity index, and says so', async () => {
	const {plainSearch, NAME_LOOKUP_MAX_ARTICLES} = await import('../../source/app/plain-search.js');
	const many = Array.from({length: NAME_LOOKUP_MAX_ARTICLES + 1}, (_, i) => article(`m${i}`, `ข่าวสั้นฉบับที่ ${i} เรื่องส้มโอ`));
	const json = JSON.parse(await plainSearch(many, 'ส้มโอ', {json: true, width: 80, cache: false}));
	assert.match(json.notes.join(' '), /not looked up/);
	const few = JSON.parse(await plainSearch(many.slice(0, 3), 'ส้มโอ', {json: true, width: 80, cache: false}));
	assert.equal(few.notes, undefined);
});
