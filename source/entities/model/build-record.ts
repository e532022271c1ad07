// What the shipped weights were built from, written into the weights file's header by the trainer
// (bench/train-ner.ts) and checked by the tests: the trainer's version, its settings, the hashes of
// the training and validation files, and a fingerprint of the lexicon the features read. A retrain
// gives the same bytes only from the same inputs; this names them, so a stale file is found out (the
// lexicon once gained world cities after the weights were trained, and nobody could tell).

import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {forEachLexiconWord} from './features.js';
import type {BuildFields} from './weights-file.js';

/** A file's SHA-256 in hex, as `sha256sum` prints it. */
export function fileDigest(path: string): string {
	return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** SHA-256 of the lexicon the features read: each word with all its flags, in code-unit order. */
export function lexiconFingerprint(): string {
	const flags = new Map<string, number>();
	forEachLexiconWord((word, flag) => flags.set(word, (flags.get(word) ?? 0) | flag));
	const hash = createHash('sha256');
	for (const word of [...flags.keys()].sort()) hash.update(`${flags.get(word)}\t${word}\n`);
	return hash.digest('hex');
}

export interface BuildRecord extends BuildFields {
	/** train.ts's TRAINER_VERSION. */
	trainer: number;
	bits: number;
	epochs: number;
	seed: number;
	/** Training lines used (val's left out). */
	lines: number;
	/** SHA-256 of train.txt and val.txt (val's lines are left out of training). */
	train: string;
	val: string;
	lexicon: string;
}
