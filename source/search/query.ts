// A query prepared for matching: folded like the text (compact form), split like the index's text
// into its tone-less form and the tone marks it carries, plus its trigram keys. Multi-word queries
// also carry their words.
import {foldCompact} from '../text/fold.js';
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

export interface PreparedQuery {
	/** As typed. */
	text: string;
	/** The whole query as one pattern (the phrase). */
	phrase: Pattern;
	/** The words, when there are several (all must match, in any order). */
	terms: Pattern[];
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

/** Prepares `text`; undefined when it folds to nothing (empty, or only spaces, invisible characters and tone marks). */
export function prepareQuery(text: string): PreparedQuery | undefined {
	const phrase = preparePattern(foldCompact(text).trim());
	// Spaces next to dropped tone marks can leave the tone-less form with stray spaces.
	if (phrase.toneless.trim() === '') return undefined;
	const words = phrase.folded
		.split(' ')
		.map(preparePattern)
		.filter((w) => w.toneless !== '');
	const unique = [...new Map(words.map((w) => [w.folded, w])).values()];
	return {text, phrase, terms: unique.length > 1 ? unique : []};
}
