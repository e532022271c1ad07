// Shared by the corpus tests: temp folders, a tiny TIS-620 encoder, and block text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Article, Block} from '../../source/corpus/types.js';

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'corpus');

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(): {dir: string; cleanup: () => void} {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-corpus-'));
	return {dir, cleanup: () => fs.rmSync(dir, {recursive: true, force: true})};
}

/** TIS-620: ASCII as is, Thai U+0E01–U+0E5B → byte 0xA1 + (cp − 0x0E01). */
export function encodeTis620(s: string): Buffer {
	const bytes: number[] = [];
	for (const ch of s) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x80) bytes.push(cp);
		else if (cp >= 0x0e01 && cp <= 0x0e5b) bytes.push(0xa1 + cp - 0x0e01);
		else throw new Error(`not encodable in TIS-620: U+${cp.toString(16)}`);
	}
	return Buffer.from(bytes);
}

export function utf16be(s: string): Buffer {
	const le = Buffer.from(s, 'utf16le');
	return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
}

export function utf16le(s: string): Buffer {
	return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
}

/** What a block shows: its spans joined (synthetic text included). */
export function blockText(article: Article, block: Block): string {
	return block.spans.map((s) => ('synthetic' in s ? s.synthetic : article.text.slice(s.start, s.end))).join('');
}

/** Each block as `kind: text`, for compact assertions. */
export function outline(article: Article): string[] {
	return article.blocks.map((b) => `${b.kind}: ${blockText(article, b)}`);
}
