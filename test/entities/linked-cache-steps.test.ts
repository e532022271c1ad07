// The reader reads the linked-entities cache on its UI thread between keys: reading, checking,
// parsing and validating must come in small steps, never as one piece whose work grows with the
// archive (at 60,000 articles, one step of about two seconds held every key). These tests count
// the work of each step (bytes read, JSON parsed) on a made-up index of a few MB, so nothing here
// depends on timing.
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Article} from '../../source/corpus/types.js';
import {EntityIndex, entityIndexSteps, type EntityIndexData} from '../../source/entities/entity-index.js';
import {encodeLinkedCache, readLinkedCache, readLinkedCacheSteps} from '../../source/entities/linked-cache.js';
import {LinkedMentionsWriter, NONE} from '../../source/entities/linked-mentions.js';
import {StepClock, type Steps} from '../../source/entities/steps.js';
import type {Entity} from '../../source/entities/types.js';

const ARTICLES = 3_000;
const PER_ARTICLE = 80;
const ENTITIES = 9_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-linked-steps-'));
after(() => fs.rmSync(dir, {recursive: true, force: true}));

/** An index of 240,000 mentions of 9,000 entities over 3,000 articles, every field in range. */
function madeUp(): {data: EntityIndexData; articles: Article[]} {
	const articles: Article[] = Array.from(
		{length: ARTICLES},
		(_, a) => ({id: `a${a}`, path: 'made-up.jsonl', format: 'jsonl', title: `t${a}`, text: 'ก'.repeat(1_000), blocks: []}) as unknown as Article,
	);
	const writer = new LinkedMentionsWriter(ARTICLES * PER_ARTICLE, ARTICLES);
	const name = (e: number): string => `n${String(e).padStart(4, '0')}`;
	for (let a = 0; a < ARTICLES; a++) {
		writer.startArticle(a);
		for (let i = 0; i < PER_ARTICLE; i++)
			writer.add(
				a,
				i * 10,
				i * 10 + 5,
				(a * PER_ARTICLE + i * 7) % ENTITIES,
				name((a * PER_ARTICLE + i * 7) % ENTITIES),
				'made-up',
				i % 3 === 0 ? 'นาย' : undefined,
				i % 3 === 0 ? i * 10 + 6 : NONE,
			);
	}
	writer.startArticle(ARTICLES);
	const mentions = writer.finish(ENTITIES);
	const entities: Entity[] = Array.from({length: ENTITIES}, (_, e) => {
		const count = mentions.entityFirst[e + 1]! - mentions.entityFirst[e]!;
		return {id: `e${e}`, name: name(e), kind: 'person', aliases: [name(e), `${name(e)} สมมุติ`], mentionCount: count, articleCount: count};
	});
	return {data: {articleIds: articles.map((a) => a.id), entities, mentions, warnings: []}, articles};
}

/** A clock whose every step is over at once: a step is then the least work the code does between two yields. */
class EveryStep extends StepClock {
	override due(): boolean {
		return true;
	}
}

/** Runs `steps` to the end, measuring `measure()`'s growth within each step; the largest growth and the step count. */
function perStep<T>(steps: Steps<T>, measure: () => number): {value: T; largest: number; steps: number} {
	let largest = 0;
	let count = 0;
	for (;;) {
		const before = measure();
		const step = steps.next();
		largest = Math.max(largest, measure() - before);
		count++;
		if (step.done) return {value: step.value, largest, steps: count};
	}
}

test('the linked cache is read in steps of at most a MB read and a small piece of JSON parsed', () => {
	const {data, articles} = madeUp();
	const file = path.join(dir, 'made-up.lnk');
	fs.writeFileSync(file, Buffer.concat(encodeLinkedCache('key', data, articles)));
	const size = fs.statSync(file).size;
	assert.ok(size > 8 * 2 ** 20, `a file of several MB (${size} bytes)`);
	let read = 0;
	let parsed = 0;
	const readSync = fs.readSync;
	const parse = JSON.parse;
	fs.readSync = ((...args: Parameters<typeof fs.readSync>) => {
		const n = readSync(...args);
		read += n;
		return n;
	}) as typeof fs.readSync;
	JSON.parse = ((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
		parsed += text.length;
		return parse(text, reviver);
	}) as typeof JSON.parse;
	try {
		const reads = perStep(readLinkedCacheSteps(file, 'key', articles, new EveryStep()), () => read);
		assert.ok(reads.value.ok);
		assert.ok(reads.largest <= 2 ** 20 + 64 * 1024, `at most a MB read in a step (${reads.largest})`);
		assert.ok(read >= size, 'the whole file was read');
		assert.ok(reads.steps > size / 2 ** 20, `many steps (${reads.steps})`);
		const parses = perStep(readLinkedCacheSteps(file, 'key', articles, new EveryStep()), () => parsed);
		assert.ok(parses.largest <= 256 * 1024, `at most 256 KB of JSON parsed in a step (${parses.largest})`);
		assert.ok(parsed > 4 * parses.largest, 'far more JSON in all');
		// Step by step or at once, the same index.
		const whole = readLinkedCache(file, 'key', articles);
		assert.ok(whole.ok && reads.value.ok);
		assert.deepEqual(reads.value.data.entities, whole.data.entities);
		assert.deepEqual(reads.value.data.mentions, whole.data.mentions);
		assert.deepEqual(whole.data.entities, data.entities);
		assert.deepEqual(whole.data.mentions.byEntity, data.mentions.byEntity);
	} finally {
		fs.readSync = readSync;
		JSON.parse = parse;
	}
});

test('an index, and its name search, are made from cached data in many steps, and answer as one made at once', () => {
	const {data} = madeUp();
	const made = perStep(entityIndexSteps(data, new EveryStep(), {nameSearch: true}), () => 0);
	// A step ends after at most a few hundred ids (and 16 entities' names): one per 256 ticks.
	assert.ok(made.steps >= (ARTICLES + ENTITIES) / 256, `in ${made.steps} steps`);
	const index = made.value;
	assert.ok(index.hasNameSearch, 'the name search is built with it');
	const atOnce = new EntityIndex(data);
	for (const id of ['a0', 'a1234', `a${ARTICLES - 1}`]) assert.deepEqual(index.mentionsIn(id), atOnce.mentionsIn(id));
	assert.deepEqual(index.mentionsOf('e42'), atOnce.mentionsOf('e42'));
	assert.deepEqual(
		index.findByName('n0042').map((e) => e.id),
		atOnce.findByName('n0042').map((e) => e.id),
	);
	assert.equal(index.findByName('n0042')[0]?.id, 'e42');
});
