// Shared checks for the layout tests: articles made from (kind, text) pairs, and the invariants
// every wrapped line must keep, written independently of the wrapper's own tables.
import assert from 'node:assert/strict';
import type {Article, BlockKind} from '../../source/corpus/types.js';
import type {Line} from '../../source/layout/types.js';
import {cleanForDisplay, cleanText} from '../../source/text/clean.js';

/** An article whose blocks are the given pieces, one per line of its text. */
export function makeArticle(blocks: Array<[BlockKind, string]>): Article {
	let text = '';
	const out: Article['blocks'] = [];
	for (const [kind, piece] of blocks) {
		if (text.length > 0) text += '\n';
		out.push({kind, spans: [{start: text.length, end: text.length + piece.length}]});
		text += piece;
	}
	return {id: 't', path: 't', format: 'txt', title: 't', text, blocks: out};
}

export const contentOf = (line: Line): string => line.text.slice(line.lead);

const intl = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/**
 * Columns as a terminal counts them, computed without the project's tables: nonspacing and
 * enclosing marks and format characters 0, Han/kana/Hangul/fullwidth forms/emoji 2, else 1.
 */
export function independentWidth(s: string): number {
	let width = 0;
	for (const {segment} of intl.segment(s)) {
		if (/\p{Extended_Pictographic}/u.test(segment) && /[\u{1F000}-\u{1FAFF}]/u.test(segment)) {
			// SARA AM joins any cluster (it is a SpacingMark) but a terminal still gives it its column.
			width += 2 + (segment.match(/[\u0E33\u0EB3]/gu)?.length ?? 0);
			continue;
		}
		for (const ch of segment) {
			if (/[\p{Mn}\p{Me}\p{Cf}]/u.test(ch)) continue;
			width += /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\u3000\uFF01-\uFF60]/u.test(ch) && !/[\uFF61-\uFF9F\u3164]/u.test(ch) ? 2 : 1;
		}
	}
	return width;
}

/** Source offsets where a grapheme cluster of the cleaned text starts or ends. */
export function clusterEdges(text: string): Set<number> {
	const clean = cleanText(text);
	const at = (k: number): number => (clean.sources ? clean.sources[k]! : clean.base + k);
	const edges = new Set<number>([0, text.length]);
	for (const {index, segment} of intl.segment(clean.text)) {
		edges.add(at(index));
		edges.add(at(index + segment.length - 1) + 1);
	}
	return edges;
}

export const NO_START = /^[\p{Mn}\u0E30\u0E32\u0E33\u0E45\u0E46\u0E2F)\]}”’»,.;:!?%…]/u;
export const NO_END = /[เแโใไ([{“‘«]$/u;
/** NO_END for one grapheme cluster: its base character (a mark on เ does not make it a consonant). */
export const NO_END_CLUSTER = /^[เแโใไ([{“‘«]/u;

/**
 * Checks what must hold for every line of `text` wrapped at `width`: no line wider than asked,
 * offsets that show exactly the cleaned article text, nothing lost between lines but whitespace,
 * no cluster split, lines in order.
 */
export function checkLines(text: string, lines: Line[], width: number, edges = clusterEdges(text)): void {
	let previousEnd = 0;
	let previousStart = 0;
	for (const line of lines) {
		const where = `${JSON.stringify(line.text)} [${line.start}, ${line.end}) of ${JSON.stringify(text)} at ${width}`;
		assert.ok(line.width <= width, `too wide: ${where}`);
		assert.equal(independentWidth(line.text), line.width, `width: ${where}`);
		assert.ok(!/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\uFEFF]/u.test(line.text), `unsafe: ${where}`);
		assert.ok(line.start >= previousStart, `out of order: ${where}`);
		previousStart = line.start;
		if (line.start === line.end) continue;
		if (line.kind === 'rule') {
			previousEnd = line.end; // a rule is drawn, not its markup
			continue;
		}
		const shown = contentOf(line);
		const cleaned = cleanForDisplay(text, line.start, line.end);
		if (shown === '…') {
			assert.ok(independentWidth(cleaned) > width - (line.width - 1), `placeholder for a narrow cluster: ${where}`);
		} else if (text.slice(line.start, line.end).includes('\t')) {
			// A tab that cannot break is cut short at the line's end: compare all but space counts.
			assert.equal(shown.replace(/ +/g, ' '), cleaned.replace(/ +/g, ' '), `offsets: ${where}`);
		} else {
			assert.equal(shown, cleaned, `offsets: ${where}`);
		}
		assert.ok(edges.has(line.start) && edges.has(line.end), `cluster split: ${where}`);
		const gap = cleanText(text, previousEnd, line.start).text;
		assert.ok(/^[\s]*$/u.test(gap), `lost ${JSON.stringify(gap)} before ${where}`);
		previousEnd = line.end;
	}
	assert.ok(/^[\s]*$/u.test(cleanText(text, previousEnd).text), `lost the end of ${JSON.stringify(text)} at ${width}`);
}
