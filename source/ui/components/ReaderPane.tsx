import React from 'react';
import {Box, Text} from 'ink';
import type {LineSource} from '../../layout/lazy.js';
import {lineRuns} from '../../layout/wrap.js';
import type {Tag, Theme} from '../theme.js';
import {hyperlink} from '../../text/osc.js';
import type {UrlInText} from '../link.js';
import {withWrittenLinks} from '../body-links.js';

export interface Highlight {
	start: number;
	end: number;
	tag: Tag;
}

interface Props {
	/** Wrapped (settled) from `top` for `height` lines: the pane only reads them. */
	lines: Pick<LineSource, 'slice'>;
	top: number;
	height: number;
	width: number;
	/** Sorted by start; only those on visible lines are looked at. */
	highlights: readonly Highlight[];
	theme: Theme;
	/** Links are drawn as OSC 8 hyperlinks (the terminal is likely to show them): */
	hyperlinks?: {
		/** the article's web address where a metadata line shows it, */
		link?: {text: string; url: string};
		/** the addresses written in the text (Markdown links carry their own target). */
		urls: readonly UrlInText[];
	};
}

/** A metadata line with the link's text in it, the text made a hyperlink (the rest as it is). */
function linked(text: string, link: {text: string; url: string}): string {
	const at = text.indexOf(link.text);
	return at === -1 ? text : text.slice(0, at) + hyperlink(link.text, link.url) + text.slice(at + link.text.length);
}

/** Where highlights overlap, the first in this order wins (lineRuns takes the first that overlaps). */
const PRIORITY: Record<Tag, number> = {'match-current': 0, match: 1, 'entity-current': 2, 'entity-focus': 3, person: 4, organization: 4, place: 4, other: 4};
const byPriority = (a: Highlight, b: Highlight) => PRIORITY[a.tag] - PRIORITY[b.tag] || a.start - b.start;

/** First highlight that may touch `offset` (highlights are sorted by start and short). */
function firstFrom(highlights: readonly Highlight[], offset: number): number {
	let lo = 0;
	let hi = highlights.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (highlights[mid]!.end <= offset) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * Renders only the visible lines, as one Text node: Ink lays out and draws every node on every
 * frame, so one node with a line per row costs far less than a node per row.
 */
export function ReaderPane({lines, top, height, width, highlights, theme, hyperlinks}: Props) {
	const visible = lines.slice(top, top + height);
	const rows: React.ReactNode[] = [];
	const link = hyperlinks?.link;
	visible.forEach((shown, i) => {
		const line = hyperlinks ? withWrittenLinks(shown, hyperlinks.urls) : shown;
		if (i > 0) rows.push('\n');
		const style = theme.block(line.kind);
		const ranges: Highlight[] = [];
		if (highlights.length > 0 && line.end > line.start) {
			for (let h = firstFrom(highlights, line.start); h < highlights.length; h++) {
				const hl = highlights[h]!;
				if (hl.start >= line.end) break;
				if (hl.end > line.start) ranges.push(hl);
			}
		}
		// Highlights over inline styles: a match stays visible inside bold text or a link.
		rows.push(
			<Text key={top + i} {...style}>
				{ranges.length === 0 && !line.styles
					? (link && line.kind === 'meta' ? linked(line.text, link) : line.text) || ' '
					: lineRuns(line, ranges.sort(byPriority)).map((run, r) => (
							<Text key={r} {...(run.style ? theme.inline(run.style) : {})} {...(run.tag ? theme.tag(run.tag as Tag) : {})}>
								{hyperlinks && run.href !== undefined ? hyperlink(run.text, run.href) : run.text}
							</Text>
						))}
			</Text>,
		);
	});
	return (
		<Box flexDirection="column" width={width} height={height} paddingLeft={1}>
			<Text wrap="truncate">{rows}</Text>
		</Box>
	);
}
