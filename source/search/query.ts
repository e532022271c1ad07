// A query prepared for matching: each word or phrase folded like the text (compact form), split
// like the index's text into its tone-less form and the tone marks it carries, plus its trigram
// keys. The one home for this: search, the matches in an article, the excluded words and the title
// filter all prepare what they look for here.
import {foldCompact} from '../text/fold.js';
import type {ParsedQuery} from './parse.js';
import {isCompactTone, OVERLAP, queryTrigrams} from './trigrams.js';

export interface Pattern {
	/** Compact fold of the pattern (tones kept). */
	folded: string;
	/** Without tone marks: what is looked for in the index's tone-less text. */
	toneless: string;
	/** The pattern's tone marks: mark k (compact unit) stands after tonePos[k] tone-less units. */
	tonePos: number[];
	toneMark: number[];
	/** Trigram keys usable for candidates (those starting in the first OVERLAP tone-less units); empty when the pattern is shorter than three. */
	trigrams: number[];
	/** Every trigram key (for fuzzy candidate counting). */
	allTrigrams: number[];
}

export function preparePattern(folded: string): Pattern {
	let toneless = '';
	const tonePos: number[] = [];
	const toneMark: number[] = [];
	for (let i = 0; i < folded.length; i++) {
		const unit = folded.charCodeAt(i);
		if (isCompactTone(unit)) {
			tonePos.push(toneless.length);
			toneMark.push(unit);
		} else toneless += folded[i];
	}
	const {keys, offsets} = queryTrigrams(toneless);
	const trigrams = keys.filter((_, i) => offsets[i]! + 3 <= OVERLAP);
	return {folded, toneless, tonePos, toneMark, trigrams, allTrigrams: keys};
}

/** `text` folded and prepared; undefined when it folds to nothing (empty, or only spaces, invisible characters and tone marks). */
export function patternOf(text: string): Pattern | undefined {
	const pattern = preparePattern(foldCompact(text).trim());
	// Spaces next to dropped tone marks can leave the tone-less form with stray spaces.
	return pattern.toneless.trim() === '' ? undefined : pattern;
}

/** A parsed query's words and phrases prepared for matching (those that fold to nothing left out). */
export interface PreparedTerms {
	terms: {pattern: Pattern; quoted: boolean}[];
	/** Several unquoted words side by side, as typed: the best place for them. */
	together: Pattern | undefined;
}

export function prepareTerms(parsed: ParsedQuery): PreparedTerms {
	const terms: PreparedTerms['terms'] = [];
	for (const {text, quoted} of parsed.terms) {
		const pattern = patternOf(text);
		if (pattern) terms.push({pattern, quoted});
	}
	const together = terms.length > 1 && terms.every((t) => !t.quoted) ? preparePattern(terms.map((t) => t.pattern.folded).join(' ')) : undefined;
	return {terms, together};
}
