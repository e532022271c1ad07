import {readFileSync, readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {Article} from '../../source/corpus/types.js';

export function article(id: string, text: string): Article {
	return {id, path: id, format: 'txt', title: id, text, blocks: []};
}

const SEED_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));

/** The five seed articles, in file order. */
export function seedArticles(): Article[] {
	return readdirSync(SEED_DIR)
		.filter((f) => f.endsWith('.txt'))
		.sort()
		.map((f) => article(`corpus/${f}`, readFileSync(SEED_DIR + f, 'utf8')));
}
