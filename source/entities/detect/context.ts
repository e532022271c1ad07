// What every detection rule shares: the (invisible-folded) text, its word boundaries on demand,
// the candidates found so far, and the word sets that decide where a name starts and ends.

import type {EntityKind} from '../types.js';
import {PrefixSet, SuffixSet} from '../trie.js';
import {WordBoundaries} from '../words.js';
import {
	COMMON_WORDS,
	FUNCTION_WORDS,
	GENERIC_COMPLEMENTS,
	HONORIFICS,
	ORG_HEADS,
	OTHER_HEADS,
	PLACE_HEADS,
	POSITIONS,
	RANKS,
	STANDALONE_ORGS,
	VERBS,
} from '../lexicon.js';

export interface Candidate {
	start: number;
	end: number;
	kind: EntityKind;
	rule: string;
	title?: string;
	titleStart?: number;
	/** Higher wins an overlap. */
	priority: number;
	/** Mentions sharing a group are one entity (a definition's parts, a name and its repeats). */
	group?: number;
	/** A short form (surname, family name) standing for its group's full name. */
	short?: boolean;
	/** Evidence that a Thai-script person name is a foreign name (transliterated). */
	foreign?: boolean;
	/** Gazetteer key of a known place (region code or Thai province). */
	placeKey?: string;
	/** The name ended at a space, punctuation or bracket rather than being cut at a word. */
	closed?: boolean;
	/** Number of space-separated tokens (person names). */
	tokens?: number;
	/** Neither a clear end nor the model's support: dropped unless cut back to a known name. */
	unsupported?: boolean;
	/** Kept only if it turns out to be a short form of a full name in the article. */
	tentative?: boolean;
	/** Another name this one is known to stand for (มหาดไทย after รมว. is กระทรวงมหาดไทย). */
	linkAlias?: string;
}

/**
 * The candidate with every field present (unset ones undefined), always in this order: one hidden
 * class for every candidate. The rules wrote candidates with a dozen different sets of fields, and
 * each new set seen by the large functions that read them (detectMentionsSteps, detectRepeatsSteps)
 * threw their optimised code away: V8 compiled them again and again in each worker.
 */
export function uniformCandidate(c: Candidate): Candidate {
	return {
		start: c.start,
		end: c.end,
		kind: c.kind,
		rule: c.rule,
		title: c.title,
		titleStart: c.titleStart,
		priority: c.priority,
		group: c.group,
		short: c.short,
		foreign: c.foreign,
		placeKey: c.placeKey,
		closed: c.closed,
		tokens: c.tokens,
		unsupported: c.unsupported,
		tentative: c.tentative,
		linkAlias: c.linkAlias,
	};
}

export const PRIORITY = {
	definition: 90,
	person: 80,
	org: 60,
	other: 55,
	place: 50,
	gazetteer: 45,
	abbreviation: 40,
	latin: 35,
	acronym: 30,
	repeat: 20,
} as const;

const setOf = (...lists: Array<readonly string[]>): Set<string> => new Set(lists.flat());

/** Words after which a person name never continues (and that never start one). */
export const PERSON_STOP = setOf(FUNCTION_WORDS, VERBS, COMMON_WORDS, HONORIFICS, RANKS, POSITIONS, ORG_HEADS, PLACE_HEADS, OTHER_HEADS, STANDALONE_ORGS);
/** The strict subset checked right after an honorific, where a name is expected (วันชัย starts with วัน). */
export const HARD_STOP = setOf(VERBS, HONORIFICS, RANKS, POSITIONS, [
	'ได้',
	'ที่',
	'และ',
	'หรือ',
	'ซึ่ง',
	'จะ',
	'เป็น',
	'อยู่',
	'คือ',
	'มี',
	'ใน',
	'ของ',
	'กับ',
	'ว่า',
	'โดย',
	'เพื่อ',
	'ให้',
	'ไม่',
	'มิ',
	'มิได้',
	'ก็',
	'ยัง',
	'แล้ว',
	'จาก',
	'ถึง',
	'แต่',
	'เมื่อ',
	'ด้วย',
	'อีก',
	'เคย',
	'กำลัง',
	'ต้อง',
	'อาจ',
	'ผู้',
	'การ',
	'ความ',
	'ทั้ง',
	'ทุก',
	'คน',
	'ท่าน',
	'เอง',
	'ดังกล่าว',
	'ๆ',
	'ฯ',
	'ฯลฯ',
	'อายุ',
	'วัย',
	'ชาว',
	'ราย',
	'ในฐานะ',
	'ฐานะ',
	'ตำแหน่ง',
	'อาทิ',
	'เช่น',
	'ได้แก่',
]);
/** Words that end an organisation or place name (its inner words such as แห่ง, และ are handled apart). */
export const ORG_STOP = setOf([
	'ได้',
	'จะ',
	'ซึ่ง',
	'ก็',
	'ยัง',
	'เป็น',
	'มี',
	'ให้',
	'ไม่',
	'ว่า',
	'โดย',
	'กับ',
	'จาก',
	'ถึง',
	'เมื่อ',
	'ครั้ง',
	'ครั้งที่',
	'แล้ว',
	'หรือ',
	'อยู่',
	'คือ',
	'เพราะ',
	'จึง',
	'แต่',
	'ได้แก่',
	'เช่น',
	'อาทิ',
	'ต่างๆ',
	'นี้',
	'นั้น',
	'ดังกล่าว',
	'ทั้ง',
	'ทุก',
	'กัน',
	'ขณะ',
	'ยิ่ง',
	'ใกล้',
	'ใกล้ชิด',
	'อย่าง',
	'มาก',
	'ของ',
	'ใน',
	'ที่',
	'ต้อง',
	'ควร',
	'อาจ',
	'สามารถ',
	'กำลัง',
	'เคย',
	'ปี',
	'วัน',
	'วันที่',
	'เวลา',
	'ฯลฯ',
	'ต่อ',
	'ตาม',
	'ด้วย',
	'เท่านั้น',
	'รวมถึง',
	'ทั้งนี้',
	'และ',
	'หลัง',
	'ก่อน',
	'เอง',
	'จำนวน',
	'ราย',
	'ทั่วประเทศ',
	'ทั่วโลก',
	'ทั้งหมด',
	'ร่วมกับ',
	'พร้อม',
	'ผ่าน',
	'เปิด',
	'ก็ได้',
	'กล่าว',
	'ระบุ',
	'เผย',
	'เปิดเผย',
	'แถลง',
	'ชี้',
	'ชี้แจง',
	'ย้ำ',
	'เน้นย้ำ',
	'ยืนยัน',
	'บอก',
	'ตอบ',
	'เสนอ',
	'เรียกร้อง',
	'ประกาศ',
	'อธิบาย',
	'เชื่อ',
	'คาด',
	'หวัง',
	'ต้องการ',
	'พบ',
	'หารือ',
	'เดินทาง',
	'เยือน',
	'เข้าร่วม',
	'ลงนาม',
	'ต้อนรับ',
	'มอบ',
	'สั่ง',
	'สั่งการ',
	'เตือน',
	'ยอมรับ',
	'ปฏิเสธ',
	'ขอ',
	'ขอบคุณ',
	'ชื่นชม',
	'แนะนำ',
	'รายงาน',
	'เผยแพร่',
	'จัด',
	'จัดขึ้น',
	'ขึ้น',
	'เข้า',
	'ไป',
	'มา',
	'ออก',
	'ลง',
	'ทำ',
	'ทำให้',
	'เพิ่ม',
	'ลด',
	'เปิดตัว',
	'ได้รับ',
	'ถูก',
	'โดน',
	'ร่วมมือ',
	'ประชุม',
	'ระหว่าง',
	'ท่ามกลาง',
	'ภายใต้',
	'สำหรับ',
	'เกี่ยวกับ',
]);
export const GENERIC = new Set(GENERIC_COMPLEMENTS);
/** Three-letter verbs that also spell syllables of foreign names (อาหรับ, ซีนาย…): they do not cut. */
const SYLLABLE_LIKE_VERBS = new Set(['นำ', 'รับ', 'ยก', 'พบ', 'ยืน', 'นั่ง', 'เล่า', 'ส่ง', 'ลง', 'ขอ', 'จัด', 'ชนะ', 'แพ้', 'ยัง', 'ถูก']);

/**
 * Words that cut a name in the middle of a space-free run (มาครงกล่าว → มาครง). Short words that are
 * also common syllables of transliterations (มา in โอบามา, ดี, ไป) are left out, as are common
 * nouns (เล็ก in อเล็กซานเดอร์): only long function words and verbs, and a few particles, cut.
 */
export const INNER_CUT = new Set([
	...[...FUNCTION_WORDS, ...VERBS, ...HONORIFICS, ...RANKS, ...POSITIONS].filter((w) => w.length >= 4),
	...VERBS.filter((w) => w.length === 3 && !SYLLABLE_LIKE_VERBS.has(w)),
	'ได้',
	'ที่',
	'และ',
	'จะ',
	'ก็',
	'ว่า',
	'ให้',
	'กับ',
	'ของ',
	'ใน',
	'ยัง',
	'แล้ว',
	'ซึ่ง',
	'เป็น',
	'หรือ',
	'โดย',
	'ต่อ',
	'จาก',
	'ถึง',
	'เพื่อ',
	'ด้วย',
	'ณ',
	'เกี่ยว',
	// A modal after a name (นายX|ควรหยุด…) starts the predicate.
	'ควร',
]);
/** A first word starting with one of these particles is no name (ก็ได้, ได้รับ, ที่นี่, ในเรื่อง). */
export const STOP_PREFIX = /^(?:ก็|ได้|ที่|และ|จะ|ซึ่ง|ว่า|ให้|ไม่|กับ|ของ|แต่|หรือ|โดย|เพื่อ|เมื่อ|ต่อ|จาก|แห่ง|ใน)/;
/**
 * Phrases that open a clause right after a title (ผู้นำX|ในการ…, นายกรัฐมนตรีX|ในฐานะ…), or say who the
 * person is (นายX เจ้าหน้าที่…, "officer"): never a name.
 */
/** The grades of the Thai civil service, written after a post or a professional title (นายแพทย์|ทรงคุณวุฒิ): no name. */
export const CIVIL_SERVICE_GRADE = /^(?:ทรงคุณวุฒิ|ชำนาญการ|ชำนาญงาน|เชี่ยวชาญ|ปฏิบัติการ|ปฏิบัติงาน)/;
export const CLAUSE_PREFIX = /^(?:ใน(?:การ|ฐานะ|ช่วง|ระหว่าง|วัน|ปี|ขณะ|ที่|นาม|โอกาส)|เจ้าหน้าที่)/;
/** The same for the complement of a head word, which may open with แห่ง (ธนาคารแห่งประเทศไทย). */
export const HEAD_STOP_PREFIX = /^(?:ก็|ได้|และ|จะ|ซึ่ง|ว่า|ให้|ไม่|กับ|ของ|แต่|หรือ|โดย|เมื่อ|ต่อ|จาก)/;
export const VERB_SET = new Set(VERBS);
/** Words a bare place name may be glued to (ของไทย, ในจีน, จีนและ…): ภาษาไทย, คนไทย, ไทยคม are no mentions. */
export const GLUE_OK = setOf(FUNCTION_WORDS, VERBS, [...ORG_STOP], ['-', 'ระหว่าง', 'ประเทศ']);
/** GLUE_OK as word sets matched without segmenting: a word ending before / starting after a name. */
export const GLUE_BEFORE = new SuffixSet(GLUE_OK);
export const GLUE_AFTER = new PrefixSet(GLUE_OK);
/** Words after which a title or head word may be glued (สมาชิกองค์การ, ว่านาย…). */
export const KNOWN_BEFORE = new SuffixSet([...PERSON_STOP, ...GLUE_OK, ...GENERIC_COMPLEMENTS]);
/** Words a name may be glued to on its right (ซานเชซกล่าวว่า: the segmenter cuts ซาน|เช|ซก|ล่า there). */
export const KNOWN_AFTER = new PrefixSet([...VERBS, ...FUNCTION_WORDS, ...GLUE_OK].filter((w) => w.length >= 2));

/** A Thai consonant or a leading vowel (เ แ โ ใ ไ): where a Thai word can start. */
export function isThaiLetter(code: number): boolean {
	return (code >= 0x0e01 && code <= 0x0e2e) || (code >= 0x0e40 && code <= 0x0e44);
}
/** Letters, vowels and marks that can sit inside a Thai name (not digits, ๆ, or ฯ). */
export function isThaiNameChar(code: number): boolean {
	return (code >= 0x0e01 && code <= 0x0e2e) || (code >= 0x0e30 && code <= 0x0e3a) || (code >= 0x0e40 && code <= 0x0e45) || (code >= 0x0e47 && code <= 0x0e4e);
}
export function isLatinLetter(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}
export function isUpperLatin(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}
/** Leading vowels (เ แ โ ใ ไ) and combining marks: a name cannot start right before a mark. */
export function isCombining(code: number): boolean {
	return code === 0x0e31 || (code >= 0x0e33 && code <= 0x0e3a) || (code >= 0x0e47 && code <= 0x0e4e) || code === 0x0e30 || code === 0x0e32 || code === 0x0e45;
}

export class DetectionContext {
	readonly words: WordBoundaries;
	readonly candidates: Candidate[] = [];
	/**
	 * Which kinds the learned tagger saw at each character, as bits (person 1, organization 2,
	 * place 4, other 8); undefined until it ran (or when it is switched off).
	 */
	modelKinds?: Uint8Array;
	private nextGroup = 1;

	constructor(readonly text: string) {
		this.words = new WordBoundaries(text);
	}

	newGroup(): number {
		return this.nextGroup++;
	}

	/** Adds a candidate, as a copy of one shape (`uniformCandidate`): use the one returned. */
	add(c: Candidate): Candidate {
		const u = uniformCandidate(c);
		this.candidates.push(u);
		return u;
	}

	code(i: number): number {
		return this.text.charCodeAt(i);
	}

	/** End of the Thai name-character run starting at `pos`. */
	thaiRunEnd(pos: number, hyphens = false): number {
		let e = pos;
		const n = this.text.length;
		for (;;) {
			while (e < n && isThaiNameChar(this.text.charCodeAt(e))) e++;
			// Hyphenated names (ฌ็อง-ลุก) are one token when asked for.
			if (hyphens && this.text[e] === '-' && isThaiLetter(this.text.charCodeAt(e + 1))) {
				e++;
				continue;
			}
			break;
		}
		// A trailing ฯ belongs to the name (กรุงเทพฯ, สหรัฐฯ) unless ฯลฯ follows.
		if (this.text.charCodeAt(e) === 0x0e2f && this.text.charCodeAt(e + 1) !== 0x0e25) e++;
		return e;
	}

	/** The first word of the text starting at `pos` (whether or not `pos` is a segment start). */
	firstWord(pos: number, limit: number): string {
		const first = this.words.firstBoundAfter(pos, limit);
		return this.text.slice(pos, first >= 0 ? first : limit);
	}

	/** Word-start positions in (from, to). */
	innerBounds(from: number, to: number): number[] {
		return this.words.boundsBetween(from, to).filter((b) => b < to);
	}
}
