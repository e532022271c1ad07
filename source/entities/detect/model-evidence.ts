// What the learned tagger's own names need besides the model's word: the tagger reads small units
// and finds names nobody announced, so a name it proposes must also look like one to the rules.
// - Its edges do not cut a word (a title, a head word, a common word runs across them), and they
//   meet known words where the name is glued to the text (ของ|X, X|กล่าว, or a word the
//   data shows as common): glued to an unknown piece (ดอนนาง|X, X|สูต) it is a piece of a longer
//   word or name. A title before the name is evidence enough on its left.
// - A person's name does not open with a common word (a list of goods, a verb phrase), nor hold a
//   body's or place's head (มูลนิธิ…, … รีสอร์ท), nor follow or hold the noun of a kind of thing
//   (โรค|X, รางวัล|X, ห้องประชุม|X, X โรค|Y) or follow a place's head (ถนน|X); a place opened by a province's or city's head names
//   one; a body's or place's name is not glued after a body's head (กอง|X) and closes its brackets.
import {commonWordAt, isCommonWord, isOrgWord, isPlaceWord} from '../common-words.js';
import {gazetteer, isKnownPlaceName as knownPlace} from '../gazetteer.js';
import {FUNCTION_WORD_SET, KIN_WORDS, ORG_HEADS, PLACE_HEADS, THING_NOUN_SET, THING_NOUNS, WEAK_ORG_HEADS} from '../lexicon.js';
import {SuffixSet} from '../trie.js';
import {type DetectionContext, KNOWN_AFTER, KNOWN_BEFORE, isThaiNameChar} from './context.js';
import {commonAfterPlaceHead, dayNameAround, noPlaceNamedAt, peopleAfterAnd, princesRankAt, SUBJECT_NAMED, trailingJoiner} from './head-name.js';
import {triggerTrie} from './trigger-trie.js';
import type {EntityKind} from '../types.js';

const THINGS_BEFORE = new SuffixSet(THING_NOUNS);
/** Place heads glued before a name (not one written short: อ. is also a teacher's title). */
const PLACE_HEADS_BEFORE = new SuffixSet(PLACE_HEADS.filter((h) => !h.includes('.')));
const ORG_HEADS_BEFORE = new SuffixSet(ORG_HEADS.filter((h) => !h.includes('.')));

export function modelNameHasEvidence(ctx: DetectionContext, start: number, end: number, kind: EntityKind, titled: boolean): boolean {
	const text = ctx.text;
	if (!titled && start > 0 && isThaiNameChar(text.charCodeAt(start - 1)) && KNOWN_BEFORE.endingAt(text, start) === 0 && !isCommonWord(ctx.words.wordBefore(start)))
		return false;
	if (end < text.length && isThaiNameChar(text.charCodeAt(end)) && !KNOWN_AFTER.startsAt(text, end) && !isCommonWord(ctx.firstWord(end, ctx.thaiRunEnd(end))))
		return false;
	if ((!titled && insideWord(text, start)) || insideWord(text, end)) return false;
	// No name opens with a function word (ณ|ท่าเรือ…: the place is after it).
	if (FUNCTION_WORD_SET.has(ctx.firstWord(start, ctx.thaiRunEnd(start)))) return false;
	if (kind === 'person') {
		// Inside the quoted title of a show or an event: a title's words or a character (นางทาสี), no one
		// named; with a title, only a given name alone (dropNamesInWorks reads the rules' names alike).
		// A king or a monk named in an event's title (…เฉลิมพระเกียรติพระบาทสมเด็จ…) is named, style and all.
		if (insideTitleOfWork(text, start, end) && (titled ? !text.slice(start, end).includes(' ') : !PERSON_OPENING.test(text.slice(start, end)))) return false;
		if (titled && titleOpensPlaceName(ctx, start, end)) return false;
		// After a title the rules' own checks apply (see candidates.ts); without one the model alone speaks.
		if (titled) return true;
		const first = ctx.firstWord(start, ctx.thaiRunEnd(start));
		if (first.length >= 3 && isCommonWord(first)) return false;
		if (headAt(text, start, end, false)) return false;
		// A thing's noun before it or opening one of its tokens (โรค|X Y, ยา X, รางวัล|X, X โรค|Y): the
		// names of a disease, a drug, an award, a song… or a list of them, not a person's.
		if (thingNamed(ctx, start, end)) return false;
		// Right after an example's word (เช่น|X, อาทิ X, ได้แก่ X): one of a list of things (drugs, fruit,
		// brands, a district), as people listed so carry a title, a kin word or a style (อาทิ คุณX, ได้แก่
		// ครูX, อาทิ พระX), which the name opens with when the tagger kept it. Not คือ ("is": ผู้ดูแลคือ X).
		if (EXAMPLE_BEFORE.test(text.slice(Math.max(0, start - 14), start)) && !PERSON_OPENING.test(text.slice(start, end))) return false;
		// A later token opened by a body's or place's head (… โรงแรม X, … บีช รีสอร์ท): a body or a place.
		for (let sp = text.indexOf(' ', start); sp >= 0 && sp < end; sp = text.indexOf(' ', sp + 1)) if (headAt(text, sp + 1, Infinity, true)) return false;
		return true;
	}
	const heads = triggerTrie().matchesAt(text, start);
	// A body's or place's name the tagger cut off its head (กอง|X, คณะ|X): the head's rule reads it whole.
	if (start > 0 && isThaiNameChar(text.charCodeAt(start - 1)) && ORG_HEADS_BEFORE.endingAt(text, start) > 0) return false;
	// A bracket the name does not close (X), (องค์การมหาชน)…) is a piece of the sentence around it.
	if (!balanced(text.slice(start, end))) return false;
	// ม. and a number is a law's section (มาตรา: ม.35 ทวิ), not a university (ม.X) nor a village (หมู่).
	if (LAW_SECTION.test(text.slice(start, end))) return false;
	// A day's name (วัน|X…แห่งชาติ), a body and a group of people (กระทรวงX|และ|ประชาชน…) or a prince's
	// rank after a royal name (เจ้าฟ้าX กรมพระY), as the head rule reads them.
	if (dayNameAround(ctx, start, end) || (kind === 'organization' && (peopleAfterAnd(ctx, start, end) || princesRankAt(ctx, start)))) return false;
	if (!nameLikeBodyOrPlace(ctx, start, end, kind, heads)) return false;
	if (heads.length === 0 && inListOfThings(ctx, start, end)) return false;
	if (kind === 'place') {
		// A way or a waterway being made (ทำ|ถนนอ้อมเมือง), a slogan's first words: no place named, as head-name reads it.
		if (noPlaceNamedAt(ctx, start) && heads.some((m) => m.values.some((v) => v.type === 'place')) && !knownPlace(text.slice(start, end))) return false;
		for (const m of heads) {
			for (const v of m.values) if (v.type === 'place' && m.end < end && commonAfterPlaceHead(ctx, v.word, text[m.end] === ' ' ? m.end + 1 : m.end)) return false;
		}
	}
	return true;
}

const headEnds: number[] = [];
const headNodes: number[] = [];

/**
 * A body's head word (or a place's too, with `places`) of the trigger trie starts at `at` and ends
 * before `end`: the trie's words there read into arrays kept for the next call, not an array and an
 * object a word (asked at every space of the tagger's person names).
 */
function headAt(text: string, at: number, end: number, places: boolean): boolean {
	const trie = triggerTrie();
	const count = trie.matchEndsAt(text, at, headEnds, headNodes);
	for (let k = 0; k < count; k++) {
		if (headEnds[k]! >= end) continue;
		for (const v of trie.valuesAt(headNodes[k]!)) if (v.type === 'org' || (places && v.type === 'place')) return true;
	}
	return false;
}

/** An example's or a list's word right before a name, glued or after a space or a quote. */
const EXAMPLE_BEFORE = /(?:เช่น|อาทิ|ได้แก่|ประกอบด้วย)\s?["“]?$/;
/** Words a person's name opens with when the tagger keeps its kin word, title or style. */
const PERSON_OPENING = new RegExp(`^(?:${[...KIN_WORDS, 'อาจารย์', 'พระ', 'สมเด็จ', 'หลวง', 'เจ้า', 'หม่อม', 'นาย', 'นาง'].join('|')})`);

/**
 * [start, end) sits inside quotes opened right after a show's, an event's or a work's noun (การแสดง
 * “ออกพราน นางX”, กิจกรรม “X Y ตักบาตร…”, ละคร “…”), on one line: the words of that work's title.
 */
export function insideTitleOfWork(text: string, start: number, end: number): boolean {
	const before = text.slice(Math.max(0, start - 80), start);
	const open = Math.max(before.lastIndexOf('“'), before.lastIndexOf('"'));
	if (open < 0 || /[”"\n]/.test(before.slice(open + 1)) || !WORK_BEFORE_QUOTE.test(before.slice(0, open))) return false;
	const after = text.slice(end, end + 80);
	const close = after.search(/[”"]/);
	return close >= 0 && !after.slice(0, close).includes('\n');
}
/** A law's section written short: ม. and its number (ม.35, ม. 33). */
const LAW_SECTION = /^ม\. ?[0-9๐-๙]/;

/** Heads of a place, a community, a village or a market (glued before a title that opens its name). */
const PLACE_BEFORE_TITLE = new SuffixSet([...PLACE_HEADS.filter((h) => !h.includes('.')), 'ชุมชน', 'บ้าน', 'ตลาด', 'ย่าน', 'สนามม้า']);

/**
 * นาง or นาย and a given name alone, [titleStart, end), glued right after a place's or a community's
 * head (ชุมชน|นางเลิ้ง, บ้านเกาะ|นางทอง), here or anywhere in the article (ของดีของนางเลิ้ง after
 * ชุมชนนางเลิ้ง): the word opens the place's own name (places are named นางX, นายX), no one is
 * named. A full name there (ผู้นำชุมชน|นายX Y) names a person.
 */
export function titleOpensPlaceName(ctx: DetectionContext, titleStart: number, end: number): boolean {
	const text = ctx.text;
	const name = text.slice(titleStart, end);
	if (!/^(?:นาง|นาย)(?!สาว)/.test(name) || name.includes(' ')) return false;
	for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
		const after = at + name.length;
		if ((after >= text.length || !isThaiNameChar(text.charCodeAt(after))) && nounEndsAt(ctx, PLACE_BEFORE_TITLE, at)) return true;
	}
	return false;
}

/** Nouns of a show, an event or a work whose title follows in quotes. */
const WORK_BEFORE_QUOTE = /(?:การแสดง|กิจกรรม|งาน|ละคร|เพลง|ภาพยนตร์|นิทรรศการ|ระบำ|ท่ารำ|ชุด)\s?$/;

/** Marks between a noun and the name it introduces (ยา [X], เพลง “X”, ดอกไม้ (X)). */
const BEFORE_NAME_MARK = /[ "“‘'(]/;

/**
 * A noun naming a kind of thing (THING_NOUNS) ends right before [start, end), glued or with a space,
 * a quote or a bracket between, or opens one of its tokens: the span names that thing or lists
 * several (โรค|อัมพฤกษ์ อัมพาต, X โรค|Y), as a person's name never does.
 */
function thingNamed(ctx: DetectionContext, start: number, end: number): boolean {
	const text = ctx.text;
	// A place's head glued before it (ถนน|X, ดอย|X): a road, a mountain… named after someone, not the person.
	if (nounEndsAt(ctx, PLACE_HEADS_BEFORE, start)) return true;
	let before = start;
	while (before > 0 && start - before < 3 && BEFORE_NAME_MARK.test(text[before - 1]!)) before--;
	if (nounEndsAt(ctx, THINGS_BEFORE, before)) return true;
	if (bracketAfterThing(ctx, start)) return true;
	for (let at = start; at < end; at = text.indexOf(' ', at) + 1) {
		if (THING_NOUN_SET.has(ctx.firstWord(at, ctx.thaiRunEnd(at)))) return true;
		if (text.indexOf(' ', at) < 0) break;
	}
	return false;
}

/**
 * In brackets right after a thing's name, a thing's noun or บท (a verse, a text) with the title glued
 * after it in one of its last two tokens (สวดบท|สุริยปริตร (X), บท|นัตถิ เม (X), เพลง|X (Y)): the
 * thing's own words or its gloss (a chant's first line in Pali), not a person. The noun ending the
 * token names no title (ผู้ผลิตยา (X): the maker).
 */
function bracketAfterThing(ctx: DetectionContext, start: number): boolean {
	const text = ctx.text;
	let at = start;
	while (at > 0 && start - at < 2 && /["“ ]/.test(text[at - 1]!)) at--;
	if (text[at - 1] !== '(') return false;
	at--;
	for (let token = 0; token < 2; token++) {
		while (at > 0 && text[at - 1] === ' ') at--;
		const tokenEnd = at;
		while (at > 0 && isThaiNameChar(text.charCodeAt(at - 1))) at--;
		if (at === tokenEnd) return false;
		for (const b of [at, ...ctx.innerBounds(at, tokenEnd)]) {
			const word = ctx.words.wordAt(b);
			if ((word === VERSE || THING_NOUN_SET.has(word)) && b + word.length < tokenEnd) return true;
		}
		if (text[at - 1] !== ' ') return false;
	}
	return false;
}
/** A verse, a part of a text (บทสวด, บทกลอน are THING_NOUNS; บท|X names one by its title). */
const VERSE = 'บท';

/** A listed noun ends at `pos`, right after a Thai letter, and starts where a word does (ห้อง|ประชุม|X). */
function nounEndsAt(ctx: DetectionContext, nouns: SuffixSet, pos: number): boolean {
	if (pos <= 0 || !isThaiNameChar(ctx.text.charCodeAt(pos - 1))) return false;
	const n = nouns.endingAt(ctx.text, pos);
	return n > 0 && ctx.words.isBoundary(pos - n) && ctx.words.isBoundary(pos);
}

/** Words that open a where-phrase, not a name, after a head (สำนักงาน|ในญี่ปุ่น, ศูนย์|ทั่วประเทศ). */
const LOCATIVES = new Set(['ใน', 'ณ', 'ที่', 'จาก', 'ทั่ว', 'ทุก', 'ต่าง', 'นอก', 'ระหว่าง']);
/** A language, a people or a nationality named after a place is no place (ภาษาเกาหลี, ชาวลาว). */
const OF_A_PEOPLE = /^(?:ภาษา|ชาว|สัญชาติ|เชื้อสาย)/;
/** Goods, markets and food named after a country are no place (ตลาดแคนาดา, สินค้าญี่ปุ่น). */
const OF_A_COUNTRY = /^(?:ตลาด|สินค้า|อาหาร|ทุน|แรงงาน|นักท่องเที่ยว)/;
/** Glued before a place, a language or nationality (ภาษา|เกาหลี); not ชาว: the people of a place name it (ชาว|ลพบุรี). */
const OF_A_PEOPLE_BEFORE = /(?:ภาษา|สัญชาติ|เชื้อสาย)$/;
/** A compass point alone is a direction, not a place (ฝั่งตะวันออก; ภาคตะวันตก is one). */
const DIRECTION = /^(?:ทิศ|ฝั่ง|ทาง|ด้าน)?(?:ตะวันออก|ตะวันตก|เหนือ|ใต้)(?:เฉียง(?:เหนือ|ใต้))?$/;
/** A gazetteer key of a country or a world region (ISO 3166 code, UN M.49 area). */
const COUNTRY_KEY = /^(?:[A-Z]{2}|\d{3})$/;

/**
 * A body's or place's name from the tagger must read as one, as the head rules' names do: it does
 * not end on a joining word, is not one everyday word alone (สะเดา, แพลตฟอร์มฯ), nor a head with a
 * where-phrase (สำนักงานในไทย) or, after a weak head, one everyday word (สถาบัน|ศาสนา); a place is
 * not a language or people (ภาษา…, ชาว…), a market or goods of a country (ตลาดยุโรป), nor a direction.
 */
function nameLikeBodyOrPlace(
	ctx: DetectionContext,
	start: number,
	end: number,
	kind: EntityKind,
	heads: ReturnType<ReturnType<typeof triggerTrie>['matchesAt']>,
): boolean {
	const text = ctx.text;
	const name = text.slice(start, end).replace(/ฯ$/, '');
	// No name ends on a joining word (สำนักกรรมการและ|…, มหานครแห่ง|…).
	if (trailingJoiner(ctx, start, end) !== undefined) return false;
	const words = ctx.innerBounds(start, end);
	// (Not for places: villages and districts are named with everyday words, หนองบัว.)
	if (kind === 'organization' && words.length === 0 && !name.includes('.') && isCommonWord(name) && !isOrgWord(name)) return false;
	const head = heads.filter((m) => m.end < end && m.values.some((v) => v.type === 'org' || v.type === 'place')).at(-1);
	if (head !== undefined) {
		const from = text[head.end] === ' ' ? head.end + 1 : head.end;
		const runEnd = ctx.thaiRunEnd(from);
		const first = ctx.firstWord(from, Math.min(runEnd, end));
		const org = head.values.find((v) => v.type === 'org');
		// (ต.ในเมือง is a sub-district: only a body's head is checked.)
		if (org !== undefined && LOCATIVES.has(first)) return false;
		// A body's word names a faculty or court (แพทยศาสตร์ in คณะแพทยศาสตร์: heads named by their
		// subject, as the head rules read them), not a network or centre (เครือข่าย|สุขภาพ); ฯ shortens
		// a longer name (สำนักงบฯ): kept.
		if (
			org !== undefined &&
			WEAK_ORG_HEADS.has(org.word) &&
			first === text.slice(from, end) &&
			!first.endsWith('ฯ') &&
			isCommonWord(first) &&
			(!isOrgWord(first) || !SUBJECT_NAMED.test(org.word))
		)
			return false;
	}
	if (kind === 'place') {
		if (OF_A_PEOPLE.test(name) || DIRECTION.test(name)) return false;
		// The same glued before the name (ภาษา|เกาหลี): the tagger left the noun out.
		const before = text.slice(Math.max(0, start - 14), start);
		if (OF_A_PEOPLE_BEFORE.test(before)) return false;
		// (The country alone after them, อาหาร|ไทย, is the country: Thai NER tags it so.)
		const goods = OF_A_COUNTRY.exec(name);
		if (goods !== null && COUNTRY_KEY.test(gazetteer().thai.get(name.slice(goods[0].length).trim())?.key ?? '')) return false;
	}
	return true;
}

/**
 * A body or place with no head word, inside a list of everyday things (issue 7, junk19): `ผลไม้สด
 * ทุเรียน [ลองกอง] มะละกอ ข้าวโพด`, `เงาะ มังคุด และ[ลองกอง]`. The items around it, written apart by
 * single spaces (the last one may be glued to และ), are words of the sentence, one of them next to it
 * an everyday word (the data-derived common words, none seen in a place's or a body's name): a list of
 * produce, goods or kinds, and the tagger's "place" is one more of them. A list of places has a place
 * the gazetteer or the district list knows, or a head, among its items (`อำเภอหลังสวน [พะโต๊ะ] ละแม`),
 * and a place the gazetteer knows stays whatever its neighbours are (`…และ[มะขาม]`, a district).
 */
function inListOfThings(ctx: DetectionContext, start: number, end: number): boolean {
	const text = ctx.text;
	const name = text.slice(start, end);
	if (!/^[\u0E01-\u0E4E]+$/.test(name) || knownPlace(name)) return false;
	const closing = text.startsWith('และ', start - 3);
	const before = listItems(text, closing ? start - 3 : start, -1);
	const after = listItems(text, end, 1);
	// It is not the list's first item (a subject and its verbs look the same), and the items next to it
	// are everyday words: two of them, or the one before when และ closes the list on it.
	if (before.length === 0 || ![before[0], after[0]].some((t) => t !== undefined && everydayThing(t))) return false;
	const everyday = [...before, ...after].filter(everydayThing).length;
	if (everyday < 2 && !(closing && before.length === 2)) return false;
	return [...before, ...after].every(
		(t) =>
			!knownPlace(t) &&
			!triggerTrie()
				.matchesAt(t, 0)
				.some((m) => m.values.some((v) => v.type !== 'gazetteer')),
	);
}

/**
 * Up to two items of a list next to `pos`, nearest first, going back (`step` -1) or on (1): runs
 * of Thai letters set apart by one space each, the last one after the name may open with และ; a
 * function word is no item and ends the list.
 */
function listItems(text: string, pos: number, step: -1 | 1): string[] {
	const items: string[] = [];
	let at = pos;
	while (items.length < 2) {
		const space = step < 0 ? at - 1 : at;
		if (text[space] !== ' ' || text[space + step] === ' ') break;
		let from = step < 0 ? space : space + 1;
		let to = from;
		if (step < 0) while (from > 0 && isThaiNameChar(text.charCodeAt(from - 1))) from--;
		else while (to < text.length && isThaiNameChar(text.charCodeAt(to))) to++;
		const item = text.slice(from, to).replace(/^และ(?=.)/, '');
		// A whole item: a space, a line's edge or a mark on its far side, not a letter of another script.
		const edge = step < 0 ? text[from - 1] : text[to];
		// (A function word opens or ends the list: เช่น|ได้แก่ before it, ที่ after it.)
		if (item === '' || FUNCTION_WORD_SET.has(item) || (edge !== undefined && /[A-Za-z0-9๐-๙]/.test(edge))) break;
		items.push(item);
		at = step < 0 ? from : to;
	}
	return items;
}

/** One everyday word, not one seen in places' or bodies' names, nor a place's own. */
function everydayThing(item: string): boolean {
	return isCommonWord(item) && !isPlaceWord(item) && !isOrgWord(item) && !knownPlace(item);
}

/**
 * A title, head word or listed common word runs across `pos` (มอบหมายก|ระทรวง…, สมาคมส่ง|เสริม): the
 * tagger cut a word there, where no name starts or ends.
 */
function insideWord(text: string, pos: number): boolean {
	if (pos <= 0 || pos >= text.length || !isThaiNameChar(text.charCodeAt(pos - 1)) || !isThaiNameChar(text.charCodeAt(pos))) return false;
	for (let from = pos - 1; from >= Math.max(0, pos - 4) && isThaiNameChar(text.charCodeAt(from)); from--) {
		if (
			triggerTrie()
				.matchesAt(text, from)
				.some((m) => m.end > pos && m.values.some((v) => v.type !== 'gazetteer'))
		)
			return true;
		// A listed word of 4 characters or more from here that runs 2 to 8 characters past the cut.
		if (pos - from >= 2 && commonWordAt(text, from, Math.max(pos + 2, from + 4), pos + 8)) return true;
	}
	return false;
}

/** Every bracket opened in the name is closed in it, and none closed that it did not open. */
function balanced(name: string): boolean {
	let depth = 0;
	// By char code: a string per character was a good part of what the tagger's checks allocate.
	for (let i = 0; i < name.length; i++) {
		const c = name.charCodeAt(i);
		if (c === 0x28) depth++;
		else if (c === 0x29 && --depth < 0) return false;
	}
	return depth === 0;
}
