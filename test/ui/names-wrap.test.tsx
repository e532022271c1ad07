// Once the entity index has found an article's names, the reader re-wraps it so that no line
// breaks inside one that fits. The sentence and names are written for this test.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {builtIndexer, makeArticle, renderApp, staticLoad} from './helpers.js';

const text = 'เมื่อวานนายเหงียน ซวน ฟุก และนางวลาดิเมียร์ โตกาเยฟ เดินทางถึงกรมประมงเพื่อหารือกับนายวราวุธ ศรีประเสริฐกุล เรื่องการส่งออกปลาทูน่า';

test('the reader keeps the names the entity index found on one line', async () => {
	const load = staticLoad([makeArticle('n.txt', 'ข่าวทดสอบ', [text])]);
	const indexer = await builtIndexer(load);
	const whole = ['วลาดิเมียร์ โตกาเยฟ', 'กรมประมง'];
	for (const columns of [22, 23, 24, 26]) {
		const app = await renderApp(load, {columns, rows: 16}, true, indexer);
		await app.waitFor(/ทูน่า/);
		const rows = app.frame().split('\n');
		for (const name of whole)
			assert.ok(
				rows.some((row) => row.includes(name)),
				`${name} cut at ${columns} columns:\n${app.frame()}`,
			);
		app.unmount();
	}
});
