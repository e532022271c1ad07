// Trains the learned Thai NER tagger on Thai NER 1.5 (Wannaphong Phatthiyaphaibun, CC BY 3.0)
// `train.txt`, and writes the shipped weights, narrowed to 8 bits, with a record of how they were
// built in the header (build-record.ts). Fixed seed, epochs and order: the same data and code give
// the same bytes, and `--check` says whether they still do. `val.txt` is for measuring (bench/ner.ts)
// and for choosing the number of epochs (`--epochs`), never for training; every one of its 510 lines
// is also in `train.txt`, so those lines are left out of training here (trained on them, the val
// score would only measure memory: F1 0.91 against 0.7-0.8 on text not seen).
// Run: npm run train-ner                    writes source/entities/model/ner-weights.bin
//      npm run train-ner -- --check         trains, and exits 1 unless the shipped file is those bytes
//      npm run train-ner -- --epochs 4,8,15 val scores (rules + model, model alone) after those epochs
//      (options, then [train.txt] [val.txt] [out])

import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {type BuildRecord, fileDigest, lexiconFingerprint} from '../source/entities/model/build-record.js';
// Not a React hook, whatever its name says (the lint rule reads names).
import {useWeightsFile as weightsFrom} from '../source/entities/model/load.js';
import type {TaggerWeights} from '../source/entities/model/tagger.js';
import {TRAINER_VERSION, trainTagger} from '../source/entities/model/train.js';
import {decodeWeights, encodeWeights} from '../source/entities/model/weights-file.js';
import {readTrainingTexts} from './thainer.js';

export const TRAIN_BITS = 16;
/**
 * Chosen on val (`--epochs`, 2026-12-02): rules + model F1 0.836 at 6 epochs, 0.845 at 10, 0.850
 * at 15 and 20, 0.853 at 25; seeds 1 and 2 alike (0.851 / 0.855 at 15). The fewest epochs of the
 * plateau: 15.
 */
export const TRAIN_EPOCHS = 15;
export const TRAIN_SEED = 20261202;

export const DEFAULT_TRAIN = fileURLToPath(new URL('../../shared/data/thainer-1.5/train.txt', import.meta.url));
export const DEFAULT_VAL = fileURLToPath(new URL('../../shared/data/thainer-1.5/val.txt', import.meta.url));
export const SHIPPED_WEIGHTS = fileURLToPath(new URL('../source/entities/model/ner-weights.bin', import.meta.url));

export interface BuildOptions {
	trainPath: string;
	valPath: string;
	epochs?: number;
	/** Train on the first `limit` lines only (tests of determinism on a slice). */
	limit?: number;
	onEpoch?: (epoch: number, mistakes: number, units: number, averaged: () => TaggerWeights) => void;
}

/** The whole pipeline: read, leave val's lines out, train, narrow to 8 bits with the build record. */
export function buildWeights(options: BuildOptions): {bytes: Buffer; record: BuildRecord} {
	const held = new Set(readTrainingTexts(options.valPath).map((t) => t.text));
	const texts = readTrainingTexts(options.trainPath)
		.slice(0, options.limit)
		.filter((t) => !held.has(t.text));
	const epochs = options.epochs ?? TRAIN_EPOCHS;
	const model = trainTagger(texts, {bits: TRAIN_BITS, epochs, seed: TRAIN_SEED, ...(options.onEpoch === undefined ? {} : {onEpoch: options.onEpoch})});
	const record: BuildRecord = {
		trainer: TRAINER_VERSION,
		bits: TRAIN_BITS,
		epochs,
		seed: TRAIN_SEED,
		lines: texts.length,
		train: fileDigest(options.trainPath),
		val: fileDigest(options.valPath),
		lexicon: lexiconFingerprint(),
	};
	return {bytes: encodeWeights(model, record), record};
}

/** The fields where two build records differ, as `name: a → b` (stale weights explained). */
export function recordDifferences(a: Readonly<Record<string, string | number>>, b: Readonly<Record<string, string | number>>): string[] {
	const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
	return keys.filter((k) => a[k] !== b[k]).map((k) => `${k}: ${a[k] ?? '(none)'} → ${b[k] ?? '(none)'}`);
}

/** Val's precision / recall / F1 over the three kinds, with the rules and alone, for these weights. */
async function scoreOnVal(model: TaggerWeights, valPath: string): Promise<string> {
	const {runNerBench} = await import('./ner.js');
	const dir = mkdtempSync(join(tmpdir(), 'khao-train-ner-'));
	const path = join(dir, 'weights.bin');
	writeFileSync(path, encodeWeights(model));
	weightsFrom(path);
	try {
		const all = (mode: 'combined' | 'model'): string => {
			const r = runNerBench(valPath, mode).find((row) => row.kind === 'all')!;
			return [r.precision, r.recall, r.f1].map((x) => x.toFixed(3)).join(' / ');
		};
		return `${all('combined')}    ${all('model')}`;
	} finally {
		weightsFrom(undefined);
		rmSync(dir, {recursive: true, force: true});
	}
}

async function main(): Promise<void> {
	const {values, positionals} = parseArgs({allowPositionals: true, options: {check: {type: 'boolean', default: false}, epochs: {type: 'string'}}});
	const trainPath = positionals[0] ?? DEFAULT_TRAIN;
	const valPath = positionals[1] ?? DEFAULT_VAL;
	const outPath = positionals[2] ?? SHIPPED_WEIGHTS;
	const t = performance.now();
	const progress = (e: number, mistakes: number, units: number): void =>
		console.log(`epoch ${e}: ${mistakes} of ${units} units wrong (${((performance.now() - t) / 1000).toFixed(1)} s)`);
	if (values.epochs !== undefined) {
		const wanted = values.epochs.split(',').map(Number);
		if (wanted.some((e) => !Number.isSafeInteger(e) || e < 1 || e > 200)) throw new Error('--epochs takes numbers from 1 to 200, comma-separated');
		const snapshots: Array<[number, TaggerWeights]> = [];
		buildWeights({
			trainPath,
			valPath,
			epochs: Math.max(...wanted),
			onEpoch: (e, mistakes, units, averaged) => {
				progress(e, mistakes, units);
				if (wanted.includes(e)) snapshots.push([e, averaged()]);
			},
		});
		console.log(`val (${valPath}), precision / recall / F1 over people, organisations, places:`);
		console.log('epochs  rules + model            model alone');
		for (const [e, model] of snapshots) console.log(`${String(e).padStart(6)}  ${await scoreOnVal(model, valPath)}`);
		return;
	}
	const {bytes, record} = buildWeights({trainPath, valPath, onEpoch: progress});
	console.log(`${record.lines} training lines (val's left out), ${bytes.length} bytes, ${JSON.stringify(record)}`);
	if (values.check) {
		let shipped: Buffer;
		try {
			shipped = readFileSync(outPath);
		} catch (error) {
			console.error(`khao: ${outPath} not readable: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
			process.exit(1);
		}
		if (shipped.equals(bytes)) {
			console.log(`same bytes as ${outPath}`);
			return;
		}
		let why: string[];
		try {
			why = recordDifferences(decodeWeights(shipped).built, record);
		} catch (error) {
			why = [`the shipped file does not decode: ${(error as Error).message}`];
		}
		console.error(`khao: ${outPath} is not what training gives now${why.length === 0 ? ' (same build record: the code changed)' : `: ${why.join('; ')}`}`);
		process.exit(1);
	}
	writeFileSync(outPath, bytes);
	console.log(`→ ${outPath}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
