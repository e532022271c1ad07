// The layout both entity caches share (per-file detections, a corpus's linked result): an 8-byte
// magic, the JSON header's length (u32), one CRC-32 over payload then header (u32), the payload as
// 8-aligned pieces (typed-array views need aligned offsets), then the JSON header. The header comes
// last so that a file can be written as its payload comes (SealedFileWriter): a 60,000-article
// corpus's detections (hundreds of MB) never have to be in memory at once to be saved.
// Opening checks magic, length and CRC; what the header says is for the caller to check.
import fs from 'node:fs';
import zlib from 'node:zlib';
import {openCacheFile, readExactly} from '../search/cache-blocks.js';
import {AlignedPieces, align8} from '../search/cache-format.js';
import {AtomicFileWriter} from '../search/cache-io.js';

/** Magic (8 bytes), header length (u32), CRC-32 of payload and header (u32). */
export const LEAD = 16;

/** What `openSealed` says of a whole file of this cache's earlier layout: stale, not damaged. */
export const OLD_LAYOUT = 'old layout';

function leadOf(magic: string, headerBytes: Uint8Array, crc: number): Buffer {
	const lead = Buffer.alloc(LEAD);
	lead.write(magic, 0, 'latin1');
	lead.writeUInt32LE(headerBytes.byteLength, 8);
	lead.writeUInt32LE(crc, 12);
	return lead;
}

/** The file's bytes: lead, the payload pieces as they are (each from AlignedPieces), header. */
export function sealFile(magic: string, header: unknown, pieces: readonly Uint8Array[]): Uint8Array[] {
	const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
	const crc = zlib.crc32(
		headerBytes,
		pieces.reduce((sum, piece) => zlib.crc32(piece, sum), 0),
	);
	return [leadOf(magic, headerBytes, crc), ...pieces, headerBytes];
}

/**
 * A sealed file written as its payload comes: each piece goes to disk (atomically, at `finish`)
 * and is let go, so what is in memory is the header, not the payload. Throws a CacheProblem when
 * the folder is unusable; `finish` throws one when writing failed.
 */
export class SealedFileWriter {
	private readonly payload = new AlignedPieces([]);
	private readonly out: AtomicFileWriter;
	private crc = 0;

	constructor(
		private readonly magic: string,
		file: string,
	) {
		this.out = new AtomicFileWriter(file);
		this.out.append(new Uint8Array(LEAD));
	}

	/** Appends `bytes` to the payload (padded to 8); returns where they start in it. */
	push(bytes: Uint8Array): number {
		const at = this.payload.push(bytes);
		for (const piece of this.payload.pieces.splice(0)) {
			this.crc = zlib.crc32(piece, this.crc);
			this.out.append(piece);
		}
		return at;
	}

	/** Payload bytes so far (padding included). */
	get payloadBytes(): number {
		return this.payload.offset;
	}

	/** Writes the header after the payload and the lead before it, and puts the file in place. */
	async finish(header: unknown): Promise<void> {
		const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
		this.out.append(headerBytes);
		this.out.writeAt(0, leadOf(this.magic, headerBytes, zlib.crc32(headerBytes, this.crc)));
		await this.out.commit();
	}

	/** Gives up (the corpus was left before it was all detected); never throws. */
	abort(): Promise<void> {
		return this.out.abort();
	}
}

/**
 * The header as parsed JSON (anything: its shape is the caller's to check) and the payload (a view
 * of `bytes` when aligned, else an aligned copy), or what is wrong (a short reason). A whole file
 * of the earlier layout (header first), magic `previous`, is OLD_LAYOUT: stale, not damaged.
 */
export function openSealed(bytes: Buffer, magic: string, what: string, previous?: string): {header: unknown; payload: Uint8Array<ArrayBuffer>} | string {
	const found = bytes.byteLength < LEAD ? '' : bytes.toString('latin1', 0, magic.length);
	if (found === previous && wholeOldLayout(bytes)) return OLD_LAYOUT;
	if (found !== magic) return bytes.byteLength === 0 ? 'empty' : `not a khao ${what}`;
	const headerLength = bytes.readUInt32LE(8);
	const end = bytes.byteLength - headerLength;
	if (end < LEAD) return 'truncated';
	const crc = zlib.crc32(bytes.subarray(end), zlib.crc32(bytes.subarray(LEAD, end)));
	if (crc !== bytes.readUInt32LE(12)) return 'bad checksum';
	let header: unknown;
	try {
		header = JSON.parse(bytes.toString('utf8', end));
	} catch {
		return 'bad header';
	}
	// A file read whole sits at the start of its own buffer: its payload is viewed, not copied.
	if ((bytes.byteOffset + LEAD) % 8 === 0) return {header, payload: new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset + LEAD, end - LEAD)};
	const payload = new Uint8Array(end - LEAD);
	payload.set(bytes.subarray(LEAD, end));
	return {header, payload};
}

/**
 * The JSON header of the sealed file `file` read alone (its lead and its tail), before any checksum:
 * enough to see that a file is another version's or stale without reading a payload of hundreds of
 * MB (a 60,000-article detection cache read and summed whole only to find it was another khao's
 * held the reader's UI thread about 300 ms of CPU). Undefined when it cannot tell (absent,
 * unreadable, too large, another magic, a header that does not parse): the caller reads the file
 * whole, which says why.
 */
export function peekSealedHeader(file: string, magic: string, maxBytes: number): unknown {
	let opened: {fd: number; size: number} | undefined;
	try {
		opened = openCacheFile(file, maxBytes);
	} catch {
		return undefined;
	}
	if (!opened) return undefined;
	try {
		if (opened.size < LEAD) return undefined;
		const lead = readExactly(opened.fd, 0, LEAD);
		if (lead.toString('latin1', 0, magic.length) !== magic) return undefined;
		const headerLength = lead.readUInt32LE(8);
		if (headerLength > opened.size - LEAD) return undefined;
		return JSON.parse(readExactly(opened.fd, opened.size - headerLength, headerLength).toString('utf8')) as unknown;
	} catch {
		return undefined;
	} finally {
		fs.closeSync(opened.fd);
	}
}

/** True when the earlier layout's checksum (header, padding to 8, payload) holds. */
function wholeOldLayout(bytes: Buffer): boolean {
	const headerEnd = LEAD + bytes.readUInt32LE(8);
	const start = align8(headerEnd);
	if (start > bytes.byteLength) return false;
	return zlib.crc32(bytes.subarray(start), zlib.crc32(bytes.subarray(LEAD, headerEnd))) === bytes.readUInt32LE(12);
}

// Checks of a header's fields.
export const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isPair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && isCount(v[0]) && isCount(v[1]);
