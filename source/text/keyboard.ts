// Kedmanee (the standard Thai keyboard) ↔ US QWERTY. The most common Thai typing slip is typing
// with the wrong layout active: `l;ylfu` meant สวัสดี, `vboFfoug:up` meant อินโดนีเซีย, and the other
// way round, Latin typed while the Thai layout was on (แนอรก for covid). Converting is a key-by-key
// table lookup in either direction.

// Each pair of strings lists the US characters of a row and what the same keys type on Kedmanee.
const ROWS: [string, string][] = [
	// unshifted
	['`1234567890-=', '_ๅ/-ภถุึคตจขช'],
	['qwertyuiop[]\\', 'ๆไำพะัีรนยบลฃ'],
	["asdfghjkl;'", 'ฟหกดเ้่าสวง'],
	['zxcvbnm,./', 'ผปแอิืทมใฝ'],
	// shifted
	['~!@#$%^&*()_+', '%+๑๒๓๔ู฿๕๖๗๘๙'],
	['QWERTYUIOP{}|', '๐"ฎฑธํ๊ณฯญฐ,ฅ'],
	['ASDFGHJKL:"', 'ฤฆฏโฌ็๋ษศซ.'],
	['ZXCVBNM<>?', '()ฉฮฺ์?ฒฬฦ'],
];

const toThai = new Map<string, string>();
const toLatin = new Map<string, string>();
for (const [latin, thai] of ROWS) {
	const thaiChars = [...thai];
	if (thaiChars.length !== latin.length) throw new Error(`keyboard row length mismatch: ${latin}`);
	for (let i = 0; i < latin.length; i++) {
		toThai.set(latin[i]!, thaiChars[i]!);
		// A few Thai-layout outputs are ASCII punctuation that more than one key types; the first
		// (unshifted) key wins, which is what a typist most likely pressed.
		if (!toLatin.has(thaiChars[i]!)) toLatin.set(thaiChars[i]!, latin[i]!);
	}
}

/** What `text` would have been on the Kedmanee layout (keys typed while US QWERTY was on). */
export function latinToThai(text: string): string {
	let out = '';
	for (const ch of text) out += toThai.get(ch) ?? ch;
	return out;
}

/** What `text` would have been on US QWERTY (keys typed while Kedmanee was on). */
export function thaiToLatin(text: string): string {
	let out = '';
	// SARA AM typed as its two halves (ํ า) is still the one key.
	for (const ch of text.replace(/\u0e4d\u0e32/g, '\u0e33')) out += toLatin.get(ch) ?? ch;
	return out;
}

const THAI = /[\u0e00-\u0e7f]/;
const LATIN_LETTER = /[A-Za-z]/;

/**
 * The query as the other layout would have typed it: Latin without any Thai → Thai; Thai without
 * any Latin letter → Latin. Undefined when neither applies or nothing would change.
 */
export function swapLayout(text: string): string | undefined {
	let swapped: string | undefined;
	if (!THAI.test(text)) {
		// Plain digits and spaces are the same on both layouts as far as intent goes.
		if (!/[^\s0-9]/.test(text)) return undefined;
		swapped = latinToThai(text);
	} else if (!LATIN_LETTER.test(text)) swapped = thaiToLatin(text);
	return swapped === undefined || swapped === text ? undefined : swapped;
}
