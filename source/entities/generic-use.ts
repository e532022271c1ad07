// Whether a body or place is mentioned the way a kind is, not the way a name is. A name is written
// bare; a kind is counted (`12 แห่ง`), predicated (`ซึ่งเป็น…`: "which is a public
// organisation"), quantified (`ทุก…`, `แต่ละ…`, `…ต่างๆ`,
// `…แห่งหนึ่ง`), or, for a head's short form, glued to the words that say which one (`คกก.บริหาร…`).
// One mention read so proves nothing (a name may be predicated too): detection marks the mention,
// and the evidence bar weighs the marks of all an entity's mentions across the corpus
// (evidence.ts), the same on every path since the mark travels with the mention.

/**
 * Words right before a mention that make it a kind: a predicate, a quantifier, a manner (อย่าง glued
 * to it: ได้อย่าง|สมบูรณ์, "completely"). (A number before it is mostly an address, a floor or a
 * list's number, not a count; an example, เช่น, อาทิ or อย่าง and a space, is as often a list of
 * named bodies and places; ตัวอย่าง counts samples.)
 */
const BEFORE = /(?:(?:เป็น|ทุก|แต่ละ|หลาย|ประเภท|จำพวก)\s?|(?<!ตัว)อย่าง)$/;
/**
 * Words right after it that do: a count with its classifier or all of a number (ทั้ง 50 เขต), an
 * indefinite, a plural, every one of its kind (ทุกแห่ง; a bare ทุก after it belongs to the next
 * noun: …ทุกฉบับ), all over the country or the world, a level of government or the state's
 * (…ระดับจังหวัด, …ของรัฐ: one of many, told apart by where or whose).
 */
const AFTER =
	/^\s?(?:[0-9๐-๙,]+\s?(?:แห่ง|หน่วย|องค์กร|ราย|ศูนย์|สมาคม|บริษัท)|ทั้ง\s?[0-9๐-๙]|แห่งหนึ่ง|หนึ่ง|ต่าง\s?ๆ|ทั้งหลาย|เหล่านี้|เหล่านั้น|ทุก(?:แห่ง|สาขา|หน่วย|ศูนย์)|หลายแห่ง|อื่น\s?ๆ|ทั่ว(?:ทั้ง)?(?:ประเทศ|โลก)|ระดับ(?:ท้องถิ่น|จังหวัด|อำเภอ|ตำบล|ชุมชน|ภูมิภาค)|ของรัฐ(?!บาล|มนตรี|สภา|ธรรมนูญ|ประศาสน|ศาสตร์))/;
/** A committee's or a working group's head (คณะกรรมการ, คณะอนุกรรมการ, คณะทำงาน, กรรมาธิการ…). */
export const COMMITTEE = /^(?:คณะ(?:อนุ)?กรรม(?:การ|าธิการ)|คณะทำงาน|อนุกรรมการ)/;
/** A school's, a college's or a university's head. */
export const SCHOOL = /^(?:โรงเรียน|วิทยาลัย|มหาวิทยาลัย)/;
/** A count of committees after one: N คณะ, N ชุด, ทั้ง N คณะ. */
const COUNTED_COMMITTEES = /^\s?(?:ทั้ง|อีก|จำนวน)?\s?[0-9๐-๙]+\s?(?:คณะ|ชุด)(?![\u0E01-\u0E4E])/;
/**
 * Words right after a body that make it one of a kind found in every place: the office in the area,
 * abroad, in each province, of every province (สำนักงานX|ในพื้นที่, สำนักงานX|ในต่างประเทศ: each province's
 * or each embassy's office of that kind). After a place they only say where (อุทยานX|ในพื้นที่…): bodies only.
 */
const AFTER_BODY = /^\s?(?:ใน(?:พื้นที่|ต่างประเทศ|ต่างจังหวัด|แต่ละ|ทุก)|ประจำ(?:จังหวัด|อำเภอ|พื้นที่|ประเทศ)(?![\u0E01-\u0E4E])|ทุกจังหวัด)/;
/**
 * A short form in brackets after a scheme's or a corps' own name: a run (no space in it) holding a
 * course's, a programme's, a grant's or volunteers' word, whose first letter or the next word's is the
 * short form's (…หลักสูตร|วิทยาการ…สูง (วกส.), การพัฒนา|อาสาสมัคร…หมู่บ้าน (อกม.)): the article defines
 * it as that scheme or corps, not as a body (issue 7, junk14). A body's short form opens with its own
 * name's letter (…โครงการอันเนื่องมาจากพระราชดำริ (กปร.) is no โครงการ's), a fund's with กองทุน.
 */
function definesScheme(text: string, start: number, end: number): boolean {
	if (text[end] !== ')') return false;
	let open = start - 1;
	if (text[open] !== '(') return false;
	while (open > 0 && text[open - 1] === ' ') open--;
	let runStart = open;
	while (runStart > 0 && runStart > open - 120 && /[\u0E01-\u0E4E]/.test(text[runStart - 1]!)) runStart--;
	const run = text.slice(runStart, open);
	let last: RegExpExecArray | null = null;
	for (const m of run.matchAll(SCHEME_WORD)) last = m;
	if (last === null) return false;
	const after = last.index + last[0].length;
	const letters = [run[last.index], /[\u0E01-\u0E2E]/.exec(run.slice(after))?.[0]];
	return after < run.length && letters.includes(text[start]);
}
/** Words of a scheme's or a corps' own name: a course, a programme, a grant (not a fund's กองทุน), volunteers. */
const SCHEME_WORD = /หลักสูตร|โครงการ|(?<!กอง)ทุน|อาสาสมัคร/g;
/** A scheme's word right before a short form: a course, a grant, a system, a field. */
const SCHEME_BEFORE = /(?:หลักสูตร|(?<!กอง|ลง)ทุน|ระบบ|ด้าน)\s?$/;
/** Words a sentence goes on with, glued to a short form as often as not (ทบ.และ…, กกต.ได้…). */
const GOES_ON = /^(?:และ|หรือ|ของ|ใน|ที่|ได้|จะ|กับ|แก่|เพื่อ|โดย|ซึ่ง|จาก|ให้|ร่วม|เป็น|มี|ยัง|ก็|ว่า|ตาม|ต่อ|แล้ว)/;
/** A dotted Thai short form ending the mention. */
const SHORT_FORM = /^[\u0E01-\u0E2E][\u0E01-\u0E4E.]{0,6}\.$/;

/**
 * A head of office or an officer's title right before a mention (อธิบดี|กรมX, ผู้อำนวยการ|ศูนย์X,
 * นายก|สมาคมX): a body that has a head is written so, a kind of body seldom (ศูนย์พักคอย has
 * none). One mention read so proves nothing; the learned listing bar weighs the share of an
 * entity's mentions marked (listing-bar.ts, `headed-share`). The longer officers' words (ผู้ช่วย,
 * เจ้าหน้าที่, สมาชิก…) were tried as well and told less (bench/HISTORY.md, the bar4 round).
 */
const HEADED_BEFORE = /(?:ผู้อำนวยการ|อธิบดี|เลขาธิการ|ประธาน|นายก|ปลัด|ผู้ว่าการ|ผู้ว่าราชการ|หัวหน้า|ผู้แทน|ผู้บริหาร|คณบดี|อธิการบดี|กรรมการ|โฆษก|ผู้บัญชาการ)\s?$/;
/** The letters those words end on: a mention whose two letters before hold none is not read further. */
const HEADED_LAST = new Set([...'รนกดาี'].map((c) => c.charCodeAt(0)));

/**
 * The mention starting at `start` follows a head's or an officer's title (HEADED_BEFORE), glued or
 * after a space. Detection asks it of every mention: the last letters are looked at first.
 */
export function headedUse(text: string, start: number): boolean {
	if (!HEADED_LAST.has(text.charCodeAt(start - 1)) && !HEADED_LAST.has(text.charCodeAt(start - 2))) return false;
	return HEADED_BEFORE.test(text.slice(Math.max(0, start - 14), start));
}

/**
 * The mention text[start, end) of a body or place reads as a kind. `เป็น` counts only as a word of
 * its own or ending one (ซึ่งเป็น, การเป็น, นับเป็น): it also ends other words (เห็นเป็น…) that
 * still predicate.
 */
export function genericUse(text: string, start: number, end: number, kind?: string): boolean {
	const before = text.slice(Math.max(0, start - 12), start);
	const after = text.slice(end, end + 16);
	if (BEFORE.test(before) || AFTER.test(after) || (kind === 'organization' && AFTER_BODY.test(after))) return true;
	// A committee counted by its own classifier (คณะอนุกรรมการX 5 คณะ, คณะทำงานX ทั้ง 3 ชุด): that many
	// committees of the kind X says, not one (junk34). Other bodies are not counted so (…2 ชุด of a kit).
	if (kind === 'organization' && COMMITTEE.test(text.slice(start, end)) && COUNTED_COMMITTEES.test(after)) return true;
	// A school glued after โครงการ is the kind of school a programme sets up (โครงการโรงเรียนX, "the X
	// schools programme"), the programme's name, not one school (junk34). After a space it may be one.
	if (kind === 'organization' && SCHOOL.test(text.slice(start, end)) && before.endsWith('โครงการ')) return true;
	// A short form after a course's, a grant's, a system's or a field's word names that scheme
	// (หลักสูตร|วกส., ทุน|สควค., ระบบ|X.): a body's short form is written so now and then (ระบบ|สปสช.),
	// a scheme's most of the time (issue 7, junk14).
	if (SHORT_FORM.test(text.slice(start, end)) && (SCHEME_BEFORE.test(before) || definesScheme(text, start, end))) return true;
	// A head's short form glued to what follows, a consonant or a leading vowel (คกก.บริหาร…,
	// คกก.โรค…); a bracket, a space or punctuation after it is how a body's own short form is written.
	return SHORT_FORM.test(text.slice(start, end)) && /^[\u0E01-\u0E2E\u0E40-\u0E44]/.test(after) && !GOES_ON.test(after);
}
