// Trains the learned Thai NER tagger on Thai NER 1.5 (Wannaphong Phatthiyaphaibun, CC BY 3.0)
// `train.txt`, and writes the shipped weights. Fixed seed and epochs: the same data gives the same
// file. `val.txt` is for measuring (bench/ner.ts), never for training; and every one of its 510
// lines is also in `train.txt`, so those lines are left out of training here (trained on them, the
// val score would only measure memory: F1 0.91 against 0.7-0.8 on text not seen).
// Run: npm run train-ner   (node --import tsx bench/train-ner.ts [train.txt] [val.txt] [out])
// `--narrow [in] [out]` rewrites a weights file of 16-bit buckets (before 8-bit ones) with the same
// weights on the 8-bit scale, without training: how the shipped file of 2026-12-02 was made.

import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {trainTagger} from '../source/entities/model/train.js';
import {decodeWeights, encodeWeights} from '../source/entities/model/weights-file.js';
import {readTrainingTexts} from './thainer.js';

export const TRAIN_BITS = 16;
export const TRAIN_EPOCHS = 6;
export const TRAIN_SEED = 20261202;

const DEFAULT_TRAIN = fileURLToPath(new URL('../../shared/data/thainer-1.5/train.txt', import.meta.url));
const DEFAULT_VAL = fileURLToPath(new URL('../../shared/data/thainer-1.5/val.txt', import.meta.url));
const DEFAULT_OUT = fileURLToPath(new URL('../source/entities/model/ner-weights.bin', import.meta.url));

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2] === '--narrow') {
	const inPath = process.argv[3] ?? DEFAULT_OUT;
	const outPath = process.argv[4] ?? inPath;
	const bytes = encodeWeights(decodeWeights(readFileSync(inPath)));
	writeFileSync(outPath, bytes);
	console.log(`${inPath} narrowed to 8-bit buckets, ${bytes.length} bytes → ${outPath}`);
} else if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
	const trainPath = process.argv[2] ?? DEFAULT_TRAIN;
	const valPath = process.argv[3] ?? DEFAULT_VAL;
	const outPath = process.argv[4] ?? DEFAULT_OUT;
	const held = new Set(readTrainingTexts(valPath).map((t) => t.text));
	const all = readTrainingTexts(trainPath);
	const texts = all.filter((t) => !held.has(t.text));
	console.log(`${all.length} training lines, ${all.length - texts.length} left out because val.txt holds them`);
	const t = performance.now();
	const model = trainTagger(texts, {
		bits: TRAIN_BITS,
		epochs: TRAIN_EPOCHS,
		seed: TRAIN_SEED,
		onEpoch: (e, mistakes, units) => console.log(`epoch ${e}: ${mistakes} of ${units} units wrong (${((performance.now() - t) / 1000).toFixed(1)} s)`),
	});
	const bytes = encodeWeights(model);
	writeFileSync(outPath, bytes);
	console.log(`${texts.length} texts, ${bytes.length} bytes → ${outPath}`);
}
