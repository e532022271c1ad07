import fs from 'node:fs';
import path from 'node:path';
import type {Article} from '../corpus/types.js';
import {CORRECTIONS_FILE} from '../corpus/index.js';
import {correctionsWarnings, loadEntityCorrections, taggerWarning, type EntityCorrections} from '../entities/index.js';
import {entitiesJsonPieces, entitiesTable} from '../plain/entities.js';
import {defaultCacheDir} from '../search/cache.js';
import {linkCorpus} from '../entities/link-corpus.js';
import {warn} from './output.js';
import {sanitizeInline} from '../text/sanitize.js';

/**
 * The user's corrections: the file named by --entities-file (an error if unreadable), else
 * khao.entities.json in the corpus folder when there is one. Throws EntityCorrectionsError.
 */
export function findCorrections(explicit: string | undefined, root: string): EntityCorrections | undefined {
	if (explicit !== undefined) return loadEntityCorrections(explicit);
	let dir = root;
	try {
		if (!fs.statSync(root).isDirectory()) dir = path.dirname(root);
	} catch {
		return undefined;
	}
	const candidate = path.join(dir, CORRECTIONS_FILE);
	return fs.existsSync(candidate) ? loadEntityCorrections(candidate) : undefined;
}

/** `--entities`: the same detection and linking as the reader; the linked result cached per corpus, detection per source file. */
export async function plainEntities(
	articles: Article[],
	opts: {json: boolean; width: number; correctionsFile?: string; root: string; cache?: boolean},
): Promise<string | Iterable<string>> {
	const corrections = findCorrections(opts.correctionsFile, opts.root);
	const cacheDir = opts.cache === false ? undefined : defaultCacheDir();
	// The linked result of an unchanged corpus is read whole; else detection (cached per file) and linking.
	const {index} = await linkCorpus(articles, {...(cacheDir === undefined ? {} : {cacheDir}), ...(corrections ? {corrections} : {}), onWarning: warn});
	// Corrections that matched nothing: said on stderr, the output stays clean.
	for (const w of correctionsWarnings(corrections, index.warnings)) warn(w);
	// A damaged NER weights file is no failure (rules alone), but the user hears of it.
	const warning = taggerWarning();
	if (warning !== undefined) process.stderr.write(`khao: warning: ${sanitizeInline(warning)}\n`);
	return opts.json ? entitiesJsonPieces(index, articles) : entitiesTable(index, opts.width);
}
