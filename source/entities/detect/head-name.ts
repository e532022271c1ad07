// Organisation and place names that open with a head word (องค์การ…, กระทรวง…, เมือง…, จังหวัด…).
// The complement runs to the next space or punctuation but stops before a word that cannot be
// inside a name (a verb, a particle: `องค์การความร่วมมือX|ใกล้ชิดกัน…`); a generic complement
// (องค์การระหว่างประเทศ, ธนาคารที่มีปัญหา, ประเทศต่างๆ) makes no name at all.

import {COMMON_WORDS, FUNCTION_WORD_SET, POSITIONS, HONORIFICS, ORG_HEADS, PLACE_HEADS, RANKS} from '../lexicon.js';
import {gazetteer, isCountryKey} from '../gazetteer.js';
import {isCommonWord, isOrgWord, isPlaceWord} from '../common-words.js';
import {type DetectionContext, GENERIC, HEAD_STOP_PREFIX, ORG_STOP, PERSON_STOP, VERB_SET, isCombining, isThaiLetter, isThaiNameChar, isUpperLatin} from './context.js';
import {triggerTrie} from './trigger-trie.js';
import {Trie} from '../trie.js';
import {namedThingEndsAt, readLatinName} from './person-name.js';
import {CLAUSE_VERBS as DERIVED_CLAUSE_VERBS} from './clause-verbs.js';
import {AFTER_NAME_VERBS} from './after-name-verbs.js';
import {splitCompoundAt} from '../split-compounds.js';
import {nameWordUse} from '../name-words.js';

export interface HeadName {
	start: number;
	end: number;
	closed: boolean;
	placeKey?: string;
	/** Where the head's complement starts (the name without its head). */
	complementStart: number;
	/** True when only a Latin name after the head was taken (หนังสือพิมพ์ The Times). */
	latinOnly?: boolean;
}

const COMMON = new Set(COMMON_WORDS);
const PERSONISH = new Set([...POSITIONS, ...HONORIFICS, ...RANKS]);
/** Inside a body's name a position may appear (สำนักนายกรัฐมนตรี); an honorific starts a person. */
const TITLE_CUT = new Set([...HONORIFICS, ...RANKS]);
/** Words a name may not end with: they only join what follows. */
export const TRAILING_JOINERS: ReadonlySet<string> = new Set(['แห่ง', 'และ', 'หรือ', 'ของ', 'กับ', 'เพื่อ', 'ด้าน', 'ว่าด้วย', 'ประจำ', 'การ', 'ความ', 'ผู้', 'ใน']);
/** Pieces that open a royal style, the segmenter's (พระ|มหา|กษัตริย์, สมเด็จ|พระ|ราชินี). */
const ROYAL_PIECES: ReadonlySet<string> = new Set(['พระ', 'มหา', 'พระมหา', 'สมเด็จ', 'สมเด็จพระ', 'บรม', 'พระบรม', 'พระบาท']);
/** A royal rank whose bearer's name follows after a space (สมเด็จพระเจ้าบรมวงศ์เธอ, พระเจ้าลูกเธอ, พระองค์เจ้า). */
const ROYAL_RANK_BEFORE_NAME = /(?:วงศ์เธอ|ลูกเธอ|ลูกยาเธอ|นางเธอ|พระองค์เจ้า|หม่อมเจ้า|เจ้าฟ้า)$/;
const MAX_WORDS = 10;
/** Past MAX_WORDS, at most this many more pieces, and only when the run ends within OVERFLOW_CHARS. */
const OVERFLOW_WORDS = 4;
const OVERFLOW_CHARS = 24;
/** Words that begin with a head word but are not names (รัฐบาล, รัฐมนตรี, เขตแดน). */
export const FALSE_HEAD = /^(?:รัฐ(?:บาล|มนตรี|สภา|ธรรมนูญ|วิสาหกิจ|ประหาร|ศาสตร์|กิจ|ประศาสน|สวัสดิการ)|เขต(?:แดน|อำนาจ)|เมืองหลวง|ประเทศชาติ|ตลาดหลักทรัพย์|เกาะติด)/;
const PLACE_HEAD_WORDS = new Set(PLACE_HEADS);
/** Posts of a ministry, province or district, written without the one they belong to (ปลัดกระทรวง, ผู้ว่าราชการจังหวัด). */
export const LEVEL_POSTS = new Set(POSITIONS.filter((w) => /(?:กระทรวง|จังหวัด|อำเภอ)$/.test(w)));
const HEAD_WORDS = new Set([...PLACE_HEADS, ...ORG_HEADS]);
/**
 * Clause verbs: those derived from Thai NER 1.5 (clause-verbs.ts, generated), and five seen after
 * head words in government news that the labelled data never shows there (it holds no head word
 * followed by ดำเนิน, ดำเนินการ, ส่งข้อมูล or ครอบคลุม, and ติดตาม once: too few to tell).
 */
const CLAUSE_VERBS = new Set([...DERIVED_CLAUSE_VERBS, 'ดำเนิน', 'ดำเนินการ', 'ติดตาม', 'ส่งข้อมูล', 'ครอบคลุม']);
/** Bodies' heads whose names are their subject or place, everyday words (see readHeadName). */
export const SUBJECT_NAMED = /^(?:คณะ|ศาล)|(?:ตำบล|จังหวัด|เมือง|นคร)$/;
/** Heads of a Thai district's name only. */
const DISTRICT_HEADS = new Set(['อำเภอ', 'อ.', 'กิ่งอำเภอ']);
/** Heads naming the very place of their complement (จังหวัดเชียงใหม่ = เชียงใหม่; ท่าอากาศยานเชียงใหม่ is another place). */
const SAME_PLACE_HEADS = new Set(['จังหวัด', 'จ.', 'ประเทศ', 'สาธารณรัฐ', 'ราชอาณาจักร', 'สหพันธรัฐ', 'รัฐ', 'มณฑล', 'แคว้น', 'นคร', 'เมือง', 'กรุง']);

/**
 * The gazetteer's key of a name made of a head that names the same place and a place the gazetteer
 * knows (ประเทศอุซเบกิสถาน, จังหวัดเชียงราย), as readHeadName gives it; undefined otherwise. For a
 * name found whole by the tagger, so that it links with the place written bare.
 */
export function samePlaceKey(name: string): string | undefined {
	const gaz = gazetteer();
	for (const head of SAME_PLACE_HEADS) {
		if (!name.startsWith(head)) continue;
		const place = gaz.thai.get(name.slice(head.length).trimStart());
		if (place !== undefined && !gaz.ambiguous.has(place.name)) return place.key;
	}
	return undefined;
}

/** The head at [headStart, headEnd), of three letters or more, is written again right after it, a word of its own. */
function repeatedHead(ctx: DetectionContext, headStart: number, headEnd: number): boolean {
	const head = ctx.text.slice(headStart, headEnd);
	return head.length >= 3 && ctx.text.startsWith(head, headEnd) && ctx.words.isBoundary(2 * headEnd - headStart);
}

/**
 * Where a name opened by a body's or place's head written twice, glued, at `start` really opens
 * (สำนักงานสำนักงานX: at the second head); `start` otherwise. For the tagger's names.
 */
export function afterRepeatedHead(ctx: DetectionContext, start: number): number {
	for (const m of triggerTrie().matchesAt(ctx.text, start)) {
		if (m.values.some((v) => v.type === 'org' || v.type === 'place') && repeatedHead(ctx, start, m.end)) return m.end;
	}
	return start;
}

/**
 * Reads the name opened by the head at [headStart, headEnd). `weak`: the head is also a common
 * noun, so the complement must not be a common word either. `allowSpace`: the complement may
 * follow after one space (จังหวัด เซินลา).
 */
export function readHeadName(ctx: DetectionContext, headStart: number, headEnd: number, weak: boolean, allowSpace: boolean, isPlace = false): HeadName | undefined {
	const name = readHeadNameRun(ctx, headStart, headEnd, weak, allowSpace, isPlace);
	return name !== undefined && (dayNameAround(ctx, headStart, name.end) || princesRankAt(ctx, headStart)) ? undefined : name;
}

/**
 * กรมพระ (or กรมหลวง, กรมขุน…) right after a royal person's name and a space or a line's end (เจ้าฟ้าX กรมพระY,
 * …ราชกุมารี กรมพระY): the prince's or princess's rank and style, part of a person's name, not a
 * department (กรมพระธรรมนูญ, the military's legal department, follows no royal name).
 */
export function princesRankAt(ctx: DetectionContext, start: number): boolean {
	const text = ctx.text;
	if (!PRINCES_RANK.test(text.slice(start, start + 8)) || !/\s/.test(text[start - 1] ?? '')) return false;
	const before = /\S+$/.exec(text.slice(Math.max(0, start - 60), start - 1))?.[0] ?? '';
	return ROYAL_NAME_BEFORE.test(before);
}
const PRINCES_RANK = /^กรม(?:พระ|หลวง|ขุน|หมื่น)/;
/** A royal person's name or style, as written before the rank (เจ้าฟ้า…, พระองค์เจ้า…, …ราชกุมารี, …วงศ์เธอ). */
const ROYAL_NAME_BEFORE = /^(?:เจ้าฟ้า|พระองค์เจ้า|หม่อมเจ้า|สมเด็จ)|(?:กุมารี|ราชกุมาร|วงศ์เธอ|ลูกเธอ|ลูกยาเธอ|นางเธอ)$/;

/**
 * The word วัน glued before the head and the name ending on แห่งชาติ, สากล or โลก (วัน|สหกรณ์แห่งชาติ,
 * วัน|ตำรวจสากล): a day's name, which holds a head word but names no body or place. A body's own day
 * names it whole (วัน|กรมX, วันสถาปนา|กรมX: no such ending) and keeps it.
 */
export function dayNameAround(ctx: DetectionContext, headStart: number, end: number): boolean {
	return ctx.words.wordBefore(headStart) === 'วัน' && DAY_ENDING.test(ctx.text.slice(headStart, end)) && !/[\s]/.test(ctx.text.slice(headStart, end));
}
const DAY_ENDING = /(?:แห่งชาติ|สากล|โลก)$/;

function readHeadNameRun(ctx: DetectionContext, headStart: number, headEnd: number, weak: boolean, allowSpace: boolean, isPlace: boolean): HeadName | undefined {
	const text = ctx.text;
	// The head written twice, glued (สมาคมสมาคมX, จังหวัดจังหวัดY: a slip of the pen): the name opens at the second.
	if (repeatedHead(ctx, headStart, headEnd)) return readHeadName(ctx, headEnd, 2 * headEnd - headStart, weak, allowSpace, isPlace);
	let p = headEnd;
	if (text[p] === ' ' && isUpperLatin(ctx.code(p + 1))) {
		const latin = readLatinName(ctx, p + 1);
		// One letter is an initial or a piece of a code (R&D), no name.
		if (latin === undefined || latin.end - latin.start < 2) return undefined;
		return {start: latin.start, end: latin.end, closed: true, complementStart: latin.start, latinOnly: true};
	}
	if (allowSpace && text[p] === ' ' && isThaiLetter(ctx.code(p + 1))) p++;
	const code = ctx.code(p);
	if (!isThaiLetter(code) || isCombining(code)) return undefined;
	const runEnd = ctx.thaiRunEnd(p);
	if (runEnd === p) return undefined;
	const gaz = gazetteer();
	// A known place right after the head (ประเทศญี่ปุ่น, จังหวัดเชียงราย, ธนาคารแห่งประเทศไทย keeps going).
	const first = ctx.firstWord(p, runEnd);
	if (GENERIC.has(first) || ORG_STOP.has(first) || PERSONISH.has(first) || HEAD_STOP_PREFIX.test(first)) return undefined;
	// A clause verb right after the head makes the head its subject (กระทรวงดำเนินการ…, ธนาคารติดตาม…).
	// Not every verb: many open a name (กรมส่งเสริม…, สำนักงานรับรอง…).
	if (CLAUSE_VERBS.has(first)) return undefined;
	// A single letter, or a run ending in a dot, is an abbreviation (ต.ค., พ.ต.ท.), not a complement.
	if (runEnd - p < 2 || text[runEnd] === '.') return undefined;
	if (FALSE_HEAD.test(text.slice(headStart, runEnd))) return undefined;
	// "สถาบันการเงิน", "ศูนย์การค้า": a weak head with a verbal noun is a kind of thing, not a name.
	if (weak && /^(?:การ|ความ)/.test(first)) return undefined;
	// "เขตเมือง": a head followed by another bare head word.
	if (weak && first === text.slice(p, runEnd) && PLACE_HEAD_WORDS.has(first)) return undefined;
	if ((weak || p > headEnd) && (COMMON.has(first) || COMMON.has(text.slice(p, runEnd)))) return undefined;
	// A weak head with one everyday word (องค์กร|อิสระ, เครือข่าย|สุขภาพ) is a kind of body, not a name;
	// any body's head with one everyday word never seen in a body's name is a clause or a kind
	// (ธนาคาร|ขัดข้อง, โรงเรียน|ปกติ), not a name: unless the word is a place (โรงพยาบาล|บางใหญ่),
	// or the head is one of those named by their subject or their sub-district, which are everyday
	// words (คณะกรรมการ|จริยธรรม, ศาล|อุทธรณ์, องค์การบริหารส่วนตำบล|ชัยมงคล).
	if (!isPlace && first === text.slice(p, runEnd) && isCommonWord(first)) {
		const head = text.slice(headStart, headEnd);
		if (weak || (!isOrgWord(first) && !gaz.districts.has(first) && !gaz.thai.has(first) && !SUBJECT_NAMED.test(head))) return undefined;
	}
	// After a space the complement must look like a name, not the next phrase (จังหวัด รองประธาน…).
	if (p > headEnd && PERSON_STOP.has(first)) return undefined;
	// A known place right after a place head is the whole complement (ประเทศญี่ปุ่นได้…, รัฐบาลอินโดนีเซีย…).
	if (isPlace) {
		const known = longestPlaceAt(ctx, p, runEnd);
		// กรุง heads a capital: before a country's name it makes a name of its own, no place (countryAfterCapital).
		if (known !== undefined && text.slice(headStart, headEnd) === 'กรุง' && isCountryKey(known.key)) return undefined;
		if (known !== undefined)
			return {
				start: headStart,
				end: known.end,
				closed: known.end === runEnd,
				placeKey: SAME_PLACE_HEADS.has(text.slice(headStart, headEnd)) ? known.key : undefined,
				complementStart: p,
			};
		// A way or a waterway being made or dug (ทำ|คลองไส้ไก่, ขุด|คลอง…, ทำ|ถนนอ้อมเมือง): a kind of
		// feature the sentence builds, no place named yet; or a slogan's first word (a known place was taken above).
		if (noPlaceNamedAt(ctx, headStart)) return undefined;
		// After จังหวัด and a space only a known province is taken: every Thai province is in the
		// gazetteer, and what else follows there is the next phrase (ทุกจังหวัด ขับเคลื่อน…).
		const head = text.slice(headStart, headEnd);
		if (p > headEnd && head === 'จังหวัด') return undefined;
		// Nor is a listed word right after it (ทุกจังหวัด|ใช้…, เจ้าคณะจังหวัด|คณะ…): foreign provinces are names.
		if ((head === 'จังหวัด' || head === 'จ.') && (HEAD_WORDS.has(first) || FUNCTION_WORD_SET.has(first))) return undefined;
		// Every district is in the gazetteer too: after อำเภอ or อ. anything else is no district
		// (ตามอำเภอใจ, อำเภอครอบคลุม…; อ. before a person is อาจารย์), but for the district
		// of a province's seat written short (อำเภอเมือง จังหวัด…).
		const district = DISTRICT_HEADS.has(head) || head === 'เขต' ? longestDistrictAt(ctx, p, runEnd) : undefined;
		if (district !== undefined) return {start: headStart, end: district, closed: district === runEnd, complementStart: p};
		if (DISTRICT_HEADS.has(head)) {
			return text.startsWith('เมือง', p) && ctx.words.isBoundary(p + 5) ? {start: headStart, end: p + 5, closed: p + 5 === runEnd, complementStart: p} : undefined;
		}
		if (commonAfterPlaceHead(ctx, head, p)) return undefined;
		// A highway district (แขวงทางหลวง…, the highway departments' offices) is a body, no sub-district
		// (thai-triggers.ts reads it as one).
		if (head === 'แขวง' && HIGHWAY_DISTRICT.test(text.slice(p, p + 7))) return undefined;
		// A verb right after a place head makes a clause (ทะเล|เข้าไป, คลอง|เชื่อม).
		if (VERB_SET.has(first)) return undefined;
	}
	let end = runEnd;
	let closed = true;
	let overflowed = false;
	let words = 1;
	/** Where a verbal noun's verb began (การ|เรียน|รู้): its next word, everyday or not, is its own. */
	let verbalNoun = -1;
	const bounds = ctx.innerBounds(p, runEnd);
	for (let k = 0; k < bounds.length; k++) {
		const b = bounds[k]!;
		const w = ctx.words.wordAt(b);
		// An ordinal glued to the name's last word ends it with its number: ถนนพระรามที่ 6 and
		// ถนนพระรามที่ 4 are two roads, not one ถนนพระราม (the number is past the Thai run).
		// Not after a classifier (…คนที่ 40, แห่งที่ 5): that ranks a person or a place, not this name.
		// So is ที่ the segmenter glued to a piece of a misspelt word (กองพลทหา|รา|บที่ 9, ทหาร|ราบ
		// written ทหาราบ): a piece no list knows that ends on ที่ is no word but the ordinal's.
		if ((w === 'ที่' || gluedOrdinal(w)) && b + w.length === runEnd && !RANKED.has(ctx.words.wordBefore(b))) {
			const ordinal = ORDINAL.exec(text.slice(runEnd, runEnd + 8));
			// Not a count (…ที่ 3 แห่ง, …ที่ 12 ล้านบาท): there ที่ is "that" and the number counts.
			if (ordinal !== null && !COUNTED.test(text.slice(runEnd + ordinal[0].length, runEnd + ordinal[0].length + 12))) {
				end = runEnd + ordinal[0].length;
				break;
			}
		}
		// The name's own head again, glued (กระทรวงX|กระทรวงY…): a list written without spaces; not
		// after another head, inside a longer name (หอการค้าไทยและสภา|หอการค้า…).
		if (headEnd - headStart >= 3 && b > p && text.startsWith(text.slice(headStart, headEnd), b) && !HEAD_WORDS.has(ctx.words.wordBefore(b))) {
			end = b;
			closed = false;
			break;
		}
		words++;
		// Past the limit only to the end of the word run it is in, when that is near (…ประกัน|ภัย,
		// …ชายแดนภาค|เหนือ, …แห่ง|ชาติ): the limit counts the segmenter's pieces, which cut long
		// compounds into many, and a name cut inside one is no name. The checks below still apply,
		// and the name stays open: a shorter name the article writes whole is its end if it has one
		// (กรมX|ดำเนินการ…, read on to the run's end, is cut back to กรมX).
		if (words > MAX_WORDS) overflowed = true;
		if (words > MAX_WORDS && !(words <= MAX_WORDS + OVERFLOW_WORDS && runEnd - b <= OVERFLOW_CHARS)) {
			end = b;
			closed = false;
			break;
		}
		if (w === 'และ') {
			// "กระทรวงเกษตรและสหกรณ์" goes on; "พรรคคอมมิวนิสต์และเลขาธิการ…" stops.
			const next = bounds[k + 1] !== undefined ? ctx.words.wordAt(bounds[k + 1]!) : '';
			// A place never runs on into another named thing (จังหวัดX|และบริษัท…, อำเภอX|และตำบล…).
			// Nor into a post or a title the segmenter cuts in two (…คมนาคม|และ|นายก|รัฐมนตรี, …และ|นายก|สมาคม…).
			if (next === '' || ORG_STOP.has(next) || PERSONISH.has(next) || GENERIC.has(next) || (isPlace && HEAD_WORDS.has(next)) || postOrTitleAt(ctx, bounds[k + 1]!)) {
				end = b;
				closed = false;
				break;
			}
			// A group of people after it ends the name as clearly as a space does.
			if (!isPlace && !MEMBER_HEADS.has(text.slice(headStart, headEnd)) && peopleAt(ctx, bounds[k + 1]!)) {
				end = b;
				break;
			}
			continue;
		}
		// เพื่อ and a noun or a verbal noun inside a name (กองทุนเพื่อการพัฒนา…, กระทรวงดิจิทัลเพื่อเศรษฐกิจ…);
		// เพื่อ and a verb that opens a clause is the purpose the sentence goes on to (…สหกรณ์|เพื่อ|พิจารณา):
		// the name ends before it, as at a space.
		if (w === 'เพื่อ' && b > p && purposeVerbAt(ctx, bounds[k + 1])) {
			end = b;
			break;
		}
		// ของ inside a name (…ความมั่นคงของมนุษย์), not before a place or a pronoun (…ของไทย, …ของเรา).
		if (w === 'ของ') {
			const next = bounds[k + 1] !== undefined ? ctx.words.wordAt(bounds[k + 1]!) : '';
			if (next !== '' && !ORG_STOP.has(next) && !FUNCTION_WORD_SET.has(next) && !GENERIC.has(next) && !gaz.thai.has(next)) continue;
		}
		// A common word never seen inside a body's or place's name is the sentence going on
		// (กระทรวงX|จ้าง…, กรมX|เร่ง…): the data says so for words the stop lists do not hold.
		// A king's or prince's style glued inside a body's name (สำนักงานทรัพย์สินพระมหา|กษัตริย์, "the
		// Crown Property Bureau"): the honorific after a royal piece of the name is the style's own
		// word, not the title of a person the name runs into (กรมX|นาย…).
		if (TITLE_CUT.has(w) && b > p && ROYAL_PIECES.has(ctx.words.wordBefore(b))) continue;
		const hard = ORG_STOP.has(w) || TITLE_CUT.has(w) || HEAD_STOP_PREFIX.test(w);
		if (hard || (isCommonWord(w) && !isOrgWord(w) && !isPlaceWord(w))) {
			// Unless the word is inside a place the gazetteer knows: ภาค|ตะวัน|ออก is ภาคตะวันออก, not the verb ออก.
			const placeEnd = knownPlaceOver(ctx, k === 0 ? [p] : [p, ...bounds.slice(Math.max(0, k - 3), k)], b, runEnd);
			if (placeEnd !== undefined) {
				while (k + 1 < bounds.length && bounds[k + 1]! < placeEnd) k++;
				continue;
			}
			// Nor is a stop word glued to ฯ, which writes the name short, at the run's end (มูลนิธิX|ต่อฯ:
			// the rest elided): a clause is never abbreviated; not a title, a person's (…นายกฯ). (The run
			// holds the mark, which the segmenter keeps on the word: ต่อฯ.)
			if (
				hard &&
				k === bounds.length - 1 &&
				w.length > 2 &&
				w.endsWith('ฯ') &&
				b + w.length === runEnd &&
				!TITLE_CUT.has(w.slice(0, -1)) &&
				!PERSONISH.has(w.slice(0, -1))
			)
				continue;
			// A verb after การ or ความ is a verbal noun inside the name (กรมการ|จัด|หา|งาน,
			// …ส่งเสริมการ|ลง|ทุน), no clause (nominalizedAt).
			if (nominalizedAt(ctx, p, b) && !TITLE_CUT.has(w) && !HEAD_STOP_PREFIX.test(w) && !CLAUSE_VERBS.has(w)) {
				verbalNoun = k;
				continue;
			}
			// The segmenter cuts a compound verb in two (เรียน|รู้, จัด|ประชุม): the second half too.
			if (k > 0 && verbalNoun === k - 1 && !hard && !CLAUSE_VERBS.has(w)) continue;
			// Nor is a syllable of a word the segmenter does not know, which it cuts syllable by syllable
			// (จังหวัดชิ|มา|เนะ, a Japanese prefecture): a word of the lists between two pieces that are no
			// words at all is one of those syllables, not the clause's verb.
			if (
				b > p &&
				b + w.length < runEnd &&
				w.length <= 3 &&
				!TRAILING_JOINERS.has(w) &&
				unknownPiece(ctx.words.wordBefore(b)) &&
				unknownPiece(ctx.words.wordAt(b + w.length))
			)
				continue;
			// Nor is a piece of a word the segmenter cuts (ช่วย|เหลือ, อู่|ตะเภา): the cut would fall
			// inside the word, which the name holds whole (…กองทุนเพื่อช่วย|เหลือเกษตรกร).
			// Not where no head is written (a minister's title written short: รมว.|ธรรม|นัส, a given name). A compound
			// that opens with a head (…รับรอง|วัด|คาทอลิก) is another body or place: the name ends before it.
			const compound = TITLE_CUT.has(w) || headEnd === headStart || text.slice(headStart, headEnd).includes('.') ? undefined : splitCompoundAt(text, p, b, w);
			if (compound !== undefined && compound.end <= runEnd) {
				if (compound.start > p && opensName(ctx, compound.start)) {
					end = compound.start;
					closed = false;
					break;
				}
				while (k + 1 < bounds.length && bounds[k + 1]! < compound.end) k++;
				continue;
			}
			// Nor does an everyday noun that ends the name's run after a place's or an institution's
			// head (ตำบลดง|ครั่ง␠, โรงพยาบาลสมเด็จพระ|ยุพราช”): a clause would run on. Not after a body
			// that acts (กระทรวงX|กำหนด␠, กรมX|ดูแล␠: verbs the word lists do not hold), nor after a
			// minister's title, which has no head written (รมช.ธรรม|นัส).
			// A body that acts may too where no clause can follow: a post, a title, a head or an acronym
			// in brackets after it (กรมหม่อน|ไหม กรมปศุสัตว์…, องค์การสะพาน|ปลา (อสป.)); not after a
			// minister's abbreviated title (รมว.X), which has no head written.
			if (
				!hard &&
				nameTailAt(ctx, bounds, k, runEnd) &&
				(isPlace || NAMED_INSTITUTIONS.has(text.slice(headStart, headEnd)) || (!text.slice(headStart, headEnd).includes('.') && namedThingEndsAt(ctx, runEnd, true)))
			)
				break;
			// Nor does a body's name stop at an everyday noun when only nouns follow it to a place
			// that closes the run (สมาคมอุตสาหกรรม|สับปะรด|ไทย␠, "the Thai pineapple industry
			// association"): a clause would hold a verb or a function word.
			// Only after a head that seldom opens a clause (an association, a foundation, a school), not a
			// body that acts (กระทรวงพาณิชย์|ส่งเสริม|ทุเรียน|ไทย).
			// Nor after any body's head where no clause can follow the run either (an acronym or the
			// public organisation's status in brackets: สถาบันส่งเสริมศิลป|หัตถกรรม|ไทย␠(องค์การมหาชน)).
			if (
				!hard &&
				!isPlace &&
				(NAMED_BY_TRADE.has(text.slice(headStart, headEnd)) || (!text.slice(headStart, headEnd).includes('.') && namedThingEndsAt(ctx, runEnd, true))) &&
				nounsToPlace(ctx, bounds, k, runEnd)
			)
				break;
			end = b;
			closed = false;
			break;
		}
	}
	if (overflowed) closed = false;
	// A body's name ending on a verb that opens the clause after names (…|พิจารณา, learned): it ends
	// before the verb, which closes it as a space or a bracket would. Not a place's: sub-districts are
	// named with everyday words, verbs too (ตำบลโพธิ์เสด็จ). Left open (to be cut back to a name
	// written alone, or dropped if the tagger is silent): two bodies joined by และ (กระทรวงX|และ|คณะY|
	// พิจารณา); and opened, a head with one word left (ศูนย์|ติว|สอบ␠, คณะกรรมาธิการ|วิสามัญ|พิจารณา␠:
	// a kind of body, maybe, which the verb no longer shows to be a name).
	const clauseVerb = isPlace ? undefined : clauseVerbAtEnd(ctx, p, end);
	if (clauseVerb !== undefined) {
		end -= clauseVerb.length;
		if (ctx.innerBounds(p, end).length === 0) closed = false;
		else if (!joinsTwoBodies(ctx, p, end)) closed = true;
	}
	// "Within" and a number or a span of time after the name (กรมX|ภายใน 30 วัน, …|ภายใน ปีนี้): the
	// clause's, which closes the name (กรมการค้า|ภายใน, "domestic", has none after it; junk28).
	const within = isPlace ? undefined : withinBeforeTime(ctx, p, end);
	if (within !== undefined) {
		end -= within.length;
		closed = true;
	}
	// Trim joiners left dangling at the end (…แห่ง before a cut).
	for (;;) {
		const before = trailingJoiner(ctx, p, end) ?? danglingHalf(ctx, p, end);
		if (before === undefined) break;
		end -= before.length;
		closed = false;
	}
	// ของ and a bare head at the end (ศูนย์ปฏิบัติการ|ของ|กระทรวง␠อว.): "the ministry's centre", whose
	// owner is written short or not at all, is no name to read. Cut inside the run (the word limit:
	// …ด้านต่างประเทศ|ของ|กระทรวง|อุตสาหกรรม), the owner is named in full: the name holds it.
	const owner = bareOwnerAt(ctx, p, end);
	if (owner !== undefined) {
		const ownerName = end < runEnd ? readHeadName(ctx, owner, end, false, false) : undefined;
		if (ownerName === undefined) return undefined;
		end = ownerName.end;
		closed = ownerName.closed;
	}
	// A joiner alone is no complement (กระทรวง|การ before a space).
	if (end <= p || TRAILING_JOINERS.has(text.slice(p, end))) return undefined;
	// A body's name whose run ends on a hyphen glued to a place the gazetteer knows joins two
	// parties (สภาธุรกิจX-อินเดีย, สมาคมมิตรภาพX-Y): the name goes on through the place; so does a
	// road's, named by its two ends (ถนนX-ตราด). Not another place's, where X-Y is a route or a
	// border (จังหวัดX-Y).
	if ((!isPlace || WAY_HEADS.has(text.slice(headStart, headEnd))) && end === runEnd && text[end] === '-' && isThaiLetter(ctx.code(end + 1))) {
		const joined = longestPlaceAt(ctx, end + 1, ctx.thaiRunEnd(end + 1));
		if (joined !== undefined) end = joined.end;
	}
	// A region's number after a space ends the name with it (ตำรวจภูธรภาค 3, …เขต 1): each region is
	// its own unit. Not a count (ภาค 3 แห่ง).
	if (end === runEnd && !isPlace && NUMBERED_REGIONS.has(ctx.words.wordBefore(end))) {
		// Not a range of them either (…พื้นที่ 1-10: every one of ten offices).
		const number = /^ [0-9๐-๙]{1,2}(?![0-9๐-๙]|[.,/:][0-9๐-๙]| ?[-–] ?[0-9๐-๙])/.exec(text.slice(end, end + 8));
		if (number !== null && !COUNTED.test(text.slice(end + number[0].length, end + number[0].length + 12))) end += number[0].length;
	}
	// A royal rank that a name must follow ends the run of a body named after a prince or a princess
	// (มูลนิธิสมเด็จพระเจ้าบรมวงศ์เธอ␠กรมพระยาX, มูลนิธิ…พระเจ้าลูกเธอ␠เจ้าฟ้าX): the name after the
	// space is the body's, and a prince's rank after it (␠กรมหลวงY) too. The rank alone names no one.
	if (!isPlace && end === runEnd && text[end] === ' ' && ROYAL_RANK_BEFORE_NAME.test(text.slice(p, end)) && isThaiLetter(ctx.code(end + 1))) {
		end = ctx.thaiRunEnd(end + 1);
		while (text[end] === ' ' && text.startsWith('กรม', end + 1)) end = ctx.thaiRunEnd(end + 1);
	}
	// A natural feature's head with everyday words only (แม่น้ำ|คูคลอง, ภูเขา|หินปูน) is a kind of
	// place, no name: a river's or a mountain's name holds a word of its own or a place's.
	if (isPlace && NATURAL_FEATURES.has(text.slice(headStart, headEnd)) && everydayOnly(ctx, p, end)) return undefined;
	const complement = text.slice(p, end);
	// A head with a preposition or particle alone after it (กระทรวง|สู่กระทรวงY…, "from ministry to
	// ministry"; จังหวัด|ข้าง…) names nothing: the word lists hold these as everyday words seen in names.
	if (HEAD_ONLY_PARTICLES.has(complement)) return undefined;
	// A body named after a post of a ministry, province or district whose own name is not written
	// (สำนักงาน|ปลัดกระทรวง, สำนักงาน|สาธารณสุขจังหวัด): every ministry or province has one, so it is a
	// kind of office, no name (สำนักงานปลัดกระทรวงมหาดไทย is one).
	if (!isPlace && LEVEL_POSTS.has(complement)) return undefined;
	const place = gaz.thai.get(complement);
	return {start: headStart, end, closed, placeKey: isPlace && SAME_PLACE_HEADS.has(text.slice(headStart, headEnd)) ? place?.key : undefined, complementStart: p};
}

/**
 * Heads of institutions named like places, by a proper name (โรงเรียนบ้าน…, โรงพยาบาลสมเด็จพระ…),
 * which seldom act as a clause's subject the way ministries, departments, banks and companies do.
 */
const NAMED_INSTITUTIONS = new Set([
	'มหาวิทยาลัย',
	'วิทยาลัย',
	'ราชวิทยาลัย',
	'วิทยาเขต',
	'โรงเรียน',
	'โรงพยาบาล',
	'รพ.',
	'มูลนิธิ',
	'สถานีตำรวจ',
	'สภ.',
	'สน.',
	'สถานทูต',
	'สถานเอกอัครราชทูต',
	'สถานกงสุลใหญ่',
	'สโมสร',
	'ชมรม',
]);

/** Heads of bodies named by their trade and country (สมาคม…สับปะรดไทย), or like places: the named institutions. */
const NAMED_BY_TRADE = new Set([...NAMED_INSTITUTIONS, 'สมาคม', 'สมาพันธ์', 'สหพันธ์', 'สหกรณ์']);

/**
 * A place's head opening a quoted phrase of several words (“คลองสวย น้ำใส ไหลดี”, a vision's slogan):
 * the quote is a slogan or a title, not a place written in quotes (“คลองX” closes after the name).
 */
function opensQuotedPhrase(text: string, start: number): boolean {
	const q = text[start - 1] === ' ' ? start - 2 : start - 1;
	if (text[q] !== '“' && text[q] !== '"') return false;
	const close = text.slice(start, start + 120).search(/[”"\n]/);
	return close > 0 && text[start + close] !== '\n' && /\s\S/.test(text.slice(start, start + close));
}
/** Verbs of making a feature: ทำ "make", ขุด "dig" (not ขุดลอก "dredge", done to a canal there already). */
const MAKING_VERBS = new Set(['ทำ', 'ขุด']);
/**
 * A place's head at `start` names no place: a verb of making right before it (ทำ|ถนน…, ขุด|คลอง…: the
 * feature is made there, not named), or it opens a quoted phrase of several words (opensQuotedPhrase).
 * Head-name and the tagger's places ask it; a known place is read before.
 */
export function noPlaceNamedAt(ctx: DetectionContext, start: number): boolean {
	return MAKING_VERBS.has(ctx.words.wordBefore(start)) || opensQuotedPhrase(ctx.text, start);
}
/** Heads of natural features, named by a proper word (แม่น้ำเจ้าพระยา) or described by everyday ones (แม่น้ำคูคลอง). */
const NATURAL_FEATURES = new Set(['แม่น้ำ', 'ภูเขา', 'ทะเล', 'ทะเลสาบ', 'มหาสมุทร', 'คาบสมุทร', 'ช่องแคบ']);

/** Every word of [from, to) is an everyday word, none a place's word or a place the gazetteer knows. */
function everydayOnly(ctx: DetectionContext, from: number, to: number): boolean {
	const gaz = gazetteer();
	for (let b = from; b < to;) {
		const w = ctx.words.wordAt(b);
		if (w === '' || !isCommonWord(w) || isPlaceWord(w) || gaz.thai.has(w)) return false;
		b += w.length;
	}
	return true;
}

/** After แขวง, what makes it a highway department's district office (แขวงทางหลวง|ชนบท X), a body. */
export const HIGHWAY_DISTRICT = /^ทางหลวง(?:ชนบท)?/;

/**
 * Words that open a group of people (ประชาชน, ภาคีเครือข่าย, คณะผู้แทน, เจ้าหน้าที่): after และ, a body's
 * name has ended and the sentence names who else (กระทรวงX|และ|ประชาชนคนไทย, สำนักงานX|และ|เครือข่าย).
 * A body's name holds และ before a field (กระทรวงเกษตรและสหกรณ์, กรมกิจการเด็กและเยาวชน), not before these.
 */
function peopleAt(ctx: DetectionContext, at: number): boolean {
	return PEOPLE_WORDS.some((w) => ctx.text.startsWith(w, at) && ctx.words.isBoundary(at + w.length));
}

/** [from, end) holds และ before a group of people (peopleAt): a body and who else, not one name. */
export function peopleAfterAnd(ctx: DetectionContext, from: number, end: number): boolean {
	return ctx.innerBounds(from, end).some((b) => ctx.words.wordAt(b) === 'และ' && b + 3 < end && peopleAt(ctx, b + 3));
}
const PEOPLE_WORDS = ['ประชาชน', 'ภาคี', 'เครือข่าย', 'คณะผู้แทน', 'เจ้าหน้าที่', 'พี่น้อง', 'บุคลากร', 'ข้าราชการ', 'ผู้บริหาร', 'ทีมงาน', 'คนไทย'];
/** Heads of bodies named by their members (สหกรณ์ออมทรัพย์ครูและบุคลากร…, สมาคมข้าราชการและเจ้าหน้าที่…). */
const MEMBER_HEADS = new Set(['สหกรณ์', 'สมาคม', 'ชมรม', 'สหภาพ', 'สหพันธ์', 'สมาพันธ์', 'มูลนิธิ', 'กองทุน']);

/**
 * A verb that opens a clause starts at `at`, inside a body's name run on (กระทรวงX|ร่วม|ผลิต): a verb of
 * the lexicon or a clause verb, not the second half of a compound verb the segmenter cuts in two
 * (ส่ง|เสริม: a verb before it), nor a verbal noun's (การ|จัด, ความ|ร่วม), nor a word the lists know
 * with the word before it.
 */
export function clauseVerbAt(ctx: DetectionContext, at: number): boolean {
	const first = ctx.words.wordAt(at);
	if (!VERB_SET.has(first) && !CLAUSE_VERBS.has(first)) return false;
	const before = ctx.words.wordBefore(at);
	return !NOMINALIZERS.has(before) && !VERB_SET.has(before) && !isCommonWord(before + first);
}

/**
 * A clause opens at `at` and runs to `end`: a clause verb there (clauseVerbAt), or a word of names
 * that is also a verb (บังคับ, พิจารณา, the name reader takes them inside names: กรมบังคับคดี) with
 * what follows a verb closing the run after it, a verb or function word (…|บังคับ|ใช้␠, "enforced"):
 * no name ends on one.
 */
export function clauseTailAt(ctx: DetectionContext, at: number, end: number): boolean {
	if (clauseVerbAt(ctx, at)) return true;
	const first = ctx.words.wordAt(at);
	const last = ctx.words.wordBefore(end);
	return first !== '' && at + first.length < end && end - last.length > at && (VERB_SET.has(last) || FUNCTION_WORD_SET.has(last));
}

/** Every word of [from, to) is an everyday word, a verb or a function word, none a place the gazetteer knows: no name's. */
export function everydayTail(ctx: DetectionContext, from: number, to: number): boolean {
	const gaz = gazetteer();
	for (let b = from; b < to;) {
		const w = ctx.words.wordAt(b);
		if (w === '' || !(isCommonWord(w) || VERB_SET.has(w) || FUNCTION_WORD_SET.has(w)) || gaz.thai.has(w)) return false;
		b += w.length;
	}
	return true;
}

/**
 * Where the head starts when [from, end) ends on ของ and a bare head word (…|ของ|กระทรวง, ฯ allowed
 * after the head): an owner named by its kind alone. Undefined otherwise.
 */
function bareOwnerAt(ctx: DetectionContext, from: number, end: number): number | undefined {
	let head = ctx.words.wordBefore(end);
	let at = end - head.length;
	if (head === 'ฯ') {
		head = ctx.words.wordBefore(at);
		at -= head.length;
	}
	if (!HEAD_WORDS.has(head.replace(/ฯ$/, ''))) return undefined;
	const of = ctx.words.wordBefore(at);
	return of === 'ของ' && at - of.length > from ? at : undefined;
}

/**
 * From the everyday noun at bounds[k] to the run's end only nouns, the last of them a place the
 * gazetteer knows closing the run (…|สับปะรด|ไทย, …|สับปะรด|ไทย|ภาคตะวันออก): no verb, function word,
 * stop word, title or head word, which a clause running on would hold; a run of 40 letters at most.
 */
function nounsToPlace(ctx: DetectionContext, bounds: readonly number[], k: number, runEnd: number): boolean {
	if (runEnd - bounds[k]! > 40) return false;
	for (let j = k; j < bounds.length; j++) {
		const w = ctx.words.wordAt(bounds[j]!);
		if (j > k && longestPlaceAt(ctx, bounds[j]!, runEnd)?.end === runEnd) return true;
		if (w.length < 2 || clauseOrListedWord(w)) return false;
	}
	return false;
}

/**
 * A piece of at most three letters that is no word any list holds, nor a place the gazetteer knows
 * (ชิ, เนะ; not จีน): a syllable of a word the segmenter does not know.
 */
export function unknownPiece(piece: string): boolean {
	return (
		piece.length > 0 &&
		piece.length <= 3 &&
		isThaiLetter(piece.charCodeAt(0)) &&
		!isCommonWord(piece) &&
		!FUNCTION_WORD_SET.has(piece) &&
		!VERB_SET.has(piece) &&
		!ORG_STOP.has(piece) &&
		!PERSON_STOP.has(piece) &&
		!PERSONISH.has(piece) &&
		!HEAD_WORDS.has(piece) &&
		!COMMON.has(piece) &&
		!gazetteer().thai.has(piece)
	);
}

/** Prepositions and particles that are never a whole name's complement (กระทรวง|สู่, ราชอาณาจักร|อีก). */
export const HEAD_ONLY_PARTICLES: ReadonlySet<string> = new Set(['สู่', 'ไปยัง', 'ยัง', 'ตั้งแต่', 'กว่า', 'อีก', 'ข้าง']);

/** Words that make a noun of the verb after them (การลงทุน, ความมั่นคง). */
const NOMINALIZERS = new Set(['การ', 'ความ']);

/**
 * The word at `b` follows การ or ความ that opens the complement at `p`, follows และ, or follows a
 * word that is no clause verb (…ส่งเสริม|การ, not …ดำเนิน|การ, whose การ is the verb's own).
 */
function nominalizedAt(ctx: DetectionContext, p: number, b: number): boolean {
	const nominalizer = ctx.words.wordBefore(b);
	if (!NOMINALIZERS.has(nominalizer)) return false;
	const at = b - nominalizer.length;
	if (at <= p) return at === p;
	const before = ctx.words.wordBefore(at);
	return before === 'และ' || (before.length > 1 && !CLAUSE_VERBS.has(before) && !ORG_STOP.has(before));
}

/**
 * The word at bounds[k] is the last of the Thai run, and no verb, function word, stop word, title or
 * head word: an everyday noun closed by a space or punctuation ends the name rather than opening a
 * clause (a clause runs on: กรมX|เร่ง|รัด…, แม่น้ำX|ยินดี|ปรีดา).
 */
function nameTailAt(ctx: DetectionContext, bounds: readonly number[], k: number, runEnd: number): boolean {
	if (k !== bounds.length - 1) return false;
	const w = ctx.words.wordAt(bounds[k]!);
	if (bounds[k]! + w.length !== runEnd || w.length < 2) return false;
	return !clauseOrListedWord(w);
}

/** A verb, function word, stop word, title, head word or joiner: a word a clause holds, not a name's noun. */
function clauseOrListedWord(w: string): boolean {
	return (
		VERB_SET.has(w) ||
		CLAUSE_VERBS.has(w) ||
		FUNCTION_WORD_SET.has(w) ||
		ORG_STOP.has(w) ||
		PERSON_STOP.has(w) ||
		GENERIC.has(w) ||
		PERSONISH.has(w) ||
		HEAD_WORDS.has(w) ||
		HEAD_STOP_PREFIX.test(w) ||
		TRAILING_JOINERS.has(w)
	);
}

/**
 * Conjunctions and quantifiers the segmenter cuts in two, by their second half: the first half
 * left at a name's end belongs to the phrase after it (…กลาโหมรวม|ถึง…, …ตลอด|จน…), and ต่าง
 * before ๆ ("various", …สมาคมกีฬาต่าง ๆ) makes a kind of body, which generic-use.ts reads as such
 * once ต่าง is outside the name.
 */
const SPLIT_FIRST_HALVES = new Map([
	['ถึง', new Set(['รวม', 'ตลอด', 'จน'])],
	['จน', new Set(['ตลอด'])],
	['ทั้ง', new Set(['รวม', 'พร้อม'])],
]);

/**
 * A verb that Thai NER 1.5's annotators read as the clause after a name and never as a name's last
 * word (after-name-verbs.ts, learned: …|พิจารณา) ending [from, end), if any: the name has run on into
 * its sentence. Not the second half of a compound the segmenter cuts in two (บ่ม|เพาะ, สิน|เชื่อ:
 * split-compounds.ts), nor after a word that seldom ends a name (ยาเสพ|ติด, การ|ลงทุน, น้ำ|เสีย): the
 * name would end on the word before, so that word must be one the annotators end names with.
 */
function clauseVerbAtEnd(ctx: DetectionContext, from: number, end: number): string | undefined {
	const word = ctx.words.wordBefore(end);
	if (word === '' || end - word.length <= from || !AFTER_NAME_VERBS.has(word)) return undefined;
	const at = end - word.length;
	const before = ctx.words.wordBefore(at);
	return splitCompoundAt(ctx.text, from, at, word) === undefined && nameWordUse(before).ending > 0 ? word : undefined;
}

/**
 * A post or a title of the lexicon (นายกรัฐมนตรี, นายกสมาคม, ผู้อำนวยการ, นาย) starts at `at` and ends
 * on a word's edge: after และ, the body's name has ended and a person's post or name begins.
 */
function postOrTitleAt(ctx: DetectionContext, at: number): boolean {
	return triggerTrie()
		.matchesAt(ctx.text, at)
		.some((m) => ctx.words.isBoundary(m.end) && m.values.some((v) => v.type === 'position' || v.type === 'honorific'));
}

/**
 * A verb that opens a clause starts at `at` (…เพื่อ|พิจารณา, …เพื่อ|ติดตาม): one the data shows after names
 * and (nearly) never inside one (after-name-verbs.ts, clause-verbs.ts). Not any verb of the lexicon: names
 * hold purposes (กองทุนเพื่อส่ง|เสริม…).
 */
function purposeVerbAt(ctx: DetectionContext, at: number | undefined): boolean {
	if (at === undefined) return false;
	const w = ctx.words.wordAt(at);
	return AFTER_NAME_VERBS.has(w) || CLAUSE_VERBS.has(w);
}

/**
 * ภายใน or ภายหลัง ending [from, end) with a space and a span of time after it, if so.
 * Not glued to what follows (…กำหนด|ภายใน|วันที่…): the run goes on there, and cut before it a clause
 * is left (ธนาคาร|กำหนด "the bank sets").
 */
function withinBeforeTime(ctx: DetectionContext, from: number, end: number): string | undefined {
	const word = ctx.words.wordBefore(end);
	if (!WITHIN.has(word) || end - word.length <= from) return undefined;
	return TIME_AFTER.test(ctx.text.slice(end, end + 8)) ? word : undefined;
}
const WITHIN = new Set(['ภายใน', 'ภายหลัง']);
/** A day, a month, a year, a week, an hour, a deadline, a time, counted or not (not ภายใน 2 คน, a count of people). */
const TIME_AFTER = /^ (?:[0-9๐-๙,]+\s?)?(?:วัน|เดือน|ปี|สัปดาห์|ชั่วโมง|นาที|กำหนด|เวลา)/;

/** [from, end) holds และ before a head word (…|และ|คณะ…, …|และ|กรม…): two bodies, maybe, not one. */
function joinsTwoBodies(ctx: DetectionContext, from: number, end: number): boolean {
	for (const b of ctx.innerBounds(from, end)) {
		if (ctx.words.wordAt(b) !== 'และ') continue;
		const next = b + 3 < end ? ctx.words.wordAt(b + 3) : '';
		if (HEAD_WORDS.has(next)) return true;
	}
	return false;
}

/** The first half of a split conjunction, or ต่าง before ๆ, that ends [from, end); if any. */
function danglingHalf(ctx: DetectionContext, from: number, end: number): string | undefined {
	const word = ctx.words.wordBefore(end);
	if (word === '' || end - word.length <= from) return undefined;
	if (word === 'ต่าง') return /^ ?ๆ/.test(ctx.text.slice(end, end + 2)) ? word : undefined;
	const next = ctx.words.wordAt(end);
	return SPLIT_FIRST_HALVES.get(next)?.has(word) ? word : undefined;
}

/**
 * The joining word that ends [from, end) and leaves a name before it (…และ, …แห่ง, …การ), if
 * any. การ and ความ join only after a word (สำนัก|การ, เศรษฐกิจ|การ): after a piece of an unknown
 * word they end it (เกษตราธิ|การ is one word the segmenter does not know).
 */
export function trailingJoiner(ctx: DetectionContext, from: number, end: number): string | undefined {
	const word = ctx.words.wordBefore(end);
	if (word === '' || !TRAILING_JOINERS.has(word) || end - word.length <= from) return undefined;
	if (word === 'การ' || word === 'ความ') {
		const prev = ctx.words.wordBefore(end - word.length);
		if (!isCommonWord(prev) && !HEAD_WORDS.has(prev) && !FUNCTION_WORD_SET.has(prev) && !COMMON.has(prev)) return undefined;
	}
	return word;
}

/**
 * Heads of provinces, cities, regions, zones and states, and of roads and canals: their names are proper
 * names, not everyday words. (Not ตำบล: sub-districts are named with everyday words, ตำบลบ้านใหม่.)
 */
const PROPER_PLACE_HEADS = new Set(['จังหวัด', 'จ.', 'เมือง', 'นคร', 'กรุง', 'เขต', 'ภูมิภาค', 'มณฑล', 'แคว้น', 'รัฐ', 'ถนน', 'ถ.', 'คลอง']);
/** Heads of ways, whose first word may be a classifier (ถนนสาย…, คลองสาย…) before the name. */
const WAY_HEADS = new Set(['ถนน', 'ถ.', 'คลอง', 'ซอย']);
/** Classifiers and descriptions of a way that name none (ถนนสาย 12, ถนนเส้น…, คลองสาย…). */
const WAY_CLASSIFIERS = new Set(['สาย', 'เส้น', 'เลข', 'หมายเลข']);

/**
 * After a province's, city's, region's, state's, road's or canal's head, a word the data shows as common
 * and never inside a place's name is the phrase going on (จังหวัด|แรก, เมือง|เกษตรกรรม, รัฐ|ช่วย,
 * เขต|ทะเลชายฝั่ง, ถนน|ช่วงเทศกาล, คลอง|ระบายน้ำ), not a place: unless a province, district or
 * other known place starts there, or a number follows the word (ถนนพระราม 2). A way's classifier
 * (ถนนสาย…) is read past: what follows it must be a name or a number.
 */
export function commonAfterPlaceHead(ctx: DetectionContext, head: string, complementStart: number): boolean {
	if (!PROPER_PLACE_HEADS.has(head) && !WAY_HEADS.has(head)) return false;
	const runEnd = ctx.thaiRunEnd(complementStart);
	let first = ctx.firstWord(complementStart, runEnd);
	const way = WAY_HEADS.has(head);
	if (way && WAY_CLASSIFIERS.has(first)) {
		// ถนนสาย 304 is named by its number, which is not read into the name: no name is taken.
		const after = complementStart + first.length;
		if (after >= runEnd) return true;
		complementStart = after;
		first = ctx.firstWord(complementStart, runEnd);
		// After the classifier any everyday word describes the way (ถนนสาย|สำคัญ, สาย|นี้).
		if (FUNCTION_WORD_SET.has(first) || isCommonWord(first)) return true;
	} else if (!PROPER_PLACE_HEADS.has(head)) return false;
	if (!isCommonWord(first) || isPlaceWord(first)) return false;
	// A way named by a number (ถนนพระราม 2), or by one word standing alone (ถนนราชดำเนิน กรุงเทพฯ),
	// has a name; one glued to the sentence going on (ถนน|ช่วงเทศกาล…, คลอง|ระบายน้ำ…) has none.
	if (way && (numberAt(ctx.text, complementStart + first.length) || complementStart + first.length === runEnd)) return false;
	return longestPlaceAt(ctx, complementStart, runEnd) === undefined && longestDistrictAt(ctx, complementStart, runEnd) === undefined;
}

/** A number starts at `pos`, after one space or ที่ at most (พระราม 2, พระรามที่ 6). */
function numberAt(text: string, pos: number): boolean {
	let at = text[pos] === ' ' ? pos + 1 : pos;
	if (text.startsWith('ที่', at)) at += 3;
	if (text[at] === ' ') at++;
	return /[0-9๐-๙]/.test(text[at] ?? '');
}

let districtTrie: Trie<true> | undefined;

/** The end of the longest Thai district name starting at `pos` and ending on a word edge, within the run. */
function longestDistrictAt(ctx: DetectionContext, pos: number, runEnd: number): number | undefined {
	if (districtTrie === undefined) {
		districtTrie = new Trie<true>();
		for (const d of gazetteer().districts) districtTrie.add(d, true);
	}
	const matches = districtTrie.matchesAt(ctx.text, pos);
	for (let m = matches.length - 1; m >= 0; m--) {
		const end = matches[m]!.end;
		if (end > runEnd) continue;
		if (end < runEnd && isThaiNameChar(ctx.code(end)) && !ctx.words.isBoundary(end)) continue;
		return end;
	}
	return undefined;
}

/** The longest gazetteer place starting at `pos` and ending on a word edge, within the run. */
/** A number of one to three digits (Arabic or Thai) after ที่, one space allowed, not part of a longer number or of a document's (ที่ 1/2567). */
const ORDINAL = /^ ?[0-9๐-๙]{1,3}(?![0-9๐-๙]|[.,/][0-9๐-๙])/;
/** Classifiers ที่ ranks by (the 40th minister, the 5th place, the 3rd meeting): not the name's own number. */
/** A body's last word that numbers its regions (ตำรวจภูธรภาค 3, สำนักงานเขตพื้นที่การศึกษา…เขต 1). */
const NUMBERED_REGIONS = new Set(['ภาค', 'เขต', 'พื้นที่']);

/** A piece ending on ที่ that no list knows as a word (บที่, of a misspelt ทหาราบ|ที่): ที่ glued to a word's last letters. */
function gluedOrdinal(w: string): boolean {
	return w.length > 3 && w.length <= 5 && w.endsWith('ที่') && !isCommonWord(w) && !COMMON.has(w) && !FUNCTION_WORD_SET.has(w) && !VERB_SET.has(w);
}
const RANKED = new Set(['คน', 'แห่ง', 'ครั้ง', 'ฉบับ', 'ข้อ', 'ลำดับ', 'ปี', 'ชั้น', 'ราย', 'ชุด', 'รุ่น', 'วัน', 'เดือน', 'งวด', 'ระยะ', 'ประเทศ', 'คณะ']);
/** A classifier or unit after the number: it counts, it does not rank. */
const COUNTED =
	/^ ?(?:พื้นที่|แห่ง|คน|ราย|ครั้ง|ปี|เดือน|วัน|สัปดาห์|ชั่วโมง|นาที|ตัว|หลัง|คัน|ลำ|เครื่อง|โครงการ|ล้าน|พัน|หมื่น|แสน|บาท|เท่า|กิโล|เมตร|ไร่|ตัน|ลิตร|%|ชั้น|ฉบับ|เรื่อง|ประเทศ|จังหวัด|อำเภอ)/;

/** The end of a known place that starts at one of `starts` and runs past `at`, if any. */
/**
 * A place the gazetteer knows ends the name at [start, end) on a word of its own (ศูนย์ฝึกอาชีพ|ภาคใต้,
 * สำนักงาน…|เชียงใหม่): the name is closed by a place, whatever the tagger made of it.
 */
export function endsOnKnownPlace(ctx: DetectionContext, start: number, end: number): boolean {
	for (const b of ctx.innerBounds(start, end)) if (longestPlaceAt(ctx, b, end)?.end === end) return true;
	return false;
}

function knownPlaceOver(ctx: DetectionContext, starts: readonly number[], at: number, runEnd: number): number | undefined {
	for (const s of starts) {
		const place = longestPlaceAt(ctx, s, runEnd);
		if (place !== undefined && place.end > at) return place.end;
	}
	return undefined;
}

/**
 * กรุง (which heads a capital: กรุงโตเกียว) right before a country's name: กรุง|ไทย is no capital
 * and not the country either but a name of its own, a company's (a bank, an insurer). The end of
 * the country's name, or undefined.
 */
export function countryAfterCapital(ctx: DetectionContext, headStart: number, headEnd: number): number | undefined {
	if (ctx.text.slice(headStart, headEnd) !== 'กรุง') return undefined;
	const known = longestPlaceAt(ctx, headEnd, ctx.thaiRunEnd(headEnd));
	return known !== undefined && isCountryKey(known.key) ? known.end : undefined;
}

/** A body's or place's head word (a temple's too) starts at `start` (…รับรอง|วัด|คาทอลิก). */
function opensName(ctx: DetectionContext, start: number): boolean {
	if (ctx.words.wordAt(start) === 'วัด') return true;
	return triggerTrie()
		.matchesAt(ctx.text, start)
		.some((m) => m.values.some((v) => v.type === 'org' || v.type === 'place'));
}

function longestPlaceAt(ctx: DetectionContext, pos: number, runEnd: number): {end: number; key: string} | undefined {
	const matches = triggerTrie().matchesAt(ctx.text, pos);
	for (let m = matches.length - 1; m >= 0; m--) {
		const match = matches[m]!;
		if (match.end > runEnd) continue;
		const place = match.values.find((v) => v.type === 'gazetteer');
		if (place === undefined || place.type !== 'gazetteer') continue;
		if (match.end < runEnd && isThaiNameChar(ctx.code(match.end)) && !ctx.words.isBoundary(match.end)) continue;
		return {end: match.end, key: place.place.key};
	}
	return undefined;
}
