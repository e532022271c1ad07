// One pass over the Thai text with a trie of every trigger word: titles and positions announce a
// person, head words open an organisation or place name, gazetteer entries are places. At each
// position the longest trigger that yields a name wins, and the scan resumes after that name.

import {isCommonWord, isOrgWord, isPlaceWord} from '../common-words.js';
import {gazetteer, isCountryKey, type PlaceName} from '../gazetteer.js';
import {
	FOREIGN_POSITIONS,
	FUNCTION_WORD_SET,
	GENERIC_COMPLEMENTS,
	NON_NAME_ABBREVIATIONS,
	ORG_HEADS,
	PLACE_HEADS,
	WEAK_ORG_HEADS,
	WEAK_PLACE_HEADS,
	WEAK_POSITIONS,
} from '../lexicon.js';
import {NO_PAUSE, type StepClock, type Steps, runSteps} from '../steps.js';
import {type DetectionContext, GENERIC, ORG_STOP, GLUE_AFTER, GLUE_BEFORE, GLUE_OK, KNOWN_BEFORE, PERSON_STOP, PRIORITY, VERB_SET, isThaiNameChar} from './context.js';
import {FALSE_HEAD, HIGHWAY_DISTRICT, countryAfterCapital, readHeadName} from './head-name.js';
import {hasLatinHeadWord} from './person-brackets.js';
import {readPersonName} from './person-name.js';
import {type Trigger, triggerTrie} from './trigger-trie.js';
import {SuffixSet} from '../trie.js';

/** Characters scanned between two looks at the step clock. */
const CHECK_EVERY = 512;

/** Place heads after which the name may follow a space (จังหวัด เซินลา). */
const SPACED_PLACE_HEADS = new Set(['จังหวัด', 'อำเภอ', 'ตำบล', 'มณฑล', 'แขวง']);
const ORG_HEAD_SET = new Set(ORG_HEADS);
/** Place heads a title may be glued to as part of the place's name. */
const PLACE_HEADS_BEFORE = new SuffixSet(PLACE_HEADS.filter((h) => !h.includes('.')));
/** Body heads a position may be glued to as part of the body's name. */
const ORG_HEADS_BEFORE = new SuffixSet(ORG_HEADS.filter((h) => !h.includes('.')));
const ABBREVIATION_AT = /^(?:[ก-ฮ]{1,5}\.){1,4}/;
/** A count before นาย (3 นาย, หลายนาย); a year (ปี 2564 นาย…) is no count. */
const COUNT_BEFORE = /(?:หลาย|(?:^|[^0-9๐-๙])[0-9๐-๙]{1,3} ?|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ)$/;
/** Titles whose complement is a ministry, written by its short name (มหาดไทย, สาธารณสุข) or a body (หัวหน้าพรรค…). */
const MINISTERIAL = /(?:รมว\.?|รมช\.?|รมต\.?|ว่าการ|ปลัดกระทรวง|กระทรวง|พรรค)$/;
/** Heads of press names: only a Latin name after them is taken (ThaiNER leaves Thai press names out). */
const PRESS_HEADS = new Set(['หนังสือพิมพ์', 'สำนักข่าว', 'สถานีโทรทัศน์', 'สถานีวิทยุ']);

export function detectThaiTriggers(ctx: DetectionContext): void {
	runSteps(detectThaiTriggersSteps(ctx, NO_PAUSE));
}

/** The same scan in steps (a 190,000-character article takes tens of milliseconds). */
export function* detectThaiTriggersSteps(ctx: DetectionContext, clock: StepClock): Steps<void> {
	const trie = triggerTrie();
	const text = ctx.text;
	const n = text.length;
	let i = 0;
	let nextCheck = CHECK_EVERY;
	// The end of the longest trigger word read so far: a title inside it (คณะ|กรรมการ…) is no title.
	let wordEnd = 0;
	// The end of the longest title or rank read so far: a body's or place's head inside it
	// (พัน|ตำรวจ|เอก glued to a given name) is the rank's word, no body.
	let titleEnd = 0;
	// The words starting at each position tried (their ends and trie nodes), reused from one to the next.
	const ends: number[] = [];
	const nodes: number[] = [];
	while (i < n) {
		if (i >= nextCheck) {
			nextCheck = i + CHECK_EVERY;
			if (clock.due()) yield* clock.pause();
		}
		const c = text.charCodeAt(i);
		// Triggers start with a Thai consonant or a leading vowel (เ แ โ ใ ไ).
		if (!((c >= 0x0e01 && c <= 0x0e2e) || (c >= 0x0e40 && c <= 0x0e44))) {
			i++;
			continue;
		}
		const count = trie.matchEndsAt(text, i, ends, nodes);
		if (count === 0) {
			i++;
			continue;
		}
		const longest = ends[count - 1]!;
		// Glued to the word before, a trigger must follow a word we know (สมาชิก|องค์การ, ว่า|นาย):
		// checked on the word lists, not by segmenting, which is what costs time. Dotted titles
		// (พล.อ.อ.) are distinctive enough to start anywhere (อาทิพล.อ.อ.…); gazetteer names check
		// their own glue.
		const glued = i > 0 && isThaiNameChar(text.charCodeAt(i - 1));
		const dotted = twoDots(text, i, longest);
		const knownBefore = !glued || dotted || KNOWN_BEFORE.endingAt(text, i) > 0;
		let resumeAt = i + 1;
		const insideWord = i < wordEnd;
		const insideTitle = i < titleEnd;
		// Only a word that may start here covers what follows (แท|นพ. is no word; พ.ต.ต. after it is a title).
		if (knownBefore && !dotted) {
			wordEnd = Math.max(wordEnd, longest);
			if (trie.valuesAt(nodes[count - 1]!).some((t) => t.type === 'honorific')) titleEnd = Math.max(titleEnd, longest);
		}
		outer: for (let m = count - 1; m >= 0; m--) {
			const matchEnd = ends[m]!;
			for (const trigger of trie.valuesAt(nodes[m]!)) {
				// A longer title or head that made nothing is not retried as a shorter one (คณะอนุกรรมการ ≠ คณะ + อนุกรรมการ).
				if (m < count - 1 && trigger.type !== 'gazetteer') continue;
				if (!knownBefore && trigger.type !== 'gazetteer') continue;
				if (insideWord && (trigger.type === 'honorific' || trigger.type === 'position')) continue;
				if (insideTitle && (trigger.type === 'org' || trigger.type === 'place')) continue;
				const end = handle(ctx, trigger, i, matchEnd);
				if (end !== undefined) {
					resumeAt = Math.max(end, i + 1);
					break outer;
				}
			}
		}
		i = resumeAt;
	}
}

/**
 * Two dots on one line in text[start, end) (/\..*\./ on the slice, without the slice and the
 * regular expression: this runs at every trigger match of every article).
 */
function twoDots(text: string, start: number, end: number): boolean {
	let dots = 0;
	for (let k = start; k < end; k++) {
		const c = text.charCodeAt(k);
		if (c === 0x2e) {
			if (++dots === 2) return true;
		} else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) dots = 0;
	}
	return false;
}

/** What closes a state enterprise's name: การท่องเที่ยว|แห่งประเทศไทย, การยาง|แห่งประเทศไทย. */
const OF_THAILAND = 'แห่งประเทศไทย';

/**
 * State enterprises named การ + what they run + แห่งประเทศไทย (the tourism, sports, rubber and
 * rail authorities): การ alone is the nominaliser of every verbal noun, so only this ending makes it
 * a body's head. The name runs unbroken (no space, no function word) from การ, which starts a word;
 * what it runs may be a verb (ท่องเที่ยว).
 */
export function detectStateEnterprises(ctx: DetectionContext): void {
	const text = ctx.text;
	for (let at = text.indexOf(OF_THAILAND); at >= 0; at = text.indexOf(OF_THAILAND, at + OF_THAILAND.length)) {
		const end = at + OF_THAILAND.length;
		if (end < text.length && isThaiNameChar(text.charCodeAt(end)) && !ctx.words.isBoundary(end)) continue;
		const from = Math.max(0, at - 24);
		const near = text.slice(from, at).lastIndexOf('การ');
		const start = near < 0 ? -1 : from + near;
		if (start < 0 || start + 3 >= at || !ctx.words.isBoundary(start)) continue;
		// Glued after a body's head or "for" it is the body's complement, no head (สถาบันเพื่อ|การ…).
		const before = start > 0 && isThaiNameChar(text.charCodeAt(start - 1)) ? ctx.words.wordBefore(start) : '';
		if (before === 'เพื่อ' || ORG_HEAD_SET.has(before)) continue;
		// Nor is the การ that ends a post or a head (ผู้อำนวยการ|สถานี…, คณะกรรมการ…).
		if (endsTrigger(text, start + 3)) continue;
		const between = ctx.innerBounds(start + 3, at).map((b) => ctx.words.wordAt(b));
		if (!/^[\u0E01-\u0E4E]+$/.test(text.slice(start, at)) || between.some((w) => FUNCTION_WORD_SET.has(w))) continue;
		ctx.add({start, end, kind: 'organization', rule: 'org-head', priority: PRIORITY.org, closed: true});
	}
}

/** The temple word (วัด), which is also the verb "to measure". */
const TEMPLE = 'วัด';
/** Words before วัด that make it the verb or a measuring thing (ตรวจ|วัด, ตัวชี้|วัด, สถานี|วัด|น้ำ), or a generic temple (เข้า|วัด). */
const MEASURING_BEFORE = new Set(['ตรวจ', 'ชี้', 'ตัวชี้', 'ตวง', 'การ', 'ความ', 'เพื่อ', 'เครื่อง', 'ผู้', 'สถานี', 'ทำการ', 'เข้า', 'ใน', 'รอบ', 'ทุก', 'แต่ละ']);

/**
 * Temples: วัด + a name, glued (วัดพระแก้ว, วัดป่าเลไลยก์วรวิหาร), read as places. วัด is also "to
 * measure" (ตรวจวัดอุณหภูมิ, วัดความรู้): so only a word of its own, after no measuring word, with
 * no function word, verb, generic word, head or country first (วัด|ได้, วัด|ต่างๆ, วัด|ไทย), and a
 * name that holds a word no list calls everyday (not วัด|ฝุ่น|ละออง, วัด|คาทอลิก).
 */
export function detectTemples(ctx: DetectionContext): void {
	const text = ctx.text;
	for (let at = text.indexOf(TEMPLE); at >= 0; at = text.indexOf(TEMPLE, at + TEMPLE.length)) {
		const end = at + TEMPLE.length;
		if (!ctx.words.isBoundary(at) || ctx.words.wordAt(at) !== TEMPLE || !isThaiNameChar(text.charCodeAt(end))) continue;
		if (at > 0 && isThaiNameChar(text.charCodeAt(at - 1)) && MEASURING_BEFORE.has(ctx.words.wordBefore(at))) continue;
		const runEnd = ctx.thaiRunEnd(end);
		const first = ctx.firstWord(end, runEnd);
		// Nor a head word (วัด|โรงเรียน: temple and school) or a country alone (วัด|ไทย: Thai temples).
		if (
			!templeWord(first) ||
			triggerTrie()
				.get(first)
				?.some((v) => v.type === 'org' || v.type === 'place') === true
		)
			continue;
		if (isCountryKey(gazetteer().thai.get(text.slice(end, runEnd))?.key)) continue;
		// The name runs to the end of its run, or to a function word, a verb or another head (a
		// temple's name is of Pali words and place words the lists call common: พระ, ศรี, มหา).
		let nameEnd = runEnd;
		let closed = true;
		const bounds = ctx.innerBounds(end, runEnd);
		for (let k = 0; k < bounds.length; k++) {
			const w = ctx.words.wordAt(bounds[k]!);
			if (
				k >= MAX_TEMPLE_WORDS ||
				w === TEMPLE ||
				!templeWord(w) ||
				triggerTrie()
					.get(w)
					?.some((v) => v.type !== 'honorific') === true
			) {
				nameEnd = bounds[k]!;
				closed = false;
				break;
			}
		}
		if (nameEnd - end < 2) continue;
		// Everyday words only (วัด|ไข้, วัด|ฝุ่น|ละออง, วัด|คาทอลิก): a measure or a kind of temple. A
		// temple's name holds a word of its own (วัด|ระฆัง|โฆสิตาราม, วัด|ป่า|เลไลยก์).
		let own = false;
		for (let b = end; b < nameEnd && !own;) {
			const w = ctx.words.wordAt(b);
			own = !isCommonWord(w) || isPlaceWord(w);
			b += Math.max(1, w.length);
		}
		if (!own) continue;
		ctx.add({start: at, end: nameEnd, kind: 'place', rule: 'place-head', priority: PRIORITY.place, closed});
	}
}

/** Words a temple's name is longer than only as a clause (a long Pali name is one Thai run of 8 words at most). */
const MAX_TEMPLE_WORDS = 8;

/** A word a temple's name may hold: no function word, verb, generic or stop word. */
function templeWord(w: string): boolean {
	return !FUNCTION_WORD_SET.has(w) && !VERB_SET.has(w) && !GENERIC.has(w) && !ORG_STOP.has(w);
}

/** A trigger word (a title, a post, a head) ends at `end`, starting up to 12 letters before it. */
function endsTrigger(text: string, end: number): boolean {
	const trie = triggerTrie();
	for (let s = Math.max(0, end - 12); s < end - 3; s++) if (trie.matchesAt(text, s).some((m) => m.end === end)) return true;
	return false;
}

/** A registered company's legal ending, and its public one. */
const LIMITED = 'จำกัด';
const PUBLIC = /^\s?\(มหาชน\)/;
/** What never sits inside a company's name between บริษัท and จำกัด: a line's or a clause's end. */
const NOT_IN_COMPANY = /[\n\r,;:()"“”]|บริษัท|จำกัด|ห้างหุ้นส่วน$/;
/** One bracketed part that ends a company's name before จำกัด: its country or a kind. */
const COMPANY_BRACKET = /\s?\([^()\n\r,;:"“”]{1,25}\)\s?$/;

/**
 * Companies by their registered names, บริษัท … จำกัด (มหาชน): whatever is between is the name, in
 * any script and with spaces (บริษัท ซีพี ออลล์ จำกัด (มหาชน)), up to six tokens none of which is a
 * Thai function word or verb, and no function word glued inside (บริษัทได้ให้…จำกัด is a clause).
 */
export function detectRegisteredCompanies(ctx: DetectionContext): void {
	const text = ctx.text;
	for (let at = text.indexOf(LIMITED); at >= 0; at = text.indexOf(LIMITED, at + LIMITED.length)) {
		// Looked for in the 90 letters before only: a long report may hold จำกัด often and บริษัท never.
		const near = text.slice(Math.max(0, at - 90), at).lastIndexOf('บริษัท');
		if (near < 0) continue;
		const start = Math.max(0, at - 90) + near;
		const whole = text.slice(start + 'บริษัท'.length, at);
		// A bracket just before จำกัด is the name's (บริษัท X (ประเทศไทย) จำกัด, (ไทยแลนด์)).
		const name = whole.replace(COMPANY_BRACKET, '');
		if (name.trim() === '' || NOT_IN_COMPANY.test(name)) continue;
		const tokens = name.trim().split(/\s+/);
		if (tokens.length > 6 || tokens.some((t) => FUNCTION_WORD_SET.has(t) || VERB_SET.has(t))) continue;
		// Nor a function word glued inside (บริษัทได้ให้ความร่วมมือกับ…).
		if (ctx.innerBounds(start + 'บริษัท'.length, at).some((b) => FUNCTION_WORD_SET.has(ctx.words.wordAt(b)))) continue;
		const end = at + LIMITED.length + (PUBLIC.exec(text.slice(at + LIMITED.length))?.[0].length ?? 0);
		if (end < text.length && isThaiNameChar(text.charCodeAt(end)) && !ctx.words.isBoundary(end)) continue;
		ctx.add({start, end, kind: 'organization', rule: 'org-head', priority: PRIORITY.org, closed: true});
	}
}

/**
 * The end of the segmenter's word at `start` when it is a body's head (ending at `end`) joined with
 * an everyday word (ศูนย์|วิจัย as ศูนย์วิจัย); undefined when that word is anything else (กรมธรรม์).
 */
function joinedHeadEnd(ctx: DetectionContext, start: number, end: number): number | undefined {
	if (!ctx.words.isBoundary(start)) return undefined;
	const word = ctx.words.wordAt(start);
	const rest = ctx.text.slice(end, start + word.length);
	if (rest.length < 2 || !isCommonWord(rest) || VERB_SET.has(rest) || FUNCTION_WORD_SET.has(rest) || ORG_STOP.has(rest)) return undefined;
	// The compound is no word of its own, or one the data saw inside bodies' names (ศูนย์วิจัย); not
	// an everyday compound that names no body (ศูนย์กลาง "hub", ศูนย์การค้า "mall").
	return !isCommonWord(word) || isOrgWord(word) ? start + word.length : undefined;
}

/** Tries one trigger; returns where the scan resumes, or undefined when it made nothing. */
function handle(ctx: DetectionContext, trigger: Trigger, start: number, end: number): number | undefined {
	const text = ctx.text;
	const endsWithDot = text.charCodeAt(end - 1) === 0x2e || text.charCodeAt(end - 1) === 0x0e2f;
	if (trigger.type === 'gazetteer') return gazetteerName(ctx, trigger.place, trigger.word, start, end);
	// ประเทศ only opens a known country (ประเทศญี่ปุ่น): checked before any segmenting.
	if (trigger.type === 'place' && trigger.word === 'ประเทศ' && !placeFollows(ctx, end)) return undefined;
	// Cheap refusals first: a vowel sign right after cannot follow a word's end (นคร|ั), and some
	// words merely begin with a head (รัฐบาล, เขตแดน).
	const next = text.charCodeAt(end);
	if (!endsWithDot && ((next >= 0x0e30 && next <= 0x0e3a) || next === 0x0e45 || (next >= 0x0e47 && next <= 0x0e4e))) return undefined;
	if ((trigger.type === 'org' || trigger.type === 'place') && (FALSE_HEAD.test(text.slice(start, end + 12)) || next === 0x0e2f)) return undefined;
	// A trigger word must end where a word ends (นาย in นายก, กรม in โปรแกรม are not triggers); but a
	// body's head the segmenter joined with an everyday word (ศูนย์วิจัย, ศูนย์บริการ) heads with it.
	if (!endsWithDot && end < text.length && isThaiNameChar(next) && !ctx.words.isBoundary(end)) {
		const joined = trigger.type === 'org' ? joinedHeadEnd(ctx, start, end) : undefined;
		if (joined === undefined) return undefined;
		end = joined;
	}
	switch (trigger.type) {
		case 'honorific':
			return personAfterTitle(ctx, start, end, true, FOREIGN_POSITIONS.has(trigger.word));
		case 'position':
			return personAfterPosition(ctx, trigger.word, start, end);
		case 'org': {
			const weak = WEAK_ORG_HEADS.has(trigger.word);
			const name = readHeadName(ctx, start, end, weak, false);
			if (name === undefined || (PRESS_HEADS.has(trigger.word) && !name.latinOnly)) return undefined;
			ctx.add({start: name.start, end: name.end, kind: 'organization', rule: 'org-head', priority: PRIORITY.org, closed: name.closed});
			return name.end;
		}
		case 'standalone':
			ctx.add({start, end, kind: 'organization', rule: 'org-name', priority: PRIORITY.org, closed: true});
			return end;
		case 'place': {
			const weak = WEAK_PLACE_HEADS.has(trigger.word);
			// การเมือง (politics), ทางเมือง: no city.
			if (trigger.word === 'เมือง' && /(?:การ|ทาง|นัก)$/.test(text.slice(Math.max(0, start - 3), start))) return undefined;
			// ภาค|รัฐ is the public sector: a head glued after a word it makes a generic word with names nothing.
			if (endsGenericCompound(text, start, end)) return undefined;
			// แขวงทางหลวง… names a highway department's district office: a body with that whole head.
			const highway = trigger.word === 'แขวง' ? HIGHWAY_DISTRICT.exec(text.slice(end, end + 11)) : null;
			if (highway !== null) {
				const office = readHeadName(ctx, start, end + highway[0].length, false, false);
				if (office === undefined || office.latinOnly) return undefined;
				ctx.add({start, end: office.end, kind: 'organization', rule: 'org-head', priority: PRIORITY.org, closed: office.closed});
				return office.end;
			}
			const name = readHeadName(ctx, start, end, weak, SPACED_PLACE_HEADS.has(trigger.word), true);
			if (name === undefined) {
				const country = countryAfterCapital(ctx, start, end);
				if (country === undefined) return undefined;
				const body = readHeadName(ctx, start, end, false, false);
				if (body === undefined) return undefined;
				// A verb right after the country's name is the clause going on (กรุงไทย|ส่ง…), not the name.
				const cut = VERB_SET.has(ctx.firstWord(country, ctx.thaiRunEnd(country)));
				const bodyEnd = cut ? country : body.end;
				ctx.add({start: body.start, end: bodyEnd, kind: 'organization', rule: 'org-head', priority: PRIORITY.org, closed: cut || body.closed});
				return bodyEnd;
			}
			// ประเทศ names only known countries (ประเทศญี่ปุ่น, not ประเทศเพื่อนบ้าน).
			if (trigger.word === 'ประเทศ' && name.placeKey === undefined) return undefined;
			ctx.add({start: name.start, end: name.end, kind: 'place', rule: 'place-head', priority: PRIORITY.place, placeKey: name.placeKey, closed: name.closed});
			return name.end;
		}
		default:
			return undefined;
	}
}

/**
 * A place from the gazetteer, standing alone or glued only to a function word or verb
 * (ของไทย, จีนและ…); ภาษาไทย, คนไทย and ไทยคม are no place mentions.
 */
function gazetteerName(ctx: DetectionContext, place: PlaceName, word: string, start: number, end: number): number | undefined {
	const text = ctx.text;
	if (gazetteer().ambiguous.has(word)) return undefined;
	if (start > 0 && isThaiNameChar(text.charCodeAt(start - 1)) && GLUE_BEFORE.endingAt(text, start) === 0) return undefined;
	if (end < text.length && isThaiNameChar(text.charCodeAt(end)) && !GLUE_AFTER.startsAt(text, end)) return undefined;
	ctx.add({start, end, kind: place.kind, rule: 'gazetteer', priority: PRIORITY.gazetteer, placeKey: place.key, closed: true});
	return end;
}

/** A gazetteer place starts at `pos` (or after one space). */
function placeFollows(ctx: DetectionContext, pos: number): boolean {
	const p = ctx.text[pos] === ' ' ? pos + 1 : pos;
	return triggerTrie()
		.matchesAt(ctx.text, p)
		.some((m) => m.values.some((v) => v.type === 'gazetteer'));
}

const EMERITUS = 'เกียรติคุณ';
const PROFESSOR_END = /(?:ศาสตราจารย์|ศ\.)$/;

/** A name glued at `at`: a Thai letter that opens no stop word, verb or everyday word (…นายได้รับ, …นายเข้า). */
function nameGluedAt(ctx: DetectionContext, at: number): boolean {
	if (!isThaiNameChar(ctx.text.charCodeAt(at)) || !ctx.words.isBoundary(at)) return false;
	const first = ctx.words.wordAt(at);
	return !PERSON_STOP.has(first) && !VERB_SET.has(first) && !isCommonWord(first);
}

function personAfterTitle(ctx: DetectionContext, start: number, end: number, honorific: boolean, foreign: boolean): number | undefined {
	const text = ctx.text;
	// Glued to the word before, a title must follow a function word or verb (ว่านาย…, โดยนาง…);
	// ขุนน้ำนางนอน is a place name, not นาง + name.
	if (start > 0 && isThaiNameChar(text.charCodeAt(start - 1)) && !text.slice(start, end).includes('.') && KNOWN_BEFORE.endingAt(text, start) === 0) return undefined;
	// Glued to a place's head it names the place (เกาะนางยวน, ดอยนางนอน), not a person.
	if (start > 0 && isThaiNameChar(text.charCodeAt(start - 1)) && PLACE_HEADS_BEFORE.endingAt(text, start) > 0) return undefined;
	// นาย after a number is a classifier ("สองนาย", "หลายนาย": so many officers), not a title; but
	// a name glued to it follows a date's year or a list's number (ก.พ. 65 นายX, 1.2 นายY).
	if (text.startsWith('นาย', start) && end === start + 3 && COUNT_BEFORE.test(text.slice(Math.max(0, start - 6), start)) && !nameGluedAt(ctx, end)) return undefined;
	// Chained titles (รศ.น.สพ.ดร.…, พล.ต.อ.หญิง): take them all as the title.
	let titleEnd = end;
	const trie = triggerTrie();
	for (let guard = 0; guard < 4; guard++) {
		if (text.startsWith('หญิง', titleEnd)) {
			titleEnd += 4;
			continue;
		}
		// Emeritus belongs to a professor's title, glued or spaced (ศาสตราจารย์เกียรติคุณ, ศ. เกียรติคุณ).
		const emeritus = text[titleEnd] === ' ' ? titleEnd + 1 : titleEnd;
		if (text.startsWith(EMERITUS, emeritus) && PROFESSOR_END.test(text.slice(start, titleEnd))) {
			titleEnd = emeritus + EMERITUS.length;
			continue;
		}
		// "ผศ. ดร.…", "ดาโต๊ะ ศรี ฮัจญี …": a space may separate stacked titles.
		const at = text[titleEnd] === ' ' ? titleEnd + 1 : titleEnd;
		const more = trie.matchesAt(text, at).filter((m) => m.values.some((v) => v.type === 'honorific'));
		const last = more[more.length - 1];
		// A title read through a space must end where a word ends (นาย นายก… is no stack).
		if (last === undefined || (at > titleEnd && isThaiNameChar(text.charCodeAt(last.end)) && !text.slice(at, last.end).includes('.') && !ctx.words.isBoundary(last.end)))
			break;
		titleEnd = last.end;
	}
	// A royal noun used as a title (พระมหากษัตริย์, เจ้าชาย) is as often the noun of a sentence going
	// on (…และพระมหากษัตริย์ อาทิ…, …กษัตริย์ มีนโยบาย…): an everyday or stop word after it starts no name.
	if (NOUN_TITLE.test(text.slice(start, titleEnd))) {
		const at = text[titleEnd] === ' ' ? titleEnd + 1 : titleEnd;
		const first = ctx.firstWord(at, ctx.thaiRunEnd(at));
		if (isCommonWord(first) || PERSON_STOP.has(first)) return undefined;
	}
	const name = readPersonName(ctx, titleEnd, honorific, true, foreign);
	if (name === undefined) return undefined;
	ctx.add({
		start: name.start,
		end: name.end,
		kind: 'person',
		rule: name.latin ? 'title-latin' : 'title',
		title: text.slice(start, titleEnd),
		titleStart: start,
		priority: PRIORITY.person,
		foreign: foreign || name.latin || name.tokens >= 3 || /-/.test(text.slice(name.start, name.end)),
		closed: name.closed,
		tokens: name.tokens,
	});
	return name.end;
}

/**
 * A position, then perhaps its complement (a ministry, a body, a country: "รัฐมนตรีว่าการกระทรวง…",
 * "ประธานาธิบดีอินโดนีเซีย", "…และรัฐมนตรีว่าการ…"), then perhaps a name. The complement's
 * organisations and places become mentions of their own.
 */
/** A deputy minister's title cut short: รัฐมนตรี|ช่วยฯ. */
const DEPUTY_SHORT = 'ช่วยฯ';

function personAfterPosition(ctx: DetectionContext, word: string, start: number, end: number): number | undefined {
	const text = ctx.text;
	// Glued to a body's head the position names the body (คณะ|รัฐมนตรี is the cabinet, สำนัก|นายกรัฐมนตรี
	// an office): what follows is what the body does, not a person.
	if (start > 0 && isThaiNameChar(text.charCodeAt(start - 1)) && ORG_HEADS_BEFORE.endingAt(text, start) > 0) return undefined;
	const trie = triggerTrie();
	let p = end;
	let foreign = FOREIGN_POSITIONS.has(word);
	let complement = false;
	for (let guard = 0; guard < 6; guard++) {
		if (text.charCodeAt(p) === 0x0e2f) {
			p++;
			continue;
		}
		// The deputy's title written short, ฯ for the rest (รัฐมนตรีช่วยฯ X).
		if (text.startsWith(DEPUTY_SHORT, p)) {
			p += DEPUTY_SHORT.length;
			continue;
		}
		if (text.startsWith('และ', p) || text.startsWith(' และ', p)) {
			const q = p + (text[p] === ' ' ? 4 : 3);
			const pos = trie.matchesAt(text, q).filter((m) => m.values.some((v) => v.type === 'position'));
			const last = pos[pos.length - 1];
			if (last !== undefined) {
				if (FOREIGN_POSITIONS.has(text.slice(q, last.end))) foreign = true;
				p = last.end;
				// The second post's own body follows it (…และปลัดกระทรวง|มหาดไทย): read as after the first.
				complement = false;
				continue;
			}
		}
		const connector = /^ ?(?:ช่วยว่าการ|ว่าการ|แห่ง|ประจำ|ของ)/.exec(text.slice(p, p + 12));
		let q = connector ? p + connector[0].length : p;
		if (!connector && text[q] === ' ' && complementAt(ctx, q + 1)) q++;
		// An organisation's abbreviation (เลขาธิการ กกต., รมว.ศธ.).
		const abbr = ABBREVIATION_AT.exec(text.slice(q, q + 24));
		if (abbr !== null && !NON_NAME_ABBREVIATIONS.has(abbr[0]) && abbr[0].replace(/[^ก-ฮ]/g, '').length >= 2 && !triggerTrie().get(abbr[0])) {
			ctx.add({start: q, end: q + abbr[0].length, kind: 'organization', rule: 'abbreviation', priority: PRIORITY.abbreviation, closed: true});
			p = q + abbr[0].length;
			complement = true;
			continue;
		}
		// A place glued after the office that names it (นายอำเภอ|X, ผู้ว่าราชการจังหวัด|X) is the office's
		// place, read as after its head word (a listed district, a province or a foreign one), not a name.
		const officeHead = !complement && q === p ? /(?:อำเภอ|จังหวัด)$/.exec(text.slice(start, p))?.[0] : undefined;
		if (officeHead !== undefined) {
			const place = readHeadName(ctx, p - officeHead.length, p, false, false, true);
			if (place !== undefined && !place.latinOnly) {
				ctx.add({start: place.start, end: place.end, kind: 'place', rule: 'place-head', priority: PRIORITY.place, placeKey: place.placeKey, closed: place.closed});
				p = place.end;
				complement = true;
				continue;
			}
		}
		// A ministry by its short name after a minister's title (รมว.สาธารณสุข, ปลัดกระทรวงมหาดไทย).
		const ministerial = MINISTERIAL.exec(text.slice(start, p));
		if (ministerial !== null && !complement && !ORG_HEAD_SET.has(ctx.firstWord(p, ctx.thaiRunEnd(p)))) {
			const ministry = readHeadName(ctx, p, p, false, false);
			if (ministry !== undefined && !ministry.latinOnly) {
				// ปลัดกระทรวง|อุตสาหกรรม names กระทรวงอุตสาหกรรม: the head inside the title belongs to the name.
				const head = ORG_HEADS.find((h) => ministerial[0].endsWith(h));
				const orgStart = head !== undefined ? p - head.length : ministry.start;
				const linkAlias = head === undefined && /^รม/.test(ministerial[0]) ? `กระทรวง${text.slice(ministry.start, ministry.end)}` : undefined;
				ctx.add({start: orgStart, end: ministry.end, kind: 'organization', rule: 'org-head', priority: PRIORITY.org, closed: ministry.closed, linkAlias});
				p = ministry.end;
				complement = true;
				continue;
			}
		}
		const matches = trie.matchesAt(text, q);
		let advanced = false;
		for (let m = matches.length - 1; m >= 0 && !advanced; m--) {
			const match = matches[m]!;
			for (const v of match.values) {
				if (v.type === 'gazetteer') {
					// A place's name ends where a word ends: รัฐมนตรี|ปรากฏ holds no ปราก (Prague).
					if (isThaiNameChar(text.charCodeAt(match.end)) && !ctx.words.isBoundary(match.end)) continue;
					ctx.add({start: q, end: match.end, kind: v.place.kind, rule: 'gazetteer', priority: PRIORITY.gazetteer, placeKey: v.place.key, closed: true});
					if (v.place.key !== 'TH' && v.place.kind === 'place' && /^[A-Z]{2}$|^\d{3}$/.test(v.place.key)) foreign = true;
					q = match.end;
					advanced = true;
					break;
				}
				if (v.type === 'org' || v.type === 'standalone' || v.type === 'place') {
					const name =
						v.type === 'standalone'
							? {start: q, end: match.end, closed: true, placeKey: undefined, latinOnly: false}
							: readHeadName(ctx, q, match.end, ORG_HEAD_SET.has(v.word) && WEAK_ORG_HEADS.has(v.word), false, v.type === 'place');
					if (name !== undefined && v.type === 'place' && v.word === 'ประเทศ' && name.placeKey === undefined) continue;
					if (name === undefined || name.latinOnly) continue;
					const kind = v.type === 'place' ? 'place' : 'organization';
					ctx.add({
						start: name.start,
						end: name.end,
						kind,
						rule: kind === 'place' ? 'place-head' : 'org-head',
						priority: kind === 'place' ? PRIORITY.place : PRIORITY.org,
						placeKey: name.placeKey,
						closed: name.closed,
					});
					if (name.placeKey !== undefined && name.placeKey !== 'TH') foreign = true;
					q = name.end;
					advanced = true;
					break;
				}
			}
		}
		if (!advanced) break;
		complement = true;
		p = q;
	}
	if (start > 0 && text[start - 1] === ' ' && !WEAK_POSITIONS.has(word)) nameBeforePosition(ctx, start, foreign);
	// A rank or honorific after the position (นายกรัฐมนตรี พลเอก…): the name follows it, as after a title.
	const rankAt = text[p] === ' ' ? p + 1 : p;
	const rank = trie
		.matchesAt(text, rankAt)
		.filter((m) => m.values.some((v) => v.type === 'honorific'))
		.pop();
	if (rank !== undefined && (!isThaiNameChar(text.charCodeAt(rank.end)) || text.slice(rankAt, rank.end).includes('.') || ctx.words.isBoundary(rank.end))) {
		const before = ctx.candidates.length;
		const end = personAfterTitle(ctx, rankAt, rank.end, true, foreign || FOREIGN_POSITIONS.has(text.slice(rankAt, rank.end)));
		if (end !== undefined) {
			// The whole stack is the title: position, complement and rank.
			for (const c of ctx.candidates.slice(before)) {
				if (c.kind !== 'person' || c.titleStart !== rankAt) continue;
				c.title = text.slice(start, c.start).trimEnd();
				c.titleStart = start;
			}
			return end;
		}
	}
	// After a generic position the name must look like one: two tokens, or a Latin name.
	const name = readPersonName(ctx, p, false, true, foreign);
	if (name === undefined) return complement ? p : undefined;
	if (WEAK_POSITIONS.has(word) && !complement && !name.latin && name.tokens < 2) return complement ? p : undefined;
	// An acronym after a position is the body it belongs to (ผู้แทน WHO), not a person.
	if (name.latin && name.tokens === 1 && /^[A-Z0-9&.-]+$/.test(text.slice(name.start, name.end))) return complement ? p : undefined;
	// Nor is a Latin name with a body's, place's or thing's head word (ผู้สมัคร LTR Visa, ผู้แทน X Foundation).
	if (name.latin && hasLatinHeadWord(text.slice(name.start, name.end))) return complement ? p : undefined;
	// One Thai word after a Thai position is mostly not a name (นายกรัฐมนตรีเตรียม…): keep it only as a
	// short form of a full name found elsewhere in the article, or before a verb (นายกฯ ประยุทธ์ กล่าว).
	// One dictionary word glued to the position and cut before the next word (รัฐมนตรีชี้แจงว่า)
	// is a verb or noun even after a foreign title, unless it is such a short form (…หลี่ยังระบุ);
	// an unknown word glued there (มาครงกล่าว) splits into syllables and is kept.
	const glued = name.tokens === 1 && !name.latin && !name.closed && name.start === p && ctx.innerBounds(name.start, name.end).length === 0;
	const tentative = glued || (name.tokens === 1 && !name.latin && !foreign && !(name.closed && verbAfter(ctx, name.end)));
	ctx.add({
		start: name.start,
		end: name.end,
		kind: 'person',
		rule: name.latin ? 'position-latin' : 'position',
		title: text.slice(start, name.start).trimEnd(),
		titleStart: start,
		priority: PRIORITY.person,
		foreign: foreign || name.latin || name.tokens >= 3 || /-/.test(text.slice(name.start, name.end)),
		closed: name.closed,
		tokens: name.tokens,
		tentative,
	});
	return name.end;
}

/**
 * A name written before its position (`-- ปราโบโว ซูเบียนโต ประธานาธิบดีแห่ง…`): two or three name-like
 * tokens right before the position, with a clear edge before them (text start, punctuation, or a
 * function word like นอกจากนี้).
 */
function nameBeforePosition(ctx: DetectionContext, positionStart: number, foreign: boolean): void {
	const text = ctx.text;
	const gaz = gazetteer();
	const tokens: Array<[number, number]> = [];
	let e = positionStart - 1;
	let edge = false;
	while (tokens.length < 3) {
		let s = e;
		while (s > 0 && (isThaiNameChar(text.charCodeAt(s - 1)) || (text[s - 1] === '-' && isThaiNameChar(text.charCodeAt(s - 2))))) s--;
		if (s === e) {
			edge = s === 0 || !isThaiNameChar(text.charCodeAt(s - 1));
			break;
		}
		const token = text.slice(s, e);
		const words = [s, ...ctx.innerBounds(s, e)].map((b) => ctx.words.wordAt(b));
		if (words.some((w) => PERSON_STOP.has(w) || GENERIC.has(w)) || gaz.thai.has(token) || token.length > 16) {
			edge = true;
			break;
		}
		tokens.unshift([s, e]);
		if (s === 0 || text[s - 1] !== ' ') {
			edge = s === 0 || (!isThaiNameChar(text.charCodeAt(s - 1)) && text[s - 1] !== '.');
			break;
		}
		e = s - 1;
	}
	if (!edge || tokens.length < 2) return;
	const start = tokens[0]![0];
	const end = tokens[tokens.length - 1]![1];
	ctx.add({start, end, kind: 'person', rule: 'name-position', priority: PRIORITY.person - 5, foreign, closed: true, tokens: tokens.length});
}

/** A known place or an abbreviation starts at `pos`: what may follow a position after one space. */
function complementAt(ctx: DetectionContext, pos: number): boolean {
	if (ABBREVIATION_AT.test(ctx.text.slice(pos, pos + 24))) return true;
	return triggerTrie()
		.matchesAt(ctx.text, pos)
		.some((m) => m.values.some((v) => v.type === 'gazetteer'));
}

/** A verb or function word right after (one space allowed). */
function verbAfter(ctx: DetectionContext, end: number): boolean {
	const text = ctx.text;
	const p = text[end] === ' ' ? end + 1 : end;
	if (p >= text.length) return true;
	if (!isThaiNameChar(text.charCodeAt(p))) return /[\s,.)"”]/.test(text[p]!);
	const w = ctx.firstWord(p, ctx.thaiRunEnd(p));
	return VERB_SET.has(w) || GLUE_OK.has(w);
}

/** Titles that are also nouns of a sentence: a king, a prince, a queen. */
const NOUN_TITLE = /(?:กษัตริย์|เจ้าชาย|เจ้าหญิง|สมเด็จพระราชินี)$/;

/** Generic words that end with a place head (ภาครัฐ, the public sector). */
const GENERIC_PLACE_COMPOUNDS = GENERIC_COMPLEMENTS.filter((w) => PLACE_HEADS.some((h) => w.endsWith(h) && w.length > h.length));

/** The head at [start, end) closes a generic word glued before it (ภาค|รัฐ…). */
function endsGenericCompound(text: string, start: number, end: number): boolean {
	const head = text.slice(start, end);
	return GENERIC_PLACE_COMPOUNDS.some((w) => w.endsWith(head) && text.startsWith(w, end - w.length));
}
