// The reader with its memory, mouse, links and clipboard, without a terminal: places restored,
// bookmarks listed and opened, the wheel and a click, the paragraph copied as drawn, the web
// address drawn as an OSC 8 link.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import React from 'react';
import {render} from 'ink-testing-library';
import {App} from '../../source/ui/components/App.js';
import {ReadingState} from '../../source/app/session-state.js';
import type {Pointer} from '../../source/ui/state/index.js';
import type {Article} from '../../source/corpus/types.js';
import {makeArticle, staticLoad, tick} from './helpers.js';

const paragraphs = (n: number, tag: string) => Array.from({length: 40}, (_, i) => `ย่อหน้า ${tag}${n}.${i + 1} ชาวสวนเก็บผลไม้ขายที่ตลาดเช้า`);
const corpus = (): Article[] => [1, 2, 3].map((n) => makeArticle(`a${n}.txt`, `บทความทดลอง ${n}`, paragraphs(n, '')));

function start(
	articles: Article[],
	reading: ReadingState,
	extra: {mouse?: {subscribe(l: (p: Pointer) => void): () => void}; writeTerminal?: (s: string) => void; hyperlinks?: boolean} = {},
) {
	const load = staticLoad(articles);
	const instance = render(<App load={load} size={{columns: 100, rows: 20}} noColor reading={reading} {...extra} />);
	const frame = () => instance.lastFrame() ?? '';
	const waitFor = async (pattern: RegExp) => {
		for (let i = 0; i < 300 && !pattern.test(frame()); i++) await new Promise((r) => setTimeout(r, 5));
		assert.match(frame(), pattern);
	};
	const press = async (key: string) => {
		instance.stdin.write(key);
		await new Promise((r) => setTimeout(r, 20));
		await tick();
	};
	return {instance, frame, waitFor, press};
}

const stateFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'khao-ui-state-')), 'reading-state.json');

test('the last article and its line come back on the next start; other articles open where they were left', async () => {
	const file = stateFile();
	const kept = ReadingState.open(file);
	const second = start(corpus(), kept);
	await second.waitFor(/1\/3/);
	await second.press(']');
	for (let i = 0; i < 5; i++) await second.press('j');
	await second.waitFor(/2\/3.*line 6\//);
	await second.press('[');
	await second.waitFor(/1\/3.*line 1\//);
	await second.press(']');
	await second.waitFor(/2\/3.*line 6\//);
	second.instance.unmount();
	// Saving is the caller's (on quit, and a little after each change): as khao quits.
	assert.equal(kept.save(), undefined);

	const third = start(corpus(), ReadingState.open(file));
	await third.waitFor(/2\/3.*line 6\//);
	third.instance.unmount();
});

test("bookmarks: B marks the place, ' lists them, Enter opens, x removes", async () => {
	const reading = ReadingState.open(stateFile());
	const ui = start(corpus(), reading);
	await ui.waitFor(/1\/3/);
	await ui.press(']');
	await ui.press(']');
	await ui.waitFor(/3\/3/);
	for (let i = 0; i < 7; i++) await ui.press('j');
	await ui.waitFor(/line 8\//);
	await ui.press('B');
	await ui.waitFor(/bookmarked/);
	await ui.press('g');
	await ui.press('[');
	await ui.waitFor(/2\/3.*line 1\//);
	await ui.press("'");
	await ui.waitFor(/1 bookmark\(s\)[^]*บทความทดลอง 3/);
	await ui.press('\r');
	await ui.waitFor(/3\/3.*line 8\//);
	await ui.press("'");
	await ui.press('x');
	await ui.waitFor(/No bookmarks yet/);
	assert.equal(reading.bookmarks.length, 0);
	ui.instance.unmount();
});

test('the wheel scrolls the pane under the pointer; a click on a sidebar row opens that article', async () => {
	let send: ((p: Pointer) => void) | undefined;
	const mouse = {
		subscribe(listener: (p: Pointer) => void) {
			send = listener;
			return () => (send = undefined);
		},
	};
	const ui = start(corpus(), ReadingState.open(undefined), {mouse});
	await ui.waitFor(/1\/3/);
	send!({kind: 'wheel', button: 'down', x: 60, y: 5});
	await ui.waitFor(/line 4\//);
	send!({kind: 'wheel', button: 'up', x: 60, y: 5});
	await ui.waitFor(/line 1\//);
	// Row 1 is the sidebar's header, row 2 its first article: row 4 is the third.
	send!({kind: 'press', button: 0, x: 5, y: 4});
	await ui.waitFor(/3\/3/);
	send!({kind: 'press', button: 0, x: 5, y: 15});
	await tick();
	assert.match(ui.frame(), /3\/3/, 'a click below the list does nothing');
	ui.instance.unmount();
});

test('y copies the paragraph on top as drawn (OSC 52), Y the web address; O says when there is none', async () => {
	const written: string[] = [];
	const article = makeArticle('a.txt', 'หัวข้อ', ['ย่อหน้าแรก\u200b ของบทความ', ...paragraphs(1, '')]);
	const ui = start([article, {...article, id: 'b', source: 'ที่มา: https://example.org/ข่าว/1'}], ReadingState.open(undefined), {writeTerminal: (s) => written.push(s)});
	await ui.waitFor(/1\/2/);
	await ui.press('j');
	await ui.press('j');
	await ui.press('y');
	await ui.waitFor(/paragraph copied/);
	const payload = (s: string) => Buffer.from(s.slice('\u001b]52;c;'.length, -2), 'base64').toString('utf8');
	assert.equal(payload(written.at(-1)!), 'ย่อหน้าแรก ของบทความ');
	await ui.press('Y');
	await ui.waitFor(/no web address/);
	await ui.press('O');
	await ui.waitFor(/no web address/);
	await ui.press(']');
	await ui.press('Y');
	await ui.waitFor(/web address copied/);
	assert.equal(payload(written.at(-1)!), 'https://example.org/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/1');
	ui.instance.unmount();
});

test('the web address on a metadata line is an OSC 8 link when hyperlinks are on, plain text otherwise', async () => {
	const text = 'หัวข้อ\n\nที่มา: https://example.org/a\n\nเนื้อความ';
	const article: Article = {
		id: 'a',
		path: 'a',
		format: 'txt',
		title: 'หัวข้อ',
		text,
		source: 'https://example.org/a',
		blocks: [
			{kind: 'title', spans: [{start: 0, end: 6}]},
			{kind: 'meta', spans: [{start: 8, end: 8 + 'ที่มา: https://example.org/a'.length}]},
			{kind: 'para', spans: [{start: text.indexOf('เนื้อ'), end: text.length}]},
		],
	};
	const on = start([article], ReadingState.open(undefined), {hyperlinks: true});
	await on.waitFor(/เนื้อความ/);
	assert.ok(on.frame().includes('\u001b]8;;https://example.org/a\u001b\\https://example.org/a\u001b]8;;\u001b\\'), JSON.stringify(on.frame()));
	on.instance.unmount();
	const off = start([article], ReadingState.open(undefined));
	await off.waitFor(/เนื้อความ/);
	assert.ok(!off.frame().includes('\u001b]8'));
	off.instance.unmount();
});

test('a bookmark of an article not open now: its kept title, marked missing, said what it is, and x removes it', async () => {
	const reading = ReadingState.open(stateFile());
	reading.toggleBookmark('article-not-here-01', {offset: 5, rank: -1}, 'บทความที่ย้ายไปแล้ว', 1);
	const ui = start(corpus(), reading);
	await ui.waitFor(/1\/3/);
	await ui.press("'");
	await ui.waitFor(/missing: its article is not among those open now/);
	assert.match(ui.frame(), /บทความที่ย้ายไปแล้ว\s+missing/);
	assert.doesNotMatch(ui.frame(), /gone/);
	await ui.press('\r');
	await ui.waitFor(/missing: that article is not among those open now \(x removes/);
	// The panel stays open on it.
	await ui.press('x');
	await ui.waitFor(/No bookmarks yet/);
	assert.equal(reading.bookmarks.length, 0);
	ui.instance.unmount();
});
