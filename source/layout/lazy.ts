// Wrapping on demand, for articles too long to wrap at once (a 32 MB article takes seconds, and
// every resize would take them again). The article is cut into pieces of a few thousand
// characters — runs of whole blocks, or parts of one long block cut at a line break or a space —
// and a piece is wrapped (by wrapArticle, with the same rules as the whole article) only when the
// reader looks at it. Pieces not wrapped yet count with an estimate of their height, refined from
// the pieces wrapped so far, so that the line count, G / End and the percentage work at once.
//
// Line numbers are positions in that mixed count, so wrapping a piece changes the numbers of the
// lines after it. `settle` is the one place the reader lets that happen: it wraps what a view
// needs and returns the view's top so that the same line stays on top.
import type {Article, Block, Span} from '../corpus/types.js';
import type {Line} from './types.js';
import {type Protected, lineAt as lineAtIn, wrapArticle, wrapText} from './wrap.js';
import {rangesWithin} from './lines.js';

/** Characters per piece: one piece wraps in a few tens of milliseconds. */
export const PIECE_CHARS = 16_384;
/** A cut inside a long block looks this far past its target for a line break or a space. */
const CUT_SEARCH = 2_048;
/** First guess of terminal columns per UTF-16 unit (Thai marks take none), until pieces are wrapped. */
const COLUMNS_PER_UNIT = 0.8;

interface Piece {
	/** Blocks [firstBlock, endBlock); a part of one long block when `clip` is set. */
	firstBlock: number;
	endBlock: number;
	/** The source range of a long block this piece shows. */
	clip?: {from: number; to: number; blockEnd: number};
	/** The piece starts a block after another block: a blank line may come first. */
	afterBlock: boolean;
	/** Characters of text (and synthetic text) in it. */
	chars: number;
	/** First article offset the piece shows (never before the previous piece's). */
	start: number;
	/** Lines before they are wrapped, without the refinement. */
	guess: number;
	lines?: Line[];
}

const isSource = (span: Span): span is {start: number; end: number} => !('synthetic' in span);

function sourceLength(block: Block): number {
	let n = 0;
	for (const span of block.spans) n += isSource(span) ? Math.max(0, span.end - span.start) : span.synthetic.length;
	return n;
}

/** The block's spans cut to [from, to); a synthetic span goes with the source span after it. */
function clipSpans(spans: readonly Span[], from: number, to: number, blockEnd: number): Span[] {
	const next: number[] = new Array(spans.length);
	let anchor = Infinity;
	for (let i = spans.length - 1; i >= 0; i--) {
		const span = spans[i]!;
		if (isSource(span)) anchor = span.start;
		next[i] = anchor;
	}
	const out: Span[] = [];
	spans.forEach((span, i) => {
		if (isSource(span)) {
			const start = Math.max(span.start, from);
			const end = Math.min(span.end, to);
			if (end > start) out.push({...span, start, end});
		} else if (next[i] === Infinity ? to >= blockEnd : next[i]! >= from && next[i]! < to) out.push(span);
	});
	return out;
}

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000;

/**
 * Where to cut text[.., limit) near `target` so that the part after starts a line: after a line
 * break, else after a run of spaces, else at a line start the wrapper itself chooses.
 */
function cutNear(text: string, target: number, limit: number): number {
	const end = Math.min(limit, target + CUT_SEARCH);
	let afterSpaces = -1;
	for (let k = target; k < end; k++) {
		const code = text.charCodeAt(k);
		if (code === 0x0a) return k + 1;
		if (afterSpaces === -1 && isSpace(code)) {
			let e = k + 1;
			while (e < end && isSpace(text.charCodeAt(e))) e++;
			if (e < end && text.charCodeAt(e) !== 0x0a) afterSpaces = e;
		}
	}
	if (afterSpaces !== -1) return afterSpaces;
	// No space for thousands of characters: the second line of a short wrap starts where a line may.
	const lines = wrapText(text, target, end, 40);
	return lines[1]?.start ?? end;
}

/** Cuts the blocks into pieces of about `pieceChars`. */
function cutPieces(article: Article, pieceChars: number): Piece[] {
	const pieces: Piece[] = [];
	const blocks = article.blocks;
	const lengths = blocks.map(sourceLength);
	const long = (b: number) => lengths[b]! > 2 * pieceChars;
	let position = 0;
	const push = (piece: Omit<Piece, 'start' | 'guess'>, start: number | undefined) => {
		position = Math.max(position, start ?? position);
		pieces.push({...piece, start: position, guess: 0});
	};
	let b = 0;
	while (b < blocks.length) {
		const firstSource = blocks[b]!.spans.find(isSource);
		if (long(b) && firstSource) {
			// One long block: parts of it, each starting where a line may start.
			const end = blocks[b]!.spans.findLast(isSource)!.end;
			for (let from = firstSource.start; from < end;) {
				const to = end - from > 2 * pieceChars ? cutNear(article.text, from + pieceChars, end) : end;
				push({firstBlock: b, endBlock: b + 1, clip: {from, to, blockEnd: end}, afterBlock: b > 0 && from === firstSource.start, chars: to - from}, from);
				from = to;
			}
			b++;
			continue;
		}
		let end = b;
		let chars = 0;
		do chars += lengths[end++]!;
		while (end < blocks.length && chars < pieceChars && !long(end));
		push({firstBlock: b, endBlock: end, afterBlock: b > 0, chars}, firstSource?.start);
		b = end;
	}
	return pieces;
}

/** What the reader asks of an article's lines (LazyWrap below). */
export interface LineSource {
	readonly length: number;
	/** Whether `length` is exact (else an estimate). */
	readonly exact: boolean;
	at(i: number): Line | undefined;
	slice(from: number, to: number): Line[];
	lineAt(offset: number): number;
	settle(top: number, height: number, margin?: number): number;
}

export class LazyWrap implements LineSource {
	private readonly pieces: Piece[];
	/** Line number of each piece's first line; stale when `dirty`. */
	private firstLine: Int32Array;
	private total = 0;
	private dirty = true;
	/** Wrapped lines per guessed line, over the pieces wrapped so far. */
	private ratio = 1;
	private wrappedCount = 0;
	/** Pieces wrapped, and the work it took (tests bound it). */
	piecesWrapped = 0;

	constructor(
		readonly article: Article,
		readonly width: number,
		pieceChars = PIECE_CHARS,
		/** Spans no line breaks inside (the article's entity mentions), as wrapArticle takes them. */
		readonly names?: readonly Protected[],
	) {
		// Sorted by start, so that each piece takes its own by bisection (a 190 MB article has
		// hundreds of thousands of names; wrapArticle looks at every span it is given, per block).
		if (names && names.some((n, i) => i > 0 && n.start < names[i - 1]!.start)) this.names = [...names].sort((a, b) => a.start - b.start);
		this.pieces = cutPieces(article, Math.max(64, pieceChars));
		for (const piece of this.pieces) piece.guess = this.guess(piece);
		this.firstLine = new Int32Array(this.pieces.length + 1);
	}

	/** Lines in the article: exact once every piece is wrapped, an estimate before. */
	get length(): number {
		this.number();
		return this.total;
	}

	/** Whether `length` is exact. */
	get exact(): boolean {
		return this.wrappedCount === this.pieces.length;
	}

	/** Line `i` (its piece is wrapped first if need be: later line numbers may change). */
	at(i: number): Line | undefined {
		if (i < 0 || i >= this.length) return undefined;
		const p = this.pieceOfLine(i);
		const local = i - this.firstLine[p]!;
		return this.wrap(p)[local] ?? this.pieces[p]!.lines!.at(-1);
	}

	slice(from: number, to: number): Line[] {
		const out: Line[] = [];
		for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) {
			const line = this.at(i);
			if (line) out.push(line);
		}
		return out;
	}

	/**
	 * Number of the line that shows article offset `offset` (as lineAt in lines.ts): its piece is
	 * wrapped first, so the number is exact until an earlier piece is wrapped. -1 when there are no lines.
	 */
	lineAt(offset: number): number {
		if (this.pieces.length === 0) return -1;
		let low = 0;
		let high = this.pieces.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (this.pieces[mid]!.start <= offset) low = mid;
			else high = mid - 1;
		}
		// An offset before a piece's first line (or a piece that shows nothing) is on the line before.
		for (let p = low; p >= 0; p--) {
			const lines = this.wrap(p);
			this.number();
			if (lines.length > 0 && (lines[0]!.start <= offset || p === 0)) return this.firstLine[p]! + Math.max(0, lineAtIn(lines, offset));
		}
		return this.length > 0 ? 0 : -1;
	}

	/**
	 * Wraps what a view of `height` lines from `top` shows, and `margin` lines either side, and
	 * returns its top after that: the same line when wrapping moved it, the last page when `top`
	 * was on it (or past it) — G stays at the end when the end's estimate was wrong.
	 */
	settle(top: number, height: number, margin = height): number {
		const lastTop = () => Math.max(0, this.length - height);
		const atEnd = top >= lastTop() && top > 0;
		for (let round = 0; round < 64; round++) {
			if (this.length === 0) return 0;
			top = atEnd ? lastTop() : Math.max(0, Math.min(top, lastTop()));
			const p = this.pieceOfLine(top);
			const local = Math.min(top - this.firstLine[p]!, Math.max(0, this.wrap(p).length - 1));
			const anchored = () => Math.max(0, Math.min(this.firstLine[p]! + local, this.length - 1));
			let changed = false;
			this.number();
			for (let i = Math.max(0, anchored() - margin); i < Math.min(this.length, anchored() + height + margin);) {
				const q = this.pieceOfLine(i);
				if (!this.pieces[q]!.lines) {
					this.wrap(q);
					changed = true;
				}
				this.number();
				i = this.firstLine[q + 1]!;
			}
			const next = atEnd ? lastTop() : anchored();
			if (!changed && next === top) return top;
			top = next;
		}
		return top;
	}

	/** Wraps every piece (tests; small articles). */
	all(): Line[] {
		return this.pieces.flatMap((_, p) => this.wrap(p));
	}

	/** A piece's lines, wrapping it if need be. */
	private wrap(p: number): Line[] {
		const piece = this.pieces[p]!;
		if (piece.lines) return piece.lines;
		const blocks = this.article.blocks;
		const parts: Block[] = [];
		const previous = piece.afterBlock ? blocks[piece.firstBlock - 1] : undefined;
		// Stands for the block before, so that wrapArticle puts (or leaves out) the blank line
		// between the two exactly as in the whole article; its own line is dropped below.
		if (previous) parts.push({kind: previous.kind, spans: [{synthetic: 'x'}]});
		for (let b = piece.firstBlock; b < piece.endBlock; b++) {
			const block = blocks[b]!;
			// A clipped table is shown as its text: its rows cannot be cut into pieces.
			parts.push(
				piece.clip
					? {
							kind: block.kind,
							...(block.depth !== undefined ? {depth: block.depth} : {}),
							...(block.marker ? {marker: block.marker} : {}),
							spans: clipSpans(block.spans, piece.clip.from, piece.clip.to, piece.clip.blockEnd),
						}
					: block,
			);
		}
		const end = this.pieces[p + 1]?.start ?? this.article.text.length;
		const names = this.names && rangesWithin(this.names, piece.start, end);
		const wrapped = wrapArticle({...this.article, text: this.article.text, blocks: parts}, this.width, names);
		const shift = piece.firstBlock - (previous ? 1 : 0);
		// Offsets continue from the piece before: a blank or synthetic line sits where the text reached.
		const before = p > 0 ? this.pieces[p - 1]!.lines : undefined;
		let position = before?.length ? before[before.length - 1]!.end : piece.start;
		if (previous && !before) position = endOfText(this.article.text, previous, piece.start);
		const lines: Line[] = [];
		wrapped.forEach((line, i) => {
			if (previous && i === 0) return;
			const fixed = {...line, block: line.block + shift};
			if (fixed.start === fixed.end && fixed.start < position) fixed.start = fixed.end = position;
			position = Math.max(position, fixed.end);
			lines.push(fixed);
		});
		piece.lines = lines;
		this.piecesWrapped++;
		this.wrappedCount++;
		this.refine();
		return lines;
	}

	private guess(piece: Piece): number {
		const blankLines = piece.clip ? 0 : piece.endBlock - piece.firstBlock;
		return blankLines + Math.ceil((piece.chars * COLUMNS_PER_UNIT) / this.width);
	}

	/** Scales the guesses of unwrapped pieces by how the wrapped ones turned out. */
	private refine(): void {
		let guessed = 0;
		let wrapped = 0;
		for (const piece of this.pieces) {
			if (!piece.lines) continue;
			guessed += piece.guess;
			wrapped += piece.lines.length;
		}
		this.ratio = guessed > 0 && wrapped > 0 ? wrapped / guessed : 1;
		this.dirty = true;
	}

	private number(): void {
		if (!this.dirty) return;
		let n = 0;
		this.pieces.forEach((piece, p) => {
			this.firstLine[p] = n;
			n += piece.lines ? piece.lines.length : Math.max(1, Math.round(piece.guess * this.ratio));
		});
		this.firstLine[this.pieces.length] = n;
		this.total = n;
		this.dirty = false;
	}

	/** The piece that holds line `i` by the current numbering. */
	private pieceOfLine(i: number): number {
		this.number();
		let low = 0;
		let high = this.pieces.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (this.firstLine[mid]! <= i) low = mid;
			else high = mid - 1;
		}
		return low;
	}
}

/** Where the whole article's wrap would have reached after `block`: its last shown character. */
function endOfText(text: string, block: Block, fallback: number): number {
	const last = block.spans.findLast(isSource);
	if (!last) return fallback;
	let end = Math.min(last.end, fallback);
	while (end > last.start && /\s/.test(text[end - 1]!)) end--;
	return end;
}
