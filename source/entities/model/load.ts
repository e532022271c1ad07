// The shipped weights, read the first time detection asks for them (never on the way to the first
// screen: detection runs after it). A missing, cut-short or damaged file is no failure: detection
// goes on with the rules alone, and the reason is kept as one line for the user to see.

import crypto from 'node:crypto';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {TaggerWeights} from './tagger.js';
import {decodeWeights} from './weights-file.js';

const WEIGHTS_FILE = 'ner-weights.bin';

/** Where the file is: beside this module (source, tests) or in the package beside dist/cli.js. */
function candidatePaths(): string[] {
	return [new URL(`./${WEIGHTS_FILE}`, import.meta.url), new URL(`../source/entities/model/${WEIGHTS_FILE}`, import.meta.url)].map((u) => fileURLToPath(u));
}

export type LoadResult = {ok: true; model: TaggerWeights} | {ok: false; reason: string};

/** Reads and checks one weights file; never throws. */
export function loadWeightsFile(path: string): LoadResult {
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return {ok: false, reason: code === 'ENOENT' ? 'weights file not found' : `weights file not readable (${code ?? 'error'})`};
	}
	try {
		return {ok: true, model: decodeWeights(bytes)};
	} catch (error) {
		return {ok: false, reason: (error as Error).message};
	}
}

let state: {model: TaggerWeights | null; warning?: string} | undefined;
let enabled = true;
let paths: () => string[] = candidatePaths;

/** The shipped tagger, or null (rules only) when it is switched off or its file is unusable. */
export function sharedTagger(): TaggerWeights | null {
	if (!enabled) return null;
	if (state === undefined) {
		let last: LoadResult = {ok: false, reason: 'weights file not found'};
		for (const path of paths()) {
			last = loadWeightsFile(path);
			if (last.ok || last.reason !== 'weights file not found') break;
		}
		state = last.ok ? {model: last.model} : {model: null, warning: `NER model not used, entities found by rules only: ${last.reason}`};
	}
	return state.model;
}

/** Why the model is not in use, once loading was tried and failed. */
export function taggerWarning(): string | undefined {
	return state?.warning;
}

/** Loads the weights from `path` from now on (tests of a damaged file); undefined: the shipped one. */
export function useWeightsFile(path: string | undefined): void {
	paths = path === undefined ? candidatePaths : () => [path];
	state = undefined;
	fingerprints.clear();
}

const fingerprints = new Map<string, string>();

/**
 * What the tagger's part of detection depends on, without decoding the weights (some 70 ms of
 * gunzip and parsing, which a reopen or a cached search, whose detection is all cached, never
 * needs): `rules` when it is switched off, else the bytes of the file it would load, hashed. The
 * same bytes always decode the same way, so a damaged file that leaves the rules alone has a
 * fingerprint of its own too.
 */
export function taggerFingerprint(): string {
	if (!enabled) return 'rules';
	for (const path of paths()) {
		let known = fingerprints.get(path);
		if (known === undefined) {
			try {
				known = 'model-' + crypto.createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				// A missing file is looked for in the next place, as sharedTagger does.
				if (code === 'ENOENT') continue;
				known = `unreadable-${code ?? 'error'}`;
			}
			fingerprints.set(path, known);
		}
		return known;
	}
	return 'no-weights';
}

/** Turns the model off or on (rules-only comparisons, tests of the rules themselves). */
export function setTaggerEnabled(on: boolean): void {
	enabled = on;
}
