import React from 'react';
import {Text} from 'ink';
import {fitWidth} from '../fit.js';
import {stringWidth} from '../../text/width.js';
import type {Theme} from '../theme.js';

interface Props {
	/** Pieces shown left to right, separated by ' │ '; later pieces are cut first when space runs out. */
	left: string[];
	/** Hints on the right, most important last: whole hints are dropped from the left, never cut. */
	right: readonly string[];
	width: number;
	theme: Theme;
}

const HINT_GAP = '  ';

/** The hints that fit in `room` columns, dropping the first ones first. */
function fittingHints(hints: readonly string[], room: number): string {
	for (let from = 0; from < hints.length; from++) {
		const text = hints.slice(from).join(HINT_GAP);
		if (stringWidth(text) <= room) return text;
	}
	return '';
}

export function StatusBar({left, right, width, theme}: Props) {
	// The hints are ours (no sanitising needed, which would also fold their double spaces).
	const rightText = fittingHints(right, Math.max(0, Math.floor(width / 3)));
	const room = Math.max(0, width - stringWidth(rightText) - 1);
	const leftText = fitWidth(' ' + left.filter(Boolean).join(' │ '), room);
	return (
		<Text wrap="truncate" {...theme.bar}>
			{leftText + ' ' + rightText}
		</Text>
	);
}
