import React from 'react';
import {Box, Text} from 'ink';
import type {Line} from '../../layout/types.js';
import {lineRuns} from '../../layout/wrap.js';
import type {Tag, Theme} from '../theme.js';

export interface Highlight {
	start: number;
	end: number;
	tag: Tag;
}

interface Props {
	lines: readonly Line[];
	top: number;
	height: number;
	width: number;
	/** Sorted by start; only those on visible lines are looked at. */
	highlights: readonly Highlight[];
	theme: Theme;
}

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

/** Renders only the visible lines: Ink redraws the whole frame, so every row costs on every key. */
export function ReaderPane({lines, top, height, width, highlights, theme}: Props) {
	const visible = lines.slice(top, top + height);
	return (
		<Box flexDirection="column" width={width} height={height} paddingLeft={1}>
			{visible.map((line, i) => {
				const style = theme.block(line.kind);
				let ranges: Highlight[] = [];
				if (highlights.length > 0 && line.end > line.start) {
					for (let h = firstFrom(highlights, line.start); h < highlights.length; h++) {
						const hl = highlights[h]!;
						if (hl.start >= line.end) break;
						if (hl.end > line.start) ranges.push(hl);
					}
				}
				if (ranges.length === 0) {
					return (
						<Text key={top + i} wrap="truncate" {...style}>
							{line.text || ' '}
						</Text>
					);
				}
				return (
					<Text key={top + i} wrap="truncate" {...style}>
						{lineRuns(line, ranges).map((run, r) => (
							<Text key={r} {...(run.tag ? theme.tag(run.tag as Tag) : {})}>
								{run.text}
							</Text>
						))}
					</Text>
				);
			})}
		</Box>
	);
}
