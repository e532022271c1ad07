// Tags text with the learned weights: each unit's features give it a score per tag, a tag-to-tag
// score says which tag may follow which (an I only after its kind's B or I), and Viterbi finds the
// best-scoring tag sequence over the whole text; its runs of B, I… become spans.

import {STATIC_FEATURES, staticFeatures} from './features.js';
import {KERNEL_STRIDE, kernelEmissions} from './kernel.js';
import {type ModelSpan, TAG_COUNT, tagsToSpans} from './tags.js';
import {splitUnits, type Units} from './units.js';

export interface TaggerWeights {
	/** Buckets = 2^bits. */
	bits: number;
	/**
	 * TAG_COUNT weights per bucket, then TAG_COUNT² transition weights, then TAG_COUNT start weights.
	 * The trainer's are floats; the shipped ones stay 16-bit integers (one scale for all does not
	 * change which tags win, and half the memory to read is a faster tagger).
	 */
	weights: Float32Array | Int16Array;
}

export const weightCount = (bits: number): number => (1 << bits) * TAG_COUNT + TAG_COUNT * TAG_COUNT + TAG_COUNT;

export interface Decoded {
	units: Units;
	tags: Uint8Array;
	/**
	 * The hashed features of each unit (STATIC_FEATURES per unit), for the trainer; valid until the
	 * next decode. Empty when the WebAssembly kernel summed the weights (the shipped ones).
	 */
	features: Int32Array;
}

const NO_FEATURES = new Int32Array(0);

/** Viterbi decoding of `text`. */
export function decode(text: string, model: TaggerWeights): Decoded {
	const units = splitUnits(text);
	const n = units.count;
	const tags = new Uint8Array(n);
	if (n === 0) return {units, tags, features: NO_FEATURES};
	const summed = kernelEmissions(text, units, model.weights, model.bits);
	if (summed !== null) {
		viterbi(summed, n, model, tags);
		return {units, tags, features: NO_FEATURES};
	}
	const features = staticFeatures(text, units, model.bits);
	if (emitScratch.length < n * STRIDE) emitScratch = new Float64Array(Math.max(n * STRIDE, emitScratch.length * 2));
	emissions(features, n, model, emitScratch);
	viterbi(emitScratch, n, model, tags);
	return {units, tags, features};
}

/** Emission scores per unit: the seven tags, and an unused eighth as the kernel writes them. */
const STRIDE = KERNEL_STRIDE;

/** Back pointers and emission scores, reused from one text to the next. */
let backScratch = new Uint8Array(0);
let emitScratch = new Float64Array(0);

/**
 * The shipped 16-bit weights two tags to a 32-bit word (tags 0|1, 2|3, 4|5, 6|none), built once
 * per weights array: four reads per feature instead of seven, each tag's weight read back exactly
 * by shifts. Only for the shipped weights, which never change (the trainer's floats do).
 */
const pairTables = new WeakMap<Int16Array, Int32Array>();

function pairTable(w: Int16Array, buckets: number): Int32Array {
	let pairs = pairTables.get(w);
	if (pairs !== undefined) return pairs;
	pairs = new Int32Array(buckets * 4);
	for (let b = 0; b < buckets; b++) {
		const from = b * 7;
		const to = b * 4;
		pairs[to] = (w[from]! & 0xffff) | (w[from + 1]! << 16);
		pairs[to + 1] = (w[from + 2]! & 0xffff) | (w[from + 3]! << 16);
		pairs[to + 2] = (w[from + 4]! & 0xffff) | (w[from + 5]! << 16);
		pairs[to + 3] = w[from + 6]! & 0xffff;
	}
	pairTables.set(w, pairs);
	return pairs;
}

/**
 * Each unit's score for each tag, the sum of its features' weights, into `out` (STRIDE per unit):
 * the trainer's way, and the shipped weights' where WebAssembly is missing. The sums are exact
 * every way (integers, or floats added in the same order), so the tags never depend on the way.
 */
function emissions(features: Int32Array, n: number, model: TaggerWeights, out: Float64Array): void {
	const NS = STATIC_FEATURES;
	const w = model.weights;
	if (w instanceof Int16Array) {
		const pairs = pairTable(w, 1 << model.bits);
		for (let i = 0, f = 0, o = 0; i < n; i++, o += STRIDE) {
			let e0 = 0,
				e1 = 0,
				e2 = 0,
				e3 = 0,
				e4 = 0,
				e5 = 0,
				e6 = 0;
			for (const end = f + NS; f < end; f++) {
				const b = features[f]! << 2;
				const x = pairs[b]!,
					y = pairs[b + 1]!,
					z = pairs[b + 2]!;
				e0 += (x << 16) >> 16;
				e1 += x >> 16;
				e2 += (y << 16) >> 16;
				e3 += y >> 16;
				e4 += (z << 16) >> 16;
				e5 += z >> 16;
				e6 += (pairs[b + 3]! << 16) >> 16;
			}
			out[o] = e0;
			out[o + 1] = e1;
			out[o + 2] = e2;
			out[o + 3] = e3;
			out[o + 4] = e4;
			out[o + 5] = e5;
			out[o + 6] = e6;
		}
		return;
	}
	// The trainer's floats, which change at every step: read as they are (training time only).
	out.fill(0, 0, n * STRIDE);
	for (let i = 0, f = 0, o = 0; i < n; i++, o += STRIDE) {
		for (const end = f + NS; f < end; f++) {
			const b = features[f]! * 7;
			for (let t = 0; t < 7; t++) out[o + t]! += w[b + t]!;
		}
	}
}

/**
 * The best tag sequence for `n` units with these emission scores (STRIDE per unit), into `tags`.
 * Written out for the seven tags (O, then B and I of each kind).
 */
function viterbi(e: Int32Array | Float64Array, n: number, model: TaggerWeights, tags: Uint8Array): void {
	const w = model.weights;
	const at = (1 << model.bits) * 7;
	const tr = w.subarray(at, at + 49);
	const first = w.subarray(at + 49, at + 56);
	if (backScratch.length < n * 7) backScratch = new Uint8Array(Math.max(n * 7, backScratch.length * 2));
	const back = backScratch;
	// Scores of the best sequence ending in each tag at the unit before.
	let s0 = e[0]! + first[0]!,
		s1 = e[1]! + first[1]!,
		s2 = -Infinity,
		s3 = e[3]! + first[3]!,
		s4 = -Infinity,
		s5 = e[5]! + first[5]!,
		s6 = -Infinity;
	for (let i = 1; i < n; i++) {
		const o = i * 7;
		const q = i * STRIDE;
		// O and the B tags may follow any tag.
		const n0 = bestBefore(s0, s1, s2, s3, s4, s5, s6, tr, 0, back, o);
		const n1 = bestBefore(s0, s1, s2, s3, s4, s5, s6, tr, 1, back, o);
		const n3 = bestBefore(s0, s1, s2, s3, s4, s5, s6, tr, 3, back, o);
		const n5 = bestBefore(s0, s1, s2, s3, s4, s5, s6, tr, 5, back, o);
		// An I tag only continues the B or I of its kind.
		const n2 = bestOfTwo(s1, s2, tr[1 * 7 + 2]!, tr[2 * 7 + 2]!, 1, back, o + 2);
		const n4 = bestOfTwo(s3, s4, tr[3 * 7 + 4]!, tr[4 * 7 + 4]!, 3, back, o + 4);
		const n6 = bestOfTwo(s5, s6, tr[5 * 7 + 6]!, tr[6 * 7 + 6]!, 5, back, o + 6);
		s0 = n0 + e[q]!;
		s1 = n1 + e[q + 1]!;
		s2 = n2 + e[q + 2]!;
		s3 = n3 + e[q + 3]!;
		s4 = n4 + e[q + 4]!;
		s5 = n5 + e[q + 5]!;
		s6 = n6 + e[q + 6]!;
	}
	const last = [s0, s1, s2, s3, s4, s5, s6];
	let tag = 0;
	for (let t = 1; t < 7; t++) if (last[t]! > last[tag]!) tag = t;
	for (let i = n - 1; i >= 0; i--) {
		tags[i] = tag;
		if (i > 0) tag = back[i * 7 + tag]!;
	}
}

/** The best score of reaching tag `t` from any tag before; its origin goes into `back`. */
function bestBefore(
	s0: number,
	s1: number,
	s2: number,
	s3: number,
	s4: number,
	s5: number,
	s6: number,
	tr: Float32Array | Int16Array,
	t: number,
	back: Uint8Array,
	o: number,
): number {
	let best = s0 + tr[t]!;
	let arg = 0;
	let v = s1 + tr[7 + t]!;
	if (v > best) {
		best = v;
		arg = 1;
	}
	v = s2 + tr[14 + t]!;
	if (v > best) {
		best = v;
		arg = 2;
	}
	v = s3 + tr[21 + t]!;
	if (v > best) {
		best = v;
		arg = 3;
	}
	v = s4 + tr[28 + t]!;
	if (v > best) {
		best = v;
		arg = 4;
	}
	v = s5 + tr[35 + t]!;
	if (v > best) {
		best = v;
		arg = 5;
	}
	v = s6 + tr[42 + t]!;
	if (v > best) {
		best = v;
		arg = 6;
	}
	back[o + t] = arg;
	return best;
}

function bestOfTwo(sb: number, si: number, fromB: number, fromI: number, b: number, back: Uint8Array, at: number): number {
	const vb = sb + fromB;
	const vi = si + fromI;
	back[at] = vb >= vi ? b : b + 1;
	return vb >= vi ? vb : vi;
}

/** The person, organisation and place spans the model finds in `text`. */
export function tagText(text: string, model: TaggerWeights): ModelSpan[] {
	const {tags, units} = decode(text, model);
	return tagsToSpans(tags, units.starts, units.count, text);
}
