import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import {StatusBar} from '../../source/ui/components/StatusBar.js';
import {makeTheme} from '../../source/ui/theme.js';
import {stringWidth} from '../../source/text/width.js';
import {KEYS, builtIndexer, makeArticle, renderApp, staticLoad} from './helpers.js';

const plain = (s: string) => s.replace(/\u001B\[[0-9;]*m/g, '');
const status = (frame: string) => plain(frame.split('\n').at(-1) ?? '');

test('the status bar keeps "q quit" whole whatever the left side holds (names with ำ and marks, any width)', () => {
	const theme = makeTheme(true);
	const piece = fc.stringMatching(/^[ก-ฮะ-ฺเ-๎a-z0-9 ·]{0,60}$/u);
	fc.assert(
		fc.property(fc.array(piece, {maxLength: 6}), fc.integer({min: 20, max: 100}), (left, width) => {
			const {lastFrame, unmount} = render(<StatusBar left={left} right={['? help', 'q quit']} width={width} theme={theme} />);
			const line = plain(lastFrame() ?? '');
			unmount();
			assert.ok(stringWidth(line) <= width, `${stringWidth(line)} > ${width}`);
			assert.ok(line.trimEnd().endsWith('q quit'), `ends with q quit: ${line}`);
			if (width >= 45) assert.ok(line.includes('? help  q quit'));
		}),
		{numRuns: 150},
	);
});

const long = 'ข้อความยาวมากสำหรับทดสอบความกว้างของบรรทัด '.repeat(30);
const articles = [makeArticle('a.txt', 'บทความยาว', [long, long]), makeArticle('b.txt', 'บทความสั้น', ['สั้น'])];

test('text lines stop at the reading width on a wide terminal; W lets them fill the pane', async () => {
	const app = await renderApp(staticLoad(articles), {columns: 200, rows: 20});
	const widest = () =>
		Math.max(
			...app
				.frame()
				.split('\n')
				.slice(0, -1)
				.map((l) => stringWidth(l.split('│').at(-1) ?? '')),
		);
	assert.ok(widest() <= 101, `reader lines at most 100 columns (+1 padding), got ${widest()}`);
	await app.press('W');
	assert.ok(widest() > 120, `W widens them (${widest()})`);
	app.unmount();
});

test('with the sidebar hidden the status bar names the article; ] on the last article says so', async () => {
	const app = await renderApp(staticLoad(articles), {columns: 100, rows: 20});
	await app.press('s');
	assert.match(status(app.frame()), /1\/2 │ บทความยาว/);
	await app.press(']', ']');
	assert.match(status(app.frame()), /2\/2 │ บทความสั้น/);
	assert.match(status(app.frame()), /this is the last article/);
	await app.press('[', '[');
	assert.match(status(app.frame()), /this is the first article/);
	app.unmount();
});

test(': then a number opens that article; the prompt shows in the status bar', async () => {
	const app = await renderApp(staticLoad(articles), {columns: 100, rows: 20});
	await app.press(':', '2');
	assert.match(status(app.frame()), /go to article: 2/);
	await app.press(KEYS.enter);
	assert.match(status(app.frame()), /^\s*2\/2/);
	assert.ok(app.frame().includes('สั้น'));
	await app.press('1', 'g');
	assert.match(status(app.frame()), /^\s*2\/2 │ line 1\//);
	app.unmount();
});

test('? at 80×24 scrolls to the last key (q quit) with every description whole', async () => {
	const app = await renderApp(staticLoad(articles), {columns: 80, rows: 24});
	await app.press('?');
	assert.match(app.frame(), /Keys \(\? or Esc closes/);
	assert.match(app.frame(), /more \(\d+ lines\)/);
	const seen: string[] = [];
	for (let i = 0; i < 12 && !/\bq Ctrl\+C\s+quit/.test(app.frame()); i++) {
		seen.push(app.frame());
		await app.press(' ');
	}
	seen.push(app.frame());
	assert.match(app.frame(), /q Ctrl\+C\s+quit/, 'the last row is reached');
	for (const f of seen) for (const line of f.split('\n').slice(0, -1)) assert.ok(!line.trimEnd().endsWith('…'), `nothing cut: ${line}`);
	assert.match(seen.join('\n'), /Esc\s+close a panel; else end the search/);
	assert.match(seen.join('\n'), /Ctrl\+D/);
	await app.press(KEYS.escape);
	assert.doesNotMatch(app.frame(), /Keys \(/);
	app.unmount();
});

const people = [
	makeArticle('p.txt', 'ข่าวการเยือน', [
		'ประธานาธิบดีอาร์มันโด กาเบรรา เดินทางถึงกรุงเวียนนา เมื่อวันจันทร์ เพื่อหารือเรื่องการค้ากับประเทศออสเตรีย',
		'กาเบรรา กล่าวว่า ความร่วมมือด้านพลังงานจะช่วยให้เศรษฐกิจเติบโต',
		'ต่อมา กาเบรรา ได้เข้าพบนายกรัฐมนตรีของออสเตรีย',
		...Array.from({length: 9}, (_, i) => `ครั้งที่ ${i + 1} กาเบรรา กล่าวว่า`),
	]),
];

test("the focused entity's current mention is marked apart from its other mentions", async () => {
	// Ink colours and styles through chalk, which turns itself off when output is not a terminal.
	const {default: chalk} = await import('chalk');
	chalk.level = 1;
	const load = staticLoad(people);
	const app = await renderApp(load, {columns: 100, rows: 20}, true, await builtIndexer(load));
	for (let i = 0; i < 6 && !/กาเบรรา · mention/.test(status(app.frame())); i++) await app.press('e');
	assert.match(status(app.frame()), /กาเบรรา · mention 1 of 12/);
	const body = app.frame().split('\n').slice(0, -1).join('\n');
	// NO_COLOR: the current mention in inverse video, the other mentions of the entity bold and underlined.
	assert.equal(body.match(/\u001B\[7m/g)?.length, 1, 'one mention in inverse video');
	assert.ok((body.match(/\u001B\[1m\u001B\[4m|\u001B\[4m\u001B\[1m/g)?.length ?? 0) >= 2, 'the others bold and underlined');
	app.unmount();
});

test('the entity panel aligns its counts', async () => {
	const load = staticLoad(people);
	const app = await renderApp(load, {columns: 100, rows: 20}, true, await builtIndexer(load));
	await app.press('p');
	const rows = plain(app.frame())
		.split('\n')
		.filter((l) => /\d+× +\d+ art\./.test(l));
	assert.ok(rows.length >= 2, `several entities listed:\n${rows.join('\n')}`);
	const column = (l: string) => stringWidth(l.slice(0, l.search(/\d+× /)));
	const ends = rows.map((l) => stringWidth(l.slice(0, l.indexOf('×'))));
	assert.equal(new Set(ends).size, 1, `the × signs line up:\n${rows.join('\n')}`);
	assert.ok(rows.every((l) => column(l) > 0));
	app.unmount();
});
