import fs, {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {mock} from 'node:test';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Article} from '../../source/corpus/types.js';
import {buildEntityIndex} from '../../source/entities/builder.js';
import type {EntityIndex} from '../../source/entities/entity-index.js';
import {detectMentionsSteps, findMentions} from '../../source/entities/find-mentions.js';
import {foldForDetection} from '../../source/entities/normalize.js';
import {NO_PAUSE, runSteps} from '../../source/entities/steps.js';
import type {EntityKind} from '../../source/entities/types.js';

export function article(id: string, text: string): Article {
	return {id, path: id, format: 'txt', title: id, text, blocks: []};
}

/** The names of one kind detected in a text, as written. */
export function namedIn(text: string, kind: EntityKind): string[] {
	return findMentions({text})
		.filter((m) => m.kind === kind)
		.map((m) => m.text);
}

/**
 * The names of one kind detected in a one-paragraph text when the tagger reads `spans` (names of
 * the text, with their kinds) and nothing else: the rules' own extents, the tagger's given by hand.
 */
export function namedWhenTagged(text: string, kind: EntityKind, spans: ReadonlyArray<[string, EntityKind]> = []): string[] {
	const tagged = spans.map(([name, k]) => ({start: text.indexOf(name), end: text.indexOf(name) + name.length, kind: k}));
	if (tagged.some((sp) => sp.start < 0)) throw new Error('namedWhenTagged: a span is not in the text');
	return runSteps(detectMentionsSteps({text}, NO_PAUSE, {folded: foldForDetection(text), tagged: [tagged]}))
		.filter((m) => m.kind === kind)
		.map((m) => m.text);
}

/** The entity index of these texts, one article each. */
export function indexOfTexts(...texts: string[]): EntityIndex {
	return buildEntityIndex(texts.map((t, i) => article(`a${i}`, t)));
}

/** Ids of the entities with a mention written `name`. */
export function idsOf(idx: EntityIndex, name: string): string[] {
	return idx
		.all()
		.filter((e) => idx.mentionsOf(e.id).some((m) => m.text === name))
		.map((e) => e.id);
}

const SEED_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));

/** The five seed articles, in file order. */
export function seedArticles(): Article[] {
	return readdirSync(SEED_DIR)
		.filter((f) => f.endsWith('.txt'))
		.sort()
		.map((f) => article(`corpus/${f}`, readFileSync(SEED_DIR + f, 'utf8')));
}

/**
 * A corpus of two files in `root` (the first `split` texts in one, the rest in the other), one
 * article a line, read again from disk by `articles()`, and a cache folder beside them.
 */
export function twoFileCorpus(root: string, texts: readonly string[], split = 2): {root: string; cacheDir: string; files: string[]; articles: () => Article[]} {
	const files = ['one.txt', 'two.txt'].map((name) => path.join(root, name));
	writeFileSync(files[0]!, texts.slice(0, split).join('\n'));
	writeFileSync(files[1]!, texts.slice(split).join('\n'));
	const articles = (): Article[] =>
		files.flatMap((file) =>
			readFileSync(file, 'utf8')
				.split('\n')
				.map((text, i): Article => ({id: `${file}#${i + 1}`, path: file, format: 'txt', title: `${i}`, text, blocks: []})),
		);
	return {root, cacheDir: path.join(root, 'cache'), files, articles};
}

/** What `run` gives, and each fs.readSync it made: the buffer read into and the length asked for. */
export function withReads<T>(run: () => T): {result: T; reads: Array<{buffer: Uint8Array; length: number}>} {
	const spy = mock.method(fs, 'readSync');
	try {
		const result = run();
		const reads = spy.mock.calls.map((call) => {
			const args = call.arguments as unknown[];
			return {buffer: args[1] as Uint8Array, length: args[3] as number};
		});
		return {result, reads};
	} finally {
		spy.mock.restore();
	}
}
