// Standard input (`khao -`): read to the end, decode like a file, and guess the format from the
// content, since there is no file name to go by.
import type {FileKind} from './discover.js';
import {readFrontMatter} from './parse-markdown.js';
import {formatSize, parseSize} from './size.js';

/**
 * Standard input is read whole before anything is shown (its format is guessed from it), so it is
 * bounded: 1 GiB by default, room for a corpus of several hundred megabytes, far from what makes
 * the machine swap. KHAO_MAX_INPUT_SIZE (bytes, or with K, M, G) moves the bound.
 */
export const DEFAULT_MAX_STDIN_BYTES = 1024 ** 3;
export const MAX_INPUT_ENV = 'KHAO_MAX_INPUT_SIZE';

/** The bound on standard input: KHAO_MAX_INPUT_SIZE when set, else the default. Throws a message when it is not a size. */
export function stdinLimit(env: NodeJS.ProcessEnv): number {
	const raw = env[MAX_INPUT_ENV];
	if (raw === undefined || raw === '') return DEFAULT_MAX_STDIN_BYTES;
	const size = parseSize(raw);
	if (size === undefined) throw new Error(`${MAX_INPUT_ENV} must be a size such as 512M or 2G`);
	return size;
}

/** Thrown when standard input is longer than its bound (nothing more is read from it). */
export class InputTooLarge extends Error {
	constructor(readonly limit: number) {
		super(`standard input is larger than ${formatSize(limit)}, not read (${MAX_INPUT_ENV}=2G, for example, reads more)`);
	}
}

/** All of `stream`, or InputTooLarge as soon as it passes `limit` bytes (an endless pipe ends there). */
export async function readAll(stream: NodeJS.ReadableStream, limit = DEFAULT_MAX_STDIN_BYTES): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of stream) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
		total += bytes.length;
		if (total > limit) {
			(stream as NodeJS.ReadableStream & {destroy?: () => void}).destroy?.();
			throw new InputTooLarge(limit);
		}
		chunks.push(bytes);
	}
	return Buffer.concat(chunks, total);
}

/** Bytes of the head decoded to guess the format: whole lines, enough for a long first record. */
export const SNIFF_HEAD_BYTES = 16 * 1024 * 1024;

/** The start of `bytes` up to its last line break within SNIFF_HEAD_BYTES (all of it when shorter). */
export function sniffHead(bytes: Buffer): Buffer {
	if (bytes.length <= SNIFF_HEAD_BYTES) return bytes;
	const cut = bytes.lastIndexOf(10, SNIFF_HEAD_BYTES);
	return bytes.subarray(0, cut > 0 ? cut + 1 : SNIFF_HEAD_BYTES);
}

// A heading, a fence or a quote at a line start. Inline links are found by `hasInlineLink`: as
// the regex `.*\]\([^)\s]+\)` they backtracked quadratically on a long line of `](`.
const MARKDOWN_LINE_SIGNS = /^(?: {0,3}#{1,6}[ \t]+\S| {0,3}(?:```|~~~)| {0,3}> \S)/m;
/** Only the start of the input is looked at for signs of Markdown. */
const SNIFF_CHARS = 65_536;

/** Whether `text` holds `](target)` with a target of at least one character, no space or `)`. */
function hasInlineLink(text: string): boolean {
	// Where the target that starts at a `](` ends; later `](`s before that point end there too.
	let stop = -1;
	for (let open = text.indexOf('](', 0); open >= 0; open = text.indexOf('](', open + 1)) {
		const from = open + 2;
		if (stop < from) {
			stop = from;
			while (stop < text.length && text[stop] !== ')' && !/\s/.test(text[stop]!)) stop++;
		}
		if (text[stop] === ')' && stop > from) return true;
	}
	return false;
}

/** 'jsonl' when the input starts with a JSON object a line (a few broken lines allowed), 'md' when Markdown shows, else 'txt'. */
export function sniffFormat(text: string): FileKind {
	const firstLines: string[] = [];
	for (let at = 0; at < text.length && firstLines.length < 10;) {
		const newline = text.indexOf('\n', at);
		const end = newline < 0 ? text.length : newline;
		const line = text.slice(at, end).trim();
		if (line !== '') firstLines.push(line);
		at = end + 1;
	}
	const objectLines = firstLines.filter((l) => l.startsWith('{')).length;
	if (firstLines.length > 0 && objectLines * 2 >= firstLines.length) {
		try {
			const first = JSON.parse(firstLines[0]!) as unknown;
			if (typeof first === 'object' && first !== null && !Array.isArray(first)) return 'jsonl';
		} catch {
			// not JSON after all: read it as text
		}
	}
	const sample = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
	// Front matter may be longer than the sample; reading it is linear and stops at its end.
	if (readFrontMatter(text) || MARKDOWN_LINE_SIGNS.test(sample) || hasInlineLink(sample)) return 'md';
	return 'txt';
}
