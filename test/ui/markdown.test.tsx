// The reader draws Markdown's inline styles and tables: rendered through Ink as a person sees them.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {render} from 'ink-testing-library';
import {parseMarkdown} from '../../source/corpus/parse-markdown.js';
import {wrapArticle} from '../../source/layout/wrap.js';
import {ReaderPane} from '../../source/ui/components/ReaderPane.js';
import {makeTheme} from '../../source/ui/theme.js';

const SOURCE = ['# หัวเรื่อง', '', 'ข่าว **สำคัญ** และ *เน้น* กับ [ที่มา](https://s.example/x)', '', '| เมือง | ฝน |', '|---|--:|', '| เชียงใหม่ | 12 |', ''].join('\n');

async function frame(noColor: boolean): Promise<string> {
	// Ink colours through chalk, which turns itself off when output is not a terminal.
	const {default: chalk} = await import('chalk');
	chalk.level = 1;
	const lines = wrapArticle(parseMarkdown(SOURCE, 'r.md'), 60);
	const app = render(<ReaderPane lines={lines} top={0} height={lines.length} width={62} highlights={[]} theme={makeTheme(noColor)} />);
	const out = app.lastFrame() ?? '';
	app.unmount();
	return out;
}

test('the reader shows bold, italic, links and their dim URL, in colour and under NO_COLOR', async () => {
	const colour = await frame(false);
	assert.match(colour, /\u001B\[1m[^\u001B]*สำคัญ/, 'bold');
	assert.match(colour, /\u001B\[3m[^\u001B]*เน้น/, 'italic');
	assert.match(colour, /\u001B\[4m[^\u001B]*ที่มา/, 'a link underlined');
	assert.match(colour, /\u001B\[90m[^\u001B]*https:\/\/s\.example\/x/, 'its URL dim grey after it');
	const plain = await frame(true);
	assert.doesNotMatch(plain, /\u001B\[3\dm|\u001B\[9\dm/, 'no colour under NO_COLOR');
	assert.match(plain, /\u001B\[1m[^\u001B]*สำคัญ/, 'bold kept');
	assert.match(plain, /\u001B\[4m[^\u001B]*ที่มา/, 'underline kept');
	assert.match(plain, /\u001B\[2m[^\u001B]*https:\/\/s\.example\/x/, 'the URL dim');
});

test('the reader draws a table with borders and a bold header', async () => {
	const text = (await frame(true)).replace(/\u001B\[[0-9;]*m/g, '');
	assert.match(text, /┌─+┬─+┐/);
	assert.match(text, /│ เชียงใหม่ │ 12 │/);
	assert.match(await frame(true), /\u001B\[1m[^\u001B]*เมือง/);
});
