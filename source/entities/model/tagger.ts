// Tags text with the learned weights: each unit's features give it a score per tag, a tag-to-tag
// score says which tag may follow which (an I only after its kind's B or I), and Viterbi finds the
// best-scoring tag sequence over the whole text; its runs of B, I… become spans.

import {STATIC_FEATURES, staticFeatures} from './features.js';
import {type ModelSpan, TAG_COUNT, allowed, tagsToSpans} from './tags.js';
import {splitUnits, type Units} from './units.js';

export interface TaggerWeights {
	/** Buckets = 2^bits. */
	bits: number;
	/** TAG_COUNT weights per bucket, then TAG_COUNT² transition weights, then TAG_COUNT start weights. */
	weights: Float32Array;
}

export const weightCount = (bits: number): number => (1 << bits) * TAG_COUNT + TAG_COUNT * TAG_COUNT + TAG_COUNT;

export interface Decoded {
	units: Units;
	tags: Uint8Array;
	/** The hashed features of each unit (STATIC_FEATURES per unit), for the trainer. */
	features: Int32Array;
}

/** Viterbi decoding of `text`. */
export function decode(text: string, model: TaggerWeights): Decoded {
	// Imported bindings are getters under tsx: hot loops read local copies.
	const NT = TAG_COUNT;
	const NS = STATIC_FEATURES;
	const units = splitUnits(text);
	const n = units.count;
	const {features} = staticFeatures(text, units, model.bits);
	const w = model.weights;
	const transitions = (1 << model.bits) * NT;
	const startAt = transitions + NT * NT;
	const tags = new Uint8Array(n);
	if (n === 0) return {units, tags, features};
	const back = new Uint8Array(n * NT);
	let score = new Float64Array(NT);
	let next = new Float64Array(NT);
	const emission = new Float64Array(NT);
	for (let i = 0; i < n; i++) {
		emission.fill(0);
		const o = i * NS;
		for (let f = 0; f < NS; f++) {
			const b = features[o + f]! * NT;
			for (let t = 0; t < NT; t++) emission[t]! += w[b + t]!;
		}
		if (i === 0) {
			for (let t = 0; t < NT; t++) score[t] = allowed(0, t) ? emission[t]! + w[startAt + t]! : -Infinity;
			continue;
		}
		for (let t = 0; t < NT; t++) {
			let best = -Infinity;
			let arg = 0;
			// An I tag (even, not 0) only continues the B or I of its kind.
			const inside = t !== 0 && (t & 1) === 0;
			for (let p = 0; p < NT; p++) {
				if (inside && (p === 0 || (p - 1) >> 1 !== (t - 1) >> 1)) continue;
				const s = score[p]! + w[transitions + p * NT + t]!;
				if (s > best) {
					best = s;
					arg = p;
				}
			}
			next[t] = best + emission[t]!;
			back[i * NT + t] = arg;
		}
		const swap = score;
		score = next;
		next = swap;
	}
	let last = 0;
	for (let t = 1; t < NT; t++) if (score[t]! > score[last]!) last = t;
	for (let i = n - 1; i >= 0; i--) {
		tags[i] = last;
		if (i > 0) last = back[i * NT + last]!;
	}
	return {units, tags, features};
}

/** The person, organisation and place spans the model finds in `text`. */
export function tagText(text: string, model: TaggerWeights): ModelSpan[] {
	const {tags, units} = decode(text, model);
	return tagsToSpans(tags, units.starts, units.count, text);
}
