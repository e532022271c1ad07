// How far a person's name reaches once we know one starts at a position. Thai names are one to
// three space-separated tokens (given name, surname; Vietnamese or Korean names: several short
// ones); a token ends at a space or at a word that cannot be part of a name (a verb, a title, a
// function word). Latin names are capitalised words with particles.

import {thaiPhoneticKey} from '../../text/phonetic.js';
import {LATIN_PARTICLES, LATIN_STOP, LATIN_TITLES, TITLES_AFTER_NAME, WEAK_POSITIONS} from '../lexicon.js';
import {triggerTrie} from './trigger-trie.js';
import {type Gazetteer, gazetteer, isCountryKey, isThaiProvinceKey} from '../gazetteer.js';
import {isCommonWord} from '../common-words.js';
import {
	CIVIL_SERVICE_GRADE,
	CLAUSE_PREFIX,
	type DetectionContext,
	HARD_STOP,
	INNER_CUT,
	PERSON_STOP,
	GENERIC,
	STOP_PREFIX,
	VERB_SET,
	isCombining,
	isLatinLetter,
	isThaiLetter,
	isUpperLatin,
} from './context.js';

export interface NameExtent {
	start: number;
	end: number;
	tokens: number;
	latin: boolean;
	/** Ended at a space or punctuation rather than cut before a word. */
	closed: boolean;
}

/** Words that follow นาย/นาง as a common noun (นายทหาร "officer", นางพยาบาล "nurse"), not a name. */
const NOT_AFTER_HONORIFIC = new Set([
	'ทหาร',
	'ตำรวจ',
	'จ้าง',
	'ทุน',
	'หน้า',
	'ช่าง',
	'ด่าน',
	'ท่า',
	'ประกัน',
	'งาน',
	'พราน',
	'ฮ้อย',
	'พล',
	'ร้อย',
	'สิบ',
	'เรือ',
	'ธนาคาร',
	'สถานี',
	'ห้าง',
	'แบบ',
	'งาม',
	'พยาบาล',
	'ฟ้า',
	'เอก',
	'ร้าย',
	'ไม้',
	'บำเรอ',
	'สนม',
	'กำนัล',
	'ใน',
	'กอง',
	'ประตู',
	'อากร',
	'ทะเบียน',
	'หมวด',
	'ตรวจ',
	'เวร',
	'ท้าย',
	'ก',
	'กฯ',
	'ตัว',
	'ทาส',
	'บ่อน',
	'อำเภอ',
	'หน้าที่',
	'แม่',
	'ชี',
]);

const LATIN_TITLE_SET = new Set(LATIN_TITLES);

/** Letters of a Latin name word (with inner hyphens and apostrophes: Jean-Luc, O'Neil). */
const LATIN_WORD = /[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*\.?/y;

/** Reads a capitalised Latin name at `pos` (up to five words, particles inside). */
export function readLatinName(ctx: DetectionContext, pos: number): NameExtent | undefined {
	const text = ctx.text;
	if (!isUpperLatin(ctx.code(pos))) return undefined;
	let end = pos;
	let words = 0;
	let lastCapitalEnd = pos;
	let i = pos;
	while (words < 6) {
		LATIN_WORD.lastIndex = i;
		const m = LATIN_WORD.exec(text);
		if (m === null) break;
		let w = m[0];
		// A trailing dot belongs to initials (J.) only.
		if (w.endsWith('.') && w.length > 2) w = w.slice(0, -1);
		const capital = isUpperLatin(w.charCodeAt(0));
		if (capital) {
			// A title after a word opens the next name (AFP Mr.Paul…): the name, if any, ended before it.
			if (words > 0 && (LATIN_STOP.has(w) || (LATIN_TITLE_SET.has(w) && text[i + w.length] === '.'))) break;
			words++;
			end = i + w.length;
			lastCapitalEnd = end;
		} else if (!LATIN_PARTICLES.has(w.toLowerCase()) || words === 0) {
			break;
		} else {
			words++;
		}
		const next = i + w.length;
		if (text[next] !== ' ' || !isLatinLetter(ctx.code(next + 1))) break;
		i = next + 1;
	}
	end = lastCapitalEnd;
	// A lone everyday word (To, Live) is no name, nor a lone title (Mr. before the name it announces).
	if (end <= pos || (words === 1 && (LATIN_STOP.has(text.slice(pos, end)) || LATIN_TITLE_SET.has(text.slice(pos, end))))) return undefined;
	return {start: pos, end, tokens: text.slice(pos, end).split(' ').length, latin: true, closed: true};
}

/** One syllable or so: the tokens of Vietnamese, Chinese and Korean names (หวัง, มุน, เจือง). */
function isShortToken(s: string): boolean {
	return s.replace(/[่-๋์]/g, '').length <= 6 && thaiPhoneticKey(s).length <= 3;
}

/** Particles inside foreign names, in Thai script (bin, binti, al, van, von, de, del, dos). */
const NAME_PARTICLES = new Set(['บิน', 'บินติ', 'บินตี', 'บินต์', 'อัล', 'แวน', 'ฟอน', 'เดอ', 'เดล', 'ดอส']);
/** The second word of a two-word particle (van der, van den, de la). */
const SECOND_PARTICLES = new Set(['เดอร์', 'เดน', 'ลา']);

/** A civil-service grade closing a token (…ปฏิบัติงาน, …ชำนาญการพิเศษ), glued after a post's name. */
const GRADE_CLOSING = /.(?:ชำนาญการ|ชำนาญงาน|ปฏิบัติการ|ปฏิบัติงาน)(?:พิเศษ)?$/;
/** The token after นาย/นาง is a post and its grade (ช่างไฟฟ้า|ปฏิบัติงาน): no given name is followed so. */
export function postWithGrade(token: string): boolean {
	return GRADE_CLOSING.test(token);
}

/** Sino-Vietnamese middle names that are also Thai words (วัน "day" in หวอ วัน เทือง). */
const MIDDLE_NAMES = new Set(['วัน', 'วาน', 'ถิ']);

/** A common noun after นาย/นาง written alone (นาย|เรือ "boat master", นาย|สถานี): a post, not a name. */
export function nounAfterHonorific(name: string): boolean {
	return NOT_AFTER_HONORIFIC.has(name);
}

/** The royal auxiliary before a verb (ทรงเป็น, ทรงพระกรุณา); names that open with it go on (ทรงศักดิ์). */
const ROYAL_AUXILIARY = 'ทรง';
/** The royal auxiliary and a royal word (ทรงพระ|เจริญ, ทรงพระ|กรุณา): a clause, never a name (ทรงพล is one). */
export function opensRoyalClause(name: string): boolean {
	return name.startsWith(ROYAL_AUXILIARY + 'พระ');
}

/** Where the first royal title written after a name starts in a token (0: it opens it; -1: none). */
function royalTitleAt(token: string): number {
	let at = -1;
	for (const t of TITLES_AFTER_NAME) {
		const i = token.indexOf(t);
		if (i >= 0 && (at < 0 || i < at)) at = i;
	}
	return at;
}

/** An ordinal glued after a word: ที่ and a number (รัชกาลที่ 9, ครั้งที่ 2). */
const ORDINAL_AFTER = /^ที่ ?[0-9๐-๙]/;

/** An ordinal follows `end` (รัชกาล|ที่ 9): the word before it is a counted noun, not a name. */
export function ordinalFollows(text: string, end: number): boolean {
	return ORDINAL_AFTER.test(text.slice(end, end + 5));
}

/**
 * readPersonName's test of a surname opening with a verb's letters, after an honorific and one
 * token, as a function of its own, not a closure made at every token (which the bundle's
 * keep-names also named, one defineProperty each).
 */
function verbSurnameAt(ctx: DetectionContext, whole: string, first: string, end: number, tokenStart: number, runEnd: number): boolean {
	return (
		whole !== first &&
		!STOP_PREFIX.test(first) &&
		!SPEECH_VERBS.has(first) &&
		ctx.text.charCodeAt(end - 1) !== 0x0e2f &&
		surnameGoesOn(ctx, tokenStart + first.length, runEnd)
	);
}

/** A known place's name that is no given name too (เดลี may be a surname). */
function isPlaceWord(gaz: Gazetteer, w: string): boolean {
	return gaz.thai.has(w) && !gaz.ambiguous.has(w);
}

/**
 * Reads a Thai or Latin person name starting at `pos` (after a title; one space before it is
 * allowed). `afterHonorific`: a name is expected there (นาย…), so only hard stop words refuse it;
 * after a position (ประธาน…) common words refuse it too.
 */
export function readPersonName(ctx: DetectionContext, pos: number, afterHonorific: boolean, allowSpace = true, foreign = false): NameExtent | undefined {
	const text = ctx.text;
	let p = pos;
	if (allowSpace && text[p] === ' ') p++;
	const code = ctx.code(p);
	if (isUpperLatin(code)) return readLatinName(ctx, p);
	if (!isThaiLetter(code) || isCombining(code)) return undefined;
	const gaz = gazetteer();
	let tokens = 0;
	let end = p;
	let closed = true;
	let allShort = true;
	let tokenStart = p;
	let lastStart = p;
	while (tokens < 4) {
		const runEnd = ctx.thaiRunEnd(tokenStart, true);
		if (runEnd === tokenStart) break;
		const whole = text.slice(tokenStart, runEnd);
		const first = ctx.firstWord(tokenStart, runEnd);
		// After an honorific a name is expected: its surname may begin with a common word
		// (ทอง|คำ, ยุติธรรม|ดำรง), so only hard stops cut it there, or a whole token that is a stop word.
		// A particle of an Arabic, Malay or European name (บิน, อัล, แวน, ฟอน, เดอ) between two of its
		// tokens joins them: it and the token after it are read as one more part, whatever its length.
		// Two particles run together (แวน เดอร์, เดอ ลา); a particle never ends a name (นายX บิน ไป…).
		if (tokens > 0 && NAME_PARTICLES.has(whole)) {
			let next = runEnd;
			const second = text[next] === ' ' ? text.slice(next + 1, ctx.thaiRunEnd(next + 1, true)) : '';
			if (SECOND_PARTICLES.has(second)) next += 1 + second.length;
			if (!nextTokenIsGivenName(ctx, next)) break;
			tokens++;
			allShort = false;
			end = ctx.thaiRunEnd(next + 1, true);
			if (text[end] !== ' ' || !isThaiLetter(ctx.code(end + 1)) || isCombining(ctx.code(end + 1))) break;
			tokenStart = end + 1;
			continue;
		}
		const stops = afterHonorific ? HARD_STOP : PERSON_STOP;
		const middle = tokens > 0 && allShort && whole === first && MIDDLE_NAMES.has(whole) && nextTokenIsShortName(ctx, runEnd);
		// A Chinese family name that is a Thai word too (หวัง "hope", a verb) is no stop after an
		// honorific when it stands alone, one syllable, before a given name (นายหวัง อี้, นายหวัง เหวินปิน).
		const familyName = afterHonorific && tokens === 0 && whole === first && isShortToken(whole) && nextTokenIsGivenName(ctx, runEnd);
		// A Thai or foreign given name the segmenter cut after a verb's letters (มา|ริษา, ได้|ชัย,
		// มา|เรีย): after an honorific the piece after it is no word a clause goes on with (นายมา|แล้ว).
		const verbPiece = afterHonorific && tokens === 0 && whole !== first && unknownPieceAt(ctx, tokenStart + first.length, runEnd);
		// ลูก|า|เชน|โก: a stop word the segmenter cut out of an unknown name is no stop word.
		const misSplit = isDependentVowel(ctx.code(tokenStart + first.length));
		// A surname that opens with a verb's letters (หวัง|ศุภ|กิจ|โกศล) goes on with no clause word and
		// ends where a post, a title or a head follows: no clause there. Not a verb of saying
		// (นายX กล่าว|เพิ่มเติม), nor after a name closed by ฯ (นายXฯ กล่าว…).
		// (Asked last, only when the token would stop the name: see verbSurnameAt.)
		// After a foreign title the segmenter's first word of a transliteration (มา|ครง) is no word:
		// only particles, whole stop words, or longer stop words refuse the token.
		const stopped = foreign
			? STOP_PREFIX.test(first) || stops.has(whole) || (stops.has(first) && first.length >= 3) || (GENERIC.has(whole) && tokens > 0)
			: stops.has(first) || STOP_PREFIX.test(first) || (GENERIC.has(first) && tokens > 0) || ((tokens > 0 || !afterHonorific) && PERSON_STOP.has(whole));
		// After a position (not นาย…) a name is only likely: a word the data shows as common and never
		// as a name opens the next phrase (นายกรัฐมนตรี|พิจารณา…, รมช. คลัง), not a name. A foreign name's
		// first token is checked whole (its first syllable may be a word: มา|ครง), and not when it is one
		// syllable: Chinese and Vietnamese names are made of syllables that are Thai words (สี, หวัง).
		// Surnames are often words (ทองคำ): only the first token is checked.
		const phrase = !afterHonorific && tokens === 0 && (foreign ? !isShortToken(whole) && isCommonWord(whole) : first.length >= 3 && isCommonWord(first));
		if (
			(!middle && !misSplit && !familyName && !verbPiece && stopped && !(afterHonorific && tokens === 1 && verbSurnameAt(ctx, whole, first, end, tokenStart, runEnd))) ||
			phrase ||
			CLAUSE_PREFIX.test(whole) ||
			(startsWithHead(whole) && !(afterHonorific && tokens === 1 && placeWordSurname(gaz, whole))) ||
			(tokens > 0 && alongWithAt(ctx, tokenStart, runEnd)) ||
			// A temple after the name (พระมหาX วัด|Y, หลวงพ่อX วัด|Y): where a monk lives, no surname.
			(tokens > 0 && first === TEMPLE && whole.length > TEMPLE.length) ||
			((tokens > 0 || !afterHonorific) && startsWithTitle(whole)) ||
			(tokens > 0 && royalTitleAt(whole) === 0)
		)
			break;
		// A common noun after นาย/นาง (นายเอก "leading man", นายจ้าง) is no name; but the same letters
		// opening a given name the segmenter cut (เอก|นัฏ: a piece no list knows, a surname after it) are.
		if (tokens === 0 && afterHonorific && NOT_AFTER_HONORIFIC.has(first) && !givenNameAfterNoun(ctx, tokenStart, first, runEnd)) return undefined;
		// A civil-service grade after a post or a title (นายแพทย์|ทรงคุณวุฒิ, นายแพทย์|ชำนาญการพิเศษ) is the post's.
		if (tokens === 0 && CIVIL_SERVICE_GRADE.test(whole)) return undefined;
		// A post นาย makes with its grade glued after it (นาย|ช่างไฟฟ้าปฏิบัติงาน, a technician's grade): the grade
		// closes a post's name, never a given name.
		if (tokens === 0 && afterHonorific && postWithGrade(whole)) return undefined;
		// A known place ends the name (นายสมชาย เชียงใหม่…); a place that is also a name (เดลี) may be a surname.
		// Nor a place's name opening a surname with more of it glued on (ไทย|เศรษฐ์, ไทย|ศรี), unless a
		// clause goes on there (…เชียงใหม่|ได้รับ).
		if (tokens > 0 && (isPlaceWord(gaz, whole) || (isPlaceWord(gaz, first) && clauseGoesOnAt(ctx, tokenStart + first.length, runEnd)))) break;
		// A country right after a title qualifies it (นางสาวไทย, พระมหากษัตริย์ไทย): no name. Provinces
		// are left alone: many are given names too.
		if (tokens === 0 && !gaz.ambiguous.has(first) && !gaz.ambiguous.has(whole) && isCountryKey(gaz.thai.get(whole)?.key ?? gaz.thai.get(first)?.key)) return undefined;
		let tokenEnd = runEnd;
		let cut = false;
		for (const b of ctx.innerBounds(tokenStart, runEnd)) {
			const w = ctx.words.wordAt(b);
			// Adverbs that end many surnames (ทอง|น้อย, เย็น|ยิ่ง) end the token, not cut it; so do they a
			// given name with its surname after it (ใบ|น้อย X). A surname's last word or two that the
			// lists know (บุญ|เสริม, วังบุญ|คง|ชนะ) are the surname's when a post, a title, a body or a
			// bracket follows: no clause runs on there.
			const ending = SURNAME_ENDINGS.has(w) && b + w.length === runEnd;
			if (
				INNER_CUT.has(w) &&
				!(tokens > 0 && ending) &&
				!(tokens === 0 && ending && surnameFollows(ctx, runEnd)) &&
				!(tokens === 1 && surnameTailAt(ctx, tokenStart, b, runEnd))
			) {
				tokenEnd = b;
				// An agent noun's opener before the cut word is the post's (…พงศ์|ผู้|ตรวจราชการ).
				const opener = AGENT_NOUN_OPENERS.find((o) => text.startsWith(o, b - o.length) && ctx.words.isBoundary(b - o.length));
				if (opener !== undefined) tokenEnd -= opener.length;
				cut = true;
				break;
			}
		}
		// A royal title glued after the name (…พัชรสุธาพิมลลักษณ|พระบรมราชินี) ends it.
		const royal = royalTitleAt(text.slice(tokenStart, tokenEnd));
		if (royal > 0) {
			tokenEnd = tokenStart + royal;
			cut = true;
		}
		if (tokenEnd === tokenStart) break;
		const token = text.slice(tokenStart, tokenEnd);
		// The royal auxiliary with its verb glued on (…พระมหากษัตริย์ทรง|เป็นประมุข, ทรงพระ|เจริญ) is a
		// clause, not a name.
		if (tokens === 0 && ((cut && token === ROYAL_AUXILIARY) || opensRoyalClause(token))) return undefined;
		// A body's or a place's head word cut off alone is no surname (นายX คณะ|ที่ปรึกษา…): the name ended.
		if (tokens > 0 && cut && isHeadWord(token)) break;
		const short = isShortToken(token);
		// Third and later tokens only in names made of short tokens (มุน แจ อิน, not a clause);
		// after a foreign title also one more long token the dictionary does not know (a
		// transliteration the segmenter cut into syllables) that ends where the clause goes on.
		if (tokens >= 2 && !(allShort && short) && !(foreign && tokens === 2 && !cut && whole !== first && endsName(ctx, runEnd))) break;
		allShort &&= short;
		tokens++;
		lastStart = tokenStart;
		end = tokenEnd;
		if (cut) {
			closed = false;
			break;
		}
		const lineal = linealSurnameEnd(ctx, end, tokens);
		if (lineal !== undefined) {
			end = lineal;
			tokens++;
			break;
		}
		// A surname may follow its given name after two spaces (a typing slip), never a third token.
		const gap = text[end] === ' ' && text[end + 1] === ' ' && tokens === 1 ? 2 : 1;
		if (text[end] !== ' ' || !isThaiLetter(ctx.code(end + gap)) || isCombining(ctx.code(end + gap))) break;
		tokenStart = end + gap;
	}
	if (tokens === 0) return undefined;
	// One token that is a word of the lexicon (ใหม่, รวม, ลาออก) is no name, even after a title.
	if (tokens === 1 && PERSON_STOP.has(text.slice(p, end).replace(/ฯ$/, ''))) return undefined;
	// A trailing ฯ abbreviates a title after the name (สุทธิพงษ์ฯ), it is not part of the name.
	if (text.charCodeAt(end - 1) === 0x0e2f) end--;
	// A noun counted by an ordinal (ในหลวงรัชกาลที่ 9, ชั้นที่ 3) is no name: the last token is cut off.
	if (ordinalFollows(text, end)) {
		if (tokens === 1) return undefined;
		tokens--;
		end = lastStart - 1;
		while (text[end - 1] === ' ') end--;
	}
	// A token running into a dot is an abbreviation (ดร., ผศ.), not a name; after the first, bare
	// consonants running into one are the letters of an abbreviation opening the next phrase (…เอเปค
	// ส|.ค., a month written short; นายX ผบ|.ตร.), no surname. Not an initial (โจเซฟ อาร์. ไบเดน) nor a
	// surname before a full stop (…อิซากะ.): those hold vowels.
	if (text[end] === '.' && tokens === 1) return undefined;
	if (text[end] === '.' && tokens > 1 && ABBREVIATION_LETTERS.test(text.slice(lastStart, end))) {
		tokens--;
		end = lastStart - 1;
		while (text[end - 1] === ' ') end--;
	}
	if (end <= p) return undefined;
	// A lone token over 24 characters is a clause the word lists missed, not a name.
	if (end - p > 40 || (tokens === 1 && end - p > 24)) return undefined;
	return {start: p, end, tokens, latin: false, closed};
}

/**
 * A position opens a later token (พระครูX รองเจ้าคณะอำเภอ…, ดร.X Y ผู้ว่าราชการ…): the name ended
 * before it. A deputy's รอง or ผู้ช่วย before the position counts with it. Generic positions are
 * left out: surnames begin with them (ประธาน|วงศ์).
 */
function startsWithTitle(token: string, weakToo = false): boolean {
	const at = /^(?:รอง|ผู้ช่วย)/.exec(token)?.[0].length ?? 0;
	return triggerTrie()
		.matchesAt(token, at)
		.some((m) => m.end >= at + 3 && m.values.some((v) => v.type === 'position' && (weakToo || !WEAK_POSITIONS.has(v.word))));
}

/**
 * The end of a lineal surname after the name's `tokens` tokens ending at `end`: ณ and a Thai town,
 * the surnames of the old ruling houses (นายX ณ ระนอง, นางY ณ สงขลา), or after a surname the royal
 * line's ณ อยุธยา (นายX Y ณ อยุธยา). Else ณ is "at" (…Y ณ ทำเนียบรัฐบาล, นายX ณ ห้องประชุม):
 * undefined. (Houses named otherwise, ณ ป้อมเพชร, are left to the tagger.)
 */
function linealSurnameEnd(ctx: DetectionContext, end: number, tokens: number): number | undefined {
	const text = ctx.text;
	if (!text.startsWith(' ณ ', end) || !isThaiLetter(ctx.code(end + 3)) || isCombining(ctx.code(end + 3))) return undefined;
	const start = end + 3;
	const runEnd = ctx.thaiRunEnd(start, true);
	const place = text.slice(start, runEnd);
	if (tokens === 2) return place === ROYAL_LINE ? runEnd : undefined;
	if (tokens !== 1) return undefined;
	// A Thai province or district: the houses are named after the towns they ruled.
	const gaz = gazetteer();
	return gaz.districts.has(place) || isThaiProvinceKey(gaz.thai.get(place)?.key) ? runEnd : undefined;
}

/** The surname the royal line's descendants carry after their own (ม.ร.ว. X Y ณ อยุธยา). */
const ROYAL_LINE = 'อยุธยา';

/** A temple's head word (วัด|พระเชตุพน). */
const TEMPLE = 'วัด';

/** A body's or a place's head word (คณะ, กรม, จังหวัด), the whole of `word`. */
function isHeadWord(word: string): boolean {
	const values = triggerTrie().get(word) ?? [];
	return values.some((v) => v.type === 'org' || v.type === 'place');
}

/** "Along with": the word that opens a phrase of who came with the person named before it. */
const ALONG_WITH = 'พร้อม';
/** Companions named after พร้อม that no word list holds (พร้อม|ภริยา, พร้อม|ทีมงาน). */
const COMPANIONS = new Set(['ภริยา', 'ภรรยา', 'สามี', 'คู่สมรส', 'ครอบครัว', 'ทีม', 'ทีมงาน', 'เจ้าหน้าที่', 'ลูก', 'บุตร', 'ธิดา', 'ผู้ติดตาม']);

/**
 * A token that reads "along with …" (นายX พร้อม|คณะ, พร้อม|ด้วย…, พร้อม|ภริยา, พร้อม|รัฐมนตรี…):
 * พร้อม and then a function word, a verb, a title or post, a head word or a companion. Surnames
 * that open with พร้อม go on with a word of their own (พร้อม|พันธุ์, พร้อม|เพรียง).
 */
function alongWithAt(ctx: DetectionContext, tokenStart: number, runEnd: number): boolean {
	if (!ctx.text.startsWith(ALONG_WITH, tokenStart)) return false;
	const at = tokenStart + ALONG_WITH.length;
	if (at >= runEnd) return true;
	if (!ctx.words.isBoundary(at)) return false;
	const next = ctx.firstWord(at, runEnd);
	return HARD_STOP.has(next) || GENERIC.has(next) || COMPANIONS.has(next) || isHeadWord(next) || startsWithHead(ctx.text.slice(at, runEnd));
}

/** A body's or place's head opens the token (ผู้กำกับการ|สถานีตำรวจ…): the name of a body, not a person. */
function startsWithHead(token: string): boolean {
	// Heads of four letters or more, not abbreviations (จ., บจก.), with a complement after them.
	for (const m of triggerTrie().matchesAt(token, 0)) {
		if (m.end >= 4 && token.length > m.end + 1 && m.values.some((v) => (v.type === 'org' || v.type === 'place') && !v.word.includes('.'))) return true;
	}
	return false;
}

/**
 * A surname opening with a place's head word, after an honorific and a given name (นายX เมือง|สง,
 * นางY กรุง|พลี): a surname is expected there, and a place the lists do not know is no place written
 * after a person but the surname. Not a unit's or a state's head (no surname opens with จังหวัด,
 * อำเภอ, ตำบล, ประเทศ), nor a head of bodies too (a body after the name), nor a place the gazetteer or
 * the district list knows, whole or after its head, a name too or not (นายX เมือง|พัทยา: where he is).
 */
function placeWordSurname(gaz: Gazetteer, token: string): boolean {
	const match = triggerTrie()
		.matchesAt(token, 0)
		.filter((m) => m.values.some((v) => v.type === 'place'))
		.at(-1);
	if (match === undefined || match.values.some((v) => v.type !== 'place' && v.type !== 'gazetteer')) return false;
	const head = token.slice(0, match.end);
	const rest = token.slice(match.end);
	return !NO_SURNAME_HEADS.has(head) && rest !== '' && ![token, rest].some((w) => gaz.thai.has(w) || gaz.districts.has(w));
}
/** Heads of administrative units and states: every one is named by its own name, never a person's. */
const NO_SURNAME_HEADS = new Set(['จังหวัด', 'อำเภอ', 'กิ่งอำเภอ', 'ตำบล', 'แขวง', 'เขต', 'ประเทศ', 'รัฐ', 'สาธารณรัฐ', 'สหพันธรัฐ', 'ราชอาณาจักร', 'มณฑล', 'แคว้น', 'ภูมิภาค']);

/** After `end` the clause goes on: end of text, punctuation, or a function word or verb. */
function endsName(ctx: DetectionContext, end: number): boolean {
	const text = ctx.text;
	if (end >= text.length) return true;
	if (text[end] !== ' ') return !isThaiLetter(ctx.code(end));
	if (!isThaiLetter(ctx.code(end + 1))) return true;
	const runEnd = ctx.thaiRunEnd(end + 1);
	if (STOP_PREFIX.test(ctx.firstWord(end + 1, runEnd))) return true;
	// A stop word or verb the segmenter may have cut in two (เดิน|ทาง): try its first few words.
	let prefix = '';
	let i = 0;
	for (const {segment} of clauseSegmenter.segment(text.slice(end + 1, Math.min(runEnd, end + 25)))) {
		prefix += segment;
		if (PERSON_STOP.has(prefix)) return true;
		if (++i === 3) break;
	}
	return false;
}

const clauseSegmenter = new Intl.Segmenter('th', {granularity: 'word'});

function nextTokenIsShortName(ctx: DetectionContext, end: number): boolean {
	const next = tokenAfter(ctx, end);
	return next !== undefined && isShortToken(next.token) && !PERSON_STOP.has(next.first);
}

/**
 * The token after `end` reads as a given name: one space before it, no stop or everyday word (a
 * clause goes on: นายหวัง ให้…, นายพบ ปัญหา), at most two syllables' worth of letters.
 */
function nextTokenIsGivenName(ctx: DetectionContext, end: number): boolean {
	const next = tokenAfter(ctx, end);
	if (next === undefined) return false;
	const {token, first} = next;
	return token.replace(/[่-๋์]/g, '').length <= 10 && !PERSON_STOP.has(first) && !HARD_STOP.has(first) && !isCommonWord(token) && !isCommonWord(first);
}

/** The Thai token after one space at `end`, and its first word; undefined when none follows. */
function tokenAfter(ctx: DetectionContext, end: number): {token: string; first: string} | undefined {
	if (ctx.text[end] !== ' ' || !isThaiLetter(ctx.code(end + 1))) return undefined;
	const runEnd = ctx.thaiRunEnd(end + 1);
	return {token: ctx.text.slice(end + 1, runEnd), first: ctx.firstWord(end + 1, runEnd)};
}

/** The word at `at` (before `end`) is none the word lists know: a piece of an unknown name. */
/**
 * The token at `tokenStart` opens with a noun that follows นาย/นาง as a common noun (`first`), goes
 * on with a syllable or a piece no list knows, and a surname follows after one space: a given name
 * the segmenter cut (นายเอก|นัฏ X), not the noun (นายเอก, นายช่าง|ไฟ ฝีมือดี).
 */
function givenNameAfterNoun(ctx: DetectionContext, tokenStart: number, first: string, runEnd: number): boolean {
	if (!NAME_OPENING_NOUNS.has(first)) return false;
	const rest = tokenStart + first.length;
	const piece = ctx.words.wordAt(rest);
	// The piece: a syllable or a word no list knows (เอก|นัฏ), not a noun going on (พล|ทหาร).
	if (rest >= runEnd || piece.length < 2 || rest + piece.length > runEnd || stopWord(piece) || (piece.length > 3 && isCommonWord(piece))) return false;
	const next = runEnd + 1;
	if (ctx.text[runEnd] !== ' ' || !isThaiLetter(ctx.code(next)) || isCombining(ctx.code(next))) return false;
	const surname = ctx.text.slice(next, ctx.thaiRunEnd(next, true));
	const surnameFirst = ctx.firstWord(next, next + surname.length);
	return !stopWord(surname) && !isCommonWord(surname) && !HARD_STOP.has(surnameFirst) && !GENERIC.has(surnameFirst);
}

/** A surname-like token follows after one space: no stop, everyday word, post, title or head. */
function surnameFollows(ctx: DetectionContext, end: number): boolean {
	const next = tokenAfter(ctx, end);
	return next !== undefined && !stopWord(next.first) && !isCommonWord(next.token) && !opensPostOrHead(next.token);
}

/** An agent noun opening a token (ผู้ตรวจ…, นักวิชาการ), not a pronoun (ผู้อื่น "others", ผู้ใด, ผู้ที่). */
const AGENT_NOUN_AT = /^(?:ผู้|นัก)(?!อื่น|ใด|นั้น|นี้|ที่|ซึ่ง)[ก-ฮ]/;

/** Thai consonants alone, no vowel: an abbreviation's letters (ส of ส.ค., ผบ of ผบ.ตร., กอช.). */
const ABBREVIATION_LETTERS = /^[ก-ฮ]{1,4}$/;

/** Thai letters and a dot opening a token: an abbreviation (ผอ., ผวจ., กกต.). */
const ABBREVIATED_POST = /^[ก-ฮ]{1,5}\./;

/** Words that make a verb after them a noun for a person or a post (ผู้|ตรวจ, นัก|วิจัย). */
const AGENT_NOUN_OPENERS = ['ผู้', 'นัก'];

/** Verbs of saying, which follow a name as often as anything (นายX กล่าว|เพิ่มเติม, …ระบุ). */
const SPEECH_VERBS = new Set(['กล่าว', 'ระบุ', 'เผย', 'เปิดเผย', 'แถลง', 'ชี้แจง', 'ย้ำ', 'เน้นย้ำ', 'ยืนยัน', 'บอก', 'ตอบ', 'ถาม', 'อธิบาย', 'ประกาศ', 'เสนอ']);
/** Words that close a clause after a name (นายX Yแล้ว, …Yด้วย, …Yกล่าว): a cut there is right. */
const CLAUSE_CLOSERS = new Set(['แล้ว', 'ด้วย', 'เอง', 'นั้น', 'นี้', 'อีก', 'ไป', 'มา', 'อยู่', ...SPEECH_VERBS]);

/**
 * The surname's run from `tokenStart` goes on past a word the lists know at `cut` (บุญ|เสริม,
 * วังบุญ|คง|ชนะ): the rest is short (at most two words, 10 letters), no clause word opens or closes
 * it, and the run ends at a post, a title, a body's head, a bracket or the line's end, where no
 * clause goes on.
 */
function surnameTailAt(ctx: DetectionContext, tokenStart: number, cut: number, runEnd: number): boolean {
	const text = ctx.text;
	const rest = text.slice(cut, runEnd);
	if (rest.replace(/[่-๋์]/g, '').length > 10 || STOP_PREFIX.test(rest)) return false;
	// A post glued to the surname (…พงศ์ผู้|ตรวจราชการ: an agent noun the segmenter cut) ends it there.
	const before = text.slice(tokenStart, cut);
	if (AGENT_NOUN_OPENERS.some((w) => before.endsWith(w))) return false;
	for (const b of ctx.innerBounds(tokenStart, cut)) if (startsWithTitle(text.slice(b, runEnd))) return false;
	const words = [cut, ...ctx.innerBounds(cut, runEnd)].map((b) => ctx.words.wordAt(b));
	if (words.length > 2 || words.some((w) => CLAUSE_CLOSERS.has(w) || (HARD_STOP.has(w) && !VERB_SET.has(w)))) return false;
	return namedThingEndsAt(ctx, runEnd);
}

/**
 * The Thai run ending at `runEnd` is followed by no clause: the text's or the line's end, a bracket
 * or a comma, or after one space a post, a title, or a body's or place's head (…X ผู้อำนวยการ,
 * …X กรมY, …X (ชื่อ)). A name's last words may then be words the lists know.
 */
export function namedThingEndsAt(ctx: DetectionContext, runEnd: number, strict = false): boolean {
	const text = ctx.text;
	// Strictly (after a body, which acts: …กำหนด (ระเบียบ…), …ร้องขอ␤), only an acronym in brackets
	// or a post, a title or a head after it.
	if (strict) return BRACKETED_ACRONYM.test(text.slice(runEnd, runEnd + 16)) || opensPostOrHeadAfter(ctx, runEnd);
	const after = text[runEnd];
	if (after === undefined || after === '\n' || after === '(' || after === ',') return true;
	if (after !== ' ') return false;
	// After a person's name also an abbreviation (ผอ.ศูนย์…, ผบ.ตร.) or an agent noun (ผู้ตรวจราชการ):
	// the name's post; after a body they may be what it acts on (…กำหนด ผู้โดยสาร).
	const next = text.slice(runEnd + 1, runEnd + 8);
	if (ABBREVIATED_POST.test(next) || AGENT_NOUN_AT.test(next)) return true;
	return text[runEnd + 1] === '(' || opensPostOrHeadAfter(ctx, runEnd);
}

/**
 * An acronym in brackets: Thai letters and a dot, or Latin capitals (…X (สคส.), …X (BOI)); or a
 * public organisation's status (…X (องค์การมหาชน)), which only a body's whole name is given.
 */
const BRACKETED_ACRONYM = /^ ?\((?:[ก-ฮ]{1,8}\.|[A-Z]{2,}|องค์การมหาชน\))/;

/** After one space, a token that opens with a post, a title, or a body's or place's head. */
function opensPostOrHeadAfter(ctx: DetectionContext, runEnd: number): boolean {
	const next = tokenAfter(ctx, runEnd);
	return next !== undefined && opensPostOrHead(next.token);
}

/** The token opens with a post, an honorific or rank, or a body's or place's head word. */
function opensPostOrHead(token: string): boolean {
	// Any post here, the weak ones too (ประธาน…, ที่ปรึกษา…): after a whole name's run they open the next phrase.
	if (startsWithTitle(token, true)) return true;
	// A head of three letters or more (กรม, คณะ…), not an abbreviation, or an honorific or rank.
	return triggerTrie()
		.matchesAt(token, 0)
		.some((m) => m.values.some((v) => (m.end >= 3 && (v.type === 'org' || v.type === 'place') && !v.word.includes('.')) || (m.end >= 2 && v.type === 'honorific')));
}

/** Function words that end many surnames (ทองน้อย, เย็นยิ่ง) where they end its run. */
const SURNAME_ENDINGS = new Set(['น้อย', 'ยิ่ง']);
/** Of the nouns after นาย/นาง, those that open many given names too (เอก|ชัย, พล|วัฒน์, ฟ้า|ใส, งาม|จิต). */
const NAME_OPENING_NOUNS = new Set(['เอก', 'พล', 'ฟ้า', 'งาม']);

const stopWord = (w: string): boolean => HARD_STOP.has(w) || PERSON_STOP.has(w) || GENERIC.has(w);

/**
 * The run from `at` to `end` holds no word a clause goes on with, at least two letters of it, and
 * a post, a title, a head or a bracket follows it (namedThingEndsAt): the rest of a surname.
 */
function surnameGoesOn(ctx: DetectionContext, at: number, end: number): boolean {
	if (end - at < 2 || !namedThingEndsAt(ctx, end)) return false;
	if (clauseGoesOnAt(ctx, at, end)) return false;
	return ctx.innerBounds(at, end).every((b) => !clauseGoesOnAt(ctx, b, end));
}

/** At `at` (before `end`) a stop word, a function word or a verb goes on: a clause, no more name. */
function clauseGoesOnAt(ctx: DetectionContext, at: number, end: number): boolean {
	if (at >= end) return true;
	const w = ctx.words.wordAt(at);
	return stopWord(w) || VERB_SET.has(w) || STOP_PREFIX.test(w);
}

function unknownPieceAt(ctx: DetectionContext, at: number, end: number): boolean {
	const w = ctx.words.wordAt(at);
	return w !== '' && at + w.length <= end && !isCommonWord(w) && !HARD_STOP.has(w) && !PERSON_STOP.has(w) && !GENERIC.has(w);
}

/** A vowel or mark that cannot start a word: a word boundary before it is a mis-split. */
function isDependentVowel(code: number): boolean {
	return (code >= 0x0e30 && code <= 0x0e3a) || code === 0x0e45 || (code >= 0x0e47 && code <= 0x0e4e);
}
