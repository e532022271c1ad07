import {test} from 'node:test';
import assert from 'node:assert/strict';
import {KEYS, builtIndexer, makeArticle, renderApp, staticLoad} from './helpers.js';
import {BackgroundIndexer} from '../../source/ui/background.js';
import {romanKeysKnown} from '../../source/entities/name-search.js';

// Names nobody wrote into the rules: an invented president and real places.
const articles = [
	makeArticle(
		'a.txt',
		'ข่าวการเยือน',
		[
			'ประธานาธิบดีอาร์มันโด กาเบรรา เดินทางถึงกรุงเวียนนา เมื่อวันจันทร์ เพื่อหารือเรื่องการค้ากับประเทศออสเตรีย',
			'กาเบรรา กล่าวว่า ความร่วมมือด้านพลังงานจะช่วยให้เศรษฐกิจเติบโต',
			'ข้อความอื่นที่ไม่เกี่ยวข้อง '.repeat(20),
			'ต่อมา กาเบรรา ได้เข้าพบนายกรัฐมนตรีของออสเตรีย',
		],
		'2024-02-01',
	),
	makeArticle('b.txt', 'ข่าวเศรษฐกิจ', ['ตลาดหุ้นปรับตัวขึ้นเล็กน้อยในวันนี้ ไม่มีข่าวเรื่องพลังงาน'], '2024-02-02'),
	makeArticle('c.txt', 'ข่าวพลังงาน', ['ประธานาธิบดีอาร์มันโด กาเบรรา ประกาศนโยบายพลังงานฉบับใหม่'], '2024-02-03'),
];

async function setup(rows = 24) {
	const load = staticLoad(articles);
	const indexer = await builtIndexer(load);
	return renderApp(load, {columns: 100, rows}, true, indexer);
}

const status = (frame: string) => frame.split('\n').at(-1) ?? '';

test('a key that met entities still being found: the status bar says so until they are, then that they are', async () => {
	const load = staticLoad(articles);
	const indexer = new BackgroundIndexer(load, {search: {cacheDir: null}});
	const app = await renderApp(load, {columns: 100, rows: 24}, true, indexer);
	await app.press('e');
	assert.match(status(app.frame()), /entities are still being found/);
	await indexer.start();
	// The background redraw waits for a pause in the keys (at most 2 s).
	assert.match(status(await app.waitFor(/entities are ready/, 5000)), /entities are ready/);
	await app.press('e');
	assert.match(status(app.frame()), /กาเบรรา|ออสเตรีย|เวียนนา|mention/);
	app.unmount();
});

test('the entity panel works out the romanised names while it is open, so the first Latin letters typed do not wait for them', async () => {
	const own = [makeArticle('w.txt', 'ข่าวการเยือน', ['นายวรเชษฐ์ ทองประเสริฐ เดินทางถึงกรุงเวียนนา เมื่อวันจันทร์ นายวรเชษฐ์ ทองประเสริฐ กล่าวว่า'])];
	const load = staticLoad(own);
	const app = await renderApp(load, {columns: 100, rows: 24}, true, await builtIndexer(load));
	assert.ok(!romanKeysKnown('วรเชษฐ์ ทองประเสริฐ'));
	await app.press('p');
	const deadline = Date.now() + 3000;
	while (!romanKeysKnown('วรเชษฐ์ ทองประเสริฐ') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
	assert.ok(romanKeysKnown('วรเชษฐ์ ทองประเสริฐ'), 'worked out while the panel is open');
	app.unmount();
});

test('/ opens the search; results follow each key with count and time; Esc restores the view', async () => {
	const app = await setup();
	await app.press('j', 'j', 'j');
	const before = status(app.frame());
	await app.press('/');
	assert.match(app.frame(), /search:/);
	await app.press('พ', 'ล', 'ั', 'ง', 'ง', 'า', 'น');
	const f = await app.waitFor(/passages? ·/);
	assert.match(f, /\d+ passages? · [\d.]+ ms/);
	assert.ok(f.includes('ข่าวพลังงาน'), 'a hit from another article');
	await app.press(KEYS.escape);
	assert.equal(status(app.frame()), before, 'the view is back where it was');
	app.unmount();
});

test('↑↓ and Ctrl+N/Ctrl+P choose; Enter opens at the match; n/N step through matches and across articles', async () => {
	const app = await setup();
	await app.press('/', ...'พลังงาน');
	await app.waitFor(/passages? ·/);
	const choiceRow = () =>
		app
			.frame()
			.split('\n')
			.findIndex((l) => l.includes('› '));
	const firstChoice = choiceRow();
	await app.press(KEYS.down);
	assert.equal(choiceRow(), firstChoice + 2, '↓ moves the choice one result (two rows) down');
	await app.press('\u0010'); // Ctrl+P
	assert.equal(choiceRow(), firstChoice, 'Ctrl+P moves it back');
	await app.press('\u000E', KEYS.up); // Ctrl+N, ↑
	await app.press(KEYS.enter);
	assert.match(status(app.frame()), /match \d+ of \d+/);
	// Three articles mention พลังงาน: stepping forward and then back must cross into another one.
	const seen = new Set<string>();
	for (const key of ['n', 'n', 'n', 'n', 'N', 'N', 'N', 'N', 'N', 'N']) {
		seen.add(status(app.frame()).split('│')[0]!.trim());
		await app.press(key);
	}
	assert.ok(seen.size >= 2, `n / N went on into another article (${[...seen].join(', ')})`);
	await app.press('N', 'N', 'N', 'N');
	assert.match(status(app.frame()), /match \d+ of \d+/);
	await app.press(KEYS.escape);
	assert.doesNotMatch(status(app.frame()), /match/, 'Esc ends the search');
	app.unmount();
});

test('/ opens the search from the help screen too', async () => {
	const app = await setup(30);
	await app.press('?');
	assert.match(app.frame(), /Keys/);
	await app.press('/');
	assert.match(app.frame(), /search:/);
	app.unmount();
});

test('Tab in the search panel limits it to this article', async () => {
	const app = await setup();
	await app.press('/', KEYS.tab);
	assert.match(app.frame(), /search this article:/);
	await app.press(...'ตลาดหุ้น');
	assert.match(await app.waitFor(/no match/), /no match/);
	await app.press(KEYS.tab);
	assert.ok((await app.waitFor(/ข่าวเศรษฐกิจ ·/)).includes('ข่าวเศรษฐกิจ ·'));
	app.unmount();
});

test('a query naming an entity offers it first; Enter focuses it', async () => {
	const app = await setup();
	await app.press('/', ...'กาเบรรา');
	assert.match(await app.waitFor(/◆/), /› ◆ .*กาเบรรา \(person/);
	await app.press(KEYS.enter);
	assert.match(status(app.frame()), /กาเบรรา · mention 1 of 4 · article 1 of 2/);
	app.unmount();
});

test('e focuses an entity on screen; m/M and n/N (no search) jump between its mentions, into the next article', async () => {
	const app = await setup();
	await app.press('e');
	assert.match(status(app.frame()), /· mention \d+ of \d+ · article \d+ of \d+/);
	// Focus the person: press e until the status names him.
	for (let i = 0; i < 6 && !/กาเบรรา/.test(status(app.frame())); i++) await app.press('e');
	assert.match(status(app.frame()), /อาร์มันโด กาเบรรา · mention 1 of 4 · article 1 of 2/);
	await app.press('m');
	assert.match(status(app.frame()), /mention 2 of 4/);
	await app.press('n', 'n');
	assert.match(status(app.frame()), /mention 4 of 4 · article 2 of 2/);
	assert.match(status(app.frame()), /^\s*3\/3/, 'now in the third article');
	await app.press('M', 'N');
	assert.match(status(app.frame()), /mention 2 of 4 · article 1 of 2/);
	await app.press('E');
	assert.match(status(app.frame()), /mention/);
	app.unmount();
});

test('p lists the entities by kind with aliases; Tab switches to the corpus; Enter focuses; F filters the sidebar', async () => {
	const app = await setup(30);
	await app.press('p');
	let f = app.frame();
	assert.match(f, /entities in this article/);
	assert.match(f, /person\s+อาร์มันโด กาเบรรา/);
	assert.match(f, /กาเบรรา/);
	assert.match(f, /place\s+(ประเทศ)?ออสเตรีย/);
	await app.press(KEYS.tab);
	assert.match(app.frame(), /entities in the corpus/);
	await app.press(...'กาเบร');
	f = app.frame();
	assert.match(f, /\b1 entity in the corpus/);
	await app.press(KEYS.enter);
	assert.match(status(app.frame()), /กาเบรรา · mention 1 of 4/);
	await app.press('F');
	f = app.frame();
	assert.match(f, /Articles 2 · with อาร์มันโด/);
	assert.ok(!f.includes('ข่าวเศรษฐกิจ'), 'the article without him is hidden');
	await app.press('F');
	assert.ok(app.frame().includes('ข่าวเศรษฐกิจ'));
	app.unmount();
});

test('f filters the sidebar by title as you type; Enter keeps it; Esc clears', async () => {
	const app = await setup();
	await app.press('f', ...'ศรษฐ');
	let f = app.frame();
	assert.match(f, /filter: ศรษฐ/);
	assert.ok(f.includes('ข่าวเศรษฐกิจ'));
	assert.ok(!/│.*\n.*ข่าวพลังงาน/.test(f.split('│')[0] ?? ''), 'others hidden');
	await app.press(KEYS.enter);
	f = app.frame();
	assert.match(f, /Articles 1 · “ศรษฐ”/);
	await app.press(KEYS.enter);
	assert.ok(app.frame().includes('ตลาดหุ้น'), 'Enter opens the one left');
	await app.press(KEYS.escape, KEYS.escape);
	assert.match(app.frame(), /Articles 3/);
	app.unmount();
});

test('mentions are highlighted by kind, and without colour under NO_COLOR', async () => {
	// Ink colours through chalk, which turns itself off when output is not a terminal.
	const {default: chalk} = await import('chalk');
	chalk.level = 1;
	const load = staticLoad(articles);
	const indexer = await builtIndexer(load);
	const colour = await renderApp(load, {columns: 100, rows: 20}, false, indexer);
	assert.match(colour.frame(), /\u001B\[36m[^\u001B]*กาเบรรา/, 'a person in cyan');
	colour.unmount();
	const plain = await renderApp(load, {columns: 100, rows: 20}, true, indexer);
	assert.doesNotMatch(plain.frame(), /\u001B\[3\dm|\u001B\[4\dm|\u001B\[9\dm/, 'no colour codes');
	assert.match(plain.frame(), /\u001B\[4m[^\u001B]*กาเบรรา/, 'underlined instead');
	plain.unmount();
});

test('↑ in an empty search field recalls the previous queries, newest first; Enter remembers the query', async () => {
	const {SearchHistory} = await import('../../source/search/history.js');
	const fs = await import('node:fs');
	const os = await import('node:os');
	const path = await import('node:path');
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'khao-ui-history-')), 'search-history');
	fs.writeFileSync(file, ['"ตลาดหุ้น"', '"กาเบรรา"'].join('\n'));
	const load = staticLoad(articles);
	const indexer = await builtIndexer(load);
	const app = await renderApp(load, {columns: 100, rows: 24}, true, indexer, SearchHistory.open(file));
	const field = () => app.frame().replace(/\x1B\[[0-9;]*m/g, '');
	await app.press('/', KEYS.up);
	assert.match(field(), /search: กาเบรรา/);
	await app.press(KEYS.up);
	assert.match(field(), /search: ตลาดหุ้น/);
	await app.press('\u0015', ...'นโยบาย'); // Ctrl+U clears the field
	await app.waitFor(/passages? ·/);
	await app.press(KEYS.enter);
	assert.deepEqual(SearchHistory.open(file).entries, ['ตลาดหุ้น', 'กาเบรรา', 'นโยบาย']);
	app.unmount();
});
