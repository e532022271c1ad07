// Articles without their bodies. A corpus of 60,000 articles is half a gigabyte of text, and a
// reader shows one article at a time: so an article keeps what the sidebar, the plain listings and
// the indexes' bookkeeping need (id, title, date, source, fields, its text's length) and a
// *locator*, a plain serialisable value that says where its body is (a file and a byte range, with
// the file's size/mtime/inode stamp). The body is read and parsed again when `text` or `blocks` is
// asked for, through a small cache of recent ones. Memory then grows with the number of articles,
// not with their bytes. `readArticleBody` takes only a locator, so a worker thread that received
// locators by postMessage reads bodies exactly as the UI thread does.
//
// A file that changed or vanished after it was listed is never read as if it had not: the stamp
// is checked on every read from disk, and the article then shows one line saying what happened
// (with empty text, so no index offset can point into text that is not the one listed).
import fs from 'node:fs';
import type {Article, ArticleDate, ArticleFormat, Block} from './types.js';
import type {FileKind} from './discover.js';
import {decodeBytes, decodeWithoutBom} from './decode.js';
import {articlesFromDecoded, MAX_ARTICLE_BYTES} from './read-file.js';
import {articleFromRecord} from './parse-jsonl.js';
import {reasonOf} from './errors.js';
import {sameStamp, stampOf, type FileStamp} from './stamp.js';
import {sanitizeInline} from '../text/sanitize.js';

/**
 * Where an article's body is. Plain data (structured-cloneable): a worker receives it as is.
 * 'file': a whole .txt/.md file (or one of unknown kind read as text), decoded and parsed again.
 * 'line': one .jsonl record, bytes [start, end) of the file (its line break excluded), decoded alone.
 * 'memory': the body itself (standard input, UTF-16 .jsonl, articles made in code).
 */
export type ArticleLocator =
	| {kind: 'file'; path: string; open?: Uint8Array; fileKind: FileKind; format: ArticleFormat; stamp: FileStamp}
	| {kind: 'line'; path: string; open?: Uint8Array; start: number; end: number; line: number; stamp: FileStamp}
	| {kind: 'memory'; text: string; blocks: Block[]};

export interface ArticleBody {
	text: string;
	blocks: Block[];
	/** Set when the body could not be read as it was listed: the one line the reader shows instead. */
	problem?: string;
}

/**
 * A copy of `s` that shares no memory with a longer string. V8 keeps a slice of a string as a
 * pointer into its parent: a title cut from an article's text would otherwise hold the whole text.
 * Slicing a concatenation flattens it into a new string first, so the parent is this short copy.
 */
function detach(s: string): string {
	return s.length < 13 ? s : (' ' + s).slice(1);
}

function detachDate(date: ArticleDate): ArticleDate {
	return {...date, iso: detach(date.iso), text: detach(date.text)};
}

/** What an article is without its body: what the sidebar and listings show (the listing cache keeps it). */
export type ArticleMeta = Omit<Article, 'text' | 'blocks'>;

/**
 * An article whose body stays on disk until asked for. Its metadata is its own copy.
 *
 * `text`, `blocks` and `problem` are getters on the prototype: an instance is its metadata's fields
 * and a locator, nothing per instance beyond them (60,000 are made when an archive is listed again,
 * so the cost of each counts). A copy made by spreading (`{...article}`) therefore has no body:
 * code that copies an article to change a field names the body it wants (`text: article.text`).
 */
export class StoredArticle implements Article {
	readonly id: string;
	readonly path: string;
	readonly format: ArticleFormat;
	readonly title: string;
	declare readonly date?: ArticleDate;
	declare readonly source?: string;
	declare readonly fields?: Record<string, string>;
	/** The text's length in UTF-16 units, known without reading it. */
	readonly textLength: number;
	readonly locator: ArticleLocator;

	/**
	 * From metadata that is the article's own already (a listing read back: kept as it is) and its
	 * text's length. A parsed article goes through `StoredArticle.of`, which copies its strings.
	 */
	constructor(meta: ArticleMeta, textLength: number, locator: ArticleLocator) {
		this.id = meta.id;
		this.path = meta.path;
		this.format = meta.format;
		this.title = meta.title;
		if (meta.date) (this as {date?: ArticleDate}).date = meta.date;
		if (meta.source !== undefined) (this as {source?: string}).source = meta.source;
		if (meta.fields) (this as {fields?: Record<string, string>}).fields = meta.fields;
		this.textLength = textLength;
		this.locator = locator;
	}

	/** From a parsed article: its strings copied (see `detach`), so that none holds the parsed text alive. */
	static of(article: Article, locator: ArticleLocator): StoredArticle {
		const meta: ArticleMeta = {id: detach(article.id), path: article.path, format: article.format, title: detach(article.title)};
		if (article.date) meta.date = detachDate(article.date);
		if (article.source !== undefined) meta.source = detach(article.source);
		if (article.fields) meta.fields = Object.fromEntries(Object.entries(article.fields).map(([k, v]) => [k, detach(v)]));
		return new StoredArticle(meta, article.text.length, locator);
	}

	/** The body's text (read through the cache of recent bodies). */
	get text(): string {
		return bodyOf(this).text;
	}

	get blocks(): Block[] {
		return bodyOf(this).blocks;
	}

	/** Why the body is not the one listed (the file changed or vanished), if it is not. */
	get problem(): string | undefined {
		return bodyOf(this).problem;
	}
}

/** The locator of any article: a stored one's, or its body in memory (articles made in code). */
export function locatorOf(article: Article): ArticleLocator {
	return article instanceof StoredArticle ? article.locator : {kind: 'memory', text: article.text, blocks: article.blocks};
}

/** A plain object with the body in it, equal (deepEqual) to the article as parsed in memory. */
export function eagerArticle(article: Article): Article {
	const {id, path, format, title, date, source, fields, text, blocks} = article;
	return {id, path, format, title, ...(date ? {date} : {}), ...(source !== undefined ? {source} : {}), ...(fields ? {fields} : {}), text, blocks};
}

/** The text's length, without reading a stored article's body. */
export function textLengthOf(article: Pick<Article, 'text'>): number {
	return article instanceof StoredArticle ? article.textLength : article.text.length;
}

// ---------------------------------------------------------------------------------------------
// The cache of recent bodies: a few dozen, and a bound on their characters so that a run of
// very long articles does not pile up. The most recent body always stays, however long.

export interface BodyCacheLimits {
	bodies: number;
	chars: number;
}

const DEFAULT_LIMITS: BodyCacheLimits = {bodies: 64, chars: 32 * 1024 * 1024};
let limits = DEFAULT_LIMITS;
const recent = new Map<StoredArticle, ArticleBody>();
let recentChars = 0;
let reads = 0;

function bodyOf(article: StoredArticle): ArticleBody {
	const cached = recent.get(article);
	if (cached) {
		// Most recently used goes last in the Map's order.
		recent.delete(article);
		recent.set(article, cached);
		return cached;
	}
	const read = readArticleBody(article.locator, article.textLength);
	if (article.locator.kind === 'memory') return read;
	// The reader still shows which article it was: its title (from the listing) above the reason.
	const body = read.problem === undefined ? read : {...read, blocks: [{kind: 'title' as const, spans: [{synthetic: article.title}]}, ...read.blocks]};
	recent.set(article, body);
	recentChars += body.text.length;
	for (const [oldest, old] of recent) {
		if (recent.size <= 1 || (recent.size <= limits.bodies && recentChars <= limits.chars)) break;
		recent.delete(oldest);
		recentChars -= old.text.length;
	}
	return body;
}

/** The cache's bounds (tests make them small); with no argument, the defaults. Empties the cache and zeroes the count of reads. */
export function setBodyCacheLimits(next: BodyCacheLimits = DEFAULT_LIMITS): void {
	limits = next;
	recent.clear();
	recentChars = 0;
	reads = 0;
}

/** What the cache holds and how many bodies were read from disk so far (for tests and benchmarks). */
export function bodyCacheStats(): {bodies: number; chars: number; reads: number} {
	return {bodies: recent.size, chars: recentChars, reads};
}

// ---------------------------------------------------------------------------------------------
// Reading a body from its locator.

/** One open file kept between reads (an index reads every record of a .jsonl in turn). */
let openFile: {key: string; fd: number; ino: number} | undefined;

function closeOpenFile(): void {
	if (!openFile) return;
	try {
		fs.closeSync(openFile.fd);
	} catch {
		// already gone: nothing to release
	}
	openFile = undefined;
}

/** The article's body as it was listed, or a body that says why it cannot be (never throws). */
export function readArticleBody(locator: ArticleLocator, expectedLength?: number): ArticleBody {
	if (locator.kind === 'memory') return {text: locator.text, blocks: locator.blocks};
	reads++;
	try {
		const bytes = readStampedBytes(locator);
		if (typeof bytes === 'string') return problemBody(locator.path, bytes);
		const body = parseBody(locator, bytes);
		if (body === undefined || (expectedLength !== undefined && body.text.length !== expectedLength)) {
			return problemBody(locator.path, 'changed since khao listed it');
		}
		return body;
	} catch (error) {
		return problemBody(locator.path, `cannot be read now: ${reasonOf(error)}`);
	}
}

function problemBody(filePath: string, what: string): ArticleBody {
	const problem = `${sanitizeInline(filePath)} ${what}; open it again to read it as it is now.`;
	return {text: '', blocks: [{kind: 'meta', spans: [{synthetic: problem}]}], problem};
}

/** The locator's bytes, or why they are not the listed ones. */
function readStampedBytes(locator: Extract<ArticleLocator, {kind: 'file' | 'line'}>): Uint8Array | string {
	const name = locator.open ? Buffer.from(locator.open) : locator.path;
	let stats: fs.Stats;
	try {
		stats = fs.statSync(name);
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is gone (deleted or moved) since khao listed it' : `cannot be read now: ${reasonOf(error)}`;
	}
	if (!stats.isFile() || !sameStamp(stampOf(stats), locator.stamp)) return 'changed since khao listed it';
	const key = typeof name === 'string' ? name : name.toString('base64');
	if (openFile && (openFile.key !== key || openFile.ino !== stats.ino)) closeOpenFile();
	if (!openFile) {
		// O_NONBLOCK: a FIFO put in the file's place between the stat and the open must not hang us.
		const fd = fs.openSync(name, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
		const opened = fs.fstatSync(fd);
		if (!opened.isFile() || opened.ino !== locator.stamp.ino) {
			fs.closeSync(fd);
			return 'changed since khao listed it';
		}
		openFile = {key, fd, ino: opened.ino};
	}
	const start = locator.kind === 'line' ? locator.start : 0;
	const length = locator.kind === 'line' ? locator.end - locator.start : Math.min(stats.size, MAX_ARTICLE_BYTES);
	const bytes = Buffer.allocUnsafe(length);
	let got = 0;
	while (got < length) {
		const n = fs.readSync(openFile.fd, bytes, got, length - got, start + got);
		if (n === 0) return 'changed since khao listed it';
		got += n;
	}
	return bytes;
}

function parseBody(locator: Extract<ArticleLocator, {kind: 'file' | 'line'}>, bytes: Uint8Array): ArticleBody | undefined {
	if (locator.kind === 'line') {
		const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
		const result = articleFromRecord(decodeWithoutBom(bytes.subarray(0, end)).text, locator.path, locator.line);
		return 'article' in result ? {text: result.article.text, blocks: result.article.blocks} : undefined;
	}
	const article = articlesFromDecoded(decodeBytes(bytes), locator.path, locator.fileKind, locator.format).articles[0];
	return article ? {text: article.text, blocks: article.blocks} : undefined;
}
