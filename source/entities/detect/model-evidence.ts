// What the learned tagger's own names need besides the model's word: the tagger reads small units
// and finds names nobody announced, so a name it proposes must also look like one to the rules.
// - Its edges do not cut a word (a title, a head word, a common word runs across them), and they
//   meet known words where the name is glued to the text (ของ|X, X|กล่าว, or a word the
//   data shows as common): glued to an unknown piece (ดอนนาง|X, X|สูต) it is a piece of a longer
//   word or name. A title before the name is evidence enough on its left.
// - A person's name does not open with a common word (a list of goods, a verb phrase), nor with a
//   body's head (มูลนิธิ…: a body); a place opened by a province's or city's head names one.
import {isCommonWord} from '../common-words.js';
import {FUNCTION_WORDS} from '../lexicon.js';
import {type DetectionContext, KNOWN_AFTER, KNOWN_BEFORE, isThaiNameChar} from './context.js';
import {commonAfterPlaceHead} from './head-name.js';
import {triggerTrie} from './trigger-trie.js';
import type {EntityKind} from '../types.js';

const FUNCTION = new Set(FUNCTION_WORDS);

export function modelNameHasEvidence(ctx: DetectionContext, start: number, end: number, kind: EntityKind, titled: boolean): boolean {
	const text = ctx.text;
	if (!titled && start > 0 && isThaiNameChar(text.charCodeAt(start - 1)) && KNOWN_BEFORE.endingAt(text, start) === 0 && !isCommonWord(ctx.words.wordBefore(start)))
		return false;
	if (end < text.length && isThaiNameChar(text.charCodeAt(end)) && !KNOWN_AFTER.startsAt(text, end) && !isCommonWord(ctx.firstWord(end, ctx.thaiRunEnd(end))))
		return false;
	if ((!titled && insideWord(text, start)) || insideWord(text, end)) return false;
	// No name opens with a function word (ณ|ท่าเรือ…: the place is after it).
	if (FUNCTION.has(ctx.firstWord(start, ctx.thaiRunEnd(start)))) return false;
	const heads = triggerTrie().matchesAt(text, start);
	if (kind === 'person') {
		// After a title the rules' own checks apply (see candidates.ts); without one the model alone speaks.
		if (titled) return true;
		const first = ctx.firstWord(start, ctx.thaiRunEnd(start));
		if (first.length >= 3 && isCommonWord(first)) return false;
		return !heads.some((m) => m.values.some((v) => v.type === 'org' && m.end < end));
	}
	if (kind === 'place') {
		for (const m of heads) {
			for (const v of m.values) if (v.type === 'place' && m.end < end && commonAfterPlaceHead(ctx, v.word, text[m.end] === ' ' ? m.end + 1 : m.end)) return false;
		}
	}
	return true;
}

/**
 * A title, head word or listed common word runs across `pos` (มอบหมายก|ระทรวง…, สมาคมส่ง|เสริม): the
 * tagger cut a word there, where no name starts or ends.
 */
function insideWord(text: string, pos: number): boolean {
	if (pos <= 0 || pos >= text.length || !isThaiNameChar(text.charCodeAt(pos - 1)) || !isThaiNameChar(text.charCodeAt(pos))) return false;
	for (let from = pos - 1; from >= Math.max(0, pos - 4) && isThaiNameChar(text.charCodeAt(from)); from--) {
		if (
			triggerTrie()
				.matchesAt(text, from)
				.some((m) => m.end > pos && m.values.some((v) => v.type !== 'gazetteer'))
		)
			return true;
		for (let to = pos + 2; pos - from >= 2 && to <= Math.min(text.length, pos + 8); to++) {
			if (to - from >= 4 && isCommonWord(text.slice(from, to))) return true;
		}
	}
	return false;
}
