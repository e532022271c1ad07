import {useEffect, useRef, useState} from 'react';
import {redrawDelay} from './redraw-delay.js';

/**
 * A snapshot of something that changes in the background (the corpus loading, the indexes being
 * built), re-read at most every `ms` while it changes and at once when it is done, so that work
 * on 10,000 articles does not redraw the screen thousands of times. With `lastKey` (when the user
 * last pressed a key, Date.now()), a change waits for a pause in the typing (redraw-delay.ts).
 */
export function useThrottledSnapshot<T>(
	subscribe: ((listener: () => void) => () => void) | undefined,
	read: () => T,
	isDone: () => boolean,
	ms: number,
	lastKey?: () => number,
): T {
	const [state, setState] = useState(read);
	// The latest readers, without subscribing again when a caller passes new functions each render.
	const readers = useRef({read, isDone, lastKey});
	readers.current = {read, isDone, lastKey};
	useEffect(() => {
		if (!subscribe) return;
		const {read, isDone} = {read: () => readers.current.read(), isDone: () => readers.current.isDone()};
		let timer: NodeJS.Timeout | undefined;
		let pendingSince = 0;
		const flush = () => {
			timer = undefined;
			setState(read());
		};
		const flushWhenQuiet = () => {
			const last = readers.current.lastKey?.();
			const wait = last === undefined ? 0 : redrawDelay(Date.now(), last, pendingSince);
			if (wait > 0) timer = setTimeout(flushWhenQuiet, wait);
			else flush();
		};
		const unsubscribe = subscribe(() => {
			if (isDone()) {
				if (timer) clearTimeout(timer);
				flush();
			} else if (!timer) {
				pendingSince = Date.now();
				timer = setTimeout(flushWhenQuiet, ms);
			}
		});
		flush();
		return () => {
			unsubscribe();
			if (timer) clearTimeout(timer);
		};
	}, [subscribe, ms]);
	return state;
}
