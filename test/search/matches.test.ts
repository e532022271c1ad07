import {test} from 'node:test';
import assert from 'node:assert/strict';
import {matchesInArticle} from '../../source/search/matches.js';
import {tonelessUnits, tonelessView} from '../../source/search/match.js';
import {foldWithOffsets} from '../../source/text/fold.js';
import {filterTitles} from '../../source/search/titles.js';
import {article} from './helpers.js';
import type {Article} from '../../source/corpus/types.js';

test('matchesInArticle gives every match in text order, with exact offsets', () => {
	const text = 'คาซัคสถาน อยู่ในเอเชียกลาง เมืองหลวงของคาซัค\u200bสถาน คือ อัสตานา คาซัคสถาน';
	const ranges = matchesInArticle(article('a', text), 'คาซัคสถาน');
	assert.equal(ranges.length, 3);
	assert.deepEqual(
		ranges.map((r) => text.slice(r.start, r.end)),
		['คาซัคสถาน', 'คาซัค\u200bสถาน', 'คาซัคสถาน'],
	);
	for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i]!.start >= ranges[i - 1]!.end);
});

test('matchesInArticle keeps only the best kind: exact สี, not สี่', () => {
	const text = 'สี่ คน ใส่เสื้อสีแดง อีก สี่ คน ใส่สีฟ้า';
	const ranges = matchesInArticle(article('a', text), 'สี');
	assert.deepEqual(
		ranges.map((r) => [text.slice(r.start, r.end), r.kind]),
		[
			['สี', 'exact'],
			['สี', 'exact'],
		],
	);
	// With only สี่ in the text, those are what there is.
	assert.deepEqual(
		matchesInArticle(article('b', 'สี่ คน'), 'สี').map((r) => r.kind),
		['tone'],
	);
});

test('matchesInArticle: several words give every word when the phrase is not there; typos fall back to fuzzy', () => {
	const text = 'ฝนตกหนักที่กรุงเทพ และกรุงเทพยังมีน้ำท่วม';
	const words = matchesInArticle(article('a', text), 'กรุงเทพ ฝนตก');
	assert.deepEqual(
		words.map((r) => text.slice(r.start, r.end)),
		['ฝนตก', 'กรุงเทพ', 'กรุงเทพ'],
	);
	const fuzzy = matchesInArticle(article('b', 'เมืองหลวงของคาซัคสถาน'), 'คาซักสถาน');
	assert.equal(fuzzy.length, 1);
	assert.equal(fuzzy[0]!.kind, 'fuzzy');
	assert.deepEqual(matchesInArticle(article('c', 'ไม่มีอะไร'), 'คาซัคสถาน'), []);
	assert.deepEqual(matchesInArticle(article('d', 'ข้อความ'), '  '), []);
});

test('filterTitles: everything for an empty query, exact before fuzzy, highlights into the title', () => {
	const articles = [article('1', '', 'ข่าวเศรษฐกิจ'), article('2', '', 'การค้ากับคาซักสถาน'), article('3', '', 'นายกฯ เยือนคาซัคสถาน'), article('4', '', 'พยากรณ์อากาศ')];
	assert.deepEqual(
		filterTitles(articles, '').map((m) => m.article.id),
		['1', '2', '3', '4'],
	);
	const result = filterTitles(articles, 'คาซัคสถาน');
	assert.deepEqual(
		result.map((m) => [m.article.id, m.kind]),
		[
			['3', 'exact'],
			['2', 'fuzzy'],
		],
	);
	const [from, to] = result[0]!.highlights[0]!;
	assert.equal(articles[2]!.title.slice(from, to), 'คาซัคสถาน');
	assert.deepEqual(
		filterTitles(articles, 'อากาศ').map((m) => m.article.id),
		['4'],
	);
});

test('filterTitles reads the query as search does: excluded words, date: and cat:, quoted phrases', () => {
	const dated = (id: string, title: string, iso: string, category: string): Article => ({
		...article(id, '', title),
		date: {year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)), iso, text: iso},
		fields: {category},
	});
	const articles = [
		dated('1', 'ตลาดนัดชุมชนเปิดใหม่ริมคลอง', '2023-03-01', 'ข่าวภูมิภาค'),
		dated('2', 'ตลาดน้ำริมคลองคึกคัก', '2024-05-02', 'ข่าวท่องเที่ยว'),
		dated('3', 'ริมคลอง ตลาดน้ำ วันหยุด', '2024-06-03', 'ข่าวท่องเที่ยว'),
	];
	const ids = (query: string) => filterTitles(articles, query).map((m) => m.article.id);
	assert.deepEqual(ids('ตลาด ริมคลอง'), ['1', '2', '3']);
	assert.deepEqual(ids('ตลาด ริมคลอง -ชุมชน'), ['2', '3']);
	assert.deepEqual(ids('ริมคลอง date:2024'), ['2', '3']);
	assert.deepEqual(ids('ริมคลอง cat:ภูมิภาค'), ['1']);
	assert.deepEqual(ids('"ตลาดน้ำริมคลอง"'), ['2']);
	assert.deepEqual(ids('-ตลาดน้ำ'), ['1']);
});

test('filterTitles follows a growing article list', () => {
	const articles = [article('1', '', 'ข่าวแรก')];
	assert.equal(filterTitles(articles, 'ข่าว').length, 1);
	articles.push(article('2', '', 'ข่าวที่สอง'));
	assert.equal(filterTitles(articles, 'ข่าว').length, 2);
});

test('tonelessUnits gives where each tone-less unit stands in a compact fold, as tonelessView does', () => {
	for (const text of ['น้ำท่วมหนัก', 'แม่ค้า ก๋วยเตี๋ยว', 'abc', '', '่้']) {
		const folded = foldWithOffsets(text, {compact: true});
		assert.deepEqual(Array.from(tonelessUnits(folded.text)), Array.from(tonelessView(folded).toFolded), text);
	}
	assert.deepEqual(Array.from(tonelessUnits(foldWithOffsets('ก่า', {compact: true}).text)), [0, 2]);
});
