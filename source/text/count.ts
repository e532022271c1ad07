// A count with its noun, singular for one: "1 mention", "3 mentions", "1 match", "2 matches".

/** `n` and the noun for it: `one` for exactly 1, else `many` (the noun and an s by default). */
export function counted(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}
