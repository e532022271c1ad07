// The structured averaged perceptron that learns the tagger's weights: decode each training text
// with the current weights (Viterbi) and, where the tags differ from the right ones, move the
// weights of those units' features and of the tag transitions towards the right tags and away
// from the wrong ones. The weights kept are the average over all steps (steadier than the last).
// Order is shuffled by a seeded generator: the same data, seed and epochs give the same weights.

import type {EntityKind} from '../types.js';
import {STATIC_FEATURES} from './features.js';
import {spansToTags, TAG_COUNT} from './tags.js';
import {decode, type TaggerWeights, weightCount} from './tagger.js';
import {splitUnits} from './units.js';

/**
 * Raise when training changes what it makes of the same data and settings (the weights file records
 * it: build-record.ts). 1: the first trainer; 2: the 8-bit narrowing and the build record in the file.
 */
export const TRAINER_VERSION = 2;

export interface TrainingText {
	text: string;
	spans: ReadonlyArray<{start: number; end: number; kind: EntityKind}>;
}

export interface TrainOptions {
	bits: number;
	epochs: number;
	seed: number;
	/**
	 * Called after each epoch (progress for the training script); `averaged` gives the weights as
	 * they would be if training stopped here (choosing the number of epochs on val).
	 */
	onEpoch?: (epoch: number, mistakes: number, units: number, averaged: () => TaggerWeights) => void;
}

/** A small seeded generator (mulberry32): training must not depend on Math.random. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function trainTagger(texts: readonly TrainingText[], options: TrainOptions): TaggerWeights {
	const NT = TAG_COUNT;
	const NS = STATIC_FEATURES;
	const size = weightCount(options.bits);
	const w = new Float32Array(size);
	const model: TaggerWeights = {bits: options.bits, weights: w};
	// Sum of step × change, for the average without touching every weight at every step.
	const timed = new Float64Array(size);
	let step = 1;
	const add = (index: number, delta: number): void => {
		w[index]! += delta;
		timed[index]! += step * delta;
	};
	const transitions = (1 << options.bits) * NT;
	const startAt = transitions + NT * NT;
	const gold = texts.map((t) => {
		const units = splitUnits(t.text);
		return spansToTags(t.spans, units.starts, units.count);
	});
	const random = seeded(options.seed);
	const order = texts.map((_, i) => i);
	for (let epoch = 1; epoch <= options.epochs; epoch++) {
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[order[i], order[j]] = [order[j]!, order[i]!];
		}
		let mistakes = 0;
		let units = 0;
		for (const index of order) {
			const want = gold[index]!;
			const {tags: got, features} = decode(texts[index]!.text, model);
			units += got.length;
			for (let i = 0; i < got.length; i++) {
				const right = want[i]!;
				const guess = got[i]!;
				const prevRight = i === 0 ? -1 : want[i - 1]!;
				const prevGuess = i === 0 ? -1 : got[i - 1]!;
				if (right !== guess) {
					mistakes++;
					for (let f = 0; f < NS; f++) {
						const b = features[i * NS + f]! * NT;
						add(b + right, 1);
						add(b + guess, -1);
					}
				}
				if (right !== guess || prevRight !== prevGuess) {
					add(i === 0 ? startAt + right : transitions + prevRight * NT + right, 1);
					add(i === 0 ? startAt + guess : transitions + prevGuess * NT + guess, -1);
				}
			}
			step++;
		}
		options.onEpoch?.(epoch, mistakes, units, () => average(w, timed, step, options.bits));
	}
	return average(w, timed, step, options.bits);
}

/** The averaged perceptron's weights: each weight's mean over all steps so far. */
function average(w: Float32Array, timed: Float64Array, step: number, bits: number): TaggerWeights {
	const averaged = new Float32Array(w.length);
	for (let i = 0; i < w.length; i++) averaged[i] = w[i]! - timed[i]! / step;
	return {bits, weights: averaged};
}
