// A bounded memo for pure functions of a string (phonetic keys, normalised names): names repeat
// across an article and a corpus, and the bound keeps memory flat on large corpora (the whole memo
// is dropped when full: cheaper than tracking what was used last, and refilled within an article).

export function boundedMemo<T>(compute: (s: string) => T, limit: number): (s: string) => T {
	const memo = new Map<string, T>();
	return (s: string): T => {
		let value = memo.get(s);
		if (value === undefined) {
			value = compute(s);
			if (memo.size >= limit) memo.clear();
			memo.set(s, value);
		}
		return value;
	};
}
