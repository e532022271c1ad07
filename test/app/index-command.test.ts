import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {spawnSync} from 'node:child_process';

const CLI = path.join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const skip = fs.existsSync(CLI) ? false : 'dist/cli.js not built';

function khao(args: string[], env: NodeJS.ProcessEnv) {
	const r = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', timeout: 120_000, env: {...process.env, ...env}});
	return {code: r.status, out: r.stdout, err: r.stderr};
}

test('--index builds both caches for every file and says what, how big and how long', {skip}, (t) => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-index-'));
	t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
	const corpus = path.join(dir, 'news');
	const cache = path.join(dir, 'cache');
	fs.mkdirSync(corpus);
	const body = 'นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงเกษตรและสหกรณ์ ลงพื้นที่จังหวัดเชียงใหม่เพื่อพบเกษตรกร';
	fs.writeFileSync(path.join(corpus, 'a.jsonl'), Array.from({length: 30}, (_, i) => JSON.stringify({id: String(i), title: `ข่าว ${i}`, body})).join('\n'));
	fs.writeFileSync(path.join(corpus, 'b.txt'), `หัวข้อข่าว\n\n${body}\n`);

	const r = khao(['--index', corpus], {KHAO_CACHE_DIR: cache});
	assert.equal(r.code, 0, r.err);
	const lines = r.out.trimEnd().split('\n');
	assert.match(lines[0]!, /^indexed 31 articles \(2 files\) of .*news in \d+\.\d s \(reading \d+\.\d s\)$/);
	assert.match(lines[1]!, /^ {2}search +\d+(\.\d)? (KiB|MiB) +\d+\.\d s$/);
	assert.match(lines[2]!, /^ {2}entities +\d+(\.\d)? (KiB|MiB|bytes) +\d+\.\d s$/);
	assert.equal(lines[3], `  cache in ${cache}`);
	const files = fs.readdirSync(cache);
	assert.equal(files.filter((f) => f.startsWith('search-')).length, 2);
	assert.equal(files.filter((f) => f.startsWith('entities-')).length, 2);
	// Not a terminal: progress in plain lines on stderr, ending with everything done.
	assert.match(r.err, /khao: search: 31 \/ 31 articles\n/);
	assert.match(r.err, /khao: entities: 31 \/ 31 articles\n/);
	assert.doesNotMatch(r.err, /\r|\u001b/);
});

test('--index: usage mistakes are one line and exit 2', {skip}, () => {
	for (const [args, env] of [
		[['--index', '-'], {}],
		[['--index', '--no-cache', 'corpus'], {}],
		[['--index', '--list', 'corpus'], {}],
		[['--index', 'corpus'], {KHAO_CACHE_DIR: 'off'}],
	] as const) {
		const r = khao([...args], env);
		assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
		assert.equal(r.out, '');
		assert.match(r.err, /^khao: .*--index/);
	}
});
