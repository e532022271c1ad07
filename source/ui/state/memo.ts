/**
 * `fn` remembering its last few answers by the identity of its arguments. The reducer asks for the
 * same derived things (the sidebar order, an entity lookup) on every key, and most keys change none
 * of their inputs: a few remembered calls make that free without a cache anyone must clear.
 */
export function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R, size = 4): (...args: A) => R {
	const calls: Array<{args: A; result: R}> = [];
	return (...args: A) => {
		const i = calls.findIndex((c) => c.args.length === args.length && c.args.every((a, j) => Object.is(a, args[j])));
		if (i !== -1) {
			const hit = calls[i]!;
			if (i > 0) calls.unshift(...calls.splice(i, 1));
			return hit.result;
		}
		const result = fn(...args);
		calls.unshift({args, result});
		if (calls.length > size) calls.pop();
		return result;
	};
}
