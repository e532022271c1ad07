// Standard input (`khao -`): read to the end, decode like a file, and guess the format from the
// content, since there is no file name to go by.
import type {FileKind} from './discover.js';
import {readFrontMatter} from './parse-markdown.js';

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
	return Buffer.concat(chunks);
}

const MARKDOWN_SIGNS = /^(?: {0,3}#{1,6}[ \t]+\S| {0,3}(?:```|~~~)|.*\]\([^)\s]+\)| {0,3}> \S)/m;

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
	if (readFrontMatter(text) || MARKDOWN_SIGNS.test(text.slice(0, 65_536))) return 'md';
	return 'txt';
}
