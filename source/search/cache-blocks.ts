// A cache file's payload is checked in blocks: each 4 KB block has its own CRC-32 in a table that
// a CRC in the header covers. A reader that wants a few hundred bytes of a 500 MB file (a query's
// postings, one article's folded text) then reads and checks only the blocks under them, never
// the whole file, and still uses no byte that is not the one the writer wrote.
import fs from 'node:fs';
import zlib from 'node:zlib';
import {reasonOf} from '../corpus/errors.js';
import {formatSize} from '../corpus/size.js';
import {CacheProblem} from './cache-io.js';

/** Bytes per checked block: about one page, so a small read costs one page and one CRC of it. */
export const BLOCK_BYTES = 4096;

/**
 * The CRC of each BLOCK_BYTES block of a payload given a piece at a time, in order (the pieces may
 * come from memory or from a file read back in chunks), as a table of u32 (little-endian).
 */
export class BlockTableBuilder {
	private readonly crcs: number[] = [];
	private filled = 0;
	private crc = 0;

	add(piece: Uint8Array): void {
		let at = 0;
		while (at < piece.byteLength) {
			const take = Math.min(BLOCK_BYTES - this.filled, piece.byteLength - at);
			this.crc = zlib.crc32(piece.subarray(at, at + take), this.crc);
			this.filled += take;
			at += take;
			if (this.filled === BLOCK_BYTES) {
				this.crcs.push(this.crc);
				this.filled = 0;
				this.crc = 0;
			}
		}
	}

	finish(): Uint8Array {
		if (this.filled > 0) this.crcs.push(this.crc);
		const table = Buffer.alloc(this.crcs.length * 4);
		this.crcs.forEach((crc, block) => table.writeUInt32LE(crc, 4 * block));
		return table;
	}
}

/** The CRC of each BLOCK_BYTES block of the payload pieces, in order, as a table of u32 (little-endian). */
export function blockTable(pieces: readonly Uint8Array[]): Uint8Array {
	const builder = new BlockTableBuilder();
	for (const piece of pieces) builder.add(piece);
	return builder.finish();
}

/** The payload (all of it in memory) checked against its table, about `stepBytes` of it a step; the number of the first bad block, or -1. */
export function* firstBadBlockSteps(payload: Uint8Array, table: Uint8Array, stepBytes: number): Generator<void, number, void> {
	const view = Buffer.from(table.buffer, table.byteOffset, table.byteLength);
	const blocks = table.byteLength / 4;
	const perStep = Math.max(1, Math.floor(stepBytes / BLOCK_BYTES));
	for (let b = 0; b < blocks; b++) {
		if (b > 0 && b % perStep === 0) yield;
		const block = payload.subarray(b * BLOCK_BYTES, Math.min(payload.byteLength, (b + 1) * BLOCK_BYTES));
		if (zlib.crc32(block) !== view.readUInt32LE(4 * b)) return b;
	}
	return -1;
}

/** A block whose bytes are not the ones written: the cache file is damaged. */
export class BadBlock extends Error {}

const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/**
 * Opens a cache file for positional reads with the care a corpus file gets: without blocking (a
 * FIFO answers at once), without following a link, only a regular file of at most `maxBytes`.
 * Undefined when there is none; a CacheProblem for anything else.
 */
export function openCacheFile(file: string, maxBytes: number): {fd: number; size: number} | undefined {
	let fd: number;
	try {
		fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | O_NOFOLLOW);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return undefined;
		if (code === 'ELOOP' || code === 'EMLINK') throw new CacheProblem(file, 'a symbolic link, not followed');
		throw new CacheProblem(file, `cannot open it: ${reasonOf(error)}`);
	}
	try {
		const stats = fs.fstatSync(fd);
		if (!stats.isFile()) throw new CacheProblem(file, 'not a regular file');
		if (stats.size > maxBytes) throw new CacheProblem(file, `too large for this corpus (${formatSize(stats.size)})`);
		return {fd, size: stats.size};
	} catch (error) {
		fs.closeSync(fd);
		throw error instanceof CacheProblem ? error : new CacheProblem(file, `cannot read it: ${reasonOf(error)}`);
	}
}

/**
 * The whole cache file `file` read `stepBytes` a step, with openCacheFile's care (a regular file of
 * at most `maxBytes`, no link followed); undefined when there is none. Throws a CacheProblem.
 */
export function* readCacheFileSteps(file: string, maxBytes: number, stepBytes: number): Generator<void, Buffer | undefined, void> {
	const opened = openCacheFile(file, maxBytes);
	if (!opened) return undefined;
	try {
		const bytes = Buffer.allocUnsafe(opened.size);
		for (let at = 0; at < opened.size;) {
			const to = Math.min(opened.size, at + stepBytes);
			while (at < to) {
				let n: number;
				try {
					n = fs.readSync(opened.fd, bytes, at, to - at, at);
				} catch (error) {
					throw new CacheProblem(file, `cannot read it: ${reasonOf(error)}`);
				}
				if (n === 0) throw new CacheProblem(file, 'cannot read it: it was cut short while read');
				at += n;
			}
			if (at < opened.size) yield;
		}
		return bytes;
	} finally {
		fs.closeSync(opened.fd);
	}
}

/** Bytes read by positional reads since the process started (tests and benchmarks read it). */
export const positionalReads = {bytes: 0, calls: 0};

/** Reads exactly `length` bytes at `position`, or throws BadBlock when the file ends first (it was cut). */
export function readExactly(fd: number, position: number, length: number): Buffer {
	positionalReads.bytes += length;
	positionalReads.calls++;
	const bytes = Buffer.allocUnsafe(length);
	let got = 0;
	while (got < length) {
		const n = fs.readSync(fd, bytes, got, length - got, position + got);
		if (n === 0) throw new BadBlock('truncated');
		got += n;
	}
	return bytes;
}

/**
 * Positional, checked reads of a payload that starts at `start` in the open file `fd`: each read
 * takes the whole blocks under the range asked for and checks their CRCs first.
 */
export class BlockReader {
	private readonly table: Buffer;

	constructor(
		private readonly fd: number,
		private readonly start: number,
		readonly payloadBytes: number,
		table: Uint8Array,
	) {
		this.table = Buffer.from(table.buffer, table.byteOffset, table.byteLength);
	}

	/** Bytes [from, to) of the payload, checked; throws BadBlock if they are not what was written. */
	read(from: number, to: number): Buffer {
		if (!(from >= 0 && to >= from && to <= this.payloadBytes)) throw new BadBlock('bad layout');
		if (to === from) return Buffer.alloc(0);
		const first = Math.floor(from / BLOCK_BYTES);
		const last = Math.floor((to - 1) / BLOCK_BYTES);
		const begin = first * BLOCK_BYTES;
		const end = Math.min(this.payloadBytes, (last + 1) * BLOCK_BYTES);
		const bytes = readExactly(this.fd, this.start + begin, end - begin);
		for (let b = first; b <= last; b++) {
			const at = (b - first) * BLOCK_BYTES;
			if (zlib.crc32(bytes.subarray(at, Math.min(bytes.byteLength, at + BLOCK_BYTES))) !== this.table.readUInt32LE(4 * b)) throw new BadBlock('bad checksum');
		}
		return bytes.subarray(from - begin, to - begin);
	}

	close(): void {
		try {
			fs.closeSync(this.fd);
		} catch {
			// Already closed.
		}
	}
}
