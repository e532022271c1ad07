// Preloaded into the test runner and every test file's process (`node --import`): each process
// gets a temporary folder of its own, removed when it exits, so the temporary folders tests and the
// khao processes they start make (`fs.mkdtempSync(os.tmpdir() …)`) never pile up in /tmp.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-test-'));
// Searchable by others, as /tmp is: a test runs khao as another user on a folder in here.
fs.chmodSync(dir, 0o755);
process.env['TMPDIR'] = dir;
process.on('exit', () => {
	fs.rmSync(dir, {recursive: true, force: true});
});
