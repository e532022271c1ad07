// The search history file: untrusted on read (size cap, bad lines skipped and reported, controls
// dropped), written whole and renamed into place, at most MAX_ENTRIES distinct queries.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {historyFile, MAX_BYTES, MAX_ENTRIES, SearchHistory} from '../../source/search/history.js';

function tempDir(): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'khao-history-'));
}

test('the history file lives in the XDG state folder, KHAO_STATE_DIR overrides, off turns it off', () => {
	assert.equal(historyFile({XDG_STATE_HOME: '/s'}), path.join('/s', 'khao', 'search-history'));
	assert.equal(historyFile({KHAO_STATE_DIR: '/k', XDG_STATE_HOME: '/s'}), path.join('/k', 'search-history'));
	assert.equal(historyFile({KHAO_STATE_DIR: 'off'}), undefined);
});

test('queries are kept between runs, latest last, without repeats, at most MAX_ENTRIES', () => {
	const file = path.join(tempDir(), 'deep', 'search-history');
	const history = SearchHistory.open(file);
	assert.deepEqual(history.entries, []);
	assert.equal(history.problem, undefined);
	for (const q of ['ส้มโอ', 'ตลาดน้ำ', 'ส้มโอ']) assert.equal(history.add(q), undefined);
	assert.deepEqual(SearchHistory.open(file).entries, ['ตลาดน้ำ', 'ส้มโอ']);
	for (let i = 0; i < MAX_ENTRIES + 20; i++) history.add(`คำค้น ${i}`);
	const again = SearchHistory.open(file);
	assert.equal(again.entries.length, MAX_ENTRIES);
	assert.equal(again.entries.at(-1), `คำค้น ${MAX_ENTRIES + 19}`);
	assert.deepEqual(fs.readdirSync(path.dirname(file)), ['search-history'], 'no temporary file left');
});

test('a damaged or hostile history file is used as far as it is sound, and says so in one line', () => {
	const dir = tempDir();
	const file = path.join(dir, 'search-history');
	fs.writeFileSync(file, ['"ส้มโอ"', 'not json', '{"a":1}', JSON.stringify('x'.repeat(600)), JSON.stringify('\u001b[31mแดง\u0007'), ''].join('\n'));
	const history = SearchHistory.open(file);
	assert.deepEqual(history.entries, ['ส้มโอ', '[31mแดง']);
	assert.equal(history.problem, 'search history: 3 bad lines skipped');
	fs.writeFileSync(file, 'x'.repeat(MAX_BYTES + 1));
	assert.deepEqual(SearchHistory.open(file).entries, []);
	assert.match(SearchHistory.open(file).problem!, /not read/);
	fs.rmSync(file);
	fs.mkdirSync(file);
	assert.match(SearchHistory.open(file).problem!, /not a file/);
	// Saving into a path that cannot be written gives a message, never an exception.
	assert.match(SearchHistory.open(path.join(file, 'x', '\u0000bad')).add('ส้มโอ') ?? '', /not saved/);
});
