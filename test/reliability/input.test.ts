// Reliability of the input side (issue 12): hostile article text, endless or huge input, odd files
// and folders. Each case asserts the outcome (what is kept, what is reported, the exit code) and
// that it ends: timings are bounds an order of magnitude above what the fixed code needs, far below
// what the quadratic or hanging code took, so they cannot flake on a busy machine.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseMarkdown} from '../../source/corpus/parse-markdown.js';
import {parseText} from '../../source/corpus/parse-text.js';
import {sniffFormat} from '../../source/corpus/stdin.js';
import {inlineSpans} from '../../source/corpus/markdown-inline.js';
import {articleFromRecord} from '../../source/corpus/parse-jsonl.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
let dir = '';

// Anything a terminal would act on: ESC, BEL, BS, CR, C1 controls, bidi overrides and isolates.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

before(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-input-'));
});
after(() => {
	// Folders made unsearchable by a test must be searchable again to be removed.
	spawnSync('chmod', ['-R', 'u+rwx', dir]);
	fs.rmSync(dir, {recursive: true, force: true});
});

function khao(args: string[], options: {input?: string | Buffer; env?: Record<string, string>; timeout?: number} = {}) {
	const r = spawnSync(process.execPath, [cli, ...args], {
		cwd: dir,
		input: options.input,
		encoding: 'utf8',
		timeout: options.timeout ?? 60_000,
		env: {...process.env, NO_COLOR: '1', KHAO_CACHE_DIR: path.join(dir, 'cache'), ...options.env},
	});
	return {code: r.status, out: r.stdout, err: r.stderr, signal: r.signal};
}

/** Runs `work` and returns how long it took, in milliseconds. */
function timed(work: () => unknown): number {
	const start = performance.now();
	work();
	return performance.now() - start;
}

// ~200 KB of each pattern that used to backtrack quadratically (17 s for the front matter line).
const HOSTILE = 200_000;
const BOUND_MS = 3_000;
const spacesAndTabs = (n: number) => ' \t'.repeat(n / 2);

test('item 2: a front-matter value with a long run of spaces and tabs is read in linear time', () => {
	const text = `---\ntitle: ต้น${spacesAndTabs(HOSTILE)}ปลาย\n---\nเนื้อความ\n`;
	let title = '';
	assert.ok(timed(() => (title = parseMarkdown(text, 'f.md').title)) < BOUND_MS);
	assert.ok(title.startsWith('ต้น') && title.endsWith('ปลาย'));
});

test('item 2: a heading with a long run of spaces before its end, and a closing run of #s', () => {
	const text = `# หัวเรื่อง${spacesAndTabs(HOSTILE)}ท้าย\n\n## หัวรอง ##\n`;
	let article!: ReturnType<typeof parseMarkdown>;
	assert.ok(timed(() => (article = parseMarkdown(text, 'h.md'))) < BOUND_MS);
	const heading = article.blocks[1]!;
	const span = heading.spans[0]!;
	assert.ok('start' in span);
	assert.equal(article.text.slice(span.start, span.end), 'หัวรอง');
});

test('item 2: a line of spaces (and a near-table row) is not a quadratic table-delimiter check', () => {
	const text = `ย่อหน้า\n${' '.repeat(HOSTILE)}x\n|${'--|'.repeat(HOSTILE / 3)}x\n| --- | :--: |\nท้าย\n`;
	let article!: ReturnType<typeof parseMarkdown>;
	assert.ok(timed(() => (article = parseMarkdown(text, 't.md'))) < BOUND_MS);
	// The real delimiter row is markup (not shown); the near-miss row is text.
	const shown = article.blocks.map((b) => b.spans.map((s) => ('start' in s ? article.text.slice(s.start, s.end) : s.synthetic)).join(''));
	assert.ok(!shown.some((s) => s.includes(":--:")));
	assert.ok(shown.some((s) => s.includes('--|--')));
});

test('item 2: sniffing stdin over a long line of `](` and unclosed front matter stays linear', () => {
	let kind = '';
	assert.ok(timed(() => (kind = sniffFormat('a' + '](b'.repeat(HOSTILE / 3)))) < BOUND_MS);
	assert.equal(kind, 'txt');
	assert.equal(sniffFormat('ดูที่ [ลิงก์](https://example.org/x) นี้'), 'md');
	assert.equal(sniffFormat('---\n' + 'k: v\n'.repeat(HOSTILE / 5)), 'txt'); // never closed: not front matter
});

test('item 2: emphasis openers of one character and closers of another pair in linear time', () => {
	const text = '_ก '.repeat(HOSTILE / 6) + 'ข* '.repeat(HOSTILE / 6);
	assert.ok(timed(() => inlineSpans(text, 0, text.length)) < BOUND_MS);
	// Pairing is unchanged: a closer pairs with the nearest opener of its character.
	const s = '*ก _ข_ ค*';
	const spans = inlineSpans(s, 0, s.length);
	assert.equal(spans.map((x) => ('start' in x ? s.slice(x.start, x.end) : '')).join(''), 'ก ข ค');
});

test('item 2: link destinations followed by long runs of spaces', () => {
	const text = ('[ก](' + ' '.repeat(2000) + ')').repeat(HOSTILE / 2004) + ' [ข](/u "ชื่อ")';
	let spans!: ReturnType<typeof inlineSpans>;
	assert.ok(timed(() => (spans = inlineSpans(text, 0, text.length))) < BOUND_MS);
	assert.ok(spans.map((x) => ('start' in x ? text.slice(x.start, x.end) : '')).join('').endsWith(' ข'));
});

test('item 2: a .jsonl date field of a megabyte is looked at only where a date can be', () => {
	const line = JSON.stringify({title: 'ท', body: 'ข', date: '4 ก.ค. 2567 ' + '1'.repeat(1 << 20)});
	let result!: ReturnType<typeof articleFromRecord>;
	assert.ok(timed(() => (result = articleFromRecord(line, 'd.jsonl', 1))) < BOUND_MS);
	assert.ok('article' in result && result.article.date?.iso === '2024-07-04');
});

test('item 2: plain text with hostile runs (spaces, source labels, dates) stays linear', () => {
	const text = `ที่มา ${' '.repeat(HOSTILE)}x\n${'1'.repeat(HOSTILE)} ก.ค. ${'2'.repeat(HOSTILE)}\n${'1:11'.repeat(HOSTILE / 4)}\n`;
	assert.ok(timed(() => parseText(text, 'p.txt')) < BOUND_MS);
});

// CLI cases need the built CLI (npm test builds it first).
const built = fs.existsSync(cli) ? false : 'dist/cli.js not built (npm run build)';

test('item 2: stdin with a hostile front-matter line is listed quickly, through the CLI', {skip: built}, () => {
	const input = `---\ntitle: ต้น${spacesAndTabs(HOSTILE)}ปลาย\n---\nเนื้อความ\n`;
	const r = khao(['-', '--list'], {input, timeout: 30_000});
	assert.equal(r.code, 0, r.err);
	assert.match(r.out, /ต้น/);
	assert.doesNotMatch(r.out + r.err, UNSAFE);
});

test('item 13: a one-line Windows-874 file with curly quotes and a dash is read as Windows-874, without U+FFFD', {skip: built}, () => {
	const file = path.join(dir, 'short-874.txt');
	fs.writeFileSync(file, Buffer.concat([Buffer.from([0x93]), Buffer.from('Short note'), Buffer.from([0x94, 0x20, 0x96, 0x20]), Buffer.from('fine')]));
	const r = khao([file, '--print']);
	assert.equal(r.code, 0, r.err);
	assert.match(r.out, /\u201cShort note\u201d \u2013 fine/);
	assert.doesNotMatch(r.out + r.err, /\uFFFD|invalid/);
});

test('item 17: text inside escape-sequence payloads is neither searched nor taken for an entity', {skip: built}, () => {
	const folder = path.join(dir, 'payloads');
	fs.mkdirSync(folder);
	// Names that would be entities and words that would be found, all inside payloads that are never shown.
	const hidden = '\u001b]0;Hidden Person Vexmoor\u0007\u001bP+q Zanthor Institute\u001b\\\u001b_Quillby Agency\u001b\\\u009d2;Plumtree Ministry\u009c';
	fs.writeFileSync(path.join(folder, 'a.txt'), `A visible headline\n\n${hidden}The visible body mentions Orla Brightwater of the Kestrel Foundation.\n`);
	fs.writeFileSync(path.join(folder, 'b.jsonl'), JSON.stringify({title: 'Another', body: `${hidden}Orla Brightwater spoke again.`}) + '\n');
	for (const word of ['Vexmoor', 'Zanthor', 'Quillby', 'Plumtree']) {
		const r = khao([folder, '--search', word, '--json']);
		assert.equal(r.code, 0, r.err);
		assert.deepEqual(JSON.parse(r.out).hits, [], `${word} is not searchable`);
	}
	const found = khao([folder, '--search', 'Brightwater']);
	assert.equal(found.code, 0, found.err);
	assert.match(found.out, /Brightwater/);
	const entities = khao([folder, '--entities', '--json']);
	assert.equal(entities.code, 0, entities.err);
	assert.doesNotMatch(entities.out, /Vexmoor|Zanthor|Quillby|Plumtree/);
	assert.doesNotMatch(entities.out + entities.err + found.out + found.err, UNSAFE);
	const printed = khao([folder, '--print']);
	assert.doesNotMatch(printed.out, /Vexmoor|Zanthor|Quillby|Plumtree/);
});
