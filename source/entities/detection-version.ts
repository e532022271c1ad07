// What detection's output depends on besides the article: its code and the tagger's weights. A
// cached detection is used only under the same fingerprint, so a new khao, new weights or the model
// switched off never read mentions an older detection found. Hashing the code itself (the bundle,
// or the sources under tsx) rather than trusting a hand-bumped number means nobody has to remember
// to bump it when a rule changes.

import crypto from 'node:crypto';
import {taggerFingerprint} from './model/load.js';
import {hashCode} from '../corpus/code-fingerprint.js';

let cached: string | undefined;

/** A short fingerprint of detection's code and weights, and whether the tagger is in use. */
export function detectionVersion(): string {
	return `${codeHash()}-${taggerFingerprint()}`;
}

/** The code part, computed once per process. */
function codeHash(): string {
	if (cached !== undefined) return cached;
	const hash = crypto.createHash('sha256');
	// From source (tests, tsx) the code is the folders detection reads.
	hashCode(hash, import.meta.url, ['.', '../text']);
	cached = hash.digest('hex').slice(0, 16);
	return cached;
}
