// Detected mentions of many articles in columns: typed arrays and one table of distinct strings,
// instead of an object per mention. The detection cache stores this form and detection workers
// send it back (a few transferable buffers clone far faster than 30 objects per article). Each
// mention's link keys (link-keys.ts) travel with it: they depend on the mention alone, and
// working them out again was most of the cost of linking cached mentions.
//
// Decoding trusts nothing: `validColumns` checks every count, reference and offset against the
// articles' text lengths before a mention is made of them, so a damaged or forged block can only
// be rejected, never crash or place a mention outside its article.

import type {DetectedMention} from './find-mentions.js';
import {linkKeys} from './link-keys.js';
import {ENTITY_KINDS} from './types.js';

const SHORT = 1;
const FOREIGN = 2;
const GENERIC = 4;
/** The tagger saw a name of the mention's kind there; of another kind only. */
const TAGGED_SAME = 8;
const TAGGED_OTHER = 16;
/** Right after a head's or an officer's title. */
const HEADED = 32;
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
	/** Per mention, its first key in `keys`; one more entry at the end. */
	['firstKey', Int32Array],
	/** The keys, as indices into the strings. */
	['keys', Int32Array],
] as const;

export type ColumnName = (typeof COLUMNS)[number][0];

/** The mentions of `articles` articles; a mention's strings are indices into `strings`. */
export type MentionColumns = Record<Exclude<ColumnName, 'kind' | 'flags'>, Int32Array> & {
	kind: Uint8Array;
	flags: Uint8Array;
	strings: string[];
};

/** Columns for the mentions of several articles, in order (one entry per article). */
export function encodeMentions(perArticle: ReadonlyArray<readonly DetectedMention[]>, knownKeys?: ReadonlyArray<readonly (readonly string[])[]>): MentionColumns {
	let total = 0;
	for (const ms of perArticle) total += ms.length;
	const keysOf = knownKeys ?? perArticle.map((ms) => ms.map(linkKeys));
	let keyCount = 0;
	for (const ks of keysOf) for (const k of ks) keyCount += k.length;
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
	const c = emptyColumns(perArticle.length, total, keyCount);
	let g = 0;
	let k = 0;
	perArticle.forEach((ms, a) => {
		c.firstMention[a] = g;
		for (const [i, m] of ms.entries()) {
			c.firstKey[g] = k;
			for (const key of keysOf[a]![i]!) c.keys[k++] = ref(key);
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
			c.flags[g] =
				(m.short ? SHORT : 0) |
				(m.foreign ? FOREIGN : 0) |
				(m.generic ? GENERIC : 0) |
				(m.tagged === 'same' ? TAGGED_SAME : m.tagged === 'other' ? TAGGED_OTHER : 0) |
				(m.headed ? HEADED : 0);
			g++;
		}
	});
	c.firstMention[perArticle.length] = g;
	c.firstKey[g] = k;
	return {...c, strings};
}

function emptyColumns(articles: number, mentions: number, keys: number): Omit<MentionColumns, 'strings'> {
	const out = {} as Record<ColumnName, unknown>;
	const lengths: Partial<Record<ColumnName, number>> = {firstMention: articles + 1, firstKey: mentions + 1, keys};
	for (const [name, Type] of COLUMNS) out[name] = new Type(lengths[name] ?? mentions);
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
		const m: DetectedMention = {
			start: c.start[g]!,
			end: c.end[g]!,
			text: c.strings[c.text[g]!]!,
			kind: ENTITY_KINDS[c.kind[g]!]!,
			rule: c.strings[c.rule[g]!]!,
			group: c.group[g]!,
		};
		// Optional fields only where detection set them: the output compares equal to a fresh run.
		if (c.title[g] !== NONE) {
			m.title = c.strings[c.title[g]!]!;
			m.titleStart = c.titleStart[g]!;
		}
		if (c.flags[g]! & SHORT) m.short = true;
		if (c.flags[g]! & FOREIGN) m.foreign = true;
		if (c.flags[g]! & GENERIC) m.generic = true;
		if (c.flags[g]! & TAGGED_SAME) m.tagged = 'same';
		else if (c.flags[g]! & TAGGED_OTHER) m.tagged = 'other';
		if (c.flags[g]! & HEADED) m.headed = true;
		if (c.placeKey[g] !== NONE) m.placeKey = c.strings[c.placeKey[g]!]!;
		if (c.tokens[g] !== NONE) m.tokens = c.tokens[g]!;
		if (c.linkAlias[g] !== NONE) m.linkAlias = c.strings[c.linkAlias[g]!]!;
		out.push(m);
	}
	return out;
}

/** The link keys of article `a`'s mentions, as `linkKeys` gives them. */
export function decodeKeys(c: MentionColumns, a: number): string[][] {
	const out: string[][] = [];
	for (let g = c.firstMention[a]!; g < c.firstMention[a + 1]!; g++) {
		const keys: string[] = [];
		for (let k = c.firstKey[g]!; k < c.firstKey[g + 1]!; k++) keys.push(c.strings[c.keys[k]!]!);
		out.push(keys);
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
	for (const [name] of COLUMNS) if (name !== 'firstMention' && name !== 'firstKey' && name !== 'keys' && c[name].length !== total) return false;
	if (c.firstMention[articles] !== total) return false;
	const strings = c.strings.length;
	const isRef = (r: number): boolean => r >= 0 && r < strings;
	if (c.firstKey.length !== total + 1 || c.firstKey[0] !== 0 || c.firstKey[total] !== c.keys.length) return false;
	for (let g = 0; g < total; g++) if (c.firstKey[g + 1]! < c.firstKey[g]!) return false;
	for (const key of c.keys) if (!isRef(key)) return false;
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
			if (
				c.group[g]! < 0 ||
				c.tokens[g]! < NONE ||
				c.kind[g]! >= ENTITY_KINDS.length ||
				c.flags[g]! > (SHORT | FOREIGN | GENERIC | TAGGED_SAME | TAGGED_OTHER | HEADED) ||
				(c.flags[g]! & (TAGGED_SAME | TAGGED_OTHER)) === (TAGGED_SAME | TAGGED_OTHER)
			)
				return false;
			const title = c.title[g]!;
			const titleStart = c.titleStart[g]!;
			if (title === NONE ? titleStart !== NONE : titleStart < 0 || titleStart + c.strings[title]!.length > length) return false;
		}
	}
	return true;
}
