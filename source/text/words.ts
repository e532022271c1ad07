// Thai word segmentation with Intl.Segmenter, in bounded pieces. The segmenter is quick on a few
// hundred characters (about 0.2 µs a character) but super-linear on long strings (1 MB: 52 s), and
// each call has a fixed cost, so text is cut into pieces of at most PIECE characters: at whitespace,
// where every word ends anyway; inside a long run without spaces, after the last words the piece
// found that are followed by HOLD_BACK more (so the dictionary saw their right context), the next
// piece starting where the last trusted word ended.
//
// One correction: a trailing ฯ (นายกฯ, รัฐมนตรีฯ) makes the dictionary cut the word before it
// wrongly (นา|ยกฯ), so it is hidden from the segmenter and put back on the word it ends.
import {EXTEND, SPACE, THAI_LETTER, props} from './charProps.js';

export interface WordSegment {
	/** The segment's text (text.slice(start, end)). */
	text: string;
	/** UTF-16 offsets into the string that was segmented. */
	start: number;
	end: number;
	/** Letters or digits (Intl's isWordLike): false for spaces and punctuation. */
	wordLike: boolean;
}

/** Pieces are cut near this many UTF-16 units (the segmenter's sweet spot is 200–500). */
const PIECE = 600;
/** A whitespace cut is looked for no earlier than this far into a piece. */
const MIN_PIECE = 100;
/** Inside a long space-less run, this many last segments of a piece are segmented again. */
const HOLD_BACK = 4;

let segmenter: Intl.Segmenter | undefined;

/** The shared Thai word segmenter. */
export function wordSegmenter(): Intl.Segmenter {
	segmenter ??= new Intl.Segmenter('th', {granularity: 'word'});
	return segmenter;
}

/**
 * Where Intl.Segmenter's words start inside `text` after its first (ascending), each plus `offset`,
 * pushed onto `out`. Walked segment by segment with `containing()` rather than iterated: V8 gives a
 * for…of iterator a break iterator of its own, set on the text again, and that second pass was a
 * third of the segmenting time (thaigov phrases, one thread). The same boundaries: checked on every
 * phrase of thaigov-2k (341,039) and in test/text/words.test.ts.
 */
export function pushWordStarts(text: string, offset: number, out: number[]): number[] {
	return pushSegmentStarts(wordSegmenter().segment(text), text.length, offset, out);
}

/**
 * pushWordStarts on `segments` (of a text of length `n`) already made: a caller that asked
 * `containing()` at a few places first reuses ICU's work on the text (the segments keep the
 * dictionary's breaks).
 */
export function pushSegmentStarts(segments: Intl.Segments, n: number, offset: number, out: number[]): number[] {
	for (let k = 0; k < n;) {
		const s = segments.containing(k)!;
		k = s.index + s.segment.length;
		if (k < n) out.push(offset + k);
	}
	return out;
}

const PAIYANNOI = 0x0e2f; // ฯ
const LO_LING = 0x0e25; // ล

function isTrailingPaiyannoi(text: string, k: number, end: number): boolean {
	if (k + 1 < end && props(text.charCodeAt(k + 1)) & THAI_LETTER) return false;
	if (k === 0 || !(props(text.charCodeAt(k - 1)) & THAI_LETTER)) return false;
	// ฯลฯ ("and so on") is a word of its own.
	return !(k >= 2 && text.charCodeAt(k - 1) === LO_LING && text.charCodeAt(k - 2) === PAIYANNOI);
}

export type SegmentVisitor = (start: number, end: number, wordLike: boolean) => void;

/** Segments text[a, b) (b <= end of the whole range) into `found` as flat (start, end, wordLike) triples; returns how many. */
function segmentPiece(text: string, a: number, b: number, end: number, found: number[]): number {
	let piece = text.slice(a, b);
	let hidden = false;
	if (piece.indexOf('\u0E2F') >= 0) {
		let chars: string[] | undefined;
		for (let k = piece.indexOf('\u0E2F'); k >= 0; k = piece.indexOf('\u0E2F', k + 1)) {
			if (isTrailingPaiyannoi(text, a + k, end)) {
				chars ??= piece.split('');
				chars[k] = '\n'; // a newline is always a segment of its own
			}
		}
		if (chars) {
			piece = chars.join('');
			hidden = true;
		}
	}
	let count = 0;
	for (const {index, segment, isWordLike} of wordSegmenter().segment(piece)) {
		const s = a + index;
		const e = s + segment.length;
		if (hidden && segment === '\n' && text.charCodeAt(s) === PAIYANNOI && count > 0) {
			found[count * 3 - 2] = e; // put ฯ back on the word it ends
			continue;
		}
		found[count * 3] = s;
		found[count * 3 + 1] = e;
		found[count * 3 + 2] = isWordLike ? 1 : 0;
		count++;
	}
	return count;
}

function isSpaceAt(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	return c === 0x0a || c === 0x0d || (props(c) & SPACE) !== 0;
}

/** A cut at i would not split a grapheme cluster (approximately: used only inside a huge "word"). */
function safeCut(text: string, a: number, b: number): number {
	let cut = b;
	while (cut > a + 1) {
		const c = text.charCodeAt(cut);
		const before = text.charCodeAt(cut - 1);
		const joins =
			(props(c) & EXTEND) !== 0 || (c >= 0xdc00 && c <= 0xdfff) || before === 0x200d || (c >= 0xfe00 && c <= 0xfe0f) || c === 0x20e3 || (c === 0x0a && before === 0x0d);
		if (!joins) break;
		cut--;
	}
	return cut;
}

/**
 * Visits the word segments of text[start, end) in order, as Intl.Segmenter('th', word) would give
 * them for reasonably sized paragraphs, but in time linear in the length.
 */
export function forEachWordSegment(text: string, start: number, end: number, visit: SegmentVisitor): void {
	const found: number[] = []; // reused for every piece
	let p = start;
	while (p < end) {
		let b = end;
		let whole = true;
		if (end - p > PIECE) {
			// The latest whitespace start in (p + MIN_PIECE, p + PIECE]: both sides are word ends.
			b = -1;
			for (let k = p + PIECE; k > p + MIN_PIECE; k--) {
				if (isSpaceAt(text, k) && !isSpaceAt(text, k - 1)) {
					b = k;
					break;
				}
			}
			if (b < 0) {
				b = p + PIECE;
				const c = text.charCodeAt(b - 1);
				if (c >= 0xd800 && c <= 0xdbff) b--; // keep surrogate pairs whole
				whole = false;
			}
		}
		const count = segmentPiece(text, p, b, end, found);
		let keep = count;
		if (!whole) {
			keep = count - HOLD_BACK;
			if (keep < 1) keep = count - 1;
			if (keep < 1) {
				// One "word" longer than the piece: cut it at a cluster boundary.
				const cut = safeCut(text, p, b);
				visit(p, cut, found[2] === 1);
				p = cut;
				continue;
			}
		}
		for (let k = 0; k < keep; k++) visit(found[k * 3]!, found[k * 3 + 1]!, found[k * 3 + 2] === 1);
		p = whole ? b : found[keep * 3]!;
	}
}

/** Every segment (words, spaces, punctuation) of text[start, end), with offsets into `text`. */
export function wordSegments(text: string, start = 0, end: number = text.length): WordSegment[] {
	const out: WordSegment[] = [];
	forEachWordSegment(text, start, end, (s, e, wordLike) => {
		out.push({text: text.slice(s, e), start: s, end: e, wordLike});
	});
	return out;
}

/** The word-like segments (letters, digits) of text[start, end), with offsets into `text`. */
export function words(text: string, start = 0, end: number = text.length): WordSegment[] {
	const out: WordSegment[] = [];
	forEachWordSegment(text, start, end, (s, e, wordLike) => {
		if (wordLike) out.push({text: text.slice(s, e), start: s, end: e, wordLike});
	});
	return out;
}
