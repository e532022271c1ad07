import {useEffect, useRef, useState} from 'react';

/**
 * A snapshot of something that changes in the background (the corpus loading, the indexes being
 * built), re-read at most every `ms` while it changes and at once when it is done, so that work
 * on 10,000 articles does not redraw the screen thousands of times.
 */
export function useThrottledSnapshot<T>(subscribe: ((listener: () => void) => () => void) | undefined, read: () => T, isDone: () => boolean, ms: number): T {
	const [state, setState] = useState(read);
	// The latest readers, without subscribing again when a caller passes new functions each render.
	const readers = useRef({read, isDone});
	readers.current = {read, isDone};
	useEffect(() => {
		if (!subscribe) return;
		const {read, isDone} = {read: () => readers.current.read(), isDone: () => readers.current.isDone()};
		let timer: NodeJS.Timeout | undefined;
		const flush = () => {
			timer = undefined;
			setState(read());
		};
		const unsubscribe = subscribe(() => {
			if (isDone()) {
				if (timer) clearTimeout(timer);
				flush();
			} else timer ??= setTimeout(flush, ms);
		});
		flush();
		return () => {
			unsubscribe();
			if (timer) clearTimeout(timer);
		};
	}, [subscribe, ms]);
	return state;
}
