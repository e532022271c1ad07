import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseMarkdown} from '../../source/corpus/parse-markdown.js';
import {printJson, printText} from '../../source/plain/print.js';

const MD = '---\ntitle: ประกาศ\ndate: 2025-01-09\nsource: https://p.example/n\n---\nเนื้อหา **หนา** &amp; ต่อ\n';

test('--print shows the front-matter date and source under the title, text and JSON', () => {
	const article = parseMarkdown(MD, 'p.md');
	const lines = printText([article], 60).split('\n');
	assert.deepEqual(lines.slice(0, 5), ['ประกาศ', '', '2025-01-09 · https://p.example/n', '', 'เนื้อหา หนา & ต่อ']);
	const json = JSON.parse(printJson([article], 60)) as {articles: Array<{date: string; source: string; lines: Array<{text: string}>}>};
	assert.equal(json.articles[0]!.date, '2025-01-09');
	assert.equal(json.articles[0]!.source, 'https://p.example/n');
	assert.equal(json.articles[0]!.lines[2]!.text, '2025-01-09 · https://p.example/n');
});
