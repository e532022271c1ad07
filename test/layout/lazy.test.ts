import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Line} from '../../source/layout/types.js';
import {LazyWrap} from '../../source/layout/lazy.js';
import {lineAt, wrapArticle} from '../../source/layout/wrap.js';
import {parseMarkdown} from '../../source/corpus/parse-markdown.js';
import {parseText} from '../../source/corpus/parse-text.js';
import {checkLines, makeArticle} from './helpers.js';
import {bigThaiText} from '../reliability/big-text.js';
import {StoredArticle} from '../../source/corpus/article-store.js';

const shape = (l: Line) => ({text: l.text, width: l.width, start: l.start, end: l.end, kind: l.kind, block: l.block, lead: l.lead});

const markdown = [
	'# หัวข้อข่าวทดสอบ',
	'',
	bigThaiText(300, 'one', 2).trim(),
	'',
	'- รายการแรกที่ค่อนข้างยาวพอจะขึ้นบรรทัดใหม่เมื่อจอแคบ',
	'- รายการที่สอง',
	'',
	'> คำพูดที่ยกมาจากผู้ให้สัมภาษณ์ซึ่งยาวกว่าหนึ่งบรรทัดแน่นอน',
	'',
	'---',
	'',
	'```',
	'code line one',
	'',
	'code line three',
	'```',
	'',
	bigThaiText(500, 'many', 3).trim(),
].join('\n');

test('pieces of whole blocks wrapped in order give exactly the whole-article lines', () => {
	const article = parseMarkdown(markdown, 'a.md');
	for (const width of [12, 30, 77]) {
		for (const pieceChars of [400, 1_000, 100_000]) {
			const lazy = new LazyWrap(article, width, pieceChars);
			assert.deepEqual(lazy.all().map(shape), wrapArticle(article, width).map(shape), `width ${width}, pieces of ${pieceChars}`);
			assert.ok(lazy.exact);
		}
	}
});

test('pieces wrapped out of order (long blocks cut too) give the lines of an in-order wrap, in order', () => {
	const article = parseMarkdown(markdown, 'a.md');
	const inOrder = new LazyWrap(article, 30, 64).all();
	const lazy = new LazyWrap(article, 30, 64);
	// The end first (G), then the middle, then the rest.
	lazy.settle(lazy.length, 10, 0);
	lazy.at(Math.floor(lazy.length / 2));
	const lines = lazy.all();
	assert.deepEqual(
		lines.map((l) => [l.text, l.kind, l.block]),
		inOrder.map((l) => [l.text, l.kind, l.block]),
	);
	for (let i = 1; i < lines.length; i++)
		assert.ok(lines[i]!.start >= lines[i - 1]!.end || lines[i]!.start === lines[i]!.end, `line ${i} starts before the one above ends`);
});

test('a long paragraph with line breaks is cut at them: same lines as the whole wrap', () => {
	const text = Array.from({length: 40}, (_, i) => bigThaiText(150, 'one', i + 1).trim()).join('\n');
	const article = makeArticle([['para', text]]);
	const lazy = new LazyWrap(article, 25, 400);
	assert.deepEqual(lazy.all().map(shape), wrapArticle(article, 25).map(shape));
});

test('one long paragraph without line breaks: every line is valid and nothing but spaces is lost between pieces', () => {
	const text = bigThaiText(6_000, 'one', 7);
	const article = parseText(text, 'a.txt');
	for (const width of [9, 40]) {
		const lazy = new LazyWrap(article, width, 300);
		const lines = lazy.all();
		checkLines(
			article.text,
			lines.filter((l) => l.kind !== 'title'),
			width,
		);
	}
});

test('a line is found by offset as in the whole wrap, wrapping only the pieces it needs', () => {
	const article = makeArticle(Array.from({length: 300}, (_, i) => ['para', bigThaiText(200, 'one', i + 1).trim()] as ['para', string]));
	const eager = wrapArticle(article, 33);
	const lazy = new LazyWrap(article, 33, 1_000);
	for (const offset of [0, 5, 1000, 31_000, article.text.length - 1]) {
		const fresh = new LazyWrap(article, 33, 1_000);
		const i = fresh.lineAt(offset);
		assert.deepEqual(shape(fresh.at(i)!), shape(eager[lineAt(eager, offset)]!), `offset ${offset}`);
		assert.ok(fresh.piecesWrapped <= 2, `offset ${offset} wrapped ${fresh.piecesWrapped} pieces`);
	}
	lazy.all();
	assert.equal(lazy.lineAt(article.text.length), eager.length - 1);
});

test('settle: the first screen and G wrap a few pieces; G stays at the end when the estimate was wrong', () => {
	const article = parseText(bigThaiText(2_000_000, 'many', 5), 'big.txt');
	const lazy = new LazyWrap(article, 60);
	const top = lazy.settle(0, 28);
	assert.equal(top, 0);
	const first = lazy.piecesWrapped;
	assert.ok(first <= 3, `first screen wrapped ${first} pieces`);
	assert.ok(!lazy.exact);
	const end = lazy.settle(lazy.length - 28, 28);
	assert.equal(end, lazy.length - 28, 'at the end');
	assert.equal(lazy.slice(end, end + 28).length, 28);
	assert.equal(lazy.at(lazy.length - 1)!.end, article.text.trimEnd().length);
	assert.ok(lazy.piecesWrapped - first <= 4, `G wrapped ${lazy.piecesWrapped - first} pieces`);
	// A page up from the end shows the lines just above: the wrap of the piece before keeps them in place.
	const above = lazy.settle(end - 28, 28);
	assert.equal(lazy.at(above + 28)!.start, lazy.at(end)!.start);
});

test('an empty article has no lines, and settle and lineAt say so', () => {
	const lazy = new LazyWrap(makeArticle([]), 40);
	assert.equal(lazy.length, 0);
	assert.equal(lazy.settle(5, 10), 0);
	assert.equal(lazy.lineAt(3), -1);
	assert.equal(lazy.at(0), undefined);
});

test('names no line may break inside are handed to each piece: the same lines as the whole wrap', () => {
	const article = makeArticle(Array.from({length: 60}, (_, i) => ['para', bigThaiText(250, 'one', i + 11).trim()] as ['para', string]));
	// Every occurrence of two words, as the entity index would give them (and out of order).
	const names: {start: number; end: number}[] = [];
	for (const word of ['โรงพยาบาลชุมชน', 'คณะกรรมการหมู่บ้าน']) {
		for (let at = article.text.indexOf(word); at !== -1; at = article.text.indexOf(word, at + 1)) names.push({start: at, end: at + word.length});
	}
	assert.ok(names.length > 20);
	for (const width of [11, 16]) {
		const lazy = new LazyWrap(article, width, 600, names);
		assert.deepEqual(lazy.all().map(shape), wrapArticle(article, width, names).map(shape), `width ${width}`);
	}
});

test('an article whose body is read on demand (StoredArticle) wraps in pieces exactly as the same article in memory', () => {
	const article = parseMarkdown(markdown, 'a.md');
	// Its body only through the prototype's getters, as a listed article's: a copy by spreading has none.
	const stored = new StoredArticle({id: article.id, path: article.path, format: article.format, title: article.title}, article.text.length, {
		kind: 'memory',
		text: article.text,
		blocks: article.blocks,
	});
	const lazy = new LazyWrap(stored, 30, 400);
	assert.deepEqual(lazy.all().map(shape), wrapArticle(article, 30).map(shape));
});
