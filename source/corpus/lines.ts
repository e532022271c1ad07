// Lines of a text as [start, end) offsets. CRLF, lone CR and LF all end a line, and the break
// characters are never inside a line, so spans built from lines hold no \r.

export interface Range {
	start: number;
	end: number;
}

/** Lines of `text[from, to)`; the last line may be empty when the text ends with a break. */
export function lineRanges(text: string, from = 0, to = text.length): Range[] {
	const lines: Range[] = [];
	// indexOf is much faster than a loop over characters on long Thai lines.
	let lf = text.indexOf('\n', from);
	let cr = text.indexOf('\r', from);
	let start = from;
	for (;;) {
		if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
		if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
		const brk = cr < 0 ? lf : lf < 0 ? cr : Math.min(lf, cr);
		if (brk < 0 || brk >= to) break;
		lines.push({start, end: brk});
		start = brk + (text.charCodeAt(brk) === 13 && brk + 1 < to && text.charCodeAt(brk + 1) === 10 ? 2 : 1);
	}
	if (start < to) lines.push({start, end: to});
	return lines;
}

// Unicode white space and the zero-width characters that display as nothing.
const BLANK = /[\s\u200B-\u200D\u2060]/;

/** The range without white space at either end (empty when the line is blank). */
export function trimRange(text: string, start: number, end: number): Range {
	while (start < end && BLANK.test(text[start]!)) start++;
	while (end > start && BLANK.test(text[end - 1]!)) end--;
	return {start, end};
}
