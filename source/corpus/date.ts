// Dates as Thai and English news write them: `4 ก.ค. 2567`, `19 ธันวาคม 2566`, `๗ พ.ย.๖๕`,
// `วันจันทร์ที่ 24 สิงหาคม 2563`, `16 November 2022`, `November 16, 2022`, `2022-11-16`, `16/11/2565`.
// Buddhist-era years (B.E. = A.D. + 543) are told apart by size: no article is dated before 1857.
import type {ArticleDate} from './types.js';
import {sanitizeInline} from '../text/sanitize.js';

const THAI_MONTHS: ReadonlyArray<readonly string[]> = [
	['มกราคม', 'ม.ค'],
	['กุมภาพันธ์', 'ก.พ'],
	['มีนาคม', 'มี.ค'],
	['เมษายน', 'เม.ย'],
	['พฤษภาคม', 'พ.ค'],
	['มิถุนายน', 'มิ.ย'],
	['กรกฎาคม', 'กรกฏาคม', 'ก.ค'],
	['สิงหาคม', 'ส.ค'],
	['กันยายน', 'ก.ย'],
	['ตุลาคม', 'ต.ค'],
	['พฤศจิกายน', 'พ.ย'],
	['ธันวาคม', 'ธ.ค'],
];

const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Month number (1-12) of a Thai or English month name or abbreviation. */
function monthOf(name: string): number | undefined {
	const key = name.replace(/[\s.]/g, '').toLowerCase();
	for (let m = 0; m < 12; m++) {
		if (THAI_MONTHS[m]!.some((n) => n.replace(/\./g, '') === key)) return m + 1;
		const english = ENGLISH_MONTHS[m]!;
		if (key === english || (key.length >= 3 && english.startsWith(key) && (key.length === 3 || key === 'sept'))) {
			return m + 1;
		}
	}
	return undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// An abbreviation may be written `ก.ค.`, `ก.ค`, `ก. ค.`; full names first so they win.
const THAI_MONTH = THAI_MONTHS.flatMap((names) => names.map((n) => (n.includes('.') ? n.split('.').map(escape).join('\\.\\s?') + '\\.?' : n))).join('|');
const ENGLISH_MONTH = `(?:${ENGLISH_MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?`;
const ERA = '(?:พ\\.\\s?ศ\\.?|ค\\.\\s?ศ\\.?|B\\.?E\\.?|A\\.?D\\.?)';

interface Pattern {
	regex: RegExp;
	/** Day, month and year from the match; `twoDigitEra` says how to read a two-digit year. */
	parts: (m: RegExpExecArray) => {day: string; month: string | number; year: string; twoDigitEra?: 'be' | 'ce'};
}

const PATTERNS: Pattern[] = [
	{
		// 4 ก.ค. 2567, ๗ พ.ย.๖๕, 19 ธันวาคม พ.ศ. 2566
		regex: new RegExp(`(?<!\\d)(\\d{1,2})\\s*(${THAI_MONTH})\\s*(${ERA}\\s*)?(\\d{4}|\\d{2})(?!\\d)`, 'g'),
		parts: (m) => ({
			day: m[1]!,
			month: m[2]!,
			year: m[4]!,
			// `24 ส.ค.63` is common, but after a full month name two digits are more often a count.
			twoDigitEra: m[3] ? (/ค|A/.test(m[3]) ? 'ce' : 'be') : m[2]!.includes('.') ? 'be' : undefined,
		}),
	},
	{
		// 16 November 2022, 16th of Nov. 2022
		regex: new RegExp(`(?<![\\d\\p{L}])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${ENGLISH_MONTH}),?\\s+(\\d{4})(?!\\d)`, 'giu'),
		parts: (m) => ({day: m[1]!, month: m[2]!, year: m[3]!}),
	},
	{
		// November 16, 2022
		regex: new RegExp(`(?<!\\p{L})(${ENGLISH_MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'giu'),
		parts: (m) => ({day: m[2]!, month: m[1]!, year: m[3]!}),
	},
	{
		// 2022-11-16, 2022/11/16, 2567-07-04
		regex: /(?<![\d./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d./-]*\d)/g,
		parts: (m) => ({day: m[4]!, month: Number(m[3]), year: m[1]!}),
	},
	{
		// 16/11/2565, 16-11-2022 (day first, as Thai and most of the world write it)
		regex: /(?<![\d./-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d./-]*\d)/g,
		parts: (m) => ({day: m[1]!, month: Number(m[3]), year: m[4]!}),
	},
];

const WEEKDAY_BEFORE = /(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัสฯ?|พฤหัส|ศุกร์|เสาร์|อาทิตย์)\s*(?:ที่\s*)?|วันที่\s*|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)$/iu;

/** Thai digits → ASCII digits; one UTF-16 unit each way, so indices stay the same. */
function asciiDigits(s: string): string {
	return s.replace(/[\u0E50-\u0E59]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x0e50 + 48));
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A Gregorian year from a written one: B.E. years (> 2400) lose 543; two digits need an era. */
function gregorianYear(written: string, twoDigitEra: 'be' | 'ce' | undefined): number | undefined {
	let year = Number(written);
	if (written.length === 2) {
		if (!twoDigitEra) return undefined;
		year += twoDigitEra === 'be' ? 2500 : 2000;
	}
	if (year > 2400) year -= 543;
	return year >= 1800 && year <= 2200 ? year : undefined;
}

export interface FoundDate {
	date: ArticleDate;
	/** Where the date stands in the searched string, a weekday in front of it included. */
	start: number;
	end: number;
}

/** The first valid date in `s`, with its place. */
export function findDate(s: string): FoundDate | undefined {
	const ascii = asciiDigits(s);
	let best: FoundDate | undefined;
	for (const {regex, parts} of PATTERNS) {
		regex.lastIndex = 0;
		for (let m = regex.exec(ascii); m; m = regex.exec(ascii)) {
			if (best && m.index >= best.start) break;
			const p = parts(m);
			const month = typeof p.month === 'number' ? p.month : monthOf(p.month);
			const year = gregorianYear(p.year, p.twoDigitEra);
			const day = Number(p.day);
			if (!month || month > 12 || !year || day < 1 || day > daysInMonth(year, month)) continue;
			const weekday = WEEKDAY_BEFORE.exec(s.slice(Math.max(0, m.index - 24), m.index));
			const start = m.index - (weekday?.[0].length ?? 0);
			const end = m.index + m[0].length;
			const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
			best = {date: {year, month, day, iso, text: sanitizeInline(s.slice(start, end))}, start, end};
			break;
		}
	}
	return best;
}

/** How far into a field a date is looked for. */
const DATE_FIELD_REACH = 200;

/**
 * A date from a field such as a .jsonl `date`: the first date in it; `text` is the whole field as
 * written (cleaned for display). ISO timestamps (`2022-11-16T08:00:00Z`) count too.
 */
export function parseDate(raw: string): ArticleDate | undefined {
	const text = sanitizeInline(raw);
	const timestamp = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.exec(text);
	// Fields that run on into prose hold their date at the start; the bound keeps the patterns'
	// work small on a hostile megabyte-long field.
	const found = findDate(timestamp ? timestamp[1]! : text.slice(0, DATE_FIELD_REACH));
	return found ? {...found.date, text} : undefined;
}

// What may stand beside a date on a line that is only a date: labels, a time, punctuation.
const DATE_LINE_REST = /^(?:[\s\p{P}\p{S}]|date|published|posted|updated|on|at|วันที่|เมื่อ|เผยแพร่|ประกาศ|อัปเดต|อัพเดท|ปรับปรุง|เวลา|น\.|\d{1,2}[:.]\d{2}(?::\d{2})?|am|pm)*$/iu;

/** Whether `line` holds a date and nothing else that would be worth reading as a paragraph. */
export function isDateLine(line: string, found: FoundDate): boolean {
	return DATE_LINE_REST.test(line.slice(0, found.start) + ' ' + line.slice(found.end));
}
