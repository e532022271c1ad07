// The layout both entity caches share (per-file detections, a corpus's linked result): an 8-byte
// magic, the JSON header's length (u32), one CRC-32 over payload then header (u32), the payload as
// 8-aligned pieces (typed-array views need aligned offsets), then the JSON header. The header comes
// last so that a file can be written as its payload comes (SealedFileWriter): a 60,000-article
// corpus's detections (hundreds of MB) never have to be in memory at once to be saved.
// Opening checks magic, length and CRC; what the header says is for the caller to check.
import fs from 'node:fs';
import zlib from 'node:zlib';
import {reasonOf} from '../corpus/errors.js';
import {BadBlock, openCacheFile, readExactly} from '../search/cache-blocks.js';
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

/** What `SealedReader.open` says of a file it will not read: absent, of the earlier layout (`previous`), or damaged (why). */
export type SealedMiss = {kind: 'absent'} | {kind: 'previous'} | {kind: 'damaged'; reason: string};

/** Bytes summed per read when a range is skipped over (never kept). */
const SKIP_BYTES = 2 ** 20;

/**
 * A sealed file read as it is checked, without ever holding its whole payload: the lead and the
 * header first (the header from the file's tail), then the payload in order, a range at a time
 * (`read`), the bytes between ranges summed in slices and let go; `finish` sums what is left and
 * the header and says whether the checksum holds. So what a 180 MB detection cache costs in memory
 * is the largest range asked for. Until `finish` says yes, nothing read is to be trusted beyond
 * the checks the caller makes of it; the caller closes it (`close`).
 */
export class SealedReader {
	private at = 0;
	private crc = 0;
	private closed = false;

	private constructor(
		private readonly fd: number,
		/** The open file's identity (device, inode, size, times) when opened: a file changed since is not this one. */
		readonly stats: fs.Stats,
		readonly header: unknown,
		private readonly headerBytes: Buffer,
		private readonly expectedCrc: number,
		/** Payload bytes (between the lead and the header). */
		readonly payloadBytes: number,
	) {}

	/**
	 * Opens `file` (openCacheFile's care: no link followed, no FIFO, at most `maxBytes`) and reads
	 * its lead and header; throws a CacheProblem when it cannot be read at all.
	 */
	static open(file: string, magic: string, what: string, maxBytes: number, previous?: string): SealedReader | SealedMiss {
		const opened = openCacheFile(file, maxBytes);
		if (opened === undefined) return {kind: 'absent'};
		let reader: SealedReader | undefined;
		try {
			const miss = (reason: string): SealedMiss => ({kind: 'damaged', reason});
			const stats = fs.fstatSync(opened.fd);
			if (opened.size === 0) return miss('empty');
			if (opened.size < LEAD) return miss(`not a khao ${what}`);
			const lead = readExactly(opened.fd, 0, LEAD);
			const found = lead.toString('latin1', 0, magic.length);
			if (found === previous) return {kind: 'previous'};
			if (found !== magic) return miss(`not a khao ${what}`);
			const headerLength = lead.readUInt32LE(8);
			const end = opened.size - headerLength;
			if (end < LEAD) return miss('truncated');
			const headerBytes = readExactly(opened.fd, end, headerLength);
			let header: unknown;
			try {
				header = JSON.parse(headerBytes.toString('utf8'));
			} catch {
				// Damaged, unless the checksum says the header was written so: either way not usable.
				return miss('bad header');
			}
			reader = new SealedReader(opened.fd, stats, header, headerBytes, lead.readUInt32LE(12), end - LEAD);
			return reader;
		} catch (error) {
			return {kind: 'damaged', reason: error instanceof BadBlock ? error.message : reasonOf(error)};
		} finally {
			if (reader === undefined) fs.closeSync(opened.fd);
		}
	}

	/**
	 * Payload bytes `start` to `end` in an aligned buffer of their own, summed as they are read; the
	 * bytes since the last range are summed and let go. Ranges come in order: one that starts before
	 * the last one ended, or ends past the payload, throws (a damaged layout), as a file cut short does.
	 */
	read(start: number, end: number): Uint8Array<ArrayBuffer> {
		if (this.closed || start < this.at || end < start || end > this.payloadBytes) throw new BadBlock('bad layout');
		this.skipTo(start);
		const bytes = new Uint8Array(end - start);
		this.readInto(bytes, start);
		this.crc = zlib.crc32(bytes, this.crc);
		this.at = end;
		return bytes;
	}

	/** True when the whole file's checksum holds (the rest of the payload summed, then the header). */
	finish(): boolean {
		if (this.closed) throw new BadBlock('closed');
		this.skipTo(this.payloadBytes);
		return zlib.crc32(this.headerBytes, this.crc) === this.expectedCrc;
	}

	close(): void {
		if (this.closed) return;
		this.closed = true;
		fs.closeSync(this.fd);
	}

	/** True when the open file is no longer as it was opened (written to, truncated, replaced in place). */
	changed(): boolean {
		if (this.closed) throw new BadBlock('closed');
		try {
			return !sameStats(fs.fstatSync(this.fd), this.stats);
		} catch {
			return true;
		}
	}

	private skipTo(position: number): void {
		const slice = new Uint8Array(Math.min(SKIP_BYTES, Math.max(0, position - this.at)));
		while (this.at < position) {
			const view = slice.subarray(0, Math.min(slice.byteLength, position - this.at));
			this.readInto(view, this.at);
			this.crc = zlib.crc32(view, this.crc);
			this.at += view.byteLength;
		}
	}

	private readInto(into: Uint8Array, payloadAt: number): void {
		for (let done = 0; done < into.byteLength;) {
			const n = fs.readSync(this.fd, into, done, into.byteLength - done, LEAD + payloadAt + done);
			if (n === 0) throw new BadBlock('truncated');
			done += n;
		}
	}
}

/** The same file, unchanged: device, inode, size, modification and change times. */
export const sameStats = (a: fs.Stats, b: fs.Stats): boolean =>
	a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;

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
