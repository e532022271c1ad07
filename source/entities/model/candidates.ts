// The model's mentions as detection candidates. They rank below every rule: the rules keep what
// they do well (titles, definitions, Latin names, acronyms) and the model fills in the names they
// miss, mostly Thai names with no title before them. A person span from the model may start with
// a title (the training data tags them with the name): the title is cut off and kept, as the rules do.

import {isLeadingVowel, isThaiConsonant} from '../../text/syllables.js';
import {isCommonWord} from '../common-words.js';
import {gazetteer} from '../gazetteer.js';
import {LATIN_COMMON_WORDS, LATIN_STOP, NON_NAME_ABBREVIATIONS, ORG_HEADS, OTHER_HEADS, PLACE_HEADS, TITLES_AFTER_NAME} from '../lexicon.js';
import {triggerTrie} from '../detect/trigger-trie.js';
import type {StepClock, Steps} from '../steps.js';
import {SuffixSet, Trie} from '../trie.js';
import type {Occupancy} from '../detect/repeats.js';
import type {EntityKind} from '../types.js';
import {
	type Candidate,
	CIVIL_SERVICE_GRADE,
	type DetectionContext,
	GENERIC,
	KNOWN_AFTER,
	ORG_STOP,
	PERSON_STOP,
	PRIORITY,
	VERB_SET,
	isThaiNameChar,
	uniformCandidate,
} from '../detect/context.js';
import {abbreviatesPostBefore, shortTitleAt} from '../detect/abbreviations.js';
import {nounAfterHonorific, opensRoyalClause, ordinalFollows, postWithGrade} from '../detect/person-name.js';
import {modelNameHasEvidence} from '../detect/model-evidence.js';
import {
	HEAD_ONLY_PARTICLES,
	HIGHWAY_DISTRICT,
	LEVEL_POSTS,
	TRAILING_JOINERS,
	afterRepeatedHead,
	clauseVerbAt,
	everydayTail,
	endsOnKnownPlace,
	samePlaceKey,
} from '../detect/head-name.js';
import {sharedTagger} from './load.js';
import {tagText} from './tagger.js';
import type {ModelSpan} from './tags.js';

/** Below every rule. */
const MODEL_PRIORITY = PRIORITY.repeat - 5;
/** Marks that open a list item, a tag or a range, never a name. */
const LIST_MARK = /[•·▪◦‣●○■□◆◇►▶*#\-–—]/;
/** Royal prefixes that open a name and never end one (สมเด็จพระ…, พระบาทสมเด็จพระ…). */
const ROYAL_PREFIX_END = /(?:พระ|สมเด็จ)$/;
/** Royal styles that open a royal's name (the rules read the name after them). */
const ROYAL_STYLE = /สมเด็จ|เจ้าฟ้า|พระบาท|พระองค์เจ้า/;

/**
 * Where a royal style starts inside the first token of the tagger's person [start, end), after
 * words that open no title and hold no style (พระดำริ|สมเด็จ…, พระบรมรูป|พระบาทสมเด็จ…): the start
 * of the royal's name; `start` when the span opens with a title or a style, or holds none.
 */
function styleInsideFirstToken(ctx: DetectionContext, start: number, end: number): number {
	const token = ctx.text.slice(start, Math.min(end, ctx.thaiRunEnd(start)));
	const style = ROYAL_STYLE.exec(token);
	if (style === null || style.index === 0 || titleEnd(ctx.text, start, end) > start) return start;
	const at = start + style.index;
	return ctx.words.isBoundary(at) ? at : start;
}

/** Not a priority: the model's span served to cut a rule's name back, and is not a candidate. */
const CUT = -1;
/** Rules whose names the model may widen: word-list and gazetteer hits, not titles or definitions. */
const WIDENED_RULES = new Set(['gazetteer', 'abbreviation', 'place-head', 'org-head']);

/**
 * A word the rules know starts at `end`, where a name may end: not การ or ความ, which make a noun of
 * what follows them inside a name (…ส่งเสริม|การลงทุน) as often as they open the next phrase.
 */
const endsBeforeWord = (text: string, end: number): boolean => KNOWN_AFTER.startsAt(text, end) && !NOMINALIZER_AT.test(text.slice(end, end + 5));
const NOMINALIZER_AT = /^(?:การ|ความ)[ก-ฮ]/;

/**
 * A model name that holds rule names of the kinds above entirely inside it, and is longer, is the
 * whole name (a place inside a university's name, a head word's name cut short): it outranks them.
 * Any other overlap leaves the rules in charge.
 */
function priorityOver(text: string, rules: readonly Candidate[], longest: number, start: number, end: number, kind: EntityKind): number {
	let inside = false;
	// Rules sorted by start; none is longer than `longest`, so the search may begin that far back.
	let lo = 0;
	let hi = rules.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (rules[mid]!.start < start - longest) lo = mid + 1;
		else hi = mid;
	}
	for (let i = lo; i < rules.length && rules[i]!.start < end; i++) {
		const c = rules[i]!;
		if (c.end <= start) continue;
		// A head-word name that ran on into the sentence (no clear end) ends where the model's does,
		// when a verb or function word starts there (…พาณิชย์|ร่วมกับ): the model alone cuts names short.
		if (c.start === start && c.end > end && c.kind === kind && !c.closed && WIDENED_RULES.has(c.rule) && endsBeforeWord(text, end)) {
			c.end = end;
			c.closed = true;
			return CUT;
		}
		if (!WIDENED_RULES.has(c.rule) || c.start < start || c.end > end || c.end - c.start === end - start) return MODEL_PRIORITY;
		// A body's name opens with its head: words the model puts before a head-word name's head
		// (สมาชิก|องค์การการค้าโลก, a member of it) are the sentence's unless they open with a head too.
		if (c.rule === 'org-head' && kind === 'organization' && c.start > start && !opensWithBodyHead(text.slice(start, end), 0)) return MODEL_PRIORITY;
		inside = true;
	}
	return inside ? PRIORITY.definition - 1 : MODEL_PRIORITY;
}

let orgHeadsBefore: SuffixSet | undefined;

/** An organisation head word ends right before `start`, or one space before it (บริษัท |…). */
function afterOrgHead(text: string, start: number): boolean {
	orgHeadsBefore ??= new SuffixSet(ORG_HEADS);
	const at = text[start - 1] === ' ' ? start - 1 : start;
	return at > 0 && orgHeadsBefore.endingAt(text, at) > 0;
}
let heads: Trie<true> | undefined;

/**
 * The tagger's body split where, after a space, another body's head word opens a second name and
 * the first also opens with one (กรมX กองY, ธนาคารX การไฟฟ้าY…): two bodies in a list, not one.
 * Offsets stay relative to the paragraph at `base`. Only asked about organisations.
 */
function splitJoinedBodies(text: string, base: number, span: ModelSpan): ModelSpan[] {
	const name = text.slice(base + span.start, base + span.end);
	if (!opensWithBodyHead(name, 0)) return [span];
	const out: ModelSpan[] = [];
	let pieceStart = 0;
	for (let at = name.indexOf(' '); at >= 0; at = name.indexOf(' ', at + 1)) {
		// A campus or a branch after its body is part of the name (มหาวิทยาลัยX วิทยาเขตY).
		if (!opensWithBodyHead(name, at + 1) || PART_HEADS.some((h) => name.startsWith(h, at + 1))) continue;
		out.push({...span, start: span.start + pieceStart, end: span.start + at});
		pieceStart = at + 1;
	}
	// The same head again, glued, not after another head (กระทรวงX|กระทรวงY, not หอการค้าXและสภา|หอการค้า…).
	const head = triggerTrie()
		.matchesAt(name, 0)
		.filter((m) => m.end >= 3 && m.values.some((v) => v.type === 'org'))
		.at(-1);
	if (head !== undefined) {
		const word = name.slice(0, head.end);
		for (let at = name.indexOf(word, Math.max(pieceStart, 0) + head.end); at > 0; at = name.indexOf(word, at + word.length)) {
			if (name[at - 1] === ' ' || ORG_HEADS.some((h) => name.slice(0, at).endsWith(h)) || !opensWithBodyHead(name, at)) continue;
			out.push({...span, start: span.start + pieceStart, end: span.start + at});
			pieceStart = at;
		}
	}
	if (out.length === 0) return [span];
	out.push({...span, start: span.start + pieceStart});
	return out;
}

const isBody = (span: ModelSpan): boolean => span.kind === 'organization';

/** What names a part of the body before it, not another body. */
const PART_HEADS = ['วิทยาเขต', 'สาขา'];
/** Heads of a body's divisions, too ambiguous alone to open a name (กอง is a heap too), but not after another body. */
const DIVISION_HEADS = ['กอง', 'ฝ่าย', 'แผนก'];

/** A body's head word of three letters or more, not written short, and a name glued after it, opens `name` at `at` (กรมX, การไฟฟ้าX, กองX). */
function opensWithBodyHead(name: string, at: number): boolean {
	if (at > 0) for (const h of DIVISION_HEADS) if (name.startsWith(h, at) && isThaiConsonant(name.charCodeAt(at + h.length))) return true;
	// The trie's words at `at` go into arrays kept for the next call: no array and object a word
	// (splitJoinedBodies asks at every space of a body's name).
	const trie = triggerTrie();
	const count = trie.matchEndsAt(name, at, headEnds, headNodes);
	for (let k = 0; k < count; k++) {
		const end = headEnds[k]!;
		if (end - at < 3) continue;
		// A consonant or a leading vowel glued after the head: a name goes on.
		const next = name.charCodeAt(end);
		if (!isThaiConsonant(next) && !isLeadingVowel(next)) continue;
		for (const v of trie.valuesAt(headNodes[k]!)) if (v.type === 'org' && !v.word.includes('.')) return true;
	}
	return false;
}

const headEnds: number[] = [];
const headNodes: number[] = [];

function trieOf(words: Iterable<string>): Trie<true> {
	const trie = new Trie<true>();
	for (const w of words) trie.add(w, true);
	return trie;
}

/** The end of the (possibly stacked) titles at the start of [start, end), or `start` when none. */
export function titleEnd(text: string, start: number, end: number): number {
	// The rules' trigger words already hold every title (honorifics, ranks, positions).
	const trie = triggerTrie();
	let pos = start;
	for (;;) {
		let longest = -1;
		for (const m of trie.matchesAt(text, pos)) if (m.values.some((v) => v.type === 'honorific' || v.type === 'position')) longest = m.end;
		if (longest < 0 || longest >= end) return pos;
		pos = longest;
		while (pos < end && text[pos] === ' ') pos++;
	}
}

/** A name may start after `at` (a space, then a word that opens no royal clause) before `end`. */
function opensNameAfter(text: string, at: number, end: number): boolean {
	return text[at] === ' ' && at + 1 < end && !opensRoyalClause(text.slice(at + 1, end));
}

/** Royal and monastic names run to many tokens, each a dictionary word (สมเด็จพระ…, เจ้าฟ้า…). */
const ROYAL_OPENING = /^(?:สมเด็จ|พระ|เจ้าฟ้า|เจ้าประคุณ)/;

/**
 * The tagger's "person" is a list: names joined by a comma, a slash or และ, or three tokens each one
 * dictionary word, or four or more of which three in four are (herbs, fruit, a boat's gear: ขมิ้นชัน
 * ขิง มะขามแขก…). A person's name is a given name and a surname the dictionary does not hold whole.
 */
function listOfThings(ctx: DetectionContext, start: number, end: number): boolean {
	const name = ctx.text.slice(start, end);
	if (!name.includes(' ') || ROYAL_OPENING.test(name)) return false;
	if (/[,/]/.test(name) || / และ/.test(name)) return true;
	let tokens = 0;
	let words = 0;
	for (let at = start; at < end;) {
		let tokenEnd = ctx.text.indexOf(' ', at);
		if (tokenEnd < 0 || tokenEnd > end) tokenEnd = end;
		if (tokenEnd > at) {
			tokens++;
			// One dictionary word of four letters or more (a syllable of a Korean or Chinese name is
			// a word too: มุน, ซึง); ณ ties a lineal surname (X Y ณ อยุธยา).
			const token = ctx.text.slice(at, tokenEnd);
			if (token === 'ณ') return false;
			if (token.length >= 4 && ctx.innerBounds(at, tokenEnd).length === 0) words++;
		}
		at = tokenEnd + 1;
	}
	return tokens >= 3 && (tokens === 3 ? words === 3 : words * 4 >= tokens * 3);
}

/** A place the gazetteer knows and no name (a module function: a closure is named each time it is made). */
function isKnownPlaceNoName(t: string): boolean {
	const gaz = gazetteer();
	return gaz.thai.has(t) && !gaz.ambiguous.has(t);
}

/**
 * The tagger's person cut before its first later token that is a place the gazetteer knows and no
 * name (not เดลี, also a given name), as the rules read a person (a known place ends the name:
 * readPersonName); undefined when what is left is one token or opens on such a place, a list
 * (ชิลี แม็กซิโก รัสเซีย, พม. อยุธยา: a ministry and a province). A lineal surname (X ณ ระนอง) stays.
 */
function beforeKnownPlace(text: string, start: number, end: number): number | undefined {
	const tokens = text.slice(start, end).split(' ');
	if (tokens.length < 2 || tokens.includes('ณ')) return end;
	const at = tokens.findIndex((t, i) => i > 0 && isKnownPlaceNoName(t));
	if (at < 0) return end;
	const kept = tokens.slice(0, at).filter((t) => t !== '');
	if (kept.length < 2 || isKnownPlaceNoName(kept[0]!)) return undefined;
	return start + tokens.slice(0, at).join(' ').trimEnd().length;
}

/**
 * The span narrowed to word edges: the model's units are smaller than words, and a name never
 * starts or ends inside a word of the sentence (กระทรวงดำ|เนินการ is กระทรวง, then no name).
 * Words are Intl.Segmenter's, which splits unknown names into syllables, so a name's edges survive.
 */
function toWordEdges(ctx: DetectionContext, start: number, end: number): [number, number] | undefined {
	const words = ctx.words;
	if (!words.isBoundary(start)) {
		const next = words.boundsBetween(start, end)[0];
		if (next === undefined || next >= end) return undefined;
		start = next;
	}
	if (!words.isBoundary(end)) {
		// The phrase (run without spaces) holding the end: its word boundaries before the end.
		const phraseStart = Math.max(start, ctx.text.lastIndexOf(' ', end - 1) + 1);
		const before = words.boundsBetween(phraseStart, end).filter((b) => b < end);
		end = before.length > 0 ? before[before.length - 1]! : phraseStart;
		while (end > start && ctx.text[end - 1] === ' ') end--;
	}
	// A span opening on a bullet, a hash or a dash (• สิน|เชื่อ, #X, -X) is a list item's or a tag's
	// first word read as a name: no name opens on one.
	if (LIST_MARK.test(ctx.text[start]!)) return undefined;
	// A hyphen ends no name (สภาธุรกิจX-|อาเซียน: the tagger's two halves of one).
	while (end > start && ctx.text[end - 1] === '-') end--;
	return end > start ? [start, end] : undefined;
}

/**
 * What the rules would never take as a name, whoever proposes it: a piece of a word (the model's
 * units are smaller than words), a listed common word or title alone, a head word with nothing
 * but a generic complement (กระทรวง, องค์การระหว่างประเทศ), a name that stops on a Latin function word.
 */
/** `end` moved back before the function words and auxiliaries the span ends on (never past `start`'s first word). */
function beforeClauseWords(ctx: DetectionContext, start: number, end: number): number {
	for (let last = ctx.words.wordBefore(end); last !== '' && end - last.length > start && NEVER_LAST.has(last); last = ctx.words.wordBefore(end)) end -= last.length;
	return end;
}
/** Auxiliaries and clause words no name ends with (not และ, ของ, เพื่อ: names hold them before their next word). */
const NEVER_LAST = new Set(['ได้', 'จะ', 'ซึ่ง', 'ว่า', 'โดย', 'ก็', 'แล้ว', 'ไม่', 'ให้']);

export function plausibleName(ctx: DetectionContext, start: number, end: number): boolean {
	// Two characters are a piece of an abbreviation (ส.), not a name the rules missed.
	if (end - start < 3) return false;
	const name = ctx.text.slice(start, end);
	// Latin-script names are the rules' (capitals, titles, acronyms): the model learned Thai news.
	if (!/[\u0E01-\u0E2E]/.test(name)) return false;
	if (PERSON_STOP.has(name) || GENERIC.has(name) || CIVIL_SERVICE_GRADE.test(name)) return false;
	// Nor a post or title cut short with ฯ (เอกอัครราชทูตฯ, "the ambassador"); a body's short name
	// with ฯ stays (เกษตรฯ, the ministry).
	if (name.endsWith('ฯ') && (triggerTrie().get(name.slice(0, -1)) ?? []).some((v) => v.type === 'position' || v.type === 'honorific')) return false;
	// An abbreviation the lexicon knows is no name (ม.ป.ช. a decoration, ลบ. million baht), as the rules
	// read it; not a month's, which the model reads in context (ก.พ. is February and also a commission).
	if (NON_NAME_ABBREVIATIONS.has(name) && !MONTH.test(name)) return false;
	// An abbreviation with a number right after it is a code (อท.2034, a rural road), as the rules read it.
	if (name.endsWith('.') && /^[0-9๐-๙]/.test(ctx.text.slice(end, end + 1))) return false;
	// Nor one in brackets after a post (ผู้ว่าราชการจังหวัด (ผวจ.)): the post's.
	if (name.endsWith('.') && abbreviatesPostBefore(ctx.text, start)) return false;
	// Nor a post written short with its ministry's (ปกท.ทส., รมว.กห.): the post's, as the rules read it.
	if (/^(?:[ก-ฮ]{1,5}\.)+$/.test(name) && shortTitleAt(ctx.text, start)) return false;
	// Ending on a Latin function or everyday word (ชมรม To…), it stops inside a Latin phrase: the
	// rules read Latin names whole.
	const last = /[A-Za-z]+$/.exec(name)?.[0];
	if (last !== undefined && (LATIN_STOP.has(last) || LATIN_COMMON_WORDS.has(last))) return false;
	heads ??= trieOf([...ORG_HEADS, ...PLACE_HEADS, ...OTHER_HEADS]);
	const head = heads.matchesAt(name, 0).at(-1);
	if (head === undefined) return true;
	const rest = name.slice(head.end).trim();
	// A highway district's head alone (แขวง|ทางหลวง) names no office.
	const office = name.startsWith('แขวง') ? HIGHWAY_DISTRICT.exec(rest) : null;
	// A head and a verb alone is a clause (ที่กรม|จัด): the rules take no name there.
	if (VERB_SET.has(rest) || ORG_STOP.has(rest)) return false;
	// Nor a head and a post of a ministry or province alone (สำนักงาน|ปลัดกระทรวง): a kind of office (readHeadName).
	if (LEVEL_POSTS.has(rest)) return false;
	// Nor a head and a preposition alone (กระทรวง|สู่): readHeadName takes none.
	if (HEAD_ONLY_PARTICLES.has(rest)) return false;
	return rest !== '' && !GENERIC.has(rest) && (office === null || office[0].length < rest.length);
}

/** The Thai months written short (ม.ค. … ธ.ค.). */
const MONTH = /^(?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค)\.$/;

const DISTRICT_HEAD = /^(?:กิ่งอำเภอ|อำเภอ|อ\.) ?/;

/** A name opened by อำเภอ or อ. is a place only with a district the gazetteer knows (อ. before a person is อาจารย์). */
function knownDistrictIfAny(name: string): boolean {
	const head = DISTRICT_HEAD.exec(name);
	if (head === null) return true;
	const first = name.slice(head[0].length).split(' ')[0]!;
	return gazetteer().districts.has(first) || first.startsWith('เมือง');
}

/**
 * The model's mentions of `ctx.text`, a paragraph at a time. Those that widen rule names join the
 * rules' candidates at once; the others are returned, to fill only what the rules and the repeats
 * of their names leave free (a name the rules found is found again by its repeats, in its group).
 */
export function* modelCandidatesSteps(ctx: DetectionContext, clock: StepClock, tagged?: TaggedText): Steps<Candidate[]> {
	const rest: Candidate[] = [];
	const model = sharedTagger();
	if (model === null) return rest;
	const text = ctx.text;
	const rules = [...ctx.candidates].sort((a, b) => a.start - b.start);
	const longest = rules.reduce((n, c) => Math.max(n, c.end - c.start), 0);
	const seen = new SpanCover(text.length);
	let from = 0;
	let paragraph = 0;
	while (from < text.length) {
		let to = text.indexOf('\n', from);
		if (to < 0) to = text.length;
		if (to > from) {
			const spans = tagged?.[paragraph++] ?? tagText(text.slice(from, to), model);
			// Only a body may be two joined: no array per span for the others.
			for (const span of spans.some(isBody) ? spans.flatMap((sp) => (isBody(sp) ? splitJoinedBodies(text, from, sp) : sp)) : spans) {
				seen.add(from + span.start, from + span.end, span.kind);
				const snapped = toWordEdges(ctx, from + span.start, from + span.end);
				if (snapped === undefined) continue;
				let start = snapped[0];
				let end = snapped[1];
				let title: string | undefined;
				let titleStart: number | undefined;
				let kind = span.kind;
				if (kind === 'person') {
					// A counted noun (รัชกาล|ที่ 9) is no name; nor is a span ending on a royal prefix with the
					// name the tagger cut off glued to it (พระบาทสมเด็จพระ|…เจ้าอยู่หัว).
					if (ordinalFollows(text, end)) {
						// The counted noun as the name's own last token (พระบาทสมเด็จพระ…เจ้าอยู่หัว รัชกาล|ที่ 10) is cut off.
						const space = text.lastIndexOf(' ', end - 1);
						if (space <= start) continue;
						end = space;
						while (text[end - 1] === ' ') end--;
					}
					if (ROYAL_PREFIX_END.test(text.slice(start, end)) && isThaiNameChar(text.charCodeAt(end))) continue;
					// A joining word as its last token (…นารุฮิโตะ แห่ง|ประเทศ…, "of"): it joins the name to the
					// phrase after it, no name's token is one.
					const lastSpace = text.lastIndexOf(' ', end - 1);
					if (lastSpace > start && TRAILING_JOINERS.has(text.slice(lastSpace + 1, end))) {
						end = lastSpace;
						while (text[end - 1] === ' ') end--;
					}
					// Places one after another (a list of countries: …ชิลี แม็กซิโก รัสเซีย…) are no one's name.
					const beforePlace = beforeKnownPlace(text, start, end);
					if (beforePlace === undefined) continue;
					end = beforePlace;
					if (listOfThings(ctx, start, end)) continue;
					// A royal title written after a name opens the tagger's span (…พระบรมราชินี ทรงพระ|เจริญ):
					// the name, if any, is after it.
					const royal = TITLES_AFTER_NAME.find((t) => text.startsWith(t, start));
					if (royal !== undefined && !opensNameAfter(text, start + royal.length, end)) continue;
					// A royal's act or work glued before the royal's style (พระดำริ|สมเด็จพระเจ้าลูกเธอ X, "the
					// initiative of…"): the person is named from the style on, the words before are the sentence's.
					start = styleInsideFirstToken(ctx, start, end);
					const cut = titleEnd(text, start, end);
					if (cut > start) {
						// After a title the model's name must still end at a word's end and not begin with
						// a common word: นายทหาร, นางพยาบาล are no names; nor is it one everyday word, the
						// next office in a list (นายอำเภอ กำนัน ผู้ใหญ่บ้าน).
						// Nor a noun นาย/นาง make a post of as its whole first token, the next phrase after it
						// (นาย|จ้าง สถาน|ประกอบการ: the employer), as the title rule reads it.
						const firstToken = text.slice(cut, Math.min(end, ctx.thaiRunEnd(cut)));
						if (PERSON_STOP.has(ctx.words.wordAt(cut)) || !ctx.words.isBoundary(end) || isCommonWord(text.slice(cut, end)) || nounAfterHonorific(firstToken)) continue;
						// Nor a post with its grade glued after it (นาย|ช่างโยธา|ปฏิบัติงาน), as the title rule reads it.
						if (!text.slice(cut, end).includes(' ') && postWithGrade(text.slice(cut, ctx.thaiRunEnd(cut)))) continue;
						// A title abbreviated with ฯ (สมเด็จพระนางเจ้าฯ) has no name written after it.
						if (text[cut] === 'ฯ') continue;
						title = text.slice(start, cut).trimEnd();
						titleStart = start;
						start = cut;
						// The royal auxiliary after a royal title (พระบรมราชินี ทรงพระ|เจริญ) opens a clause.
						if (opensRoyalClause(text.slice(start, end))) continue;
					} else if (afterOrgHead(text, start)) {
						// A name right after บริษัท, สมาคม… is the body's name, not a person's.
						kind = 'organization';
					}
				}
				// A body's or place's span run on into the clause by a function word or an auxiliary
				// (กระทรวงX|ได้|พัฒนา…, เขตเทศบาลX|จะ): the name ends before it.
				if (kind !== 'person') end = beforeClauseWords(ctx, start, end);
				// A head written twice (สำนักงานสำนักงานX): the name opens at the second.
				if (kind !== 'person') start = afterRepeatedHead(ctx, start);
				if (!plausibleName(ctx, start, end) || !modelNameHasEvidence(ctx, titleStart ?? start, end, kind, title !== undefined)) continue;
				if (kind === 'place' && !knownDistrictIfAny(text.slice(start, end))) continue;
				const priority = priorityOver(text, rules, longest, start, end, kind);
				const c = uniformCandidate({
					start,
					end,
					kind,
					rule: 'model',
					priority,
					...(title === undefined ? {} : {title, titleStart}),
					...(kind === 'person' ? {tokens: text.slice(start, end).split(/\s+/).length} : {}),
					// A place the tagger read with its head (ประเทศอุซเบกิสถาน) is the gazetteer's place.
					...(kind === 'place' ? {placeKey: samePlaceKey(text.slice(start, end))} : {}),
				});
				if (priority === CUT) continue;
				if (priority > MODEL_PRIORITY) ctx.add(c);
				else rest.push(c);
			}
		}
		from = to + 1;
		if (clock.due()) yield* clock.pause();
	}
	cutWhereTaggerEnds(ctx, seen);
	markUnsupported(ctx, seen);
	ctx.modelKinds = seen.bits;
	return rest;
}

/** The tagger's spans of each non-empty paragraph of a text, in order (offsets within the paragraph). */
export type TaggedText = readonly (readonly ModelSpan[])[];

/**
 * The tagger's spans of every paragraph of `text`, as modelCandidatesSteps would find them, or
 * undefined when the model is off. Detection of a batch tags all its articles first, one after the
 * other: the kernel's 512 KB of weights and the lexicon trie stay in the processor's cache, where the
 * rules' work between two articles' paragraphs pushed them out (the kernel took twice as long per unit).
 */
export function tagParagraphs(text: string): TaggedText | undefined {
	const model = sharedTagger();
	if (model === null) return undefined;
	const out: ModelSpan[][] = [];
	for (let from = 0; from < text.length;) {
		let to = text.indexOf('\n', from);
		if (to < 0) to = text.length;
		if (to > from) out.push(tagText(text.slice(from, to), model));
		from = to + 1;
	}
	return out;
}

export const KIND_BIT: Record<EntityKind, number> = {person: 1, organization: 2, place: 4, other: 8};

/** Which kinds the model saw at each character. */
class SpanCover {
	readonly bits: Uint8Array;
	constructor(length: number) {
		this.bits = new Uint8Array(length);
	}
	add(start: number, end: number, kind: EntityKind): void {
		const bit = KIND_BIT[kind];
		for (let i = start; i < end; i++) this.bits[i]! |= bit;
	}
	/** The kinds seen anywhere in [start, end), as bits. */
	kindsIn(start: number, end: number): number {
		let k = 0;
		for (let i = start; i < end; i++) k |= this.bits[i]!;
		return k;
	}
}

/**
 * A body's head-word name that runs on into its clause (กระทรวงX|ร่วม|ผลิต, กรมX|ดำเนิน…: verbs the
 * word lists do not stop at, since bodies' names hold them too: ร่วม|สมัย, ส่ง|เสริม) ends where the
 * tagger's body ends, when the tagger reads what is left as no name at all, what is left opens with a
 * verb and holds everyday words only (no place the gazetteer knows), and the cut splits no word the
 * lists know nor a compound verb the segmenter cuts in two (ส่ง|เสริม is ส่งเสริม: no verb before the
 * cut) and follows no การ or ความ (a verbal noun: การ|จัด…). The cut is the
 * first word edge at or past the tagger's end after which only such words are left; the name keeps
 * more than its head. The tagger alone cuts names short (กรมการ|จัดหางาน): the verb is the clause's
 * evidence, the tagger's silence the name's end.
 */
function cutWhereTaggerEnds(ctx: DetectionContext, seen: SpanCover): void {
	const text = ctx.text;
	for (const c of ctx.candidates) {
		if (c.rule !== 'org-head' || c.kind !== 'organization') continue;
		const bit = KIND_BIT.organization;
		if ((seen.bits[c.start]! & bit) === 0) continue;
		let x = c.start;
		while (x < c.end && (seen.bits[x]! & bit) !== 0) x++;
		if (x >= c.end || seen.kindsIn(x, c.end) !== 0) continue;
		// The first word edge at or past the tagger's end after which only everyday words are left.
		const edges = ctx.words.isBoundary(x) ? [x, ...ctx.innerBounds(x, c.end)] : ctx.innerBounds(x, c.end);
		const cut = edges.find((b) => everydayTail(ctx, b, c.end)) ?? -1;
		if (cut < 0) continue;
		if (!clauseVerbAt(ctx, cut)) continue;
		heads ??= trieOf([...ORG_HEADS, ...PLACE_HEADS, ...OTHER_HEADS]);
		const head = heads.matchesAt(text, c.start).at(-1);
		if (head === undefined || head.end >= cut) continue;
		c.end = cut;
		c.closed = true;
	}
}

/**
 * A head-word name run on into a clause with no clear end (ตำรวจ|จับกุมตัว…, a body's head and a
 * verb) that the model does not see as a name either is weak: marked, and dropped after it had its
 * chance to be cut back to a name written elsewhere (findMentions).
 */
function markUnsupported(ctx: DetectionContext, seen: SpanCover): void {
	for (const c of ctx.candidates) {
		// A name that ends on a place the gazetteer knows is closed by it (ศูนย์ฝึกอาชีพ|ภาคใต้): not
		// left to whether the tagger happened to tag the place.
		if (c.rule === 'org-head' && !c.closed && seen.kindsIn(c.start, c.end) === 0 && !endsOnKnownPlace(ctx, c.start, c.end)) c.unsupported = true;
	}
}

/** The candidates that fit where nothing was accepted yet and no title stands, each its own group (the last step). */
export function fillFree(ctx: DetectionContext, candidates: readonly Candidate[], occupied: Occupancy): Candidate[] {
	const out: Candidate[] = [];
	// Titles the rules read (YB Dato' Sri, H.E. Mr.) are no names either; nothing is placed after this.
	for (const t of ctx.candidates) if (t.titleStart !== undefined && t.title !== undefined) occupied.mark(t.titleStart, t.titleStart + t.title.length);
	for (const c of candidates) {
		if (!occupied.free(c.start, c.end)) continue;
		occupied.mark(c.start, c.end);
		c.group = ctx.newGroup();
		out.push(c);
	}
	return out;
}
