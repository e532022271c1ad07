import React from 'react';
import {Text} from 'ink';
import {fitWidth} from '../fit.js';
import {clusterWidth, stringWidth} from '../../text/width.js';
import {graphemes} from '../../text/graphemes.js';
import {stripUnsafe} from '../../text/sanitize.js';
import type {Theme} from '../theme.js';

interface Props {
	label: string;
	value: string;
	width: number;
	theme: Theme;
}

/** A one-line input: label, the end of the value when it is too long, and a block cursor. */
export function TextField({label, value, width, theme}: Props) {
	const room = Math.max(1, width - stringWidth(label) - 1);
	const clusters = graphemes(stripUnsafe(value).replace(/\s/g, ' '));
	// Keep the end in view: that is where the user types.
	let used = 0;
	let from = clusters.length;
	while (from > 0 && used + clusterWidth(clusters[from - 1]!) <= room) used += clusterWidth(clusters[--from]!);
	const shown = clusters.slice(from).join('');
	return (
		<Text wrap="truncate">
			<Text {...theme.accent}>{label}</Text>
			{shown}
			<Text inverse> </Text>
			{fitWidth('', Math.max(0, room - stringWidth(shown)))}
		</Text>
	);
}
