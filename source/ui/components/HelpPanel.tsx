import React from 'react';
import {Box, Text} from 'ink';
import {keyHelp} from '../keymap.js';
import {fitWidth} from '../fit.js';
import type {Theme} from '../theme.js';

interface Props {
	width: number;
	height: number;
	theme: Theme;
}

/** Every key, from the same table the key handler and --help use. */
export function HelpPanel({width: paneWidth, height, theme}: Props) {
	// One column of padding on the left, one kept free on the right.
	const width = Math.max(1, paneWidth - 2);
	const keyWidth = Math.min(22, Math.max(10, Math.floor(width / 3)));
	const rows: React.ReactNode[] = [
		<Text key="h" {...theme.accent} wrap="truncate">
			{fitWidth('Keys (? or Esc closes)', width)}
		</Text>,
	];
	let section = '';
	for (const k of keyHelp) {
		if (k.section !== section) {
			section = k.section;
			rows.push(
				<Text key={'s' + section} bold wrap="truncate">
					{fitWidth(section, width)}
				</Text>,
			);
		}
		rows.push(
			<Text key={k.keys} wrap="truncate">
				<Text {...theme.accent}>{fitWidth('  ' + k.keys, keyWidth)}</Text>
				{fitWidth(k.what, Math.max(0, width - keyWidth), false)}
			</Text>,
		);
	}
	return (
		<Box flexDirection="column" width={paneWidth} height={height} paddingLeft={1}>
			{rows.slice(0, height)}
		</Box>
	);
}
