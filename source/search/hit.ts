// From a raw hit (tone-less folded offsets in a segment) to a result: the match and its passage as
// offsets into the article, found by folding the passage's source again with an offset map
// (passages fold independently, so this reproduces the stored text exactly), and the snippet.
import {foldWithOffsets, type FoldedWithOffsets} from '../text/fold.js';
import type {RawHit} from './collector.js';
import {tonesOf} from './exact.js';
import {passageOf} from './all-terms.js';
import {tonelessUnits, trailingTones} from './match.js';
import type {SearchIndex} from './search-index.js';
import {TITLE_SYNTHETIC} from './segment.js';
import {makeSnippet} from './snippet.js';
import type {Hit} from './types.js';

/** A hit located in its article, before its snippet is made. */
export type LocatedHit = Omit<Hit, 'snippet' | 'snippetHighlights'> & {source: string};

export function locateHit(index: SearchIndex, raw: RawHit): LocatedHit {
	const {segment, passage, local} = raw;
	const article = index.articles[raw.ordinal]!;
	const title = (segment.passageFlags[passage]! & TITLE_SYNTHETIC) !== 0;
	const source = title ? article.title : article.text;
	const lastPassage = segment.articlePassages[local + 1]!;
	const sourceEndOf = (p: number) => (title || p + 1 >= lastPassage ? source.length : segment.passageSource[p + 1]!);
	const tones = tonesOf(segment, local);
	// The words of a hit can stand thousands of characters apart: only the passages holding the ends
	// of its ranges are folded again (each alone, as the index folded it), not all in between.
	// Only where each tone-less unit stands in the fold is needed (the tone marks are the segment's).
	const views = new Map<number, {folded: FoldedWithOffsets; toFolded: Int32Array}>();
	const viewOf = (p: number): {folded: FoldedWithOffsets; toFolded: Int32Array} => {
		let view = views.get(p);
		if (!view) {
			const folded = foldWithOffsets(source, {from: segment.passageSource[p]!, to: sourceEndOf(p), compact: true});
			views.set(p, (view = {folded, toFolded: tonelessUnits(folded.text)}));
		}
		return view;
	};
	// The ranges start in the hit's passage or after it, and never run past a title.
	const holding = (at: number): number => (title ? passage : passageOf(segment, local, Math.max(at, segment.passageStart[passage]!)));
	const toSource = (from: number, to: number): [number, number] => {
		const p = holding(from);
		const q = holding(to - 1);
		const startView = viewOf(p);
		const endView = viewOf(q);
		// Article offsets → offsets in the passages' views; the marks after the last unit belong to the match.
		const a = Math.min(Math.max(from - segment.passageStart[p]!, 0), startView.toFolded.length - 1);
		const b = Math.min(Math.max(to - 1 - segment.passageStart[q]!, 0), endView.toFolded.length - 1);
		const endFolded = Math.min(endView.toFolded[b]! + trailingTones(tones, to), endView.folded.ends.length - 1);
		return [startView.folded.starts[startView.toFolded[a]!]!, endView.folded.ends[endFolded]!];
	};
	const [start, end] = toSource(raw.start, raw.end);
	return {
		articleId: article.id,
		ordinal: raw.ordinal,
		field: title ? 'title' : 'text',
		start,
		end,
		ranges: raw.ranges.map(([from, to]) => toSource(from, to)),
		kind: raw.kind,
		score: raw.score,
		passageStart: segment.passageSource[passage]!,
		passageEnd: sourceEndOf(passage),
		source,
	};
}

/** Words of a hit this close (UTF-16 units, first start to last end) share the snippet's middle. */
const TOGETHER = 60;

export function finishHit(located: LocatedHit, snippetLength?: number): Hit {
	const {source, ...hit} = located;
	// Several words close together are shown together; far apart, the first of them.
	const last = hit.ranges[hit.ranges.length - 1];
	const together = last !== undefined && last[1] - hit.start <= TOGETHER && last[1] > hit.start;
	const snippet = makeSnippet(source, [hit.start, together ? last[1] : hit.end], hit.ranges, {length: snippetLength});
	return {...hit, score: Math.round(hit.score * 1e4) / 1e4, snippet: snippet.text, snippetHighlights: snippet.highlights};
}
