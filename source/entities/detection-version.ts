// What detection's output depends on besides the article: its code and the tagger's weights. A
// cached detection is used only under the same fingerprint, so a new khao, new weights or the model
// switched off never read mentions an older detection found. Hashing the code itself (the bundle,
// or the sources under tsx) rather than trusting a hand-bumped number means nobody has to remember
// to bump it when a rule changes.

import crypto from 'node:crypto';
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import {sharedTagger} from './model/load.js';
import {hashCode, readOrEmpty} from '../corpus/code-fingerprint.js';

let cached: string | undefined;

/** A short fingerprint of detection's code and weights, and whether the tagger is in use. */
export function detectionVersion(): string {
	// Switched off, or unusable weights: the rules alone found the mentions.
	return `${codeHash()}-${sharedTagger() === null ? 'rules' : 'model'}`;
}

/** The code and weights part, computed once per process. */
function codeHash(): string {
	if (cached !== undefined) return cached;
	const hash = crypto.createHash('sha256');
	// From source (tests, tsx) the code is the folders detection reads.
	hashCode(hash, import.meta.url, ['.', '../text']);
	const weights = [new URL('./model/ner-weights.bin', import.meta.url), new URL('../source/entities/model/ner-weights.bin', import.meta.url)].map((u) =>
		fileURLToPath(u),
	);
	hash.update(readOrEmpty(weights.find((w) => fs.existsSync(w)) ?? ''));
	cached = hash.digest('hex').slice(0, 16);
	return cached;
}
