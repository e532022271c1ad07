// Untrusted text must never reach the terminal raw: escape sequences (CSI, OSC, DCS, APC, PM, SOS,
// and their C1 forms), C0/C1 controls, DEL, bidi overrides/isolates/marks and other format
// characters are removed. `sanitizeInline` is for one-line strings (titles, file names, messages).

// Whole escape sequences, so that an OSC 52 payload or a window title does not show as garbage.
// ESC [ … final byte | CSI (U+009B) … final | ESC ] / P / X / ^ / _ … (BEL | ESC \ | ST | end)
// | C1 OSC/DCS/SOS/PM/APC … terminator | ESC + one character.
const ESCAPE_SEQUENCE =
	// eslint-disable-next-line no-control-regex
	/(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?|(?:\u001B[\]PX^_]|[\u0090\u0098\u009D\u009E\u009F])[^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)?|\u001B[\u0020-\u002F]*[\u0030-\u007E]?/g;

/** Characters that are dropped outright: controls but tab and newline, DEL, C1, lone surrogates are handled apart. */
// eslint-disable-next-line no-control-regex
const DROP = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cf}/gu;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes escape sequences, controls and format characters; keeps \t, \n and \r. */
export function stripUnsafe(s: string): string {
	return s.replace(ESCAPE_SEQUENCE, '').replace(DROP, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** One line, safe for the terminal: unsafe characters removed, any whitespace run becomes one space. */
export function sanitizeInline(s: string): string {
	return stripUnsafe(s).replace(/[\s\u2028\u2029]+/g, ' ').trim();
}

/** True when `s` holds anything `sanitizeInline` would remove (escape sequences, controls). */
export function hasUnsafe(s: string): boolean {
	ESCAPE_SEQUENCE.lastIndex = 0;
	DROP.lastIndex = 0;
	const unsafe = ESCAPE_SEQUENCE.test(s) || DROP.test(s);
	ESCAPE_SEQUENCE.lastIndex = 0;
	DROP.lastIndex = 0;
	return unsafe;
}
