import {useMemo} from 'react';
import type {CorpusLoad} from '../../corpus/index.js';
import {useThrottledSnapshot} from './useThrottledSnapshot.js';

/** Re-renders as the corpus grows in the background, a few times a second at most. */
export function useCorpus(load: CorpusLoad): {count: number; done: boolean; warnings: number} {
	const subscribe = useMemo(() => (listener: () => void) => load.onUpdate(listener), [load]);
	return useThrottledSnapshot(
		subscribe,
		() => ({count: load.articles.length, done: load.done, warnings: load.warnings.length}),
		() => load.done,
		150,
	);
}
