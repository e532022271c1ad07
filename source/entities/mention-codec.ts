// Detected mentions of many articles in columns: typed arrays and one table of distinct strings,
// instead of an object per mention. The detection cache stores this form and detection workers
// send it back (a few transferable buffers clone far faster than 30 objects per article).
//
// Decoding trusts nothing: `validColumns` checks every count, reference and offset against the
// articles' text lengths before a mention is made of them, so a damaged or forged block can only
// be rejected, never crash or place a mention outside its article.

import type {DetectedMention} from './find-mentions.js';
import {ENTITY_KINDS} from './types.js';

const SHORT = 1;
const FOREIGN = 2;
/** Absent optional number or string. */
const NONE = -1;

/** The typed arrays of a block, in the order they are stored. */
export const COLUMNS = [
	['firstMention', Int32Array],
	['start', Int32Array],
	['end', Int32Array],
	['text', Int32Array],
	['rule', Int32Array],
	['group', Int32Array],
	['placeKey', Int32Array],
	['tokens', Int32Array],
	['linkAlias', Int32Array],
	['title', Int32Array],
	['titleStart', Int32Array],
	['kind', Uint8Array],
	['flags', Uint8Array],
] as const;

export type ColumnName = (typeof COLUMNS)[number][0];

/** The mentions of `articles` articles; a mention's strings are indices into `strings`. */
export type MentionColumns = Record<Exclude<ColumnName, 'kind' | 'flags'>, Int32Array> & {
	kind: Uint8Array;
	flags: Uint8Array;
	strings: string[];
};

/** Columns for the mentions of several articles, in order (one entry per article). */
export function encodeMentions(perArticle: ReadonlyArray<readonly DetectedMention[]>): MentionColumns {
	let total = 0;
	for (const ms of perArticle) total += ms.length;
	const strings: string[] = [];
	const stringIndex = new Map<string, number>();
	const ref = (s: string | undefined): number => {
		if (s === undefined) return NONE;
		let i = stringIndex.get(s);
		if (i === undefined) {
			i = strings.length;
			strings.push(s);
			stringIndex.set(s, i);
		}
		return i;
	};
	const c = emptyColumns(perArticle.length, total);
	let g = 0;
	perArticle.forEach((ms, a) => {
		c.firstMention[a] = g;
		for (const m of ms) {
			c.start[g] = m.start;
			c.end[g] = m.end;
			c.text[g] = ref(m.text);
			c.rule[g] = ref(m.rule);
			c.group[g] = m.group;
			c.placeKey[g] = ref(m.placeKey);
			c.tokens[g] = m.tokens ?? NONE;
			c.linkAlias[g] = ref(m.linkAlias);
			c.title[g] = ref(m.title);
			c.titleStart[g] = m.titleStart ?? NONE;
			c.kind[g] = ENTITY_KINDS.indexOf(m.kind);
			c.flags[g] = (m.short ? SHORT : 0) | (m.foreign ? FOREIGN : 0);
			g++;
		}
	});
	c.firstMention[perArticle.length] = g;
	return {...c, strings};
}

function emptyColumns(articles: number, mentions: number): Omit<MentionColumns, 'strings'> {
	const out = {} as Record<ColumnName, unknown>;
	for (const [name, Type] of COLUMNS) out[name] = new Type(name === 'firstMention' ? articles + 1 : mentions);
	return out as Omit<MentionColumns, 'strings'>;
}

/** Number of articles the columns hold. */
export function articleCount(c: MentionColumns): number {
	return c.firstMention.length - 1;
}

/** The mentions of article `a`, as detection made them. */
export function decodeArticle(c: MentionColumns, a: number): DetectedMention[] {
	const out: DetectedMention[] = [];
	for (let g = c.firstMention[a]!; g < c.firstMention[a + 1]!; g++) {
		const m: DetectedMention = {start: c.start[g]!, end: c.end[g]!, text: c.strings[c.text[g]!]!, kind: ENTITY_KINDS[c.kind[g]!]!, rule: c.strings[c.rule[g]!]!, group: c.group[g]!};
		// Optional fields only where detection set them: the output compares equal to a fresh run.
		if (c.title[g] !== NONE) {
			m.title = c.strings[c.title[g]!]!;
			m.titleStart = c.titleStart[g]!;
		}
		if (c.flags[g]! & SHORT) m.short = true;
		if (c.flags[g]! & FOREIGN) m.foreign = true;
		if (c.placeKey[g] !== NONE) m.placeKey = c.strings[c.placeKey[g]!]!;
		if (c.tokens[g] !== NONE) m.tokens = c.tokens[g]!;
		if (c.linkAlias[g] !== NONE) m.linkAlias = c.strings[c.linkAlias[g]!]!;
		out.push(m);
	}
	return out;
}

/**
 * True when the columns can be decoded for articles of these text lengths: every mention inside
 * its article's text, in order of start, every reference in the string table, every field in its
 * range. Linear in the number of mentions.
 */
export function validColumns(c: MentionColumns, textLengths: ArrayLike<number>): boolean {
	const articles = textLengths.length;
	if (c.firstMention.length !== articles + 1 || c.firstMention[0] !== 0) return false;
	const total = c.start.length;
	for (const [name] of COLUMNS) if (name !== 'firstMention' && c[name].length !== total) return false;
	if (c.firstMention[articles] !== total) return false;
	const strings = c.strings.length;
	const isRef = (r: number): boolean => r >= 0 && r < strings;
	const isOptionalRef = (r: number): boolean => r === NONE || isRef(r);
	for (let a = 0; a < articles; a++) {
		const from = c.firstMention[a]!;
		const to = c.firstMention[a + 1]!;
		if (to < from || to > total) return false;
		const length = textLengths[a]!;
		let lastStart = 0;
		for (let g = from; g < to; g++) {
			const start = c.start[g]!;
			const end = c.end[g]!;
			if (start < lastStart || end <= start || end > length) return false;
			lastStart = start;
			if (!isRef(c.text[g]!) || !isRef(c.rule[g]!) || c.strings[c.text[g]!]!.length !== end - start) return false;
			if (!isOptionalRef(c.placeKey[g]!) || !isOptionalRef(c.linkAlias[g]!) || !isOptionalRef(c.title[g]!)) return false;
			if (c.group[g]! < 0 || c.tokens[g]! < NONE || c.kind[g]! >= ENTITY_KINDS.length || c.flags[g]! > (SHORT | FOREIGN)) return false;
			const title = c.title[g]!;
			const titleStart = c.titleStart[g]!;
			if (title === NONE ? titleStart !== NONE : titleStart < 0 || titleStart + c.strings[title]!.length > length) return false;
		}
	}
	return true;
}
