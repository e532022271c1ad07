import {test} from 'node:test';
import assert from 'node:assert/strict';
import {KEYS, builtIndexer, makeArticle, renderApp, staticLoad} from './helpers.js';

// Keys typed fast, repeated or sent by tmux arrive as one chunk: each must act on what the one
// before it left, exactly as when they come one by one (issue 9).
const articles = [
	makeArticle('a.txt', 'ข่าวการเดินทาง', [
		'ประธานาธิบดีอาร์มันโด กาเบรรา เดินทางถึงกรุงเวียนนา เมื่อวันจันทร์',
		'ข้อความอื่นที่ไม่เกี่ยวข้อง '.repeat(12),
		'ต่อมา กาเบรรา ได้เข้าพบนายกรัฐมนตรีของออสเตรีย',
	]),
	makeArticle('b.txt', 'ข่าวตลาด', ['ตลาดหุ้นปรับตัวขึ้นเล็กน้อยในวันนี้']),
	makeArticle('c.txt', 'ข่าวนโยบาย', ['ประธานาธิบดีอาร์มันโด กาเบรรา ประกาศนโยบายฉบับใหม่', 'กาเบรรา กล่าวปิดท้าย']),
];

const status = (frame: string) => frame.split('\n').at(-1) ?? '';

async function screenAfter(chunks: string[]): Promise<string> {
	const load = staticLoad(articles);
	const app = await renderApp(load, {columns: 100, rows: 24}, true, await builtIndexer(load));
	await app.press('/', ...'กาเบรรา');
	await app.waitFor(/◆/);
	await app.press(KEYS.enter);
	assert.match(status(app.frame()), /mention 1 of/);
	for (const chunk of chunks) await app.press(chunk);
	const frame = app.frame();
	app.unmount();
	return frame;
}

test('n n as one write ends where n, n as two writes ends (entity focused from the search panel)', async () => {
	const separate = await screenAfter(['n', 'n', 'n']);
	const together = await screenAfter(['nnn']);
	assert.match(status(separate), /mention 4 of 4/);
	assert.equal(together, separate);
});

test('reader keys in one chunk give the screen of the same keys one by one', async () => {
	const keys = ['j', 'j', ']', 'k', '[', 'G', 'g', 's', 'j'];
	const run = async (chunks: string[]) => {
		const app = await renderApp(staticLoad(articles), {columns: 100, rows: 24});
		for (const chunk of chunks) await app.press(chunk);
		const frame = app.frame();
		app.unmount();
		return frame;
	};
	assert.equal(await run([keys.join('')]), await run(keys));
});
