import React from 'react';
import {Box, Text} from 'ink';
import type {Entity} from '../../entities/index.js';
import {fitWidth} from '../fit.js';
import type {Tag, Theme} from '../theme.js';
import {entityListLayout} from '../panel-lists.js';
import {TextField} from './TextField.js';
import {counted} from '../../text/count.js';

interface Props {
	entities: readonly Entity[];
	cursor: number;
	scope: 'article' | 'corpus';
	filter: string;
	building: boolean;
	width: number;
	height: number;
	theme: Theme;
}

const KIND_LABEL: Record<string, string> = {person: 'person', organization: 'org', place: 'place', other: 'other'};

/** The entities of this article or of the corpus, by kind, with every spelling and counts. */
export function EntityPanel({entities, cursor, scope, filter, building, width, height, theme}: Props) {
	const inner = Math.max(1, width - 2);
	const {top, visible} = entityListLayout(entities.length, cursor, height);
	const shown = entities.slice(top, top + visible);
	const mentionDigits = Math.max(1, ...shown.map((e) => String(e.mentionCount).length));
	const articleDigits = Math.max(1, ...shown.map((e) => String(e.articleCount).length));
	const countWidth = mentionDigits + articleDigits + 7;
	const header = `${counted(entities.length, 'entity', 'entities')} in ${scope === 'article' ? 'this article' : 'the corpus'}${building ? ' (still reading the corpus…)' : ''} · Tab: ${scope === 'article' ? 'corpus' : 'this article'} · Enter: focus · Esc`;
	return (
		<Box flexDirection="column" width={width} height={height} paddingLeft={1}>
			<TextField label="entities: " value={filter} width={inner} theme={theme} />
			<Text wrap="truncate" {...theme.dim}>
				{fitWidth(header, inner)}
			</Text>
			<Text {...theme.dim}>{'─'.repeat(inner)}</Text>
			{shown.map((e, i) => {
				const selected = top + i === cursor;
				// Numbers right-aligned in their columns, so that the counts read as a table (our own
				// digits: not through fitWidth, whose sanitising would trim the padding).
				const counts = `${String(e.mentionCount).padStart(mentionDigits)}× ${String(e.articleCount).padStart(articleDigits)} art.`;
				const aliases = e.aliases.filter((a) => a !== e.name).join(', ');
				const nameWidth = Math.min(30, Math.max(8, Math.floor(inner * 0.35)));
				const lead = `${selected ? '›' : ' '} ${KIND_LABEL[e.kind] ?? e.kind}`.padEnd(9);
				return (
					<Text key={e.id} wrap="truncate" {...(selected ? {inverse: true} : {})}>
						<Text {...(selected ? {} : theme.tag(e.kind as Tag))}>{lead}</Text>
						{fitWidth(e.name, nameWidth)}
						<Text {...(selected ? {} : theme.dim)}>{' ' + counts.padEnd(countWidth + 1)}</Text>
						{fitWidth(aliases, Math.max(0, inner - 9 - nameWidth - countWidth - 2), false)}
					</Text>
				);
			})}
		</Box>
	);
}
