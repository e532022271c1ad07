// Articles' folded text that is not held in memory but read where it lies when a search looks at
// it. Search code indexes `segment.folded[local]` like an array, so this is an array-like proxy
// (other properties, such as length, behave as the array's).

/** How many texts are kept once read: a search looks at one article several times in a row (its passages' ends, then its matches). */
const RECENT = 16;

/**
 * `count` texts, each read by `read(local)` when used. By default only the few most recently read
 * are kept, so memory stays flat however much is searched; `keepAll` keeps every text once read
 * (a disk index whose texts are searched again and again).
 */
export function lazyTexts(count: number, read: (local: number) => string, keepAll = false): string[] {
	const textOf = keepAll ? keptTexts(count, read) : recentTexts(read);
	return new Proxy(new Array<string>(count), {
		get: (array, prop, receiver) => {
			if (typeof prop === 'string' && prop.length > 0 && prop.charCodeAt(0) <= 0x39) {
				const local = Number(prop);
				if (Number.isInteger(local) && local >= 0 && local < count) return textOf(local);
			}
			return Reflect.get(array, prop, receiver);
		},
	});
}

function keptTexts(count: number, read: (local: number) => string): (local: number) => string {
	const kept: (string | undefined)[] = new Array(count);
	return (local) => (kept[local] ??= read(local));
}

function recentTexts(read: (local: number) => string): (local: number) => string {
	const recent = new Map<number, string>();
	return (local) => {
		let text = recent.get(local);
		if (text === undefined) {
			text = read(local);
			recent.set(local, text);
			if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
		}
		return text;
	};
}
