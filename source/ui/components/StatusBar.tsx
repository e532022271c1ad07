import React from 'react';
import {Text} from 'ink';
import {fitWidth} from '../fit.js';
import type {Theme} from '../theme.js';

interface Props {
	/** Pieces shown left to right, separated by ' │ '; later pieces are cut first when space runs out. */
	left: string[];
	right: string;
	width: number;
	theme: Theme;
}

export function StatusBar({left, right, width, theme}: Props) {
	const rightText = fitWidth(right, Math.min(right.length + 1, Math.max(0, Math.floor(width / 3))), false);
	const room = Math.max(0, width - rightText.length - 1);
	const leftText = fitWidth(' ' + left.filter(Boolean).join(' │ '), room);
	return (
		<Text wrap="truncate" {...theme.bar}>
			{leftText + ' ' + rightText}
		</Text>
	);
}
