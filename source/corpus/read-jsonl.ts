// Streaming a .jsonl corpus so that the first articles are on screen long before a 100 MB file is
// read. The file is read in 1 MB chunks into one reused buffer, split on '\n' bytes, and each line
// is decoded and parsed on its own; only a line cut by a chunk's end is copied. Neither the whole
// file's bytes nor its whole text is ever held, which keeps peak memory near the articles' size.
import type {Article, CorpusWarning} from './types.js';
import {bomOf, decodeWithoutBom} from './decode.js';
import {articleFromRecord, isBlankLine, LineProblems} from './parse-jsonl.js';
import {articlesFromBytes, openRegularFile} from './read-file.js';

export const CHUNK_BYTES = 1 << 20;

export interface JsonlSink {
	/** Called once per chunk with the articles it held (possibly none). */
	add(articles: Article[]): void;
	/** Awaited between chunks: lets the event loop run (keys, rendering). */
	pause(): Promise<void>;
}

/**
 * Streams `filePath` into `sink`; returns the file's warnings. Open and read errors are thrown.
 * `open` is the path as bytes when `filePath` (a name that is not UTF-8, decoded) would not open.
 */
export async function streamJsonl(filePath: string, sink: JsonlSink, open: string | Buffer = filePath): Promise<CorpusWarning[]> {
	const handle = await openRegularFile(open);
	if (typeof handle === 'string') return [{kind: 'skipped', path: filePath, message: handle}];
	const problems = new LineProblems();
	const seenIds = new Set<string>();
	const invalid = new LineProblems();
	let lineNumber = 0;
	let sawContent = false;

	const parseLine = (bytes: Uint8Array, batch: Article[]) => {
		lineNumber++;
		let end = bytes.length;
		if (end > 0 && bytes[end - 1] === 13) end--;
		if (end === 0) return;
		const decoded = decodeWithoutBom(end === bytes.length ? bytes : bytes.subarray(0, end));
		if (isBlankLine(decoded.text)) return;
		sawContent = true;
		if (decoded.invalidBytes) invalid.add(lineNumber, 'invalid UTF-8 bytes shown as U+FFFD');
		const result = articleFromRecord(decoded.text, filePath, lineNumber, seenIds);
		if ('article' in result) batch.push(result.article);
		else problems.add(lineNumber, result.bad);
	};

	try {
		const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
		let carry: Buffer[] = [];
		let first = true;
		for (;;) {
			const {bytesRead} = await handle.read(buffer, 0, CHUNK_BYTES, null);
			if (bytesRead === 0) break;
			let chunk = buffer.subarray(0, bytesRead);
			if (first) {
				first = false;
				const bom = bomOf(chunk);
				if (bom === 'utf-16le' || bom === 'utf-16be') {
					// Rare enough to read whole: UTF-16 cannot be split on the byte '\n'.
					const rest = await handle.readFile();
					const result = articlesFromBytes(Buffer.concat([chunk, rest]), filePath, 'jsonl');
					sink.add(result.articles);
					return result.warnings;
				}
				if (bom === 'utf-8') chunk = chunk.subarray(3);
			}
			const batch: Article[] = [];
			let at = 0;
			for (let newline = chunk.indexOf(10, at); newline >= 0; newline = chunk.indexOf(10, at)) {
				const piece = chunk.subarray(at, newline);
				if (carry.length > 0) {
					parseLine(Buffer.concat([...carry, piece]), batch);
					carry = [];
				} else {
					parseLine(piece, batch);
				}
				at = newline + 1;
			}
			// The buffer is reused: the unfinished line must be copied out of it.
			if (at < chunk.length) carry.push(Buffer.from(chunk.subarray(at)));
			sink.add(batch);
			await sink.pause();
		}
		if (carry.length > 0) {
			const batch: Article[] = [];
			parseLine(Buffer.concat(carry), batch);
			sink.add(batch);
		}
	} finally {
		await handle.close();
	}

	const warnings: CorpusWarning[] = [];
	if (!sawContent) warnings.push({kind: 'empty', path: filePath, message: lineNumber === 0 ? 'empty file' : 'only whitespace'});
	const bad = problems.warning('bad-line', filePath);
	if (bad) warnings.push(bad);
	const replaced = invalid.warning('invalid-bytes', filePath);
	if (replaced) warnings.push(replaced);
	return warnings;
}
