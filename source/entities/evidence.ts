// The evidence bar an entity must clear to be listed. Detection reads one sentence at a time and
// the learned tagger proposes names nobody announced; most of what a reader takes for junk (a list
// of goods read as a person, the tail of a longer name, an everyday word read as a place) is an
// entity whose only evidence is the tagger's word, with no title, no head word and no second
// article to back it. Judged here, on the whole entity, and not on one mention: detection (and so
// Thai NER's val score) is unchanged, and a name the tagger finds again elsewhere, or that a rule
// finds once, is kept whole.
import {commonWordAt, isCommonWord, isOrgWord, isPlaceWord, oneLetterLookup} from './common-words.js';
import {triggerTrie} from './detect/trigger-trie.js';
import {COMMITTEE, SCHOOL} from './generic-use.js';
import {nameWordUse} from './name-words.js';
import {gazetteer, isCountryKey, isKnownPlaceName as knownPlace, isThaiProvinceKey} from './gazetteer.js';
import {
	COMMON_WORDS,
	FUNCTION_WORD_SET,
	KIN_WORDS,
	LATIN_COMMON_WORDS,
	LATIN_LETTER_NAME_SET,
	LATIN_ORG_HEADS,
	LATIN_OTHER_HEADS,
	LATIN_PLACE_HEADS,
	LATIN_STOP,
	NON_NAME_ABBREVIATIONS,
	ORG_HEADS,
	PLACE_HEADS,
	POSITIONS,
	THING_NOUN_SET,
	WEAK_POSITIONS,
} from './lexicon.js';
import type {Cluster, MentionTable, Summary} from './mention-table.js';
import type {EntityKind} from './types.js';
import {words} from '../text/words.js';

/** An everyday word (the learned common-word list) that is no place the gazetteer or the district list knows. */
function plainWord(word: string): boolean {
	return isCommonWord(word) && !knownPlace(word);
}
/** A plain word that is no word of places' names either (a place's head, a region's word). */
function plainNonPlaceWord(word: string): boolean {
	return plainWord(word) && !isPlaceWord(word);
}

/** What the bar reads of one mention. */
export interface MentionEvidence {
	rule: string;
	title?: string;
	/** Anything that tells articles apart (a number, an id). */
	article: number | string;
	/** Written as a kind is: counted, an example, quantified (generic-use.ts). */
	generic?: boolean;
	/** Written short, ฯ for the rest of the name (ศูนย์วิจัยฯ). */
	elided?: boolean;
}

export interface EntityEvidence {
	name: string;
	kind: EntityKind;
	mentions: readonly MentionEvidence[];
}

/** The tagger's word alone: every mention found by the model, none after a title. */
export function taggerOnly(mentions: readonly MentionEvidence[]): boolean {
	return mentions.every((m) => m.rule === 'model' && m.title === undefined);
}

/**
 * One word, no surname, found by the tagger after a weak post alone (ศิลปิน|X, นักร้อง|X): a weak post
 * glued to a word is no honorific, and what follows it may be its award or its kind (ศิลปิน|ศิลปาธร,
 * an artist of the Silpathorn award). As the tagger's one word with no title, no name is shown.
 */
function weakPostThenOneWord(name: string, mentions: readonly MentionEvidence[]): boolean {
	if (/\s/.test(name) || PERSON_PREFIX.test(name) || ROYAL_PREFIX.test(name)) return false;
	return mentions.some((m) => m.title !== undefined) && mentions.every((m) => m.rule === 'model' && (m.title === undefined || WEAK_POSITIONS.has(m.title)));
}

/**
 * Every token opens with the same word of two letters or more: one token is that word alone and the
 * others go on from it (ช่าง, ช่างกล, ช่างไฟฟ้า: the segmenter knows ช่างกล as one word), or each one's
 * first word is it (นัก|ร้อง, นัก|แสดง, นัก|ดนตรี).
 */
function sameFirstWord(tokens: readonly string[]): boolean {
	let common = tokens[0]!;
	for (const t of tokens) while (!t.startsWith(common)) common = common.slice(0, -1);
	if (common.length < 2) return false;
	return tokens.includes(common) || tokens.every((t) => words(t)[0]?.text === common);
}

/**
 * Why an entity is not listed (a short reason, for the audit), or undefined when it is. A body or
 * place of a shape no name has is never listed (bodyOrPlaceShape, latinThing); the rest judges
 * only entities the tagger alone found, by shapes no name of their kind has:
 * - a mark no name holds (a quote, a leading number: `จังหวัด”`, `9.ท่าเรือ`);
 * - a person of three words or more with an everyday word in it: Thai names are a given name and
 *   a surname, so such words found by the tagger alone are a list (`ถ่านหิน ทองแดง ทองคำ`);
 * - a person seen in one article whose given name is an everyday word (`อนุมัติ X`), or of one word
 *   with no prefix, in any number of articles;
 * - a body or place with no head word, not a place the gazetteer or the district list knows, nor
 *   a place's noun or an abbreviation, seen in one article only: the tagger's guess on one sentence
 *   (`โบราณศรีเทพ` cut from `เมืองโบราณศรีเทพ`, `ลุ่มวิจัย`);
 * - a body or place joining two names (`X และ Y`, `X แก่ Y`, two units glued: `ตำบลXอำเภอY`).
 */
export function unlistedReason({name, kind, mentions}: EntityEvidence): string | undefined {
	if (kind === 'other' || mentions.length === 0) return undefined;
	if (kind !== 'person') {
		const shape =
			bodyOrPlaceShape(name, kind) ??
			(kind === 'organization' ? countrysFormalName(name) : undefined) ??
			latinThing(name, kind, mentions) ??
			everydayWord(name, mentions) ??
			placeHeadPhrase(name, kind) ??
			(kind === 'place' && taggerOnly(mentions) ? knownPlaceThenWords(name) : undefined) ??
			unnamedUnit(name, kind) ??
			(kind === 'organization'
				? (unitOfALargerPlace(name) ??
					seatOfNationalBody(name) ??
					headInWord(name) ??
					groupOfPeople(name) ??
					unnamedBranch(name) ??
					facultyAlone(name) ??
					kindOfBusiness(name) ??
					personAsBody(name, mentions))
				: undefined) ??
			(kind === 'place'
				? (placesJoined(name) ??
					placesRunTogether(name) ??
					economicArea(name) ??
					provincesDescribed(name, mentions) ??
					unnamedZone(name, mentions) ??
					numberedZone(name, mentions) ??
					structureOfStructure(name))
				: undefined) ??
			postShortForm(name) ??
			degreeOrDate(name) ??
			(kind === 'organization' ? (kindByOwnership(name) ?? postOrItsParty(name, mentions)) : undefined) ??
			headAndKindWords(name) ??
			elidedKind(name, mentions) ??
			misspeltWord(name) ??
			lawOrKind(name) ??
			headTwice(name, kind) ??
			countrysKind(name) ??
			(kind === 'organization' ? kindOfACountry(name) : undefined) ??
			cutOnBoundWord(name) ??
			(kind === 'organization'
				? (localKind(name) ??
					firmOfEverydayWords(name, mentions) ??
					partOfAKind(name) ??
					levelKind(name) ??
					unitShortForm(name) ??
					unnamedOwner(name) ??
					centreOfAKind(name))
				: undefined) ??
			kindNotName(name, kind, mentions);
		if (shape !== undefined) return shape;
	}
	if (kind === 'person') {
		// One Thai letter is an initial or a cut, no name (a post's ท, a title's ฮ).
		const wrong = /^[\u0E01-\u0E2E]$/.test(name)
			? 'one-letter'
			: (countrysFormalName(name) ??
				countryAlone(name) ??
				royalVerb(name) ??
				royalRankAlone(name) ??
				(MONUMENT_OR_CLERGY.test(name) ? 'monument-or-clergy' : undefined) ??
				postOfABody(name));
		if (wrong !== undefined) return wrong;
	}
	if (kind === 'person' && latinOnly(mentions) && (latinPlaceOrPost(name) || capitalsPhrase(name) || PHRASAL_PARTICLE_END.test(name))) return 'latin-phrase';
	if (kind === 'person' && COMPANY_SUFFIX.test(name)) return 'body-as-person';
	if (kind === 'organization' && postThenGivenName(name, mentions)) return 'person-after-post';
	if (kind === 'person' && weakPostThenOneWord(name, mentions)) return 'person-one-word';
	if (!taggerOnly(mentions)) return undefined;
	if (ODD_MARK.test(name.replace(/[:;,]$/, '')) || /^[0-9๐-๙]/.test(name)) return 'mark';
	const oneArticle = mentions.every((m) => m.article === mentions[0]!.article);
	const tokens = name.split(/\s+/).filter((t) => t !== '');
	if (kind === 'person') {
		// A date or a number in it (พศ. ๒๕๖๕): no person's name holds a digit.
		if (/[0-9๐-๙]/.test(name)) return 'mark';
		// A later token that is a thing's noun written whole (บางอ้อ|สเตชัน, a station; X|รีสอร์ท): the
		// tagger's check reads the segmenter's first word of each token, which cuts a loanword (สเต|ชัน).
		if (tokens.some((t, i) => i > 0 && THING_NOUN_SET.has(t))) return 'thing';
		// A surname may be an everyday word (ทองคำ), a given name seldom is (the list leaves those out).
		if (tokens.length > 2 && tokens.some((t) => isCommonWord(t))) return 'person-list';
		// A name carries its kin word or honorific once (คุณX Y); two are two people or kin words (คุณปู่ คุณย่า).
		if (tokens.filter((t) => LIST_PREFIX.test(t)).length >= 2) return 'person-list';
		// Three words or more that open with the same word (ช่างไม้ ช่างปูน ช่างสี): kinds of one trade or
		// thing in a list. A given name, middle name and surname do not share their first word.
		if (tokens.length >= 3 && sameFirstWord(tokens)) return 'person-list';
		// Two places of the gazetteer (ชิลี แม็กซิโก รัสเซีย) or a word opened by และ or หรือ after
		// the first (X Y และZ W): a list of places or two people, not one name. A surname holding a
		// province (ณ อยุธยา) is one place.
		if (tokens.filter((t) => knownPlace(t)).length >= 2 || tokens.some((t, i) => i > 0 && /^(?:และ|หรือ)./.test(t))) return 'person-list';
		if (titleOnly(name)) return 'title-only';
		if (wordBeforeStyle(tokens)) return 'word-before-title';
		if (tokens.length === 2 && oneArticle && isCommonWord(tokens[0]!)) return 'person-common-word';
		// One word, no surname, no title in any article: the tagger's guess on a word of the sentence
		// (ยกย่อง|สรรเสริญ, ยา|เวชภัณฑ์), also when the news writes it in several articles (ทัศนศิลป์,
		// a road's name): a person named alone again and again gets a title or a surname somewhere.
		// A kin or religious prefix says a person is named (น้องX, พระX).
		if (tokens.length === 1 && !PERSON_PREFIX.test(name) && !ROYAL_PREFIX.test(name)) return 'person-one-word';
		return undefined;
	}
	const heads = placeOrOrgHeads(name);
	if (!heads.some((h) => h.at === 0)) {
		// A known place, a place opened by a place's noun, an abbreviation (the rules' own shape) stand alone.
		if (knownPlace(name) || (kind === 'place' && PLACE_WORDS.test(name)) || name.includes('.')) return undefined;
		if (JOINERS.some((j) => innerWord(name, j))) return 'joined';
		if (oneArticle) return 'no-head';
		// Seen in many articles, but written as a kind or a manner half the time or more
		// (ได้อย่าง|สมบูรณ์, เป็น|X): a word of the sentence the tagger took, not a name.
		if (mentions.filter((m) => m.generic === true).length * 2 >= mentions.length) return 'generic-use';
		return undefined;
	}
	// A smaller unit's name glued to a larger unit's (ตำบลX|อำเภอY, อำเภอX|จังหวัดY): two places.
	if (kind === 'place' && heads.some((h) => h.at > 0 && LARGER_UNIT.test(name.slice(h.at)) && SMALLER_UNIT.test(name))) return 'joined';
	return undefined;
}

/**
 * Shapes no body's or place's name has, whoever found it: it does not end on a function word
 * (คณะอนุกรรมการภายใต้), nor join two bodies (กระทรวงX และสำนักงานY, XกับกรมY, a bare head and
 * another body: กระทรวง สำนักงานปลัดกระทรวง); ศูนย์กลาง|X is a hub a country means to be, not a body.
 */
function bodyOrPlaceShape(name: string, kind: EntityKind): string | undefined {
	// Segmenting every name cost a first snapshot about a fifth more: only names that hold a
	// joining word where it matters are segmented.
	const opening = TRAILING.some((w) => name.startsWith(w)) || name.startsWith('แห่ง');
	const closing = TRAILING.some((w) => name.length > w.length && name.endsWith(w));
	const inner = name.includes('และ') || (kind === 'place' && name.includes('ประจำ'));
	const segments = opening || closing || inner ? words(name) : [];
	const starts = new Set(segments.map((w) => w.start));
	const first = segments[0] === undefined ? '' : name.slice(segments[0].start, segments[0].end);
	if (TRAILING.includes(first) || first === 'แห่ง') return 'piece';
	if (closing && TRAILING.some((w) => name.length > w.length && name.endsWith(w) && starts.has(name.length - w.length))) return 'ends-on-function-word';
	if (kind === 'place') {
		// …ประจำประเทศไทย: the tail of an embassy's or office's name, not a place.
		if (segments.some((w) => w.start > 0 && name.slice(w.start, w.end) === 'ประจำ')) return 'piece';
		// ประเทศ names a known country (ประเทศส่วนใหญ่…, ประเทศตลาดเกิดใหม่ are kinds of country).
		if (name.startsWith('ประเทศ') && !knownPlaceAt(name, 'ประเทศ'.length)) return 'generic';
		// X และ Y where Y opens with a place's or a body's head (…เวียดนาม|และ|ราชอาณาจักรไทย,
		// คลองX|และ|ชุมชนY): two places joined; a known place keeps its และ (แซงปีแยร์และมีเกอลง).
		if (
			!knownPlace(name) &&
			segments.some((w, i) => i > 0 && name.slice(w.start, w.end) === 'และ' && segments[i + 1] !== undefined && headAt(name, segments[i + 1]!.start))
		)
			return 'joined';
		return undefined;
	}
	if (name.startsWith('ศูนย์กลาง')) return 'role';
	for (let i = 1; i + 1 < segments.length; i++) {
		const w = segments[i]!;
		if (name.slice(w.start, w.end) === 'และ' && STRONG_BODY_HEAD.test(name.slice(segments[i + 1]!.start))) return 'joined';
	}
	const [token, second] = name.split(/\s+/);
	if (second !== undefined && ORG_HEAD_WORDS.has(token!) && ORG_HEADS.some((h) => second.startsWith(h))) return 'joined';
	if (withThenBody(name)) return 'joined';
	return undefined;
}

/**
 * `…กับ` or `…โดย` right before a head that opens a body of its own (มูลนิธิX|กับ|กรมY: "X with Y";
 * กระทรวงX|โดย|กรมY: "X, through Y"): two bodies, whatever the segmenter makes of the letters before
 * it (an unknown name glues onto กับ). กำกับ ("oversee": คณะกรรมการกำกับ…) is one word, not "with".
 */
function withThenBody(name: string): boolean {
	for (const joiner of ['กับ', 'โดย']) {
		for (let i = name.indexOf(joiner, 1); i > 0; i = name.indexOf(joiner, i + joiner.length)) {
			if (!(joiner === 'กับ' && name.startsWith('กำ', i - 2)) && STRONG_BODY_HEAD.test(name.slice(i + joiner.length).trimStart())) return true;
		}
	}
	return false;
}

/**
 * A person whose every mention is a Latin phrase read without an honorific (`an [Inflection Point]`,
 * `at [Central World]`, or after a post in Thai: `ผู้นำ [… Summit]`, where the post's word goes on
 * with what it leads): capitalised words name a person only with an honorific or the Thai name
 * they stand beside (those bring other mentions with them).
 */
function latinOnly(mentions: readonly MentionEvidence[]): boolean {
	return mentions.every((m) => (LATIN_UNTITLED_RULES.has(m.rule) && m.title === undefined) || m.rule === 'position-latin');
}
/**
 * Rules that read a Latin person with no honorific: by its letters, and the same name again as a
 * short form or in a definition's brackets (EXIM BANK, then EXIM), which add no evidence of a person.
 */
const LATIN_UNTITLED_RULES = new Set(['latin', 'short-form', 'definition']);

/**
 * Words all in capitals, two or more, with no title (`ART TOY`, `TRADE FAIR CAMP`): a brand, a
 * project's or an event's name set in capitals. A person's name in capitals comes with a title or
 * a name in mixed case beside it (`SURNAME Given`).
 */
function capitalsPhrase(name: string): boolean {
	const parts = name.split(/\s+/);
	return parts.length >= 2 && parts.every((w) => /^[A-Z][A-Z&.'-]*$/.test(w));
}

/**
 * An English verb's particle ending a Latin "person" (`Kick Off`, `Start-up`, `Lock Down`): a phrasal
 * verb or its noun, an event's word, as no name ends (not `In` or `On`, syllables of Korean and
 * Chinese names).
 */
const PHRASAL_PARTICLE_END = /[\s-](?:off|up|out|down|over|away)$/i;

/** A company's legal ending (บริษัท X จำกัด (มหาชน)): a body read after a post (ประธาน|X จำกัด), not a person. */
const COMPANY_SUFFIX = /(?:จำกัด|\(มหาชน\)|มหาชน)$/;

/**
 * A body or place whose name ends on the bare head of an administrative unit, with the unit's name
 * missing (สำนักงานX|จังหวัด, คณะกรรมการX|ประจำตำบล, องค์กรX|อำเภอ, คณะกรรมการ|หมู่บ้าน): every
 * province, district or village has one, so the name means a kind of body (and its mentions are of
 * many bodies), not one. The same body with its unit's name (…จังหวัดลำปาง) is one; a district whose
 * own name ends on a head word (สนามชัยเขต) keeps its place.
 */
function unnamedUnit(name: string, kind: EntityKind): string | undefined {
	const tail = (kind === 'organization' ? ORG_UNIT_TAILS : PLACE_UNIT_TAILS).find((t) => name.length > t.length && name.endsWith(t));
	if (tail === undefined) return undefined;
	const at = name.length - tail.length;
	// A whole word, after a name's start (not an abbreviation's last letter: สสจ. ends on จ.).
	if (!/[\u0E01-\u0E4E]$/.test(name.slice(0, at).trimEnd()) || !words(name).some((w) => w.start === at)) return undefined;
	if (districtsEndingOnAHead().some((d) => name.endsWith(d))) return undefined;
	return 'unnamed-unit';
}
/**
 * A body named by a village's or a sub-district's bare head and then a larger place (issue 7, junk16):
 * กองทุนหมู่บ้าน|X for a province X, คณะกรรมการหมู่บ้าน|จังหวัดX, …ประจำตำบล|อำเภอY. The village or
 * sub-district is not named, so the name means the body of every village of that place (a scheme, a
 * kind), not one body. A named unit (องค์การบริหารส่วนตำบล|บ้านใหม่), a field's word
 * (…พัฒนาชุมชน|X) or a joined name (กองทุนหมู่บ้าน|และ…) keep it.
 */
function unitOfALargerPlace(name: string): string | undefined {
	for (const unit of UNNAMED_UNITS) {
		const at = name.indexOf(unit, 1);
		if (at < 0) continue;
		const rest = name.slice(at + unit.length).trimStart();
		const larger = /^(?:อำเภอ|อ\.|จังหวัด|จ\.)/.test(rest) || (unit === 'หมู่บ้าน' && isThaiProvinceKey(gazetteer().thai.get(rest)?.key));
		if (larger && words(name).some((w) => w.start === at)) return 'unnamed-unit';
	}
	return undefined;
}
/** Units a body is set up in one of each (a village fund, a sub-district's committee). */
const UNNAMED_UNITS = ['หมู่บ้าน', 'ตำบล'];

/**
 * A body's head read inside a longer everyday word (issue 7, junk16): สภา in สภาพ "a state, a
 * condition" (สภาพ|อากาศ, สภาพ|คล่อง "liquidity"), กรม in กรมธรรม์ "an insurance policy". The
 * segmenter's first word of the name is that everyday word, and what it adds to the head is no word
 * of its own: the head was cut out of a word. A word of bodies' names (สภากาชาด…, ธนาคารโลก), a head
 * and a word or a place the segmenter glued (หอการค้า|ไทย) or a known place keep it.
 */
function headInWord(name: string): string | undefined {
	const head = ORG_HEADS_LONGEST_FIRST.find((h) => name.length > h.length && name.startsWith(h));
	// (Only a name opened by a longer everyday word is segmented.)
	if (head === undefined || !commonWordAt(name, 0, head.length + 1, name.length)) return undefined;
	const first = words(name)[0];
	if (first === undefined || first.start !== 0 || first.end <= head.length) return undefined;
	const word = first.text;
	const added = word.slice(head.length);
	if (!isCommonWord(word) || isOrgWord(word) || isPlaceWord(word) || ORG_HEAD_WORDS.has(word) || PLACE_HEAD_WORDS.has(word)) return undefined;
	return isCommonWord(added) || knownPlace(added) || knownPlace(name) ? undefined : 'head-in-word';
}
const ORG_HEADS_LONGEST_FIRST = ORG_HEADS.filter((h) => !h.endsWith('.')).sort((a, b) => b.length - a.length);

/** The legislature's houses and the cabinet: one body for the whole country. */
const NATIONAL_ONLY = ['สภาผู้แทนราษฎร', 'วุฒิสภา', 'รัฐสภา', 'คณะรัฐมนตรี'];

/**
 * A national body that has no branch in a province, and a province after it (issue 7, junk16):
 * สภาผู้แทนราษฎร|จังหวัดX is a member's seat for X, วุฒิสภา|X a senator's province; the province says
 * where a member was elected, it names no body. Bodies with provincial offices or chapters
 * (สภาอุตสาหกรรม|จังหวัดX, สำนักงานสาธารณสุข|จังหวัดX) are one body per province and stay.
 */
function seatOfNationalBody(name: string): string | undefined {
	const body = NATIONAL_ONLY.find((b) => name.length > b.length && name.startsWith(b));
	if (body === undefined) return undefined;
	const rest = name
		.slice(body.length)
		.trimStart()
		.replace(/^(?:จังหวัด|จ\.)\s?/, '');
	return isThaiProvinceKey(gazetteer().thai.get(rest)?.key) ? 'seat' : undefined;
}
/**
 * คณะ and then people, not a body's work (issue 7, junk17): คณะ|ครู "the teachers", คณะ|วิทยากร "the
 * speakers", คณะ|ศิษย์ "the disciples", คณะ|เยือน "the visiting party": a party of people who came
 * or spoke, no body (a delegation, คณะ|ผู้แทน, is a post's party: postOrItsParty). A committee, a
 * council, a faculty (คณะกรรมการX, คณะมนตรีX, คณะครุศาสตร์) names a body; a party posted to a country
 * or a body (…ประจำX, a permanent mission) is an office and stays.
 */
function groupOfPeople(name: string): string | undefined {
	if (!name.startsWith('คณะ') || name.includes('ประจำ')) return undefined;
	const rest = name.slice('คณะ'.length);
	const word = PEOPLE_AFTER_KHANA.find((w) => rest.startsWith(w));
	// The people's word is a word of its own there (คณะ|ครู|บา…, not a longer word it opens).
	if (word === undefined) return undefined;
	const end = 'คณะ'.length + word.length;
	return end === name.length || /^(?:\s|ฯ$)/.test(name.slice(end)) || words(name).some((w) => w.start === end) ? 'group-of-people' : undefined;
}
/** People a party is made of: teachers, speakers, disciples, the faithful, the press, visitors, students, diplomats (คณะทูตานุทูต, the diplomatic corps). */
const PEOPLE_AFTER_KHANA = ['ครูบาอาจารย์', 'ครู', 'วิทยากร', 'ศิษย์', 'ศรัทธา', 'สื่อมวลชน', 'เยือน', 'นักเรียน', 'นักศึกษา', 'ผู้ติดตาม', 'ทูตานุทูต', 'ทูต'];

/**
 * A branch, a head office or a parent with no name (issue 7, junk17): สำนักงาน|สาขา "the branch
 * office", บริษัท|แม่ "the parent company", สำนักงาน|ใหญ่ "head office" say which part of a body
 * the text means, not which body. A head office or a branch named (สำนักงานใหญ่X, ธนาคารX สาขาY) stays.
 */
function unnamedBranch(name: string): string | undefined {
	return /^(?:สำนักงาน|บริษัท|ธนาคาร|องค์กร|โรงงาน)(?:สาขา|ใหญ่|แม่|ลูก|ย่อย|ในเครือ)$/.test(name) ? 'unnamed-branch' : undefined;
}

/**
 * A university's faculty named by its field alone (issue 7, junk30): คณะ|นิติศาสตร์, คณะ|วิศวกรรมศาสตร์,
 * คณะ|พาณิชยศาสตร์และการบัญชี. Nearly every university has one of that name, and the text names the
 * university after a space (คณะX มหาวิทยาลัยY) or not at all (a list of kinds of faculty): as one
 * entity the name gathers the faculties of many universities, a kind, as สำนักงานX|จังหวัด does.
 * With its university, hospital or place in the name (คณะแพทยศาสตร์ศิริราชพยาบาล, คณะX|มหาวิทยาลัยY)
 * it is one faculty and stays; so do the other bodies opened by คณะ (คณะกรรมการ|ยุทธศาสตร์).
 */
function facultyAlone(name: string): string | undefined {
	const field = /^คณะ((?:[\u0E01-\u0E4E]+?ศาสตร์)(?:และ(?:[\u0E01-\u0E4E]+?ศาสตร์|การ[\u0E01-\u0E4E]+))?)$/.exec(name)?.[1];
	if (field === undefined || ORG_HEADS_LONGEST_FIRST.find((h) => name.startsWith(h)) !== 'คณะ') return undefined;
	// A university, hospital or other body's head, or a known place, inside it names whose faculty it is.
	if (words(name).some((w) => w.start > 3 && (headAt(name, w.start) || knownPlaceAt(name, w.start)))) return undefined;
	return 'faculty-alone';
}

/**
 * A kind of business, not one (issue 7, junk19): the words for small and medium firms and start-ups
 * (เอสเอ็มอี, SMEs, สตาร์ทอัพ), alone, with a country (เอสเอ็มอี|ไทย: "Thai SMEs") or after a head of
 * which there are many (บริษัท|สตาร์ทอัพ, กลุ่ม|เอสเอ็มอี): every country has thousands. A body named
 * for them says what it does for them (กองทุนพัฒนา|เอสเอ็มอี, ธนาคาร|เพื่อ|เอสเอ็มอี…, SME D Bank) and stays.
 */
function kindOfBusiness(name: string): string | undefined {
	const head = MANY_BUSINESSES.find((h) => name.startsWith(h)) ?? '';
	let rest = name.slice(head.length).trim();
	const core = BUSINESS_KINDS.find((k) => rest.startsWith(k));
	if (core === undefined) return undefined;
	rest = rest
		.slice(core.length)
		.trim()
		.replace(/^ประเทศ/, '');
	return rest === '' || FOREIGN.has(rest) || isCountryKey(gazetteer().thai.get(rest)?.key) ? 'generic' : undefined;
}
/** Kinds of business by size or stage, in Thai letters and in Latin (longest first). */
const BUSINESS_KINDS = ['ไมโครเอสเอ็มอี', 'เอ็มเอสเอ็มอี', 'เอสเอ็มอี', 'สตาร์ทอัพ', 'สตาร์ตอัพ', 'MSMEs', 'MSME', 'SMEs', 'SME', 'Startups', 'Startup'];
/** Heads of which there are many of one kind of business (firms, groups, operators). */
const MANY_BUSINESSES = ['ผู้ประกอบการ', 'บริษัท', 'ธุรกิจ', 'กิจการ', 'กลุ่ม'];

/**
 * A person's kin word or a teacher's opening a "body" the tagger alone found (issue 7, junk19):
 * ครู|ป้า|X, a teacher's name for herself ("auntie teacher X") in brackets after her name, น้อง|X, ลุง|X:
 * a person named by a nickname, as no body's name opens. A body's head after it (พี่เลี้ยง…) or a
 * word that only opens with those letters (คุณธรรม…, แม่ใจ, a district) keeps it: the kin word must be
 * the segmenter's whole first word.
 */
function personAsBody(name: string, mentions: readonly MentionEvidence[]): string | undefined {
	if (!taggerOnly(mentions) || !KIN_OPENING.test(name) || knownPlace(name) || COMPANY_SUFFIX.test(name)) return undefined;
	const parts = words(name);
	if (parts.length < 2 || parts[0]!.start !== 0 || !PERSON_KIN.has(parts[0]!.text)) return undefined;
	return placeOrOrgHeads(name).length === 0 ? 'person-as-body' : undefined;
}
/** Kin words, a teacher's and a monk's words that open what a person is called (ครูX, ป้าX, หลวงพ่อX). */
const PERSON_KIN = new Set(['ครู', 'ป้า', 'ลุง', 'น้า', 'ยาย', 'พี่', 'น้อง', 'คุณ', 'แม่', 'พ่อ', 'หลวงพ่อ', 'หลวงปู่']);
const KIN_OPENING = new RegExp(`^(?:${[...PERSON_KIN].join('|')})`);

/**
 * A zone's or a region's bare head and a number that only the tagger found (issue 7, junk28): the
 * number of a body's zone cut off the body's name (ศูนย์ป้องกันและบรรเทาสาธารณภัย|เขต 17, สพป.X|เขต 3),
 * no place of its own. A rule's zone (after a head, in a definition) is left to unnamedZone.
 */
function numberedZone(name: string, mentions: readonly MentionEvidence[]): string | undefined {
	return NUMBERED_ZONE.test(name) && taggerOnly(mentions) ? 'piece' : undefined;
}
const NUMBERED_ZONE = /^(?:เขต|ภาค)\s?(?:ที่\s?)?[0-9๐-๙]+$/;

/**
 * A zone's head and only everyday words (issue 7, junk19): เขต|ชลประทาน "irrigated areas", เขต|ลุ่ม|น้ำ
 * "river basins", เขต|ชนบท "rural areas": a kind of area, no place named. Bangkok's districts are all
 * known (เขต|ดินแดง, เขต|บางนา: words too), so a known place after the head keeps it, as does a region's
 * word (เขตพัฒนาพิเศษ|ภาค|ตะวันออก, the EEC), a unit's head (เขต|เทศบาล|ตำบล|X), a name the segmenter
 * does not know, a number (เขต 3), or a zone the article defines with a short form of its own.
 */
function unnamedZone(name: string, mentions: readonly MentionEvidence[]): string | undefined {
	if (!name.startsWith('เขต') || knownPlace(name) || mentions.some((m) => m.rule === 'definition')) return undefined;
	const rest = name.slice('เขต'.length);
	if (rest === '' || /[^\u0E01-\u0E4E]/.test(rest) || knownPlace(rest)) return undefined;
	const parts = words(rest);
	if (parts.length === 0 || parts[0]!.start !== 0) return undefined;
	// (A unit's or a body's head inside names the zone by that unit: เขต|เทศบาล|ตำบล|X.)
	// (A city's head with only everyday words after it names no city: เขต|เมือง "urban areas",
	// เขต|เมือง|หลัก|ภูมิภาค "regional main cities".)
	const everyday = (w: {text: string; start: number}): boolean => w.text === 'เมือง' || (plainWord(w.text) && !REGION_WORDS.has(w.text) && !headAt(rest, w.start));
	return parts.every(everyday) ? 'generic' : undefined;
}

/**
 * A built structure's noun and another structure's bare noun, nothing named (issue 7, junk19):
 * สะพาน|ท่าเรือ "the pier's bridge", อาคาร|สำนักงาน "an office building", ด่าน|ท่าเรือ "port checkpoints".
 * A structure named by a body's or a place's own name (อาคาร|รัฐสภา, ท่าเรือ|แหลมฉบัง) stays, and so does
 * a village or a sub-district named by such a noun (บ้าน|ท่าเรือ, ตำบล|ท่าเรือ): those heads name by words;
 * a place the gazetteer or the district list knows stays too.
 */
function structureOfStructure(name: string): string | undefined {
	if (knownPlace(name)) return undefined;
	const first = STRUCTURES.find((h) => name.startsWith(h));
	if (first !== undefined) {
		const rest = name.slice(first.length).trim();
		return STRUCTURES.includes(rest) || BARE_STRUCTURES.has(rest) ? 'generic' : undefined;
	}
	// Waters the same way: แม่น้ำ|ลำคลอง, แม่น้ำ|คูคลอง "rivers and canals", the waterways of a country.
	const water = WATERS.find((h) => name.startsWith(h));
	return water !== undefined && WATERS.includes(name.slice(water.length).trim()) ? 'generic' : undefined;
}
/** Nouns of waters, which name one only with a name after them (longest first). */
const WATERS = ['แม่น้ำ', 'ลำคลอง', 'คูคลอง', 'ลำห้วย', 'ลำน้ำ', 'คลอง', 'ห้วย', 'หนอง', 'บึง'];
/** Nouns of built structures, which name one only with a name after them. */
const STRUCTURES = ['สะพาน', 'อาคาร', 'ตึก', 'ด่าน', 'สถานี', 'ท่าเรือ', 'ตลาด', 'เขื่อน', 'ศาลา', 'สนามบิน', 'ท่าอากาศยาน'];
/** Bare nouns of a structure's part or use that follow one (an office, a pier, a station, a market). */
const BARE_STRUCTURES = new Set(['สำนักงาน', 'ที่ทำการ', 'โรงงาน', 'คลังสินค้า', 'ผู้โดยสาร']);

/**
 * An economic area that is an agreement or a grouping's members, read as a place (issue 7, junk16):
 * a free-trade area (เขตการค้าเสรี…: AFTA, FTAAP) is a treaty between states, the economies of a
 * grouping (เขตเศรษฐกิจ|เอเปค, "the APEC economies", after ผู้นำ) are its members; neither has a
 * territory of its own. A special economic zone (เขตเศรษฐกิจพิเศษ…) or a district (เขตX) is a place.
 */
function economicArea(name: string): string | undefined {
	return /^เขต(?:การค้าเสรี|เศรษฐกิจ(?:เอเปค|เอเปก))/.test(name) ? 'agreement' : undefined;
}

/**
 * A province's or district's head and then an everyday word, no province or district named (issue
 * 7, junk16): จังหวัด|ชายแดน|ภาคใต้ "the southern border provinces", จังหวัด|ปริมณฑล "the provinces
 * around Bangkok", จังหวัด|ริม|แม่น้ำ… "the provinces along the river": provinces described, not one.
 * Every province and district is known, so one named there opens the rest; a misspelt or cut name
 * (จังหวัด|ศรีษะเกษ, จังหวัด|สุพรรณ) is no everyday word and stays, and so does a head written twice.
 * A group the text gives a short form of its own (จังหวัดชายแดนภาคใต้ (จชต.)) is a region's name.
 */
function provincesDescribed(name: string, mentions: readonly MentionEvidence[]): string | undefined {
	if (mentions.some((m) => m.rule === 'definition')) return undefined;
	const head = ['จังหวัด', 'อำเภอ'].find((h) => name.length > h.length && name.startsWith(h));
	if (head === undefined) return undefined;
	const rest = name.slice(head.length).trimStart();
	for (let end = rest.length; end > 0; end--) if (knownPlace(rest.slice(0, end))) return undefined;
	const first = words(rest)[0];
	if (first === undefined || first.start !== 0 || !isCommonWord(first.text) || ADMIN_HEADS.has(first.text)) return undefined;
	return 'generic';
}

/**
 * A side, a camp or a sector of a country (ค่าย|ญี่ปุ่น: Japan's carmakers, ค่าย|รถ|จีน, ฝ่าย|ไทย: the
 * Thai side, ภาครัฐ|X: X's public sector): the head and a country, with at most everyday words
 * between (no place's word), name a kind of party of that country, not one body. A camp or a sector named by a person,
 * a place or any word of its own (ค่าย|สุรนารี, ฝ่าย|กิจการ|ต่างประเทศ) is not judged.
 */
function countrysKind(name: string): string | undefined {
	const head = COUNTRY_PARTY_HEADS.find((h) => name.length > h.length && name.startsWith(h));
	if (head === undefined || /[^\u0E01-\u0E4E ]/.test(name)) return undefined;
	const rest = words(name, head.length).map((w) => w.text);
	// The country is the name's last word or words (ประเทศ|ญี่ปุ่น, สหรัฐ|อเมริกา): find where it starts.
	for (let i = rest.length - 1; i >= 0; i--) {
		const tail = rest
			.slice(i)
			.join('')
			.replace(/^ประเทศ/, '');
		if (!isCountryKey(gazetteer().thai.get(tail)?.key)) continue;
		// (A place's word between makes it a place's side: ฝั่ง|อ่าว|ไทย is the Gulf of Thailand's coast.)
		const between = rest.slice(0, i);
		return between.every((w) => plainNonPlaceWord(w) && !PLACE_HEAD_WORDS.has(w)) ? 'generic' : undefined;
	}
	return undefined;
}
/**
 * A head of which every country has many and then a country alone (issue 7, junk16): บริษัท|ญี่ปุ่น
 * "Japanese companies", มหาวิทยาลัย|ไทย "Thai universities", องค์กร|ต่างชาติ: a kind of body by its
 * nationality, not one body (so are a grouping of countries, and two joined: องค์กร|อาเซียน, บริษัท|X|และ|Y).
 * A name after the head that holds a country's name among its own words
 * (ธนาคาร|กรุงไทย, บริษัท|การบินไทย) or a body's head of one per country (สมาคม|ญี่ปุ่น, หอการค้า|ญี่ปุ่น,
 * สถานทูต|ญี่ปุ่น) keeps it.
 */
function kindOfACountry(name: string): string | undefined {
	// A body every country has one of, and a grouping of countries (ธนาคารกลาง|อาเซียน, "ASEAN's central
	// banks", their governors' meeting): the members' bodies, a kind. With a country it is that
	// country's one body (ธนาคารกลาง|ญี่ปุ่น), a name.
	const one = ONE_PER_COUNTRY.find((h) => name.startsWith(h));
	if (one !== undefined && GROUPINGS.has(name.slice(one.length).trimStart())) return 'generic';
	if (twoCountriesAtEnd(name)) return 'joined';
	const head = MANY_PER_COUNTRY.find((h) => name.length > h.length && name.startsWith(h));
	if (head === undefined) {
		// Countries or groupings joined by a dash and no head (อาเซียน-สหภาพยุโรป, a partnership; ไทย-จีน,
		// a relation; junk28): two parties, not a body.
		const sides = name.split(/\s?[-–]\s?/);
		return sides.length >= 2 && sides.every(nationality) ? 'joined' : undefined;
	}
	// A grouping of countries, or two nationalities joined, say the same of more
	// countries (บริษัท|ญี่ปุ่น|และ|อาเซียน "Japanese and ASEAN companies", องค์กร|อาเซียน; junk22).
	const parts = name.slice(head.length).split(/\s?(?:และ|หรือ|-)\s?/);
	return parts.length <= 2 && parts.every(nationality) ? 'generic' : undefined;
}
/**
 * A head's name ending on two countries joined by และ (กระทรวงX|ไทย|และ|คิวบา, "the X ministries of
 * Thailand and Cuba"): each country's body, two of them, not one. A country after และ alone is not
 * enough (…ไทยและการ…, a field; กรมX|และ|ญี่ปุ่น reads one country's). Only a state's own bodies, of which
 * each country has its own: a friendship society or a joint commission of two (สมาคมX|ไทยและจีน) is one.
 */
function twoCountriesAtEnd(name: string): boolean {
	const and = name.lastIndexOf('และ');
	if (and <= 0 || !STATE_BODY.test(name) || !nationality(name.slice(and + 3).trim())) return false;
	const before = words(name, 0, and).map((w) => w.text);
	for (let i = before.length - 1; i >= 1; i--) if (nationality(before.slice(i).join(''))) return true;
	return false;
}
const STATE_BODY = /^(?:กระทรวง|ทบวง|กรม|ธนาคารกลาง|กองทัพ)(?!.*ร่วม)/;
/**
 * A country, "foreign" or a grouping of countries. Not a continent: ธนาคาร|เอเชีย was one bank's name
 * (the Bank of Asia).
 */
function nationality(written: string): boolean {
	const rest = written.replace(/^ประเทศ/, '');
	return FOREIGN.has(rest) || GROUPINGS.has(rest) || isCountryKey(gazetteer().thai.get(rest)?.key);
}
/** Groupings of countries the gazetteer does not hold. */
const GROUPINGS = new Set(['อาเซียน', 'สหภาพยุโรป', 'อียู', 'เอเปค', 'เอเปก']);
/** Bodies a country has one of (a central bank, a stock exchange, armed forces). */
const ONE_PER_COUNTRY = ['ธนาคารกลาง', 'ตลาดหลักทรัพย์', 'กองทัพ'];
/** Heads of bodies a country has many of (companies, banks, universities, schools, hospitals, works). */
const MANY_PER_COUNTRY = ['บริษัท', 'องค์กร', 'หน่วยงาน', 'ธนาคาร', 'มหาวิทยาลัย', 'โรงงาน', 'สถานศึกษา', 'โรงเรียน', 'โรงพยาบาล'];
/** "Foreign": the nationality of any country. */
const FOREIGN = new Set(['ต่างชาติ', 'ต่างประเทศ']);
/** Heads of a country's party: a camp (of makers, of sellers), a side, a sector. */
const COUNTRY_PARTY_HEADS = ['ภาครัฐ', 'ภาคเอกชน', 'ภาคธุรกิจ', 'ค่าย', 'ฝ่าย', 'ฝั่ง'];

/**
 * A country's formal name, a state's words and then a country the gazetteer knows (สหภาพ|เมียนมา,
 * สหพันธ์|สาธารณรัฐ|เยอรมนี, เครือรัฐ|ออสเตรเลีย): the country, read as a body because สหภาพ or
 * สหพันธ์ also heads a union's or a federation's name, or as a person after a post. Not a body
 * nor a person. A union of a region or a trade (สหภาพ|ยุโรป, สหภาพ|แรงงาน…) names a body and stays.
 */
function countrysFormalName(name: string): string | undefined {
	if (!STATE_OPENER.test(name)) return undefined;
	let rest = name;
	for (let word = STATE_WORDS.find((w) => rest.startsWith(w)); word !== undefined; word = STATE_WORDS.find((w) => rest.startsWith(w))) rest = rest.slice(word.length);
	if (rest === name || rest === '') return undefined;
	return isCountryKey(gazetteer().thai.get(rest)?.key) ? 'country-name' : undefined;
}
/** The words a state's formal name is made of before the country's own (longest first). */
const STATE_WORDS = [
	'สหพันธ์สาธารณรัฐ',
	'สาธารณรัฐ',
	'สหพันธรัฐ',
	'ราชอาณาจักร',
	'เครือรัฐ',
	'สหพันธ์',
	'สหภาพ',
	'สมาพันธรัฐ',
	'สังคมนิยม',
	'ประชาธิปไตย',
	'ประชาชน',
	'อิสลาม',
	'แห่ง',
	'ประเทศ',
	'รัฐ',
];
const STATE_OPENER = /^(?:สหพันธ์|สหภาพ|สาธารณรัฐ|ราชอาณาจักร|สหพันธรัฐ|เครือรัฐ|สมาพันธรัฐ|ประเทศ|รัฐ)/;

/**
 * A person whose name opens with ทรง and an everyday word or a royal noun (ทรง|ลง|พระปรมาภิไธย,
 * ทรง|วาง|ศิลาฤกษ์, ทรง|พระ|กรุณา): ทรง before a verb says what a king or a prince did, after
 * his style read as a title; no given name opens so. Given names that open with ทรง go on with a
 * word of names (ทรง|พล, ทรง|ศักดิ์, ทรง|ยศ), which the everyday words leave out.
 */
function royalVerb(name: string): string | undefined {
	if (!name.startsWith('ทรง')) return undefined;
	const first = name.split(/\s+/)[0]!;
	const next = words(first, 'ทรง'.length)[0];
	if (next === undefined || next.start !== 'ทรง'.length) return undefined;
	return isCommonWord(next.text) || next.text.startsWith('พระ') ? 'royal-verb' : undefined;
}

/**
 * A royal rank with no name after it (สมเด็จพระเจ้าบรมวงศ์เธอ, พระเจ้าวรวงศ์เธอ, พระเจ้าลูกเธอ): the rank's
 * last word เธอ ("her", "his") ends it, and the prince's or princess's name comes after (เจ้าฟ้า…,
 * พระองค์เจ้า…). No given name or surname ends on เธอ.
 */
function royalRankAlone(name: string): string | undefined {
	return !name.includes(' ') && name.length > 'เธอ'.length && name.endsWith('เธอ') ? 'title-only' : undefined;
}

/**
 * A monument's or the clergy's noun opening a "person", read after พระ or พระมหา as a monk's title
 * (พระมหา|เจดีย์X, the great stupa; พระมหา|เถระ, the elder monks): no name opens so.
 */
const MONUMENT_OR_CLERGY = /^(?:เจดีย์|วิหาร|อุโบสถ|สถูป|ปรางค์|มณฑป|เถระ)/;

/**
 * The tagger's "person" whose later token opens a royal or monastic style (เจ้าประคุณ…, สมเด็จ…,
 * เจ้าฟ้า…) or a title, after a first token that opens none (มรณกาล|เจ้าประคุณสมเด็จ…: a death
 * anniversary, then the monk): a word of the sentence and the titled name after it, not one name.
 */
function wordBeforeStyle(tokens: readonly string[]): boolean {
	if (tokens.length < 2 || opensStyle(tokens[0]!) || STYLE_INSIDE.test(tokens[0]!)) return false;
	return tokens.slice(1).some(opensStyle);
}

/** Words that open a royal or monastic style (the styles' own rules read the name after them). */
const STYLE_OPENING = /^(?:สมเด็จ|เจ้าประคุณ|เจ้าฟ้า|พระบาท|พระเจ้า|พระองค์เจ้า|หม่อม|พระมหา|พระครู|พระอาจารย์|หลวงพ่อ|หลวงปู่)/;

/** A style glued inside the first token names a royal's act or work and the royal (พระดำริ|สมเด็จ…). */
const STYLE_INSIDE = /(?:สมเด็จ|เจ้าฟ้า|พระบาท|พระองค์เจ้า)/;

/** A token opens with a style or a title the rules know (honorific or rank). */
function opensStyle(token: string): boolean {
	return (
		STYLE_OPENING.test(token) ||
		triggerTrie()
			.matchesAt(token, 0)
			.some((m) => m.values.some((v) => v.type === 'honorific'))
	);
}

/**
 * A post read as a body (issue 7, junk14): `คณะ` and a post (คณะ|รองนายกรัฐมนตรี, คณะ|ผู้แทน|ไทย) is the
 * post-holder's party, nothing after the post but a country or place — the cabinet (คณะ|รัฐมนตรี) and
 * committees (คณะ|กรรมการ…) are bodies; and a name the tagger alone found that is a post, or a post
 * and a place or everyday words (เอกอัครราชทูต|ไทย: the ambassador; สาธารณสุขจังหวัด|ทุก) is an office
 * a person holds. A body named after its post is opened by its body's head (สำนักงานผู้ตรวจการแผ่นดิน).
 */
function postOrItsParty(name: string, mentions: readonly MentionEvidence[]): string | undefined {
	const party = name.startsWith('คณะ');
	if (!party && !mentions.every((m) => m.rule === 'model')) return undefined;
	const from = party ? 'คณะ'.length : 0;
	const isPost = (m: {values: ReadonlyArray<{type: string}>}): boolean => m.values.some((v) => v.type === 'position');
	// A post written short without its ฯ (คณะ|รองนายก for รองนายกฯ) is the post whole.
	const end = (triggerTrie().get(name.slice(from) + 'ฯ') ?? []).some((v) => v.type === 'position')
		? name.length
		: triggerTrie().matchesAt(name, from).filter(isPost).at(-1)?.end;
	if (end === undefined) return undefined;
	if (party && PARTY_NOT_POSTS.has(name.slice(from, end))) return undefined;
	const rest = name.slice(end).replace(/ฯ$/, '').trim();
	if (rest === '' || knownPlace(rest) || knownPlace(rest.replace(/^ประเทศ/, ''))) return 'post';
	if (party || /[^\u0E01-\u0E4E]/.test(rest)) return undefined;
	return words(rest).every((w) => plainWord(w.text)) ? 'post' : undefined;
}
/** Posts whose คณะ is a body: the cabinet, committees and boards (กรรมการ, and its written-short forms). */
const PARTY_NOT_POSTS = new Set(['รัฐมนตรี', 'กรรมการ', 'กรรมาธิการ', 'อนุกรรมการ', 'ที่ปรึกษา']);

/**
 * A head and only words that say what kind, not which one (issue 7, junk14): a classifier and
 * everyday words (แม่น้ำ|สาย|หลัก "the main rivers", กระทรวง|ฉบับ|เดิม), or a head that needs its
 * field named and only a scope after it (ศูนย์|แห่งชาติ, สถาบัน|ระหว่างประเทศ: a national centre,
 * of what?). A known place (อำเภอ|แปลง|ยาว), a word of names after the classifier (ถนน|สาย|เอเชีย)
 * or a field (ศูนย์|วิจัย|แห่งชาติ) keeps it; heads whose own word says the field keep their scope
 * (ตำรวจ|แห่งชาติ, การเคหะ|แห่งชาติ).
 */
function headAndKindWords(name: string): string | undefined {
	if (/[^\u0E01-\u0E4E]/.test(name) || knownPlace(name)) return undefined;
	const field = FIELD_HEADS.find((h) => name.startsWith(h));
	if (field !== undefined && SCOPES.has(name.slice(field.length))) return 'generic';
	const head = HEADS_LONGEST_FIRST.find((h) => name.length > h.length && name.startsWith(h));
	// A head and only a word for a kind of it: smart, model, green (เมือง|อัจฉริยะ "smart cities",
	// นิคมอุตสาหกรรม|ต้นแบบ "model estates"): a plan or a kind, no body or place named.
	if (head !== undefined && KIND_MODIFIERS.has(name.slice(head.length))) return 'generic';
	// (Only a name with a classifier's letters right after its head is segmented.)
	if (head === undefined || !CLASSIFIER_LIST.some((c) => name.startsWith(c, head.length))) return undefined;
	const rest = words(name, head.length);
	if (rest.length < 2 || rest[0]!.start !== head.length || !CLASSIFIERS.has(rest[0]!.text)) return undefined;
	return rest.slice(1).every((w) => plainNonPlaceWord(w.text)) ? 'generic' : undefined;
}
/** Words that make a head a kind of it (smart, model, green, new-age, of the future), not a name. */
const KIND_MODIFIERS = new Set(['อัจฉริยะ', 'ต้นแบบ', 'สีเขียว', 'ยุคใหม่', 'แห่งอนาคต', 'อัจฉริยะแห่งอนาคต']);

/**
 * A head that names no field of its own (a centre, a committee, an office) and only everyday words
 * never seen in a body's name, the rest of the name elided with ฯ in every mention and joined to no
 * full name (ศูนย์|ฝึก|และ|อบรม|ฯ, the juvenile training centres): the kind a text means one body
 * of, written short, no name to list (issue 7, junk18). A known place (กรุงเทพฯ), a name without such
 * a head (สหรัฐฯ, กระทรวงดิจิตอลฯ: one ministry of its field), one holding a word of bodies' names
 * (ศูนย์วิจัยฯ, กรมโยธาฯ) stays; so does a short form the linker joined to its full name.
 */
function elidedKind(written: string, mentions: readonly MentionEvidence[]): string | undefined {
	if (!mentions.every((m) => m.elided === true)) return undefined;
	const name = written.replace(/ฯ$/, '');
	if (/[^\u0E01-\u0E4E]/.test(name) || knownPlace(name)) return undefined;
	const head = FIELD_HEADS.find((h) => name.length > h.length && name.startsWith(h));
	if (head === undefined) return undefined;
	const rest = words(name, head.length);
	return rest.length > 0 &&
		rest.every((w) => FUNCTION_WORD_SET.has(w.text) || (isCommonWord(w.text) && !isOrgWord(w.text) && !knownPlace(w.text) && !isPlaceWord(w.text)))
		? 'generic'
		: undefined;
}

/** Classifiers of bodies, places and documents, which follow a head to count or pick kinds of it. */
const CLASSIFIER_LIST = ['สาย', 'เส้น', 'ฉบับ', 'หน่วย', 'ชุด', 'ลำ', 'คัน', 'หลัง'];
const CLASSIFIERS = new Set(CLASSIFIER_LIST);
/** Heads that name no field of their own (a centre, an institute, an office of what?), longest first. */
const FIELD_HEADS = ['คณะอนุกรรมการ', 'คณะกรรมการ', 'หน่วยงาน', 'สำนักงาน', 'สถาบัน', 'กองทุน', 'องค์กร', 'สำนัก', 'ศูนย์', 'กรม'];
/** Words of scope alone: national, international, central, main, regional. */
const SCOPES = new Set(['แห่งชาติ', 'ระดับชาติ', 'ระหว่างประเทศ', 'นานาชาติ', 'สากล', 'หลัก', 'ภูมิภาค', 'ส่วนกลาง']);

/** The posts and common words a word misses by one letter (built on first use). */
let postsAndWordsOneLetterFrom: ((word: string) => string[]) | undefined;

/**
 * A misspelt word cut by the head it holds (issue 7, junk14): a body or place opened by a head and
 * one letter from a post or an everyday word (คณะ|รัฐนตรี → a "state" รัฐนตรี for รัฐมนตรี,
 * รัฐวิสากิจ for รัฐวิสาหกิจ). Not a known place; not a name that only adds or drops a last letter
 * (a cut or a glued word, judged elsewhere), nor one with ฯ; the word itself is no head.
 */
function misspeltWord(name: string): string | undefined {
	if (name.length < 5 || !/^[\u0E01-\u0E4E]+$/.test(name) || knownPlace(name)) return undefined;
	if (!HEADS_LONGEST_FIRST.some((h) => name.length > h.length && name.startsWith(h))) return undefined;
	// (The letter missed, added or changed is inside the word: a last letter is a cut's.)
	const inside = (w: string): boolean => !w.startsWith(name) && !name.startsWith(w) && w.slice(0, -1) !== name.slice(0, -1);
	postsAndWordsOneLetterFrom ??= oneLetterLookup(POSITIONS);
	const near = postsAndWordsOneLetterFrom(name).filter((w) => inside(w) && !w.endsWith('ฯ') && !ORG_HEAD_WORDS.has(w) && !PLACE_HEAD_WORDS.has(w));
	return near.length > 0 ? 'misspelt' : undefined;
}

/**
 * A body or place ending on a word that only opens a longer one, where the segmenter knows no
 * compound (ตำบล|น่า of ตำบลน่าอยู่, บริษัท…|ชั้น of …ชั้นนำ, กรม|ส่ง of กรมส่งเสริม…, ธนาคาร|มุ่ง of
 * …มุ่งมั่น): the name was cut inside a word. These words end no name: น่า makes an adjective of the
 * verb after it, ชั้น after a noun grades it (ชั้นนำ, ชั้นหนึ่ง), ส่ง and มุ่ง are the first halves of verbs,
 * ส่วน ("part") opens the word it makes (…ข้อมูลส่วน|บุคคล, องค์การบริหารส่วน|จังหวัด; junk34), and
 * เกี่ยว the preposition เกี่ยวกับ ("about": …การกระทำความผิดเกี่ยว|กับ…, cut at the name's length limit).
 * A name holding the whole word (ศูนย์ส่งเสริม…) or ending on a word that merely ends with one of
 * these letters (ขนส่ง, บึงน่าน… are other words) is not judged.
 */
function cutOnBoundWord(name: string): string | undefined {
	const bound = BOUND_OPENERS.find((w) => name.length > w.length && name.endsWith(w));
	if (bound === undefined) return undefined;
	const parts = words(name);
	const last = parts.at(-1);
	return parts.length > 1 && last !== undefined && last.text === bound && last.end === name.length ? 'cut-in-word' : undefined;
}
/** Segmenter words that open compounds the segmenter does not know, and end no name. */
const BOUND_OPENERS = ['น่า', 'ชั้น', 'ส่ง', 'มุ่ง', 'ส่วน', 'เกี่ยว'];

/**
 * A body or place the corpus writes as a kind, not as a name: half its mentions or more counted,
 * given as examples, predicated or quantified (`วิทยาลัยอาชีวศึกษา ๑๒ แห่ง`, `ซึ่งเป็นองค์กรมหาชน`,
 * `เช่น โรงเรียนการบิน`, `คกก.บริหาร…`: generic-use.ts marks each mention). A name is written bare
 * most of the time, so one such use among many keeps it; a definition or an acronym says the
 * article means one body, and a known place is a name whatever is said of it. Its own shape says
 * so too: a name does not end on an indefinite or a plural (`บริษัทขนส่งแห่งหนึ่ง`, `…ต่างๆ`). A
 * prince's rank (กรมขุน|X, กรมหลวง|X) is a person's style, not a department; a shrine (ศาลเจ้า|X,
 * ศาลพระ|X) is a place of worship, not a court.
 */
function kindNotName(name: string, kind: EntityKind, mentions: readonly MentionEvidence[]): string | undefined {
	if (kind === 'organization' && ROYAL_RANK.test(name)) return 'royal-rank';
	if (kind === 'organization' && SHRINE.test(name)) return 'shrine';
	if (FLOOR_OR_ROOM.test(name)) return 'floor-or-room';
	if (kind === 'organization' && HOME_MISSION.test(name)) return 'generic';
	if (kind === 'organization' && ROAD_CODE.test(name)) return 'road-code';
	if (KIND_TAIL.test(name)) return 'generic';
	if (SCHEME_TAIL.test(name)) return 'scheme';
	let generic = 0;
	for (const m of mentions) if (m.generic === true) generic++;
	if (generic === 0 || generic * 2 < mentions.length) return undefined;
	if (mentions.some((m) => m.rule === 'definition' || m.rule === 'acronym') || knownPlace(name)) return undefined;
	// Examples and predicates name real bodies too (เช่น บริษัทX, เป็นสมาคมXจังหวัดY): only a head
	// with everyday words (a kind's own wording) or a head's short form is judged by its uses.
	// A committee half of whose mentions count it or say it is one of many is a kind of committee too
	// (คณะอนุกรรมการX 5 คณะ, junk34): a committee's name is a field, seldom everyday words alone. So is a
	// school half of whose mentions name a programme's kind of school (โครงการโรงเรียนX).
	return /^[\u0E01-\u0E4E]{1,4}\.$/.test(name) || headWithEverydayWords(name, kind) || (kind === 'organization' && (COMMITTEE.test(name) || SCHOOL.test(name)))
		? 'generic-use'
		: undefined;
}

/**
 * A body's or place's head and then only everyday words (สถาบัน|การเงิน, เมือง|ท่องเที่ยว), not
 * a head whose places are named by words (ตำบล|ปลายพระยา, คลอง|X) or a province's or district's.
 */
function headWithEverydayWords(name: string, kind: EntityKind): boolean {
	const head = HEADS_LONGEST_FIRST.find((h) => name.length > h.length && name.startsWith(h));
	if (head === undefined || /[^\u0E01-\u0E4E]/.test(name)) return false;
	if (kind === 'place' && (NAMED_BY_WORDS.has(head) || ADMIN_HEADS.has(head))) return false;
	const rest = words(name, head.length);
	// A province that is also a word (ตาก, เลย) names the body's place: สมาคมX|จังหวัด|ตาก is one.
	return rest.length > 0 && rest.every((w) => plainWord(w.text));
}
const HEADS_LONGEST_FIRST = [...ORG_HEADS, ...PLACE_HEADS].filter((h) => !h.endsWith('.')).sort((a, b) => b.length - a.length);
/** Princes' ranks: กรมขุน, กรมหมื่น, กรมหลวง, กรมพระยา (กรมพระ… opens real departments: กรมพระธรรมนูญ). */
const ROYAL_RANK = /^กรม(?:ขุน|หมื่น|หลวง|พระยา)[\u0E01-\u0E4E]/;
/**
 * A shrine: ศาล before เจ้า (a Chinese shrine), พระ (a guardian deity's: ศาลพระกาฬ, ศาลพระภูมิ), ตา or
 * ปู่ (a village's grandfather spirit) or หลักเมือง (the city pillar) houses a spirit; the courts are
 * ศาล and their jurisdiction (ศาลฎีกา, ศาลปกครอง, ศาลแขวง…), none of them opened so (issue 7, bar3).
 */
const SHRINE = /^ศาล(?:เจ้า|พระ|ตา|ปู่|หลักเมือง)/;
/** A floor or a room by its number (ชั้น 3, ห้อง 1204): a part of some building, no place of its own. */
const FLOOR_OR_ROOM = /^(?:ชั้น|ห้อง)\s?[0-9๐-๙][0-9๐-๙A-Za-z/-]*$/;
/**
 * Thailand's own embassy or consulate with no country or city after it (สถานทูตไทย, สถานเอกอัครราชทูต
 * ไทย): in Thai text, any of the embassies abroad, one a place after it names (…ณ กรุงX, …ประจำX);
 * another country's (สถานทูตญี่ปุ่น) is its one embassy in Bangkok and stays.
 */
const HOME_MISSION = /^(?:สถานเอกอัครราชทูต|สถานทูต|สถานกงสุลใหญ่|สถานกงสุล)\s?(?:ไทย|แห่งประเทศไทย|แห่งราชอาณาจักรไทย)$/;
/**
 * A province's or department's short form with a number of three or four digits is a road's code
 * (ทล.229, ชย.3002: highway and rural roads), not a body: bodies are numbered by region or unit,
 * in one or two digits (สคร.12, ภาค 4).
 */
const ROAD_CODE = /^[\u0E01-\u0E2E]{2,3}\.\s?[0-9๐-๙]{3,4}$/;
/**
 * An indefinite, a plural or "the said" ending a name: a kind, or a body named before; so does
 * "leading" (ธนาคารพาณิชย์|ชั้นนำ, the leading banks), which the name reader now reads whole where the
 * segmenter cuts it (ชั้น|นำ, split-compounds.ts) and cutOnBoundWord judged its first half; and so do
 * "outstanding", "excellent" (โรงพยาบาล…|ดีเด่น: an award's category, whichever body wins it; junk22).
 */
const KIND_TAIL = /[\u0E01-\u0E4E](?:แห่งหนึ่ง|ต่าง\s?ๆ|ทั้งหลาย|เหล่านี้|เหล่านั้น|ดังกล่าว|ชั้นนำ|ดีเด่น|ยอดเยี่ยม)$/;
/** A name run on into โมเดล, the loanword "model" (X|โมเดล): a scheme named after a place or a body, neither of them (junk26). */
const SCHEME_TAIL = /[\u0E01-\u0E4E]\s?โมเดล$/;

/** Heads of the units one body of a kind serves each of (one per province, district, sub-district, village). */
const PLACE_UNIT_TAILS = ['จังหวัด', 'อำเภอ', 'ตำบล', 'หมู่บ้าน'];
/** Bodies also come one per Bangkok district (สำนักงานเขต) and per court district (ศาลแขวง). */
const ORG_UNIT_TAILS = [...PLACE_UNIT_TAILS, 'เขต', 'แขวง'];
let unitNamedDistricts: string[] | undefined;
/** Districts whose name itself ends on a unit's head (สนามชัยเขต). */
function districtsEndingOnAHead(): string[] {
	return (unitNamedDistricts ??= [...gazetteer().districts].filter((d) => ORG_UNIT_TAILS.some((t) => d.length > t.length && d.endsWith(t))));
}

/**
 * A post's short form before a body's (รมว.|พม., ผอ.|ศบค.): the minister or director of the
 * body, a person's office, not a body. Only the short forms of executive posts, written as one
 * run of letters and a dot (รมว., ผอ., ผบก.); ranks and the like (ส.ส., พ.ต.อ.) open other
 * bodies' short forms (ส.ส.ท.).
 */
function postShortForm(name: string): string | undefined {
	return POST_SHORT_FORMS.some((p) => name.length > p.length && name.startsWith(p) && /^[\u0E01-\u0E4E]/.test(name.slice(p.length))) ? 'post' : undefined;
}

/**
 * A degree's or a date's short form typed as a body (issue 7, junk20). A degree is written by its
 * field's letters, a dot and บ., ม. or ด. (bachelor, master, doctor: ทล.บ., ศป.ด., วท.ม.); so are a
 * decoration's and units (ป.ม., ลบ.ม., ซ.ม.), none a body. Bodies' dotted short forms end on a
 * unit's or a ministry's letters (ศรส.จ., กก.วล., ศจพ.อ.) or carry more dots (ป.ป.ส.). A month written
 * short without its inner dot (พค. in กพ.-พค.) is a date; กพ. and กค. are also bodies (the civil
 * service commission, the finance ministry) and สค. may be, so those three are left to the bar.
 */
function degreeOrDate(name: string): string | undefined {
	if (DEGREE_SHORT_FORM.test(name)) return 'degree';
	return DOTLESS_MONTH.test(name) ? 'date' : undefined;
}
const DEGREE_SHORT_FORM = /^[\u0E01-\u0E2E][\u0E01-\u0E4E]{0,3}\.[บมด]\.$/;
const DOTLESS_MONTH = /^(?:มค|มีค|เมย|พค|มิย|กย|ตค|พย|ธค)\.$/;

/**
 * A kind of body set up in every area or community, no one named (issue 7, junk22): a head of which
 * there are many (a centre, an association, a fund, a hospital…) and only everyday words ending on a
 * bare word of an area or a community (สำนักงานธนารักษ์|พื้นที่ "the area treasury offices",
 * สมาคม|การประมง|ท้องถิ่น "local fisheries associations", กองทุน|วิสาหกิจ|ชุมชน "community enterprise
 * funds"): the area is not named, as a province's is not in สำนักงานX|จังหวัด (unnamedUnit). A place
 * before the word names the area (…กรุงเทพมหานคร|พื้นที่ 1, cut before its number) and keeps it; so
 * do heads of one body per field (กรมส่งเสริมการปกครอง|ท้องถิ่น, กรมการพัฒนา|ชุมชน) and an institute
 * or council (สถาบันวิทยาลัย|ชุมชน).
 */
function localKind(name: string): string | undefined {
	// Bodies of which an area has many, then พื้นที่ and a place (โรงเรียน|พื้นที่|X "the schools of X's
	// area"): every one of them there, no one named.
	const many = AREA_MANY.find((h) => name.startsWith(h + 'พื้นที่'));
	if (many !== undefined && knownPlace(name.slice(many.length + 'พื้นที่'.length).trim())) return 'generic';
	const tail = LOCAL_TAILS.find((t) => name.length > t.length && name.endsWith(t));
	if (tail === undefined || /[^\u0E01-\u0E4E]/.test(name) || knownPlace(name)) return undefined;
	const head = LOCAL_KIND_HEADS.find((h) => name.length > h.length + tail.length && name.startsWith(h));
	if (head === undefined) return undefined;
	// The tail a whole word or words (ท้อง|ถิ่น to the segmenter) from a word's start.
	const at = name.length - tail.length;
	const rest = words(name, head.length);
	if (rest[0]?.start !== head.length || !rest.some((w) => w.start === at)) return undefined;
	const between = rest.filter((w) => w.end <= at);
	// A bare พื้นที่ takes any words but a place's: the office of every area, whatever its field's word
	// (สำนักงานธนารักษ์|พื้นที่, "the area treasury offices", 76 of them; junk34).
	const everyday = (w: string) => tail === 'พื้นที่' || isCommonWord(w) || FUNCTION_WORD_SET.has(w);
	return between.length > 0 && between.every((w) => everyday(w.text) && !knownPlace(w.text)) ? 'generic' : undefined;
}
/** Heads of bodies an area has many of (schools, hospitals, agencies, cooperatives). */
const AREA_MANY = ['โรงเรียน', 'โรงพยาบาล', 'หน่วยงาน', 'สถานศึกษา', 'องค์กร', 'สหกรณ์'];
/** Bare words of an area, a locality or a community, ending a kind's name. */
const LOCAL_TAILS = ['พื้นที่', 'ท้องถิ่น', 'ชุมชน'];
/** Heads of which every area or community may have one (not กรม, สำนัก, สถาบัน, สภา, ชมรม: one per field). */
const LOCAL_KIND_HEADS = ['สำนักงาน', 'หน่วยงาน', 'ศูนย์', 'สมาคม', 'กองทุน', 'โรงพยาบาล', 'โรงเรียน', 'องค์กร', 'สหกรณ์', 'เครือข่าย', 'ธนาคาร'];

/**
 * A firm named by its line of business alone (issue 7, junk22): บริษัท and only everyday words
 * (บริษัท|ประกัน|วินาศภัย "non-life insurers", บริษัท|รักษา|ความ|ปลอดภัย "security firms",
 * บริษัท|เทคโนโลยี "tech firms"): a firm's own name is a brand, a family's or a
 * place's word (บริษัทซิโนแวค, บริษัทการบินไทย), not the words for what every firm of its kind does.
 * A definition or an acronym in any mention says the text means one firm and keeps it; so do
 * `แห่ง…`, a Thai spelling of Latin letters (บริษัทอาร์|เอ็กซ์) and the mark ์ of loan spellings.
 */
function firmOfEverydayWords(name: string, mentions: readonly MentionEvidence[]): string | undefined {
	if (!name.startsWith('บริษัท') || name.length === 'บริษัท'.length || !FIRM_LETTERS.test(name) || name.includes('แห่ง') || knownPlace(name)) return undefined;
	if (mentions.some((m) => m.rule === 'definition' || m.rule === 'acronym')) return undefined;
	const rest = words(name, 'บริษัท'.length);
	if (rest[0]?.start !== 'บริษัท'.length) return undefined;
	return rest.every((w) => plainWord(w.text) && !LATIN_LETTER_NAME_SET.has(w.text)) ? 'generic' : undefined;
}
/**
 * Thai letters without the silent mark ์, which Thai spellings of foreign brands mostly carry
 * (แอร์|บัส, ไฟเซอร์: a brand of everyday loanwords); `แห่ง…` (แห่งชาติ, แห่งประเทศไทย) is left out too,
 * as it says which one (บริษัทโทรคมนาคม|แห่งชาติ).
 */
const FIRM_LETTERS = /^[\u0E01-\u0E4B\u0E4D\u0E4E]+$/;

/**
 * A body of a body of a kind (issue 7, junk22): a head that names a part of a body (its office, its
 * board, its centre) and then only the bare head of bodies a country has many of (สำนักงาน|ธนาคาร "a
 * bank's office", คณะกรรมการ|ธนาคาร "a bank's board", คณะกรรมการ|บริษัท): the part of any of them.
 * The body named after the head (คณะกรรมการธนาคาร|แห่งประเทศไทย) is one.
 */
function partOfAKind(name: string): string | undefined {
	const part = FIELD_HEADS.find((h) => name.length > h.length && name.startsWith(h));
	return part !== undefined && MANY_OWNED.includes(name.slice(part.length)) ? 'generic' : undefined;
}

/**
 * A body of each unit of a level, the unit not named (issue 7, junk28): a name ending on ระดับ or
 * ประจำ and a unit's bare word, with everyday words after it or ฯ (ศูนย์ปฏิบัติการ|ระดับจังหวัดฯ "the
 * provincial operations centres", คณะกรรมการการเลือกตั้ง|ประจำเขตเลือกตั้ง "each constituency's
 * election board"): one in every province, district or constituency, a kind, as generic-use.ts reads
 * the same words written after a body. The unit named (…ประจำจังหวัดลำปาง, …ประจำประเทศไทย) and the
 * national level (…ระดับชาติ) keep it.
 */
function levelKind(name: string): string | undefined {
	const bare = name.replace(/\s?ฯ$/, '');
	const level = LEVEL_WORDS.map((w) => bare.lastIndexOf(w)).find((at) => at > 0);
	if (level === undefined || /[^\u0E01-\u0E4E\s]/.test(bare)) return undefined;
	const from = level + 'ระดับ'.length;
	const unitAt = bare[from] === ' ' ? from + 1 : from;
	const unit = LEVEL_UNITS.find((u) => bare.startsWith(u, unitAt));
	if (unit === undefined) return undefined;
	// The level word and the unit each a word of their own (not ประจำ in a longer word), and only
	// everyday words after the unit (เขต|เลือกตั้ง, เขต|การท่องเที่ยว), no place.
	const segments = words(bare);
	const starts = new Set(segments.map((w) => w.start));
	if (!starts.has(level) || !starts.has(unitAt)) return undefined;
	const after = segments.filter((w) => w.start >= unitAt + unit.length && w.wordLike);
	return after.every((w) => isCommonWord(w.text) && !knownPlace(w.text)) ? 'generic' : undefined;
}
/** ระดับ (a level) and ประจำ (of each), both five letters long. */
const LEVEL_WORDS = ['ระดับ', 'ประจำ'];
/** Units of which every larger one has many: provinces, districts, sub-districts, villages, zones. */
const LEVEL_UNITS = ['จังหวัด', 'อำเภอ', 'ตำบล', 'หมู่บ้าน', 'ชุมชน', 'ท้องถิ่น', 'พื้นที่', 'ภูมิภาค', 'เขต', 'หน่วย'];

/**
 * A centre by what it does for people (learning, training, care, shelter, a nursery) and everyday words
 * for whom or what, with no owner, place or name of its own (ศูนย์เรียนรู้|เกษตรอินทรีย์,
 * ศูนย์บริบาล|ผู้สูงอายุ|ชุมชน, ศูนย์พักคอย): every community or body may set one up, so the name is
 * a kind. A field written as a verbal noun (ศูนย์เรียนรู้|การพัฒนาสตรี) names a programme's centre and
 * stays, as does one with a place, a body or a word of its own (ศูนย์ฝึก|พาณิชย์นาวี: ฝึก alone is no
 * such function).
 */
function centreOfAKind(name: string): string | undefined {
	if (!name.startsWith('ศูนย์')) return undefined;
	const use = CENTRE_USES.find((u) => name.startsWith(u, 'ศูนย์'.length));
	if (use === undefined) return undefined;
	const rest = name.slice('ศูนย์'.length + use.length).replace(/ชุมชน$/, '');
	if (rest === '') return 'generic';
	if (/^(?:การ|ความ)/.test(rest) || /[^\u0E01-\u0E4E]/.test(rest) || knownPlace(rest)) return undefined;
	const ws = words(rest);
	return ws.every(
		(w) => everydayForCentre(w.text) && !ORG_HEAD_WORDS.has(w.text) && !PLACE_HEAD_WORDS.has(w.text) && !knownPlace(w.text) && !CENTRE_OWNER_WORDS.has(w.text),
	)
		? 'generic'
		: undefined;
}
/**
 * A listed common word, or a word the common-word list leaves out for being a given name too
 * (เล็ก of เด็ก|เล็ก, กล้า of กล้า|ไม้) that Thai NER seldom has inside a name (junk34). A word
 * names often hold (โคก, หนอง, a village's) is not one.
 */
function everydayForCentre(word: string): boolean {
	return isCommonWord(word) || nameWordUse(word).inside <= SELDOM_IN_NAMES;
}
/** The share of a word's Thai NER uses inside names at or below which it is an everyday word. */
const SELDOM_IN_NAMES = 0.1;
/** Words that name whose the centre is or where (ของ, ใน, สังกัด…): one centre, not a kind. */
const CENTRE_OWNER_WORDS: ReadonlySet<string> = new Set(['ของ', 'ใน', 'ที่', 'แห่ง', 'สังกัด', 'ประจำ']);
const CENTRE_USES = ['เรียนรู้', 'ฝึกอบรม', 'บริบาล', 'พักคอย', 'พักพิง', 'อนุบาล', 'เพาะชำ', 'ดูแล'];

/**
 * A body's dotted short form ending on a unit's letter (issue 7, junk28): จ. for จังหวัด, อ. for
 * อำเภอ after the body's own letters (ก.ช.ภ.จ., the provincial disaster relief committee; ศจพ.อ., a
 * district's centre): the body of every province or district, as unnamedUnit reads the same name
 * written out. Two letters alone (ก.อ., the prosecutors' commission) are a national body's.
 */
function unitShortForm(name: string): string | undefined {
	const pieces = name.split('.').map((p) => p.trim());
	if (pieces.pop() !== '' || pieces.length < 2 || !UNIT_LETTERS.has(pieces.at(-1)!)) return undefined;
	const before = pieces.slice(0, -1);
	if (!before.every((p) => /^[\u0E01-\u0E4E]{1,5}$/.test(p))) return undefined;
	// A head's own short form before the letter (สนง.จ., "the provincial office") is left to the bar.
	const first = `${before.join('.')}.`;
	if (DOTTED_ORG_HEADS.has(first) || NON_NAME_ABBREVIATIONS.has(first)) return undefined;
	return before.length >= 2 || before[0]!.length >= 2 ? 'generic' : undefined;
}
/** The letters a province's and a district's body end their short form on. */
const UNIT_LETTERS = new Set(['จ', 'อ']);
const DOTTED_ORG_HEADS = new Set(ORG_HEADS.filter((h) => h.endsWith('.')));

/**
 * A body of a kind whose owner or place is not named (issue 7, junk28): the office of a permanent
 * secretary with no ministry after it (สำนักงานปลัดกระทรวงฯ: every ministry has one), a police
 * station with no place (สถานีตำรวจ, สถานีตำรวจภูธร|). The ministry or the place named keeps it
 * (สำนักงานปลัดกระทรวงเกษตรและสหกรณ์, สถานีตำรวจภูธรเมืองเชียงใหม่).
 */
function unnamedOwner(name: string): string | undefined {
	return UNNAMED_OWNER.test(name) ? 'generic' : undefined;
}
const UNNAMED_OWNER = /^(?:(?:คณะ)?(?:สำนักงาน|สำนัก)ปลัดกระทรวง|สถานีตำรวจ(?:นครบาล|ภูธร)?)\s?ฯ?$/;

/**
 * A person whose name is a country's alone (issue 7, junk28): นางสาว|ไทย (Miss Thailand, a pageant's
 * title) or พระมหากษัตริย์|ไทย, a title and the country it is of. Thai script only: a Latin given name
 * may be spelt as a country is (Jordan, Chad).
 */
function countryAlone(name: string): string | undefined {
	return /^[\u0E01-\u0E4E]+$/.test(name) && isCountryKey(gazetteer().thai.get(name)?.key) ? 'country' : undefined;
}

/**
 * A post and the body or place it is held in read as a person (issue 7, junk22): เจ้าอาวาส|วัดX "the
 * abbot of temple X", ผู้อำนวยการ|โรงเรียนX. A person's name holds no post (the rules strip a title
 * before the name); a given name that opens with a post's letters (ประธาน|วงศ์) has no head after it.
 */
function postOfABody(name: string): string | undefined {
	const post = triggerTrie()
		.matchesAt(name, 0)
		.filter((m) => m.values.some((v) => v.type === 'position'))
		.at(-1);
	if (post === undefined || post.end >= name.length) return undefined;
	postPlaces ??= [...HEADS_LONGEST_FIRST, ...PLACE_NOUNS.filter((n) => !AMBIGUOUS_PLACE_NOUNS.has(n))];
	return postPlaces.some((h) => name.length > post.end + h.length && name.startsWith(h, post.end)) ? 'post' : undefined;
}
/** Heads of the bodies and places a post is held in: bodies', places' and a temple's, a school's, a station's. */
let postPlaces: string[] | undefined;

/**
 * A kind of body by who owns it or how far it reaches, no body named (issue 7, junk20): a head of
 * which a country has many and then only everyday words ending on an owner's or a legal form's word
 * (บริษัท|ข้ามชาติ "multinationals", บริษัท|ขนส่ง|เอกชน "private transport firms", ธนาคาร|พาณิชย์|เอกชน,
 * บริษัท|มหาชน|จำกัด "a public limited company"), or the board or office of such a kind
 * (คณะกรรมการ|องค์การ|มหาชน: the board any public organisation has). A name between them
 * (บริษัทไทยเบฟจำกัด), a place, a space or brackets (…จำกัด (มหาชน), …(องค์การมหาชน): the legal form
 * after a name) keeps it, and so does a body whose work is named before the kind
 * (คณะกรรมการพัฒนาและส่งเสริม|องค์การมหาชน).
 */
function kindByOwnership(name: string): string | undefined {
	// (Only a name ending on an owner's word or a legal form is segmented.)
	if (/[^\u0E01-\u0E4E]/.test(name) || !OWNERSHIP.some((o) => name.endsWith(o)) || knownPlace(name)) return undefined;
	const board = FIELD_HEADS.find((h) => name.startsWith(h) && MANY_OWNED.some((m) => name.startsWith(m, h.length)));
	const from = board?.length ?? 0;
	const head = MANY_OWNED.find((h) => name.length > from + h.length && name.startsWith(h, from));
	if (head === undefined) return undefined;
	// The owner's words end the name (ข้าม|ชาติ is two words to the segmenter), each from a word's start.
	const at = from + head.length;
	const segments = words(name, at);
	const starts = new Set(segments.map((w) => w.start));
	let end = name.length;
	for (let w = OWNERSHIP.find((o) => name.endsWith(o, end)); w !== undefined && end - w.length >= at; w = OWNERSHIP.find((o) => name.endsWith(o, end))) {
		if (!starts.has(end - w.length)) break;
		end -= w.length;
		// (A board of a kind is the kind's own words after its head: nothing between.)
		if (end === at) return 'generic';
	}
	// A legal form after words is a firm's name written without its space (บริษัทการบินไทย|จำกัด|มหาชน):
	// only an owner's word says a kind after them.
	if (end === name.length || board !== undefined || segments[0]?.start !== at || !OWNERS.some((o) => name.startsWith(o, end))) return undefined;
	const between = segments.filter((w) => w.start < end);
	return between.every((w) => w.end <= end && plainNonPlaceWord(w.text)) ? 'generic' : undefined;
}
/** Heads of bodies a country has many of: firms, banks, public organisations, schools, hospitals, works. */
const MANY_OWNED = ['บริษัท', 'ธนาคาร', 'องค์การ', 'องค์กร', 'หน่วยงาน', 'กิจการ', 'โรงเรียน', 'โรงพยาบาล', 'มหาวิทยาลัย', 'สถานศึกษา', 'โรงงาน'];
/** Words of who owns a body or how far it reaches, and legal forms: private, multinational, public, limited. */
const OWNERS = ['เอกชน', 'ข้ามชาติ'];
const OWNERSHIP = [...OWNERS, 'มหาชน', 'จำกัด'];

/**
 * A law's short form (พ.ร.บ.X, พรก., ป.วิ.…) names an act or a code, and its piece พ.ร. nothing; a
 * body described by what it is under (โรงพยาบาล|สังกัด|X: the hospitals under X) is a kind of body.
 */
function lawOrKind(name: string): string | undefined {
	if (LAW_SHORT_FORM.test(name)) return 'law';
	if (name.includes('สังกัด') && words(name).some((w) => w.start > 0 && name.slice(w.start, w.end) === 'สังกัด')) return 'generic';
	return undefined;
}
/** Acts, decrees, royal decrees and codes, with or without their dots, and the piece พ.ร. they share. */
const LAW_SHORT_FORM = /^(?:พ\.ร\.[บกฎ]\.?|พร[บกฎ](?:[.\s]|$)|พ\.ร\.$|ป\.\s?(?:วิ|พ\.?พ|อ\.|รัษฎากร))/;
/**
 * Short forms of executive posts: the lexicon's, and หน. (หัวหน้า, "head of": หน.|คสช.), which the
 * lexicon leaves out since no person's title is written so (issue 7, junk16).
 */
const POST_SHORT_FORMS = [...POSITIONS.filter((p) => /^[\u0E01-\u0E2E]{2,}\.$/.test(p)), 'หน.'];

/**
 * Such a phrase holding a body's or place's word or a post (Park, Hotel, Director) names a place,
 * a body or an office; without one it is left listed, since a foreign person's name seen once with
 * no title looks the same (David Malpass).
 */
function latinPlaceOrPost(name: string): boolean {
	return name.split(/[\s-]+/).some((w) => {
		const word = foldCapitals(w);
		return LATIN_ORG_HEADS.has(word) || LATIN_PLACE_HEADS.has(word) || LATIN_OTHER_HEADS.has(word) || LATIN_POSITION.has(word);
	});
}

/**
 * A body read from a post's short form and one word (รมว.|คลัง is the finance minister), where the
 * word is no everyday word nor a word of bodies' names: a person's given name after the post
 * (รมช.|สมหญิง), not a ministry. A head word or an abbreviation in the name keeps it.
 */
function postThenGivenName(name: string, mentions: readonly MentionEvidence[]): boolean {
	if (!mentions.every((m) => m.rule === 'org-head') || !/^[\u0E01-\u0E4E]+$/.test(name)) return false;
	// Cheap checks first: most names the org-head rule finds open with a head word.
	if (ORG_HEADS.some((h) => name.startsWith(h)) || isCommonWord(name) || isOrgWord(name) || isPlaceWord(name) || knownPlace(name)) return false;
	if (placeOrOrgHeads(name).length > 0) return false;
	// A given name is a word or two (พิมพ์|ภัทรา); a short form of a body runs longer (ตรวจ|เงิน|แผ่นดิน).
	return words(name).length <= 2;
}

const LIST_PREFIX = new RegExp(`^(?:${KIN_WORDS.join('|')})`);

/** The whole name is words of a style (สมเด็จ|พระ) or honorifics: a style with no name in it. */
function titleOnly(name: string): boolean {
	// Only a name opening with a style's word is segmented.
	if (![...STYLE_OPENERS].some((w) => name.startsWith(w))) return false;
	const parts = words(name);
	return (
		parts.length > 0 &&
		parts.every(({start, end}) => {
			const word = name.slice(start, end);
			return (
				STYLE_WORDS.has(word) ||
				triggerTrie()
					.matchesAt(name, start)
					.some((m) => m.end === end && m.values.some((v) => v.type === 'honorific'))
			);
		})
	);
}
/** The rules' everyday words, among them the words royal and monks' styles are made of (สมเด็จ, พระ, องค์). */
const STYLE_WORDS = new Set(COMMON_WORDS);
const STYLE_OPENERS = ['สมเด็จ', 'พระ', 'องค์', 'ท่าน'];

/** Royal and noble styles: a king's or prince's name is one word (สมเด็จพระX, หลวงX), left to the styles' rules. */
const ROYAL_PREFIX = /^(?:สมเด็จ|มหา|หลวง|เจ้า|กรม)/;
/** Prefixes that open a person's name without a surname: kin, nicknames, monks (น้องX, คุณX, พระX). */
const PERSON_PREFIX = new RegExp(`^(?:${[...KIN_WORDS, 'พระ', 'หม่อม', 'เด็กชาย', 'เด็กหญิง', 'ด\\.ช\\.', 'ด\\.ญ\\.'].join('|')})`);

/**
 * A body or place named by one everyday word or a bare head word (สะพาน, ท่าเรือ, สำนัก กอง, มค.):
 * a word of the sentence, not a name, whoever found it, unless the gazetteer or the district list
 * knows it (ตาก, เลย are provinces and words) or an abbreviation or a definition gave it.
 */
function everydayWord(name: string, mentions: readonly MentionEvidence[]): string | undefined {
	if (mentions.some((m) => m.rule === 'abbreviation' || m.rule === 'definition' || m.rule === 'acronym')) return undefined;
	const bare = name.replace(/[ฯ.]+$/, '');
	// A town or district named like a place's noun (ท่าเรือ) is that place only after its head word;
	// a country or province of the gazetteer stands alone.
	if (BARE_PLACE_NOUNS.has(bare) && !(gazetteer().thai.get(bare)?.key.startsWith('city:') === false)) return 'everyday-word';
	if (knownPlace(bare) || knownPlace(name)) return undefined;
	const parts = bare.split(/\s+/).filter((t) => t !== '');
	// Every space-separated part a head word alone (สำนัก กอง), or the whole one everyday word.
	// (A head that is a body's whole name, รัฐสภา, stands alone; the same head with ฯ is "the said …".)
	const headOnly = parts.length > 1 || name.endsWith('ฯ');
	if (headOnly && parts.length > 0 && parts.every((t) => ORG_HEAD_WORDS.has(t) || PLACE_HEAD_WORDS.has(t))) return 'everyday-word';
	// One everyday word; a word the corpus also sees in bodies' or places' names (วุฒิสภา, อาเซียน,
	// ตะวันออกกลาง) and an abbreviation (อปท.) may be a name on their own.
	// A direction with more after it is a region's name (ตะวันออกกลาง, the Middle East).
	if (name.includes('.') || /^ตะวัน(?:ออก|ตก)./.test(bare) || isOrgWord(bare) || isPlaceWord(bare) || ORG_HEAD_WORDS.has(bare) || PLACE_HEAD_WORDS.has(bare))
		return undefined;
	// (The list holds whole Intl.Segmenter words: a set lookup, no segmenting of every name.)
	if (isCommonWord(bare)) return 'everyday-word';
	return undefined;
}
const PLACE_HEAD_WORDS = new Set(PLACE_HEADS.filter((h) => !h.endsWith('.')));

/**
 * A place the gazetteer knows, with or without its head, and then only everyday words glued to it,
 * the tagger's span alone (ประเทศ|ไทย|ดี from `เข้าใจ…ของประเทศไทยดี`, "understands Thailand well"):
 * the place and the clause after it. The whole name known (a district named so) keeps it.
 */
function knownPlaceThenWords(name: string): string | undefined {
	if (/[^\u0E01-\u0E4E]/.test(name) || knownPlace(name)) return undefined;
	const parts = words(name);
	for (let k = parts.length - 1; k > 0; k--) {
		const cut = parts[k]!.start;
		const place = name.slice(0, cut);
		const bare = PLACE_PHRASE_HEADS.find((h) => place.length > h.length && place.startsWith(h));
		if (!knownPlace(place) && !(bare !== undefined && knownPlace(place.slice(bare.length)))) continue;
		return parts.slice(k).every((w) => plainNonPlaceWord(w.text) && !PLACE_QUALIFIERS.has(w.text)) ? 'place-then-words' : undefined;
	}
	return undefined;
}
/** Words that name a place's part or age after its name (คลองคูเมือง|เดิม, X|ใหม่, X|น้อย, X|เหนือ). */
const PLACE_QUALIFIERS = new Set(['เดิม', 'เก่า', 'ใหม่', 'น้อย', 'ใหญ่', 'กลาง', 'เหนือ', 'ใต้', 'ตะวันออก', 'ตะวันตก', 'นอก', 'ใน', 'บน', 'ล่าง']);

/**
 * A place head followed only by everyday words that no place's name holds (ทะเล|ที่สุด,
 * ท่าอากาศยาน|แบบ, ตำบล|ละ): a phrase about a kind of place, not a name. A word seen in places'
 * names (ตำบล|หิน|ตั้ง), a known place or district (อำเภอ|วารินชำราบ) keep it; so does a road's or
 * lane's head, whose names are often a king's or a word (ซอย|พระราม 6).
 */
function placeHeadPhrase(name: string, kind: EntityKind): string | undefined {
	if (kind !== 'place' || knownPlace(name)) return undefined;
	const head = PLACE_PHRASE_HEADS.find((h) => name.startsWith(h));
	if (head === undefined) return undefined;
	const rest = name.slice(head.length);
	const tail = rest.trim();
	if (tail === '' || knownPlace(tail) || /[^\u0E01-\u0E4E]/.test(tail)) return undefined;
	const parts = words(tail).map((w) => tail.slice(w.start, w.end));
	if (parts.length === 0) return undefined;
	// A function word right after the head (ตำบล|ละ, เมือง|แห่ง…) opens a phrase, not a name; a
	// state's head may take แห่ง in its full name (สาธารณรัฐแห่ง…).
	if (PHRASE_OPENERS.has(parts[0]!) && !STATE_HEADS.has(head)) return 'place-phrase';
	// Provinces and districts are all known (the gazetteer, the district list): after their heads
	// everyday words name none, even words seen in places' names (จังหวัด|ท่องเที่ยว).
	const admin = ADMIN_HEADS.has(head);
	if (!parts.every((w) => isCommonWord(w) && !((!admin || REGION_WORDS.has(w)) && isPlaceWord(w)))) return undefined;
	// Small places (ตำบล|ศรีสุข, เกาะ|ไก่, คลอง|หลอด) are often named by an everyday word: only a
	// space between head and word (ตำบล กำนัน, a list) tells there.
	if (NAMED_BY_WORDS.has(head) && rest === tail) return undefined;
	return 'place-phrase';
}
/**
 * A place whose head word opens it and a later word of it (แม่น้ำX|แม่น้ำY, ถนนX ถนนY): two
 * places of one kind run together, as in a list, not one place.
 */
function headTwice(name: string, kind: EntityKind): string | undefined {
	if (kind !== 'place') return undefined;
	const head = PLACE_PHRASE_HEADS.find((h) => name.startsWith(h)) ?? ['ถนน', 'ซอย'].find((h) => name.startsWith(h));
	if (head === undefined || name.indexOf(head, head.length + 1) < 0) return undefined;
	return words(name).some((w) => w.start > head.length && name.startsWith(head, w.start)) ? 'joined' : undefined;
}
/**
 * Two places written as one (issue 7, junk33), whoever found it, unless the whole is a known place:
 * - a place's head and a name of its own, then glued another place's head and name (เกาะX|ทะเลY): two
 *   places of a list written together. Not a head that opens known places' names (นคร|ปฐม, กรุง|เทพ,
 *   บึง|กาฬ): it may be the name's own word (คลองผดุง|กรุงเกษม); nor a known place after it (หมู่บ้านX|
 *   จังหวัดY: the place and its province, which labels read as a name); nor after everyday words only;
 * - a range, the name's first word again after a dash (สถานีX–สถานีY, from one to the other);
 * - a unit's head opening a later token (X อำเภอY, X ต.Y): where X is, after a space, not its name.
 */
function placesRunTogether(name: string): string | undefined {
	if (knownPlace(name) || /[^\u0E01-\u0E4E\s.–-]/.test(name)) return undefined;
	const tokens = name.split(/\s+/);
	if (tokens.some((t, i) => i > 0 && UNIT_HEAD_AT.test(t))) return 'joined';
	const dash = /\s?[–-]\s?/.exec(name);
	const parts = words(name);
	if (dash !== null && parts[0] !== undefined && parts[0].text.length >= 3 && name.startsWith(parts[0].text, dash.index + dash[0].length)) return 'joined';
	const head = PLACE_PHRASE_HEADS.find((h) => name.startsWith(h));
	if (head === undefined || tokens.length > 1) return undefined;
	for (const w of parts) {
		if (w.start <= head.length) continue;
		const second = PLACE_PHRASE_HEADS.find((h) => name.length > w.start + h.length && name.startsWith(h, w.start));
		if (second === undefined || namesOpenedBy().has(second) || knownPlace(name.slice(w.start)) || knownPlace(name.slice(w.start + second.length))) continue;
		const own = words(name.slice(0, w.start), head.length);
		return own.length > 0 && own.some((x) => !isCommonWord(x.text) && !PLACE_HEAD_WORDS.has(x.text)) ? 'joined' : undefined;
	}
	return undefined;
}
/** An administrative unit's head and its name, a token of its own. */
const UNIT_HEAD_AT = /^(?:จังหวัด|อำเภอ|กิ่งอำเภอ|ตำบล|จ\.|อ\.|ต\.)[\u0E01-\u0E4E]/;
let openers: Set<string> | undefined;
/** Place heads that open a name the gazetteer or the district list knows (เมือง|X, นคร|ปฐม, เกาะ|X, บึง|กาฬ). */
function namesOpenedBy(): Set<string> {
	if (openers !== undefined) return openers;
	const gaz = gazetteer();
	const known = [...gaz.thai.keys(), ...gaz.districts];
	openers = new Set(PLACE_PHRASE_HEADS.filter((h) => known.some((k) => k.length > h.length && k.startsWith(h))));
	return openers;
}
/** Longest first, so that หมู่บ้าน is read before a shorter head could be. */
const PLACE_PHRASE_HEADS = PLACE_HEADS.filter((h) => !['ถนน', 'ซอย', 'ถ.'].includes(h) && !h.endsWith('.')).sort((a, b) => b.length - a.length);
/** Heads whose places are named by everyday words as often as not (sub-districts, canals, islands, hills, estates, airports). */
const NAMED_BY_WORDS = new Set([
	'ตำบล',
	'คลอง',
	'เกาะ',
	'หมู่เกาะ',
	'ดอย',
	'บึง',
	'อ่าว',
	'แม่น้ำ',
	'นคร',
	'กรุง',
	'เมือง',
	'นิคมอุตสาหกรรม',
	'สนามบิน',
	'ท่าอากาศยาน',
	'แขวง',
	'เขต',
]);
/** Thailand's provinces and districts: every one is known. */
const ADMIN_HEADS = new Set(['จังหวัด', 'อำเภอ', 'กิ่งอำเภอ']);
/** Heads of a state's full name, which may go on with แห่ง (สาธารณรัฐแห่งสหภาพ…). */
const STATE_HEADS = new Set(['สาธารณรัฐ', 'ราชอาณาจักร', 'สหพันธรัฐ', 'รัฐ', 'ประเทศ']);
/** Words that go on a phrase and never open a place's name (many function words do: บาง, เขา, น้อย). */
const PHRASE_OPENERS = new Set([
	'แห่ง',
	'ละ',
	'กว่า',
	'ประมาณ',
	'แบบ',
	'ที่สุด',
	'เข้าไป',
	'ช่วย',
	'ถัด',
	'อีก',
	'เฉพาะ',
	'ตั้งแต่',
	'ที่',
	'ใน',
	'และ',
	'หรือ',
	'ของ',
	'จาก',
	'ได้',
	'จะ',
	'เป็น',
	'ให้',
	'มี',
	'ซึ่ง',
	'โดย',
	'เพื่อ',
]);
/** Words of a region (the provinces of the south, of the border): a region's phrase is a place. */
const REGION_WORDS = new Set(['ภาค', 'ใต้', 'เหนือ', 'ตะวันออก', 'ตะวันตก', 'กลาง', 'ชายแดน', 'ปริมณฑล']);

/** Words that join a name to what follows it and never end one (คณะอนุกรรมการภายใต้…, …ของ). */
const TRAILING = ['ภายใต้', 'ของ', 'ใน', 'ที่', 'จาก', 'กับ', 'และ', 'หรือ', 'แก่', 'โดย', 'ตาม', 'สำหรับ', 'เพื่อ', 'ถึง', 'ด้วย', 'ซึ่ง', 'ว่า', 'ระหว่าง'];
const ORG_HEAD_WORDS = new Set(ORG_HEADS);
/** Heads that open a body of their own, never the rest of one name (…และกรม…, …และบริษัท…, …และวิทยาลัย…). */
const STRONG_BODY_HEAD = /^(?:กระทรวง|กรม|สำนักงาน|บริษัท|มหาวิทยาลัย|วิทยาลัย|โรงเรียน|ธนาคาร|โรงพยาบาล|รพ\.|ศูนย์|องค์การ|สมาคม|มูลนิธิ|สถาบัน|สภา|คณะกรรมการ)/;

/**
 * A Latin name that only brackets and definitions give (`X (Port Community System)`), with no
 * body's or place's word in it, names a thing, an idea or a programme: a body's Latin name says
 * what it is (Office, Council, Department…); an acronym alone is left to the rules. A Latin name
 * opened by a position (Director General of …) is a post, not a body.
 */
function latinThing(name: string, kind: EntityKind, mentions: readonly MentionEvidence[]): string | undefined {
	if (/[\u0E00-\u0E7F]/.test(name) || !/[a-z]/.test(name)) return undefined;
	const latinWords = name.split(/[\s-]+/).filter((w) => w !== '');
	if (LATIN_POSITION.has(latinWords[0]!)) return 'position';
	// A company's legal ending alone (…Co., [Ltd]) is the piece a bracket cut off.
	if (latinWords.length === 1 && LATIN_COMPANY_ENDINGS.has(name.replace(/\.$/, ''))) return 'piece';
	// (A Latin place alone is mostly a city the gazetteer lacks: Brisbane.)
	if (kind === 'place') return sloganOfPlace(name) ?? latinKindOfPlace(latinWords, mentions);
	if (kind !== 'organization' || !mentions.every((m) => LATIN_BRACKET_RULES.has(m.rule))) return undefined;
	// An English noun phrase is what its head is: the last word before `of`, `on`, `for` or `to`, or
	// the last word (Ministry of…, …Trade Center: bodies; Convention on the … Organization, Session
	// of the … Conference, Bank Guarantee: things). A place's word there opens a region's body (Bay of …).
	const head = phraseHead(name);
	if (LATIN_ORG_HEADS.has(head) || LATIN_ORG_HEADS.has(head.replace(/s$/, '')) || LATIN_PLACE_HEADS.has(head)) return undefined;
	return 'latin-thing';
}

/**
 * A Latin place of everyday words around a place's word and nothing of its own (Smart Port,
 * Digital Park, Innovation Park): a kind of place a policy speaks of, not one place. A place's
 * own word keeps it (OTOP City, Osaka City, LG Science Park, Bang Sue Grand Station); so does a
 * title or a Thai mention.
 */
function latinKindOfPlace(latinWords: readonly string[], mentions: readonly MentionEvidence[]): string | undefined {
	if (latinWords.length < 2 || !mentions.every((m) => m.title === undefined && (LATIN_BRACKET_RULES.has(m.rule) || m.rule === 'place-head'))) return undefined;
	const folded = latinWords.map(foldCapitals);
	if (!folded.some((w) => LATIN_PLACE_HEADS.has(w))) return undefined;
	const everyday = (w: string): boolean => LATIN_COMMON_WORDS.has(w) || LATIN_STOP.has(w) || LATIN_STOP.has(w.toLowerCase()) || DERIVED_ADJECTIVE.test(w);
	return folded.every((w) => LATIN_PLACE_HEADS.has(w) || everyday(w)) && folded.some((w) => !LATIN_PLACE_HEADS.has(w) || everyday(w)) ? 'latin-kind' : undefined;
}

/**
 * An English adjective made from a verb or a noun (Sustainable, Livable, Creative, Peaceful, Famous):
 * an everyday word, as no place's own name is (issue 7, junk19: `Sustainable City`, a book's title).
 */
const DERIVED_ADJECTIVE = /^[A-Z][a-z]{2,}(?:able|ible|ive|ful|less|ous)$/;

/**
 * A Latin place whose phrase head, the word before `of`, is no place's, body's or thing's word
 * (Charming of the Sea, Pearl of the South: a slogan; Gulf of Thailand, Bay of Bengal, Kingdom of
 * Cambodia, Isle of Man are places): an English "X of Y" is what X is (issue 7, junk14). A place
 * the gazetteer knows keeps it.
 */
function sloganOfPlace(name: string): string | undefined {
	if (!/ of /.test(name) || knownPlace(name)) return undefined;
	const head = phraseHead(name);
	if (LATIN_PLACE_HEADS.has(head) || LATIN_ORG_HEADS.has(head) || LATIN_OTHER_HEADS.has(head) || STATE_OF_HEADS.has(head)) return undefined;
	return LATIN_PLACE_HEADS.has(head.replace(/s$/, '')) ? undefined : 'latin-thing';
}
/** Heads of a state's, an island's or a coast's "… of X" that the place heads leave out. */
const STATE_OF_HEADS = new Set([
	'Kingdom',
	'Commonwealth',
	'Principality',
	'Sultanate',
	'Emirate',
	'Federation',
	'Union',
	'Isle',
	'Cape',
	'Coast',
	'Straits',
	'Temple',
	'Museum',
]);

/** A word in capitals folded to its first capital (`OFFICE` → `Office`). */
function foldCapitals(word: string): string {
	return word.length > 1 && word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word;
}

/** The head word of a Latin noun phrase, capitals folded (`OFFICE` → `Office`). */
function phraseHead(name: string): string {
	const before = /^(.*?)\s+(?:of|on|for|to)\s/.exec(name)?.[1] ?? name;
	return foldCapitals(before.split(/[\s-]+/).at(-1) ?? '');
}

const LATIN_COMPANY_ENDINGS = new Set(['Ltd', 'LTD', 'Co', 'Inc', 'Corp', 'Plc', 'PLC', 'LLC', 'GmbH', 'Limited']);
/** The rules that read a Latin name from a bracket or a definition, not from a title or a head. */
const LATIN_BRACKET_RULES = new Set(['latin', 'definition', 'acronym']);
/** Posts that open a Latin phrase naming a person's office, not a body. */
const LATIN_POSITION = new Set([
	'Director',
	'Director-General',
	'Minister',
	'Secretary',
	'Secretary-General',
	'Chairman',
	'Chairperson',
	'President',
	'Vice',
	'Deputy',
	'Governor',
	'Ambassador',
	'Head',
	'Chief',
]);

/** The heads of Thailand's administrative units, smaller and larger. */
const SMALLER_UNIT = /^(?:ตำบล|ต\.|แขวง|อำเภอ|อ\.|เขต)/;
const LARGER_UNIT = /^(?:อำเภอ|อ\.|เขต|จังหวัด|จ\.)/;
/** Marks no name holds: quotes, brackets other than round ones, sentence punctuation. */
const ODD_MARK = /["“”‘’«»!?;:,[\]{}<>|*#@%^=+~/\\]/;
/**
 * Nouns that open a place's proper name besides the head words the rules read (บ้าน|X a village,
 * วัด|X a temple, สถานี|X a station…): the tagger's place opened by one is a name, not a guess.
 */
/** Place nouns that also open given names and words (แม่X, ภูX, บ้านX after ผู้ใหญ่…). */
const AMBIGUOUS_PLACE_NOUNS = new Set(['บ้าน', 'แม่', 'ภู', 'ลำ', 'วัง', 'ต.', 'ภาค', 'หนอง', 'ห้วย', 'ทุ่ง']);
const PLACE_NOUNS = [
	'บ้าน',
	'วัด',
	'สถานี',
	'สะพาน',
	'อาคาร',
	'ภาค',
	'หนอง',
	'ห้วย',
	'ท่าเรือ',
	'ตลาด',
	'หาด',
	'น้ำตก',
	'ถ้ำ',
	'ภู',
	'ลำ',
	'แม่',
	'วัง',
	'ต.',
	'ทวีป',
	'ทุ่ง',
	'โรงแรม',
	'อนุสาวรีย์',
	'พิพิธภัณฑ์',
	'ศาลา',
	'ค่าย',
	'ด่าน',
	'เขื่อน',
	'ป่า',
	'สวน',
	'แหลม',
	'ปาก',
	'ท่า',
];
const PLACE_WORDS = new RegExp(`^(?:${PLACE_NOUNS.map((w) => w.replace('.', '\\.')).join('|')})`);
/** A place's noun or head alone names no place (สะพาน, ท่าเรือ, ตำบล). */
const BARE_PLACE_NOUNS = new Set(PLACE_NOUNS.filter((w) => !w.endsWith('.')));
/** Words that join two names into a list or a phrase (X และ Y, ส่งมอบ X แก่ Y). */
const JOINERS = ['และ', 'แก่', 'กับ', 'หรือ'];

/**
 * A place, then แก่, กับ or หรือ as a word, then a place the gazetteer knows (สปป. ลาว|แก่|มาเลเซีย,
 * "to Malaysia"): two places and the clause's preposition, not one place. No place's name holds
 * these words; และ is left out, as names hold it (แซงปีแยร์และมีเกอลง, กรุงเทพมหานครและปริมณฑล).
 */
function placesJoined(name: string): string | undefined {
	return words(name).some((w) => w.start > 0 && w.text !== 'และ' && JOINERS.includes(w.text) && knownPlaceAt(name, w.end)) ? 'joined' : undefined;
}

/** `word` is a whole word inside `name` (not at its start). */
function innerWord(name: string, word: string): boolean {
	return words(name).some((w) => w.start > 0 && name.slice(w.start, w.end) === word);
}

/** Where body and place heads start words of the name (กรม…, ตำบล… อำเภอ…). */
function placeOrOrgHeads(name: string): Array<{at: number}> {
	const found: Array<{at: number}> = [];
	for (const {start: at} of words(name)) if (headAt(name, at)) found.push({at});
	return found;
}

/** A body's or a place's head starts at `at` in the name. */
function headAt(name: string, at: number): boolean {
	return triggerTrie()
		.matchesAt(name, at)
		.some((m) => m.values.some((v) => v.type === 'org' || v.type === 'place' || v.type === 'standalone'));
}

/** A gazetteer place starts at `at` in the name (ประเทศ|ญี่ปุ่น…). */
export function knownPlaceAt(name: string, at: number): boolean {
	return triggerTrie()
		.matchesAt(name, at)
		.some((m) => m.values.some((v) => v.type === 'gazetteer'));
}

/** `unlistedReason` of a cluster of the mention table. */
export function clusterUnlistedReason(table: MentionTable, cluster: Cluster, summary: Summary): string | undefined {
	// Most entities are people named after a title: nothing below applies to them.
	if (
		summary.kind === 'person' &&
		!COMPANY_SUFFIX.test(summary.name) &&
		!summary.name.startsWith('ทรง') &&
		!summary.name.endsWith('เธอ') &&
		!MONUMENT_OR_CLERGY.test(summary.name) &&
		summary.name.length > 1 &&
		!STATE_OPENER.test(summary.name) &&
		postOfABody(summary.name) === undefined &&
		countryAlone(summary.name) === undefined &&
		!cluster.every(
			(g) =>
				((table.mentionRule.get(g) === 'model' || LATIN_UNTITLED_RULES.has(table.mentionRule.get(g) ?? '')) && table.mentionTitle.get(g) === undefined) ||
				(table.mentionRule.get(g) === 'model' && WEAK_POSITIONS.has(table.mentionTitle.get(g) ?? '')) ||
				table.mentionRule.get(g) === 'position-latin',
		)
	)
		return undefined;
	const mentions = cluster.map((g) => ({
		rule: table.mentionRule.get(g),
		title: table.mentionTitle.get(g),
		article: table.mentionArticle.get(g),
		generic: table.genericMentions.has(g),
		elided: table.mentionText.get(g).endsWith('ฯ'),
	}));
	return unlistedReason({name: summary.name, kind: summary.kind, mentions});
}

/** What namesUnderOneHead reads of the corpus's names of bodies and places (listing-bar.ts's NameExtensions). */
export interface CorpusNames {
	/** The mentions of the entity named exactly `name` (the most of one; 0: no such name). */
	mentionsOf(name: string): number;
	/** How many names start with `prefix` and are longer. */
	count(prefix: string): number;
	/** The most mentions of one name that starts with `prefix` and is longer (0: none). */
	mostAfter(prefix: string): number;
}

/**
 * Several bodies under one head, spaced as a list, read as one (ธนาคารX Y Z: three banks; กรมX Y,
 * Y a body of its own): the first piece is a name of the corpus (alone, or before a space:
 * ธนาคารX จำกัด), and a later piece is one too, mentioned twice or more, under the same head
 * (ธนาคาร|Y) or alone. A body's own words after a space (กระทรวงX วิทยาศาสตร์ วิจัย…) are no names
 * of the corpus; a company's name ends on จำกัด or มหาชน; a later piece naming a larger body (a
 * ministry, a university: คณะX Yมหาวิทยาลัย) tells where the first one belongs, not a second body.
 */
export function namesUnderOneHead(name: string, corpus: CorpusNames): boolean {
	const pieces = name.split(/\s+/).filter((p) => p !== '');
	if (pieces.length < 2 || COMPANY_SUFFIX.test(name)) return false;
	const first = pieces[0]!;
	const head = ORG_HEADS_LONGEST_FIRST.find((h) => first.length > h.length && first.startsWith(h));
	if (head === undefined) return false;
	// (count: the names going on from `first ` are this one and at least one other.)
	if (corpus.mentionsOf(first) === 0 && corpus.count(`${first} `) < 2) return false;
	return pieces.slice(1).some((p) => {
		if (!/^[\u0E01-\u0E4E]+$/.test(p) || (!p.startsWith(head) && LARGER_BODY.test(p))) return false;
		return corpus.mentionsOf(head + p) >= 2 || corpus.mentionsOf(p) >= 2;
	});
}
/** A ministry, a department, a university: a larger body a smaller one is named with. */
const LARGER_BODY = /^(?:กระทรวง|ทบวง|กรม|มหาวิทยาลัย|สำนักนายกรัฐมนตรี)|มหาวิทยาลัย$/;

/**
 * A ministry's name with more glued after it (กระทรวงX|เอเปค, กระทรวงX|รับรอง, กระทรวงX|ด้านบริหาร):
 * a ministry is named in full and its parts under other heads (สำนักงานปลัดกระทรวงX), so a name
 * going on from a ministry's name the corpus writes alone more often than the longer one, and more
 * often than any longer name going on from it (else that one is the full name: กระทรวงการท่องเที่ยว|
 * และกีฬา), is the ministry run on into its clause or a meeting of its ministers, no body. Not when
 * what follows names a place or a country (กระทรวงX|สหรัฐฯ, กระทรวงX|แห่งราชอาณาจักรไทย: a ministry
 * of that state) or another field (…|และการY, as ministries are named), nor holds a bracket, a dot
 * or ฯ (Thai letters and spaces only).
 */
export function ministryRunOn(name: string, count: number, corpus: CorpusNames): boolean {
	const head = MINISTRY_HEADS.find((h) => name.startsWith(h));
	if (head === undefined || !/^[\u0E01-\u0E4E ]+$/.test(name)) return false;
	for (let end = name.length - 1; end > head.length + 1; end--) {
		const ministry = name.slice(0, end);
		const mentions = corpus.mentionsOf(ministry);
		if (mentions < MINISTRY_SEEN) continue;
		// (The longest such name decides: a shorter one is a piece of it.)
		if (mentions <= count || corpus.mostAfter(ministry) > mentions) return false;
		const tail = name.slice(end).trim();
		// (A state's ministry, and the fields a ministry is named by: กระทรวงแรงงาน|และการพัฒนาสังคม of
		// another state, กระทรวงการต่างประเทศ|และการค้าแห่งฮังการี.)
		if (tail.includes('แห่ง') || tail.startsWith('ประจำ') || tail.startsWith('และการ')) return false;
		for (let at = end; at < name.length; at++) if (knownPlaceAt(name, at)) return false;
		return true;
	}
	return false;
}
/** The heads of ministries (a state's largest bodies, named in full). */
const MINISTRY_HEADS = ['กระทรวง', 'ทบวง'];
/** How often the corpus names a ministry alone before a longer name going on from it is judged. */
const MINISTRY_SEEN = 3;
