// The query language (words, "phrases", -excluded words, date: and cat: filters) and approximate
// matching (near spellings: each occurrence once, with the span of its word). Sentences and names
// here are made up for the tests.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {approximateSpans, maxErrors} from '../../source/search/approximate.js';
import {articleFilter} from '../../source/search/filters.js';
import {matchesInArticle} from '../../source/search/matches.js';
import {MAX_TERMS, parseDateBound, parseQuery} from '../../source/search/parse.js';
import {search} from '../../source/search/search.js';
import type {Article} from '../../source/corpus/types.js';
import {foldCompact, removeThaiTones} from '../../source/text/fold.js';
import {article, indexOf, SLOW_OK} from './helpers.js';

const filler = 'รายงานประจำสัปดาห์ของสำนักงานเขตเกี่ยวกับงานบริการประชาชนและการซ่อมแซมถนนในหมู่บ้าน ';
const far = filler.repeat(12);

function ids(articles: Article[], query: string): string[] {
	return search(indexOf(articles), query, SLOW_OK).hits.map((h) => h.articleId);
}

test('parseQuery: words, quoted phrases, excluded words and filters', () => {
	const parsed = parseQuery('ส้มโอ "ตลาดน้ำ ริมคลอง" -ทุเรียน date:2566-01..2566-06 cat:"ด้านเศรษฐกิจ" ไร่');
	assert.deepEqual(parsed.terms, [
		{text: 'ส้มโอ', quoted: false},
		{text: 'ตลาดน้ำ ริมคลอง', quoted: true},
		{text: 'ไร่', quoted: false},
	]);
	assert.deepEqual(parsed.excludes, ['ทุเรียน']);
	assert.deepEqual(parsed.filters, {since: '2023-01-01', until: '2023-06-30', category: 'ด้านเศรษฐกิจ'});
	assert.deepEqual(parsed.notes, []);
	// A code written with a space stays one word; a minus before a digit is no exclusion.
	assert.deepEqual(
		parseQuery('pm 2.5 -5').terms.map((t) => t.text),
		['pm 2.5', '-5'],
	);
	assert.match(parseQuery('date:เมื่อวาน ข่าว').notes[0]!, /date filter not understood/);
	assert.equal(parseDateBound('2024-02', true), '2024-02-29');
	assert.equal(parseDateBound('2567', false), '2024-01-01');
	assert.equal(parseDateBound('2024-13', false), undefined);
});

test('a pasted page is searched by its first words, and says so', () => {
	const page = Array.from({length: 3000}, (_, i) => `คำที่${i}`).join(' ');
	const parsed = parseQuery(page);
	assert.equal(parsed.terms.length, MAX_TERMS);
	assert.match(parsed.notes.join(' '), new RegExp(`first ${MAX_TERMS} words`));
});

test('several words are AND-ed over the whole article, in any order, closest together first', () => {
	const articles = [
		article('apart', `ชาวสวนส้มโอเริ่มเก็บผลผลิต ${far} ราคาที่ตลาดน้ำสูงขึ้น`),
		article('close', `${filler}ส้มโอจากตลาดน้ำขายดี ${filler}`),
		article('one', `${filler}ส้มโอหวานฉ่ำ ${filler}`),
	];
	assert.deepEqual(ids(articles, 'ตลาดน้ำ ส้มโอ'), ['close', 'apart']);
});

test('"…" is a phrase: the words side by side, as written', () => {
	const articles = [article('side', `${filler}มีตลาดน้ำ ริมคลองหลายแห่ง`), article('apart', `${filler}ตลาดน้ำ ${filler} ริมคลอง`)];
	assert.deepEqual(ids(articles, '"ตลาดน้ำ ริมคลอง"'), ['side']);
	assert.deepEqual(ids(articles, 'ตลาดน้ำ ริมคลอง').sort(), ['apart', 'side']);
});

test('-word leaves out the articles holding it, tone marks aside', () => {
	const articles = [article('a', `${filler}ส้มโอ และทุเรียน`), article('b', `${filler}ส้มโอ อย่างเดียว`)];
	assert.deepEqual(ids(articles, 'ส้มโอ -ทุเรียน'), ['b']);
	assert.deepEqual(ids(articles, 'ส้มโอ -ทุเรียน'.replace('ทุเรียน', 'ทุเรียน')), ['b']);
});

test('date: and cat: limit the articles searched', () => {
	const dated = (id: string, iso: string, category: string): Article => {
		const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
		return {...article(id, `${filler}ส้มโอ`), date: {year: y, month: m, day: d, iso, text: iso}, fields: {category}};
	};
	const articles = [dated('jan', '2023-01-15', 'เกษตร'), dated('jul', '2023-07-02', 'เกษตร'), dated('mar', '2023-03-09', 'การค้า'), article('none', `${filler}ส้มโอ`)];
	assert.deepEqual(ids(articles, 'ส้มโอ date:2566-01..2566-06').sort(), ['jan', 'mar']);
	assert.deepEqual(ids(articles, 'ส้มโอ cat:เกษตร').sort(), ['jan', 'jul']);
	assert.deepEqual(ids(articles, 'ส้มโอ date:2023-07'), ['jul']);
});

test('no article with every word: the best partial matches, said so', () => {
	const articles = [article('two', `${filler}ส้มโอ ตลาดน้ำ`), article('one', `${filler}ส้มโอ`), article('none', filler)];
	const result = search(indexOf(articles), 'ส้มโอ ตลาดน้ำ มะพร้าวน้ำหอม', SLOW_OK);
	assert.equal(result.partial, true);
	assert.deepEqual(
		result.hits.map((h) => h.articleId),
		['two', 'one'],
	);
	assert.equal(search(indexOf(articles), 'ส้มโอ ตลาดน้ำ', SLOW_OK).partial, false);
});

const compact = (s: string) => removeThaiTones(foldCompact(s), true);

test('approximate spans: the word that is there, never a letter late, no junk', () => {
	const pattern = compact('ทาจิกิสถาณ');
	const text = compact('ผู้แทนทาจิกิสถานครั้งนี้ และทาจิกิสถานสถาปนา ผลมาจากสถานการณ์');
	const spans = approximateSpans(text, 0, text.length, pattern, maxErrors(pattern.length));
	assert.deepEqual(
		spans.map((s) => text.slice(s.start, s.end)),
		[compact('ทาจิกิสถาน'), compact('ทาจิกิสถาน')],
	);
	// A Latin word is matched whole, not inside another.
	const latin = compact('a computing lab; Sorbin spoke');
	assert.deepEqual(
		approximateSpans(latin, 0, latin.length, 'sorbin', 1).map((s) => latin.slice(s.start, s.end)),
		['sorbin'],
	);
	assert.deepEqual(approximateSpans(latin, 0, latin.length, 'putin', 1), []);
});

test('a mistyped word finds every occurrence of the word meant, each once, in search and in the article', () => {
	const text = `${filler}คณะจากทาจิกิสถานเดินทางมา ${filler}\nทาจิกิสถานส่งออกฝ้าย ${filler}\nผลมาจากสถานการณ์ ${filler} ประชาชนทาจิกิสถาน`;
	const articles = [article('a', text), article('b', `${filler}เยือนทาจิกิสถาน`), article('c', `${filler}ผลมาจากสถานการณ์`)];
	const result = search(indexOf(articles), 'ทาจิกิสถาณ', {...SLOW_OK, limit: 100});
	assert.deepEqual([...new Set(result.hits.map((h) => h.articleId))].sort(), ['a', 'b']);
	for (const hit of result.hits) assert.equal(articles.find((x) => x.id === hit.articleId)!.text.slice(hit.start, hit.end), 'ทาจิกิสถาน');
	const matches = matchesInArticle(articles[0]!, 'ทาจิกิสถาณ');
	assert.deepEqual(
		matches.map((m) => text.slice(m.start, m.end)),
		['ทาจิกิสถาน', 'ทาจิกิสถาน', 'ทาจิกิสถาน'],
	);
});

test('several words, one mistyped: its near spelling stands in for it', () => {
	const articles = [article('a', `${filler}ทาจิกิสถานส่งออกฝ้าย ${filler}`), article('b', `${filler}ฝ้ายราคาดี`)];
	assert.deepEqual(ids(articles, 'ทาจิกิสถาณ ฝ้าย'), ['a']);
});

test('other spellings of the whole query (a name in another script) are looked for too', () => {
	const articles = [article('thai', `${filler}นายซอร์บินกล่าวว่า`), article('latin', `${filler}Mr Sorbin said`), article('other', filler)];
	const result = search(indexOf(articles), 'sorbin', {...SLOW_OK, alsoSpelled: ['ซอร์บิน']});
	assert.deepEqual(result.hits.map((h) => h.articleId).sort(), ['latin', 'thai']);
	assert.deepEqual(
		matchesInArticle(articles[0]!, 'sorbin', {alsoSpelled: ['ซอร์บิน']}).map((m) => articles[0]!.text.slice(m.start, m.end)),
		['ซอร์บิน'],
	);
});

test('a name in another script ranks above the query found inside a longer Latin word', () => {
	// `sorbin` inside "Absorbing" is a match of the letters, not of the name; the entity's Thai
	// spelling is the name itself, matched as spelled, so it is not a "matched only once folded" hit.
	const articles = [article('inside', `${filler}Absorbing Materials Lab`), article('thai', `${filler}นายซอร์บินกล่าวว่า`), article('other', filler)];
	const result = search(indexOf(articles), 'sorbin', {...SLOW_OK, alsoSpelled: ['ซอร์บิน']});
	assert.deepEqual(
		result.hits.map((h) => h.articleId),
		['thai', 'inside'],
	);
	// Its twin: the Latin name written as a word still comes first, as typed.
	const named = [...articles, article('latin', `${filler}Mr Sorbin said`)];
	assert.deepEqual(
		search(indexOf(named), 'sorbin', {...SLOW_OK, alsoSpelled: ['ซอร์บิน']}).hits.map((h) => h.articleId),
		['latin', 'thai', 'inside'],
	);
});

test('excluded words and filters are worked out only for the articles a search asks about', () => {
	const index = indexOf(Array.from({length: 30}, (_, i) => article(`a${i}`, `ข่าวที่ ${i} ${filler}`)));
	const segment = index.segments[0]!;
	let reads = 0;
	const folded = segment.folded;
	segment.folded = new Proxy(folded, {
		get(target, key, receiver) {
			if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
			return Reflect.get(target, key, receiver) as unknown;
		},
	});
	try {
		const filter = articleFilter(index.articles, {}, ['ก'])!;
		assert.equal(reads, 0);
		assert.equal(filter(segment, 3), false);
		assert.equal(filter(segment, 3), false);
		assert.equal(reads, 1);
		assert.equal(articleFilter(index.articles, {}, ['ฮฮฮฮ'])!(segment, 4), true);
	} finally {
		segment.folded = folded;
	}
});
