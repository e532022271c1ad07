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
import {openCorpus} from '../../source/corpus/load.js';
import {BackgroundIndexer} from '../../source/ui/background.js';
import {loadEntityCorrections} from '../../source/entities/corrections.js';

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
	spawnSync('rm', ['-rf', dir]);
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
	assert.ok(!shown.some((s) => s.includes(':--:')));
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

test('item 2: a line full of `<!--` openers finds comment ends without reading ahead at each', () => {
	const text = '<!--'.repeat(HOSTILE) + ' <!-- note --> after';
	let spans!: ReturnType<typeof inlineSpans>;
	assert.ok(timed(() => (spans = inlineSpans(text, 0, text.length))) < BOUND_MS);
	assert.ok(
		spans
			.map((x) => ('start' in x ? text.slice(x.start, x.end) : ''))
			.join('')
			.endsWith(' after'),
	);
});

test('item 2: link destinations followed by long runs of spaces', () => {
	const text = ('[ก](' + ' '.repeat(2000) + ')').repeat(HOSTILE / 2004) + ' [ข](/u "ชื่อ")';
	let spans!: ReturnType<typeof inlineSpans>;
	assert.ok(timed(() => (spans = inlineSpans(text, 0, text.length))) < BOUND_MS);
	// The link's text, then its target shown after it (a synthetic space, then the URL).
	assert.ok(
		spans
			.map((x) => ('start' in x ? text.slice(x.start, x.end) : x.synthetic))
			.join('')
			.endsWith(' ข /u'),
	);
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

/** Runs khao as an unprivileged user when the tests run as root (root ignores permissions). */
function asUser(): {uid?: number; gid?: number} {
	return process.getuid?.() === 0 ? {uid: 65534, gid: 65534} : {};
}

function khaoAs(args: string[]) {
	const r = spawnSync(process.execPath, [cli, ...args], {
		cwd: dir,
		encoding: 'utf8',
		timeout: 60_000,
		env: {...process.env, NO_COLOR: '1', KHAO_CACHE_DIR: path.join(dir, 'user-cache'), HOME: dir},
		...asUser(),
	});
	return {code: r.status, out: r.stdout, err: r.stderr};
}

test('item 9: a folder that can be listed but not entered is reported; the rest of the corpus is read', {skip: built}, () => {
	const folder = path.join(dir, 'perm');
	fs.mkdirSync(path.join(folder, 'locked', 'inner'), {recursive: true});
	fs.writeFileSync(path.join(folder, 'good.txt'), 'Good news today\n\nAll is well.\n');
	fs.writeFileSync(path.join(folder, 'locked', 'hidden.txt'), 'Locked away\n');
	fs.chmodSync(dir, 0o755);
	fs.chmodSync(folder, 0o755);
	fs.chmodSync(path.join(folder, 'locked'), 0o644); // readable, not searchable
	try {
		const r = khaoAs([folder, '--list']);
		assert.equal(r.code, 0, r.err);
		assert.match(r.out, /Good news today/);
		assert.match(r.err, /locked: folder not searchable \(permission denied\)/);
		assert.equal(r.err.trim().split('\n').length, 1, 'one line for the folder, not one per entry');
		// The folder as PATH itself: nothing can be read, a clear one-line error.
		const whole = khaoAs([path.join(folder, 'locked'), '--list']);
		assert.equal(whole.code, 1);
		assert.match(whole.err, /^khao: cannot read .*locked: permission denied\n$/);
	} finally {
		fs.chmodSync(path.join(folder, 'locked'), 0o755);
	}
});

test('item 9: a tree deeper than PATH_MAX: the too-deep folder is reported, the rest is read', {skip: built}, () => {
	const folder = path.join(dir, 'deep');
	fs.mkdirSync(folder);
	fs.writeFileSync(path.join(folder, 'top.txt'), 'Top story\n\nAt the top.\n');
	// 60 levels of 100-character names: over 6,000 bytes, past PATH_MAX (4,096). Made with relative
	// paths, the only way to get there.
	const name = 'd'.repeat(100);
	const made = spawnSync('bash', ['-c', `cd "$1" && for i in $(seq 60); do mkdir ${name} && cd ${name} || exit 1; done && echo 'Deep story' > deep.txt`, 'bash', folder]);
	assert.equal(made.status, 0, String(made.stderr));
	const r = khao([folder, '--list']);
	assert.equal(r.code, 0, r.err);
	assert.match(r.out, /Top story/);
	assert.match(r.err, /name too long/);
	assert.doesNotMatch(r.err, /cannot read/);
	// rm walks a tree deeper than PATH_MAX; fs.rmSync does not.
	spawnSync('rm', ['-rf', folder]);
});

test('item 10: file and folder names that are not UTF-8 (TIS-620) are read and shown decoded', {skip: built}, () => {
	const folder = path.join(dir, 'legacy-names');
	fs.mkdirSync(folder);
	const tis = (s: string) => Buffer.from([...s].map((c) => c.codePointAt(0)! - 0x0e01 + 0xa1));
	const sub = Buffer.concat([Buffer.from(folder + '/'), tis('ข่าวเก่า')]);
	fs.mkdirSync(sub);
	fs.writeFileSync(Buffer.concat([sub, Buffer.from('/'), tis('ประกาศ'), Buffer.from('.txt')]), 'Notice from an old archive\n\nText.\n');
	// A name with an escape sequence in it, not UTF-8 either.
	fs.writeFileSync(Buffer.concat([Buffer.from(folder + '/'), tis('ลับ'), Buffer.from('\u001b]0;x\u0007.jsonl')]), '{"title":"Record title","body":"Record body"}\n');
	const r = khao([folder, '--list']);
	assert.equal(r.code, 0, r.err);
	assert.match(r.out, /ข่าวเก่า\/ประกาศ\.txt/);
	assert.match(r.out, /Notice from an old archive/);
	assert.match(r.out, /Record title/);
	assert.doesNotMatch(r.out + r.err, UNSAFE);
	assert.doesNotMatch(r.err, /no such file/);
});

test('item 3: endless standard input stops at the size bound: one clear line, exit 1, bounded memory', {skip: built}, () => {
	const r = spawnSync('bash', ['-c', `yes | "${process.execPath}" "${cli}" - --list`], {
		encoding: 'utf8',
		timeout: 60_000,
		env: {...process.env, NO_COLOR: '1', KHAO_CACHE_DIR: path.join(dir, 'cache'), KHAO_MAX_INPUT_SIZE: '8M'},
	});
	assert.equal(r.signal, null, 'ended by itself, not by the timeout');
	assert.equal(r.status, 1);
	assert.equal(r.stderr, 'khao: cannot read -: standard input is larger than 8 MiB, not read (KHAO_MAX_INPUT_SIZE=2G, for example, reads more)\n');
	assert.equal(r.stdout, '');
});

test('item 3: the bound is overridable, and a bad value is a clear error', {skip: built}, () => {
	const input = 'Headline\n\n' + 'word '.repeat(400_000);
	assert.equal(khao(['-', '--list'], {input, env: {KHAO_MAX_INPUT_SIZE: '1M'}}).code, 1);
	const bigger = khao(['-', '--list'], {input, env: {KHAO_MAX_INPUT_SIZE: '3M'}});
	assert.equal(bigger.code, 0, bigger.err);
	assert.match(bigger.out, /Headline/);
	const bad = khao(['-', '--list'], {input: 'x\n', env: {KHAO_MAX_INPUT_SIZE: 'lots\u001b[31m'}});
	assert.equal(bad.code, 1);
	assert.equal(bad.err, 'khao: cannot read -: KHAO_MAX_INPUT_SIZE must be a size such as 512M or 2G\n');
});

test('item 3: a .jsonl on standard input is parsed line by line (never decoded as one string)', {skip: built}, () => {
	const lines = Array.from({length: 3}, (_, i) => JSON.stringify({id: `n${i}`, title: `Record ${i}`, body: 'Body text.'}));
	const r = khao(['-', '--list'], {input: [lines[0], '{broken', lines[1], lines[2]].join('\n') + '\n'});
	assert.equal(r.code, 0, r.err);
	assert.deepEqual(
		r.out
			.trim()
			.split('\n')
			.map((l) => l.split('\t')[2]),
		['Record 0', 'Record 1', 'Record 2'],
	);
	assert.match(r.err, /-:2: line 2: invalid JSON/);
});

function correctionsCorpus(name: string): string {
	const folder = path.join(dir, name);
	fs.mkdirSync(folder);
	fs.writeFileSync(path.join(folder, 'story.txt'), 'Council meets\n\nMayor Ingrid Solberg met Governor Tomas Varga in the city hall. Ingrid Solberg spoke first.\n');
	return folder;
}

test('item 4: a khao.entities.json that is a FIFO or a link to /dev/zero is refused at once, never opened for reading', {skip: built}, () => {
	const fifo = correctionsCorpus('corrections-fifo');
	spawnSync('mkfifo', [path.join(fifo, 'khao.entities.json')]);
	const zero = correctionsCorpus('corrections-zero');
	fs.symlinkSync('/dev/zero', path.join(zero, 'khao.entities.json'));
	for (const [folder, what] of [
		[fifo, 'FIFO \\(named pipe\\)'],
		[zero, 'character device'],
	] as const) {
		const r = khao([folder, '--entities'], {timeout: 20_000});
		assert.equal(r.signal, null, 'no hang');
		assert.equal(r.code, 1);
		assert.match(r.err, new RegExp(`^khao: .*khao\\.entities\\.json: is a ${what}, not a file: not read\\n$`));
		// Listing the corpus neither opens it nor takes it for an article.
		const list = khao([folder, '--list'], {timeout: 20_000});
		assert.equal(list.code, 0, list.err);
		assert.equal(list.out.trim().split('\n').length, 1);
		assert.equal(list.err, '');
	}
});

test('item 4: a regular khao.entities.json is applied, not listed as an article', {skip: built}, () => {
	const folder = correctionsCorpus('corrections-regular');
	fs.writeFileSync(path.join(folder, 'khao.entities.json'), JSON.stringify({hide: ['Tomas Varga']}));
	const list = khao([folder, '--list']);
	assert.equal(list.out.trim().split('\n').length, 1);
	assert.doesNotMatch(list.out, /entities/);
	const r = khao([folder, '--entities', '--json']);
	assert.equal(r.code, 0, r.err);
	assert.match(r.out, /Ingrid Solberg/);
	assert.doesNotMatch(r.out, /Tomas Varga/);
});

test('item 15: corrections that match nothing are warned about on stderr; the message for a bad list is right', {skip: built}, () => {
	const folder = correctionsCorpus('corrections-warn');
	fs.writeFileSync(path.join(folder, 'khao.entities.json'), JSON.stringify({merge: [['Nobody Anywhere', 'Ingrid Solberg']], hide: ['No\u001b[31mSuch Name']}));
	const r = khao([folder, '--entities']);
	assert.equal(r.code, 0, r.err);
	assert.match(r.err, /khao: warning: .*khao\.entities\.json: .*no entity "Nobody Anywhere"/);
	assert.match(r.err, /No.*Such Name/);
	assert.doesNotMatch(r.err, UNSAFE);
	fs.writeFileSync(path.join(folder, 'khao.entities.json'), '{"hide": "Tomas Varga"}');
	const bad = khao([folder, '--entities']);
	assert.equal(bad.code, 1);
	assert.match(bad.err, /"hide": expected a list of names\n$/);
	assert.doesNotMatch(bad.err, /at least 0/);
});

test('item 15: a TIS-620 or UTF-16 corrections file is decoded like a corpus file', {skip: built}, () => {
	const folder = path.join(dir, 'corrections-thai');
	fs.mkdirSync(folder);
	fs.writeFileSync(path.join(folder, 'story.txt'), 'ข่าวการประชุม\n\nนายสมศักดิ์ รักไทย พบกับนางสาวมาลี ศรีสุข ที่ทำเนียบ นายสมศักดิ์ รักไทย กล่าวว่า\n');
	const before = khao([folder, '--entities', '--json']);
	assert.equal(before.code, 0, before.err);
	const name = 'สมศักดิ์ รักไทย';
	assert.ok(before.out.includes(name), 'the name is an entity without corrections');
	const json = JSON.stringify({hide: [name]});
	const tis = Buffer.from(
		[...json].map((c) => {
			const cp = c.codePointAt(0)!;
			return cp >= 0x0e01 && cp <= 0x0e5b ? cp - 0x0e01 + 0xa1 : cp;
		}),
	);
	const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
	for (const bytes of [tis, utf16]) {
		fs.writeFileSync(path.join(folder, 'khao.entities.json'), bytes);
		const r = khao([folder, '--entities', '--json']);
		assert.equal(r.code, 0, r.err);
		assert.ok(!r.out.includes(name), 'hidden by the decoded corrections');
		assert.equal(r.err, '', 'the name matched: no warning');
	}
});

test('item 15: in the reader, corrections that match nothing join the warnings panel (w), naming the file', async () => {
	const folder = correctionsCorpus('corrections-reader');
	const file = path.join(folder, 'khao.entities.json');
	fs.writeFileSync(file, JSON.stringify({rename: {'Nobody Anywhere': 'Someone'}}));
	const load = openCorpus(folder);
	const indexer = new BackgroundIndexer(load, {corrections: loadEntityCorrections(file), search: {cacheDir: null}});
	await indexer.start();
	assert.deepEqual(
		load.warnings.map((w) => [w.kind, w.path, /no entity "Nobody Anywhere"/.test(w.message)]),
		[['corrections', file, true]],
	);
});

test('item 11: a file too large to be one article is reported without being read; the rest is kept', {skip: built}, () => {
	const folder = path.join(dir, 'huge-file');
	fs.mkdirSync(folder);
	fs.writeFileSync(path.join(folder, 'small.txt'), 'Small story\n\nShort.\n');
	// Sparse: 1.6 GiB on paper, nothing on disk.
	fs.writeFileSync(path.join(folder, 'huge.txt'), '');
	fs.truncateSync(path.join(folder, 'huge.txt'), Math.round(1.6 * 1024 ** 3));
	const r = khao([folder, '--list'], {timeout: 30_000});
	assert.equal(r.code, 0, r.err);
	assert.match(r.out, /Small story/);
	assert.match(r.err, /huge\.txt: 1\.6 GiB: too large to hold as one article, not read/);
	const alone = khao([path.join(folder, 'huge.txt'), '--list'], {timeout: 30_000});
	assert.equal(alone.code, 1);
	assert.match(alone.err, /too large to hold as one article/);
});

test('item 2: nested brackets with reference definitions present look up no long labels', () => {
	const n = HOSTILE / 2;
	const line = '['.repeat(n) + 'ก' + ']'.repeat(n);
	const text = line + '\n\n[ก]: https://r.example/\n';
	let article!: ReturnType<typeof parseMarkdown>;
	assert.ok(timed(() => (article = parseMarkdown(text, 'n.md'))) < BOUND_MS);
	assert.ok(article.blocks.length > 0);
});
