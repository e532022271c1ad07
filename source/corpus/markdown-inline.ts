// Inline Markdown shown cleanly: the markers (`**`, `_`, backticks, link brackets and targets,
// HTML tags, backslashes of escapes) are left out of the spans, and everything else stays a range
// of the original text, so that offsets found by search and entities point at real characters.
// This is a forgiving subset of CommonMark: unmatched markers simply stay as text. What the
// markers meant is kept as STYLE bits on the spans (bold, italic, code, strike, a link and its
// target); a link's target is shown after its text (a synthetic space, then the URL as it stands
// in the text), and character references (`&amp;`) are shown decoded, as synthetic text.
import {STYLE, type Span} from './types.js';
import {ENTITY, decodeEntity} from './html-entities.js';
import {sanitizeInline} from '../text/sanitize.js';

type Range = [start: number, end: number];

/** Text between `from` and `to` shown with `style` (and, for a link, its target). */
interface Mark {
	from: number;
	to: number;
	style: number;
	href?: string;
}

/** Synthetic text shown at a position of the source (before what is kept from there on). */
interface Insert {
	at: number;
	text: string;
	style: number;
}

export interface InlineOptions {
	/** Show a link's target after its text (not in headings, which become titles). */
	urls?: boolean;
	/** Reference definitions (`[label]: url`) by normalised label, for `[text][label]` links. */
	references?: ReadonlyMap<string, string>;
}

/** A reference label as CommonMark matches it: case and runs of white space do not matter. */
export function normalizeLabel(label: string): string {
	return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

interface Delimiter {
	at: number;
	length: number;
	char: string;
	canOpen: boolean;
	canClose: boolean;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
// Searches for a closing bracket, paren, backtick run or '>' look this far at most, so that a
// long line full of unmatched openers stays linear instead of quadratic.
const REACH = 2048;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]{0,64}(?:\s[^<>]{0,2048})?\/?>/y;
// An HTML comment is found by the next `-->` (cached, see below), not by a lazy regex that read
// 2 KB ahead at every `<!--` of a line full of them.
const COMMENT_OPEN = '<!--';
const COMMENT_CLOSE = '-->';
const AUTOLINK = /<((?:https?|ftp|mailto):[^\s<>]{0,2048}|[^\s<>@]{1,256}@[^\s<>@]{1,256})>/y;

// Spaces, an optional quoted or parenthesised title, and the `)`. One `\s*` on each side of the
// title only: `\s*(?:…)?\s*` would try every split of a run of spaces.
const LINK_TITLE_TO_PAREN = /^\s*(?:(?:"[^"]*"|'[^']*'|\([^)]*\))\s*)?\)/;

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);

/**
 * For every `[` its matching `]` (the index just past it), in one pass with a stack: a line full of
 * unmatched brackets stays linear. Code spans and escaped brackets do not count.
 */
function matchBrackets(text: string, start: number, end: number, protectedUntil: Map<number, number>): Map<number, number> {
	const matches = new Map<number, number>();
	const open: number[] = [];
	for (let i = start; i < end; i++) {
		const skip = protectedUntil.get(i);
		if (skip !== undefined) {
			i = skip - 1;
			continue;
		}
		const c = text[i];
		if (c === '\\') i++;
		else if (c === '[') open.push(i);
		else if (c === ']' && open.length > 0) matches.set(open.pop()!, i + 1);
	}
	return matches;
}

/** Index just past the `)` of a link destination starting at `open` (its `(`), or -1. */
function closingParen(text: string, open: number, end: number): number {
	let depth = 0;
	end = Math.min(end, open + REACH);
	for (let i = open; i < end; i++) {
		const c = text[i];
		if (c === '\\') i++;
		else if (c === '(') depth++;
		else if (c === ')' && --depth === 0) return i + 1;
		else if (c === ' ' && depth === 1) {
			// After the destination only an optional title may follow: the link ends where it does.
			// Testing the rest at every later space as well was quadratic in the spaces.
			const title = LINK_TITLE_TO_PAREN.exec(text.slice(i, end));
			return title ? i + title[0].length : -1;
		}
	}
	return -1;
}

/** Where a link destination starting after `open` (its `(`) lies, without `<>`, spaces and title. */
function destination(text: string, open: number, close: number): Range | undefined {
	let from = open + 1;
	while (from < close && /\s/.test(text[from]!)) from++;
	if (text[from] === '<') {
		const end = text.indexOf('>', from);
		return end > from + 1 && end < close ? [from + 1, end] : undefined;
	}
	let to = from;
	while (to < close - 1 && !/\s/.test(text[to]!)) to++;
	return to > from ? [from, to] : undefined;
}

/** Emphasis of a run pair by its length: `*a*` italic, `**a**` bold, `***a***` both; `~~a~~` struck. */
function emphasis(char: string, length: number): number {
	if (char === '~') return STYLE.strike;
	return length === 1 ? STYLE.italic : length === 2 ? STYLE.bold : STYLE.bold | STYLE.italic;
}

/** The spans of `text[start, end)` with inline markup left out, styled by what it meant. */
export function inlineSpans(text: string, start: number, end: number, options: InlineOptions = {}): Span[] {
	const drops: Range[] = [];
	const marks: Mark[] = [];
	const inserts: Insert[] = [];
	// Code spans first: inside them nothing is markup. Link targets join them once found (they are
	// dropped whole, and the scan must not look for markup inside a URL).
	const protectedUntil = new Map<number, number>();
	for (let i = start; i < end; i++) {
		if (text[i] === '\\') {
			i++;
			continue;
		}
		if (text[i] !== '`') continue;
		let n = 1;
		while (text[i + n] === '`') n++;
		let j = i + n;
		let close = -1;
		const reach = Math.min(end, j + REACH);
		while (j < reach) {
			if (text[j] === '`') {
				let m = 1;
				while (text[j + m] === '`') m++;
				if (m === n) {
					close = j;
					break;
				}
				j += m;
			} else j++;
		}
		if (close < 0) {
			i += n - 1;
			continue;
		}
		let innerStart = i + n;
		let innerEnd = close;
		if (innerEnd - innerStart >= 2 && text[innerStart] === ' ' && text[innerEnd - 1] === ' ' && text.slice(innerStart, innerEnd).trim() !== '') {
			innerStart++;
			innerEnd--;
		}
		drops.push([i, innerStart], [innerEnd, close + n]);
		marks.push({from: innerStart, to: innerEnd, style: STYLE.code});
		protectedUntil.set(i, close + n);
		i = close + n - 1;
	}

	const brackets = matchBrackets(text, start, end, protectedUntil);
	// Labels are at most 999 characters (CommonMark): longer ones are not looked up, so a line of
	// nested brackets costs no slice of the line per bracket.
	const referenceOf = (from: number, to: number): string | undefined =>
		options.references && options.references.size > 0 && to - from <= 999 ? options.references.get(normalizeLabel(text.slice(from, to))) : undefined;
	/** Marks a reference link's text; its target (defined elsewhere) is shown after it as synthetic text. */
	const referenceLink = (open: number, afterText: number, href: string | undefined, image: boolean) => {
		if (image) return;
		marks.push({from: open + 1, to: afterText - 1, style: STYLE.link, ...(href !== undefined ? {href} : {})});
		if (href !== undefined && options.urls !== false && text.slice(open + 1, afterText - 1).trim() !== href)
			inserts.push({at: afterText - 1, text: ' ' + href, style: STYLE.url});
	};
	// The next ')' (cached): without one, no link destination can close, whatever the brackets.
	let nextParen = -1;
	const hasParenAfter = (at: number) => {
		if (nextParen !== Infinity && nextParen <= at) nextParen = text.indexOf(')', at + 1);
		if (nextParen < 0 || nextParen >= end) nextParen = Infinity;
		return nextParen !== Infinity;
	};
	// The next `-->` at or after a place (cached like the next ')'): -1 when none closes in range.
	let nextClose = -2;
	const commentCloseAfter = (at: number) => {
		if (nextClose === -2 || (nextClose >= 0 && nextClose < at)) nextClose = text.indexOf(COMMENT_CLOSE, at);
		if (nextClose < 0 || nextClose + COMMENT_CLOSE.length > end) nextClose = -1;
		return nextClose;
	};
	const delimiters: Delimiter[] = [];
	for (let i = start; i < end; i++) {
		const skip = protectedUntil.get(i);
		if (skip !== undefined) {
			i = skip - 1;
			continue;
		}
		const c = text[i]!;
		if (c === '\\' && i + 1 < end && ASCII_PUNCTUATION.test(text[i + 1]!)) {
			drops.push([i, i + 1]);
			i++;
			continue;
		}
		if (c === '\\' && i + 1 === end) {
			drops.push([i, i + 1]); // hard line break marker
			continue;
		}
		if (c === '<') {
			AUTOLINK.lastIndex = i;
			const link = AUTOLINK.exec(text);
			if (link && i + link[0].length <= end) {
				drops.push([i, i + 1], [i + link[0].length - 1, i + link[0].length]);
				marks.push({from: i + 1, to: i + link[0].length - 1, style: STYLE.link, href: sanitizeInline(link[1]!)});
				i += link[0].length - 1;
				continue;
			}
			if (text.startsWith(COMMENT_OPEN, i)) {
				const close = commentCloseAfter(i + COMMENT_OPEN.length);
				if (close >= 0 && close - i <= REACH + COMMENT_OPEN.length) {
					drops.push([i, close + COMMENT_CLOSE.length]);
					i = close + COMMENT_CLOSE.length - 1;
				}
				continue;
			}
			HTML_TAG.lastIndex = i;
			const tag = HTML_TAG.exec(text);
			if (tag && i + tag[0].length <= end) {
				drops.push([i, i + tag[0].length]);
				i += tag[0].length - 1;
			}
			continue;
		}
		if (c === '[' || (c === '!' && text[i + 1] === '[')) {
			const open = c === '!' ? i + 1 : i;
			const afterText = brackets.get(open) ?? -1;
			if (afterText > 0 && text[afterText] === '(' && hasParenAfter(afterText)) {
				const afterTarget = closingParen(text, afterText, end);
				if (afterTarget > 0) {
					const target = destination(text, afterText, afterTarget);
					const href = target && sanitizeInline(text.slice(target[0], target[1]));
					const image = c === '!';
					if (!image) marks.push({from: open + 1, to: afterText - 1, style: STYLE.link, ...(href ? {href} : {})});
					// The target is shown after the text, unless it is the text already (or an image's).
					if (target && !image && options.urls !== false && text.slice(open + 1, afterText - 1).trim() !== text.slice(target[0], target[1])) {
						drops.push([i, open + 1], [afterText - 1, target[0]], [target[1], afterTarget]);
						inserts.push({at: target[0], text: ' ', style: STYLE.url});
						marks.push({from: target[0], to: target[1], style: STYLE.url});
					} else drops.push([i, open + 1], [afterText - 1, afterTarget]);
					protectedUntil.set(afterText - 1, afterTarget);
					i = open;
					continue;
				}
			}
			if (afterText > 0 && text[afterText] === '[') {
				const afterLabel = brackets.get(afterText) ?? -1;
				if (afterLabel > 0) {
					// `[text][label]`, or `[label][]`: the target from the label's definition.
					const href = afterLabel - afterText > 2 ? referenceOf(afterText + 1, afterLabel - 1) : referenceOf(open + 1, afterText - 1);
					referenceLink(open, afterText, href, c === '!');
					drops.push([i, open + 1], [afterText - 1, afterLabel]);
					protectedUntil.set(afterText - 1, afterLabel);
					i = open;
					continue;
				}
			}
			// `[label]` alone is a link only when the label is defined.
			const href = afterText > 0 && c !== '!' ? referenceOf(open + 1, afterText - 1) : undefined;
			if (href !== undefined) {
				referenceLink(open, afterText, href, false);
				drops.push([i, open + 1], [afterText - 1, afterText]);
				i = open;
			}
			continue;
		}
		if (c === '&') {
			ENTITY.lastIndex = i;
			const reference = ENTITY.exec(text);
			const decoded = reference && i + reference[0].length <= end ? decodeEntity(reference) : undefined;
			if (decoded !== undefined) {
				drops.push([i, i + reference![0].length]);
				inserts.push({at: i, text: decoded, style: 0});
				i += reference![0].length - 1;
			}
			continue;
		}
		if (c === '*' || c === '_' || c === '~') {
			let n = 1;
			while (i + n < end && text[i + n] === c) n++;
			const before = i > start ? text[i - 1] : undefined;
			const after = i + n < end ? text[i + n] : undefined;
			let canOpen = !isSpace(after);
			let canClose = !isSpace(before);
			// snake_case and Thai_words: an underscore inside a word is not emphasis.
			if (c === '_' && isWordChar(before) && isWordChar(after)) canOpen = canClose = false;
			if (c === '~' && n < 2) canOpen = canClose = false;
			if (canOpen || canClose) delimiters.push({at: i, length: n, char: c, canOpen, canClose});
			i += n - 1;
		}
	}

	// Pair closers with the nearest opener of the same character; unpaired ones stay as text.
	// Openers of each character are kept apart (a closer does not walk past the other characters'
	// openers: a line of `_a` openers and `a*` closers was quadratic). Pairing drops every opener
	// opened after the matched one; `depth` (their place in the common stack) tells which.
	const openers = new Map<string, Array<{d: Delimiter; depth: number}>>();
	let depth = 0;
	for (const d of delimiters) {
		if (d.canClose) {
			const same = openers.get(d.char);
			const opener = same?.pop();
			if (opener) {
				depth = opener.depth;
				for (const stack of openers.values()) while (stack.length > 0 && stack[stack.length - 1]!.depth > depth) stack.pop();
				drops.push([opener.d.at, opener.d.at + opener.d.length], [d.at, d.at + d.length]);
				marks.push({from: opener.d.at + opener.d.length, to: d.at, style: emphasis(d.char, Math.min(opener.d.length, d.length))});
				continue;
			}
		}
		if (d.canOpen) {
			const stack = openers.get(d.char) ?? [];
			openers.set(d.char, stack);
			stack.push({d, depth: depth++});
		}
	}

	const kept = complement(drops, start, end);
	return marks.length === 0 && inserts.length === 0 ? kept : styled(kept, inserts, marks);
}

/**
 * The kept spans with the inserts put in place and cut where a mark begins or ends, each piece
 * carrying the bits of the marks over it: one sweep over the sorted marks, so a line of ten
 * thousand pairs costs what its sort does.
 */
function styled(kept: Span[], inserts: Insert[], marks: Mark[]): Span[] {
	const events: Array<{at: number; mark: Mark; open: boolean}> = [];
	for (const mark of marks) if (mark.to > mark.from) events.push({at: mark.from, mark, open: true}, {at: mark.to, mark, open: false});
	// At one position, marks close before others open.
	events.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));
	inserts.sort((a, b) => a.at - b.at);
	const counts = new Map<number, number>();
	let style = 0;
	let href: string | undefined;
	let e = 0;
	const apply = (to: number) => {
		for (; e < events.length && events[e]!.at <= to; e++) {
			const {mark, open} = events[e]!;
			for (let bit = 1; bit <= mark.style; bit <<= 1) {
				if (!(mark.style & bit)) continue;
				const n = (counts.get(bit) ?? 0) + (open ? 1 : -1);
				counts.set(bit, n);
				style = n > 0 ? style | bit : style & ~bit;
			}
			if (mark.href !== undefined) href = open ? mark.href : undefined;
		}
	};
	const out: Span[] = [];
	const push = (span: Span) => {
		if (style !== 0) span.style = style;
		if (href !== undefined && style & STYLE.link) span.href = href;
		out.push(span);
	};
	let next = 0;
	const insertsUpTo = (at: number) => {
		for (; next < inserts.length && inserts[next]!.at <= at; next++) {
			const insert = inserts[next]!;
			apply(insert.at);
			const piece: Span = {synthetic: insert.text};
			if (insert.style || style) piece.style = insert.style | style;
			out.push(piece);
		}
	};
	for (const span of kept) {
		if (!('start' in span)) continue;
		insertsUpTo(span.start);
		let from = span.start;
		apply(from);
		while (e < events.length && events[e]!.at < span.end) {
			const at = events[e]!.at;
			if (at > from) push({start: from, end: at});
			apply(at);
			from = Math.max(from, at);
		}
		push({start: from, end: span.end});
	}
	insertsUpTo(Infinity);
	return out;
}

/** The parts of [start, end) not covered by `drops`, as spans. */
function complement(drops: Range[], start: number, end: number): Span[] {
	drops.sort((a, b) => a[0] - b[0]);
	const spans: Span[] = [];
	let at = start;
	for (const [a, b] of drops) {
		if (a > at) spans.push({start: at, end: a});
		if (b > at) at = b;
	}
	if (at < end) spans.push({start: at, end});
	return spans;
}
