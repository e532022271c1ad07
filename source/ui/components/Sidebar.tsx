import React from 'react';
import {Box, Text} from 'ink';
import type {Article} from '../../corpus/types.js';
import {fitWidth} from '../fit.js';
import type {Theme} from '../theme.js';

interface Props {
	articles: readonly Article[];
	order: readonly number[];
	cursor: number;
	top: number;
	current: number;
	focused: boolean;
	width: number;
	height: number;
	header: string;
	theme: Theme;
	/** Whether the article was read before (remembered between runs): its title is dimmed. */
	isRead?: (index: number) => boolean;
}

/** A window of the article list as tall as the pane; the cursor and the open article are marked. */
export function Sidebar({articles, order, cursor, top, current, focused, width, height, header, theme, isRead}: Props) {
	const listHeight = Math.max(0, height - 1);
	const rows = order.slice(top, top + listHeight);
	const inner = width - 1;
	// One Text node for the whole list: Ink lays out and draws each node on every frame.
	const list: React.ReactNode[] = [];
	rows.forEach((index, i) => {
		const article = articles[index]!;
		const position = top + i;
		const selected = position === cursor;
		// Marks that do not rely on colour: ▍ the open article, › the cursor.
		const marker = (index === current ? '▍' : ' ') + (selected && focused ? '›' : ' ');
		const date = article.date?.iso ?? '';
		const dateWidth = date && inner >= 24 ? date.length + 1 : 0;
		const title = fitWidth(article.title, inner - 2 - dateWidth);
		const style = selected ? (focused ? {inverse: true} : {bold: true}) : {};
		list.push(
			<Text key={index} {...style}>
				{i > 0 ? '\n' : ''}
				<Text {...theme.accent}>{marker}</Text>
				{!selected && index !== current && isRead?.(index) ? <Text {...theme.dim}>{title}</Text> : title}
				{dateWidth > 0 ? <Text {...(selected && focused ? {} : theme.dim)}>{' ' + date}</Text> : null}
			</Text>,
		);
	});
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate" {...(focused ? theme.accent : theme.dim)}>
				{fitWidth(header, inner)}
			</Text>
			<Text wrap="truncate">{list}</Text>
		</Box>
	);
}

/** Skipped when nothing it shows has changed (scrolling the reader re-renders the app). */
export const MemoSidebar = React.memo(Sidebar);
