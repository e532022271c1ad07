// Links and copying: which URL an article has, OSC 8 / OSC 52 built from untrusted text, the
// browser started without a shell, and the paragraph copied as it is drawn.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {clipboardSequence, hyperlink, MAX_CLIPBOARD_BYTES, safeUrl} from '../../source/text/osc.js';
import {articleUrl, browserCommands, hyperlinksOn, openInBrowser, urlIn, type Spawn} from '../../source/ui/link.js';
import {blockText, paragraphAt} from '../../source/ui/clipboard.js';
import {wrapArticle} from '../../source/layout/wrap.js';
import {parseMarkdown} from '../../source/corpus/parse-markdown.js';
import {makeArticle} from '../layout/helpers.js';

test('the URL of a source line: the first http(s) address, without the sentence around it', () => {
	assert.equal(urlIn('ที่มา: https://news.example.org/a/1?x=2&y=ไทย (ภาษาไทย).'), 'https://news.example.org/a/1?x=2&y=%E0%B9%84%E0%B8%97%E0%B8%A2');
	assert.equal(urlIn('Source: www.example.com/path.'), 'https://www.example.com/path');
	assert.equal(urlIn('https://en.example.org/wiki/Name_(word))'), 'https://en.example.org/wiki/Name_(word)');
	assert.equal(urlIn('สำนักข่าวตัวอย่าง'), undefined);
	assert.equal(urlIn(undefined), undefined);
	for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.com/x', 'https://user:pw@example.com/', 'https://bank.example@evil.example/']) {
		assert.equal(urlIn(bad), undefined, bad);
		assert.equal(safeUrl(bad), undefined, bad);
	}
	assert.equal(
		articleUrl({id: 'a', path: 'a', format: 'jsonl', title: 't', text: '', blocks: [], source: 'http://example.com/ข่าว'}),
		'http://example.com/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7',
	);
});

test('OSC 8: only a safe URL, nothing in it that could end the sequence; plain text otherwise', () => {
	const link = hyperlink('ข่าว', 'https://example.com/a b\u001b]0;owned\u0007x');
	assert.equal(link, '\u001b]8;;https://example.com/a%20b%1B]0;owned%07x\u001b\\ข่าว\u001b]8;;\u001b\\');
	const target = link.slice(4, link.indexOf('\u001b\\'));
	assert.match(target, /^[\x21-\x7e]+$/);
	assert.equal(hyperlink('ข่าว', 'javascript:alert(1)'), 'ข่าว');
	assert.equal(safeUrl('https://example.com/' + 'a'.repeat(3000)), undefined, 'too long');
});

test('OSC 52: base64 of the text, controls dropped, too long refused', () => {
	const seq = clipboardSequence('ย่อหน้า\u001b[31m\u0007 one\ttwo\nthree\u009b')!;
	assert.match(seq, /^\u001b\]52;c;[A-Za-z0-9+/=]*\u001b\\$/);
	const payload = Buffer.from(seq.slice('\u001b]52;c;'.length, -2), 'base64').toString('utf8');
	assert.equal(payload, 'ย่อหน้า[31m one\ttwo\nthree');
	assert.equal(clipboardSequence('ก'.repeat(MAX_CLIPBOARD_BYTES)), undefined, 'three bytes a character: too long');
});

test('hyperlinks: on in a terminal, off under TERM=dumb or in a pipe; KHAO_HYPERLINKS decides', () => {
	assert.equal(hyperlinksOn({TERM: 'xterm-256color'}, true), true);
	assert.equal(hyperlinksOn({TERM: 'dumb'}, true), false);
	assert.equal(hyperlinksOn({TERM: 'xterm'}, false), false);
	assert.equal(hyperlinksOn({TERM: 'xterm', KHAO_HYPERLINKS: '0'}, true), false);
	assert.equal(hyperlinksOn({TERM: 'dumb', KHAO_HYPERLINKS: '1'}, true), true);
});

test('the browser: $BROWSER entries in order (%s or last), then the system opener; always an argument list', () => {
	const url = 'https://example.com/x;rm -rf ~';
	assert.deepEqual(browserCommands(url, {BROWSER: 'firefox --new-window:chromium %s'}, 'linux'), [
		['firefox', '--new-window', url],
		['chromium', url],
		['xdg-open', url],
	]);
	assert.deepEqual(browserCommands(url, {}, 'darwin'), [['open', url]]);
});

test('opening: the first command that starts wins; none: a clear message; a bad URL never starts anything', async () => {
	const calls: Array<{command: string; args: string[]; detached?: boolean; stdio?: unknown}> = [];
	const fakeSpawn =
		(works: Set<string>): Spawn =>
		(command, args, options) => {
			calls.push({command, args, detached: options.detached, stdio: options.stdio});
			return {
				once(event, listener) {
					if ((event === 'spawn') === works.has(command)) setImmediate(() => listener(event === 'error' ? new Error('ENOENT') : undefined));
					return this;
				},
				unref() {},
			};
		};
	assert.equal(
		await openInBrowser('https://example.com/a', {env: {BROWSER: 'nobrowser'}, platform: 'linux', spawn: fakeSpawn(new Set(['xdg-open']))}),
		'opened https://example.com/a',
	);
	assert.deepEqual(
		calls.map((c) => [c.command, ...c.args]),
		[
			['nobrowser', 'https://example.com/a'],
			['xdg-open', 'https://example.com/a'],
		],
	);
	assert.ok(calls.every((c) => c.detached === true && c.stdio === 'ignore'));
	calls.length = 0;
	assert.equal(await openInBrowser('https://example.com/a', {env: {}, platform: 'linux', spawn: fakeSpawn(new Set())}), 'no browser to open the link: set $BROWSER');
	calls.length = 0;
	assert.equal(
		await openInBrowser('file:///etc/passwd', {env: {}, platform: 'linux', spawn: fakeSpawn(new Set(['xdg-open']))}),
		'not a web address khao opens (http or https only)',
	);
	assert.equal(calls.length, 0);
});

test('the paragraph at the top of the view, as drawn: markup out, bullets in, no controls', () => {
	const article = parseMarkdown('# หัวเรื่อง\n\nย่อหน้าแรกมี **ตัวหนา** และ [ลิงก์](https://example.com)\n\n- ข้อหนึ่ง\n', 'a.md');
	const lines = wrapArticle(article, 12);
	const first = lines.findIndex((l) => l.text.includes('ย่อหน้า'));
	const para = paragraphAt(article, lines, first + 1);
	assert.equal(para, 'ย่อหน้าแรกมี ตัวหนา และ ลิงก์ https://example.com', 'a link is drawn with its URL after it');
	const blank = lines.findIndex((l, i) => i > first && l.text.trim() === '');
	assert.match(paragraphAt(article, lines, blank), /ข้อหนึ่ง$/, 'a blank line on top: the paragraph below it');
	const withTab = makeArticle([['para', 'หนึ่ง\tสอง\u200b']]);
	assert.equal(blockText(withTab, 0), 'หนึ่ง\tสอง');
});
