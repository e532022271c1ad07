// What detection's output depends on besides the article: its code and the tagger's weights. A
// cached detection is used only under the same fingerprint, so a new khao, new weights or the model
// switched off never read mentions an older detection found. Hashing the code itself (the bundle,
// or the sources under tsx) rather than trusting a hand-bumped number means nobody has to remember
// to bump it when a rule changes.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {sharedTagger} from './model/load.js';

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
	const self = fileURLToPath(import.meta.url);
	// The bundle is one file; from source (tests, tsx) the code is the folders detection reads.
	const code = self.endsWith('.js') ? [self] : sourceFiles([path.dirname(self), path.join(path.dirname(self), '..', 'text')]);
	for (const file of code) hash.update(file.endsWith('.js') ? '' : path.basename(file)).update(readOrEmpty(file));
	const weights = [new URL('./model/ner-weights.bin', import.meta.url), new URL('../source/entities/model/ner-weights.bin', import.meta.url)].map((u) =>
		fileURLToPath(u),
	);
	hash.update(readOrEmpty(weights.find((w) => fs.existsSync(w)) ?? ''));
	cached = hash.digest('hex').slice(0, 16);
	return cached;
}

function readOrEmpty(file: string): Buffer {
	try {
		return fs.readFileSync(file);
	} catch {
		return Buffer.alloc(0);
	}
}

function sourceFiles(dirs: readonly string[]): string[] {
	const out: string[] = [];
	const walk = (dir: string): void => {
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(dir, {withFileTypes: true});
		} catch {
			return;
		}
		for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
			const full = path.join(dir, e.name);
			if (e.isDirectory()) walk(full);
			else if (e.name.endsWith('.ts')) out.push(full);
		}
	};
	for (const dir of dirs) walk(dir);
	return out;
}
