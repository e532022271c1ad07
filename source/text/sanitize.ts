// Untrusted text must never reach the terminal raw: escape sequences (CSI, OSC, DCS, APC, PM, SOS,
// and their C1 forms), C0/C1 controls, DEL, bidi overrides/isolates/marks and other format
// characters are removed. `sanitizeInline` is for one-line strings (titles, file names, messages);
// layout's display cleaning (clean.ts) walks article text with the same `unsafeLength`, so the two
// can never disagree about what is dropped.
import {FORMAT, astralProps, props} from './charProps.js';

const ESC = 0x1b;

/** End of a CSI sequence whose parameters start at j: params 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E. */
function csiEnd(s: string, j: number, end: number): number {
	while (j < end && s.charCodeAt(j) >= 0x30 && s.charCodeAt(j) <= 0x3f) j++;
	while (j < end && s.charCodeAt(j) >= 0x20 && s.charCodeAt(j) <= 0x2f) j++;
	if (j < end && s.charCodeAt(j) >= 0x40 && s.charCodeAt(j) <= 0x7e) j++;
	return j;
}

/**
 * End of a control string (OSC, DCS, SOS, PM, APC) whose payload starts at j. It ends with BEL,
 * ST (ESC \ or U+009C), before any other ESC, or — unterminated — before a line break, so that
 * a stray ESC ] does not swallow the rest of an article.
 */
function controlStringEnd(s: string, j: number, end: number): number {
	while (j < end) {
		const c = s.charCodeAt(j);
		if (c === 0x07 || c === 0x9c) return j + 1;
		if (c === ESC) return j + 1 < end && s.charCodeAt(j + 1) === 0x5c ? j + 2 : j;
		if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return j;
		j++;
	}
	return end;
}

/**
 * How many UTF-16 units starting at s[i] must be dropped: a whole escape sequence, one control
 * character (C0 other than tab, LF and CR; DEL; C1) or one format character (Cf: bidi controls,
 * zero-width characters, soft hyphen…). 0 when s[i] may be shown. Lone surrogates are not
 * dropped here: callers replace them by U+FFFD.
 */
export function unsafeLength(s: string, i: number, end: number = s.length): number {
	const c = s.charCodeAt(i);
	if (c >= 0x20 && c < 0x7f) return 0;
	if (c === ESC) {
		const next = i + 1 < end ? s.charCodeAt(i + 1) : -1;
		if (next === 0x5b) return csiEnd(s, i + 2, end) - i; // ESC [
		if (next === 0x5d || next === 0x50 || next === 0x58 || next === 0x5e || next === 0x5f) {
			return controlStringEnd(s, i + 2, end) - i; // ESC ] P X ^ _
		}
		let j = i + 1;
		while (j < end && s.charCodeAt(j) >= 0x20 && s.charCodeAt(j) <= 0x2f) j++;
		if (j < end && s.charCodeAt(j) >= 0x30 && s.charCodeAt(j) <= 0x7e) j++;
		return j - i;
	}
	if (c < 0x20) return c === 0x09 || c === 0x0a || c === 0x0d ? 0 : 1;
	if (c < 0xa0) {
		if (c === 0x9b) return csiEnd(s, i + 1, end) - i;
		if (c === 0x90 || c === 0x98 || c === 0x9d || c === 0x9e || c === 0x9f) return controlStringEnd(s, i + 1, end) - i;
		return 1; // DEL and the other C1 controls
	}
	if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
		const d = s.charCodeAt(i + 1);
		if (d >= 0xdc00 && d <= 0xdfff) {
			return astralProps(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) & FORMAT ? 2 : 0;
		}
		return 0;
	}
	return props(c) & FORMAT ? 1 : 0;
}

/** True when s[i] is half of a surrogate pair that is not whole (shown as U+FFFD). */
export function isLoneSurrogate(s: string, i: number): boolean {
	const c = s.charCodeAt(i);
	if (c < 0xd800 || c > 0xdfff) return false;
	if (c <= 0xdbff) {
		const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
		return d < 0xdc00 || d > 0xdfff;
	}
	const b = i > 0 ? s.charCodeAt(i - 1) : 0;
	return b < 0xd800 || b > 0xdbff;
}

/** Removes escape sequences, controls and format characters; keeps \t, \n and \r. */
export function stripUnsafe(s: string): string {
	let out = '';
	let kept = 0; // s[kept, i) is safe and not yet copied
	const n = s.length;
	for (let i = 0; i < n;) {
		const c = s.charCodeAt(i);
		if ((c >= 0x20 && c < 0x7f) || (c >= 0x0e00 && c < 0x0e80)) {
			i++;
			continue;
		}
		if (c >= 0xd800 && c <= 0xdfff) {
			if (isLoneSurrogate(s, i)) {
				out += s.slice(kept, i) + '\uFFFD';
				kept = ++i;
				continue;
			}
		}
		const drop = unsafeLength(s, i, n);
		if (drop === 0) {
			i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
			continue;
		}
		out += s.slice(kept, i);
		i += drop;
		kept = i;
	}
	return kept === 0 ? s : out + s.slice(kept);
}

/** One line, safe for the terminal: unsafe characters removed, any whitespace run becomes one space. */
export function sanitizeInline(s: string): string {
	return stripUnsafe(s)
		.replace(/[\s\u2028\u2029]+/g, ' ')
		.trim();
}

/** True when `s` holds anything `sanitizeInline` would remove (escape sequences, controls). */
export function hasUnsafe(s: string): boolean {
	for (let i = 0; i < s.length; i++) if (unsafeLength(s, i) > 0) return true;
	return false;
}
