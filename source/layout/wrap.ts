// The line breaker. A block's spans are cleaned into one string (clean.ts), analysed for clusters,
// widths and allowed breaks (breaks.ts), then filled greedily: each line takes clusters while they
// fit and ends at the allowed break that costs least — the columns it leaves empty, plus, at a word
// boundary rather than a space, one column and more for words often written together (so a line
// may end a few columns early to keep รับผิดชอบ whole, never more than a quarter of its width).
// Breaks inside a protected span (a name the entity finder knows) are refused. Where no allowed
// break fits — a word or name wider than the line — the line ends at the last word boundary inside
// a name, else the last Thai cluster start, else the last cluster boundary that no Thai rule vetoes
// (or, if every one is vetoed, at the last boundary that fits): never inside a cluster. A cluster
// wider than the whole line (a CJK character at width 1) is shown as '…', so that no line is ever
// wider than asked.
import {STYLE, type Article, type Block, type BlockKind, type Span} from '../corpus/types.js';
import {NO_END, NO_START, THAI_LETTER, props} from '../text/charProps.js';
import {CleanBuilder, type CleanText, TAB_STOP, displayCluster} from '../text/clean.js';
import {stringWidth} from '../text/width.js';
import {BREAK, CLUSTER, FANCY, HELD, NEWLINE_UNIT, SPACE_UNIT, SYLLABLE, TAB_UNIT, WEAK, analyse, hold, isDigit, isHyphen} from './breaks.js';
import {LONGEST_RANGE, rangesWithin} from './lines.js';
import type {ClusterMap, Line, StyleRun} from './types.js';
import {drawTable} from './table.js';

// The queries on wrapped lines live in lines.ts; re-exported so one import serves the reader.
export {type Anchor, anchorOf, lineAt, lineOfAnchor, lineRuns, type Run, type TaggedRange} from './lines.js';

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
/** Bullets by depth, and how deep a list indents before it stops indenting further. */
const BULLETS = ['•', '◦'];
const MAX_DEPTH = 6;

/** A list item's lead: indented by its depth, its number or a bullet, then a hanging indent. */
function itemLead(block: Block): Lead {
	const depth = Math.min(block.depth ?? 0, MAX_DEPTH);
	const first = `${'  '.repeat(depth)}${block.marker ?? BULLETS[depth % BULLETS.length]} `;
	return {first, rest: ' '.repeat(stringWidth(first))};
}

/** The STYLE bits of each unit of a cleaned block, and the link targets over ranges of it. */
interface BlockStyles {
	bits: Uint8Array;
	hrefs: Array<{from: number; to: number; href: string}>;
}

/** The link target over unit `k` (targets are sorted and apart: found by bisection). */
function hrefAt(hrefs: BlockStyles['hrefs'], k: number): string | undefined {
	let low = 0;
	let high = hrefs.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (hrefs[mid]!.to <= k) low = mid + 1;
		else high = mid;
	}
	const h = hrefs[low];
	return h && h.from <= k ? h.href : undefined;
}

/** Below this many columns left for text, leads are dropped: the text matters more. */
const MIN_TEXT_WIDTH = 4;

/** A range of article text [start, end) no line may break inside when it fits (a name). */
export interface Protected {
	start: number;
	end: number;
}

/** The kinds of forced break, best first (see forcedBreak). */
const PUNCTUATION_RUN = -1;
const AFTER_NO_BREAK_SPACE = -2;
const FORCED_TIERS = [AFTER_NO_BREAK_SPACE, SYLLABLE, SYLLABLE | WEAK, PUNCTUATION_RUN, CLUSTER];

function isNoBreakSpace(c: number): boolean {
	return c === 0xa0 || c === 0x2007 || c === 0x202f;
}

/**
 * What breaking between two words costs, in columns a line may end short to avoid it, by cohesion
 * level, as a share of a third of the width: nothing for words that merely meet, half a third for
 * the loosest pairs, more for each level, and at the top more than a whole line: words that are
 * nearly always one are only parted when nothing else fits.
 */
const LEVEL_WEIGHTS = [0, 0.5, 1, 1.5, 2, 3, 4, 4];

function levelColumns(width: number): Uint8Array {
	const third = Math.max(3, Math.min(24, Math.floor(width / 3)));
	return Uint8Array.from(LEVEL_WEIGHTS, (w) => Math.min(255, 1 + Math.round(w * third)));
}

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
			text,
			width,
			start: this.position,
			end: this.position,
			kind,
			block,
			lead: text.length,
			map: this.units.map,
			first,
			count: this.units.count - first,
		});
	}

	/** Wraps one cleaned block; `spans` (sorted by start) are protected. */
	block(clean: CleanText, kind: BlockKind, block: number, spans: readonly Protected[] = [], leadOf?: Lead, styles?: BlockStyles): void {
		const s = clean.text;
		const n = s.length;
		if (n === 0) {
			if (kind === 'code') this.blank(kind, block); // an empty line of code is part of the code
			return;
		}
		const code = kind === 'code';
		let lead = leadOf ?? LEADS[kind] ?? NO_LEAD;
		if (this.width < Math.max(stringWidth(lead.first), stringWidth(lead.rest)) + MIN_TEXT_WIDTH) lead = NO_LEAD;
		const {info, widths, costs} = analyse(s, code);
		const sources = clean.sources;
		const base = clean.base;
		const sourceAt = (k: number): number => (sources ? sources[k]! : base + k);
		if (!code && spans.length > 0) protect(spans, n, sourceAt);

		// The style runs of the line being emitted (only for blocks with styles).
		let runs: StyleRun[] | undefined;
		const styleUnit = (k: number, textFrom: number, textTo: number): void => {
			const style = styles!.bits[k]!;
			if (style === 0) return;
			const href = style & STYLE.link ? hrefAt(styles!.hrefs, k) : undefined;
			const last = runs![runs!.length - 1];
			if (last && last.to === textFrom && last.style === style && last.href === href) last.to = textTo;
			else runs!.push(href === undefined ? {from: textFrom, to: textTo, style} : {from: textFrom, to: textTo, style, href});
		};
		const emit = (from: number, to: number, leadText: string, overwide: boolean): void => {
			const W = this.width - stringWidth(leadText);
			const first = this.units.count;
			runs = styles ? [] : undefined;
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
					if (runs) styleUnit(k, leadText.length + k - from, leadText.length + e - from);
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
					if (runs) styleUnit(k, length, length + piece.length);
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
				text,
				width,
				start,
				end,
				kind,
				block,
				lead: leadText.length,
				map: this.units.map,
				first,
				count: this.units.count - first,
				...(runs && runs.length > 0 ? {styles: runs} : {}),
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
		/** Does Thai typography forbid a line to start at k after `before` (or a line to start with -19)? */
		const vetoed = (k: number, before: number): boolean =>
			(props(s.charCodeAt(k)) & NO_START) !== 0 ||
			(props(s.charCodeAt(before)) & NO_END) !== 0 ||
			(isHyphen(s.charCodeAt(k)) && k + 1 < n && isDigit(s.charCodeAt(k + 1)));
		/**
		 * Where a line with no allowed break must end, in (from, i], the last of the first kind found:
		 * a break held for a name or a number's unit; after a no-break space (better than inside a
		 * word: "Initiative หรือ GDI" all joined by U+00A0); a Thai cluster start (else one before a final
		 * consonant) that no rule vetoes; a punctuation mark in a run of them (dots wider than the
		 * line); any cluster start that no rule vetoes; else i.
		 */
		const forcedBreak = (from: number, i: number): number => {
			for (let k = i; k > from; k = previousCluster(k)) if (info[k]! & HELD) return k;
			for (const tier of FORCED_TIERS) {
				for (let k = i; k > from; k = previousCluster(k)) {
					const before = previousCluster(k);
					if (isSpace(before)) continue;
					if (tier === AFTER_NO_BREAK_SPACE) {
						if (!isSpace(k) && isNoBreakSpace(s.charCodeAt(before)) && !(props(s.charCodeAt(k)) & NO_START)) return k;
						continue;
					}
					if (tier === PUNCTUATION_RUN) {
						if (!isSpace(k) && !(props(s.charCodeAt(k)) & THAI_LETTER) && !(props(s.charCodeAt(before)) & THAI_LETTER)) return k;
						continue;
					}
					if (isSpace(k) || !(info[k]! & tier)) continue;
					if (!vetoed(k, before)) return k;
				}
			}
			return i;
		};
		// The allowed breaks of the line being filled: unit and the columns before it.
		const breakAt: number[] = [];
		const breakColumn: number[] = [];
		const wordCost = levelColumns(this.width);
		/** The break of the current line that costs least (ties: the later one). */
		const bestBreak = (W: number): number => {
			let best = -1;
			let bestCost = Infinity;
			for (let c = 0; c < breakAt.length; c++) {
				const k = breakAt[c]!;
				let cost = W - breakColumn[c]!;
				if (!code && !isSpace(k)) cost += wordCost[costs[k]!]!;
				if (cost <= bestCost) {
					best = k;
					bestCost = cost;
				}
			}
			return best;
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
			breakAt.length = 0;
			breakColumn.length = 0;
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
				if (i > from && (code || f & BREAK)) {
					lastBreak = i;
					breakAt.push(i);
					breakColumn.push(column);
				}
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
						const k = lastBreak > from ? bestBreak(W) : forcedBreak(from, i);
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

	/** Adds lines drawn elsewhere (a table's), their units as (text end, source end) pairs. */
	drawn(lines: ReturnType<typeof drawTable>, kind: BlockKind, block: number): void {
		for (const line of lines) {
			const first = this.units.count;
			for (let u = 0; u < line.units.length; u += 2) this.units.push(line.units[u]!, line.units[u + 1]!);
			const start = line.start ?? this.position;
			const end = line.end ?? this.position;
			this.position = Math.max(this.position, end);
			this.lines.push({
				text: line.text,
				width: line.width,
				start,
				end,
				kind,
				block,
				lead: 0,
				map: this.units.map,
				first,
				count: this.units.count - first,
				...(line.styles ? {styles: line.styles} : {}),
			});
		}
	}

	finish(): Line[] {
		this.units.finish();
		return this.lines;
	}
}

/** Holds the breaks of the analysed block that fall strictly inside one of `spans` (article offsets). */
function protect(spans: readonly Protected[], n: number, sourceAt: (k: number) => number): void {
	let next = 0; // the first span that may still contain a later unit
	let from = -1; // the first unit inside the current span
	for (let k = 0; k < n; k++) {
		const src = sourceAt(k);
		if (src < 0) continue;
		while (next < spans.length && spans[next]!.end <= src) {
			if (from >= 0) hold(from - 1, k);
			from = -1;
			next++;
		}
		if (next >= spans.length) break;
		if (src > spans[next]!.start && from < 0) from = k;
	}
	if (from >= 0) hold(from - 1, n);
}

/**
 * The spans that overlap [start, end), sorted by start. A span longer than LONGEST_RANGE is wider
 * than any line, so keeping it whole is not possible anyway: it is left out, which lets a block
 * find its own spans by bisection (rangesWithin).
 */
function spansWithin(spans: readonly Protected[] | undefined, start: number, end: number): Protected[] {
	if (!spans || spans.length === 0) return [];
	return spans.filter((p) => p.end > start && p.start < end && p.end - p.start > 1 && p.end - p.start <= LONGEST_RANGE).sort((a, b) => a.start - b.start);
}

/** The spans overlapping a block's source text. */
function spansOfBlock(spans: readonly Protected[], block: Block): Protected[] {
	let start = Infinity;
	let end = -1;
	for (const span of block.spans) {
		if ('synthetic' in span) continue;
		start = Math.min(start, span.start);
		end = Math.max(end, span.end);
	}
	return end < 0 ? [] : rangesWithin(spans, start, end);
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

/** Spans cleaned into one string, with the styles of its units when any span has one (or `extra`). */
function cleanSpans(text: string, spans: readonly Span[], extra = 0): {clean: CleanText; styles?: BlockStyles} {
	const builder = new CleanBuilder();
	let marks: Array<{from: number; to: number; style: number; href?: string}> | undefined;
	for (const span of spans) {
		const from = builder.size;
		if ('synthetic' in span) builder.addSynthetic(span.synthetic);
		else builder.addSource(text, Math.max(0, span.start), Math.min(text.length, span.end));
		if (span.style || span.href !== undefined)
			(marks ??= []).push({from, to: builder.size, style: span.style ?? 0, ...(span.href !== undefined ? {href: span.href} : {})});
	}
	const clean = builder.finish();
	if (!marks && !extra) return {clean};
	const bits = new Uint8Array(clean.text.length).fill(extra);
	const hrefs: BlockStyles['hrefs'] = [];
	for (const mark of marks ?? []) {
		bits.fill(mark.style | extra, mark.from, mark.to);
		if (mark.href !== undefined) hrefs.push({from: mark.from, to: mark.to, href: mark.href});
	}
	return {clean, styles: {bits, hrefs}};
}

/**
 * Lays out an article's blocks at `width` columns: a blank line between blocks (not between list
 * items or metadata lines), quotes behind '│ ', items behind '• ' with a hanging indent, code
 * broken at clusters only, rules as a line of '─'. No line breaks inside a `protect`ed span (the
 * article's entity mentions) unless the span is wider than the line.
 */
export function wrapArticle(article: Article, width: number, protect?: readonly Protected[]): Line[] {
	const layout = new Layout(columns(width));
	const spans = spansWithin(protect, 0, article.text.length);
	let previous: BlockKind | undefined;
	article.blocks.forEach((block, index) => {
		const before = layout.lines.length;
		if (previous !== undefined && !keepsTogether(previous, block.kind)) layout.blank(previous, index - 1);
		const firstSource = block.spans.find((span) => !('synthetic' in span));
		if (firstSource && !('synthetic' in firstSource)) layout.position = Math.max(layout.position, firstSource.start);
		if (block.kind === 'table' && block.table) {
			const wrapCell = (cellSpans: readonly Span[], cellWidth: number, style: number): Line[] => {
				const cell = new Layout(columns(cellWidth));
				cell.position = layout.position;
				const {clean, styles} = cleanSpans(article.text, cellSpans, style);
				cell.block(clean, 'table', index, [], NO_LEAD, styles);
				return cell.finish();
			};
			layout.drawn(drawTable(block.table, layout.width, wrapCell), 'table', index);
		} else if (block.kind === 'rule') {
			layout.synthetic(RULE.repeat(layout.width), layout.width, 'rule', index);
			// The rule stands for its markup (---): it covers that text, so offsets in it find the rule.
			const rule = layout.lines[layout.lines.length - 1]!;
			const last = block.spans.findLast((span) => !('synthetic' in span));
			if (last && !('synthetic' in last) && last.end > rule.start) rule.end = layout.position = last.end;
		} else {
			const blankAdded = layout.lines.length > before;
			const {clean, styles} = cleanSpans(article.text, block.spans);
			layout.block(clean, block.kind, index, spans.length > 0 ? spansOfBlock(spans, block) : [], block.kind === 'item' ? itemLead(block) : undefined, styles);
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
export function wrapText(text: string, start = 0, end: number = text.length, width = 80, kind: BlockKind = 'para', protect?: readonly Protected[]): Line[] {
	const layout = new Layout(columns(width));
	layout.position = start;
	const builder = new CleanBuilder();
	builder.addSource(text, start, end);
	layout.block(builder.finish(), kind, 0, spansWithin(protect, start, end));
	return layout.finish();
}
