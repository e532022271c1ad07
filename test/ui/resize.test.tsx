// Resizing keeps the top of the reader where it was, also at the very top of an article whose
// title and metadata are synthetic lines (a .jsonl article: they all sit at offset 0).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Article} from '../../source/corpus/types.js';
import {anchorOf, lineAt, lineOfAnchor, wrapArticle} from '../../source/layout/wrap.js';
import type {Line} from '../../source/layout/types.js';
import {renderApp, staticLoad} from './helpers.js';

const body = Array.from({length: 30}, (_, i) => `ย่อหน้าที่ ${i + 1} รายงานความคืบหน้าของโครงการพัฒนาแหล่งน้ำในชุมชนชนบท`).join('\n\n');

function jsonArticle(): Article {
	const blocks: Article['blocks'] = [
		{kind: 'title', spans: [{synthetic: 'หัวข้อข่าวทดสอบการปรับขนาดหน้าจอของผู้อ่าน'}]},
		{kind: 'meta', spans: [{synthetic: 'วันที่ 2 มกราคม 2567'}]},
		{kind: 'meta', spans: [{synthetic: 'https://example.org/news/resize-test'}]},
	];
	let at = 0;
	for (const p of body.split('\n\n')) {
		blocks.push({kind: 'para', spans: [{start: at, end: at + p.length}]});
		at += p.length + 2;
	}
	return {id: 'feed.jsonl#1', path: 'feed.jsonl', format: 'jsonl', title: 'หัวข้อข่าวทดสอบการปรับขนาดหน้าจอของผู้อ่าน', text: body, blocks};
}

test('an anchor on a synthetic line finds the same line after a re-wrap', () => {
	const article = jsonArticle();
	const wide = wrapArticle(article, 120);
	const narrow = wrapArticle(article, 20);
	const move = (from: Line[], top: number, to: Line[]) => {
		const anchor = anchorOf(from, top);
		return lineOfAnchor(to, anchor, lineAt(to, anchor.offset));
	};
	assert.equal(move(wide, 0, narrow), 0, 'the title stays at the top');
	assert.equal(move(narrow, 0, wide), 0);
	const firstText = wide.findIndex((l) => l.start < l.end);
	assert.equal(narrow[move(wide, firstText, narrow)]!.start, wide[firstText]!.start, 'text anchors still find their text');
});

test('resize at line 1 to a tiny terminal and back keeps the title, date and URL on screen', async () => {
	const app = await renderApp(staticLoad([jsonArticle()]), {columns: 120, rows: 35});
	const has = (s: string) => app.frame().includes(s);
	assert.ok(has('หัวข้อข่าวทดสอบ') && has('2 มกราคม 2567') && has('example.org'), 'all shown at first');
	await app.rerender({columns: 20, rows: 5});
	await app.rerender({columns: 120, rows: 35});
	for (const s of ['หัวข้อข่าวทดสอบ', '2 มกราคม 2567', 'example.org']) assert.ok(has(s), `${s} still on screen after the resize`);
	app.unmount();
});
