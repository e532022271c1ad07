// Terminal control strings khao writes on purpose: a hyperlink (OSC 8) and a clipboard write
// (OSC 52). What goes inside them comes from articles, so it is checked here, in one place: a
// link target is only an http(s) URL made of printable ASCII, and clipboard text holds no ESC, BEL
// or other control that could end the string early and start a sequence of the article's own.

const ESC = '\u001B';
const ST = ESC + '\\';
/** Longest link target written (browsers and terminals cut longer ones anyway). */
export const MAX_URL = 2_048;
/** Most bytes of text put on the clipboard (terminals cap OSC 52 near here: xterm, tmux, kitty). */
export const MAX_CLIPBOARD_BYTES = 74_994;

/**
 * `raw` as a URL khao may hand to a terminal or a browser: http or https only, no user name or
 * password in it (`https://bank.example@evil.example` reads as the bank), at most MAX_URL
 * characters, every character printable ASCII. Undefined for anything else.
 */
export function safeUrl(raw: string): string | undefined {
	if (raw.length > MAX_URL * 2) return undefined;
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		return undefined;
	}
	if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '' || url.hostname === '') return undefined;
	// The WHATWG serialiser already percent-encodes controls, spaces and non-ASCII; this is the guard.
	const href = url.href.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
	return href.length <= MAX_URL ? href : undefined;
}

/** `text` as a hyperlink to `url` (which must come from safeUrl); plain `text` when it does not. */
export function hyperlink(text: string, url: string): string {
	const safe = safeUrl(url);
	return safe === undefined ? text : `${ESC}]8;;${safe}${ST}${text}${ESC}]8;;${ST}`;
}

/** Anything a terminal could act on inside a control string, and what could end one. */
const UNSAFE_IN_PAYLOAD = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * The OSC 52 sequence that puts `text` on the system clipboard, or undefined when the text is too
 * long for terminals to take. Controls other than tab and line feed are dropped first (the payload
 * is base64, so nothing could escape it; the clipboard should not carry them either).
 */
export function clipboardSequence(text: string): string | undefined {
	const bytes = Buffer.from(text.replace(UNSAFE_IN_PAYLOAD, ''), 'utf8');
	if (bytes.length > MAX_CLIPBOARD_BYTES) return undefined;
	return `${ESC}]52;c;${bytes.toString('base64')}${ST}`;
}
