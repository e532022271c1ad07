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
	/** The units and their tags: views of buffers the next decode writes over (copy what is kept). */
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
	const units = splitUnits(text, true);
	const n = units.count;
	if (tagScratch.length < n) tagScratch = new Uint8Array(Math.max(n, tagScratch.length * 2));
	const tags = tagScratch.subarray(0, n);
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
let tagScratch = new Uint8Array(0);

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
 * Written out for the seven tags (O, then B and I of each kind), the transition weights read once
 * into locals: a call per tag and unit with the table read again each time was a quarter of the
 * tagger's time. Ties go to the lower tag, as they always did.
 */
function viterbi(e: Int32Array | Float64Array, n: number, model: TaggerWeights, tags: Uint8Array): void {
	const w = model.weights;
	const at = (1 << model.bits) * 7;
	const tr = w.subarray(at, at + 49);
	const first = w.subarray(at + 49, at + 56);
	if (backScratch.length < n * 7) backScratch = new Uint8Array(Math.max(n * 7, backScratch.length * 2));
	const back = backScratch;
	// Transitions from tag a to tag b, for the tags that O and the B tags come from (any tag).
	const [t00, t01, , t03, , t05] = [tr[0]!, tr[1]!, 0, tr[3]!, 0, tr[5]!];
	const [t10, t11, t12, t13, , t15] = [tr[7]!, tr[8]!, tr[9]!, tr[10]!, 0, tr[12]!];
	const [t20, t21, t22, t23, , t25] = [tr[14]!, tr[15]!, tr[16]!, tr[17]!, 0, tr[19]!];
	const [t30, t31, , t33, t34, t35] = [tr[21]!, tr[22]!, 0, tr[24]!, tr[25]!, tr[26]!];
	const [t40, t41, , t43, t44, t45] = [tr[28]!, tr[29]!, 0, tr[31]!, tr[32]!, tr[33]!];
	const [t50, t51, , t53, , t55, t56] = [tr[35]!, tr[36]!, 0, tr[38]!, 0, tr[40]!, tr[41]!];
	const [t60, t61, , t63, , t65, t66] = [tr[42]!, tr[43]!, 0, tr[45]!, 0, tr[47]!, tr[48]!];
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
		// O and the B tags may follow any tag: the best of the seven, the first on a tie.
		let b0 = s0 + t00,
			a0 = 0,
			b1 = s0 + t01,
			a1 = 0,
			b3 = s0 + t03,
			a3 = 0,
			b5 = s0 + t05,
			a5 = 0;
		let v: number;
		v = s1 + t10;
		if (v > b0) {
			b0 = v;
			a0 = 1;
		}
		v = s2 + t20;
		if (v > b0) {
			b0 = v;
			a0 = 2;
		}
		v = s3 + t30;
		if (v > b0) {
			b0 = v;
			a0 = 3;
		}
		v = s4 + t40;
		if (v > b0) {
			b0 = v;
			a0 = 4;
		}
		v = s5 + t50;
		if (v > b0) {
			b0 = v;
			a0 = 5;
		}
		v = s6 + t60;
		if (v > b0) {
			b0 = v;
			a0 = 6;
		}
		v = s1 + t11;
		if (v > b1) {
			b1 = v;
			a1 = 1;
		}
		v = s2 + t21;
		if (v > b1) {
			b1 = v;
			a1 = 2;
		}
		v = s3 + t31;
		if (v > b1) {
			b1 = v;
			a1 = 3;
		}
		v = s4 + t41;
		if (v > b1) {
			b1 = v;
			a1 = 4;
		}
		v = s5 + t51;
		if (v > b1) {
			b1 = v;
			a1 = 5;
		}
		v = s6 + t61;
		if (v > b1) {
			b1 = v;
			a1 = 6;
		}
		v = s1 + t13;
		if (v > b3) {
			b3 = v;
			a3 = 1;
		}
		v = s2 + t23;
		if (v > b3) {
			b3 = v;
			a3 = 2;
		}
		v = s3 + t33;
		if (v > b3) {
			b3 = v;
			a3 = 3;
		}
		v = s4 + t43;
		if (v > b3) {
			b3 = v;
			a3 = 4;
		}
		v = s5 + t53;
		if (v > b3) {
			b3 = v;
			a3 = 5;
		}
		v = s6 + t63;
		if (v > b3) {
			b3 = v;
			a3 = 6;
		}
		v = s1 + t15;
		if (v > b5) {
			b5 = v;
			a5 = 1;
		}
		v = s2 + t25;
		if (v > b5) {
			b5 = v;
			a5 = 2;
		}
		v = s3 + t35;
		if (v > b5) {
			b5 = v;
			a5 = 3;
		}
		v = s4 + t45;
		if (v > b5) {
			b5 = v;
			a5 = 4;
		}
		v = s5 + t55;
		if (v > b5) {
			b5 = v;
			a5 = 5;
		}
		v = s6 + t65;
		if (v > b5) {
			b5 = v;
			a5 = 6;
		}
		// An I tag only continues the B or I of its kind (the B on a tie).
		const i2b = s1 + t12,
			i2i = s2 + t22,
			i4b = s3 + t34,
			i4i = s4 + t44,
			i6b = s5 + t56,
			i6i = s6 + t66;
		back[o] = a0;
		back[o + 1] = a1;
		back[o + 2] = i2b >= i2i ? 1 : 2;
		back[o + 3] = a3;
		back[o + 4] = i4b >= i4i ? 3 : 4;
		back[o + 5] = a5;
		back[o + 6] = i6b >= i6i ? 5 : 6;
		s0 = b0 + e[q]!;
		s1 = b1 + e[q + 1]!;
		s2 = (i2b >= i2i ? i2b : i2i) + e[q + 2]!;
		s3 = b3 + e[q + 3]!;
		s4 = (i4b >= i4i ? i4b : i4i) + e[q + 4]!;
		s5 = b5 + e[q + 5]!;
		s6 = (i6b >= i6i ? i6b : i6i) + e[q + 6]!;
	}
	const last = [s0, s1, s2, s3, s4, s5, s6];
	let tag = 0;
	for (let t = 1; t < 7; t++) if (last[t]! > last[tag]!) tag = t;
	for (let i = n - 1; i >= 0; i--) {
		tags[i] = tag;
		if (i > 0) tag = back[i * 7 + tag]!;
	}
}

/** The person, organisation and place spans the model finds in `text`. */
export function tagText(text: string, model: TaggerWeights): ModelSpan[] {
	const {tags, units} = decode(text, model);
	return tagsToSpans(tags, units.starts, units.count, text);
}
