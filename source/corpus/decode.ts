// Bytes → text. Files come in UTF-8 (with or without BOM), UTF-16 with a BOM, or TIS-620 /
// Windows-874 (legacy Thai). Charset detectors are unreliable on short Thai text, so the order is
// fixed: BOM, then strict UTF-8, then Windows-874 when every high byte is Thai or its punctuation, and finally
// UTF-8 with U+FFFD so that a damaged file still opens (with a warning).

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-874';

export type Decoded = {kind: 'text'; text: string; encoding: Encoding; invalidBytes: boolean} | {kind: 'binary'; reason: string} | {kind: 'empty'; reason: string};

const strictUtf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});
const lenientUtf8 = new TextDecoder('utf-8', {ignoreBOM: true});
const windows874 = new TextDecoder('windows-874');
const strictUtf16le = new TextDecoder('utf-16le', {fatal: true, ignoreBOM: true});
const lenientUtf16le = new TextDecoder('utf-16le', {ignoreBOM: true});

/** Byte-order mark at the start of `bytes`, if any. */
export function bomOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return undefined;
}

/**
 * Whether bytes that are not UTF-8 read as TIS-620 Thai: the high bytes are all Thai letters
 * (0xA1–0xFB, minus the unassigned 0xDB–0xDE) or one of the few Windows-874 punctuation marks,
 * and Thai combining marks sit after Thai letters, as they must in real text. Latin-1 text fails
 * the last test: its accented letters stand alone between ASCII letters.
 */
export function looksLikeTis620(bytes: Uint8Array): boolean {
	let high = 0;
	let marks = 0;
	let strayMarks = 0;
	let previousThai = false;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i]!;
		if (b < 0x80) {
			previousThai = false;
			continue;
		}
		high++;
		const isThai = (b >= 0xa1 && b <= 0xda) || (b >= 0xdf && b <= 0xfb);
		if (isThai) {
			// ั ิ ี ึ ื ุ ู ฺ and ็ ่ ้ ๊ ๋ ์ ํ ๎: they never begin a run of Thai.
			const isMark = b === 0xd1 || (b >= 0xd4 && b <= 0xda) || (b >= 0xe7 && b <= 0xee);
			if (isMark) {
				marks++;
				if (!previousThai) strayMarks++;
			}
		} else if (!WINDOWS_874_PUNCTUATION.has(b)) {
			return false;
		}
		previousThai = isThai;
	}
	// Every high byte is a Thai letter or Windows-874 punctuation. How many of each does not matter:
	// a short line of quotes and a dash (“…” –) is Windows-874 (and the same in Windows-1252), not
	// broken UTF-8.
	if (high === 0) return false;
	return strayMarks <= marks * 0.05;
}

// € … ‘ ’ “ ” • – — and NBSP: the only non-Thai high bytes Windows-874 text normally holds.
const WINDOWS_874_PUNCTUATION = new Set([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0xa0]);

/** Whether `text` shows nothing: only white space and zero-width characters. */
export function isBlankText(text: string): boolean {
	return /^[\s\u200B-\u200D\u2060]*$/.test(text);
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): {text: string; invalidBytes: boolean} {
	let body = bytes.subarray(2);
	if (bigEndian) {
		const even = body.length - (body.length % 2);
		const swapped = Buffer.from(body.subarray(0, even));
		swapped.swap16();
		body = body.length === even ? swapped : Buffer.concat([swapped, body.subarray(even)]);
	}
	try {
		return {text: strictUtf16le.decode(body), invalidBytes: false};
	} catch {
		return {text: lenientUtf16le.decode(body), invalidBytes: true};
	}
}

/** Decodes bytes that have no BOM; the file's lines may also be decoded one by one with this. */
export function decodeWithoutBom(bytes: Uint8Array): {text: string; encoding: Encoding; invalidBytes: boolean} {
	try {
		return {text: strictUtf8.decode(bytes), encoding: 'utf-8', invalidBytes: false};
	} catch {
		if (looksLikeTis620(bytes)) return {text: windows874.decode(bytes), encoding: 'windows-874', invalidBytes: false};
		return {text: lenientUtf8.decode(bytes), encoding: 'utf-8', invalidBytes: true};
	}
}

/**
 * Decodes a whole file. The text keeps everything but the BOM, so offsets into it are offsets into
 * the file's characters. NUL bytes mean binary (UTF-16 is recognised only by its BOM).
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
	if (bytes.length === 0) return {kind: 'empty', reason: 'empty file'};
	const bom = bomOf(bytes);
	let decoded: {text: string; encoding: Encoding; invalidBytes: boolean};
	if (bom === 'utf-16le' || bom === 'utf-16be') {
		decoded = {...decodeUtf16(bytes, bom === 'utf-16be'), encoding: bom};
	} else {
		if (bytes.includes(0)) return {kind: 'binary', reason: 'binary file (NUL bytes)'};
		if (bom === 'utf-8') {
			const body = bytes.subarray(3);
			try {
				decoded = {text: strictUtf8.decode(body), encoding: 'utf-8-bom', invalidBytes: false};
			} catch {
				decoded = {text: lenientUtf8.decode(body), encoding: 'utf-8-bom', invalidBytes: true};
			}
		} else {
			decoded = decodeWithoutBom(bytes);
		}
	}
	if (decoded.text.length === 0) return {kind: 'empty', reason: 'empty file'};
	if (isBlankText(decoded.text)) return {kind: 'empty', reason: 'only whitespace'};
	return {kind: 'text', ...decoded};
}

/**
 * For files whose extension says nothing: text only when it decodes cleanly and is not full of
 * control characters (escape sequences are allowed: they are cleaned later, not a sign of binary).
 */
export function isPlainText(decoded: Decoded): boolean {
	if (decoded.kind !== 'text' || decoded.invalidBytes) return false;
	const sample = decoded.text.length > 65_536 ? decoded.text.slice(0, 65_536) : decoded.text;
	const controls = sample.match(/[\u0000-\u0008\u000E-\u001A\u001C-\u001F\u007F]/g)?.length ?? 0;
	return controls <= sample.length * 0.01;
}
