import {useEffect, useState} from 'react';
import type {CorpusLoad} from '../../corpus/index.js';

/**
 * Re-renders as the corpus grows in the background. Updates are coalesced to a few per second so
 * that loading 10,000 articles does not redraw the screen thousands of times.
 */
export function useCorpus(load: CorpusLoad): {count: number; done: boolean; warnings: number} {
	const snapshot = () => ({count: load.articles.length, done: load.done, warnings: load.warnings.length});
	const [state, setState] = useState(snapshot);
	useEffect(() => {
		let timer: NodeJS.Timeout | undefined;
		const flush = () => {
			timer = undefined;
			setState(snapshot());
		};
		const unsubscribe = load.onUpdate(() => {
			if (load.done) {
				if (timer) clearTimeout(timer);
				flush();
			} else timer ??= setTimeout(flush, 150);
		});
		flush();
		return () => {
			unsubscribe();
			if (timer) clearTimeout(timer);
		};
	}, [load]);
	return state;
}
