import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {loadCorpus} from '../../source/corpus/index.js';
import {bodyCacheStats, setBodyCacheLimits} from '../../source/corpus/article-store.js';
import {detectCorpus} from '../../source/entities/detect-corpus.js';

test('detection in workers reads a batch of bodies when a worker takes it, not the whole corpus up front', async (t) => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-detect-bodies-'));
	t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
	const file = path.join(dir, 'news.jsonl');
	const record = (i: number) => JSON.stringify({title: `ข่าวที่ ${i}`, body: `นายสมหมาย ใจเย็น ประธานกรรมการบริษัท ตัวอย่าง จำกัด เดินทางไปเชียงราย ครั้งที่ ${i}`});
	fs.writeFileSync(file, Array.from({length: 1_000}, (_, i) => record(i)).join('\n') + '\n');
	const {articles} = await loadCorpus(file);
	assert.equal(articles.length, 1_000);
	setBodyCacheLimits();
	t.after(() => setBodyCacheLimits());

	const steps = detectCorpus(articles, {threads: 1});
	try {
		const first = await steps.next();
		assert.equal(first.done, false);
		// One worker: the batch it detected and at most the next it took (64 articles a batch). Before,
		// every pending article's body was read and queued at once: the whole corpus on the heap.
		assert.ok(bodyCacheStats().reads <= 3 * 64, `${bodyCacheStats().reads} bodies read before the first batch came back`);
	} finally {
		await steps.return({done: 0, fromCache: 0, total: 0});
	}
});
