// Second look at an article once its names are known: the same names again without a title
// (ฮุน มาเนต กล่าวว่า…), and short forms of a person's full name (a surname, a family name)
// where the context makes them a name. A short form is linked only when exactly one full name in
// the article has it; a one-syllable short form (หวัง of หวัง อี้) also needs a clear left edge
// and a verb after it, so ความหวัง (hope) and ผิดหวัง (disappointed) stay what they are.

import {thaiFineKey, thaiPhoneticKey, phoneticKeys, editDistance} from '../../text/phonetic.js';
import {HONORIFICS, POSITIONS, RANKS} from '../lexicon.js';
import {NO_PAUSE, type StepClock, type Steps, runSteps} from '../steps.js';
import {
	type Candidate,
	type DetectionContext,
	KNOWN_AFTER,
	KNOWN_BEFORE,
	PRIORITY,
	VERB_SET,
	isCombining,
	isLatinLetter,
	isThaiNameChar,
	uniformCandidate,
} from './context.js';
import {occurrencesOfAll} from './occurrences.js';

/** Words after which a name may start without a space (และหวัง…, กับมาครง…). */
const LEFT_CONTEXT = new Set(['และ', 'กับ', 'โดย', 'ว่า', 'ของ', 'ถึง', 'ต่อ', 'ให้', 'จาก', 'ระหว่าง', 'ซึ่ง', 'ขณะที่', 'ที่', 'เมื่อ', 'แต่', 'ทั้ง', 'พร้อม', 'โดยที่', 'ด้าน', 'ทาง']);
const TITLE_WORDS = new Set([...HONORIFICS, ...RANKS, ...POSITIONS]);
const JOINERS = new Set(['และ', 'กับ']);

export class Occupancy {
	private readonly taken: Uint8Array;
	constructor(length: number) {
		this.taken = new Uint8Array(length + 1);
	}
	mark(start: number, end: number): void {
		this.taken.fill(1, start, end);
	}
	unmark(start: number, end: number): void {
		this.taken.fill(0, start, end);
	}
	free(start: number, end: number): boolean {
		for (let i = start; i < end; i++) if (this.taken[i] === 1) return false;
		return true;
	}
	isTaken(pos: number): boolean {
		return this.taken[pos] === 1;
	}
}

/**
 * A name may start or end at `pos`: the text ends or changes script there, a known word is glued
 * on the other side, or (for `segmenter`) the word segmenter puts a boundary there. The word lists
 * come first: the segmenter cuts unknown names badly where a known word follows (ซาน|เช|ซก|ล่า).
 */
function isEdge(ctx: DetectionContext, pos: number, side: 'start' | 'end', segmenter = true): boolean {
	const text = ctx.text;
	if (pos <= 0 || pos >= text.length) return true;
	const before = text.charCodeAt(pos - 1);
	const after = text.charCodeAt(pos);
	if (isLatinLetter(before) && isLatinLetter(after)) return false;
	if (isCombining(after)) return false;
	if (!isThaiNameChar(before) || !isThaiNameChar(after)) return true;
	if (side === 'start' ? KNOWN_BEFORE.endingAt(text, pos) > 0 : KNOWN_AFTER.startsAt(text, pos)) return true;
	return segmenter && ctx.words.isBoundary(pos);
}

/** A clear left edge: text start, a space or punctuation, a joining word, or a title. */
function leftContext(ctx: DetectionContext, start: number): boolean {
	if (start === 0) return true;
	const prev = ctx.text.charCodeAt(start - 1);
	if (!isThaiNameChar(prev)) return !isLatinLetter(prev);
	const before = ctx.words.wordBefore(start);
	return LEFT_CONTEXT.has(before) || TITLE_WORDS.has(before);
}

/** A verb right after (one space allowed), or "และ/กับ" and another person. */
function rightContext(ctx: DetectionContext, end: number, occupied: Occupancy, personStarts: Set<number>): boolean {
	const text = ctx.text;
	let p = end;
	if (text[p] === ' ') p++;
	if (p >= text.length || !isThaiNameChar(text.charCodeAt(p))) return false;
	const word = ctx.firstWord(p, ctx.thaiRunEnd(p));
	if (VERB_SET.has(word)) return true;
	if (JOINERS.has(word)) {
		let q = p + word.length;
		if (text[q] === ' ') q++;
		return personStarts.has(q) && occupied.isTaken(q);
	}
	return false;
}

/** Space or punctuation after. */
function hardRight(text: string, end: number): boolean {
	return end >= text.length || !isThaiNameChar(text.charCodeAt(end));
}

const CLASS_LETTERS: Record<string, string> = {
	K: 'กขฃคฅฆ',
	T: 'ดตถทธฎฏฐฑฒ',
	P: 'บปผพภ',
	F: 'ฝฟว',
	S: 'ซศษสจฉชฌ',
	M: 'มำ',
	N: 'นณญ',
	G: 'ง',
	L: 'ลรฬฤฦ',
	H: 'หฮ',
};
/** Letters and marks a key skips: vowels, tone marks, อ ย ว ห, and a consonant silenced by ์. */
const FILL = '(?:[ะ-ฺเ-ไ็-๎อยวหญ]|[ก-ฮ][ิุ]?์)*';

/** A pattern for spellings of a Thai name with the same phonetic key (มาครง, มาคร็อง, มาครอง). */
function variantPattern(key: string): RegExp {
	const parts = [...key].map((c) => `[${CLASS_LETTERS[c] ?? ''}]`);
	return new RegExp(`[เ-ไ]?${parts.join(FILL)}`, 'g');
}

/** Extends a match over trailing vowel signs, tone marks and silenced letters (ชาร์ลส์). */
function extendOverMarks(text: string, end: number): number {
	let e = end;
	for (;;) {
		const c = text.charCodeAt(e);
		if ((c >= 0x0e30 && c <= 0x0e3a && c !== 0x0e33) || (c >= 0x0e47 && c <= 0x0e4e) || c === 0x0e32) {
			e++;
			continue;
		}
		if (c >= 0x0e01 && c <= 0x0e2e && text.charCodeAt(e + 1) === 0x0e4c) {
			e += 2;
			continue;
		}
		if ((c === 0x0e22 || c === 0x0e27 || c === 0x0e2d) && !isThaiNameChar(text.charCodeAt(e + 1))) {
			e++;
			continue;
		}
		return e;
	}
}

interface ShortForm {
	text: string;
	group: number;
	foreign: boolean;
	latin: boolean;
	/** Phonetic key length: 1–2 is one syllable, which needs more context. */
	keyLength: number;
	kind: Candidate['kind'];
}

export function detectRepeats(ctx: DetectionContext, accepted: Candidate[], occupied: Occupancy): Candidate[] {
	return runSteps(detectRepeatsSteps(ctx, accepted, occupied, NO_PAUSE));
}

/** Units of work a place where a name occurs counts for (its edges may need segmenting). */
const OCCURRENCE_WORK = 8;

/** The same in steps. */
export function* detectRepeatsSteps(ctx: DetectionContext, accepted: Candidate[], occupied: Occupancy, clock: StepClock): Steps<Candidate[]> {
	const text = ctx.text;
	const found: Candidate[] = [];
	const add = (c: Candidate): void => {
		found.push(uniformCandidate(c));
		occupied.mark(c.start, c.end);
	};
	const personStarts = new Set(accepted.filter((c) => c.kind === 'person').map((c) => c.start));

	// 1. Whole names again (persons with a full name, definitions, Latin names, named places).
	const names = new Map<string, Candidate | null>();
	for (const c of accepted) {
		const s = text.slice(c.start, c.end);
		const wholeName = (c.kind === 'person' && (c.tokens ?? 1) >= 2) || (c.kind !== 'person' && c.end - c.start >= 3 && c.rule === 'definition');
		if (!wholeName) continue;
		const prev = names.get(s);
		names.set(s, prev === undefined || prev?.group === c.group ? c : null);
	}
	const nameAt = occurrencesOfAll(
		text,
		[...names].filter(([, source]) => source !== null).map(([s]) => s),
	);
	for (const [s, source] of names) {
		if (source === null) continue;
		for (const at of nameAt.get(s) ?? []) {
			if (clock.tick(OCCURRENCE_WORK)) yield* clock.pause();
			const end = at + s.length;
			if (!occupied.free(at, end) || !isEdge(ctx, at, 'start') || !isEdge(ctx, end, 'end')) continue;
			add({
				start: at,
				end,
				kind: source.kind,
				rule: 'repeat',
				priority: PRIORITY.repeat,
				group: source.group,
				foreign: source.foreign,
				placeKey: source.placeKey,
				closed: true,
				tokens: source.tokens,
			});
			if (source.kind === 'person') personStarts.add(at);
		}
	}

	// 2. Short forms of full names: first and last token.
	const shortForms = new Map<string, ShortForm | null>();
	const offer = (s: string, c: Candidate): void => {
		if (s.length < 1) return;
		const latin = !/[\u0E00-\u0E7F]/.test(s);
		const keyLength = latin ? (phoneticKeys(s)[0]?.length ?? 0) : thaiPhoneticKey(s).length;
		if (keyLength === 0) return;
		const prev = shortForms.get(s);
		if (prev !== undefined && (prev === null || prev.group !== c.group)) {
			shortForms.set(s, null);
			return;
		}
		shortForms.set(s, {text: s, group: c.group!, foreign: c.foreign === true, latin, keyLength, kind: c.kind});
	};
	const fullNames = accepted.filter((c) => c.kind === 'person' && (c.tokens ?? 1) >= 2);
	for (const c of fullNames) {
		const tokens = text.slice(c.start, c.end).split(' ');
		offer(tokens[tokens.length - 1]!, c);
		offer(tokens[0]!, c);
	}
	// Titled one-token names that are a full name's short form join it (ประธานาธิบดีมาครง → เอมมานูเอล มาครง).
	const byKey = new Map<string, ShortForm | null>();
	for (const sf of shortForms.values()) {
		if (sf === null || !sf.foreign || sf.keyLength < 3) continue;
		const key = sf.latin ? phoneticKeys(sf.text)[0]! : thaiPhoneticKey(sf.text);
		const prev = byKey.get(key);
		byKey.set(key, prev === undefined || prev?.group === sf.group ? sf : null);
	}
	for (const c of accepted) {
		if (c.kind !== 'person' || (c.tokens ?? 1) !== 1) continue;
		const s = text.slice(c.start, c.end);
		let sf = shortForms.get(s);
		if (sf === undefined && c.foreign) sf = byKey.get(thaiPhoneticKey(s));
		if (sf === undefined || sf === null) continue;
		c.group = sf.group;
		c.short = true;
	}
	const shortAt = occurrencesOfAll(
		text,
		[...shortForms.values()].flatMap((sf) => (sf === null ? [] : [sf.text])),
	);
	for (const sf of shortForms.values()) {
		if (sf === null) continue;
		for (const at of shortAt.get(sf.text) ?? []) {
			if (clock.tick(OCCURRENCE_WORK)) yield* clock.pause();
			const end = at + sf.text.length;
			if (!occupied.free(at, end) || !isEdge(ctx, at, 'start') || !isEdge(ctx, end, 'end')) continue;
			if (!shortFormContext(ctx, sf, at, end, occupied, personStarts)) continue;
			add({start: at, end, kind: 'person', rule: 'short-form', priority: PRIORITY.repeat, group: sf.group, short: true, foreign: sf.foreign, closed: true, tokens: 1});
			personStarts.add(at);
		}
	}

	// 3. Spelling variants of a foreign short form (มาคร็อง for มาครง).
	for (const [key, sf] of byKey) {
		if (sf === null || sf.latin) continue;
		if (clock.due()) yield* clock.pause();
		const pattern = variantPattern(key);
		for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
			if (clock.tick(OCCURRENCE_WORK)) yield* clock.pause();
			const at = m.index;
			const end = extendOverMarks(text, at + m[0].length);
			pattern.lastIndex = Math.max(pattern.lastIndex, end);
			const s = text.slice(at, end);
			// The coarse key finds candidates; the finer one (vowels kept) decides: มาคร็อง ≈ มาครง, พัฒนา ≠ ไบเดน.
			if (s === sf.text || thaiPhoneticKey(s) !== key || editDistance(thaiFineKey(s), thaiFineKey(sf.text)) > 1) continue;
			// A spelling variant needs clear edges from the word lists, not only from the segmenter.
			if (!occupied.free(at, end) || !isEdge(ctx, at, 'start', false) || !isEdge(ctx, end, 'end', false)) continue;
			add({start: at, end, kind: 'person', rule: 'short-form', priority: PRIORITY.repeat, group: sf.group, short: true, foreign: true, closed: true, tokens: 1});
			personStarts.add(at);
		}
	}

	// One-syllable short forms may lean on a person found just now (หวังและมาคร็อง…): one more pass.
	for (const sf of shortForms.values()) {
		if (sf === null || sf.keyLength > 2) continue;
		for (const at of shortAt.get(sf.text) ?? []) {
			if (clock.tick(OCCURRENCE_WORK)) yield* clock.pause();
			const end = at + sf.text.length;
			if (!occupied.free(at, end) || !isEdge(ctx, at, 'start') || !isEdge(ctx, end, 'end')) continue;
			if (!shortFormContext(ctx, sf, at, end, occupied, personStarts)) continue;
			add({start: at, end, kind: 'person', rule: 'short-form', priority: PRIORITY.repeat, group: sf.group, short: true, foreign: sf.foreign, closed: true, tokens: 1});
		}
	}
	return found;
}

function shortFormContext(ctx: DetectionContext, sf: ShortForm, at: number, end: number, occupied: Occupancy, personStarts: Set<number>): boolean {
	const left = leftContext(ctx, at);
	// A foreign name of several syllables is distinctive: its word edges are enough.
	if ((sf.foreign || sf.latin) && sf.keyLength >= 3) return left || ctx.words.isBoundary(at);
	if (!left) return false;
	if (rightContext(ctx, end, occupied, personStarts)) return true;
	// A Thai given name or surname standing alone between spaces.
	return sf.keyLength >= 3 && hardRight(ctx.text, end) && !sf.latin;
}
