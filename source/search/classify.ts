// How good one match is, read off the tone-less compact text around it and the tone marks kept
// aside, and the score that follows.
//
// Scores: 0 is best. Each kind has its own band, so an exact match always ranks above a
// tone-insensitive one, which ranks above a match cutting a cluster, which ranks above a fuzzy one:
//   exact   [0.0, 0.2)  the folded text equals the query, on grapheme-cluster boundaries
//   tone    [0.2, 0.4)  equal but for tone marks (เสือ for เสื้อ; สี for สี่)
//   partial [0.4, 0.6)  the match ends inside a cluster (มาคร in มาคร็อง: a query still being typed)
//   fuzzy   [0.6, 1.0]  a typo: a near spelling of the word (each edit ranks it lower)
// Within a band: the query's own spelling (case aside) beats one that matched only once folded; a
// passage that is the query and nothing else, or a title, beats body text; a match at a word start
// beats one inside a word; for several words the phrase beats the words in order, which beat them
// in any order.
import type {MatchKind} from './collector.js';

export const KIND_BASE: Record<MatchKind, number> = {exact: 0, tone: 0.2, partial: 0.4, fuzzy: 0.6};
const NOT_TITLE = 0.05;
const NOT_WORD_START = 0.03;
const NOT_WORD_END = 0.015;
const NOT_WHOLE = 0.005;
/**
 * The text differs from the query as typed (case aside): it matched only once folded (spaces,
 * invisible characters, Thai digits, ํา…). Weighs most: the spelling asked for comes first.
 */
export const NOT_LITERAL = 0.06;
export const WORDS_IN_ORDER = 0.02;
export const WORDS_ANY_ORDER = 0.03;

/**
 * A tone-less compact unit that continues the cluster before it: Thai vowels above and below,
 * SARA AM, the other signs (but the tone marks, which are not in tone-less text), low surrogates.
 */
export function continuesClusterCompact(unit: number): boolean {
	return unit === 0xd1 || (unit >= 0xd3 && unit <= 0xda) || unit === 0xed || unit === 0xee || (unit >= 0xdc00 && unit <= 0xdfff);
}

/** Letters and digits (ASCII, all of compact Thai, other scripts): what a word is made of. */
function isWordUnit(unit: number): boolean {
	return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x61 && unit <= 0x7a) || (unit >= 0xa1 && unit <= 0xff) || unit >= 0x100;
}

/** Kind of the match `text[start, end)` of tone-less text, given whether its tone marks equal the query's. */
export function matchKind(text: string, start: number, end: number, sameTones: boolean): MatchKind {
	if (continuesClusterCompact(text.charCodeAt(start)) || (end < text.length && continuesClusterCompact(text.charCodeAt(end)))) return 'partial';
	return sameTones ? 'exact' : 'tone';
}

function isBlank(unit: number): boolean {
	return unit === 0x20 || unit === 0x0a;
}

/** Score of a match of `kind` at `text[start, end)`, in a passage [from, to) of `text`. */
export function matchScore(kind: MatchKind, text: string, start: number, end: number, inTitle: boolean, from: number, to: number): number {
	let score = KIND_BASE[kind];
	// The whole passage (a heading, a one-line paragraph) is what was asked for: as good as a title.
	const whole = (start === from || (start === from + 1 && isBlank(text.charCodeAt(from)))) && (end >= to || (end + 1 === to && isBlank(text.charCodeAt(end))));
	if (!whole) score += NOT_WHOLE;
	if (!inTitle && !whole) score += NOT_TITLE;
	return score + edgePenalty(text, start, end);
}

/**
 * The best score any match of a pattern `length` long can have in a passage `size` long: a match
 * that is not the whole passage (with one blank either side at most) cannot score below this.
 */
export function passageScoreBound(length: number, size: number, inTitle: boolean): number {
	if (size <= length + 2) return KIND_BASE.exact;
	return NOT_WHOLE + (inTitle ? 0 : NOT_TITLE);
}

/**
 * An edge between two Latin letters or digits is inside a word for certain (Latin script spaces
 * its words), where two Thai letters may or may not meet at a word boundary: a Latin name found
 * inside a longer Latin word is a worse match than its Thai spelling in running Thai text (the
 * test uses `sorbin` in "Absorbing" and ซอร์บิน). Small, so that the worst exact
 * score (every penalty, several words in any order) stays below the tone band.
 */
const SPLITS_LATIN_WORD = 0.004;

function isLatinWordUnit(unit: number): boolean {
	return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x61 && unit <= 0x7a);
}

/** What a match starting or ending inside a word costs (see the bands above). */
export function edgePenalty(text: string, start: number, end: number): number {
	let penalty = 0;
	if (start > 0 && isWordUnit(text.charCodeAt(start - 1))) {
		penalty += NOT_WORD_START;
		if (isLatinWordUnit(text.charCodeAt(start - 1)) && isLatinWordUnit(text.charCodeAt(start))) penalty += SPLITS_LATIN_WORD;
	}
	if (end < text.length && isWordUnit(text.charCodeAt(end))) {
		penalty += NOT_WORD_END;
		if (end > start && isLatinWordUnit(text.charCodeAt(end)) && isLatinWordUnit(text.charCodeAt(end - 1))) penalty += SPLITS_LATIN_WORD;
	}
	return penalty;
}

const RANK: Record<MatchKind, number> = {exact: 0, tone: 1, partial: 2, fuzzy: 3};

export function worseKind(a: MatchKind, b: MatchKind): MatchKind {
	return RANK[a] >= RANK[b] ? a : b;
}

export function kindRank(kind: MatchKind | undefined): number {
	return kind === undefined ? 4 : RANK[kind];
}
