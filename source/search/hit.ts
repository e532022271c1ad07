// From a raw hit (tone-less folded offsets in a segment) to a result: the match and its passage as
// offsets into the article, found by folding the passage's source again with an offset map
// (passages fold independently, so this reproduces the stored text exactly), and the snippet.
import {foldWithOffsets} from '../text/fold.js';
import type {RawHit} from './collector.js';
import {tonesOf} from './exact.js';
import {tonelessView, trailingTones} from './match.js';
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
	const foldedStart = segment.passageStart[passage]!;
	const sourceStart = segment.passageSource[passage]!;
	const passageSourceEnd = title || passage + 1 >= lastPassage ? source.length : segment.passageSource[passage + 1]!;
	// The matched ranges may run on into the following passages (never past a title).
	let reach = raw.end;
	for (const [, end] of raw.ranges) reach = Math.max(reach, end);
	let q = passage;
	while (!title && q + 1 < lastPassage && segment.passageStart[q + 1]! < reach) q++;
	const sourceEnd = title || q + 1 >= lastPassage ? source.length : segment.passageSource[q + 1]!;
	const view = tonelessView(foldWithOffsets(source, {from: sourceStart, to: sourceEnd, compact: true}));
	const tones = tonesOf(segment, local);
	const last = view.toFolded.length - 1;
	const toSource = (from: number, to: number): [number, number] => {
		// Article offsets → offsets in the view; the marks after the last unit belong to the match.
		const a = Math.min(Math.max(from - foldedStart, 0), last);
		const b = Math.min(Math.max(to - 1 - foldedStart, 0), last);
		const endFolded = Math.min(view.toFolded[b]! + trailingTones(tones, to), view.folded.ends.length - 1);
		return [view.folded.starts[view.toFolded[a]!]!, view.folded.ends[endFolded]!];
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
		passageStart: sourceStart,
		passageEnd: passageSourceEnd,
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
