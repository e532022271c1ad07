// Where each of many names occurs in one text, found in a single pass. Looking for every name with
// its own indexOf costs names × text length, which on a long article (a 190,000-character report
// writes hundreds of names) was the largest part of detection.

/**
 * Which code units start some needle of the current call: one table for every call, cleared after
 * use (allocating and zeroing 64 KB twice an article was a third of this function's time).
 */
const firstCodes = new Uint8Array(0x10000);

/** Every start of each needle in `text`, overlapping ones too, ascending ('' is never found). */
export function occurrencesOfAll(text: string, needles: Iterable<string>): Map<string, number[]> {
	const found = new Map<string, number[]>();
	// Needles by their first code unit, and by their first two for the longer ones: a position is
	// checked only against needles that start like it.
	const single = new Map<number, string>();
	const byPair = new Map<number, string[]>();
	try {
		collect(needles, found, single, byPair);
		if (found.size > 0) scan(text, found, single, byPair);
	} finally {
		for (const needle of found.keys()) firstCodes[needle.charCodeAt(0)] = 0;
	}
	return found;
}

function collect(needles: Iterable<string>, found: Map<string, number[]>, single: Map<number, string>, byPair: Map<number, string[]>): void {
	for (const needle of needles) {
		if (needle === '' || found.has(needle)) continue;
		found.set(needle, []);
		const first = needle.charCodeAt(0);
		firstCodes[first] = 1;
		if (needle.length === 1) {
			single.set(first, needle);
			continue;
		}
		const pair = first * 0x10000 + needle.charCodeAt(1);
		const list = byPair.get(pair);
		if (list === undefined) byPair.set(pair, [needle]);
		else list.push(needle);
	}
}

function scan(text: string, found: Map<string, number[]>, single: Map<number, string>, byPair: Map<number, string[]>): void {
	const n = text.length;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (firstCodes[c] === 0) continue;
		const one = single.get(c);
		if (one !== undefined) found.get(one)!.push(i);
		if (i + 1 >= n) continue;
		const list = byPair.get(c * 0x10000 + text.charCodeAt(i + 1));
		if (list === undefined) continue;
		for (const needle of list) if (text.startsWith(needle, i)) found.get(needle)!.push(i);
	}
}
