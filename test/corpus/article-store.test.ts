import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {loadCorpus} from '../../source/corpus/index.js';
import {discoverFiles} from '../../source/corpus/discover.js';
import {articlesFromBytes} from '../../source/corpus/read-file.js';
import {bodyCacheStats, eagerArticle, locatorOf, readArticleBody, setBodyCacheLimits, StoredArticle, textLengthOf} from '../../source/corpus/article-store.js';
import type {Article} from '../../source/corpus/types.js';
import {encodeTis620, FIXTURES, tempDir, utf16le} from './helpers.js';

const SEEDS = path.join(import.meta.dirname, '..', '..', 'corpus');
const THAIGOV = path.join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'thaigov-2k.jsonl');

/** Every file of `root` parsed whole in memory, the way khao read articles before bodies were lazy. */
async function eagerly(root: string): Promise<Article[]> {
	const stats = fs.statSync(root);
	const files = stats.isDirectory() ? (await discoverFiles(root)).files : [{path: root, kind: 'jsonl' as const}];
	return files.flatMap((file) => articlesFromBytes(fs.readFileSync(file.path), file.path, file.kind).articles);
}

async function assertLazyEqualsEager(root: string): Promise<number> {
	setBodyCacheLimits({bodies: 4, chars: 1_000_000});
	try {
		const lazy = (await loadCorpus(root)).articles;
		const eager = await eagerly(root);
		assert.equal(lazy.length, eager.length);
		for (const [i, article] of lazy.entries()) {
			assert.deepEqual(eagerArticle(article), eager[i], `article ${i} (${article.id})`);
			assert.equal(textLengthOf(article), eager[i]!.text.length);
		}
		return lazy.filter((a) => a instanceof StoredArticle).length;
	} finally {
		setBodyCacheLimits();
	}
}

function writeMixedFolder(dir: string): void {
	const para = 'รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกร ผู้ว่าราชการจังหวัดลงพื้นที่ตรวจเยี่ยม';
	fs.writeFileSync(path.join(dir, 'legacy.txt'), encodeTis620(`ข่าวเก่า\n\n${para}\n\nวันที่ 3 มีนาคม 2565\n`));
	fs.writeFileSync(path.join(dir, 'notes'), `บันทึกไม่มีนามสกุล\n${para}\n`);
	fs.writeFileSync(path.join(dir, 'story.md'), `---\ntitle: เรื่องเล่า\ndate: 2024-02-01\n---\n# หัวข้อ\n\n**${para}** [ลิงก์](https://example.org)\n\n- ข้อหนึ่ง\n- ข้อสอง\n`);
	const records = Array.from({length: 40}, (_, i) =>
		JSON.stringify({
			id: i % 7 === 0 ? 'dup' : `r${i}`,
			title: i % 5 === 0 ? undefined : `เรื่องที่ ${i}`,
			date: '2024-05-0' + (1 + (i % 9)),
			body: `${para} ครั้งที่ ${i}\n\x1b[31mสี\x1b[0m ${'ต่อ'.repeat(i)}`,
			category: 'ทดสอบ',
		}),
	);
	// A BOM, CRLF line ends and a blank line: the byte ranges must still fall on the records.
	fs.writeFileSync(path.join(dir, 'records.jsonl'), '\ufeff' + records.slice(0, 20).join('\r\n') + '\r\n\r\n' + records.slice(20).join('\n'));
	fs.writeFileSync(path.join(dir, 'legacy.jsonl'), encodeTis620(`{"title": "ข่าวหนึ่ง", "body": "${'เนื้อหาภาษาไทย '.repeat(3)}"}\n{"body": "ไม่มีหัวเรื่อง แต่มีเนื้อหา"}\n`));
	fs.writeFileSync(path.join(dir, 'wide.jsonl'), utf16le('{"title": "สิบหก", "body": "เนื้อหา"}\n'));
}

test('lazy bodies equal the bodies parsed in memory: .txt (Windows-874 too), .md, no extension, .jsonl (BOM, CRLF, TIS-620, UTF-16)', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	writeMixedFolder(dir);
	const stored = await assertLazyEqualsEager(dir);
	// All but the UTF-16 record (decoded whole, kept in memory) keep only a locator.
	assert.equal(stored, 3 + 40 + 2);
	assert.ok((await assertLazyEqualsEager(SEEDS)) >= 5);
	await assertLazyEqualsEager(FIXTURES);
});

test('lazy bodies equal eager ones on thaigov-2k', {skip: fs.existsSync(THAIGOV) ? false : `${THAIGOV} is absent`}, async () => {
	assert.equal(await assertLazyEqualsEager(THAIGOV), 2000);
});

test('a locator is plain data: cloned (as postMessage does), it reads the same body', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	writeMixedFolder(dir);
	for (const article of (await loadCorpus(dir)).articles) {
		const clone = structuredClone(locatorOf(article));
		const body = readArticleBody(clone);
		assert.equal(body.problem, undefined);
		assert.equal(body.text, article.text);
		assert.deepEqual(body.blocks, article.blocks);
	}
});

test('a file changed, rewritten or removed after listing: one clear line, never its new text', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	const file = path.join(dir, 'news.jsonl');
	const record = (body: string) => JSON.stringify({title: 'หัวข่าว', body});
	fs.writeFileSync(file, [record('เนื้อหาเดิมข้อหนึ่ง'), record('เนื้อหาเดิมข้อสอง')].join('\n') + '\n');
	const txt = path.join(dir, 'note.txt');
	fs.writeFileSync(txt, 'บันทึก\nข้อความเดิม\n');
	setBodyCacheLimits();
	t.after(() => setBodyCacheLimits());
	const [first, second, note] = (await loadCorpus(dir)).articles as StoredArticle[];
	assert.equal(first!.text, 'เนื้อหาเดิมข้อหนึ่ง');
	setBodyCacheLimits();

	// Same length, other bytes, a later mtime: the stamp says it is not the listed file.
	fs.writeFileSync(file, [record('เนื้อหาใหม่ข้อหนึ่ง'), record('เนื้อหาใหม่ข้อสอง')].join('\n') + '\n');
	fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
	assert.equal(second!.text, '');
	assert.match(second!.problem!, /news\.jsonl changed since khao listed it; open it again/);
	assert.deepEqual(second!.blocks, [
		{kind: 'title', spans: [{synthetic: 'หัวข่าว'}]},
		{kind: 'meta', spans: [{synthetic: second!.problem}]},
	]);

	fs.rmSync(txt);
	assert.equal(note!.text, '');
	assert.match(note!.problem!, /note\.txt is gone \(deleted or moved\)/);
});

test('the body cache holds at most its bounds, and reads only on a miss', async (t) => {
	const {dir, cleanup} = tempDir();
	t.after(cleanup);
	const file = path.join(dir, 'many.jsonl');
	fs.writeFileSync(file, Array.from({length: 50}, (_, i) => JSON.stringify({title: `เรื่อง ${i}`, body: `เนื้อหา ${'ก'.repeat(i * 10)}`})).join('\n'));
	const {articles} = await loadCorpus(file);
	t.after(() => setBodyCacheLimits());

	setBodyCacheLimits({bodies: 5, chars: 1_000_000});
	// The listing knows every text's length: asking for it reads no body (the UI asks it of all).
	const lengths = articles.map(textLengthOf);
	assert.equal(bodyCacheStats().reads, 0);
	const before = bodyCacheStats().reads;
	for (const [i, article] of articles.entries()) {
		assert.ok(article.text.startsWith('เนื้อหา'));
		assert.equal(article.text.length, lengths[i]);
	}
	assert.equal(bodyCacheStats().bodies, 5);
	assert.equal(bodyCacheStats().reads - before, 50);
	// The last five are cached: reading them again reads nothing.
	for (const article of articles.slice(-5)) void article.blocks;
	assert.equal(bodyCacheStats().reads - before, 50);

	// A bound on characters: only what fits stays, but always the latest body, however long.
	setBodyCacheLimits({bodies: 100, chars: 100});
	for (const article of articles) void article.text;
	assert.ok(bodyCacheStats().chars <= articles.at(-1)!.text.length);
	assert.equal(bodyCacheStats().bodies, 1);
});

test('a stored article holds its metadata and locator only: the body is behind getters on the prototype, read when asked for', () => {
	const locator = {kind: 'memory' as const, text: 'เนื้อความของข่าวทดสอบ', blocks: [{kind: 'para' as const, spans: [{start: 0, end: 21}]}]};
	const article = new StoredArticle({id: 'x#1', path: 'x', format: 'jsonl', title: 'หัวเรื่อง'}, locator.text.length, locator);
	assert.deepEqual(Object.keys(article).sort(), ['format', 'id', 'locator', 'path', 'textLength', 'title']);
	for (const name of ['text', 'blocks', 'problem']) assert.equal(Object.getOwnPropertyDescriptor(article, name), undefined, name);
	assert.equal(article.text, locator.text);
	assert.equal(article.blocks, locator.blocks);
	assert.equal(textLengthOf(article), locator.text.length);
});
