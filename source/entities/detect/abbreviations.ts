// Thai dotted abbreviations (กกต., ธ.ก.ส., สปสช.) name organisations far more often than anything
// else once dates (ก.ค.), eras (พ.ศ.), units (กม.), and titles (พ.ต.ท.) are set apart.

import {NON_NAME_ABBREVIATIONS, PLACE_ABBREVIATIONS} from '../lexicon.js';
import {gazetteer} from '../gazetteer.js';
import {type DetectionContext, KNOWN_BEFORE, PRIORITY, isThaiNameChar} from './context.js';
import {triggerTrie} from './trigger-trie.js';

const ABBREVIATION = /(?:[ก-ฮ]{1,5}\.){1,5}/y;
const PLACES = new Set(PLACE_ABBREVIATIONS);

export function detectThaiAbbreviations(ctx: DetectionContext): void {
	const text = ctx.text;
	let resume = 0;
	// Abbreviations end in a dot: find the dots, walk back over letters and dots, and take the
	// earliest start that stands after a space or a known word (ของ|สปส.), not inside a word.
	for (let dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
		if (dot < resume) continue;
		const c = text.charCodeAt(dot - 1);
		if (!(c >= 0x0e01 && c <= 0x0e2e)) continue;
		let from = dot - 1;
		while (from > 0 && dot - from < 30 && /[ก-ฮ.]/.test(text[from - 1]!)) from--;
		for (let s = from; s < dot; s++) {
			if (!isThaiConsonant(text.charCodeAt(s))) continue;
			// Right after a letter's dot is inside an abbreviation (พ.|ต.ต.), not the start of one.
			if (s > 0 && text[s - 1] === '.') continue;
			if (s > 0 && isThaiNameChar(text.charCodeAt(s - 1)) && KNOWN_BEFORE.endingAt(text, s) === 0) continue;
			// A title or post written short here (จาก|รมว.วธ., not จา|กรม|ว.วธ.) is the triggers' to read.
			if (shortTitleAt(text, s)) break;
			s = afterLongerWord(text, s, dot);
			const abbr = abbreviationAt(text, s, dot);
			if (abbr === undefined) continue;
			const end = s + abbr.length;
			resume = end;
			if (!isName(abbr) || laterStartIsNoName(text, s, dot)) break;
			if (abbr.replace(/[^ก-ฮ]/g, '').length < 2) break;
			// Digits before (3.5.) or a word glued after (ครม.ร่วม is fine: a dot ends it).
			if (s > 0 && /[0-9]/.test(text[s - 1]!)) break;
			// A number or a slash right after is a code or a unit (ศก.3040 a road, มคก./ลบ.ม.), not a body.
			if (/^ ?[0-9๐-๙]|^\//.test(text.slice(end, end + 2))) break;
			if (abbreviatesPostBefore(text, s)) break;
			const place = PLACES.has(abbr) ? gazetteer().thai.get(abbr) : undefined;
			ctx.add({start: s, end, kind: place ? 'place' : 'organization', rule: 'abbreviation', priority: PRIORITY.abbreviation, placeKey: place?.key, closed: true});
			break;
		}
	}
}

/**
 * A known word that ends a letter or two later and takes those letters in (ขอ|ง… is ของ|…), or a
 * known word of three letters written whole (ของ|วธ. is ของ then วธ., not a body ของวธ.), is the word
 * really written: the abbreviation starts after it.
 */
function afterLongerWord(text: string, s: number, dot: number): number {
	// A three-letter word written whole before (ของ|วธ., รวม|สธ.) when two letters or more are left.
	const word = s + 3;
	if (
		word < dot &&
		isThaiConsonant(text.charCodeAt(word)) &&
		KNOWN_BEFORE.endingAt(text, word) === 3 &&
		(abbreviationAt(text, word, dot)?.replace(/[^ก-ฮ]/g, '').length ?? 0) >= 2
	)
		return word;
	for (let t = s + 1; t <= s + 2 && t < dot; t++) {
		if (isThaiConsonant(text.charCodeAt(t)) && KNOWN_BEFORE.endingAt(text, t) > t - s && abbreviationAt(text, t, dot) !== undefined) return t;
	}
	return s;
}

/**
 * An abbreviation at `start` in brackets right after a post, with the post's first letter
 * (ผู้ว่าราชการจังหวัด (ผวจ.), รองปลัดกระทรวงX (รปอ.)), abbreviates the post, not a body; one with
 * another letter names the body the post heads (ผู้อำนวยการสำนักงานX (สสส.)).
 */
export function abbreviatesPostBefore(text: string, start: number): boolean {
	let i = start - 1;
	while (i >= 0 && text[i] === ' ') i--;
	if (text[i] !== '(') return false;
	i--;
	while (i >= 0 && text[i] === ' ') i--;
	let from = i + 1;
	while (from > 0 && (isThaiNameChar(text.charCodeAt(from - 1)) || text[from - 1] === '.')) from--;
	return from <= i && firstConsonant(text, from) === firstConsonant(text, start) && postAt(text, from);
}

/** The first consonant at or after `at` (past a leading vowel: เ|ลขาธิการ). */
function firstConsonant(text: string, at: number): string {
	const c = text.charCodeAt(at);
	return text[c >= 0x0e40 && c <= 0x0e44 ? at + 1 : at] ?? '';
}

/** A post (a position of the trigger list, รอง… or ผู้ช่วย… before it) opens the text at `from`. */
function postAt(text: string, from: number): boolean {
	const at = from + (/^(?:รอง|ผู้ช่วย)/.exec(text.slice(from, from + 7))?.[0].length ?? 0);
	return triggerTrie()
		.matchesAt(text, at)
		.some((m) => m.values.some((v) => v.type === 'position'));
}

/** A title or post written short (a trigger ending in a dot: รมว., ปกท., พล.อ.) starts at `s`. */
export function shortTitleAt(text: string, s: number): boolean {
	return triggerTrie()
		.matchesAt(text, s)
		.some((m) => text[m.end - 1] === '.' && m.values.some((v) => v.type === 'position' || v.type === 'honorific'));
}

function abbreviationAt(text: string, s: number, dot: number): string | undefined {
	ABBREVIATION.lastIndex = s;
	const m = ABBREVIATION.exec(text);
	return m === null || s + m[0].length <= dot ? undefined : m[0];
}

/** A decree's or act's short form opening a chain (พ.ร.บ.วว., พรก.ฉุกเฉิน.): a law, whatever follows. */
const LAW = /^(?:พ\.ร\.[บกฎ]\.|พร[บก]\.|พ\.รบ\.)/;

const isName = (abbr: string): boolean => !NON_NAME_ABBREVIATIONS.has(abbr) && !LAW.test(abbr) && triggerTrie().get(abbr) === undefined && !isTitleStack(abbr);

/** Titles written short one after another (ศ.นพ., รศ.ดร., พล.ต.อ.นพ.): a person's titles, no body. */
function isTitleStack(abbr: string): boolean {
	const trie = triggerTrie();
	const reached = new Uint8Array(abbr.length + 1);
	reached[0] = 1;
	for (let i = 0; i < abbr.length; i++) {
		if (reached[i] === 0) continue;
		for (const m of trie.matchesAt(abbr, i)) {
			if (abbr[m.end - 1] === '.' && m.values.some((v) => v.type === 'honorific' || v.type === 'position')) reached[m.end] = 1;
		}
	}
	return reached[abbr.length] === 1;
}

/**
 * A word glued before a title or a date (อดีต|ส.ส., พบ|พล.อ., ระหว่าง|ก.พ.) can make an earlier
 * start look like an abbreviation of its own (ตส.ส.): when a known word ends up to three letters
 * later and a title, rank, date or unit starts there, that is what the text holds.
 */
function laterStartIsNoName(text: string, s: number, dot: number): boolean {
	for (let t = s + 1; t <= s + 3 && t < dot; t++) {
		// The letters before the later start must end a known word (อดีต, พบ), not begin the abbreviation (ก|กพ.).
		if (!isThaiConsonant(text.charCodeAt(t)) || text[t - 1] === '.' || KNOWN_BEFORE.endingAt(text, t) < t - s) continue;
		const later = abbreviationAt(text, t, dot);
		if (later !== undefined && later.replace(/[^ก-ฮ]/g, '').length >= 2 && !isName(later)) return true;
	}
	return false;
}

function isThaiConsonant(code: number): boolean {
	return code >= 0x0e01 && code <= 0x0e2e;
}
