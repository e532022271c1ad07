import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {spawn} from 'node:child_process';
import {loadCorpus, openCorpus} from '../../source/corpus/index.js';
import {listJsonStream, listRecord, listTextStream} from '../../source/plain/list.js';
import {printJsonStream, printRecord, printTextStream} from '../../source/plain/print.js';
import {streamArticles, type ArticleStream} from '../../source/plain/stream.js';
import {safeJson} from '../../source/plain/json.js';
import {sanitizeInline} from '../../source/text/sanitize.js';
import {wrapArticle} from '../../source/layout/wrap.js';
import type {CorpusWarning} from '../../source/corpus/types.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SEEDS = path.join(ROOT, 'corpus');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function tempDir(t: {after: (f: () => void) => void}): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-stream-'));
	t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
	return dir;
}

/** A .jsonl of `count` records of about 2 KB each: many 1 MB chunks. */
function writeBig(file: string, count: number): void {
	const body = 'รัฐบาลประกาศมาตรการช่วยเหลือเกษตรกรในหลายจังหวัด '.repeat(14);
	fs.writeFileSync(file, Array.from({length: count}, (_, i) => JSON.stringify({id: `n${i}`, title: `ข่าวลำดับที่ ${i}`, date: '2024-03-01', body})).join('\n') + '\n');
}

async function streamed(root: string, format: ArticleStream): Promise<{out: string; warnings: CorpusWarning[]}> {
	let out = '';
	const warnings: CorpusWarning[] = [];
	await streamArticles(
		openCorpus(root),
		format,
		async (text) => ((out += text), true),
		(w) => warnings.push(w),
	);
	return {out, warnings};
}

test('streamed listings are byte for byte the whole corpus formatted at once', async (t) => {
	const dir = tempDir(t);
	fs.cpSync(SEEDS, dir, {recursive: true});
	writeBig(path.join(dir, 'feed.jsonl'), 40);
	fs.writeFileSync(path.join(dir, 'broken.jsonl'), '{"body": "เนื้อหา"}\nnot json\n');
	const {articles, warnings} = await loadCorpus(dir);
	const width = 64;
	const rule = '─'.repeat(60);
	const expected = {
		list: articles.map((a) => [sanitizeInline(a.id), a.date?.iso ?? '-', sanitizeInline(a.title)].join('\t')).join('\n') + '\n',
		listJson: safeJson(articles.map(listRecord)) + '\n',
		print:
			articles
				.map((a) =>
					wrapArticle(a, width)
						.map((l) => l.text.trimEnd())
						.join('\n'),
				)
				.join(`\n\n${rule}\n\n`) + '\n',
		printJson: safeJson({width, articles: articles.map((a) => printRecord(a, width))}) + '\n',
	};
	const list = await streamed(dir, listTextStream);
	assert.equal(list.out, expected.list);
	assert.deepEqual(list.warnings, warnings);
	assert.equal((await streamed(dir, listJsonStream)).out, expected.listJson);
	assert.equal((await streamed(dir, printTextStream(width))).out, expected.print);
	assert.equal((await streamed(dir, printJsonStream(width))).out, expected.printJson);
});

test('nothing is written for a corpus without articles', async (t) => {
	const dir = tempDir(t);
	fs.writeFileSync(path.join(dir, 'empty.txt'), '');
	const {out, warnings} = await streamed(dir, listJsonStream);
	assert.equal(out, '');
	assert.equal(warnings.length, 1);
});

test('output nobody reads any more stops the reading: a few chunks of a big .jsonl are read, not all', async (t) => {
	const dir = tempDir(t);
	const file = path.join(dir, 'big.jsonl');
	const count = 8_000; // about 16 MB, 16 chunks
	writeBig(file, count);
	const load = openCorpus(file);
	let writes = 0;
	const result = await streamArticles(
		load,
		listTextStream,
		async () => ++writes < 2,
		() => {},
	);
	assert.ok(result.stopped);
	await load.finished;
	assert.ok(load.articles.length < count / 4, `read ${load.articles.length} of ${count} articles after the output closed`);
});

test(
	'`khao --list | head -1` on a big file: the first line, then khao ends at once and quietly',
	{skip: fs.existsSync(CLI) ? false : 'dist/cli.js not built'},
	async (t) => {
		const dir = tempDir(t);
		const file = path.join(dir, 'big.jsonl');
		writeBig(file, 20_000); // about 40 MB: reading it all takes seconds
		const child = spawn(process.execPath, [CLI, file, '--list'], {stdio: ['ignore', 'pipe', 'pipe']});
		let err = '';
		child.stderr.on('data', (d: Buffer) => (err += d.toString()));
		const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
		child.stdout.destroy();
		const code = await new Promise<number | null>((resolve, reject) => {
			// Generous: a stuck khao would read on for the whole file, or hang forever.
			const timer = setTimeout(() => reject(new Error('khao did not end after its output closed')), 60_000);
			child.once('exit', (c) => {
				clearTimeout(timer);
				resolve(c);
			});
		});
		assert.match(first, /^.+big\.jsonl#n0\t2024-03-01\tข่าวลำดับที่ 0\n/);
		assert.equal(code, 0);
		assert.equal(err, '');
	},
);
