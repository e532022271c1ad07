import {test} from 'node:test';
import assert from 'node:assert/strict';
import {KEYS, makeArticle, renderApp, staticLoad} from './helpers.js';

// Numbered paragraphs make the scroll position readable from the frame: "บรรทัด 7" is line 7.
const numbered = (n: number) => Array.from({length: n}, (_, i) => `บรรทัด ${i + 1} ข้อความ`);
const articles = [
	makeArticle('a.txt', 'บทความแรก', numbered(60), '2023-05-01'),
	makeArticle('b.txt', 'บทความที่สอง', ['เนื้อหาของบทความที่สอง'], '2024-01-02'),
	makeArticle('c.txt', 'บทความที่สาม', ['เนื้อหาของบทความที่สาม'], '2022-03-04'),
];

/** The first reader line showing a numbered paragraph. */
function topNumber(frame: string): number | undefined {
	const m = /บรรทัด (\d+)/.exec(frame);
	return m ? Number(m[1]) : undefined;
}

test('first screen: sidebar with titles and dates, article, status bar', async () => {
	const app = await renderApp(staticLoad(articles));
	const f = app.frame();
	for (const s of ['บทความแรก', 'บทความที่สอง', '2024-01-02', 'บรรทัด 1', '1/3', '? help']) assert.ok(f.includes(s), `frame shows ${s}`);
	assert.ok(f.split('\n').length <= 19, 'frame leaves the last terminal row free');
	app.unmount();
});

test('j k ↓ ↑ scroll one line', async () => {
	const app = await renderApp(staticLoad(articles));
	// Title and blank line off the top: the first numbered paragraph is the top line.
	await app.press('j', 'j');
	const start = topNumber(app.frame())!;
	assert.equal(start, 1);
	assert.ok(!app.frame().includes('บทความแรก\n'), 'title scrolled away');
	await app.press('j', 'j');
	assert.equal(topNumber(app.frame()), start + 1, 'two lines down = one paragraph (blank line between)');
	await app.press(KEYS.down, KEYS.down);
	assert.equal(topNumber(app.frame()), start + 2);
	await app.press('k', 'k', KEYS.up, KEYS.up);
	assert.equal(topNumber(app.frame()), start);
	await app.press('k', 'k');
	assert.ok(app.frame().includes('│ บทความแรก'), 'back at the title');
	app.unmount();
});

test('space PgDn b PgUp page; d u half page; g Home G End', async () => {
	const app = await renderApp(staticLoad(articles));
	await app.press('j', 'j');
	const start = topNumber(app.frame())!;
	await app.press(' ');
	const page = topNumber(app.frame())!;
	assert.ok(page >= start + 7, `space pages down (now ${page})`);
	await app.press(KEYS.pageDown);
	assert.ok(topNumber(app.frame())! > page);
	await app.press(KEYS.pageUp, 'b');
	assert.equal(topNumber(app.frame()), start);
	await app.press('d');
	const half = topNumber(app.frame())!;
	assert.ok(half > start && half < page, `d is half a page (${half})`);
	await app.press('u');
	assert.equal(topNumber(app.frame()), start);
	await app.press('G');
	assert.ok(app.frame().includes('บรรทัด 60'));
	assert.ok(app.frame().includes('100%'));
	await app.press('g');
	assert.ok(app.frame().includes('บทความแรก'));
	await app.press(KEYS.end);
	assert.ok(app.frame().includes('บรรทัด 60'));
	await app.press(KEYS.home);
	assert.ok(app.frame().includes('│ บทความแรก'));
	app.unmount();
});

test('Tab focuses the sidebar, j moves its cursor, Enter opens, Shift+Tab returns', async () => {
	const app = await renderApp(staticLoad(articles));
	await app.press(KEYS.tab, 'j');
	assert.match(app.frame(), /›\s*บทความที่สอง/);
	await app.press(KEYS.enter);
	assert.ok(app.frame().includes('เนื้อหาของบทความที่สอง'));
	assert.ok(app.frame().includes('2/3'));
	await app.press(KEYS.tab, KEYS.down, KEYS.shiftTab);
	assert.ok(app.frame().includes('เนื้อหาของบทความที่สอง'), 'moving the cursor does not open');
	app.unmount();
});

test('[ and ] go to the previous and next article', async () => {
	const app = await renderApp(staticLoad(articles));
	await app.press(']');
	assert.ok(app.frame().includes('เนื้อหาของบทความที่สอง'));
	await app.press(']');
	assert.ok(app.frame().includes('เนื้อหาของบทความที่สาม'));
	await app.press(']');
	assert.ok(app.frame().includes('3/3'), 'stays on the last');
	await app.press('[', '[');
	assert.ok(app.frame().includes('บรรทัด 1'));
	app.unmount();
});

test('o orders the sidebar by date', async () => {
	const app = await renderApp(staticLoad(articles));
	await app.press('o');
	// The sidebar column only: the reader shows the open article's title too.
	const f = app
		.frame()
		.split('\n')
		.map((l) => l.split('│')[0])
		.join('\n');
	assert.ok(f.includes('newest first'));
	assert.ok(f.indexOf('บทความที่สอง') < f.indexOf('บทความแรก'), 'newest (2024) above 2023');
	assert.ok(f.indexOf('บทความแรก') < f.indexOf('บทความที่สาม'), '2023 above 2022');
	await app.press('o');
	assert.ok(app.frame().includes('oldest first'));
	app.unmount();
});

test('s hides and shows the sidebar; narrow terminals hide it by default', async () => {
	const app = await renderApp(staticLoad(articles));
	await app.press('s');
	assert.ok(!app.frame().includes('บทความที่สอง'));
	await app.press('s');
	assert.ok(app.frame().includes('บทความที่สอง'));
	app.unmount();
	const narrow = await renderApp(staticLoad(articles), {columns: 50, rows: 20});
	assert.ok(!narrow.frame().includes('บทความที่สอง'));
	await narrow.press('s');
	assert.ok(narrow.frame().includes('บทความที่สอง'));
	narrow.unmount();
});

test('? shows every key; Esc closes it', async () => {
	const app = await renderApp(staticLoad(articles), {columns: 100, rows: 40});
	await app.press('?');
	for (const s of ['PgDn', 'Shift+Tab', 'Enter', '[ / ]', 'quit']) assert.ok(app.frame().includes(s), `help names ${s}`);
	await app.press(KEYS.escape);
	assert.ok(app.frame().includes('บรรทัด 1'));
	app.unmount();
});

test('w lists skipped files', async () => {
	const app = await renderApp(staticLoad(articles, [{kind: 'binary', path: 'x/photo.jpg', message: 'binary file (NUL bytes)'}]));
	assert.ok(app.frame().includes('1 skipped'));
	await app.press('w');
	assert.ok(app.frame().includes('photo.jpg'));
	await app.press('w');
	assert.ok(app.frame().includes('บรรทัด 1'));
	app.unmount();
});

test('resize re-wraps and keeps the same text at the top', async () => {
	const app = await renderApp(staticLoad(articles));
	await app.press('j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j');
	const before = topNumber(app.frame());
	await app.rerender({columns: 70, rows: 16});
	assert.equal(topNumber(app.frame()), before);
	await app.rerender({columns: 140, rows: 30});
	assert.equal(topNumber(app.frame()), before);
	app.unmount();
});

test('a terminal too small says so', async () => {
	const app = await renderApp(staticLoad(articles), {columns: 15, rows: 4});
	assert.match(app.frame(), /khao needs/);
	app.unmount();
});

test('no line of the frame is wider than the terminal', async () => {
	const {stringWidth} = await import('../../source/text/width.js');
	const long = makeArticle('l.txt', 'ยาว', ['ประเทศไทยมีความร่วมมือทางเศรษฐกิจกับนานาประเทศอย่างต่อเนื่องและยั่งยืน'.repeat(5), 'น้ำคำทำจำนำ'.repeat(20)]);
	for (const columns of [30, 61, 100]) {
		const app = await renderApp(staticLoad([long]), {columns, rows: 12});
		for (const line of app.frame().split('\n')) assert.ok(stringWidth(line) <= columns, `${stringWidth(line)} > ${columns}: ${line}`);
		app.unmount();
	}
});
