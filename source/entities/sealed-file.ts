// The layout both entity caches share (per-file detections, a corpus's linked result): an 8-byte
// magic, the JSON header's length (u32), one CRC-32 over header and payload (u32), the header, zero
// padding to 8, then the payload as 8-aligned pieces (typed-array views need aligned offsets).
// Opening checks magic, length, padding and CRC; what the header says is for the caller to check.
import zlib from 'node:zlib';
import {align8} from '../search/cache-format.js';

/** Magic (8 bytes), header length (u32), CRC-32 of header and payload (u32). */
const LEAD = 16;

/** The file's bytes: lead and header, then the payload pieces as they are. */
export function sealFile(magic: string, header: unknown, pieces: readonly Uint8Array[]): Uint8Array[] {
	const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
	const crc = pieces.reduce((sum, piece) => zlib.crc32(piece, sum), zlib.crc32(headerBytes));
	const lead = Buffer.alloc(align8(LEAD + headerBytes.byteLength));
	lead.write(magic, 0, 'latin1');
	lead.writeUInt32LE(headerBytes.byteLength, 8);
	lead.writeUInt32LE(crc, 12);
	headerBytes.copy(lead, LEAD);
	return [lead, ...pieces];
}

/**
 * The header as parsed JSON (anything: its shape is the caller's to check) and an aligned copy of
 * the payload, or what is wrong (a short reason).
 */
export function openSealed(bytes: Buffer, magic: string, what: string): {header: unknown; payload: Uint8Array<ArrayBuffer>} | string {
	if (bytes.byteLength < LEAD || bytes.toString('latin1', 0, magic.length) !== magic) return bytes.byteLength === 0 ? 'empty' : `not a khao ${what}`;
	const headerLength = bytes.readUInt32LE(8);
	const start = align8(LEAD + headerLength);
	if (start > bytes.byteLength) return 'truncated';
	// The padding after the header is outside the checksum: zeros, as written, or damage.
	if (bytes.subarray(LEAD + headerLength, start).some((b) => b !== 0)) return 'bad layout';
	const crc = zlib.crc32(bytes.subarray(start), zlib.crc32(bytes.subarray(LEAD, LEAD + headerLength)));
	if (crc !== bytes.readUInt32LE(12)) return 'bad checksum';
	let header: unknown;
	try {
		header = JSON.parse(bytes.toString('utf8', LEAD, LEAD + headerLength));
	} catch {
		return 'bad header';
	}
	const payload = new Uint8Array(bytes.byteLength - start);
	payload.set(bytes.subarray(start));
	return {header, payload};
}

// Checks of a header's fields.
export const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isPair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && isCount(v[0]) && isCount(v[1]);
