import {useRef, useState} from 'react';

/**
 * useState whose latest value is also readable at once through `ref`: several keys can arrive in
 * one input event, and each must see what the one before it did, before React renders again.
 */
export function useSyncedState<T>(initial: T): [T, (next: T) => void, {current: T}] {
	const [value, setValue] = useState(initial);
	const ref = useRef(value);
	const set = (next: T) => {
		ref.current = next;
		setValue(next);
	};
	return [value, set, ref];
}
