// From PATH to articles, incrementally: the reader opens as soon as the first screenful of articles
// is in (`ready`), while the rest load in the background in chunks, yielding to the event loop
// between them so that keys stay responsive. Plain modes await everything (`loadCorpus`).
import fs from 'node:fs/promises';
import process from 'node:process';
import type {Article, CorpusWarning} from './types.js';
import {CorpusError, reasonOf} from './errors.js';
import {discoverFiles, kindOfName, specialKind, type FileKind, type FoundFile} from './discover.js';
import {articlesFromBytes, articlesFromDecoded, readFileBytes, type FileResult} from './read-file.js';
import {jsonlFromBytes, streamJsonl, type JsonlOptions} from './read-jsonl.js';
import type {ListingCacheOptions} from './listing-cache.js';
import {bomOf, decodeBytes} from './decode.js';
import {InputTooLarge, readAll, sniffFormat, sniffHead, stdinLimit} from './stdin.js';
import {formatSize} from './size.js';
import {StoredArticle} from './article-store.js';

export interface CorpusLoad {
	/** Grows while loading; in input order (files sorted by path, .jsonl records in file order). */
	articles: Article[];
	warnings: CorpusWarning[];
	readonly done: boolean;
	/** Resolves once the first `READY_ARTICLES` articles (or all, if fewer) are in; rejects with a CorpusError when PATH cannot be read. */
	ready: Promise<void>;
	/** Resolves when everything is loaded. */
	finished: Promise<void>;
	/** Called after each batch of articles or warnings; returns a function that unsubscribes. */
	onUpdate(callback: () => void): () => void;
	/** Adds warnings found later about the input (the corrections file's), for the same panel. */
	addWarnings?(warnings: CorpusWarning[]): void;
	/** Stops reading (at the next pause between chunks): nobody wants the rest. `finished` then resolves. */
	stop?(): void;
}

export interface OpenOptions {
	/** Read when no PATH is given (the bundled corpus). */
	defaultDir?: string;
	/** Read for PATH '-' (default: process.stdin). */
	stdin?: NodeJS.ReadableStream;
	/** Bound on standard input in bytes (default: KHAO_MAX_INPUT_SIZE, else DEFAULT_MAX_STDIN_BYTES). */
	maxStdinBytes?: number;
	/** Articles needed before `ready` resolves (default READY_ARTICLES). */
	readyArticles?: number;
	/** Where big .jsonl files' listings are cached (listing-cache.ts); none when absent. */
	listingCache?: ListingCacheOptions;
}

/** More than a screenful of sidebar: enough to draw the first screen. */
export const READY_ARTICLES = 50;
/** Files of a folder read ahead while the current one is parsed. */
const READ_AHEAD = 4;

interface Sink {
	add(articles: Article[], warnings?: CorpusWarning[]): void;
	pause(): Promise<void>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Thrown from a pause once the load was stopped: it unwinds the reading, closing what is open. */
class LoadStopped extends Error {}

export function openCorpus(input: string | undefined, options: OpenOptions = {}): CorpusLoad {
	const articles: Article[] = [];
	const warnings: CorpusWarning[] = [];
	const listeners = new Set<() => void>();
	const readyArticles = options.readyArticles ?? READY_ARTICLES;
	let done = false;
	let stopped = false;
	let readySettled = false;
	let resolveReady!: () => void;
	let rejectReady!: (error: unknown) => void;
	const ready = new Promise<void>((resolve, reject) => {
		resolveReady = resolve;
		rejectReady = reject;
	});

	const settleReady = (error?: unknown) => {
		if (readySettled) return;
		readySettled = true;
		if (error === undefined) resolveReady();
		else rejectReady(error);
	};
	const notify = () => {
		for (const listener of [...listeners]) {
			try {
				listener();
			} catch (error) {
				// A listener's bug must not stop the loading; it still surfaces as an uncaught error.
				queueMicrotask(() => {
					throw error;
				});
			}
		}
	};
	const sink: Sink = {
		add(batch, batchWarnings = []) {
			for (const article of batch) articles.push(article);
			for (const warning of batchWarnings) warnings.push(warning);
			if (articles.length >= readyArticles) settleReady();
			if (batch.length > 0 || batchWarnings.length > 0) notify();
		},
		async pause() {
			await nextTurn();
			if (stopped) throw new LoadStopped();
		},
	};

	const finished = load(input, options, sink).then(
		() => {
			done = true;
			settleReady();
			notify();
		},
		(error: unknown) => {
			done = true;
			if (error instanceof LoadStopped) {
				settleReady();
				notify();
				return;
			}
			settleReady(error);
			notify();
			throw error;
		},
	);
	// Callers may await only one of the two; the other must not become an unhandled rejection.
	ready.catch(() => {});
	finished.catch(() => {});

	return {
		articles,
		warnings,
		get done() {
			return done;
		},
		ready,
		finished,
		onUpdate(callback) {
			listeners.add(callback);
			return () => {
				listeners.delete(callback);
			};
		},
		addWarnings(batch) {
			sink.add([], batch);
		},
		stop() {
			stopped = true;
		},
	};
}

/** Everything at once, for the plain modes. Rejects with a CorpusError when PATH cannot be read. */
export async function loadCorpus(input: string | undefined, options: OpenOptions = {}): Promise<{articles: Article[]; warnings: CorpusWarning[]}> {
	const corpus = openCorpus(input, options);
	await corpus.finished;
	return {articles: corpus.articles, warnings: corpus.warnings};
}

async function load(input: string | undefined, options: OpenOptions, sink: Sink): Promise<void> {
	if (input === '-') return loadStdin(options.stdin ?? process.stdin, sink, options.maxStdinBytes);
	const target = input ?? options.defaultDir;
	if (target === undefined) throw new CorpusError('', 'no PATH given and no default corpus');
	let stats;
	try {
		stats = await fs.stat(target);
	} catch (error) {
		const dangling = (error as NodeJS.ErrnoException).code === 'ENOENT' && (await isSymlink(target));
		throw new CorpusError(target, dangling ? 'dangling symlink' : reasonOf(error));
	}
	const special = specialKind(stats);
	if (special) throw new CorpusError(target, `is a ${special}, not opened (use - to read standard input)`);
	const jsonl = options.listingCache ? {listing: options.listingCache} : {};
	if (stats.isDirectory()) return loadFolder(target, sink, jsonl);
	return loadFile(target, sink, jsonl);
}

async function isSymlink(p: string): Promise<boolean> {
	try {
		return (await fs.lstat(p)).isSymbolicLink();
	} catch {
		return false;
	}
}

/** PATH is one file: errors reading it are fatal. */
async function loadFile(filePath: string, sink: Sink, jsonl: JsonlOptions): Promise<void> {
	const kind = kindOfName(filePath);
	if (kind === undefined) {
		sink.add([], [{kind: 'binary', path: filePath, message: 'not a text format, not read'}]);
		return;
	}
	try {
		if (kind === 'jsonl') {
			const warnings = await streamJsonl(filePath, {add: (batch) => sink.add(batch), pause: sink.pause}, filePath, jsonl);
			sink.add([], warnings);
			return;
		}
		const result = fileArticles(await readFileBytes(filePath, kind), filePath, kind);
		sink.add(result.articles, result.warnings);
	} catch (error) {
		throw fileSystemError(filePath, error);
	}
}

/** A file-system error (it has an errno code) becomes a CorpusError; a bug stays what it is. */
function fileSystemError(p: string, error: unknown): unknown {
	return typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string' ? new CorpusError(p, reasonOf(error)) : error;
}

/** A file's article, keeping only where its body is (the file, as it was when read). */
function fileArticles(read: Awaited<ReturnType<typeof readFileBytes>>, filePath: string, kind: FileKind, open?: Buffer): FileResult {
	if (!('bytes' in read)) return {articles: [], warnings: [read]};
	const result = articlesFromBytes(read.bytes, filePath, kind);
	const articles = result.articles.map((article) =>
		StoredArticle.of(article, {kind: 'file', path: filePath, fileKind: kind, format: article.format, stamp: read.stamp, ...(open ? {open} : {})}),
	);
	return {articles, warnings: result.warnings};
}

/** One file of a folder, whole; never rejects (a file that cannot be read is a warning). */
async function readWhole(file: FoundFile): Promise<FileResult> {
	try {
		return fileArticles(await readFileBytes(file.path, file.kind, file.open), file.path, file.kind, file.open);
	} catch (error) {
		return {articles: [], warnings: [{kind: 'unreadable', path: file.path, message: reasonOf(error)}]};
	}
}

async function loadFolder(root: string, sink: Sink, jsonl: JsonlOptions): Promise<void> {
	let found;
	try {
		found = await discoverFiles(root);
	} catch (error) {
		throw fileSystemError(root, error);
	}
	sink.add([], found.warnings);
	const {files} = found;
	// A few files are read ahead while one is parsed; .jsonl files are streamed in their turn.
	const reads = new Map<number, Promise<FileResult>>();
	const readAhead = (from: number) => {
		for (let k = from; k < Math.min(files.length, from + READ_AHEAD); k++) {
			if (files[k]!.kind !== 'jsonl' && !reads.has(k)) reads.set(k, readWhole(files[k]!));
		}
	};
	for (let i = 0; i < files.length; i++) {
		readAhead(i);
		const file = files[i]!;
		if (file.kind === 'jsonl') {
			try {
				const warnings = await streamJsonl(file.path, {add: (batch) => sink.add(batch), pause: sink.pause}, file.open, jsonl);
				sink.add([], warnings);
			} catch (error) {
				if (error instanceof LoadStopped) throw error;
				sink.add([], [{kind: 'unreadable', path: file.path, message: reasonOf(error)}]);
			}
		} else {
			const result = await reads.get(i)!;
			reads.delete(i);
			sink.add(result.articles, result.warnings);
		}
		await sink.pause();
	}
}

async function loadStdin(stream: NodeJS.ReadableStream, sink: Sink, maxBytes: number | undefined): Promise<void> {
	let bytes: Buffer;
	try {
		bytes = await readAll(stream, maxBytes ?? stdinLimit(process.env));
	} catch (error) {
		if (error instanceof InputTooLarge || !(error as NodeJS.ErrnoException).code) throw new CorpusError('-', (error as Error).message);
		throw fileSystemError('-', error);
	}
	// The format is guessed from the head, so that a big .jsonl is never decoded as one string.
	const headBytes = sniffHead(bytes);
	const head = decodeBytes(headBytes);
	const kind: FileKind = head.kind === 'text' ? sniffFormat(head.text) : 'txt';
	const bom = bomOf(bytes);
	if (kind === 'jsonl' && bom !== 'utf-16le' && bom !== 'utf-16be') {
		const warnings = await jsonlFromBytes(bytes, '-', {add: (batch) => sink.add(batch), pause: sink.pause});
		sink.add([], warnings);
		return;
	}
	let decoded;
	try {
		decoded = headBytes.length === bytes.length ? head : decodeBytes(bytes);
	} catch (error) {
		throw new CorpusError('-', `standard input (${formatSize(bytes.length)}) is ${reasonOf(error)}; split it, or send it as .jsonl (one article a line)`);
	}
	const result = articlesFromDecoded(decoded, '-', kind, 'stdin');
	sink.add(result.articles, result.warnings);
}
