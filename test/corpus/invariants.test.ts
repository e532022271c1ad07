// Properties every parsed article keeps, whatever the input: spans lie inside the text, in order,
// without line breaks; plain text loses no line; titles are display-safe.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type {Article} from '../../source/corpus/types.js';
import {parseText} from '../../source/corpus/parse-text.js';
import {parseMarkdown} from '../../source/corpus/parse-markdown.js';
import {loadCorpus} from '../../source/corpus/load.js';
import {hasUnsafe} from '../../source/text/sanitize.js';

const THAIGOV = path.join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'thaigov-2k.jsonl');

function checkSpans(a: Article): void {
	let last = -1;
	for (const block of a.blocks) {
		for (const span of block.spans) {
			if ('synthetic' in span) continue;
			assert.ok(span.start >= 0 && span.end <= a.text.length && span.start < span.end, `span ${span.start}-${span.end}`);
			assert.ok(span.start >= last, 'spans in text order');
			assert.ok(!/[\r\n]/.test(a.text.slice(span.start, span.end)), 'no line break in a span');
			last = span.end;
		}
	}
	assert.equal(hasUnsafe(a.title), false, 'title is display-safe');
	assert.ok(a.title.length > 0);
}

const piece = fc.oneof(
	fc.constantFrom(
		'ก',
		'ข่',
		'ที่',
		'ำ',
		'เ',
		' ',
		'  ',
		'\n',
		'\r\n',
		'\r',
		'\t',
		'a',
		'Z',
		'.',
		':',
		'#',
		'*',
		'_',
		'`',
		'[',
		']',
		'(',
		')',
		'>',
		'-',
		'<b>',
		'---',
		'```',
	),
	fc.constantFrom('\u001b[31m', '\u001b]0;x\u0007', '\u202E', '\u200B', '\u00A0', '4 ก.ค. 2567', 'ที่มา:', 'Source:', 'https://x.org/a', '๗ พ.ย.๖๕'),
);
const document = fc.array(piece, {maxLength: 80}).map((parts) => parts.join(''));

test('plain text: spans are in bounds and ordered; every non-blank line is shown exactly once', () => {
	fc.assert(
		fc.property(document, (text) => {
			const a = parseText(text, 'p.txt');
			checkSpans(a);
			const shown = a.blocks.map((b) => b.spans.map((s) => ('start' in s ? text.slice(s.start, s.end) : '')).join(''));
			const lines = text
				.split(/\r\n|\r|\n/)
				.map((l) => l.replace(/^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/g, ''))
				.filter((l) => l !== '');
			assert.deepEqual(shown, lines);
		}),
		{numRuns: 500},
	);
});

test('Markdown: spans are in bounds and ordered, whatever the markup', () => {
	fc.assert(
		fc.property(document, (text) => checkSpans(parseMarkdown(text, 'p.md'))),
		{numRuns: 500},
	);
});

test('real data: every article of thaigov-2k keeps the invariants', {skip: !fs.existsSync(THAIGOV) && 'no ../shared/data'}, async () => {
	const {articles, warnings} = await loadCorpus(THAIGOV);
	assert.deepEqual(warnings, []);
	assert.equal(articles.length, 2000);
	for (const a of articles) checkSpans(a);
	assert.equal(articles.filter((a) => a.date).length, 2000, 'every date field is understood');
	assert.equal(new Set(articles.map((a) => a.id)).size, 2000);
});
