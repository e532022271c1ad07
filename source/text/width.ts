// Terminal display width. A grapheme cluster is as wide as the sum of its code points, as
// terminals (wcwidth) draw them: marks and format characters 0, East Asian Wide/Fullwidth 2, the
// rest 1. SARA AM (U+0E33) is a letter that joins the cluster before it and adds 1 column: กำ is 2
// columns in xterm, VTE, kitty and tmux 3.3, though the npm string-width says 1. Ink measures with
// this function (the string-width alias in the build), so the article's own ำ is written to the
// terminal as it is and copy-paste gives the original text. Emoji sequences are one glyph of 2
// columns, as string-width counts them.
import {COMPLEX, EXTEND, WIDTH, astralProps, codePointProps, props} from './charProps.js';
import {clusterEnd} from './graphemes.js';

const EXTENDED_PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;

/** Columns one code point takes on its own (0, 1 or 2). */
export function codePointWidth(codePoint: number): number {
	return (codePoint > 0xffff ? astralProps(codePoint) : props(codePoint)) & WIDTH;
}

function isKeycapBase(c: number): boolean {
	return c === 0x23 || c === 0x2a || (c >= 0x30 && c <= 0x39);
}

function isHangulVowelOrTrailingJamo(c: number): boolean {
	return (c >= 0x1160 && c <= 0x11ff) || (c >= 0xd7b0 && c <= 0xd7ff);
}

/** Columns a terminal gives the grapheme cluster `s[start, end)`. */
export function clusterWidth(s: string, start = 0, end: number = s.length): number {
	const first = s.codePointAt(start)!;
	let width = codePointProps(s, start) & WIDTH;
	let i = start + (first > 0xffff ? 2 : 1);
	if (i >= end) return width;
	const pictographic = first > 0xa8 && EXTENDED_PICTOGRAPHIC.test(String.fromCodePoint(first));
	const regional = first >= 0x1f1e6 && first <= 0x1f1ff;
	const hangul = (first >= 0x1100 && first <= 0x115f) || (first >= 0xa960 && first <= 0xa97c) || (first >= 0xac00 && first <= 0xd7a3);
	let afterJoiner = false;
	while (i < end) {
		const c = s.codePointAt(i)!;
		i += c > 0xffff ? 2 : 1;
		if (c === 0xfe0f || c === 0x20e3) {
			// Emoji presentation (❤️, #️⃣): one glyph, two columns.
			if (pictographic || isKeycapBase(first)) width = Math.max(width, 2);
			continue;
		}
		if (c === 0x200d) {
			afterJoiner = pictographic;
			continue;
		}
		// What a joiner or a skin tone adds to an emoji, or a jamo to its syllable, is drawn inside it.
		if (afterJoiner || (pictographic && c >= 0x1f3fb && c <= 0x1f3ff) || (hangul && isHangulVowelOrTrailingJamo(c))) {
			afterJoiner = false;
			continue;
		}
		if (regional && c >= 0x1f1e6 && c <= 0x1f1ff) {
			width = 2;
			continue;
		}
		width += codePointWidth(c);
	}
	return width;
}

/** Columns the string takes in a terminal. Controls count 0: clean first. */
export function stringWidth(s: string): number {
	const n = s.length;
	let width = 0;
	let clusterStart = 0; // where the cluster being summed began (the sum rule needs no more)
	let i = 0;
	while (i < n) {
		const c = s.charCodeAt(i);
		if (c >= 0x20 && c < 0x7f) {
			clusterStart = i++;
			width++;
			continue;
		}
		const p = props(c);
		if (!(p & COMPLEX)) {
			if (!(p & EXTEND)) clusterStart = i;
			width += p & WIDTH;
			i++;
			continue;
		}
		// A complex character may join the cluster summed so far: take that cluster back and walk
		// by real clusters until a plain character follows a plain one again.
		let start = i;
		if (clusterStart < i) {
			for (let k = clusterStart; k < i; k++) width -= props(s.charCodeAt(k)) & WIDTH;
			start = clusterStart;
		}
		for (;;) {
			const end = clusterEnd(s, start, n);
			width += clusterWidth(s, start, end);
			start = end;
			if (start >= n) break;
			if (!(props(s.charCodeAt(start)) & (COMPLEX | EXTEND)) && !(props(s.charCodeAt(start - 1)) & COMPLEX)) break;
		}
		i = start;
		clusterStart = i;
	}
	return width;
}
