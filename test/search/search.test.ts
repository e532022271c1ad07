import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {search} from '../../source/search/search.js';
import {SearchIndexBuilder} from '../../source/search/search-index.js';
import type {Hit, SearchResult} from '../../source/search/types.js';
import {foldForSearch, removeThaiTones} from '../../source/text/fold.js';
import type {Article} from '../../source/corpus/types.js';
import {article, indexOf, SLOW_OK} from './helpers.js';

const filler = 'ข่าวประจำวันเกี่ยวกับการประชุมของหน่วยงานต่าง ๆ ในภูมิภาค และการติดตามผลการดำเนินงานตามแผน ';

function sourceOf(articles: Article[], hit: Hit): string {
	const a = articles.find((x) => x.id === hit.articleId)!;
	return hit.field === 'title' ? a.title : a.text;
}

function matched(articles: Article[], hit: Hit): string {
	return sourceOf(articles, hit).slice(hit.start, hit.end);
}

function ids(result: SearchResult): string[] {
	return result.hits.map((h) => h.articleId);
}

test('an exact match is found with offsets that slice the article text', () => {
	const articles = [article('a', filler + 'ผู้แทนจากคาซัคสถานเข้าร่วมการประชุม ' + filler), article('b', filler)];
	const result = search(indexOf(articles), 'คาซัคสถาน', SLOW_OK);
	assert.deepEqual(ids(result), ['a']);
	const hit = result.hits[0]!;
	assert.equal(hit.kind, 'exact');
	assert.equal(matched(articles, hit), 'คาซัคสถาน');
	assert.ok(hit.passageStart <= hit.start && hit.end <= hit.passageEnd);
	assert.equal(result.effectiveQuery, 'คาซัคสถาน');
	assert.equal(result.layoutConverted, false);
});

test('a typo still finds the word, and an exact match always ranks above a fuzzy one', () => {
	const articles = [article('typo-in-text', filler + 'การค้ากับคาซักสถานเพิ่มขึ้น ' + filler), article('right', filler + 'การค้ากับคาซัคสถานเพิ่มขึ้น ' + filler)];
	const index = indexOf(articles);
	const typo = search(index, 'คาซักสถาน', SLOW_OK);
	assert.deepEqual(ids(typo), ['typo-in-text', 'right']);
	assert.equal(typo.hits[0]!.kind, 'exact');
	assert.equal(typo.hits[1]!.kind, 'fuzzy');
	assert.equal(matched(articles, typo.hits[1]!).slice(0, 9), 'คาซัคสถาน');
	const right = search(index, 'คาซัคสถาน', SLOW_OK);
	assert.deepEqual(ids(right), ['right', 'typo-in-text']);
	assert.ok(right.hits[0]!.score < right.hits[1]!.score);
});

test('a query without tone marks finds the toned text, ranked below an exact match', () => {
	const articles = [article('toned', filler + 'ประธานาธิบดี สี จิ้นผิง กล่าวว่า ' + filler), article('untoned', filler + 'ประธานาธิบดี สี จินผิง กล่าวว่า ' + filler)];
	const index = indexOf(articles);
	const plain = search(index, 'สี จินผิง', SLOW_OK);
	assert.deepEqual(ids(plain), ['untoned', 'toned']);
	assert.deepEqual(
		plain.hits.map((h) => h.kind),
		['exact', 'tone'],
	);
	assert.equal(matched(articles, plain.hits[1]!), 'สี จิ้นผิง');
	const toned = search(index, 'สี จิ้นผิง', SLOW_OK);
	assert.deepEqual(ids(toned), ['toned', 'untoned']);
});

test('exact สี never ranks สี่ above a true hit', () => {
	const four = Array.from({length: 6}, (_, i) => article(`four-${i}`, `${filler}มีผู้เข้าร่วม สี่ คน ในวันที่ สี่ ${filler}`, `สี่ เรื่องน่ารู้ ${i}`));
	const colour = [article('colour', `${filler}ธงสีแดงและสีน้ำเงิน ${filler}`), article('xi', `${filler}ประธานาธิบดีสี จิ้นผิง ${filler}`)];
	const articles = [...four, ...colour];
	const result = search(indexOf(articles), 'สี', {...SLOW_OK, limit: 100});
	const firstFour = result.hits.findIndex((h) => h.articleId.startsWith('four'));
	const lastTrue = Math.max(...result.hits.map((h, i) => (h.articleId.startsWith('four') ? -1 : i)));
	assert.ok(firstFour > lastTrue, `สี่ at ${firstFour} above a true สี at ${lastTrue}`);
	for (const hit of result.hits.slice(0, lastTrue + 1)) assert.equal(hit.kind, 'exact');
	for (const hit of result.hits.filter((h) => h.articleId.startsWith('four'))) assert.equal(hit.kind, 'tone');
});

test('vowels are never ignored: กิน does not find กัน', () => {
	const articles = [article('kan', `${filler}พวกเขาไปด้วยกัน ${filler}`), article('kin', `${filler}ไปกินข้าว ${filler}`)];
	const result = search(indexOf(articles), 'กิน', SLOW_OK);
	assert.deepEqual(ids(result), ['kin']);
});

test('a query typed with the wrong layout (Latin for Thai) finds what its conversion finds', () => {
	const articles = [article('hello', `${filler}สวัสดีปีใหม่ ${filler}`), article('kz', `${filler}เมืองหลวงของคาซัคสถาน ${filler}`)];
	const index = indexOf(articles);
	const hello = search(index, 'l;ylfu', SLOW_OK);
	assert.equal(hello.layoutConverted, true);
	assert.equal(hello.effectiveQuery, 'สวัสดี');
	assert.equal(hello.query, 'l;ylfu');
	assert.deepEqual(ids(hello), ['hello']);
	const kz = search(index, '8k:y8l5ko', SLOW_OK);
	assert.equal(kz.effectiveQuery, 'คาซัคสถาน');
	assert.deepEqual(ids(kz), ['kz']);
});

test('a query typed with the wrong layout (Thai for Latin) finds what its conversion finds', () => {
	const articles = [article('c19', `${filler}มาตรการรับมือ COVID-19 ระลอกใหม่ ${filler}`)];
	const result = search(indexOf(articles), 'แนอรก', SLOW_OK);
	assert.equal(result.layoutConverted, true);
	assert.equal(result.effectiveQuery, 'covid');
	assert.equal(matched(articles, result.hits[0]!), 'COVID');
});

test('the conversion is not used when the query as typed matches exactly', () => {
	const articles = [article('latin', `${filler}the code l;ylfu appears verbatim ${filler}`), article('thai', `${filler}สวัสดี ${filler}`)];
	const result = search(indexOf(articles), 'l;ylfu', SLOW_OK);
	assert.equal(result.layoutConverted, false);
	assert.deepEqual(ids(result), ['latin']);
});

test('queries longer than 32 characters work, exact and with a typo', () => {
	const sentence = 'คณะรัฐมนตรีมีมติเห็นชอบร่างพระราชบัญญัติงบประมาณรายจ่ายประจำปี';
	assert.ok(sentence.length > 40);
	const articles = [article('long', `${filler}${sentence} ตามที่สำนักงบประมาณเสนอ ${filler}`), article('other', filler.repeat(3))];
	const index = indexOf(articles);
	const exact = search(index, sentence, SLOW_OK);
	assert.deepEqual(ids(exact), ['long']);
	assert.equal(matched(articles, exact.hits[0]!), sentence);
	const typo = search(index, sentence.replace('งบประมาณ', 'งบประมาน'), SLOW_OK);
	assert.deepEqual(ids(typo), ['long']);
	assert.equal(typo.hits[0]!.kind, 'fuzzy');
});

test('an empty, blank or invisible query has no hits', () => {
	const index = indexOf([article('a', filler)]);
	for (const q of ['', '   ', '\u200b', '\t\n', '\u0e48']) {
		const result = search(index, q, SLOW_OK);
		assert.equal(result.hits.length, 0, JSON.stringify(q));
		assert.equal(result.total, 0);
	}
});

test('several words must all match, in any order; the phrase ranks first, then words in order', () => {
	const articles = [
		article('reversed', `${filler}ฝนตกหนักมากที่กรุงเทพ ${filler}`),
		article('phrase', `${filler}วันนี้กรุงเทพ ฝนตก ทั้งวัน ${filler}`),
		article('in-order', `${filler}กรุงเทพวันนี้มีรายงานว่า ฝนตก ${filler}`),
		article('one-word', `${filler}กรุงเทพ อากาศดี ${filler}`),
	];
	const result = search(indexOf(articles), 'กรุงเทพ ฝนตก', SLOW_OK);
	assert.deepEqual(ids(result), ['phrase', 'in-order', 'reversed']);
	const inOrder = result.hits[1]!;
	assert.equal(inOrder.ranges.length, 2);
	for (const [from, to] of inOrder.ranges) assert.ok(['กรุงเทพ', 'ฝนตก'].includes(articles[2]!.text.slice(from, to)));
});

test('the words of a hit far apart map back onto the words, past passages that fold differently alone', () => {
	// A paragraph that starts with an invisible control character and a space folds to a space of
	// its own when folded alone (as the index folds passages), but joins the line break before it
	// when a longer stretch is folded: offsets must be recovered passage by passage.
	const text = `เกษตรกรเริ่มเก็บผลไม้ตั้งแต่ต้นเดือน\n\u0097 ฝนที่ตกหนักทำให้ถนนในหมู่บ้านเสียหาย\n${'ชาวบ้านช่วยกันซ่อมแซมถนนให้ใช้งานได้ \n'.repeat(3)}สหกรณ์รับซื้อทุเรียนในราคาที่ดีขึ้น`;
	const articles = [article('a', text)];
	const result = search(indexOf(articles), 'เกษตรกร ทุเรียน', SLOW_OK);
	assert.equal(result.hits.length, 1);
	const words = result.hits[0]!.ranges.map(([from, to]) => text.slice(from, to));
	assert.deepEqual(words, ['เกษตรกร', 'ทุเรียน']);
});

test('scope limits the search to one article', () => {
	const articles = [article('a', `${filler}คาซัคสถาน ${filler}`), article('b', `${filler}คาซัคสถาน ${filler}`)];
	const index = indexOf(articles);
	assert.deepEqual(ids(search(index, 'คาซัคสถาน', SLOW_OK)), ['a', 'b']);
	assert.deepEqual(ids(search(index, 'คาซัคสถาน', {...SLOW_OK, scope: 'b'})), ['b']);
	assert.deepEqual(ids(search(index, 'คาซัคสถาน', {...SLOW_OK, scope: 'missing'})), []);
});

test('folding: Thai digits, zero-width characters, spaces, ํา and Latin diacritics all match', () => {
	const articles = [
		article('digits', `${filler}ปีงบประมาณ ๒๕๖๗ ${filler}`),
		article('zw', `${filler}รัฐมนตรี\u200bว่าการกระทรวง ${filler}`),
		article('spaces', `${filler}สี    จิ้นผิง ${filler}`),
		article('am', `${filler}แม่น\u0e49\u0e4d\u0e32โขง ${filler}`),
		article('latin', `${filler}Nguyễn Văn A visited ${filler}`),
	];
	const index = indexOf(articles);
	const cases: [string, string, string][] = [
		['2567', 'digits', '๒๕๖๗'],
		['รัฐมนตรีว่าการ', 'zw', 'รัฐมนตรี\u200bว่าการ'],
		['สี จิ้นผิง', 'spaces', 'สี    จิ้นผิง'],
		['แม่น้ำโขง', 'am', 'แม่น\u0e49\u0e4d\u0e32โขง'],
		['nguyen van', 'latin', 'Nguyễn Văn'],
	];
	for (const [query, id, text] of cases) {
		const result = search(index, query, SLOW_OK);
		assert.deepEqual(ids(result), [id], query);
		assert.equal(matched(articles, result.hits[0]!), text, query);
		assert.equal(result.hits[0]!.kind, 'exact', query);
	}
});

test('a match in a title that is not part of the text is a title hit with offsets into the title', () => {
	const articles = [article('t', filler, 'ข่าวเด่น: คาซัคสถานเปลี่ยนชื่อเมืองหลวง')];
	const result = search(indexOf(articles), 'คาซัคสถาน', SLOW_OK);
	assert.equal(result.hits[0]!.field, 'title');
	assert.equal(articles[0]!.title.slice(result.hits[0]!.start, result.hits[0]!.end), 'คาซัคสถาน');
});

test('a match in a title ranks above the same match in body text', () => {
	const articles = [article('body', `${filler}ข่าวคาซัคสถาน ${filler}`), article('headline', filler, 'ข่าวคาซัคสถาน วันนี้')];
	const result = search(indexOf(articles), 'คาซัคสถาน', SLOW_OK);
	assert.deepEqual(ids(result), ['headline', 'body']);
	assert.equal(result.hits[0]!.field, 'title');
});

test('a passage that is the query and nothing else ranks first, even above a title', () => {
	const articles = [article('headline', filler, 'ข่าวคาซัคสถาน วันนี้'), article('alone', `${filler}\nคาซัคสถาน\n${filler}`)];
	assert.deepEqual(ids(search(indexOf(articles), 'คาซัคสถาน', SLOW_OK)), ['alone', 'headline']);
});

test('the spelling typed (case aside) ranks above one that matched only once folded', () => {
	const articles = [
		article('zero-width', filler, 'ข่าวคาซัค\u200bสถาน วันนี้'),
		article('spaced', `${filler}สี  จิ้นผิง ${filler}`),
		article('typed', `${filler}เยือนคาซัคสถาน และพบ สี จิ้นผิง ${filler}`),
		article('upper', `${filler}COVID-19 ${filler}`),
	];
	const index = indexOf(articles);
	assert.deepEqual(ids(search(index, 'คาซัคสถาน', SLOW_OK)), ['typed', 'zero-width']);
	assert.deepEqual(ids(search(index, 'สี จิ้นผิง', SLOW_OK)), ['typed', 'spaced']);
	assert.equal(search(index, 'covid-19', SLOW_OK).hits[0]!.score, search(index, 'COVID-19', SLOW_OK).hits[0]!.score);
});

test('snippets are one safe line around the match, with the match highlighted', () => {
	const nasty = '\u001b]52;c;ZXZpbA==\u0007\u001b[31m';
	const articles = [article('s', `${filler}${filler}${nasty}รายงานจาก\nคาซัคสถาน\u202e ระบุว่า ${filler}${filler}`)];
	const hit = search(indexOf(articles), 'คาซัคสถาน', SLOW_OK).hits[0]!;
	assert.ok(!/[\u0000-\u001f\u007f-\u009f\u202e]/.test(hit.snippet), JSON.stringify(hit.snippet));
	assert.ok(hit.snippet.length < 200);
	assert.equal(hit.snippetHighlights.length, 1);
	const [from, to] = hit.snippetHighlights[0]!;
	assert.equal(hit.snippet.slice(from, to), 'คาซัคสถาน');
});

test('snippet highlights cover whole grapheme clusters even when the match does not', () => {
	const articles = [article('c', `${filler}ประธานาธิบดีสี่คน ${filler}`)];
	const hit = search(indexOf(articles), 'สี', SLOW_OK).hits[0]!;
	assert.equal(matched(articles, hit), 'สี่');
	const partial = search(indexOf([article('p', `${filler}คาซัคสถาน ${filler}`)]), 'คาซ', SLOW_OK).hits[0]!;
	assert.equal(partial.kind, 'partial');
	const [from, to] = partial.snippetHighlights[0]!;
	assert.equal(partial.snippet.slice(from, to), 'คาซั');
});

test('the index answers while it grows', () => {
	const builder = new SearchIndexBuilder({segmentArticles: 2});
	builder.add([article('a', `${filler}คาซัคสถาน`), article('b', filler)]);
	assert.deepEqual(ids(search(builder.index, 'คาซัคสถาน', SLOW_OK)), ['a']);
	builder.add([article('c', `${filler}คาซัคสถาน`)]);
	assert.equal(builder.index.indexedArticles, 2);
	builder.finish();
	assert.equal(builder.index.indexedArticles, 3);
	assert.deepEqual(ids(search(builder.index, 'คาซัคสถาน', SLOW_OK)), ['a', 'c']);
});

test('limit and totals: the best `limit` hits, the total counts them all', () => {
	const articles = Array.from({length: 30}, (_, i) => article(`a${i}`, `${filler}คาซัคสถาน ${filler}`));
	const result = search(indexOf(articles), 'คาซัคสถาน', {...SLOW_OK, limit: 5});
	assert.equal(result.hits.length, 5);
	assert.equal(result.total, 30);
	assert.equal(result.exhaustive, true);
	assert.deepEqual(ids(result), ['a0', 'a1', 'a2', 'a3', 'a4']);
});

test('every passage of a long article that holds the word is a hit', () => {
	const paragraph = (i: number) => `${filler}ย่อหน้าที่ ${i} ${i % 3 === 0 ? 'กล่าวถึงคาซัคสถาน' : 'ไม่เกี่ยวข้อง'} ${filler}`;
	const text = Array.from({length: 30}, (_, i) => paragraph(i)).join('\n');
	const articles = [article('long', text), article('short', `${filler}คาซัคสถาน`)];
	const index = indexOf(articles);
	const result = search(index, 'คาซัคสถาน', {...SLOW_OK, limit: 100});
	assert.equal(result.total, 11);
	const long = result.hits.filter((h) => h.articleId === 'long');
	assert.equal(long.length, 10);
	for (const hit of long) assert.equal(matched(articles, hit), 'คาซัคสถาน');
	// Several words are one hit per article, on the place where they stand closest.
	const both = search(index, 'กล่าวถึง คาซัคสถาน', {...SLOW_OK, limit: 100});
	assert.deepEqual(ids(both), ['long']);
	assert.equal(matched(articles, both.hits[0]!), 'กล่าวถึง');
	assert.deepEqual(
		both.hits[0]!.ranges.map(([s, e]) => articles[0]!.text.slice(s, e)),
		['กล่าวถึง', 'คาซัคสถาน'],
	);
});

// Property: whatever the text around it (zero-width characters, doubled spaces, decomposed ำ, Thai
// digits, tone marks), an exact or tone hit's offsets slice exactly the text that matched.
test('offsets are exact: the matched slice folds to the query', () => {
	const pieces = ['คาซัคสถาน', 'สี่', 'สี', 'น้ำ', 'น\u0e49\u0e4d\u0e32', ' ', '  ', '\u200b', '๒๕', 'ABC', 'é', '\n', 'จิ้น', 'ผิง', 'กิน'];
	const queries = ['คาซัคสถาน', 'สี', 'น้ำ', '25', 'abc', 'จินผิง', 'สี จิ้น', 'กิน'];
	fc.assert(
		fc.property(fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 80}), fc.constantFrom(...queries), (parts, query) => {
			const articles = [article('p', parts.join(''))];
			const result = search(indexOf(articles), query, {...SLOW_OK, limit: 1000});
			const words = foldForSearch(query).split(' ');
			for (const hit of result.hits) {
				if (hit.kind === 'fuzzy') continue;
				// A phrase hit has one range; a hit of all words apart has one range per word.
				// (A partial match, when no article holds every word, has some of the words.)
				const wanted = hit.ranges.length > 1 || result.partial ? words : [foldForSearch(query)];
				for (const [from, to] of hit.ranges) {
					const slice = foldForSearch(articles[0]!.text.slice(from, to));
					if (hit.kind === 'exact') assert.ok(wanted.includes(slice), `${slice} for ${query}`);
					else
						assert.ok(
							wanted.some((w) => removeThaiTones(slice).startsWith(removeThaiTones(w))),
							`${slice} for ${query}`,
						);
				}
				assert.deepEqual([hit.start, hit.end], hit.ranges[0]);
			}
		}),
		{numRuns: 200},
	);
});
