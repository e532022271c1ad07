import React from 'react';
import {Box, Text} from 'ink';
import type {Article} from '../../corpus/types.js';
import type {Hit, SearchResult} from '../../search/index.js';
import {fitSnippet} from '../../search/snippet.js';
import type {Entity} from '../../entities/index.js';
import {fitRuns, fitWidth, type StyledRun} from '../fit.js';
import type {Theme} from '../theme.js';
import {TextField} from './TextField.js';
import {searchListLayout} from '../panel-lists.js';
import {counted} from '../../text/count.js';

export type SearchRow = {type: 'entity'; entity: Entity} | {type: 'hit'; hit: Hit};

interface Props {
	query: string;
	scope: 'corpus' | 'article';
	rows: readonly SearchRow[];
	cursor: number;
	result?: SearchResult;
	articles: readonly Article[];
	/** Articles indexed so far, while the index is being built. */
	progress?: {indexed: number; total: number};
	width: number;
	height: number;
	theme: Theme;
}

/** A snippet with its highlights (widened to clusters by search), cut to the width. */
function Snippet({hit, width, theme}: {hit: Hit; width: number; theme: Theme}) {
	const runs: StyledRun<'match'>[] = [];
	let at = 0;
	// The match in the middle of the room there is, cut at word boundaries.
	const {text, highlights} = fitSnippet({text: hit.snippet, highlights: hit.snippetHighlights}, Math.max(1, width - 4));
	for (const [from, to] of highlights) {
		if (from > at) runs.push({text: text.slice(at, from)});
		runs.push({text: text.slice(from, to), style: 'match'});
		at = to;
	}
	if (at < text.length) runs.push({text: text.slice(at)});
	return (
		<Text wrap="truncate">
			{'    '}
			{fitRuns(runs, Math.max(1, width - 4)).map((r, i) => (
				<Text key={i} {...(r.style ? theme.tag(r.style) : {})}>
					{r.text}
				</Text>
			))}
		</Text>
	);
}

export function SearchPanel({query, scope, rows, cursor, result, articles, progress, width, height, theme}: Props) {
	const inner = Math.max(1, width - 2);
	const status: string[] = [];
	if (result && query.trim() !== '') {
		status.push(`${result.exhaustive ? counted(result.total, 'passage') : `${result.total}+ passages`}`);
		status.push(`${result.elapsedMs < 10 ? result.elapsedMs.toFixed(1) : Math.round(result.elapsedMs)} ms`);
		if (result.layoutConverted) status.push(`showing results for ${result.effectiveQuery}`);
		if (result.partial) status.push('no article holds every word: best partial matches');
		status.push(...result.notes);
	}
	if (progress && progress.indexed < progress.total) status.push(`indexed ${progress.indexed}/${progress.total}`);
	const {top, visible} = searchListLayout(rows.length, cursor, height);
	const shown = rows.slice(top, top + visible);
	return (
		<Box flexDirection="column" width={width} height={height} paddingLeft={1}>
			<TextField label={scope === 'corpus' ? 'search: ' : 'search this article: '} value={query} width={inner} theme={theme} />
			<Text wrap="truncate" {...theme.dim}>
				{fitWidth(status.join(' · ') || 'type to search · Tab: this article / all · ↑↓ choose · Enter open · Esc close', inner)}
			</Text>
			<Text {...theme.dim}>{'─'.repeat(inner)}</Text>
			{shown.length === 0 && query.trim() !== '' && result ? <Text {...theme.dim}>{fitWidth('no match', inner)}</Text> : null}
			{shown.map((row, i) => {
				const selected = top + i === cursor;
				const mark = selected ? '› ' : '  ';
				if (row.type === 'entity') {
					const e = row.entity;
					const aliases = e.aliases
						.filter((a) => a !== e.name)
						.slice(0, 4)
						.join(', ');
					return (
						<Box key={'e' + e.id} flexDirection="column">
							<Text wrap="truncate" {...(selected ? {inverse: true} : {})}>
								{fitWidth(`${mark}◆ ${e.name} (${e.kind}, ${counted(e.mentionCount, 'mention')} in ${counted(e.articleCount, 'article')})`, inner)}
							</Text>
							<Text wrap="truncate" {...theme.dim}>
								{fitWidth(`    ${aliases || 'entity: Enter focuses it and jumps to its first mention'}`, inner)}
							</Text>
						</Box>
					);
				}
				const hit = row.hit;
				const article = articles[hit.ordinal];
				const date = article?.date?.iso ? ` · ${article.date.iso}` : '';
				return (
					<Box key={`${hit.articleId}:${hit.start}:${i}`} flexDirection="column">
						<Text wrap="truncate" {...(selected ? {inverse: true} : theme.accent)}>
							{fitWidth(`${mark}${article?.title ?? hit.articleId}${date}`, inner)}
						</Text>
						<Snippet hit={hit} width={inner} theme={theme} />
					</Box>
				);
			})}
		</Box>
	);
}
