// Links in an article's text: Markdown links (their target is on the spans of their text) and web
// addresses written out (`https://…`, `www.…`, also the target a Markdown link shows after its
// text). The reader draws them as OSC 8 hyperlinks, and `O` / `Y` take the links of the paragraph
// on top. Only safe http(s) URLs (text/osc.ts safeUrl) are ever used.
import type {Article} from '../corpus/types.js';
import type {Line, StyleRun} from '../layout/types.js';
// A written address is at most 2 × MAX_URL characters (safeUrl): within rangesWithin's LONGEST_RANGE.
import {lineRuns, rangesWithin} from '../layout/lines.js';
import {safeUrl} from '../text/osc.js';
import {urlsInText, type UrlInText} from './link.js';

const urlCache = new WeakMap<Article, readonly UrlInText[]>();

/** The web addresses written in the article's text, found once per article. */
export function urlsOf(article: Article): readonly UrlInText[] {
	let urls = urlCache.get(article);
	if (!urls) {
		urls = urlsInText(article.text);
		urlCache.set(article, urls);
	}
	return urls;
}

/**
 * `line` with the addresses written on it added to its style runs as link targets (a Markdown
 * link's own target is kept where both are). The text and its widths do not change: only where
 * the runs are cut and which carry an `href`.
 */
export function withWrittenLinks(line: Line, urls: readonly UrlInText[]): Line {
	if (line.end <= line.start) return line;
	const here = rangesWithin(urls, line.start, line.end);
	if (here.length === 0) return line;
	// Where on the line (in `text`) each address is drawn: the layout's own mapping of units to text.
	const pieces: Array<{from: number; to: number; href: string}> = [];
	let at = 0;
	for (const run of lineRuns(
		{...line, styles: undefined},
		here.map((u) => ({start: u.start, end: u.end, tag: u.url})),
	)) {
		if (run.tag !== undefined) pieces.push({from: at, to: at + run.text.length, href: run.tag});
		at += run.text.length;
	}
	if (pieces.length === 0) return line;
	const styles = line.styles ?? [];
	const cuts = [...new Set([...styles.flatMap((s) => [s.from, s.to]), ...pieces.flatMap((p) => [p.from, p.to])])].sort((a, b) => a - b);
	const merged: StyleRun[] = [];
	for (let i = 0; i + 1 < cuts.length; i++) {
		const [from, to] = [cuts[i]!, cuts[i + 1]!];
		const style = styles.find((s) => s.from <= from && s.to >= to);
		const piece = pieces.find((p) => p.from <= from && p.to >= to);
		if (!style && !piece) continue;
		const href = style?.href ?? piece?.href;
		const last = merged[merged.length - 1];
		if (last && last.to === from && last.style === (style?.style ?? 0) && last.href === href) {
			last.to = to;
			continue;
		}
		merged.push({from, to, style: style?.style ?? 0, ...(href !== undefined ? {href} : {})});
	}
	return {...line, styles: merged};
}

/** The safe links of block `index`, in the order they are written: Markdown targets and written addresses. */
export function linksOfBlock(article: Article, index: number): string[] {
	const block = article.blocks[index];
	if (!block) return [];
	const found: Array<{at: number; url: string}> = [];
	const urls = urlsOf(article);
	for (const span of block.spans) {
		if ('synthetic' in span) continue;
		const target = span.href !== undefined ? safeUrl(span.href) : undefined;
		if (target !== undefined) found.push({at: span.start, url: target});
		for (const u of rangesWithin(urls, span.start, span.end)) found.push({at: Math.max(u.start, span.start), url: u.url});
	}
	found.sort((a, b) => a.at - b.at);
	// A link's target shown after its text is the same link: each address once, where it is first.
	return [...new Set(found.map((f) => f.url))];
}
