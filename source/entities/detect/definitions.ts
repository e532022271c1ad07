// Definitions in brackets link the names on both sides: `สมาคมประชาชาติแห่งเอเชียตะวันออกเฉียงใต้
// (Association of Southeast Asian Nations หรือ ASEAN)`, `ความร่วมมือทางเศรษฐกิจเอเชีย-แปซิฟิก
// (APEC)`, `สำนักงาน… (สปส.)`. The Thai side is cut back to its head word, or, for a
// transliteration, to the words whose phonetic key is the Latin name's
// (`อีสเทิร์น อีโคโนมิก คอริดอร์ (Eastern Economic Corridor)`).

import {latinPhoneticKeys, thaiPhoneticKeyUncached, editDistance} from '../../text/phonetic.js';
import {ACRONYM_STOP, LATIN_COMMON_WORDS, LATIN_ORG_HEADS, LATIN_STOP, LATIN_OTHER_HEADS, LATIN_PLACE_HEADS, NON_NAME_ABBREVIATIONS, OTHER_HEADS} from '../lexicon.js';
import type {EntityKind} from '../types.js';
import {gazetteer} from '../gazetteer.js';
import {NO_PAUSE, type StepClock, type Steps, runSteps} from '../steps.js';
import {type Candidate, type DetectionContext, GENERIC, ORG_STOP, PRIORITY, isThaiNameChar} from './context.js';
import {FALSE_HEAD} from './head-name.js';
import {triggerTrie} from './trigger-trie.js';
import {abbreviates} from './short-form.js';

const BRACKET = /\(([^()\n]{1,160})\)/g;
const SEPARATOR = /\s*(?:หรือ|หรือที่เรียกว่า|หรือเรียกว่า|\bor\b|\baka\b|;|:|,)\s*/;
const LATIN_NAME = /^[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'’-]*(?: (?:(?:of|for|and|the|de|on|in|to|&) )*[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F0-9'’-]*)*$/;
const ACRONYM = /^[A-Z][A-Z0-9&-]*[A-Z0-9]s?$/;
/** กทม., ธ.ก.ส., สปสช: consonants, with dots or short. */
const THAI_ABBREVIATION = /^(?:[ก-ฮ]{1,5}\.)+[ก-ฮ]{0,4}$|^[ก-ฮ]{2,5}$/;
/** Words that may sit inside a long Thai name between its head and the bracket. */
const INNER = new Set(['และ', 'ของ', 'ใน', 'ที่', 'แห่ง', 'เพื่อ', 'ต่อ', 'ด้วย', 'ระหว่าง']);
const OTHER_HEAD_SET = new Set(OTHER_HEADS);
/** Words that may open what follows a head (ธนาคาร|เพื่อ…, ธนาคาร|แห่ง…): with a short form spelling it. */
const OPENS_COMPLEMENT = new Set(['เพื่อ', 'แห่ง']);

interface Part {
	start: number;
	end: number;
	text: string;
	type: 'latin' | 'acronym' | 'thai-abbreviation';
}

export function detectDefinitions(ctx: DetectionContext): void {
	runSteps(detectDefinitionsSteps(ctx, NO_PAUSE));
}

/** The same in steps. */
export function* detectDefinitionsSteps(ctx: DetectionContext, clock: StepClock): Steps<void> {
	const text = ctx.text;
	// A pattern of its own: another article's detection may run while this one is paused.
	const bracket = new RegExp(BRACKET.source, BRACKET.flags);
	for (let m = bracket.exec(text); m !== null; m = bracket.exec(text)) {
		if (clock.due()) yield* clock.pause();
		const open = m.index;
		const parts = splitParts(text, open + 1, m[1]!);
		if (parts.length === 0) continue;
		let leftEnd = open;
		while (leftEnd > 0 && text[leftEnd - 1] === ' ') leftEnd--;
		// (รมว.พม.) abbreviates a title with its ministry: it defines a position, not a name.
		if (parts.some((p) => p.type === 'thai-abbreviation' && TITLE_ABBREVIATION.test(p.text))) continue;
		const latin = parts.find((p) => p.type === 'latin');
		// A Thai short form defines only a name it abbreviates (กรมทางหลวงชนบท (ทช.), not การประชุม… (ครม.)).
		const abbreviation = latin === undefined ? parts.find((p) => p.type === 'thai-abbreviation') : undefined;
		const left = findLeft(ctx, leftEnd, latin, abbreviation?.text);
		// A body the gazetteer knows (สหประชาชาติ) is defined only by its own names (UN, United Nations):
		// what else is in the bracket names the longer phrase it ends (…ของสหประชาชาติ (UN SDGs)).
		if (left?.existing?.rule === 'gazetteer' && !parts.every((p) => isGazetteerName(p.text, left!.existing!.placeKey))) continue;
		// A Latin name of another kind is no definition of the left side (กระทรวง… (… Partnership Initiative)).
		const latinHeadKind = latin !== undefined ? latinKind(latin.text) : undefined;
		if (left?.kind !== undefined && left.kind !== 'other' && latinHeadKind !== undefined && latinHeadKind !== left.kind) continue;
		let kind: EntityKind | undefined = left?.kind !== undefined && left.kind !== 'other' ? left.kind : undefined;
		if (kind === undefined && latin !== undefined) kind = latinKind(latin.text);
		if (kind === undefined && left?.headKind !== undefined) kind = left.headKind;
		// Bare acronyms with nothing to define them are common (units, codes): only keep a definition.
		if (left === undefined && parts.every((p) => p.type !== 'latin')) continue;
		// An acronym defined alone is mostly a body's (ครม., กสทช.); a Latin name with no body's word in
		// it (Automatic Identification System: AIS, Grant Fund) names a thing, not a body.
		kind ??= parts.some((p) => p.type !== 'latin') && latin === undefined ? 'organization' : 'other';
		if (kind === 'person') continue;
		// A place on one side only is a qualifier, not a definition: บริษัท X (Thailand), ในไทย (… : JFCCT).
		const placeParts = parts.filter((p) => p.type === 'latin' && gazetteer().latin.has(p.text)).length;
		const leftIsPlace = (left?.existing?.placeKey !== undefined && left.existing.kind !== 'organization') || left?.kind === 'place';
		if (placeParts > 0 && !leftIsPlace) continue;
		if (leftIsPlace && placeParts === 0 && left?.existing?.placeKey !== undefined) continue;
		const group = ctx.newGroup();
		if (left !== undefined) {
			if (left.existing !== undefined) {
				left.existing.group = group;
				// The name it stands for runs on with it (รมว.การอุดมศึกษา วิทยาศาสตร์ … (อว.): the whole ministry).
				if (left.existing.linkAlias !== undefined) left.existing.linkAlias += text.slice(left.existing.end, leftEnd);
				left.existing.end = leftEnd;
				left.existing.closed = true;
				if (left.existing.kind === 'other') left.existing.kind = kind;
				left.existing.priority = Math.max(left.existing.priority, PRIORITY.definition);
			} else {
				ctx.add({start: left.start, end: leftEnd, kind, rule: 'definition', priority: PRIORITY.definition, group, closed: true});
			}
		}
		for (const part of parts) {
			ctx.add({start: part.start, end: part.end, kind, rule: 'definition', priority: PRIORITY.definition, group, closed: true});
		}
	}
}

/** Prepositions that make a place glued after them a qualifier of the phrase before (ใน|ภูมิภาค…, ของ|ประเทศ…). */
const QUALIFYING_BEFORE = new Set(['ใน', 'ของ', 'แห่ง', 'จาก', 'ระหว่าง', 'สู่', 'ทั่ว']);

/**
 * [start, end) is a place the gazetteer knows, alone or after a place's head (ภูมิภาค|เอเชีย), glued
 * after "in", "of"…: the end of a longer phrase (…ความไว้เนื้อเชื่อใจใน|ภูมิภาคเอเชีย (CICA)), which
 * the acronym after it names, not the place. A zone named in its own words (ใน|เขตพัฒนาพิเศษ…) is
 * no known place and may be defined.
 */
function qualifyingPlace(ctx: DetectionContext, start: number, end: number): boolean {
	const text = ctx.text;
	if (start === 0 || !isThaiNameChar(text.charCodeAt(start - 1)) || !QUALIFYING_BEFORE.has(ctx.words.wordBefore(start))) return false;
	const gaz = gazetteer();
	if (gaz.thai.has(text.slice(start, end))) return true;
	return triggerTrie()
		.matchesAt(text, start)
		.some((m) => m.values.some((v) => v.type === 'place') && gaz.thai.has(text.slice(m.end, end)));
}

/** `name` is one of the gazetteer's Latin names of the body or place with this key, or the key itself. */
function isGazetteerName(name: string, key: string | undefined): boolean {
	return key !== undefined && (name === key || gazetteer().latin.get(name)?.key === key);
}

function splitParts(text: string, innerStart: number, inner: string): Part[] {
	const parts: Part[] = [];
	let offset = 0;
	for (const raw of inner.split(SEPARATOR)) {
		const at = inner.indexOf(raw, offset);
		offset = at + raw.length;
		const trimmed = raw.trim();
		if (trimmed === '') continue;
		const start = innerStart + at + raw.indexOf(trimmed);
		const end = start + trimmed.length;
		if (text.slice(start, end) !== trimmed) continue;
		if (ACRONYM.test(trimmed) && (trimmed.match(/[A-Z]/g)?.length ?? 0) >= 2 && !ACRONYM_STOP.has(trimmed)) {
			parts.push({start, end, text: trimmed, type: 'acronym'});
		} else if (ACRONYM_STOP.has(trimmed)) {
			continue;
		} else if (LATIN_NAME.test(trimmed) && trimmed.length >= 3 && /[a-z]/.test(trimmed) && !LATIN_COMMON_WORDS.has(trimmed) && !LATIN_STOP.has(trimmed)) {
			parts.push({start, end, text: trimmed, type: 'latin'});
		} else if (
			THAI_ABBREVIATION.test(trimmed) &&
			!NON_NAME_ABBREVIATIONS.has(trimmed) &&
			trimmed.replace(/[^ก-ฮ]/g, '').length >= 2 &&
			trimmed.length <= 10 &&
			(trimmed.includes('.') || trimmed.length <= 6)
		) {
			parts.push({start, end, text: trimmed, type: 'thai-abbreviation'});
		}
	}
	return parts;
}

function latinKind(name: string): EntityKind | undefined {
	const words = name.split(' ');
	const last = words[words.length - 1]!;
	if (LATIN_ORG_HEADS.has(last) || LATIN_ORG_HEADS.has(words[0]!)) return 'organization';
	if (LATIN_PLACE_HEADS.has(last)) return 'place';
	if (LATIN_OTHER_HEADS.has(last)) return 'other';
	return undefined;
}

interface Left {
	start: number;
	kind?: EntityKind;
	headKind?: EntityKind;
	existing?: Candidate;
}

/**
 * The defined name before the bracket that ends at `leftEnd`; with a Thai `shortForm` in the bracket,
 * the longest name found there that it abbreviates, else the earliest head's phrase that it does.
 */
function findLeft(ctx: DetectionContext, leftEnd: number, latin: Part | undefined, shortForm: string | undefined): Left | undefined {
	const text = ctx.text;
	if (leftEnd === 0) return undefined;
	// A transliteration of the Latin name: the shortest run of words before the bracket whose key matches.
	if (latin !== undefined && isThaiNameChar(text.charCodeAt(leftEnd - 1))) {
		const aligned = alignTransliteration(ctx, leftEnd, latin.text);
		if (aligned !== undefined) {
			const existing = ctx.candidates.find((c) => c.start === aligned && c.end === leftEnd);
			return {start: aligned, existing, kind: existing?.kind};
		}
	}
	// A name already found that ends right there (an organisation by its head, a Latin run).
	// A bare gazetteer place is no definition of an acronym (ในประเทศไทย (… in Thailand: JFCCT));
	// a body the gazetteer knows is (สหประชาชาติ (UN)).
	const fits = (start: number): boolean => shortForm === undefined || abbreviates(text.slice(start, leftEnd), shortForm);
	let best: Candidate | undefined;
	for (const c of ctx.candidates) {
		if (c.end !== leftEnd || c.kind === 'person' || (c.rule === 'gazetteer' && c.kind !== 'organization')) continue;
		if (best !== undefined && c.end - c.start <= best.end - best.start) continue;
		// Nor is a place glued after "in", "of" (…ความไว้เนื้อเชื่อใจใน|ภูมิภาคเอเชีย (CICA)): it ends the
		// phrase the acronym names, as its qualifier.
		if (c.kind === 'place' && qualifyingPlace(ctx, c.start, c.end)) continue;
		if (fits(c.start)) best = c;
	}
	if (best !== undefined) return {start: best.start, existing: best, kind: best.kind};
	if (!isThaiNameChar(text.charCodeAt(leftEnd - 1))) return undefined;
	// Else the earliest head word in the phrase from which the words run to the bracket unbroken,
	// or a name found there that was cut short (กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ (พม.)).
	const phrase = ctx.words.phraseAt(leftEnd);
	const trie = triggerTrie();
	for (const pass of ['head', 'other'] as const) {
		let knownTo = 0;
		for (const offset of phrase.offsets) {
			const b = phrase.start + offset;
			if (b >= leftEnd) break;
			// Only the longest word starting here counts (รัฐมนตรี is a position, not the head รัฐ).
			const all = trie.matchesAt(text, b).filter((mt) => mt.end <= leftEnd);
			// A head word inside a place the gazetteer knows heads nothing (ราชอาณาจักร in สหราชอาณาจักร).
			const insideKnown = b < knownTo;
			for (const mt of all) if (mt.values.some((v) => v.type === 'gazetteer')) knownTo = Math.max(knownTo, mt.end);
			if (insideKnown) continue;
			const longest = all[all.length - 1];
			const heads =
				longest !== undefined && longest.values.some((v) => v.type === 'org' || v.type === 'standalone' || v.type === 'place') && !FALSE_HEAD.test(text.slice(b, leftEnd))
					? [longest]
					: [];
			const otherHead = pass === 'other' ? OTHER_HEADS.find((h) => text.startsWith(h, b) && b + h.length < leftEnd) : undefined;
			if (heads.length === 0 && otherHead === undefined) continue;
			// A known place under its head glued after "in", "of" is a qualifier of the phrase before, as above.
			if (heads.length > 0 && heads[0]!.values.every((v) => v.type === 'place') && qualifyingPlace(ctx, b, leftEnd)) continue;
			const headEnd = heads.length > 0 ? heads[heads.length - 1]!.end : b + otherHead!.length;
			// A head needs a name after it (ข้ามประเทศ (Cross-Border …) defines no ประเทศ).
			if (headEnd >= leftEnd || !runsUnbroken(ctx, headEnd, leftEnd)) continue;
			const first = ctx.words.wordAt(headEnd) || text.slice(headEnd, leftEnd);
			// A joining word may open it when the short form spells the whole (ธนาคาร|เพื่อการเกษตรและสหกรณ์การเกษตร (ธ.ก.ส.)).
			if ((GENERIC.has(first) || ORG_STOP.has(first)) && (shortForm === undefined || !OPENS_COMPLEMENT.has(first))) continue;
			if (!fits(b)) continue;
			const existing = ctx.candidates.find((c) => c.start === b && c.kind !== 'person');
			const headKind: EntityKind =
				heads.length > 0
					? heads[heads.length - 1]!.values.some((v) => v.type === 'place')
						? 'place'
						: 'organization'
					: OTHER_HEAD_SET.has(otherHead!)
						? 'other'
						: 'organization';
			return {start: b, existing, headKind, kind: existing?.kind};
		}
	}
	return shortForm === undefined ? undefined : spacedLeft(ctx, leftEnd, shortForm);
}

/** Words set apart by spaces that a body's name may run on over to its short form in brackets. */
const MAX_SPACED_WORDS = 3;
/** Joining words that may open one of them (… วิจัย และนวัตกรรม (อว.)). */
const SPACED_JOINERS = new Set(['และ', 'แห่ง', 'เพื่อ']);

/**
 * A body found before up to three more space-separated words (กระทรวงการอุดมศึกษา วิทยาศาสตร์
 * วิจัยและนวัตกรรม (อว.)): its name runs on to the bracket when the short form spells the whole
 * but not the body's own name (a letter stands for a later word), and each word is a name's (no
 * clause word opens or breaks it).
 */
function spacedLeft(ctx: DetectionContext, leftEnd: number, shortForm: string): Left | undefined {
	const text = ctx.text;
	let tokenEnd = leftEnd;
	for (let t = 0; t < MAX_SPACED_WORDS; t++) {
		let s = tokenEnd;
		while (s > 0 && isThaiNameChar(text.charCodeAt(s - 1))) s--;
		if (s === tokenEnd || s < 2 || text[s - 1] !== ' ' || !isThaiNameChar(text.charCodeAt(s - 2))) return undefined;
		const first = ctx.words.wordAt(s);
		if ((GENERIC.has(first) || ORG_STOP.has(first)) && !SPACED_JOINERS.has(first)) return undefined;
		if (!runsUnbroken(ctx, s, tokenEnd)) return undefined;
		tokenEnd = s - 1;
		const body = ctx.candidates.find((c) => c.end === tokenEnd && c.kind === 'organization');
		if (body === undefined) continue;
		const spelled = abbreviates(text.slice(body.start, leftEnd), shortForm) && !abbreviates(text.slice(body.start, body.end), shortForm);
		return spelled ? {start: body.start, existing: body, kind: body.kind} : undefined;
	}
	return undefined;
}

function runsUnbroken(ctx: DetectionContext, from: number, to: number): boolean {
	const trie = triggerTrie();
	let skipTo = from;
	for (const b of ctx.words.boundsBetween(from, to)) {
		if (b >= to) break;
		if (b < skipTo) continue;
		// A place the gazetteer knows runs whole: ภาค|ตะวัน|ออก is ภาคตะวันออก, not the verb ออก.
		const known = trie.matchesAt(ctx.text, b).filter((mt) => mt.end <= to && mt.values.some((v) => v.type === 'gazetteer'));
		if (known.length > 0) {
			skipTo = known[known.length - 1]!.end;
			continue;
		}
		const w = ctx.words.wordAt(b);
		if (ORG_STOP.has(w) && !INNER.has(w)) return false;
	}
	return true;
}

/**
 * Start of the Thai words before `end` that spell the Latin name: tries each word start in the
 * last five space-separated tokens, takes an exact key match, else the closest within one class.
 */
function alignTransliteration(ctx: DetectionContext, end: number, latin: string): number | undefined {
	const keys = latinPhoneticKeys(latin);
	if (keys.length === 0 || keys[0]!.length < 3) return undefined;
	const text = ctx.text;
	const starts: number[] = [];
	let tokenEnd = end;
	for (let t = 0; t < 5 && tokenEnd > 0; t++) {
		let s = tokenEnd;
		while (s > 0 && isThaiNameChar(text.charCodeAt(s - 1))) s--;
		if (s === tokenEnd) break;
		const phrase = ctx.words.phraseAt(s);
		for (const offset of phrase.offsets) {
			const b = phrase.start + offset;
			if (b >= s && b < tokenEnd) starts.push(b);
		}
		if (s === 0 || text[s - 1] !== ' ') break;
		tokenEnd = s - 1;
	}
	let best: number | undefined;
	let bestDistance = Infinity;
	// A key has at most one class per consonant (or ำ, ํ): spans too short for the shortest Latin key
	// (less one edit) cannot match, and the spans only get shorter in this order.
	const shortest = Math.min(...keys.map((k) => k.length));
	for (const s of starts.sort((a, b) => a - b)) {
		if (keyLetters(text, s, end) < shortest - 1) break;
		// Each span is keyed once: the shared cache would only fill with them.
		const key = thaiPhoneticKeyUncached(text.slice(s, end));
		for (const k of keys) {
			const d = key === k ? 0 : k.length >= 6 && Math.abs(key.length - k.length) <= 1 ? editDistance(key, k) : Infinity;
			if (d < bestDistance && d <= 1) {
				best = s;
				bestDistance = d;
			}
		}
	}
	return best;
}

/** Letters of text[start, end) that may give a class of a Thai phonetic key: consonants, ำ and ํ. */
function keyLetters(text: string, start: number, end: number): number {
	let n = 0;
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if ((c >= 0x0e01 && c <= 0x0e2e) || c === 0x0e33 || c === 0x0e4d) n++;
	}
	return n;
}

const TITLE_ABBREVIATION = /^(?:รมว|รมช|รมต|ผอ|ผบ|ผกก|ผบก|ผวจ|ปลัด|อธ|รอง)\./;
