import React from 'react';
import {Box, Text} from 'ink';
import {helpKeyWidth, helpLines} from '../help-lines.js';
import {fitWidth} from '../fit.js';
import type {Theme} from '../theme.js';

interface Props {
	/** First line shown (the screen scrolls). */
	top: number;
	width: number;
	height: number;
	theme: Theme;
}

/** Every key, from the same tables the reducer and --help use. */
export function HelpPanel({top, width: paneWidth, height, theme}: Props) {
	// One column of padding on the left, one kept free on the right.
	const width = Math.max(1, paneWidth - 2);
	const keyWidth = helpKeyWidth(width);
	const lines = helpLines(width);
	const shown = lines.slice(top, top + height);
	const more = top + height < lines.length;
	return (
		<Box flexDirection="column" width={paneWidth} height={height} paddingLeft={1}>
			{shown.map((line, i) => {
				const last = more && i === shown.length - 1;
				if (line.kind !== 'row' || last)
					return (
						<Text key={top + i} wrap="truncate" {...(last ? theme.dim : line.kind === 'title' ? theme.accent : {bold: true})}>
							{fitWidth(last ? `↓ more (${lines.length - top - height + 1} lines): j, space, G` : line.what, width)}
						</Text>
					);
				const keysAlone = line.what === '' && line.keys !== '';
				return (
					<Text key={top + i} wrap="truncate">
						<Text {...theme.accent}>{keysAlone ? fitWidth(line.keys, width) : fitWidth(line.keys, keyWidth)}</Text>
						{keysAlone ? '' : fitWidth(line.what, Math.max(0, width - keyWidth), false)}
					</Text>
				);
			})}
		</Box>
	);
}
