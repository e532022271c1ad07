import {useMemo} from 'react';
import type {BackgroundIndexer, BackgroundState} from '../background.js';
import {useThrottledSnapshot} from './useThrottledSnapshot.js';

/**
 * The indexes as far as they are built; re-renders at most a few times a second while building,
 * and not while the user types (`lastKey`: when the last key came, Date.now()).
 */
export function useBackground(indexer: BackgroundIndexer | undefined, lastKey?: () => number): BackgroundState | undefined {
	const subscribe = useMemo(() => indexer && ((listener: () => void) => indexer.onUpdate(listener)), [indexer]);
	return useThrottledSnapshot(
		subscribe,
		() => indexer?.state,
		() => Boolean(indexer && indexer.state.searchDone && indexer.state.entitiesDone),
		250,
		lastKey,
	);
}
