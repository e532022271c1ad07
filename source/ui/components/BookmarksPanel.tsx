import React from 'react';
import {Box, Text} from 'ink';
import {fitWidth} from '../fit.js';
import {bookmarkListLayout} from '../panel-lists.js';
import type {Theme} from '../theme.js';
import type {Article} from '../../corpus/types.js';
import type {ReadingState} from '../../app/session-state.js';
import {articleKey} from '../../app/article-key.js';

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
	const byKey = new Map(articles.map((a) => [articleKey(a), a]));
	return reading.bookmarks.map((b) => {
		const article = byKey.get(b.key);
		return {title: b.title, here: article !== undefined, percent: article ? Math.round((100 * b.offset) / Math.max(1, article.text.length)) : 0};
	});
}

/** The bookmarks, newest last; the cursor's row is chosen with Enter. Render only. */
export function BookmarksPanel({rows, cursor, width: paneWidth, height, theme}: Props) {
	const width = Math.max(1, paneWidth - 2);
	const {top: first, visible: listHeight} = bookmarkListLayout(rows.length, cursor, height);
	const title =
		rows.length === 0 ? "No bookmarks yet: B marks the place you are reading. (' or Esc closes)" : `${rows.length} bookmark(s): Enter opens, x removes, ' or Esc closes`;
	return (
		<Box flexDirection="column" width={paneWidth} height={height} paddingLeft={1}>
			<Text {...theme.accent} wrap="truncate">
				{fitWidth(title, width)}
			</Text>
			{rows.slice(first, first + listHeight).map((row, i) => {
				const selected = first + i === cursor;
				const where = row.here ? `${String(row.percent).padStart(3)}%` : 'gone';
				return (
					<Text key={first + i} wrap="truncate" {...(selected ? {inverse: true} : row.here ? {} : theme.dim)}>
						{(selected ? '› ' : '  ') + fitWidth(row.title, Math.max(1, width - 8)) + ' ' + where}
					</Text>
				);
			})}
		</Box>
	);
}
