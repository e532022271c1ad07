// Keys from the terminal, normalised before Ink's key parser sees them. Ink 6.8 throws (and takes
// the reader down) on a modified key it has no name for (`\e[1;5P` Ctrl+F1, `\e[29;5~` Ctrl+Menu, a
// pasted `\e[31m`), and turns any other unknown sequence into text ("[31m") that lands in a search
// field. So only escape sequences that name a key Ink knows go through; any other sequence is
// dropped whole (an unknown key does nothing), and control strings (OSC, DCS…) that a paste or a
// terminal reply can carry are dropped with their payload, as they are from article text. khao
// does not turn on the kitty keyboard protocol, so its `CSI … u` keys never come and are dropped.
// Mouse reports (SGR `CSI < b;x;y M/m`, and the old `CSI M bxy` of a terminal without SGR mode)
// never reach Ink: they are taken out whole and handed to `onMouse`.
import {StringDecoder} from 'node:string_decoder';
import {unsafeLength} from '../text/sanitize.js';

const ESC = '\u001B';
/** Longest escape sequence kept waiting for its end across reads; anything longer is not a key. */
const MAX_PENDING = 32;

// The keys of Ink's parser (parse-keypress.js), as `CSI number ~` codes and final letters.
const TILDE_CODES = new Set([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24]);
const RXVT_CODES = new Set([2, 3, 5, 6, 7, 8]); // with `^` (Ctrl); `$` (Shift) is not a final byte
const CSI_LETTERS = 'ABCDEFHZabcde';
const SS3_LETTERS = 'ABCDEFHPQRSabcde';

/** Whether `body` (what follows ESC [) is a key Ink names, with or without a modifier. */
function knownCsi(body: string): boolean {
	const legacy = /^\[([A-E]|[56]~)$/.exec(body); // Cygwin/libuv F1–F5, PuTTY PgUp/PgDn
	if (legacy) return true;
	const letter = /^(?:1;\d{1,3}|\d{0,3})([A-Za-z])$/.exec(body);
	if (letter) return CSI_LETTERS.includes(letter[1]!);
	const numbered = /^(\d{1,2})(?:;\d{1,3})?([~^])$/.exec(body);
	if (!numbered) return false;
	const code = Number(numbered[1]);
	return numbered[2] === '~' ? TILDE_CODES.has(code) : !body.includes(';') && RXVT_CODES.has(code);
}

const isFinal = (c: number) => c >= 0x40 && c <= 0x7e;
const isParamOrIntermediate = (c: number) => c >= 0x20 && c <= 0x3f;

/** A mouse report: columns and rows count from 1, as the terminal sends them. */
export interface MouseEvent {
	kind: 'press' | 'release' | 'wheel' | 'drag';
	/** 0 left, 1 middle, 2 right (press, release, drag); 'up' / 'down' for the wheel. */
	button: number | 'up' | 'down';
	x: number;
	y: number;
	shift: boolean;
	meta: boolean;
	ctrl: boolean;
}

/** The event a report's button code, column, row and final letter describe (undefined: not one khao reads). */
export function mouseEvent(code: number, x: number, y: number, released: boolean): MouseEvent | undefined {
	if (!(x >= 1 && y >= 1 && code >= 0 && code < 256)) return undefined;
	const mods = {shift: (code & 4) !== 0, meta: (code & 8) !== 0, ctrl: (code & 16) !== 0};
	const low = code & 3;
	if (code & 64) {
		// Wheel: 64 up, 65 down; 66/67 are sideways wheels, which khao does not use.
		if (code & 128 || low > 1) return undefined;
		return {kind: 'wheel', button: low === 0 ? 'up' : 'down', x, y, ...mods};
	}
	if (code & 128) return undefined; // buttons 8–11: not used
	if (code & 32) return low === 3 ? undefined : {kind: 'drag', button: low, x, y, ...mods};
	// The old encoding says "released" with button 3 and not which button.
	if (low === 3) return {kind: 'release', button: 0, x, y, ...mods};
	return {kind: released ? 'release' : 'press', button: low, x, y, ...mods};
}

const SGR_MOUSE = /^<(\d{1,4});(\d{1,5});(\d{1,5})([Mm])$/;
/** `CSI M` and three characters: button + 32, column + 32, row + 32. */
const X10_LENGTH = 3;

type Scan = {keep: boolean; end: number; mouse?: MouseEvent} | 'incomplete' | 'in-control-string';

/** Whether a control string that runs to the end of `s` has its terminator there (BEL or ST). */
function controlStringEnded(s: string): boolean {
	return s.endsWith('\u0007') || s.endsWith('\u009C') || s.endsWith('\u001B\\');
}

/** How much of `s` still belongs to a control string begun in an earlier read. */
function controlStringRest(s: string): {end: number; ended: boolean} {
	// The same rule as for article text: ask it about the string as if its start were still there.
	const end = unsafeLength('\u001B]' + s, 0) - 2;
	return {end, ended: end < s.length || controlStringEnded(s)};
}

/** The escape sequence that starts at s[i] (an ESC): where it ends and whether it is a known key. */
function scanEscape(s: string, i: number): Scan {
	let j = i + 1;
	if (j >= s.length) return 'incomplete';
	// ESC ESC [ … is Alt with a key; ESC ESC alone is Alt+Escape.
	if (s[j] === ESC) {
		if (j + 1 >= s.length) return 'incomplete';
		if (s[j + 1] !== '[' && s[j + 1] !== 'O') return {keep: true, end: j + 1};
		j++;
	}
	const kind = s[j];
	if (kind === '[') {
		let k = j + 1;
		if (s[k] === '[') k++; // the legacy `ESC [ [ A` form
		while (k < s.length && isParamOrIntermediate(s.charCodeAt(k))) k++;
		if (k >= s.length) return 'incomplete';
		if (!isFinal(s.charCodeAt(k))) return {keep: false, end: k}; // broken: drop what came so far
		const body = s.slice(j + 1, k + 1);
		if (body === 'M') {
			// Take the three characters by code point: a column past 95 may come as a non-ASCII one.
			let end = k + 1;
			for (let n = 0; n < X10_LENGTH; n++) {
				if (end >= s.length) return 'incomplete';
				end += s.codePointAt(end)! > 0xffff ? 2 : 1;
			}
			const [b, x, y] = [...s.slice(k + 1, end)].map((c) => c.codePointAt(0)! - 32) as [number, number, number];
			return {keep: false, end, mouse: mouseEvent(b, x, y, false)};
		}
		const sgr = SGR_MOUSE.exec(body);
		if (sgr) return {keep: false, end: k + 1, mouse: mouseEvent(Number(sgr[1]), Number(sgr[2]), Number(sgr[3]), sgr[4] === 'm')};
		return {keep: knownCsi(body), end: k + 1};
	}
	if (kind === 'O') {
		let k = j + 1;
		// Some terminals put a modifier in SS3 (`ESC O 5 P`): Ink cannot read those, so they go whole.
		while (k < s.length && k - j <= 8 && /[0-9;]/.test(s[k]!)) k++;
		if (k >= s.length) return 'incomplete';
		if (!isFinal(s.charCodeAt(k))) return {keep: k === j + 1, end: k}; // Alt+O, then what follows
		return {keep: k === j + 1 && SS3_LETTERS.includes(s[k]!), end: k + 1};
	}
	if (kind === ']' || kind === 'P' || kind === 'X' || kind === '^' || kind === '_') {
		// A control string (window title, clipboard…) in pasted text: gone with its payload, and
		// the rest of it dropped from the next reads when it does not end in this one.
		const end = i + unsafeLength(s, i);
		return end === s.length && !controlStringEnded(s) ? 'in-control-string' : {keep: false, end};
	}
	if (kind === '\\') return {keep: false, end: j + 1}; // ST: the end of a control string, not a key
	// Alt with one character (a surrogate pair stays whole).
	const code = s.codePointAt(j)!;
	return {keep: true, end: j + (code > 0xffff ? 2 : 1)};
}

/** C1 controls (U+0080–U+009F) are never a key; a UTF-8 terminal can still send them in a paste. */
const C1 = /[\u0080-\u009F]/g;

/**
 * Turns raw terminal input into input Ink can parse safely. Sequences split across reads are held
 * until their end arrives; `flush` gives up on what is still held (a lone ESC is the Escape key).
 */
export class KeyFilter {
	private pending = '';
	private inControlString = false;

	/** `onMouse` gets each mouse report, in order, as the input holding it is pushed. */
	constructor(private readonly onMouse?: (event: MouseEvent) => void) {}

	push(chunk: string): string {
		const s = this.pending + chunk;
		this.pending = '';
		let out = '';
		let i = 0;
		if (this.inControlString) {
			const rest = controlStringRest(s);
			this.inControlString = !rest.ended;
			i = rest.end;
		}
		while (i < s.length) {
			const e = s.indexOf(ESC, i);
			if (e === -1) {
				out += s.slice(i).replace(C1, '');
				break;
			}
			out += s.slice(i, e).replace(C1, '');
			const scan = scanEscape(s, e);
			if (scan === 'in-control-string') {
				this.inControlString = true;
				break;
			}
			if (scan === 'incomplete') {
				if (s.length - e <= MAX_PENDING) this.pending = s.slice(e);
				break;
			}
			if (scan.keep) out += s.slice(e, scan.end);
			if (scan.mouse) this.onMouse?.(scan.mouse);
			i = Math.max(scan.end, e + 1);
		}
		return out;
	}

	hasPending(): boolean {
		return this.pending !== '';
	}

	/** What is held when no more input follows: ESC, ESC ESC, Alt+[ and Alt+O are keys; a cut-off sequence is not. */
	flush(): string {
		const held = this.pending;
		this.pending = '';
		return /^\u001B{1,2}[[O]?$/.test(held) ? held : '';
	}
}

/**
 * Puts a KeyFilter between `stream` and Ink, which pulls keys with `stream.read()` on 'readable'.
 * What the filter holds back is handed over on the next turn of the event loop, as Ink itself
 * does with a lone ESC.
 */
export function filterKeyboard<T extends {read(size?: number): unknown; emit(event: string): boolean}>(
	stream: T,
	options: {onSuspend?: () => void; onMouse?: (event: MouseEvent) => void} = {},
): T {
	// Mouse events go out after the keys read with them have reached Ink: in the order they came.
	const onMouse = options.onMouse;
	const filter = new KeyFilter(onMouse && ((event) => setImmediate(() => onMouse(event))));
	const decoder = new StringDecoder('utf8');
	const read = stream.read.bind(stream);
	let ready = '';
	let timer: NodeJS.Immediate | undefined;
	stream.read = (size?: number) => {
		// read(0) is the stream's own bookkeeping (it refills the buffer and returns nothing).
		if (size === 0) return read(0);
		if (ready !== '') {
			const out = ready;
			ready = '';
			return out;
		}
		const chunk = read(size);
		if (chunk === null || chunk === undefined) return null;
		const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? decoder.write(chunk) : String(chunk);
		let out = filter.push(text);
		// Ctrl+Z in raw mode is a key, not SIGTSTP: suspend as the terminal would, once Ink is done.
		if (options.onSuspend && out.includes('\u001A')) {
			out = out.replace(/\u001A/g, '');
			setImmediate(options.onSuspend);
		}
		if (timer) clearImmediate(timer);
		timer = undefined;
		if (filter.hasPending()) {
			timer = setImmediate(() => {
				timer = undefined;
				ready = filter.flush();
				if (ready !== '') stream.emit('readable');
			});
		}
		return out;
	};
	return stream;
}
