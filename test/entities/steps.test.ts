import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import type {Article} from '../../source/corpus/types.js';
import {EntityIndexBuilder} from '../../source/entities/builder.js';
import {parseEntityCorrections} from '../../source/entities/corrections.js';
import {occurrencesOfAll} from '../../source/entities/detect/occurrences.js';
import type {EntityIndex} from '../../source/entities/entity-index.js';
import {detectMentions, detectMentionsOfBatch, detectMentionsSteps} from '../../source/entities/find-mentions.js';
import {StepClock, type Steps, sortSteps} from '../../source/entities/steps.js';
import {article, seedArticles} from './helpers.js';

const THAIGOV = path.join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'thaigov-2k.jsonl');

/** The seeds, and the first thaigov articles when the shared data is there. */
function corpus(limit = 150): Article[] {
	const articles = seedArticles();
	if (!existsSync(THAIGOV)) {
		// Without the shared data, the seeds' paragraphs stand in as many small articles, so the
		// tests below still have more articles than the slices they take.
		const paragraphs = articles.flatMap((a) => a.text.split(/\n+/).filter((p) => p.trim().length > 80));
		paragraphs.slice(0, limit).forEach((p, i) => articles.push(article(`para#${i + 1}`, p)));
		return articles;
	}
	const lines = readFileSync(THAIGOV, 'utf8')
		.split('\n')
		.filter((l) => l.trim() !== '');
	lines.slice(0, limit).forEach((line, i) => {
		const record = JSON.parse(line) as {body?: string};
		articles.push(article(`thaigov#${i + 1}`, record.body ?? ''));
	});
	return articles;
}

/** Everything a reader can ask an index, as plain data. */
function shape(idx: EntityIndex): unknown {
	return {
		entities: idx.all(),
		warnings: idx.warnings,
		articleIds: idx.articleIds,
		byArticle: idx.articleIds.map((a) => idx.mentionsIn(a)),
		byEntity: idx.all().map((e) => ({mentions: idx.mentionsOf(e.id), articles: idx.articlesOf(e.id)})),
	};
}

/** Runs step-wise work to the end, counting its steps. */
function drain<T>(steps: Steps<T>): {value: T; steps: number} {
	for (let n = 1; ; n++) {
		const step = steps.next();
		if (step.done) return {value: step.value, steps: n};
	}
}

const CORPUS = corpus();

describe('entity index in steps', () => {
	// stepMs 0: every look at the clock ends a step, so every place that can pause does.
	it('snapshotSteps gives what snapshot gives, in many steps', () => {
		const builder = new EntityIndexBuilder();
		builder.add(CORPUS);
		const {value, steps} = drain(builder.snapshotSteps(0));
		assert.ok(steps > 10, `only ${steps} steps`);
		assert.deepEqual(shape(value), shape(builder.snapshot()));
		assert.ok(value.all().length > 20);
	});

	it('with corrections too (merge, split, aliases, rename, kind, hide)', () => {
		const plain = new EntityIndexBuilder();
		plain.add(CORPUS);
		const top = plain.snapshot().all();
		const corrections = parseEntityCorrections(
			JSON.stringify({
				merge: [
					[top[1]!.id, top[2]!.name],
					['no such entity', top[4]!.id],
				],
				split: [{from: top[1]!.name, names: [top[2]!.aliases.at(-1)], name: 'Split Off'}],
				rename: {[top[5]!.id]: 'Renamed'},
				aliases: {[top[6]!.name]: [top[7]!.name, 'Another Spelling']},
				kind: {[top[8]!.id]: 'other'},
				hide: [top[9]!.id],
			}),
		);
		const builder = new EntityIndexBuilder({corrections});
		builder.add(CORPUS);
		const {value, steps} = drain(builder.snapshotSteps(0));
		assert.ok(steps > 10);
		assert.deepEqual(shape(value), shape(builder.snapshot()));
		assert.deepEqual(value.warnings, ['merge: no entity "no such entity"']);
		assert.equal(value.entity(top[9]!.id), undefined, 'hidden');
		assert.ok(value.all().some((e) => e.name === 'Renamed'));
	});

	it('snapshots taken along the way (which later ones reuse) leave the last one as a fresh build', () => {
		for (const options of [{}, {corrections: parseEntityCorrections('{"merge": [["ไทย", "จีน"]], "hide": ["ญี่ปุ่น"]}')}]) {
			const fresh = new EntityIndexBuilder(options);
			fresh.add(CORPUS);
			const along = new EntityIndexBuilder(options);
			const early: EntityIndex[] = [];
			for (let i = 0; i < CORPUS.length; i += 30) {
				along.add(CORPUS.slice(i, i + 30));
				early.push(along.snapshot());
			}
			const first = shape(early[0]!);
			assert.deepEqual(shape(drain(along.snapshotSteps(0)).value), shape(fresh.snapshot()));
			assert.deepEqual(shape(early[0]!), first, 'an old snapshot does not change');
		}
	});

	it('addSteps links what add links', () => {
		const whole = new EntityIndexBuilder();
		whole.add(CORPUS);
		const stepped = new EntityIndexBuilder();
		let steps = 0;
		for (let i = 0; i < CORPUS.length; i += 7) steps += drain(stepped.addSteps(CORPUS.slice(i, i + 7), 0)).steps;
		assert.ok(steps > CORPUS.length);
		assert.equal(stepped.size, CORPUS.length);
		assert.deepEqual(shape(stepped.snapshot()), shape(whole.snapshot()));
	});

	it('detects the same mentions in steps', () => {
		const long = CORPUS.reduce((a, b) => (b.text.length > a.text.length ? b : a));
		const {value, steps} = drain(detectMentionsSteps(long, new StepClock(0)));
		assert.ok(steps > 2);
		assert.deepEqual(value, detectMentions(long));
	});

	it('detects the same mentions in a batch, tagged all at once first, as article by article', () => {
		// An empty article, empty paragraphs and invisible characters (folded away before tagging) must
		// leave each article with its own paragraphs' tags.
		const odd = [article('odd#1', ''), article('odd#2', '\n\nนายกรัฐมนตรีพบนายสมชาย\u200b ใจดี\n\n\nที่กระทรวงการคลัง\n'), article('odd#3', '\u00adกรุงเทพมหานคร')];
		const batch = [...CORPUS.slice(0, 40), ...odd, ...CORPUS.slice(40, 60)];
		assert.deepEqual(
			detectMentionsOfBatch(batch),
			batch.map((a) => detectMentions(a)),
		);
	});

	it('refuses articles added while a snapshot is in steps', () => {
		const builder = new EntityIndexBuilder();
		builder.add(CORPUS.slice(0, 20));
		const snapshot = builder.snapshotSteps(0);
		snapshot.next();
		builder.add(CORPUS.slice(20, 21));
		assert.throws(() => drain(snapshot), /added while a snapshot/);
	});

	it('an article half detected when a snapshot is taken is not in it', () => {
		const builder = new EntityIndexBuilder();
		const adding = builder.addSteps(CORPUS.slice(0, 1), 0);
		adding.next();
		assert.equal(builder.snapshot().articleIds.length, 0);
		drain(adding);
		assert.deepEqual(builder.snapshot().articleIds, [CORPUS[0]!.id]);
	});
});

describe('occurrencesOfAll', () => {
	const naive = (text: string, s: string): number[] => {
		const out: number[] = [];
		for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) out.push(i);
		return out;
	};

	it('finds every start of every needle, overlapping ones too, like indexOf', () => {
		const letters = fc.constantFrom('ก', 'า', 'ส', 'ี', ' ', 'a', 'b');
		const str = (max: number) => fc.array(letters, {minLength: 1, maxLength: max}).map((a) => a.join(''));
		fc.assert(
			fc.property(str(60), fc.array(str(4), {maxLength: 6}), (text, needles) => {
				const found = occurrencesOfAll(text, needles);
				for (const s of needles) assert.deepEqual(found.get(s), naive(text, s), s);
			}),
		);
		assert.deepEqual(occurrencesOfAll('สีสีส', ['สีส']).get('สีส'), [0, 2]);
	});
});

describe('sortSteps', () => {
	it('orders like Array.prototype.sort, stable, in steps', () => {
		fc.assert(
			fc.property(fc.array(fc.record({key: fc.integer({min: 0, max: 5}), n: fc.nat()}), {maxLength: 300}), (items) => {
				const compare = (a: {key: number}, b: {key: number}): number => a.key - b.key;
				assert.deepEqual(drain(sortSteps(items, compare, new StepClock(0, undefined, 1))).value, [...items].sort(compare));
			}),
		);
	});
});
