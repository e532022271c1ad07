import fs from 'node:fs';
import path from 'node:path';
import type {Article} from '../corpus/types.js';
import {CORRECTIONS_FILE} from '../corpus/index.js';
import {buildEntityIndex, correctionsWarnings, loadEntityCorrections, taggerWarning, type EntityCorrections} from '../entities/index.js';
import {entitiesJson, entitiesTable} from '../plain/entities.js';
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

/** `--entities`: the same detection and linking as the reader. */
export function plainEntities(
	articles: Article[],
	opts: {json: boolean; width: number; correctionsFile?: string; root: string},
): string {
	const corrections = findCorrections(opts.correctionsFile, opts.root);
	const index = buildEntityIndex(articles, corrections ? {corrections} : {});
	// Corrections that matched nothing: said on stderr, the output stays clean.
	for (const w of correctionsWarnings(corrections, index.warnings)) warn(w);
	// A damaged NER weights file is no failure (rules alone), but the user hears of it.
	const warning = taggerWarning();
	if (warning !== undefined) process.stderr.write(`khao: warning: ${sanitizeInline(warning)}\n`);
	return opts.json ? entitiesJson(index, articles) : entitiesTable(index, opts.width);
}
