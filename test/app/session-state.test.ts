// The reading state file: a round trip keeps every place and bookmark; a damaged, truncated,
// foreign, newer, huge or special file is ignored with one line and (unless it is khao's) left as
// it is; every field is checked; the size stays bounded; two khao saving at once lose nothing.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	MAX_ARTICLES,
	MAX_BOOKMARKS,
	MAX_STATE_BYTES,
	ReadingState,
	mergeState,
	parseState,
	readState,
	serializeState,
	sessionFile,
} from '../../source/app/session-state.js';
import {articleKey} from '../../source/app/article-key.js';
import {SaveLater, type Timers} from '../../source/app/save-later.js';
import type {Article} from '../../source/corpus/types.js';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'khao-state-')), 'sub', 'reading-state.json');
const key = (n: number) => `article-key-${String(n).padStart(5, '0')}`;

test('the state file lives next to the search history; KHAO_STATE_DIR=off turns it off', () => {
	assert.equal(sessionFile({XDG_STATE_HOME: '/s'}), path.join('/s', 'khao', 'reading-state.json'));
	assert.equal(sessionFile({KHAO_STATE_DIR: '/k'}), path.join('/k', 'reading-state.json'));
	assert.equal(sessionFile({KHAO_STATE_DIR: 'off'}), undefined);
});

test('round trip: places, the last article and bookmarks come back; nothing is written until something changes', () => {
	const file = tempFile();
	const state = ReadingState.open(file);
	assert.equal(state.problem, undefined);
	assert.equal(state.save(), undefined);
	assert.equal(fs.existsSync(file), false, 'nothing changed, nothing written');
	state.visit(key(1), 'a.txt', {offset: 120, rank: -1}, 1000);
	state.visit(key(2), 'b.jsonl#7', {offset: 0, rank: 2}, 2000);
	assert.equal(state.toggleBookmark(key(1), {offset: 120, rank: -1}, 'ชื่อเรื่อง\u001b[31m หนึ่ง\n', 3000), 'added');
	assert.equal(state.dirty, true);
	assert.equal(state.save(), undefined);
	assert.equal(state.dirty, false);
	const again = ReadingState.open(file);
	assert.equal(again.problem, undefined);
	assert.deepEqual(again.placeOf(key(1)), {offset: 120, rank: -1});
	assert.deepEqual(again.placeOf(key(2)), {offset: 0, rank: 2});
	assert.equal(again.isRead(key(1)), true);
	assert.equal(again.isRead(key(3)), false);
	assert.deepEqual(again.last, {key: key(2), id: 'b.jsonl#7', at: 2000});
	assert.deepEqual(
		again.bookmarks.map((b) => b.title),
		['ชื่อเรื่อง หนึ่ง'],
		'the title is one clean line, its escape sequence gone whole',
	);
	assert.equal(again.toggleBookmark(key(1), {offset: 120, rank: -1}, 'x', 4000), 'removed');
	again.save();
	assert.deepEqual(ReadingState.open(file).bookmarks, []);
	assert.deepEqual(fs.readdirSync(path.dirname(file)), ['reading-state.json'], 'no temporary or lock file left');
});

test('a damaged or truncated file is ignored with one line, and replaced by the next save', () => {
	const file = tempFile();
	const good = serializeState({articles: [{key: key(1), offset: 5, rank: -1, seen: 1}], bookmarks: []});
	for (const text of ['{not json', good.slice(0, good.length - 9), '', '\u0000\u0000\u0000']) {
		fs.mkdirSync(path.dirname(file), {recursive: true});
		fs.writeFileSync(file, text);
		const state = ReadingState.open(file);
		assert.equal(state.problem, 'reading state damaged: ignored (it will be replaced)');
		assert.equal(state.isRead(key(1)), false);
		state.visit(key(9), 'x', {offset: 1, rank: -1});
		assert.equal(state.save(), undefined);
		assert.equal(ReadingState.open(file).problem, undefined);
		assert.equal(ReadingState.open(file).isRead(key(9)), true);
	}
});

test('a foreign or newer file is ignored and never written over', () => {
	const file = tempFile();
	fs.mkdirSync(path.dirname(file), {recursive: true});
	for (const text of ['{"theme":"dark"}', '[1,2,3]', '"khao"', JSON.stringify({khao: 'khao reading state', version: 99, articles: []})]) {
		fs.writeFileSync(file, text);
		const state = ReadingState.open(file);
		assert.match(state.problem ?? '', /ignored and left as is/);
		state.visit(key(1), 'x', {offset: 1, rank: -1});
		assert.equal(state.save(), undefined, 'a state that may not be written is simply not written');
		assert.equal(fs.readFileSync(file, 'utf8'), text);
	}
});

test('a huge file, a folder, a FIFO or a link in its place is not read and not replaced', () => {
	const file = tempFile();
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, Buffer.alloc(MAX_STATE_BYTES + 1, 0x20));
	assert.match(ReadingState.open(file).problem ?? '', /^reading state over 1 MiB: ignored and left as is$/);
	fs.rmSync(file);
	fs.mkdirSync(file);
	assert.equal(ReadingState.open(file).problem, 'reading state is not a regular file: not used');
	fs.rmdirSync(file);
	fs.symlinkSync('/dev/zero', file);
	const linked = ReadingState.open(file);
	assert.equal(linked.problem, 'reading state is not a regular file: not used');
	linked.visit(key(1), 'x', {offset: 1, rank: -1});
	linked.save();
	assert.equal(fs.readlinkSync(file), '/dev/zero');
	fs.rmSync(file);
	try {
		execFileSync('mkfifo', [file]);
	} catch {
		return; // no mkfifo here: the FIFO case is covered by read-bounded's own tests
	}
	assert.equal(ReadingState.open(file).problem, 'reading state is not a regular file: not used', 'a FIFO does not block');
});

test('every field is checked: bad entries are skipped and counted, good ones kept', () => {
	const text = JSON.stringify({
		khao: 'khao reading state',
		version: 1,
		last: {key: 'short', id: 'a', at: 1},
		articles: [
			{key: key(1), offset: 10, rank: -1, seen: 5},
			{key: '../../etc/passwd', offset: 1, rank: -1, seen: 5},
			{key: key(2), offset: -4, rank: -1, seen: 5},
			{key: key(3), offset: 1.5, rank: -1, seen: 5},
			{key: key(4), offset: 1, rank: -7, seen: 5},
			{key: key(5), offset: 1, rank: -1, seen: 'yesterday'},
			{key: key(6), offset: 1e300, rank: -1, seen: 5},
			null,
			'x',
		],
		bookmarks: {not: 'a list'},
	});
	const read = parseState(text);
	assert.deepEqual(
		read.data.articles.map((a) => a.key),
		[key(1)],
	);
	assert.equal(read.data.last, undefined);
	assert.equal(read.problem, 'reading state: 10 bad entries skipped');
	assert.equal(read.writable, true);
});

test('bounded: the articles seen longest ago and the oldest bookmarks are forgotten first', () => {
	const file = tempFile();
	const state = ReadingState.open(file);
	for (let i = 0; i < MAX_ARTICLES + 50; i++) state.visit(key(i), 'x', {offset: i, rank: -1}, 10_000 + i);
	for (let i = 0; i < MAX_BOOKMARKS + 5; i++) state.toggleBookmark(key(i), {offset: i, rank: -1}, 'ชื่อ'.repeat(100), 10_000 + i);
	assert.equal(state.save(), undefined);
	const again = ReadingState.open(file);
	assert.equal(again.problem, undefined);
	assert.equal(again.isRead(key(49)), false);
	assert.equal(again.isRead(key(50)), true);
	assert.equal(again.isRead(key(MAX_ARTICLES + 49)), true);
	assert.equal(again.bookmarks.length, MAX_BOOKMARKS);
	assert.equal(again.bookmarks[0]!.key, key(5));
	assert.ok(fs.statSync(file).size < MAX_STATE_BYTES / 2, `the full file (${fs.statSync(file).size} bytes) is far below the read bound`);
});

test('merging: each article keeps its latest place; a bookmark removed here stays removed', () => {
	const mark = (n: number, added: number) => ({key: key(n), offset: 0, rank: -1, title: 't', added});
	const ours = {last: {key: key(1), id: 'a', at: 50}, articles: [{key: key(1), offset: 9, rank: -1, seen: 50}], bookmarks: [mark(1, 1)]};
	const theirs = {
		last: {key: key(2), id: 'b', at: 60},
		articles: [
			{key: key(1), offset: 3, rank: -1, seen: 40},
			{key: key(2), offset: 7, rank: -1, seen: 60},
		],
		bookmarks: [mark(1, 1), mark(2, 2)],
	};
	const merged = mergeState(ours, theirs, new Set([`${key(2)}@0@-1`]));
	assert.deepEqual(merged.last, theirs.last);
	assert.deepEqual(Object.fromEntries(merged.articles.map((a) => [a.key, a.offset])), {[key(1)]: 9, [key(2)]: 7});
	assert.deepEqual(
		merged.bookmarks.map((b) => b.key),
		[key(1)],
	);
});

test("two khao saving at once: the file is always whole and neither loses the other's articles", async () => {
	const file = tempFile();
	const run = (prefix: string) =>
		new Promise<number>((resolve) => {
			const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'state-writer.ts'), file, prefix, '40'], {
				stdio: ['ignore', 'ignore', 'inherit'],
			});
			child.on('exit', (code) => resolve(code ?? -1));
		});
	const codes = await Promise.all([run('writer-a'), run('writer-b')]);
	assert.deepEqual(codes, [0, 0]);
	const read = readState(file);
	assert.equal(read.problem, undefined);
	const keys = new Set(read.data.articles.map((a) => a.key));
	for (const prefix of ['writer-a', 'writer-b']) for (let i = 0; i < 40; i++) assert.ok(keys.has(`${prefix}-${String(i).padStart(4, '0')}`), `${prefix} ${i} kept`);
	assert.deepEqual(fs.readdirSync(path.dirname(file)), ['reading-state.json']);
});

test("an article's key follows its content, not its path", () => {
	const article = (id: string, text: string): Article => ({id, path: id, format: 'txt', title: 'หัวข้อ', text, blocks: []});
	assert.equal(articleKey(article('a/x.txt', 'เนื้อความ')), articleKey(article('b/y.txt', 'เนื้อความ')));
	assert.notEqual(articleKey(article('a/x.txt', 'เนื้อความ')), articleKey(article('a/x.txt', 'เนื้อความอื่น')));
	assert.match(articleKey(article('a', 'b')), /^[A-Za-z0-9_-]{22}$/);
});

test('saving later: once the reader is still, at the latest after maxDelay, and at once on flush', () => {
	let now = 0;
	const pending: Array<{at: number; run: () => void}> = [];
	const timers: Timers = {
		set: (run, ms) => {
			const t = {at: now + ms, run};
			pending.push(t);
			return t;
		},
		clear: (t) => {
			const i = pending.indexOf(t as (typeof pending)[number]);
			if (i !== -1) pending.splice(i, 1);
		},
	};
	const advance = (to: number) => {
		now = to;
		for (const t of pending.filter((p) => p.at <= now)) {
			pending.splice(pending.indexOf(t), 1);
			t.run();
		}
	};
	let saves = 0;
	const later = new SaveLater(
		() => saves++,
		2_000,
		10_000,
		timers,
		() => now,
	);
	for (let t = 0; t < 1_500; t += 100) {
		advance(t);
		later.touch();
	}
	assert.equal(saves, 0, 'not on every key');
	advance(3_400);
	assert.equal(saves, 1, 'once the keys stop');
	for (let t = 4_000; t <= 16_000; t += 500) {
		advance(t);
		later.touch();
	}
	assert.equal(saves, 2, 'a long scroll still saves after maxDelay');
	later.flush();
	assert.equal(saves, 3);
	later.flush();
	assert.equal(saves, 3, 'nothing waiting, nothing saved');
});

test('a background save lets the reader go on: changes made meanwhile are kept and saved, one save at a time', async () => {
	const file = tempFile();
	const state = ReadingState.open(file);
	state.visit(key(1), 'a.txt', {offset: 10, rank: -1}, 1000);
	const writing = state.saveInBackground();
	// The save is under way (its writing waits for the disk): the reader goes on meanwhile.
	state.visit(key(2), 'b.txt', {offset: 20, rank: -1}, 2000);
	assert.equal(await state.saveInBackground(), undefined, 'a second save asked for while one writes waits for it');
	assert.equal(await writing, undefined);
	assert.equal(ReadingState.open(file).isRead(key(1)), true);
	// The save asked for meanwhile follows by itself (or the first one took the change along).
	for (let i = 0; i < 200 && state.dirty; i++) await new Promise((resolve) => setTimeout(resolve, 10));
	assert.equal(state.dirty, false);
	assert.equal(ReadingState.open(file).isRead(key(2)), true);
	assert.equal(fs.existsSync(file + '.lock'), false, 'the lock is given back');
});

test('quitting during a background save takes it over: the newest state is on disk, never the older write', async () => {
	const file = tempFile();
	const state = ReadingState.open(file);
	state.visit(key(1), 'a.txt', {offset: 10, rank: -1}, 1000);
	const writing = state.saveInBackground();
	state.visit(key(1), 'a.txt', {offset: 99, rank: -1}, 2000);
	assert.equal(state.save(), undefined, 'the lock held by the background save is taken over, not waited for');
	assert.equal(await writing, undefined);
	assert.deepEqual(ReadingState.open(file).placeOf(key(1)), {offset: 99, rank: -1});
	assert.equal(fs.existsSync(file + '.lock'), false);
	assert.deepEqual(
		fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp')),
		[],
		'the older write was dropped, not left behind',
	);
});

test('a background save merges what another khao saved meanwhile, and reads the file only then', async () => {
	const file = tempFile();
	const ours = ReadingState.open(file);
	const theirs = ReadingState.open(file);
	ours.visit(key(1), 'a.txt', {offset: 1, rank: -1}, 1000);
	assert.equal(await ours.saveInBackground(), undefined);
	theirs.visit(key(2), 'b.txt', {offset: 2, rank: -1}, 2000);
	assert.equal(theirs.save(), undefined);
	ours.visit(key(3), 'c.txt', {offset: 3, rank: -1}, 3000);
	assert.equal(await ours.saveInBackground(), undefined);
	const both = ReadingState.open(file);
	assert.deepEqual(
		[1, 2, 3].map((n) => both.isRead(key(n))),
		[true, true, true],
	);
	// The file is not khao's any more: a background save leaves it alone and says so.
	fs.writeFileSync(file, '{"someone": "else"}');
	ours.visit(key(4), 'd.txt', {offset: 4, rank: -1}, 4000);
	assert.match((await ours.saveInBackground()) ?? '', /not khao’s/);
	assert.equal(fs.readFileSync(file, 'utf8'), '{"someone": "else"}');
});
