import {useEffect, useState} from 'react';
import type {BackgroundIndexer, BackgroundState} from '../background.js';

/** The indexes as far as they are built; re-renders at most a few times a second while building. */
export function useBackground(indexer: BackgroundIndexer | undefined): BackgroundState | undefined {
	const [state, setState] = useState(indexer?.state);
	useEffect(() => {
		if (!indexer) return;
		let timer: NodeJS.Timeout | undefined;
		const flush = () => {
			timer = undefined;
			setState(indexer.state);
		};
		const unsubscribe = indexer.onUpdate(() => {
			const s = indexer.state;
			if (s.searchDone && s.entitiesDone) {
				if (timer) clearTimeout(timer);
				flush();
			} else timer ??= setTimeout(flush, 250);
		});
		flush();
		return () => {
			unsubscribe();
			if (timer) clearTimeout(timer);
		};
	}, [indexer]);
	return state;
}
