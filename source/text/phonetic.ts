// Cross-script phonetic keys: the consonant skeleton of a name over coarse classes, the same for
// Thai and Latin spellings of one foreign name (Macron / มาครง / มาคร็อง share one key). Vowels, glides,
// tone marks and silent letters are dropped; letters are classed by how transliteration spells
// them (Thai final ส stays S because it stands for a Latin s), not by Thai pronunciation.
//
// Classes: K (k g c q), T (t d th), P (p b), F (f v w ph), S (s z x j ch sh zh), M, N, G (ng),
// L (l r), H (h). A Latin spelling can be read several ways (Vietnamese tr = จ, final nh = ง;
// x = ส or กซ; ph = ฟ or พ), so it yields a small set of keys; a Thai spelling yields one.

import {boundedMemo} from './memo.js';

const THAI_CLASS: Record<string, string> = {};
function assign(letters: string, cls: string): void {
	for (const ch of letters) THAI_CLASS[ch] = cls;
}
assign('กขฃคฅฆ', 'K');
assign('ดตถทธฎฏฐฑฒ', 'T');
assign('บปผพภ', 'P');
assign('ฝฟ', 'F');
assign('ซศษสจฉชฌ', 'S');
assign('ม', 'M');
assign('นณ', 'N');
assign('ง', 'G');
assign('ลรฬฤฦ', 'L');
assign('ฮ', 'H');

const THANTHAKHAT = '\u0E4C'; // ์ : the letter it sits on is silent

/** True when the string holds Thai letters. */
export function hasThai(s: string): boolean {
	return /[\u0E01-\u0E5B]/.test(s);
}

/** True when the string holds Latin letters and no Thai. */
export function isLatinName(s: string): boolean {
	return !hasThai(s) && /\p{Script=Latin}/u.test(s);
}

/** The phonetic key of a Thai spelling (spaces and hyphens ignored). */
export const thaiPhoneticKey: (name: string) => string = boundedMemo((name) => computeThaiPhoneticKey(name), 50_000);

// The key is computed for every name and for many spans around brackets, so the letters are read by
// their code (a regular expression per letter cost most of detection's phonetic time).
/** The class letters' char codes by Thai code point (0: none). */
const THAI_CLASS_CODE_BY_CODE = new Uint16Array(0x80);
for (const [ch, cls] of Object.entries(THAI_CLASS)) THAI_CLASS_CODE_BY_CODE[ch.charCodeAt(0) - 0x0e00] = cls.charCodeAt(0);
const CLASS_M = 0x4d;
const CLASS_H = 0x48;
const CLASS_N = 0x4e;
const CLASS_F = 0x46;
const HO = 0x0e2b;
const O_ANG = 0x0e2d;
const YO_YAK = 0x0e22;
const YO_YING = 0x0e0d;
const WO_WAEN = 0x0e27;
const RO_RUA = 0x0e23;
const SARA_AM = 0x0e33;
const THANTHAKHAT_CODE = 0x0e4c;

const isThaiConsonantCode = (c: number): boolean => c >= 0x0e01 && c <= 0x0e2e;
/** ่ ้ ๊ ๋ */
const isToneCode = (c: number): boolean => c >= 0x0e48 && c <= 0x0e4b;
/** Vowel signs written after or above/below a consonant (not leading vowels): ะ–ฺ, ๅ, ็. */
const isVowelAfterCode = (c: number): boolean => (c >= 0x0e30 && c <= 0x0e3a) || c === 0x0e45 || c === 0x0e47;
const isLeadingVowelCode = (c: number): boolean => c >= 0x0e40 && c <= 0x0e44;
/** Low sonorants (ง ญ น ม ย ร ล ว): a ห written before one of them only marks the tone and is not pronounced. */
const isSonorantCode = (c: number): boolean =>
	c === 0x0e07 || c === 0x0e0d || c === 0x0e19 || c === 0x0e21 || c === 0x0e22 || c === 0x0e23 || c === 0x0e25 || c === 0x0e27;
/** What /[\s-]/ matches in one code unit. */
function isSpaceOrHyphenCode(c: number): boolean {
	return (
		c === 0x2d ||
		c === 0x20 ||
		(c >= 0x09 && c <= 0x0d) ||
		c === 0xa0 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000 ||
		c === 0xfeff
	);
}

/**
 * True when NFC leaves the string as it is: Latin-1, Latin Extended and Thai letters only (none of
 * them composes), and no Thai marks out of canonical order (a tone mark before ุ ู ฺ, or ุ ู before ฺ,
 * which NFC reorders). Normalising costs more than the key itself; most names pass this test.
 */
function isNfcThai(s: string): boolean {
	let prevClass = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c >= 0x300 && (c < 0x0e00 || c > 0x0e7f)) return false;
		const cls = c === 0x0e3a ? 9 : c === 0x0e38 || c === 0x0e39 ? 103 : c >= 0x0e48 && c <= 0x0e4b ? 107 : 0;
		if (cls !== 0 && prevClass > cls) return false;
		prevClass = cls;
	}
	return true;
}

/** thaiPhoneticKey without the cache: for spans keyed once (the suffixes before a bracket). */
export function thaiPhoneticKeyUncached(name: string): string {
	return computeThaiPhoneticKey(name);
}

/**
 * Scratch for computeThaiPhoneticKey, reused from one name to the next (two arrays a name were a
 * tenth of what detection allocated): the class emitted, as a char code (0 once silenced), and
 * for each source position the index of its class (-1 when none).
 */
let keyClasses = new Uint16Array(64);
let keyEmittedAt = new Int32Array(64);

function computeThaiPhoneticKey(name: string): string {
	// Normalise ํา (nikhahit + sara aa, a typing variant) to ำ.
	let s = isNfcThai(name) ? name : name.normalize('NFC');
	if (s.includes('\u0E4D')) s = s.replace(/\u0E4D\u0E32/g, '\u0E33');
	const n = s.length;
	if (keyEmittedAt.length < n) {
		keyEmittedAt = new Int32Array(2 * n);
		keyClasses = new Uint16Array(2 * n);
	}
	const out = keyClasses;
	const emittedAt = keyEmittedAt;
	let count = 0;
	for (let i = 0; i < n; i++) {
		const c = s.charCodeAt(i);
		emittedAt[i] = -1;
		if (c === THANTHAKHAT_CODE) {
			// Silence the consonant under the mark (skipping ิ ุ written on it), and the ท/ต/ด/ธ
			// written right before a silenced ร (จันทร์).
			let j = i - 1;
			while (j >= 0 && (s.charCodeAt(j) === 0x0e34 || s.charCodeAt(j) === 0x0e38 || isToneCode(s.charCodeAt(j)))) j--;
			if (j >= 0 && isThaiConsonantCode(s.charCodeAt(j))) {
				silence(out, emittedAt, j);
				const before = j > 0 ? s.charCodeAt(j - 1) : 0;
				if (s.charCodeAt(j) === RO_RUA && (before === 0x0e17 || before === 0x0e15 || before === 0x0e14 || before === 0x0e18)) silence(out, emittedAt, j - 1);
			}
			continue;
		}
		if (c === SARA_AM) {
			// ำ is "am": it carries an m.
			emittedAt[i] = count;
			out[count++] = CLASS_M;
			continue;
		}
		if (!isThaiConsonantCode(c)) continue;
		let cls: number;
		if (c === HO) {
			cls = silentHoAt(s, i) ? 0 : CLASS_H;
		} else if (c === O_ANG || c === YO_YAK) {
			cls = 0;
		} else if (c === YO_YING) {
			// Initial ญ is a y-glide, final ญ an n.
			cls = isSyllableFinal(s, i) ? CLASS_N : 0;
		} else if (c === WO_WAEN) {
			// ว is a consonant (v/w) when it opens a syllable (right after a leading vowel: เวลา, เวเบอร์),
			// a vowel part in ัว, -าว, เ-็ว and after a consonant in เ-ว (เลว). Tone
			// marks around it are looked through, so the key does not depend on them.
			let pi = i - 1;
			while (pi >= 0 && isToneCode(s.charCodeAt(pi))) pi--;
			let ni = i + 1;
			while (ni < n && isToneCode(s.charCodeAt(ni))) ni++;
			const opens = pi < 0 || isSpaceOrHyphenCode(s.charCodeAt(pi)) || isLeadingVowelCode(s.charCodeAt(pi)) || (ni < n && isVowelAfterCode(s.charCodeAt(ni)));
			const before = pi >= 0 ? s.charCodeAt(pi) : 0;
			const vowelPart = before === 0x0e31 || before === 0x0e32 || before === 0x0e47;
			cls = opens && !vowelPart ? CLASS_F : 0;
		} else {
			cls = THAI_CLASS_CODE_BY_CODE[c - 0x0e00]!;
		}
		if (cls !== 0) {
			emittedAt[i] = count;
			out[count++] = cls;
		}
	}
	// Adjacent equal classes are one (see collapse); a silenced letter is skipped and the letters
	// around it still collapse. Compacted in place, then made one string: not a string a letter.
	let kept = 0;
	let last = 0;
	for (let k = 0; k < count; k++) {
		const cls = out[k]!;
		if (cls === 0 || cls === last) continue;
		out[kept++] = cls;
		last = cls;
	}
	return kept === 0 ? '' : String.fromCharCode.apply(null, out.subarray(0, kept) as unknown as number[]);
}

function silence(out: Uint16Array, emittedAt: Int32Array, at: number): void {
	const k = at >= 0 ? emittedAt[at]! : -1;
	if (k >= 0) out[k] = 0;
}

/**
 * ห written before a low sonorant that opens a syllable (หนู, หมอ, เหงา, หวัง) only marks the tone;
 * before a final (หง, ห่ม) it is the h of its own syllable.
 */
function silentHoAt(s: string, i: number): boolean {
	// Tone marks are skipped: the letters around them decide (หน้า), so keys ignore tones.
	let k = i + 1;
	while (k < s.length && isToneCode(s.charCodeAt(k))) k++;
	if (k >= s.length || !isSonorantCode(s.charCodeAt(k))) return false;
	let j = k + 1;
	while (j < s.length && isToneCode(s.charCodeAt(j))) j++;
	if (j >= s.length) return false;
	const c = s.charCodeAt(j);
	// ะ–ฺ, ็, อ, ว, ย
	return (c >= 0x0e30 && c <= 0x0e3a) || c === 0x0e47 || c === O_ANG || c === WO_WAEN || c === YO_YAK;
}

/** A consonant closes its syllable when no vowel sign follows it and the next letter starts a new one. */
function isSyllableFinal(s: string, i: number): boolean {
	let j = i + 1;
	while (j < s.length && isToneCode(s.charCodeAt(j))) j++;
	if (j >= s.length) return true;
	const next = s.charCodeAt(j);
	if (isSpaceOrHyphenCode(next)) return true;
	return !isVowelAfterCode(next);
}

/** Adjacent equal classes are one (ฮัสซัน = Hassan = HSN). */
function collapse(classes: string[]): string {
	let key = '';
	let last = '';
	for (const c of classes) {
		// A silenced letter ('') is skipped: the letters around it still collapse.
		if (c === '' || c === last) continue;
		key += c;
		last = c;
	}
	return key;
}

const LATIN_VOWEL = /[aeiouy]/;
const MAX_KEYS = 16;

/**
 * The phonetic keys of a Latin spelling: every reading of its ambiguous letters, at most 16.
 * Non-rhotic: an r before a consonant or at a word's end is dropped (Martin → มาร์ติน, ร์ silent).
 */
export const latinPhoneticKeys: (name: string) => readonly string[] = boundedMemo((name) => computeLatinPhoneticKeys(name), 50_000);

function computeLatinPhoneticKeys(name: string): readonly string[] {
	const words = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/gi, 'd')
		.toLowerCase()
		.split(/[^a-z]+/)
		.filter((w) => w.length > 0);
	let keys: string[][] = [[]];
	for (const word of words) {
		const readings = latinWordReadings(word);
		const next: string[][] = [];
		for (const k of keys) {
			for (const r of readings) {
				if (next.length >= MAX_KEYS) break;
				next.push([...k, ...r]);
			}
		}
		keys = next;
	}
	return [...new Set(keys.map((k) => collapse(k)))];
}

/** Readings of one word: each a list of classes. Alternatives branch, capped. */
function latinWordReadings(w: string): string[][] {
	let readings: string[][] = [[]];
	const push = (...alternatives: string[][]): void => {
		const next: string[][] = [];
		for (const r of readings) {
			for (const alt of alternatives) {
				if (next.length >= MAX_KEYS) break;
				next.push([...r, ...alt]);
			}
		}
		readings = next;
	};
	let i = 0;
	while (i < w.length) {
		const c = w[i]!;
		const n = w[i + 1] ?? '';
		const afterNext = w[i + 2] ?? '';
		const atEnd = i + 1 >= w.length;
		if (LATIN_VOWEL.test(c)) {
			i++;
			continue;
		}
		const two = c + n;
		if (two === 'ng') {
			// Final or before a consonant: ง; before a vowel in the middle: ง too (Ngo → โง).
			push(['G']);
			i += 2;
			continue;
		}
		if (two === 'nh') {
			// Vietnamese final nh (Vinh → วินห์); elsewhere an n followed by h.
			push(i + 2 >= w.length ? ['G'] : ['N'], ['N', 'H']);
			i += 2;
			continue;
		}
		if (two === 'th' || two === 'dh') {
			push(['T']);
			i += 2;
			continue;
		}
		if (two === 'ph') {
			push(['F'], ['P']);
			i += 2;
			continue;
		}
		if (two === 'sh' || two === 'zh' || two === 'sch') {
			push(['S']);
			i += 2;
			continue;
		}
		if (two === 'ch') {
			push(['S'], ['K']);
			i += 2;
			continue;
		}
		if (two === 'kh' || two === 'gh' || two === 'ck' || two === 'qu') {
			push(['K']);
			i += 2;
			continue;
		}
		if (two === 'tr' && LATIN_VOWEL.test(afterNext)) {
			// Vietnamese tr is written จ in Thai (Truong → เจือง).
			push(['T', 'L'], ['S']);
			i += 2;
			continue;
		}
		if (two === 'gi' && i === 0) {
			push(['S'], ['K']);
			i += 1;
			continue;
		}
		switch (c) {
			case 'b':
			case 'p':
				push(['P']);
				break;
			case 'd':
			case 't':
				push(['T']);
				break;
			case 'g':
			case 'k':
				push(['K']);
				break;
			case 'c':
				push(/[eiy]/.test(n) ? ['S'] : ['K']);
				break;
			case 'q':
				push(['K'], ['S']);
				break;
			case 'x':
				push(i === 0 ? ['S'] : ['K', 'S'], ['S']);
				break;
			case 'j':
			case 's':
			case 'z':
				push(['S']);
				break;
			case 'f':
			case 'v':
				push(['F']);
				break;
			case 'w':
				push(LATIN_VOWEL.test(n) ? ['F'] : []);
				break;
			case 'm':
				push(['M']);
				break;
			case 'n':
				push(['N']);
				break;
			case 'l':
				push(['L']);
				break;
			case 'r':
				push(!atEnd && LATIN_VOWEL.test(n) ? ['L'] : []);
				break;
			case 'h':
				// h after a vowel and before a consonant or the end is silent (Shah, Noah-style endings).
				push(i > 0 && LATIN_VOWEL.test(w[i - 1]!) && (atEnd || !LATIN_VOWEL.test(n)) ? [] : ['H']);
				break;
			default:
				break;
		}
		i++;
	}
	return readings;
}

/** The phonetic keys of a name in either script. */
export function phoneticKeys(name: string): string[] {
	if (hasThai(name)) {
		const k = thaiPhoneticKey(name);
		return k === '' ? [] : [k];
	}
	return latinPhoneticKeys(name).filter((k) => k !== '');
}

const FINE_CONSONANT: Record<string, string> = {};
for (const [letters, cls] of [
	['กขฃคฅฆ', 'k'],
	['ดฎ', 'd'],
	['ตถทธฏฐฑฒ', 't'],
	['บ', 'b'],
	['ปผพภ', 'p'],
	['ฝฟ', 'f'],
	['จฉชฌ', 'c'],
	['ซศษส', 's'],
	['ม', 'm'],
	['นณ', 'n'],
	['ญย', 'y'],
	['ง', 'g'],
	['ลฬ', 'l'],
	['ร', 'r'],
	['ว', 'w'],
	['หฮ', 'h'],
	['อ', ''],
] as const) {
	for (const ch of letters) FINE_CONSONANT[ch] = cls;
}
const FINE_VOWEL: Record<string, string> = {
	'\u0E30': 'a',
	'\u0E31': 'a',
	'\u0E32': 'a',
	'\u0E33': 'am',
	'\u0E34': 'i',
	'\u0E35': 'i',
	'\u0E36': 'v',
	'\u0E37': 'v',
	'\u0E38': 'u',
	'\u0E39': 'u',
	'\u0E40': 'e',
	'\u0E41': 'x',
	'\u0E42': 'o',
	'\u0E43': 'ai',
	'\u0E44': 'ai',
	'\u0E45': 'a',
	'\u0E47': '',
};

/**
 * A finer key for comparing two Thai spellings of one transliterated name: consonants in aspiration
 * pairs are one (ต/ท, ก/ค, ป/พ), vowel length and tone marks are ignored, silent letters dropped,
 * but vowels are kept, so ฮุ่น ≈ ฮุน and มาครง ≈ มาคร็อง while ปารีส and พัฒนา stay apart.
 */
export function thaiFineKey(name: string): string {
	const s = name.normalize('NFC').replace(/\u0E4D\u0E32/g, '\u0E33');
	let out = '';
	for (let i = 0; i < s.length; i++) {
		const ch = s[i]!;
		const next = s[i + 1];
		// A letter under ์ (and a vowel on it) is silent.
		if (next === THANTHAKHAT || (s[i + 2] === THANTHAKHAT && /[ิุ]/.test(next ?? ''))) continue;
		if (ch === 'ห' && silentHoAt(s, i)) continue;
		const c = FINE_CONSONANT[ch];
		if (c !== undefined) {
			out += c;
			continue;
		}
		const v = FINE_VOWEL[ch];
		if (v !== undefined) out += v;
	}
	return out;
}

/** Levenshtein distance: how far two keys are apart (spelling variants of a name differ by one). */
export function editDistance(a: string, b: string): number {
	const prev = Array.from({length: b.length + 1}, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0]!;
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = prev[j]!;
			prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = tmp;
		}
	}
	return prev[b.length]!;
}
