// Streaming a .jsonl corpus so that the first articles are on screen long before a 100 MB file is
// read. The file is read in 1 MB chunks into one reused buffer, split on '\n' bytes, and each line
// is decoded and parsed on its own; only a line cut by a chunk's end is copied. Neither the whole
// file's bytes nor its whole text is ever held, which keeps peak memory near the articles' size.
// A line longer than MAX_LINE_BYTES is not held either: it is reported as one bad line and its
// bytes are passed over, so one monstrous record does not lose the file.
import type {Article, CorpusWarning} from './types.js';
import {bomOf, decodeWithoutBom} from './decode.js';
import {articleFromRecord, isBlankLine, LineProblems} from './parse-jsonl.js';
import {articlesFromBytes, openRegularFile} from './read-file.js';
import {StoredArticle} from './article-store.js';
import {stampOf, versionKey, type FileStamp} from './stamp.js';
import {LISTING_MIN_BYTES, listingCacheFile, replayListing, writeListing, type ListedFile, type ListingCacheOptions} from './listing-cache.js';
import type {FileHandle} from 'node:fs/promises';
import {reasonOf} from './errors.js';
import {formatSize} from './size.js';

export const CHUNK_BYTES = 1 << 20;
/** The first read: a few articles, enough for the first line of a listing or the first screen. */
const FIRST_READ_BYTES = 64 * 1024;
/**
 * Longest .jsonl line read (256 MiB). V8 cannot hold a string of more than 2^29 − 24 UTF-16 units
 * (about 512 M), and a line is decoded and then parsed into a body as long again: past this, a
 * record cannot be read whole on any machine, and nearing it costs gigabytes.
 */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

export interface JsonlSink {
	/** Called once per chunk with the articles it held (possibly none). */
	add(articles: Article[]): void;
	/** Awaited between chunks: lets the event loop run (keys, rendering). */
	pause(): Promise<void>;
}

export interface JsonlOptions {
	/** Lines longer than this (in bytes) are reported and skipped (default MAX_LINE_BYTES). */
	maxLineBytes?: number;
	/** Where big files' listings are cached (none when absent). */
	listing?: ListingCacheOptions;
}

/** The file the lines come from: given, articles keep only a locator (byte range) for their body. */
interface LineSource {
	stamp: FileStamp;
	open?: Uint8Array;
}

/**
 * Splits .jsonl bytes, fed chunk by chunk, into lines and parses each: articles come back from
 * `feed` and `end`, problems are gathered for `warnings`. A chunk may be reused by the caller once
 * `feed` returns (the unfinished line is copied out).
 */
export class JsonlLines {
	private readonly problems = new LineProblems();
	private readonly invalid = new LineProblems();
	private readonly seenIds = new Set<string>();
	private readonly maxLineBytes: number;
	private lineNumber = 0;
	private sawContent = false;
	private carry: Buffer[] = [];
	private carryBytes = 0;
	/** The current line is past the limit: its bytes are dropped until its end. */
	private overlong = false;
	/** Byte offset in the input of the next byte fed, and of the current line's first byte. */
	private position = 0;
	private lineStart = 0;

	constructor(
		private readonly filePath: string,
		options: JsonlOptions = {},
		private readonly source?: LineSource,
	) {
		this.maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
	}

	/** Bytes of the input that are not fed (a BOM), so that line offsets stay the file's. */
	skip(bytes: number): void {
		this.position += bytes;
		this.lineStart = this.position;
	}

	feed(chunk: Uint8Array): Article[] {
		const batch: Article[] = [];
		let at = 0;
		for (let newline = chunk.indexOf(10, at); newline >= 0; newline = chunk.indexOf(10, at)) {
			this.take(chunk.subarray(at, newline));
			this.finishLine(batch, this.position + newline);
			at = newline + 1;
			this.lineStart = this.position + at;
		}
		// The caller may reuse the chunk: the unfinished line must be copied out of it.
		if (at < chunk.length) this.take(chunk.subarray(at), true);
		this.position += chunk.length;
		return batch;
	}

	/** The last line, when the input does not end with a line break. */
	end(): Article[] {
		const batch: Article[] = [];
		if (this.carryBytes > 0 || this.overlong) this.finishLine(batch, this.position);
		return batch;
	}

	warnings(): CorpusWarning[] {
		const warnings: CorpusWarning[] = [];
		if (!this.sawContent && this.problems.size === 0) {
			warnings.push({kind: 'empty', path: this.filePath, message: this.lineNumber === 0 ? 'empty file' : 'only whitespace'});
		}
		const bad = this.problems.warning('bad-line', this.filePath);
		if (bad) warnings.push(bad);
		const replaced = this.invalid.warning('invalid-bytes', this.filePath);
		if (replaced) warnings.push(replaced);
		return warnings;
	}

	/** Adds a piece of the current line, unless the line is already too long. */
	private take(piece: Uint8Array, copy = false): void {
		if (this.overlong) return;
		if (this.carryBytes + piece.length > this.maxLineBytes) {
			this.overlong = true;
			this.carry = [];
			this.carryBytes = 0;
			return;
		}
		if (piece.length === 0) return;
		this.carry.push(copy ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.length));
		this.carryBytes += piece.length;
	}

	/** `lineEnd`: the offset of the line's break (or of the input's end). */
	private finishLine(batch: Article[], lineEnd: number): void {
		this.lineNumber++;
		if (this.overlong) {
			this.overlong = false;
			this.sawContent = true;
			this.problems.add(this.lineNumber, `longer than ${formatSize(this.maxLineBytes)}, not read`);
			return;
		}
		const bytes = this.carry.length === 1 ? this.carry[0]! : Buffer.concat(this.carry, this.carryBytes);
		this.carry = [];
		this.carryBytes = 0;
		try {
			this.parseLine(bytes, batch, lineEnd);
		} catch (error) {
			// A line that cannot be held as text (ERR_STRING_TOO_LONG, out of memory for it) is one bad line.
			this.sawContent = true;
			this.problems.add(this.lineNumber, `cannot be read: ${reasonOf(error)}`);
		}
	}

	private parseLine(bytes: Uint8Array, batch: Article[], lineEnd: number): void {
		let end = bytes.length;
		if (end > 0 && bytes[end - 1] === 13) end--;
		if (end === 0) return;
		const decoded = decodeWithoutBom(end === bytes.length ? bytes : bytes.subarray(0, end));
		if (isBlankLine(decoded.text)) return;
		this.sawContent = true;
		if (decoded.invalidBytes) this.invalid.add(this.lineNumber, 'invalid UTF-8 bytes shown as U+FFFD');
		const result = articleFromRecord(decoded.text, this.filePath, this.lineNumber, this.seenIds);
		if (!('article' in result)) this.problems.add(this.lineNumber, result.bad);
		else if (!this.source) batch.push(result.article);
		else {
			const {stamp, open} = this.source;
			const locator = {kind: 'line', path: this.filePath, start: this.lineStart, end: lineEnd, line: this.lineNumber, stamp, ...(open ? {open} : {})} as const;
			batch.push(StoredArticle.of(result.article, locator));
		}
	}
}

/**
 * Streams `filePath` into `sink`; returns the file's warnings. Open and read errors are thrown.
 * `open` is the path as bytes when `filePath` (a name that is not UTF-8, decoded) would not open.
 * With `options.listing`, a big file's listing is taken from the listing cache when it is there and
 * matches the file as it is now (listing-cache.ts), and saved after the file was read whole.
 */
export async function streamJsonl(filePath: string, sink: JsonlSink, open: string | Buffer = filePath, options: JsonlOptions = {}): Promise<CorpusWarning[]> {
	const handle = await openRegularFile(open);
	if (typeof handle === 'string') return [{kind: 'skipped', path: filePath, message: handle}];
	try {
		const source: LineSource = {stamp: stampOf(await handle.stat()), ...(typeof open === 'string' ? {} : {open})};
		const cache = options.listing && source.stamp.size >= (options.listing.minBytes ?? LISTING_MIN_BYTES) ? options.listing.dir : undefined;
		if (cache === undefined) return await readLines(handle, filePath, sink, options, source);
		const cacheFile = listingCacheFile(cache, filePath);
		const file: ListedFile = {path: filePath, version: versionKey(await handle.stat({bigint: true})), ...source};
		const replay = await replayListing(cacheFile, file, source.stamp.size, sink);
		if (replay.done) return replay.warnings;
		const listed: StoredArticle[] = [];
		const warnings = await readLines(handle, filePath, sink, options, source, {skip: replay.delivered, listed});
		const extra = replay.warning ? [replay.warning] : [];
		// Saved only when the file did not change while it was read (the listing is of one version).
		if (versionKey(await handle.stat({bigint: true})) === file.version) {
			const problem = await writeListing(cacheFile, file, listed, warnings);
			if (problem) extra.push(problem);
		}
		return [...warnings, ...extra];
	} finally {
		await handle.close();
	}
}

/** Bytes read from .jsonl files since the process started (tests and benchmarks read it: a listed file reads none). */
export const jsonlReads = {bytes: 0};

/** What a read gives the listing cache: the first `skip` articles are not passed on (the listing gave them); `listed` gets every article. */
interface ListingRead {
	skip: number;
	listed: StoredArticle[];
}

async function readLines(
	handle: FileHandle,
	filePath: string,
	sink: JsonlSink,
	options: JsonlOptions,
	source: LineSource,
	listing?: ListingRead,
): Promise<CorpusWarning[]> {
	const lines = new JsonlLines(filePath, options, source);
	let skip = listing?.skip ?? 0;
	const add = (batch: Article[]) => {
		if (listing) for (const article of batch) listing.listed.push(article as StoredArticle);
		const drop = Math.min(skip, batch.length);
		skip -= drop;
		sink.add(drop === 0 ? batch : batch.slice(drop));
	};
	// The first read is small: the first article is out before a whole chunk is parsed.
	const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
	let first = true;
	for (;;) {
		const {bytesRead} = await handle.read(buffer, 0, first ? FIRST_READ_BYTES : CHUNK_BYTES, null);
		if (bytesRead === 0) break;
		jsonlReads.bytes += bytesRead;
		let chunk = buffer.subarray(0, bytesRead);
		if (first) {
			first = false;
			const bom = bomOf(chunk);
			if (bom === 'utf-16le' || bom === 'utf-16be') {
				// Rare enough to read whole: UTF-16 cannot be split on the byte '\n'. Not listed (no line locators).
				const rest = await handle.readFile();
				const result = articlesFromBytes(Buffer.concat([chunk, rest]), filePath, 'jsonl');
				if (listing) listing.listed.length = 0;
				listing = undefined;
				add(result.articles);
				return result.warnings;
			}
			if (bom === 'utf-8') {
				chunk = chunk.subarray(3);
				lines.skip(3);
			}
		}
		add(lines.feed(chunk));
		await sink.pause();
	}
	add(lines.end());
	return lines.warnings();
}

/** .jsonl bytes already in memory (standard input), parsed a slice at a time like a file. */
export async function jsonlFromBytes(bytes: Uint8Array, filePath: string, sink: JsonlSink, options: JsonlOptions = {}): Promise<CorpusWarning[]> {
	const lines = new JsonlLines(filePath, options);
	const start = bomOf(bytes) === 'utf-8' ? 3 : 0;
	for (let at = start; at < bytes.length; at += CHUNK_BYTES) {
		sink.add(lines.feed(bytes.subarray(at, Math.min(bytes.length, at + CHUNK_BYTES))));
		await sink.pause();
	}
	sink.add(lines.end());
	return lines.warnings();
}
