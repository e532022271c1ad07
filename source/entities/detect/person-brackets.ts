// A person's name in both scripts, as the article itself gives it: `นายสมชาย ใจดี (Somchai Jaidee)`
// and `Somchai Jaidee (สมชาย ใจดี)`. The two spellings become one group (one entity). The bracket
// must hold a whole name: a Latin name of two words or more without a head word of a body or a
// place; a Thai name after a Latin one needs its title, or a sound that matches the Latin name.

import {latinPhoneticKeys, thaiPhoneticKey} from '../../text/phonetic.js';
import {gazetteer} from '../gazetteer.js';
import {LATIN_ORG_HEADS, LATIN_OTHER_HEADS, LATIN_PLACE_HEADS, LATIN_TITLES} from '../lexicon.js';
import {type Candidate, type DetectionContext, PERSON_STOP, PRIORITY} from './context.js';

const BRACKET = /\(([^()\n]{3,80})\)/g;
/** Two to five capitalised words, with the particles of Arabic, Malay and European names between. */
const LATIN_PERSON = /^[A-Z][A-Za-z'’.-]+(?: (?:[A-Z][A-Za-z'’.-]*|bin|binti|bint|van|von|de|del|la|le|da|di|al|el|dos))+$/;
/** Latin titles as a glued title is looked up (lower case, no dot). */
const TITLE_SET = new Set(LATIN_TITLES.map((t) => t.toLowerCase().replace(/[.'’]+$/, '')));
const THAI_NAME = /^[ก-๎]+(?:[ -][ก-๎]+){0,3}$/;

export function detectPersonBrackets(ctx: DetectionContext): void {
	const text = ctx.text;
	const bracket = new RegExp(BRACKET.source, BRACKET.flags);
	for (let m = bracket.exec(text); m !== null; m = bracket.exec(text)) {
		const inner = m[1]!.trim();
		const innerStart = m.index + 1 + m[1]!.indexOf(inner);
		const innerEnd = innerStart + inner.length;
		let leftEnd = m.index;
		while (leftEnd > 0 && text[leftEnd - 1] === ' ') leftEnd--;
		if (text.charCodeAt(leftEnd - 1) === 0x0e2f) leftEnd--;
		const left = ctx.candidates.find((c) => c.end === leftEnd && (c.kind === 'person' || c.kind === 'other'));
		if (left === undefined) continue;
		if (left.kind === 'person' && isLatinPersonName(inner)) {
			const name = latinNameInside(ctx, innerStart, innerEnd);
			join(ctx, left, name.start, name.end, name.title);
		} else if (left.kind === 'person' || isLatinPersonName(text.slice(left.start, left.end))) {
			// Latin (Thai): the Thai side carries its title, or sounds like the Latin name.
			const titled = ctx.candidates.find((c) => c.kind === 'person' && c.start >= innerStart && c.end === innerEnd);
			if (titled !== undefined) join(ctx, left, titled.start, titled.end);
			else if (THAI_NAME.test(inner) && soundsAlike(text.slice(left.start, left.end), inner) && !PERSON_STOP.has(ctx.firstWord(innerStart, innerEnd))) {
				join(ctx, left, innerStart, innerEnd);
			}
		}
	}
}

/**
 * A person the article writes in both scripts with no bracket between (`Mr. Jan Novak … นายยาน
 * โนวัก กล่าว…`, or a post between the name and its bracket): a Latin person's name and a Thai
 * person's name of as many words, every word sounding like the one in its place, are one person in
 * this article. Runs on the article's final names (the tagger's too), each with its group: the Thai
 * name's group joins the Latin one's, and the Thai spelling, now known to be a transliteration, links across the corpus as a
 * foreign name does. A Thai name two Latin people of the article sound like is joined to neither.
 */
export function joinSpelledAlike(text: string, names: Candidate[]): void {
	let latin: Candidate[] | undefined;
	for (const c of names) {
		// A Latin person's name: titled, or given by a bracket (a capitalised pair with no title may be anything).
		if (c.short || c.kind !== 'person' || !isLatinPersonName(text.slice(c.start, c.end))) continue;
		(latin ??= []).push(c);
	}
	if (latin === undefined) return;
	for (const thai of names) {
		if (thai.kind !== 'person' || thai.short) continue;
		const name = text.slice(thai.start, thai.end);
		if (!THAI_NAME.test(name) || !/[ -]/.test(name)) continue;
		const groups = new Set<number | undefined>();
		for (const l of latin) if (soundsAlike(text.slice(l.start, l.end), name)) groups.add(l.group);
		if (groups.size !== 1) continue;
		const match = latin.find((l) => groups.has(l.group))!;
		thai.foreign = true;
		const from = thai.group;
		if (from === match.group) continue;
		for (const c of names) if (c.group === from) c.group = match.group;
	}
}

/**
 * The name in a bracket that may open with Latin titles (H.E. Mr. …, Prof. …, Mr.Name) and close
 * with honours (… MP): the Latin rule's titled name there, which keeps its title apart, or the
 * bracket without one title glued to the name by its dot; else the whole bracket.
 */
function latinNameInside(ctx: DetectionContext, start: number, end: number): {start: number; end: number; title?: string} {
	const titled = ctx.candidates.find((c) => c.kind === 'person' && c.titleStart === start && c.start > start && c.end <= end);
	if (titled !== undefined) return {start: titled.start, end: titled.end};
	const glued = /^([A-Za-z]+)\.(?=[A-Z])/.exec(ctx.text.slice(start, end));
	if (glued !== null && TITLE_SET.has(glued[1]!.toLowerCase())) return {start: start + glued[0].length, end, title: glued[0]};
	return {start, end};
}

function isLatinPersonName(name: string): boolean {
	return LATIN_PERSON.test(name) && !gazetteer().latin.has(name) && !hasLatinHeadWord(name);
}

/** A word of the Latin name heads a body, a place or a thing (… Foundation, … Province, LTR Visa): no person's. */
export function hasLatinHeadWord(name: string): boolean {
	return name.split(' ').some((w) => LATIN_ORG_HEADS.has(w) || LATIN_PLACE_HEADS.has(w) || LATIN_OTHER_HEADS.has(w));
}

/** Every word of the Latin name sounds like the Thai word in its place. */
function soundsAlike(latin: string, thai: string): boolean {
	const lw = latin.split(/[\s-]+/);
	const tw = thai.split(/[\s-]+/);
	if (lw.length !== tw.length) return false;
	return lw.every((w, i) => {
		const key = thaiPhoneticKey(tw[i]!);
		return key.length > 0 && latinPhoneticKeys(w).includes(key);
	});
}

/** The name at [start, end) and `left` are one person, in one group. */
function join(ctx: DetectionContext, left: Candidate, start: number, end: number, title?: string): void {
	const group = left.group ?? (left.group = ctx.newGroup());
	left.kind = 'person';
	left.priority = Math.max(left.priority, PRIORITY.person);
	const latin = /[A-Za-z]/.test(ctx.text.slice(start, end));
	const existing = ctx.candidates.find((c) => c.start === start && c.end === end);
	if (existing !== undefined) {
		existing.kind = 'person';
		existing.group = group;
		existing.priority = Math.max(existing.priority, PRIORITY.person);
		existing.foreign ||= latin || left.foreign;
		return;
	}
	ctx.add({
		start,
		end,
		kind: 'person',
		rule: 'person-bracket',
		priority: PRIORITY.person,
		group,
		closed: true,
		foreign: latin || left.foreign,
		tokens: ctx.text.slice(start, end).split(/\s+/).length,
		...(title === undefined ? {} : {title, titleStart: start - title.length}),
	});
}
