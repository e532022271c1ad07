// Links in the article's text: web addresses written out and Markdown links drawn as OSC 8
// hyperlinks (only http/https, escaped), the cells a terminal shows unchanged by the wrapping, and
// O / Y taking the links of the paragraph on top.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {render} from 'ink-testing-library';
import xterm from '@xterm/headless';
import {LazyWrap} from '../../source/layout/lazy.js';
import {parseMarkdown} from '../../source/corpus/parse-markdown.js';
import {ReaderPane} from '../../source/ui/components/ReaderPane.js';
import {makeTheme} from '../../source/ui/theme.js';
import {linksOfBlock, urlsOf, withWrittenLinks} from '../../source/ui/body-links.js';
import {urlsInText} from '../../source/ui/link.js';
import {currentLines, initialState, type State} from '../../source/ui/state/index.js';
import type {Article} from '../../source/corpus/types.js';
import {makeArticle} from './helpers.js';
import {envOf, press} from './reducer-helpers.js';

const {Terminal} = xterm;
const OSC8 = /\u001B\]8;;([^\u001B]*)\u001B\\/g;

const article = makeArticle('a.txt', 'ลิงก์ในบทความ', [
	'อ่านรายงานฉบับเต็มได้ที่ https://example.org/รายงาน/ฉบับเต็ม?ปี=2567 และสรุปย่อที่ www.example.net/สรุป.',
	'ย่อหน้านี้ไม่มีที่อยู่เว็บ มีแต่เรื่องของชาวบ้านริมคลองที่ช่วยกันเก็บขยะ',
	'ที่อยู่ที่ไม่ใช่เว็บ javascript:alert(1) และ ftp://example.org/x ไม่เป็นลิงก์',
]);

const markdown = (): Article => {
	const text = '# หัวข้อ\n\nดู[ประกาศของกรม](https://example.org/ประกาศ) และ **ข้อมูล https://example.com/data ตัวหนา** ด้วย\n';
	return parseMarkdown(text, 'a.md');
};

test('written addresses are found with the sentence punctuation left out; only http(s) and www', () => {
	const found = urlsInText(article.text).map((u) => u.text);
	assert.deepEqual(found, ['https://example.org/รายงาน/ฉบับเต็ม?ปี=2567', 'www.example.net/สรุป']);
	assert.equal(urlsInText('(ดู https://example.org/a_(b))').at(0)?.text, 'https://example.org/a_(b)');
	assert.equal(urlsInText('https://user:pw@bank.example/').length, 0, 'an address with a user name is not a link');
});

test('a written address wrapped over two lines: both pieces link to it, the text of the lines is unchanged', () => {
	const lines = new LazyWrap(article, 24);
	lines.settle(0, 40);
	const urls = urlsOf(article);
	const linked = [];
	for (let i = 0; i < lines.length; i++) {
		const line = lines.at(i)!;
		const withLinks = withWrittenLinks(line, urls);
		assert.equal(withLinks.text, line.text);
		assert.equal(withLinks.width, line.width);
		for (const run of withLinks.styles ?? []) if (run.href) linked.push({line: i, text: line.text.slice(run.from, run.to), href: run.href});
	}
	const first = linked.filter((l) => l.href.startsWith('https://example.org/'));
	assert.ok(first.length >= 2, `the address spans lines: ${JSON.stringify(linked)}`);
	assert.equal(first.map((l) => l.text).join(''), 'https://example.org/รายงาน/ฉบับเต็ม?ปี=2567');
	assert.ok(linked.some((l) => l.href === 'https://www.example.net/%E0%B8%AA%E0%B8%A3%E0%B8%B8%E0%B8%9B'));
	assert.ok(!linked.some((l) => /javascript|ftp/.test(l.href)));
});

/** The reader pane's frame for `a` at width 60, hyperlinks on or off. */
function frameOf(a: Article, hyperlinks: boolean): string {
	const lines = new LazyWrap(a, 56);
	lines.settle(0, 12);
	const ui = render(
		<ReaderPane lines={lines} top={0} height={12} width={60} highlights={[]} theme={makeTheme(true)} hyperlinks={hyperlinks ? {urls: urlsOf(a)} : undefined} />,
	);
	const frame = ui.lastFrame() ?? '';
	ui.unmount();
	return frame;
}

test('the reader draws written addresses and Markdown links as OSC 8 links only when hyperlinks are on', () => {
	const on = frameOf(article, true);
	const targets = [...on.matchAll(OSC8)].map((m) => m[1]).filter(Boolean);
	assert.ok(
		targets.includes(
			'https://example.org/%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99/%E0%B8%89%E0%B8%9A%E0%B8%B1%E0%B8%9A%E0%B9%80%E0%B8%95%E0%B9%87%E0%B8%A1?%E0%B8%9B%E0%B8%B5=2567',
		),
	);
	assert.ok(
		targets.every((t) => /^https:\/\/[\x21-\x7e]+$/.test(t!)),
		'only escaped http(s) targets',
	);
	assert.ok(!frameOf(article, false).includes('\u001B]8'), 'off: no OSC 8 at all');
	const md = frameOf(markdown(), true);
	const mdTargets = [...md.matchAll(OSC8)].map((m) => m[1]).filter(Boolean);
	assert.ok(mdTargets.includes('https://example.org/%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%81%E0%B8%B2%E0%B8%A8'), 'the Markdown link text');
	assert.ok(mdTargets.includes('https://example.com/data'), 'an address inside bold text');
});

/** What a terminal shows for `frame`: each row's characters and the width of each cell. */
async function cells(frame: string): Promise<string[]> {
	const term = new Terminal({cols: 60, rows: 14, allowProposedApi: true});
	await new Promise<void>((resolve) => term.write(frame.replaceAll('\n', '\r\n'), resolve));
	const rows: string[] = [];
	for (let y = 0; y < 14; y++) {
		const line = term.buffer.active.getLine(y)!;
		let row = '';
		for (let x = 0; x < 60; x++) {
			const cell = line.getCell(x)!;
			row += `${cell.getChars() || ' '}:${cell.getWidth()}|`;
		}
		rows.push(row);
	}
	term.dispose();
	return rows;
}

test('in a terminal (xterm) the OSC 8 wrapping changes no cell and no width', async () => {
	for (const a of [article, markdown()]) {
		const on = frameOf(a, true);
		assert.ok(on.includes('\u001B]8;;https'), 'the frame has links');
		assert.deepEqual(await cells(on), await cells(frameOf(a, false)));
	}
});

test('O opens the first link of the paragraph on top, a count the Nth; no link there: the article address', () => {
	const withSource = {...article, source: 'ที่มา: https://example.com/ต้นฉบับ'};
	const env = envOf([withSource]);
	const lines = currentLines(initialState, env);
	lines.settle(0, 20);
	const firstOf = (block: number) => Array.from({length: lines.length}, (_, i) => lines.at(i)!).findIndex((l) => l.block === block);
	const onLinks: State = {...initialState, top: firstOf(1)};
	const open = (keys: string[], from = onLinks) => press(env, keys, from);
	const report =
		'https://example.org/%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99/%E0%B8%89%E0%B8%9A%E0%B8%B1%E0%B8%9A%E0%B9%80%E0%B8%95%E0%B9%87%E0%B8%A1?%E0%B8%9B%E0%B8%B5=2567';
	const summary = 'https://www.example.net/%E0%B8%AA%E0%B8%A3%E0%B8%B8%E0%B8%9B';
	assert.deepEqual(linksOfBlock(withSource, 1), [report, summary]);
	assert.deepEqual(open(['O']).request, {kind: 'openLink', url: report});
	assert.deepEqual(open(['2', 'O']).request, {kind: 'openLink', url: summary});
	assert.equal(open(['3', 'O']).request, undefined);
	assert.match(open(['3', 'O']).message, /has 2 links/);
	assert.deepEqual(open(['2', 'Y']).request, {kind: 'copy', text: summary, what: 'web address'});
	// The next paragraph has none: the article's own address; the title has none either.
	const plain: State = {...initialState, top: firstOf(2)};
	assert.deepEqual(open(['O'], plain).request, {kind: 'openLink', url: 'https://example.com/%E0%B8%95%E0%B9%89%E0%B8%99%E0%B8%89%E0%B8%9A%E0%B8%B1%E0%B8%9A'});
	assert.match(open(['2', 'O'], plain).message, /has no link/);
	assert.match(press(envOf([article]), ['O'], plain).message, /no web address: no link in the paragraph on top, none for the article/);
});
