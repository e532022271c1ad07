// Passages are the unit a search result shows: a paragraph, or a sentence of a long one, of up to
// about 180–360 characters. Thai separates sentences and clauses with spaces and paragraphs with
// line breaks, so a passage ends after a whitespace run: at every paragraph break (a heading or a
// one-line paragraph is a passage of its own), at any space once it reaches the target length,
// and, for a long run with no space at all, at a grapheme-cluster boundary. Cutting only after whitespace (or between clusters) keeps the fold of a passage equal
// to the matching piece of the whole text's fold, which lets offsets be recovered passage by passage.

export const PASSAGE_TARGET = 180;
export const PASSAGE_MAX = 360;

function isSpace(code: number): boolean {
	if (code > 0x20 && code < 0x1680) return code === 0xa0 || code === 0x85;
	return (
		code === 0x20 ||
		(code >= 0x09 && code <= 0x0d) ||
		code === 0xa0 ||
		code === 0x85 ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x202f ||
		code === 0x205f ||
		code === 0x3000
	);
}

/** True when a character continues the grapheme cluster before it (Thai above/below vowels and marks, SARA AM, combining marks, low surrogates, joiners). */
export function continuesCluster(code: number): boolean {
	return (
		code === 0x0e31 ||
		(code >= 0x0e33 && code <= 0x0e3a) ||
		(code >= 0x0e47 && code <= 0x0e4e) ||
		(code >= 0x0300 && code <= 0x036f) ||
		(code >= 0xdc00 && code <= 0xdfff) ||
		code === 0x200c ||
		code === 0x200d ||
		(code >= 0xfe00 && code <= 0xfe0f)
	);
}

function canCutBefore(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	if (continuesCluster(c)) return false;
	// า after ํ (with or without a tone between) is half of a SARA AM the fold joins.
	if (c === 0x0e32) {
		const p = text.charCodeAt(i - 1);
		if (p === 0x0e4d || (p >= 0x0e48 && p <= 0x0e4b && text.charCodeAt(i - 2) === 0x0e4d)) return false;
	}
	return true;
}

/** True when the space run text[i, j) stands between an ASCII letter and a digit (Latin or Thai). */
function lettersThenDigit(text: string, i: number, j: number): boolean {
	for (let k = i; k < j; k++) if (text.charCodeAt(k) !== 0x20) return false;
	const before = text.charCodeAt(i - 1) | 0x20;
	const after = text.charCodeAt(j);
	return before >= 0x61 && before <= 0x7a && ((after >= 0x30 && after <= 0x39) || (after >= 0x0e50 && after <= 0x0e59));
}

/** Appends the start offsets of `text[from, to)`'s passages to `out` (the first is `from`). */
export function passageStarts(text: string, from: number, to: number, out: number[]): void {
	let start = from;
	out.push(from);
	let i = from;
	while (i < to) {
		const c = text.charCodeAt(i);
		// Thai and most letters: neither space nor a reason to cut (the common case, made quick).
		if (c >= 0x0e00 && c < 0x1680 && i - start < PASSAGE_MAX) {
			i++;
			continue;
		}
		if (isSpace(c)) {
			let j = i;
			let newline = false;
			while (j < to) {
				const d = text.charCodeAt(j);
				// Invisible characters inside a run belong to it (the fold drops them anyway).
				if (!isSpace(d) && d !== 0x200b && d !== 0x2060 && d !== 0xfeff) break;
				if (d === 0x0a || d === 0x0d || d === 0x2029) newline = true;
				j++;
			}
			// Never between a Latin letter and a digit joined by spaces: the fold drops those spaces
			// (PM 2.5 = PM2.5), and a passage must fold the same alone as with its neighbours.
			if (j < to && (newline || (j - start >= PASSAGE_TARGET && !lettersThenDigit(text, i, j)))) {
				out.push(j);
				start = j;
			}
			i = j;
			continue;
		}
		if (i - start >= PASSAGE_MAX && canCutBefore(text, i)) {
			out.push(i);
			start = i;
		}
		i++;
	}
}
