// The line breaker. A block's spans are cleaned into one string (clean.ts), analysed for clusters,
// widths and allowed breaks (breaks.ts), then filled greedily: each line takes clusters while they
// fit and ends at the last allowed break. Where none fits — a word wider than the line — the line
// ends at the last cluster boundary that no Thai rule vetoes (or, if every one is vetoed, at the
// last boundary that fits): never inside a cluster. A cluster wider than the whole line (a CJK
// character at width 1) is shown as '…', so that no line is ever wider than asked.
import type {Article, Block, BlockKind} from '../corpus/types.js';
import {NO_END, NO_START, props} from '../text/charProps.js';
import {CleanBuilder, type CleanText, TAB_STOP, displayCluster} from '../text/clean.js';
import {stringWidth} from '../text/width.js';
import {BREAK, CLUSTER, FANCY, NEWLINE_UNIT, SPACE_UNIT, TAB_UNIT, analyse} from './breaks.js';
import type {ClusterMap, Line} from './types.js';

// The queries on wrapped lines live in lines.ts; re-exported so one import serves the reader.
export {lineAt, lineRuns, type Run, type TaggedRange} from './lines.js';

/** Shown instead of a cluster wider than the whole line. */
export const OVERWIDE = '…';
/** The character a rule block is drawn with. */
export const RULE = '─';

interface Lead {
	/** Before the first line of the block (and after each hard line break, for quotes). */
	first: string;
	/** Before the lines that continue it. */
	rest: string;
}

const NO_LEAD: Lead = {first: '', rest: ''};
const LEADS: Partial<Record<BlockKind, Lead>> = {
	quote: {first: '│ ', rest: '│ '},
	item: {first: '• ', rest: '  '},
};
/** Below this many columns left for text, leads are dropped: the text matters more. */
const MIN_TEXT_WIDTH = 4;

/** Collects the units of many lines into one ClusterMap. */
class MapBuilder {
	readonly map: ClusterMap = {textEnds: new Uint32Array(0), sourceEnds: new Int32Array(0)};
	private textEnds = new Uint32Array(1024);
	private sourceEnds = new Int32Array(1024);
	count = 0;

	push(textEnd: number, sourceEnd: number): void {
		if (this.count === this.textEnds.length) {
			const t = new Uint32Array(this.count * 2);
			t.set(this.textEnds);
			this.textEnds = t;
			const s = new Int32Array(this.count * 2);
			s.set(this.sourceEnds);
			this.sourceEnds = s;
		}
		this.textEnds[this.count] = textEnd;
		this.sourceEnds[this.count++] = sourceEnd;
	}

	finish(): void {
		this.map.textEnds = this.textEnds.slice(0, this.count);
		this.map.sourceEnds = this.sourceEnds.slice(0, this.count);
	}
}

/** Columns a tab at `column` takes, so that it reaches the next tab stop but never past `width`. */
function tabColumns(column: number, width: number): number {
	const w = TAB_STOP - (column % TAB_STOP);
	return column + w > width && column < width ? width - column : w;
}

/** Lays out blocks into lines; `position` is the article offset reached so far (for blank lines). */
class Layout {
	readonly lines: Line[] = [];
	readonly units = new MapBuilder();
	position = 0;

	constructor(readonly width: number) {}

	blank(kind: BlockKind, block: number): void {
		this.synthetic('', 0, kind, block);
	}

	synthetic(text: string, width: number, kind: BlockKind, block: number): void {
		const first = this.units.count;
		if (text.length > 0) this.units.push(text.length, -1);
		this.lines.push({
			text, width, start: this.position, end: this.position, kind, block, lead: text.length,
			map: this.units.map, first, count: this.units.count - first,
		});
	}

	/** Wraps one cleaned block. */
	block(clean: CleanText, kind: BlockKind, block: number): void {
		const s = clean.text;
		const n = s.length;
		if (n === 0) {
			if (kind === 'code') this.blank(kind, block); // an empty line of code is part of the code
			return;
		}
		const code = kind === 'code';
		let lead = LEADS[kind] ?? NO_LEAD;
		if (this.width < Math.max(stringWidth(lead.first), stringWidth(lead.rest)) + MIN_TEXT_WIDTH) lead = NO_LEAD;
		const {info, widths} = analyse(s, code);
		const sources = clean.sources;
		const base = clean.base;
		const sourceAt = (k: number): number => (sources ? sources[k]! : base + k);

		const emit = (from: number, to: number, leadText: string, overwide: boolean): void => {
			const W = this.width - stringWidth(leadText);
			const first = this.units.count;
			let start = -1;
			let end = -1;
			let text: string;
			let width = stringWidth(leadText);
			let fancy = overwide;
			for (let k = from; k < to && !fancy; k++) if (info[k]! & FANCY) fancy = true;
			if (!fancy) {
				text = leadText + s.slice(from, to);
				for (let k = from; k < to;) {
					let e = k + 1;
					while (e < to && !(info[e]! & CLUSTER)) e++;
					width += widths[k]!;
					const src = sourceAt(e - 1);
					if (src >= 0) {
						if (start < 0) start = sourceAt(k) >= 0 ? sourceAt(k) : src;
						end = src + 1;
					}
					this.units.push(leadText.length + e - from, src < 0 ? -1 : src + 1);
					k = e;
				}
			} else {
				const parts: string[] = [leadText];
				let length = leadText.length;
				let column = 0;
				for (let k = from; k < to;) {
					let e = k + 1;
					while (e < to && !(info[e]! & CLUSTER)) e++;
					let piece: string;
					if (overwide) {
						piece = OVERWIDE;
						column += 1;
					} else if (info[k]! & TAB_UNIT) {
						const w = tabColumns(column, W);
						piece = ' '.repeat(w);
						column += w;
					} else {
						piece = info[k]! & FANCY ? displayCluster(s, k, e, column) : s.slice(k, e);
						column += widths[k]!;
					}
					parts.push(piece);
					length += piece.length;
					const src = sourceAt(e - 1);
					if (src >= 0) {
						if (start < 0) start = sourceAt(k) >= 0 ? sourceAt(k) : src;
						end = src + 1;
					}
					this.units.push(length, src < 0 ? -1 : src + 1);
					k = e;
				}
				text = parts.join('');
				width += column;
			}
			if (start < 0) {
				// Blank or synthetic: it sits where the text reached, or at the line break it stands for.
				const at = from < n ? sourceAt(from) : -1;
				start = end = at >= 0 && from === to ? Math.max(this.position, at) : this.position;
			}
			this.position = Math.max(this.position, end);
			this.lines.push({
				text, width, start, end, kind, block, lead: leadText.length,
				map: this.units.map, first, count: this.units.count - first,
			});
		};

		const isSpace = (k: number): boolean => (info[k]! & SPACE_UNIT) !== 0;
		const trimEnd = (from: number, k: number): number => {
			if (code) return k;
			while (k > from && isSpace(k - 1)) k--;
			return k;
		};
		const nextCluster = (k: number): number => {
			k++;
			while (k < n && !(info[k]! & CLUSTER)) k++;
			return k;
		};
		const previousCluster = (k: number): number => {
			k--;
			while (k > 0 && !(info[k]! & CLUSTER)) k--;
			return k;
		};
		/** The last cluster start in (from, i] that no rule vetoes as a line start/end, else i. */
		const forcedBreak = (from: number, i: number): number => {
			for (let k = i; k > from; k = previousCluster(k)) {
				if (isSpace(k)) continue;
				const before = previousCluster(k);
				if (isSpace(before)) continue;
				if (!(props(s.charCodeAt(k)) & NO_START) && !(props(s.charCodeAt(before)) & NO_END)) return k;
			}
			return i;
		};

		let pos = 0;
		let continuation = false; // the next line continues a wrapped one
		let afterBreak = false; // ... and its leading spaces are dropped
		while (pos < n) {
			if (afterBreak && !code) {
				while (pos < n && isSpace(pos)) pos++;
				if (pos >= n) break;
			}
			const leadText = continuation && (afterBreak || kind === 'item') ? lead.rest : lead.first;
			const W = this.width - stringWidth(leadText);
			const from = pos;
			let column = 0;
			let lastBreak = -1;
			let i = from;
			for (;;) {
				if (i >= n) {
					emit(from, trimEnd(from, n), leadText, false);
					pos = n;
					break;
				}
				const f = info[i]!;
				if (f & NEWLINE_UNIT) {
					emit(from, trimEnd(from, i), leadText, false);
					pos = i + 1;
					continuation = true;
					afterBreak = false;
					break;
				}
				if (i > from && (code || f & BREAK)) lastBreak = i;
				const w = f & TAB_UNIT ? tabColumns(column, W) : widths[i]!;
				if (column + w > W) {
					if (f & SPACE_UNIT && !code) {
						// Spaces that only trail the line (before a line break or the end) are dropped, not wrapped.
						let r = i;
						while (r < n && isSpace(r)) r++;
						if (r >= n || info[r]! & NEWLINE_UNIT) {
							emit(from, trimEnd(from, i), leadText, false);
							pos = r >= n ? n : r + 1;
							continuation = true;
							afterBreak = false;
							break;
						}
					}
					afterBreak = true;
					let indent = from;
					while (!code && lastBreak <= from && indent < i && isSpace(indent)) indent++;
					if (indent > from && indent < i) {
						// Indentation would push the first word through a forced break: drop the indentation.
						pos = indent;
						break;
					}
					if (i === from) {
						const e = nextCluster(i);
						emit(i, e, leadText, true);
						continuation = true;
						pos = e;
					} else {
						const k = lastBreak > from ? lastBreak : forcedBreak(from, i);
						const to = trimEnd(from, k);
						// Indentation wider than the line is dropped rather than shown as an empty line.
						if (to > from || code) {
							emit(from, to, leadText, false);
							continuation = true;
						}
						pos = k;
					}
					break;
				}
				column += w;
				i = nextCluster(i);
			}
		}
	}

	finish(): Line[] {
		this.units.finish();
		return this.lines;
	}
}

/** A usable column count: at least 1, a whole number, and finite (NaN and Infinity are callers' slips). */
function columns(width: number): number {
	return Math.min(Math.max(1, Math.floor(width) || 1), 1 << 16);
}

/**
 * Kinds whose consecutive blocks are not separated by a blank line: a list, a group of metadata,
 * and code (the Markdown parser makes one block per line of a fenced block).
 */
function keepsTogether(a: BlockKind, b: BlockKind): boolean {
	return a === b && (a === 'item' || a === 'meta' || a === 'code');
}

function cleanBlock(text: string, block: Block): CleanText {
	const builder = new CleanBuilder();
	for (const span of block.spans) {
		if ('synthetic' in span) builder.addSynthetic(span.synthetic);
		else builder.addSource(text, Math.max(0, span.start), Math.min(text.length, span.end));
	}
	return builder.finish();
}

/**
 * Lays out an article's blocks at `width` columns: a blank line between blocks (not between list
 * items or metadata lines), quotes behind '│ ', items behind '• ' with a hanging indent, code
 * broken at clusters only, rules as a line of '─'.
 */
export function wrapArticle(article: Article, width: number): Line[] {
	const layout = new Layout(columns(width));
	let previous: BlockKind | undefined;
	article.blocks.forEach((block, index) => {
		const before = layout.lines.length;
		if (previous !== undefined && !keepsTogether(previous, block.kind)) layout.blank(previous, index - 1);
		const firstSource = block.spans.find(span => !('synthetic' in span));
		if (firstSource && !('synthetic' in firstSource)) layout.position = Math.max(layout.position, firstSource.start);
		if (block.kind === 'rule') {
			layout.synthetic(RULE.repeat(layout.width), layout.width, 'rule', index);
			// The rule stands for its markup (---): it covers that text, so offsets in it find the rule.
			const rule = layout.lines[layout.lines.length - 1]!;
			const last = block.spans.findLast(span => !('synthetic' in span));
			if (last && !('synthetic' in last) && last.end > rule.start) rule.end = layout.position = last.end;
		} else {
			const blankAdded = layout.lines.length > before;
			layout.block(cleanBlock(article.text, block), block.kind, index);
			if (layout.lines.length === before + (blankAdded ? 1 : 0)) {
				layout.lines.length = before; // nothing to show: no blank line for it either
				return;
			}
		}
		previous = block.kind;
	});
	return layout.finish();
}

/** Wraps text[start, end) as one paragraph (line breaks in it kept) at `width` columns. */
export function wrapText(text: string, start = 0, end: number = text.length, width = 80, kind: BlockKind = 'para'): Line[] {
	const layout = new Layout(columns(width));
	layout.position = start;
	const builder = new CleanBuilder();
	builder.addSource(text, start, end);
	layout.block(builder.finish(), kind, 0);
	return layout.finish();
}
