// Heap of the entity index's mentions: as columns (linked-mentions.ts, today) and as the object per
// mention the index kept before (a LinkedMention each, listed by article and by entity). Reads the
// linked-result cache that `khao --entities` or the reader left for a corpus, so that nothing is
// detected again; the older form is rebuilt from it, field for field.
//
//   node --expose-gc --import tsx bench/entities-heap.ts CACHE_DIR CORPUS
import fs from 'node:fs';
import path from 'node:path';
import {loadCorpus} from '../source/corpus/index.js';
import {readCacheBytes} from '../source/search/cache-io.js';
import {EntityIndex} from '../source/entities/entity-index.js';
import {readLinkedCache} from '../source/entities/linked-cache.js';
import {NONE} from '../source/entities/linked-mentions.js';
import {openSealed} from '../source/entities/sealed-file.js';
import type {LinkedMention} from '../source/entities/types.js';

const [cacheDir, corpus] = process.argv.slice(2);
if (!cacheDir || !corpus) throw new Error('usage: bench/entities-heap.ts CACHE_DIR CORPUS');
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
const gc = (globalThis as {gc?: () => void}).gc;
if (!gc) throw new Error('run with node --expose-gc');
// The JS heap only (objects, strings); the columns are typed arrays, counted exactly by their lengths.
// A turn of the event loop first: WeakRef targets (the article store's bodies) are freed only after one.
const used = async (): Promise<number> => {
	await new Promise((resolve) => setTimeout(resolve, 50));
	gc();
	await new Promise((resolve) => setTimeout(resolve, 50));
	gc();
	return process.memoryUsage().heapUsed;
};

const {articles} = await loadCorpus(corpus);
const file = fs
	.readdirSync(cacheDir)
	.filter((f) => f.endsWith('.lnk'))
	.map((f) => path.join(cacheDir, f))[0];
if (!file) throw new Error(`no linked cache in ${cacheDir}`);
// The key is the bundle's that wrote it: taken from the file (this is a measurement, not a reader).
const sealed = openSealed(readCacheBytes(file, 2 ** 31)!, 'KHAOLNK2', 'linked cache');
if (typeof sealed === 'string') throw new Error(sealed);
const key = (sealed.header as {key: string}).key;

// Let the corpus loader settle (it frees its read buffers after a turn or two).
await new Promise((resolve) => setTimeout(resolve, 500));
const before = await used();
let t = performance.now();
const read = readLinkedCache(file, key, articles);
if (!read.ok) throw new Error(`cache not usable: ${read.kind}`);
const index = new EntityIndex(read.data);
const readMs = performance.now() - t;
const indexHeap = (await used()) - before;
let columnBytes = 0;
for (const column of Object.values(read.data.mentions)) if (ArrayBuffer.isView(column)) columnBytes += column.byteLength;

// The older form: one object per mention, in a list per article and a list per entity.
const mid = await used();
t = performance.now();
const m = index.data.mentions;
const entities = index.all();
const objects: LinkedMention[] = [];
for (let g = 0; g < m.article.length; g++) {
	const entity = entities[m.entity[g]!]!;
	const o: LinkedMention = {
		start: m.start[g]!,
		end: m.end[g]!,
		text: m.strings[m.text[g]!]!,
		kind: entity.kind,
		rule: m.strings[m.rule[g]!]!,
		articleId: index.articleIds[m.article[g]!]!,
		entityId: entity.id,
	};
	if (m.title[g] !== NONE) {
		o.title = m.strings[m.title[g]!]!;
		o.titleStart = m.titleStart[g]!;
	}
	objects.push(o);
}
const byArticle = index.articleIds.map((_, a) => objects.slice(m.articleFirst[a]!, m.articleFirst[a + 1]!));
const byEntity = entities.map((_, e) => Array.from(m.byEntity.subarray(m.entityFirst[e]!, m.entityFirst[e + 1]!), (g) => objects[g]!));
objects.length = 0;
const objectMs = performance.now() - t;
const objectBytes = (await used()) - mid;
console.log(`articles ${articles.length}, mentions ${m.article.length}, entities ${entities.length}`);
console.log(`index with mention columns: ${mb(columnBytes)} of columns + ${mb(indexHeap)} of JS heap (entities, strings) (read and checked in ${readMs.toFixed(0)} ms)`);
console.log(`JS heap of mention objects (the old form, besides): ${mb(objectBytes)} (made in ${objectMs.toFixed(0)} ms)`);
console.log(`  ${byArticle.length + byEntity.length} lists kept alive`);
