// The shipped weights file: a small header (magic, sizes, feature-set version, scale, checksum), a
// record of how the weights were built (trainer version, data hashes, epochs, seed: build-record.ts),
// and the weights quantised to integers (8-bit values for the buckets, 16-bit for the transitions),
// kept as 16-bit integers and gzip-compressed (most buckets are zero). Decoding checks everything
// and throws a one-line reason, so a damaged or stale file never tags with nonsense.

import {gunzipSync, gzipSync} from 'node:zlib';
import {STATIC_FEATURES} from './features.js';
import {TAG_COUNT} from './tags.js';
import {type TaggerWeights, weightCount} from './tagger.js';

// Version 2 added the build record after the fixed header.
const MAGIC = 'KHAONER2';
const HEADER = 32;
/** The build record is short JSON; a longer one is a damaged file, not something to allocate for. */
const MAX_RECORD = 4096;

/** How a weights file was built: flat names to numbers or plain strings (hashes, versions). */
export type BuildFields = Readonly<Record<string, string | number>>;

/** A record's strings are hashes and versions: anything else is damage, never printed as it is. */
const PLAIN = /^[\w.:+-]{0,200}$/;

export interface WeightsFile extends TaggerWeights {
	built: BuildFields;
}
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
export function encodeWeights(model: TaggerWeights, built: BuildFields = {}): Buffer {
	const w = model.weights;
	const buckets = (1 << model.bits) * TAG_COUNT;
	let max = 0;
	for (let i = 0; i < buckets; i++) max = Math.max(max, Math.abs(w[i]!));
	const scale = max === 0 ? 1 : max / 127;
	const q = new Int16Array(w.length);
	for (let i = 0; i < w.length; i++) q[i] = Math.max(-32767, Math.min(32767, Math.round(w[i]! / scale)));
	for (const value of Object.values(built))
		if (typeof value === 'string' && !PLAIN.test(value)) throw new Error(`build record value not plain: ${JSON.stringify(value)}`);
	const record = Buffer.from(JSON.stringify(built), 'utf8');
	if (record.length > MAX_RECORD) throw new Error('build record too long');
	const body = Buffer.alloc(4 + record.length + q.length * 2);
	body.writeUInt32LE(record.length, 0);
	body.set(record, 4);
	body.set(new Uint8Array(q.buffer), 4 + record.length);
	const raw = Buffer.alloc(HEADER + body.length);
	raw.write(MAGIC, 0, 'latin1');
	raw.writeUInt32LE(model.bits, 8);
	raw.writeUInt32LE(TAG_COUNT, 12);
	raw.writeUInt32LE(STATIC_FEATURES * 256 + FEATURE_VERSION, 16);
	raw.writeFloatLE(scale, 20);
	raw.writeUInt32LE(w.length, 24);
	raw.writeUInt32LE(checksum(body), 28);
	raw.set(body, HEADER);
	// Fixed level and no file name or time in the header: the same weights give the same bytes.
	return gzipSync(raw, {level: 9});
}

export function decodeWeights(file: Uint8Array): WeightsFile {
	let raw: Buffer;
	try {
		raw = gunzipSync(file);
	} catch {
		throw new Error('not a gzip file, or cut short');
	}
	if (raw.length < HEADER || !raw.toString('latin1', 0, 8).startsWith('KHAONER')) throw new Error('not a khao NER weights file');
	if (raw.toString('latin1', 0, 8) !== MAGIC) throw new Error('weights file of another format version');
	const bits = raw.readUInt32LE(8);
	if (raw.readUInt32LE(12) !== TAG_COUNT || raw.readUInt32LE(16) !== STATIC_FEATURES * 256 + FEATURE_VERSION)
		throw new Error('weights for another version of the tagger');
	if (bits < 4 || bits > 24) throw new Error(`bad bucket count 2^${bits}`);
	const count = raw.readUInt32LE(24);
	const recordLength = raw.length >= HEADER + 4 ? raw.readUInt32LE(HEADER) : -1;
	if (count !== weightCount(bits) || recordLength < 0 || recordLength > MAX_RECORD || raw.length !== HEADER + 4 + recordLength + count * 2)
		throw new Error('weights file has the wrong size');
	if (checksum(raw.subarray(HEADER)) !== raw.readUInt32LE(28)) throw new Error('weights file is damaged (checksum)');
	const scale = raw.readFloatLE(20);
	if (!Number.isFinite(scale) || scale <= 0) throw new Error('bad weight scale');
	const built = parseRecord(raw.toString('utf8', HEADER + 4, HEADER + 4 + recordLength));
	const payload = raw.subarray(HEADER + 4 + recordLength);
	// A copy, aligned for the 16-bit view (the gunzipped buffer may start at an odd offset); the file
	// is little-endian, as are the machines Node runs on.
	const weights = new Int16Array(count);
	new Uint8Array(weights.buffer).set(payload);
	return {bits, weights, built};
}

function parseRecord(json: string): BuildFields {
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		throw new Error("weights file's build record is damaged");
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error("weights file's build record is damaged");
	const fields: Record<string, string | number> = {};
	for (const [key, field] of Object.entries(value)) {
		const ok = PLAIN.test(key) && ((typeof field === 'number' && Number.isFinite(field)) || (typeof field === 'string' && PLAIN.test(field)));
		if (!ok) throw new Error("weights file's build record is damaged");
		fields[key] = field as string | number;
	}
	return fields;
}
