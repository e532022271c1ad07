import React from 'react';
import {Box, Text} from 'ink';
import type {CorpusWarning} from '../../corpus/types.js';
import {fitWidth} from '../fit.js';
import type {Theme} from '../theme.js';

interface Props {
	warnings: readonly CorpusWarning[];
	top: number;
	width: number;
	height: number;
	theme: Theme;
}

/** What was skipped and why: nothing is dropped without the user being able to see it. */
export function WarningsPanel({warnings, top, width: paneWidth, height, theme}: Props) {
	const width = Math.max(1, paneWidth - 1);
	const title = warnings.length === 0 ? 'Nothing was skipped. (w or Esc closes)' : `${warnings.length} file problem(s) (w or Esc closes, j/k scroll)`;
	const rows = warnings.slice(top, top + height - 1);
	return (
		<Box flexDirection="column" width={paneWidth} height={height} paddingLeft={1}>
			<Text {...theme.accent} wrap="truncate">
				{fitWidth(title, width - 1)}
			</Text>
			{rows.map((w, i) => (
				<Text key={top + i} wrap="truncate">
					<Text {...theme.dim}>{fitWidth(`${w.kind}: `, 15)}</Text>
					{fitWidth(`${w.path} — ${w.message}`, Math.max(0, width - 16), false)}
				</Text>
			))}
		</Box>
	);
}
