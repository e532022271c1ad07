// Latin-script names inside Thai (or English) text: capitalised runs with particles inside
// ("Bank for International Settlements"), hyphenated names, acronyms (ASEAN, APEC). The run's last word gives its
// kind (Organisation, Bank → organisation; City, Island → place; Initiative → other); a Latin
// title before it or a Thai position after it makes it a person.

import {gazetteer} from '../gazetteer.js';
import {
	ACRONYM_STOP,
	LATIN_COMMON_WORDS,
	LATIN_ORG_HEADS,
	LATIN_OTHER_HEADS,
	LATIN_PARTICLES,
	LATIN_PLACE_HEADS,
	LATIN_POSTNOMINALS,
	LATIN_STACKED_TITLES,
	LATIN_STOP,
	LATIN_TITLES,
} from '../lexicon.js';
import type {EntityKind} from '../types.js';
import {type DetectionContext, PRIORITY, isLatinLetter, isUpperLatin} from './context.js';
import {triggerTrie} from './trigger-trie.js';

const WORD = /[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F0-9'’&-]*/y;
const ROMAN = /^[IVXLCDM]+$/;
const TITLE_SET = new Set(LATIN_TITLES.map((t) => titleKey(t)));
/** Initials with dots (H.E., J.R.): one word. */
const INITIALS = /(?:[A-Z]\.){2,}/y;

/** A word as the title list holds it: lower case, without a closing dot or apostrophe. */
function titleKey(word: string): string {
	return word.toLowerCase().replace(/[.'’]+$/, '');
}

interface Word {
	start: number;
	end: number;
	text: string;
}

export function detectLatin(ctx: DetectionContext): void {
	const text = ctx.text;
	const n = text.length;
	let i = 0;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (!isUpperLatin(c) || (i > 0 && (isLatinLetter(text.charCodeAt(i - 1)) || /[0-9@/._:#\\-]/.test(text[i - 1]!)))) {
			i++;
			continue;
		}
		if (insideUrl(text, i)) {
			i = skipToken(text, i);
			continue;
		}
		const words = readRun(text, i);
		if (words.length === 0) {
			i++;
			continue;
		}
		const end = words[words.length - 1]!.end;
		classify(ctx, words);
		i = end;
	}
}

/** Capitalised words joined by single spaces, particles allowed between them. */
/**
 * A title a stack of titles may hold (Prof. Dr.). A function of the module, not a closure in
 * readRun: esbuild's --keep-names names a closure each time it is made (a defineProperty a word).
 */
function isStackedTitle(x: Word): boolean {
	return TITLE_SET.has(titleKey(x.text)) || LATIN_STACKED_TITLES.has(titleKey(x.text));
}

function readRun(text: string, start: number): Word[] {
	const words: Word[] = [];
	let i = start;
	let joinedAt: number | undefined;
	for (;;) {
		INITIALS.lastIndex = i;
		const initials = INITIALS.exec(text);
		WORD.lastIndex = i;
		const m = initials ?? WORD.exec(text);
		if (m === null) break;
		let w = initials !== null ? m[0].slice(0, -1) : m[0];
		while (w.endsWith('-') || w.endsWith("'") || w.endsWith('’')) w = w.slice(0, -1);
		const capital = isUpperLatin(w.charCodeAt(0));
		if (!capital && !LATIN_PARTICLES.has(w)) break;
		// A title with its dot after a name's words opens the next name (AFP EC Mr.Paul Hopkins): the
		// run ends before it. Not inside a stack of titles (Prof. Dr. Anna Berg).
		if (words.length > 0 && text[i + w.length] === '.' && TITLE_SET.has(titleKey(w)) && !words.every(isStackedTitle)) break;
		// "… Bank and the Organisation …" is two names: a joining word before "the" ends the run.
		if ((w === 'and' || w === '&' || w === 'or') && /^ the /.test(text.slice(i + w.length, i + w.length + 5))) break;
		words.push({start: i, end: i + w.length, text: w});
		// An apostrophe closing a title (Dato') or initials' last dot stays with the word.
		let next = initials !== null || TITLE_SET.has(titleKey(m[0])) ? i + m[0].length : i + w.length;
		// "Dr. Smith", "J. Smith": a dot after a title or an initial does not end the run.
		if (text[next] === '.' && capital && (w.length === 1 || TITLE_SET.has(titleKey(w)))) next++;
		// A title glued to the name after its dot (Mr.Paul Hopkins) opens it as after a space.
		if (text[next - 1] === '.' && TITLE_SET.has(titleKey(w)) && isUpperLatin(text.charCodeAt(next))) {
			i = next;
			continue;
		}
		// A hyphen or dash between two capitalised words, spaced or not (ASEAN Inter - Parliamentary
		// Assembly, Saudi - Thai Coordination Council), joins two halves of one name: the run goes on.
		// Only before a word with small letters: capitals there are an acronym (Term of Reference – TOR,
		// a name and its short form; THAIFEX–ANUGA ASIA reads as shouting once joined).
		// Before capitals too after a place's name, when a name of words follows (Japan - ASEAN
		// Integration Fund, written China-ASEAN… when glued): the place is the name's first half.
		const joined = capital && w.length >= 2 ? (HYPHEN_JOIN.exec(text.slice(next, next + 5)) ?? placeJoin(text, next, w)) : null;
		if (joined !== null && words.length < 12) {
			i = next + joined[0].length;
			joinedAt = words.length;
			continue;
		}
		if (text[next] !== ' ' || !isLatinLetter(text.charCodeAt(next + 1))) break;
		i = next + 1;
		if (words.length >= (joinedAt === undefined ? 8 : 12)) break;
	}
	// One word after the dash and a sentence after it (Charming of the Sea - Let's see…): the dash
	// opened the sentence, the name ended before it.
	if (joinedAt !== undefined && words.length === joinedAt + 1 && nextIsLowercaseWord(text, words[joinedAt]!.end)) words.length = joinedAt;
	while (words.length > 0 && !isUpperLatin(words[words.length - 1]!.text.charCodeAt(0))) words.pop();
	return words;
}

/** A hyphen or dash with a space on either side or none, then a capitalised word with small letters. */
const HYPHEN_JOIN = /^ ?[-–] ?(?=[A-Z][a-z])/;
/** A dash, then a word in capitals and a capitalised word with small letters (… - ASEAN Integration…). */
const DASH_BEFORE_NAME = /^ ?[-–] ?(?=[A-Z][A-Z0-9]* [A-Z][a-z])/;

/** The dash at `at` after `word`, a place the gazetteer knows, that opens a name of words (DASH_BEFORE_NAME). */
function placeJoin(text: string, at: number, word: string): RegExpExecArray | null {
	return gazetteer().latin.get(word)?.kind === 'place' ? DASH_BEFORE_NAME.exec(text.slice(at, at + 5 + 40)) : null;
}

/** Prefixes that make a kind of the word they are joined to (Non – Bank, Sub - Committee), no name. */
const BOUND_PREFIXES = new Set(['Non', 'Anti', 'Pre', 'Post', 'Multi', 'Semi', 'Sub', 'Self', 'Co', 'Ex']);

function insideUrl(text: string, pos: number): boolean {
	let s = pos;
	while (s > 0 && !/\s/.test(text[s - 1]!)) s--;
	let e = pos;
	while (e < text.length && !/\s/.test(text[e]!)) e++;
	const token = text.slice(s, e);
	return /:\/\/|www\.|@|\.(?:com|net|org|html?|php|asp|go\.th|co\.th|ac\.th)\b/i.test(token);
}

function skipToken(text: string, pos: number): number {
	let e = pos;
	while (e < text.length && !/\s/.test(text[e]!)) e++;
	return e;
}

function isAcronym(w: string): boolean {
	return /^[A-Z][A-Z0-9&-]*[A-Z0-9]$/.test(w) && /[A-Z].*[A-Z]|[A-Z][0-9]/.test(w);
}

function classify(ctx: DetectionContext, all: Word[]): void {
	const text = ctx.text;
	let words = all;
	// Latin titles, stacked or not, open a person's name (Mr. Smith, H.E. Mr. …, His Highness
	// Sheikh …, YB Dato' Sri Haji …); words such as Sri or His are titles only beside a title.
	let titleWords = 0;
	while (words.length - titleWords > 1) {
		const w = titleKey(words[titleWords]!.text);
		const next = titleKey(words[titleWords + 1]!.text);
		const stacked = LATIN_STACKED_TITLES.has(w) && (titleWords > 0 || TITLE_SET.has(next) || (w === 'tan' && next === 'sri'));
		if (!TITLE_SET.has(w) && !stacked) break;
		titleWords++;
	}
	// A stack must hold a real title: "The Sri…" alone is none.
	const tanSri = titleWords >= 2 && titleKey(words[0]!.text) === 'tan';
	if (titleWords > 0 && !tanSri && !words.slice(0, titleWords).some((w) => TITLE_SET.has(titleKey(w.text)))) titleWords = 0;
	let title: Word | undefined;
	if (titleWords > 0) {
		const first = words[0]!;
		const last = words[titleWords - 1]!;
		const end = text[last.end] === '.' || text[last.end] === "'" || text[last.end] === '’' ? last.end + 1 : last.end;
		title = {start: first.start, end, text: text.slice(first.start, end)};
		words = words.slice(titleWords);
	}
	// Honours after a name (… MP, … OBE) are not part of it.
	while (words.length > 1 && LATIN_POSTNOMINALS.has(words[words.length - 1]!.text)) words = words.slice(0, -1);
	while (words.length > 0 && LATIN_STOP.has(words[0]!.text)) words = words.slice(1);
	while (words.length > 0 && LATIN_PARTICLES.has(words[0]!.text.toLowerCase())) words = words.slice(1);
	if (words.length === 0) return;
	const start = words[0]!.start;
	const end = words[words.length - 1]!.end;
	const caps = words.filter((w) => isAcronym(w.text));
	// Shouting (three or more all-caps words) is not a name.
	if (caps.length >= 3 && caps.length === words.length) return;
	const name = text.slice(start, end);
	const gaz = gazetteer().latin.get(name);
	// "Japan and Thailand" is two places.
	if (gaz === undefined) {
		const and = words.findIndex((w) => w.text === 'and' || w.text === '&');
		if (and > 0 && gazetteer().latin.has(text.slice(start, words[and - 1]!.end))) {
			classify(ctx, words.slice(0, and));
			classify(ctx, words.slice(and + 1));
			return;
		}
	}
	if (words.length === 1) {
		const w = words[0]!.text;
		if (isAcronym(w)) {
			if (ACRONYM_STOP.has(w) || ROMAN.test(w) || w.length > 8 || /[0-9]/.test(w)) return;
			// Without a definition an acronym's kind is unknown (ASEAN is a body, TCAS an exam).
			ctx.add({start, end, kind: gaz?.kind ?? 'other', rule: 'acronym', priority: PRIORITY.acronym, placeKey: gaz?.key, closed: true});
			return;
		}
		if (w.length < 2 || (/^[A-Z][a-z]?$/.test(w) && w.length < 3) || ACRONYM_STOP.has(w)) return;
		if (gaz !== undefined && gazetteer().ambiguous.has(name)) return;
		// A capitalised word opening an English sentence or phrase (Smart card, Work from home) is no
		// name unless it is a known place; nor is an everyday word standing alone (Logo).
		if (gaz === undefined && title === undefined && (nextIsLowercaseWord(text, end) || LATIN_COMMON_WORDS.has(w) || LATIN_STOP.has(w))) return;
	}
	let kind: EntityKind = 'other';
	const last = words[words.length - 1]!.text;
	const first = words[0]!.text;
	// A prefix and a head joined by a dash (Non – Bank, "non-banks") is a kind of body, a thing: no body's name.
	const kindOfHead = words.length === 2 && BOUND_PREFIXES.has(first) && /^ ?[-–] ?$/.test(text.slice(words[0]!.end, words[1]!.start));
	if (gaz !== undefined) kind = gaz.kind;
	else if (kindOfHead) kind = 'other';
	else if (LATIN_ORG_HEADS.has(last) || (LATIN_ORG_HEADS.has(first) && LATIN_PARTICLES.has(words[1]?.text ?? ''))) kind = 'organization';
	else if (LATIN_PLACE_HEADS.has(last)) kind = 'place';
	else if (LATIN_OTHER_HEADS.has(last)) kind = 'other';
	else if (title !== undefined || followedByPosition(ctx, end)) kind = 'person';
	ctx.add({
		start,
		end,
		kind,
		rule: title !== undefined ? 'title-latin' : 'latin',
		title: title?.text,
		titleStart: title?.start,
		priority: title !== undefined ? PRIORITY.person : PRIORITY.latin,
		placeKey: gaz?.key,
		foreign: kind === 'person',
		closed: true,
		tokens: words.length,
	});
}

function nextIsLowercaseWord(text: string, pos: number): boolean {
	return text[pos] === ' ' && /[a-z]/.test(text[pos + 1] ?? '');
}

/** "John Smith เอกอัครราชทูต…": a Thai position right after a Latin name. */
function followedByPosition(ctx: DetectionContext, end: number): boolean {
	const text = ctx.text;
	const p = text[end] === ' ' ? end + 1 : end;
	return triggerTrie()
		.matchesAt(text, p)
		.some((m) => m.values.some((v) => v.type === 'position' || v.type === 'honorific'));
}
