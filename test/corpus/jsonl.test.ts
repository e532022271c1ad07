import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {loadCorpus, openCorpus} from '../../source/corpus/load.js';
import {articlesFromJsonlText} from '../../source/corpus/read-file.js';
import {eagerArticle} from '../../source/corpus/article-store.js';
import {CHUNK_BYTES, jsonlFromBytes, streamJsonl} from '../../source/corpus/read-jsonl.js';
import {FIXTURES, encodeTis620, outline, tempDir, utf16le} from './helpers.js';

const BAD_LINES = path.join(FIXTURES, 'bad-lines.jsonl');

test('a .jsonl with bad lines: good records kept, bad ones reported once with line numbers', async () => {
	const {articles, warnings} = await loadCorpus(BAD_LINES);
	assert.deepEqual(
		articles.map((a) => a.id),
		[`${BAD_LINES}#a1`, `${BAD_LINES}#2`, `${BAD_LINES}#7`, `${BAD_LINES}#a1@8`],
	);
	assert.deepEqual(warnings, [
		{
			kind: 'bad-line',
			path: BAD_LINES,
			message: 'lines 3, 9: invalid JSON; line 4: not an object; line 5: no body (body, text or content)',
		},
	]);
	const [first, second, third] = articles;
	assert.equal(first!.format, 'jsonl');
	assert.equal(first!.title, 'ข่าวแรก');
	assert.equal(first!.text, 'ย่อหน้าหนึ่ง\nย่อหน้าสอง');
	assert.deepEqual(outline(first!), ['title: ข่าวแรก', 'meta: วันจันทร์ที่ 24 สิงหาคม 2563 · ทดสอบ · https://example.org/1', 'para: ย่อหน้าหนึ่ง', 'para: ย่อหน้าสอง']);
	assert.equal(first!.date?.iso, '2020-08-24');
	assert.equal(first!.date?.text, 'วันจันทร์ที่ 24 สิงหาคม 2563');
	assert.equal(first!.source, 'https://example.org/1');
	assert.deepEqual(first!.fields, {category: 'ทดสอบ'});
	assert.equal(second!.title, 'ข่าวสอง');
	assert.equal(second!.source, 'Example');
	assert.equal(second!.text, 'เนื้อหาข่าวสอง');
	assert.ok(third!.title.endsWith('…') && third!.title.startsWith('ข่าวที่ไม่มีชื่อเรื่อง'), 'a title made from the body');
	assert.ok(
		third!.blocks.every((b) => b.kind !== 'title'),
		'no synthetic title block for a made title',
	);
	assert.deepEqual(third!.blocks[0], {kind: 'meta', spans: [{synthetic: 'sometime'}]}, 'an unreadable date still shows');
	assert.equal(third!.date, undefined);
	assert.deepEqual(third!.fields, {date: 'sometime'}, 'an unreadable date is still shown as a field');
});

test('the whole-text path (stdin, UTF-16) gives the same articles as the stream', async () => {
	const streamed = await loadCorpus(BAD_LINES);
	const whole = articlesFromJsonlText(fs.readFileSync(BAD_LINES, 'utf8'), BAD_LINES);
	assert.deepEqual(whole.articles, streamed.articles.map(eagerArticle));
	assert.deepEqual(whole.warnings, streamed.warnings);
});

test('one bad line: the warning path names the line; many: "(+N more)"', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	const one = path.join(dir, 'one.jsonl');
	fs.writeFileSync(one, '{"body": "ok"}\n{oops\n');
	assert.deepEqual((await loadCorpus(one)).warnings, [{kind: 'bad-line', path: `${one}:2`, message: 'line 2: invalid JSON'}]);
	const many = path.join(dir, 'many.jsonl');
	fs.writeFileSync(many, Array.from({length: 12}, (_, i) => (i === 0 ? '{"body": "ok"}' : `bad ${i}`)).join('\n'));
	assert.equal((await loadCorpus(many)).warnings[0]!.message, 'lines 2, 3, 4, 5, 6 (+6 more): invalid JSON');
});

test('records cut by chunk boundaries, multibyte characters across them, CRLF and a BOM', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	const file = path.join(dir, 'big.jsonl');
	const records = [];
	let size = 3;
	for (let i = 0; size < CHUNK_BYTES * 2.5; i++) {
		// Odd lengths of 3-byte Thai characters make chunk ends fall inside characters.
		const record = {id: `r${i}`, title: `เรื่อง ${i}`, body: 'ก่'.repeat(1 + ((i * 7919) % 5000)) + `\nบรรทัด ${i}`};
		records.push(record);
		size += Buffer.byteLength(JSON.stringify(record)) + 2;
	}
	fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(records.map((r) => JSON.stringify(r)).join('\r\n') + '\r\n')]));
	const {articles, warnings} = await loadCorpus(file);
	assert.deepEqual(warnings, []);
	assert.equal(articles.length, records.length);
	for (let i = 0; i < records.length; i++) {
		assert.equal(articles[i]!.text, records[i]!.body, `record ${i}`);
		assert.equal(articles[i]!.id, `${file}#r${i}`);
	}
});

test('lines in TIS-620 and lines with invalid bytes inside a UTF-8 .jsonl', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	const file = path.join(dir, 'mixed.jsonl');
	fs.writeFileSync(
		file,
		Buffer.concat([
			Buffer.from('{"body": "ยูทีเอฟแปด"}\n'),
			encodeTis620('{"body": "ภาษาไทยแบบเก่า"}\n'),
			Buffer.from('{"body": "bad '),
			Buffer.from([0xff, 0xfe, 0x41]),
			Buffer.from('"}\n'),
		]),
	);
	const {articles, warnings} = await loadCorpus(file);
	assert.deepEqual(
		articles.map((a) => a.text),
		['ยูทีเอฟแปด', 'ภาษาไทยแบบเก่า', 'bad \uFFFD\uFFFDA'],
	);
	assert.deepEqual(warnings, [{kind: 'invalid-bytes', path: `${file}:3`, message: 'line 3: invalid UTF-8 bytes shown as U+FFFD'}]);
});

test('a UTF-16 .jsonl, and empty or blank .jsonl files', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	const wide = path.join(dir, 'wide.jsonl');
	fs.writeFileSync(wide, utf16le('{"title": "หนึ่ง", "body": "หนึ่ง"}\n{"body": "สอง"}\n'));
	assert.deepEqual(
		(await loadCorpus(wide)).articles.map((a) => a.text),
		['หนึ่ง', 'สอง'],
	);
	const empty = path.join(dir, 'empty.jsonl');
	fs.writeFileSync(empty, '');
	assert.deepEqual(await loadCorpus(empty), {articles: [], warnings: [{kind: 'empty', path: empty, message: 'empty file'}]});
	const blank = path.join(dir, 'blank.jsonl');
	fs.writeFileSync(blank, '\n  \r\n\n');
	assert.deepEqual((await loadCorpus(blank)).warnings, [{kind: 'empty', path: blank, message: 'only whitespace'}]);
});

test('incremental loading: ready comes with the first chunk, the rest follows in batches', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	const file = path.join(dir, 'many.jsonl');
	const line = (i: number) => JSON.stringify({id: i, title: `ข่าว ${i}`, body: 'เนื้อหาข่าว '.repeat(200)});
	const count = Math.ceil((CHUNK_BYTES * 3) / Buffer.byteLength(line(0)));
	fs.writeFileSync(file, Array.from({length: count}, (_, i) => line(i)).join('\n'));
	const corpus = openCorpus(file);
	let updates = 0;
	let doneSeenByListener = false;
	corpus.onUpdate(() => {
		updates++;
		doneSeenByListener ||= corpus.done;
	});
	await corpus.ready;
	assert.ok(corpus.articles.length >= 50, `ready with ${corpus.articles.length}`);
	assert.ok(corpus.articles.length < count, 'ready does not wait for the whole file');
	assert.equal(corpus.done, false);
	await corpus.finished;
	assert.equal(corpus.done, true);
	assert.equal(corpus.articles.length, count);
	assert.ok(updates >= 3, `${updates} updates`);
	assert.ok(doneSeenByListener, 'the last update comes after done');
	assert.deepEqual(
		corpus.articles.map((a) => a.id),
		Array.from({length: count}, (_, i) => `${file}#${i}`),
	);
});

test('a line longer than the line bound is one bad line: reported, skipped without being held, the rest kept', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	const file = path.join(dir, 'long.jsonl');
	const record = (id: string) => JSON.stringify({id, title: `T ${id}`, body: 'B'});
	const long = JSON.stringify({id: 'huge', body: 'ก'.repeat(3 * CHUNK_BYTES)}); // spans several read chunks
	fs.writeFileSync(file, [record('a'), long, record('b'), long].join('\n'));
	const articles: string[] = [];
	const sink = {add: (batch: {id: string}[]) => articles.push(...batch.map((a) => a.id)), pause: async () => {}};
	const warnings = await streamJsonl(file, sink, file, {maxLineBytes: CHUNK_BYTES});
	assert.deepEqual(articles, [`${file}#a`, `${file}#b`]);
	assert.deepEqual(warnings, [{kind: 'bad-line', path: file, message: 'lines 2, 4: longer than 1 MiB, not read'}]);
	// The same from bytes in memory (standard input).
	const fromStdin: string[] = [];
	const stdinWarnings = await jsonlFromBytes(
		fs.readFileSync(file),
		'-',
		{add: (batch) => fromStdin.push(...batch.map((a) => a.id)), pause: async () => {}},
		{maxLineBytes: CHUNK_BYTES},
	);
	assert.deepEqual(fromStdin, ['-#a', '-#b']);
	assert.equal(stdinWarnings[0]!.message, 'lines 2, 4: longer than 1 MiB, not read');
});
