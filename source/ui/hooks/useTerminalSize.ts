import {useEffect, useState} from 'react';
import {useStdout} from 'ink';
import type {Size} from '../state/env.js';

export type {Size};

const terminalSize = (stdout: NodeJS.WriteStream): Size => ({columns: stdout.columns || 80, rows: stdout.rows || 24});

/** The terminal's size, following resizes (ink 6 has no useWindowSize). `fixed` is for tests. */
export function useTerminalSize(fixed?: Size): Size {
	const {stdout} = useStdout();
	const [size, setSize] = useState<Size>(() => fixed ?? terminalSize(stdout));
	// The fixed size by value: a test may pass a new object with the same numbers on every render.
	const columns = fixed?.columns;
	const rows = fixed?.rows;
	useEffect(() => {
		if (columns !== undefined && rows !== undefined) {
			setSize({columns, rows});
			return;
		}
		const onResize = () => setSize(terminalSize(stdout));
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, columns, rows]);
	return size;
}
