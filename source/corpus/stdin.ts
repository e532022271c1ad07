// Standard input (`khao -`): read to the end, decode like a file, and guess the format from the
// content, since there is no file name to go by.
import type {FileKind} from './discover.js';
import {readFrontMatter} from './parse-markdown.js';

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
	return Buffer.concat(chunks);
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
	for (let at = 0; at < text.length && firstLines.length < 10; ) {
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
