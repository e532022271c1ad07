// The shipped weights file: a small header (magic, sizes, feature-set version, scale, checksum) and
// the weights quantised to integers (8-bit values for the buckets, 16-bit for the transitions), kept
// as 16-bit integers and gzip-compressed (most buckets are zero). Decoding checks
// everything and throws a one-line reason, so a damaged or stale file never tags with nonsense.

import {gunzipSync, gzipSync} from 'node:zlib';
import {STATIC_FEATURES} from './features.js';
import {TAG_COUNT} from './tags.js';
import {type TaggerWeights, weightCount} from './tagger.js';

const MAGIC = 'KHAONER1';
const HEADER = 32;
/** Raise when features change meaning: old weights are then refused instead of misread. */
export const FEATURE_VERSION = 3;

function checksum(bytes: Uint8Array): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
	return h >>> 0;
}

/**
 * The weights as the file keeps them: each bucket's weights on a scale of -127…127 (the tagger's
 * WebAssembly kernel reads them as bytes: half the memory to wait on, see kernel.wat), the tag
 * transitions and start weights on the same scale in 16 bits. The trainer's floats go in, or the
 * weights of an older file (16-bit) to be narrowed the same way; the scale is the size of one step
 * in the units given.
 */
export function encodeWeights(model: TaggerWeights): Buffer {
	const w = model.weights;
	const buckets = (1 << model.bits) * TAG_COUNT;
	let max = 0;
	for (let i = 0; i < buckets; i++) max = Math.max(max, Math.abs(w[i]!));
	const scale = max === 0 ? 1 : max / 127;
	const q = new Int16Array(w.length);
	for (let i = 0; i < w.length; i++) q[i] = Math.max(-32767, Math.min(32767, Math.round(w[i]! / scale)));
	const payload = new Uint8Array(q.buffer);
	const raw = Buffer.alloc(HEADER + payload.length);
	raw.write(MAGIC, 0, 'latin1');
	raw.writeUInt32LE(model.bits, 8);
	raw.writeUInt32LE(TAG_COUNT, 12);
	raw.writeUInt32LE(STATIC_FEATURES * 256 + FEATURE_VERSION, 16);
	raw.writeFloatLE(scale, 20);
	raw.writeUInt32LE(w.length, 24);
	raw.writeUInt32LE(checksum(payload), 28);
	raw.set(payload, HEADER);
	// Fixed level and no file name or time in the header: the same weights give the same bytes.
	return gzipSync(raw, {level: 9});
}

export function decodeWeights(file: Uint8Array): TaggerWeights {
	let raw: Buffer;
	try {
		raw = gunzipSync(file);
	} catch {
		throw new Error('not a gzip file, or cut short');
	}
	if (raw.length < HEADER || raw.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a khao NER weights file');
	const bits = raw.readUInt32LE(8);
	if (raw.readUInt32LE(12) !== TAG_COUNT || raw.readUInt32LE(16) !== STATIC_FEATURES * 256 + FEATURE_VERSION)
		throw new Error('weights for another version of the tagger');
	if (bits < 4 || bits > 24) throw new Error(`bad bucket count 2^${bits}`);
	const count = raw.readUInt32LE(24);
	if (count !== weightCount(bits) || raw.length !== HEADER + count * 2) throw new Error('weights file has the wrong size');
	const payload = new Uint8Array(raw.buffer, raw.byteOffset + HEADER, count * 2);
	if (checksum(payload) !== raw.readUInt32LE(28)) throw new Error('weights file is damaged (checksum)');
	const scale = raw.readFloatLE(20);
	if (!Number.isFinite(scale) || scale <= 0) throw new Error('bad weight scale');
	// A copy, aligned for the 16-bit view (the gunzipped buffer may start at an odd offset); the file
	// is little-endian, as are the machines Node runs on.
	const weights = new Int16Array(count);
	new Uint8Array(weights.buffer).set(payload);
	return {bits, weights};
}
