// Reading one (non-streamed) file: open it safely, decode, and parse by format. Everything that
// goes wrong with the content is a warning; an error opening or reading the file is thrown, and
// the caller decides whether it is fatal (the PATH itself) or a warning (a file in a folder).
import fs from 'node:fs/promises';
import {constants} from 'node:fs';
import type {FileHandle} from 'node:fs/promises';
import type {Article, ArticleFormat, CorpusWarning} from './types.js';
import {decodeBytes, isBlankText, isPlainText, type Decoded} from './decode.js';
import {stripUnsafe} from '../text/sanitize.js';
import {specialKind, type FileKind} from './discover.js';
import {parseText} from './parse-text.js';
import {parseMarkdown} from './parse-markdown.js';
import {articleFromRecord, isBlankLine, LineProblems} from './parse-jsonl.js';
import {lineRanges} from './lines.js';
import {formatSize} from './size.js';
import {stampOf, type FileStamp} from './stamp.js';

export interface FileResult {
	articles: Article[];
	warnings: CorpusWarning[];
}

/**
 * Largest file read as one article (1.5 GiB). Its text must fit in one string, at most 2^29 − 24
 * UTF-16 units; the densest encoding, UTF-8 Thai, takes 3 bytes a unit. Bigger files cannot be
 * held, so they are not read into memory to find that out.
 */
export const MAX_ARTICLE_BYTES = 3 * 2 ** 29;

/** Bytes looked at before reading a file of unknown kind whole (a big binary is not slurped). */
const SNIFF_BYTES = 65_536;

/**
 * Opens a file for reading, refusing anything that is not a regular file. O_NONBLOCK: if a FIFO
 * took the place of the file after it was checked, the open returns at once instead of hanging.
 */
export async function openRegularFile(filePath: string | Buffer): Promise<FileHandle | string> {
	const handle = await fs.open(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
	const stats = await handle.stat();
	if (stats.isFile()) return handle;
	await handle.close();
	return `${specialKind(stats) ?? (stats.isDirectory() ? 'folder' : 'not a regular file')}, not read`;
}

/**
 * Reads a file whole (after a sniff of its start when its kind is unknown), with the stamp of the
 * version read; `open` is its path as bytes when `filePath` would not open it.
 */
export async function readFileBytes(filePath: string, kind: FileKind, open: string | Buffer = filePath): Promise<{bytes: Uint8Array; stamp: FileStamp} | CorpusWarning> {
	const handle = await openRegularFile(open);
	if (typeof handle === 'string') return {kind: 'skipped', path: filePath, message: handle};
	try {
		const stats = await handle.stat();
		const {size} = stats;
		if (size > MAX_ARTICLE_BYTES) {
			return {kind: 'skipped', path: filePath, message: `${formatSize(size)}: too large to hold as one article, not read (split it, or make it a .jsonl)`};
		}
		if (kind === 'unknown') {
			const head = Buffer.alloc(SNIFF_BYTES);
			const {bytesRead} = await handle.read(head, 0, SNIFF_BYTES, 0);
			const start = head.subarray(0, bytesRead);
			const utf16 = (start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff);
			if (!utf16 && start.includes(0)) return {kind: 'binary', path: filePath, message: 'binary file (NUL bytes)'};
		}
		return {bytes: await handle.readFile(), stamp: stampOf(stats)};
	} finally {
		await handle.close();
	}
}

function warningFor(decoded: Decoded, filePath: string): CorpusWarning | undefined {
	if (decoded.kind === 'binary') return {kind: 'binary', path: filePath, message: decoded.reason};
	if (decoded.kind === 'empty') return {kind: 'empty', path: filePath, message: decoded.reason};
	return undefined;
}

/** Decoded bytes → articles, by kind ('unknown' is read as plain text only when it is text). */
export function articlesFromBytes(bytes: Uint8Array, filePath: string, kind: FileKind): FileResult {
	return articlesFromDecoded(decodeBytes(bytes), filePath, kind);
}

/** `textFormat` names plain text's format: 'txt' for files, 'stdin' for standard input. */
export function articlesFromDecoded(decoded: Decoded, filePath: string, kind: FileKind, textFormat: ArticleFormat = 'txt'): FileResult {
	const skip = warningFor(decoded, filePath);
	if (skip) return {articles: [], warnings: [skip]};
	if (decoded.kind !== 'text') return {articles: [], warnings: []};
	if (kind === 'unknown' && !isPlainText(decoded)) {
		return {articles: [], warnings: [{kind: 'binary', path: filePath, message: 'not text (does not decode as UTF-8, UTF-16 or Thai)'}]};
	}
	if (kind === 'jsonl') {
		// Each record's body is cleaned on its own (JSON escapes such as \u001b appear only once parsed).
		const result = articlesFromJsonlText(decoded.text, filePath);
		return {articles: result.articles, warnings: [...invalidBytesWarning(decoded, filePath), ...result.warnings]};
	}
	// What is never displayed (escape sequences with their payloads, controls) is not text: it
	// must not be searched or become an entity, so it leaves the article here, at the source.
	const text = stripUnsafe(decoded.text);
	if (isBlankText(text)) return {articles: [], warnings: [{kind: 'empty', path: filePath, message: 'nothing to show (only control characters or escape sequences)'}]};
	const article = kind === 'md' ? parseMarkdown(text, filePath) : parseText(text, filePath, textFormat);
	return {articles: [article], warnings: invalidBytesWarning(decoded, filePath)};
}

function invalidBytesWarning(decoded: Extract<Decoded, {kind: 'text'}>, filePath: string): CorpusWarning[] {
	const warnings: CorpusWarning[] = [];
	if (decoded.invalidBytes) {
		const encoding = decoded.encoding.startsWith('utf-16') ? 'UTF-16' : 'UTF-8';
		warnings.push({kind: 'invalid-bytes', path: filePath, message: `invalid ${encoding} bytes shown as U+FFFD`});
	}
	return warnings;
}

/** A .jsonl already decoded as a whole (stdin, or a UTF-16 file): one article per line. */
export function articlesFromJsonlText(text: string, filePath: string): FileResult {
	const articles: Article[] = [];
	const problems = new LineProblems();
	const seenIds = new Set<string>();
	let lineNumber = 0;
	for (const {start, end} of lineRanges(text)) {
		lineNumber++;
		const line = text.slice(start, end);
		if (isBlankLine(line)) continue;
		const result = articleFromRecord(line, filePath, lineNumber, seenIds);
		if ('article' in result) articles.push(result.article);
		else problems.add(lineNumber, result.bad);
	}
	const warning = problems.warning('bad-line', filePath);
	return {articles, warnings: warning ? [warning] : []};
}
