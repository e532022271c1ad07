// Where each of many names occurs in one text, found in a single pass. Looking for every name with
// its own indexOf costs names × text length, which on a long article (a 190,000-character report
// writes hundreds of names) was the largest part of detection.

/** Every start of each needle in `text`, overlapping ones too, ascending ('' is never found). */
export function occurrencesOfAll(text: string, needles: Iterable<string>): Map<string, number[]> {
	const found = new Map<string, number[]>();
	// Needles by their first code unit, and by their first two for the longer ones: a position is
	// checked only against needles that start like it.
	const firstCodes = new Uint8Array(0x10000);
	const single = new Map<number, string>();
	const byPair = new Map<number, string[]>();
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
	if (found.size === 0) return found;
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
	return found;
}
