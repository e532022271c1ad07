import {useEffect, useState} from 'react';
import {useStdout} from 'ink';
import type {Size} from '../state/env.js';

export type {Size};

/** The terminal's size, following resizes (ink 6 has no useWindowSize). `fixed` is for tests. */
export function useTerminalSize(fixed?: Size): Size {
	const {stdout} = useStdout();
	const read = (): Size => fixed ?? {columns: stdout.columns || 80, rows: stdout.rows || 24};
	const [size, setSize] = useState(read);
	useEffect(() => {
		if (fixed) {
			setSize(fixed);
			return;
		}
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, fixed?.columns, fixed?.rows]);
	return size;
}
