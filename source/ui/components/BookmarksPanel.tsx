import React from 'react';
import {Box, Text} from 'ink';
import {fitWidth} from '../fit.js';
import {bookmarkListLayout} from '../panel-lists.js';
import type {Theme} from '../theme.js';
import type {Article} from '../../corpus/types.js';
import type {ReadingState} from '../../app/session-state.js';
import {textLengthOf} from '../../corpus/article-store.js';
import {indexOfBookmark} from '../state/memory.js';

export interface BookmarkRow {
	title: string;
	/** How far into the article, in percent of its text. */
	percent: number;
	/** False when the article is not among those open now (it cannot be opened from here). */
	here: boolean;
}

interface Props {
	rows: readonly BookmarkRow[];
	cursor: number;
	width: number;
	height: number;
	theme: Theme;
}

/** The bookmarks as the panel lists them: where each is, and whether its article is open now. */
export function bookmarkRowsOf(reading: ReadingState | undefined, articles: readonly Article[]): BookmarkRow[] {
	if (!reading) return [];
	return reading.bookmarks.map((b) => {
		const article = articles[indexOfBookmark(articles, b)];
		return {title: b.title, here: article !== undefined, percent: article ? Math.round((100 * b.offset) / Math.max(1, textLengthOf(article))) : 0};
	});
}

/** The bookmarks, newest last; the cursor's row is chosen with Enter. Render only. */
export function BookmarksPanel({rows, cursor, width: paneWidth, height, theme}: Props) {
	const width = Math.max(1, paneWidth - 2);
	const {top: first, visible: listHeight} = bookmarkListLayout(rows.length, cursor, height);
	// On a bookmark whose article is not open now, the title line says what that row is.
	const title =
		rows.length === 0
			? "No bookmarks yet: B marks the place you are reading. (' or Esc closes)"
			: rows[cursor]?.here === false
				? 'missing: its article is not among those open now (the title is as it was kept) · x removes it'
				: `${rows.length} bookmark(s): Enter opens, x removes, ' or Esc closes`;
	return (
		<Box flexDirection="column" width={paneWidth} height={height} paddingLeft={1}>
			<Text {...theme.accent} wrap="truncate">
				{fitWidth(title, width)}
			</Text>
			{rows.slice(first, first + listHeight).map((row, i) => {
				const selected = first + i === cursor;
				const where = row.here ? `${String(row.percent).padStart(7)}%` : 'missing ';
				return (
					<Text key={first + i} wrap="truncate" {...(selected ? {inverse: true} : row.here ? {} : theme.dim)}>
						{(selected ? '› ' : '  ') + fitWidth(row.title, Math.max(1, width - 12)) + ' ' + where}
					</Text>
				);
			})}
		</Box>
	);
}
