// The tagger's emissions computed by the WebAssembly kernel (kernel.wat, built into kernel-binary.ts):
// the same integer sums as the JavaScript way in tagger.ts, about three times sooner. WebAssembly
// is part of Node itself (no native add-on, nothing to compile at install). Where it cannot run
// (no SIMD, the module refused, memory refused, weights wider than 8 bits) the tagger keeps the
// JavaScript way: the same tags.

import {lexiconFlags} from './features.js';
import {KERNEL_WASM} from './kernel-binary.js';
import type {Units} from './units.js';

/** Sums per unit in the kernel's output: the seven tags and one unused lane (a SIMD row is eight). */
export const KERNEL_STRIDE = 8;
const PAGE = 65536;
/**
 * Pages of the kernel's memory past its weights, for a paragraph's inputs and sums (39 bytes a
 * unit): 4 MB, about 100,000 units. Growing the memory detaches its old buffer, and the first buffer
 * detached in a thread makes V8 throw away the optimised code of every function reading typed arrays
 * there (the tries' walks, Viterbi…: about twenty, compiled again): with one page past the weights
 * the first long paragraph did that in each worker. Pages never touched take no memory.
 */
const HEADROOM_PAGES = 64;
/** Units outside the text: the same sentinels as staticFeatures. */
const BEFORE = 0x51ed27;
const AFTER = 0x3c6ef3;
const PAD_CLASS = 7;

const up = (n: number, to: number): number => Math.ceil(n / to) * to;

/** What the kernel needs of WebAssembly (TypeScript's own types for it come with the DOM's). */
interface WasmMemory {
	readonly buffer: ArrayBuffer;
	grow(pages: number): number;
}
interface WasmApi {
	Module: new (bytes: Uint8Array) => object;
	Instance: new (module: object, imports: object) => {exports: Record<string, unknown>};
	Memory: new (descriptor: {initial: number}) => WasmMemory;
}
const wasm = (globalThis as {WebAssembly?: WasmApi}).WebAssembly;

interface Instance {
	memory: WasmMemory;
	emit: (n: number, shift: number, hashes: number, classes: number, lexStarts: number, lexEnds: number, out: number) => void;
	/** Where the per-text inputs begin: after the weight rows. */
	inputs: number;
	shift: number;
}

let compiled: object | null | undefined;

function kernelModule(): object | null {
	if (compiled === undefined) {
		try {
			if (wasm === undefined) throw new Error('no WebAssembly');
			compiled = new wasm.Module(Buffer.from(KERNEL_WASM, 'base64'));
		} catch {
			compiled = null;
		}
	}
	return compiled;
}

/** The kernel reads 8-bit bucket weights (the shipped file's); wider ones take the JavaScript way. */
function bucketsFitEightBits(w: Int16Array, buckets: number): boolean {
	for (let i = 0; i < buckets * 7; i++) if (w[i]! < -128 || w[i]! > 127) return false;
	return true;
}

/** One instance per weights array (the rows are copied into its memory once). */
const instances = new WeakMap<Int16Array, Instance | null>();
let enabled = true;

function instanceFor(w: Float32Array | Int16Array, bits: number): Instance | null {
	if (!enabled || !(w instanceof Int16Array)) return null;
	let instance = instances.get(w);
	if (instance !== undefined) return instance;
	instance = null;
	const module = kernelModule();
	if (module !== null && wasm !== undefined) {
		try {
			const buckets = 1 << bits;
			if (!bucketsFitEightBits(w, buckets)) throw new Error('weights wider than the kernel reads');
			const inputs = buckets * 8;
			const memory = new wasm.Memory({initial: Math.ceil(inputs / PAGE) + HEADROOM_PAGES});
			// Each bucket's seven weights in a row of eight 8-bit lanes.
			const rows = new Int8Array(memory.buffer, 0, buckets * 8);
			for (let b = 0; b < buckets; b++) rows.set(w.subarray(b * 7, b * 7 + 7), b * 8);
			const exports = new wasm.Instance(module, {env: {memory, table: 0}}).exports as Pick<Instance, 'emit'>;
			instance = {memory, emit: exports.emit, inputs, shift: 32 - bits};
		} catch {
			instance = null;
		}
	}
	instances.set(w, instance);
	return instance;
}

/**
 * Each unit's score for each tag, KERNEL_STRIDE per unit, or null when the kernel cannot serve
 * these weights (floats while training, or no WebAssembly): then the caller sums them itself.
 * The array is a view of the kernel's memory, valid until the next call.
 */
export function kernelEmissions(text: string, units: Units, weights: Float32Array | Int16Array, bits: number): Int32Array | null {
	const k = instanceFor(weights, bits);
	if (k === null) return null;
	const n = units.count;
	const hashesAt = k.inputs;
	const classesAt = hashesAt + 4 * (n + 6);
	const startsAt = classesAt + up(n + 6, 4);
	const endsAt = startsAt + up(n + 1, 4);
	const sumsAt = up(endsAt + n + 1, 16);
	const need = sumsAt + n * KERNEL_STRIDE * 4;
	try {
		if (need > k.memory.buffer.byteLength) k.memory.grow(Math.ceil((need - k.memory.buffer.byteLength) / PAGE));
	} catch {
		// Memory refused for a huge paragraph: the JavaScript way takes this one.
		return null;
	}
	const buffer = k.memory.buffer;
	const hashes = new Int32Array(buffer, hashesAt, n + 6);
	hashes.fill(BEFORE, 0, 3);
	hashes.set(units.hashes, 3);
	hashes.fill(AFTER, n + 3, n + 6);
	const classes = new Uint8Array(buffer, classesAt, n + 6);
	classes.fill(PAD_CLASS);
	classes.set(units.classes, 3);
	const {starts, ends} = lexiconFlags(text, units);
	new Uint8Array(buffer, startsAt, n + 1).set(starts.subarray(0, n + 1));
	new Uint8Array(buffer, endsAt, n + 1).set(ends.subarray(0, n + 1));
	k.emit(n, k.shift, hashesAt, classesAt, startsAt, endsAt, sumsAt);
	return new Int32Array(buffer, sumsAt, n * KERNEL_STRIDE);
}

/** Switches the kernel off or on (tests and benchmarks compare it with the JavaScript way). */
export function setKernelEnabled(on: boolean): void {
	enabled = on;
}
