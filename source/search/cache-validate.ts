// A cache file's CRC proves only that its bytes are the ones some writer wrote: a file forged or
// written by a faulty version can hold a valid CRC and offsets that point anywhere (a count of 2^31
// once made search allocate a typed array of that length and throw). So before a cached segment is
// searched, every count, offset and length in it is checked against the invariants the builder
// guarantees (segment.ts): search code may then index its arrays without checks. Linear in the
// segment's size, a few milliseconds per thousand articles.
import {TITLE_IN_TEXT, TITLE_SYNTHETIC, type Segment} from './segment.js';
import {isCompactTone, KEY_SPACE} from './trigrams.js';

/** What the search reads of a segment, as restored from the cache (ordinals and files are checked by the caller). */
export type CachedArrays = Omit<Segment, 'ordinals' | 'ids' | 'files'>;

/** True when `seg` (for `count` articles with these text and title lengths) can be searched safely. */
export function validSegment(seg: CachedArrays, count: number): boolean {
	const passages = seg.passageStart.length;
	if (
		seg.folded.length !== count ||
		seg.toneMark.length !== seg.tonePos.length ||
		seg.counts.length !== seg.keys.length ||
		seg.offsets.length !== seg.keys.length + 1 ||
		!validShapes(seg, count)
	) {
		return false;
	}
	const foldedLength = (a: number) => seg.folded[a]!.length;
	return validPassages(seg, count, foldedLength) && validTones(seg, count, foldedLength) && validPostings(seg, passages);
}

/** The per-article and per-passage arrays' lengths agree, within the Uint16 ids of a segment. */
export function validShapes(
	seg: Pick<CachedArrays, 'textLengths' | 'titleLengths' | 'articlePassages' | 'articleTones' | 'passageArticle' | 'passageSource' | 'passageFlags' | 'passageStart'>,
	count: number,
): boolean {
	const passages = seg.passageStart.length;
	return (
		seg.textLengths.length === count &&
		seg.titleLengths.length === count &&
		seg.articlePassages.length === count + 1 &&
		seg.articleTones.length === count + 1 &&
		seg.passageArticle.length === passages &&
		seg.passageSource.length === passages &&
		seg.passageFlags.length === passages &&
		// Passage → article is a Uint16, and so are passage ids in the builder's postings.
		count <= 0x10000 &&
		passages <= 0x10000
	);
}

/** Each article's passages: in order, inside its folded text (of `foldedLength(a)` units) and its source. */
export function validPassages(
	seg: Pick<CachedArrays, 'textLengths' | 'titleLengths' | 'articlePassages' | 'passageArticle' | 'passageSource' | 'passageFlags' | 'passageStart'>,
	count: number,
	foldedLength: (a: number) => number,
): boolean {
	if (seg.articlePassages[0] !== 0 || seg.articlePassages[count] !== seg.passageStart.length) return false;
	for (let a = 0; a < count; a++) {
		const folded = foldedLength(a);
		const textLength = seg.textLengths[a]!;
		const titleLength = seg.titleLengths[a]!;
		if (textLength < 0 || titleLength < 0) return false;
		const from = seg.articlePassages[a]!;
		const to = seg.articlePassages[a + 1]!;
		if (to < from) return false;
		let start = 0;
		let source = 0;
		for (let p = from; p < to; p++) {
			const flags = seg.passageFlags[p]!;
			if (seg.passageArticle[p] !== a || (flags & ~(TITLE_SYNTHETIC | TITLE_IN_TEXT)) !== 0) return false;
			if (seg.passageStart[p]! < start || seg.passageStart[p]! > folded) return false;
			start = seg.passageStart[p]!;
			const at = seg.passageSource[p]!;
			if (flags & TITLE_SYNTHETIC) {
				// The title, not in the text, comes first and is read from its start.
				if (p !== from || at !== 0) return false;
			} else {
				if (at < source || at > textLength) return false;
				source = at;
			}
		}
	}
	return true;
}

/** Each article's tone marks: in order, inside its folded text. */
export function validTones(seg: Pick<CachedArrays, 'articleTones' | 'tonePos' | 'toneMark'>, count: number, foldedLength: (a: number) => number): boolean {
	if (seg.toneMark.length !== seg.tonePos.length) return false;
	if (seg.articleTones[0] !== 0 || seg.articleTones[count] !== seg.tonePos.length) return false;
	for (let a = 0; a < count; a++) {
		const folded = foldedLength(a);
		const toneFrom = seg.articleTones[a]!;
		const toneTo = seg.articleTones[a + 1]!;
		if (toneTo < toneFrom) return false;
		let pos = 0;
		for (let k = toneFrom; k < toneTo; k++) {
			if (seg.tonePos[k]! < pos || seg.tonePos[k]! > folded || !isCompactTone(seg.toneMark[k]!)) return false;
			pos = seg.tonePos[k]!;
		}
	}
	return true;
}

/** Keys sorted and in range. */
export function validKeys(keys: Int32Array): boolean {
	for (let k = 0; k < keys.length; k++) {
		const key = keys[k]!;
		if (key < 0 || key >= KEY_SPACE || (k > 0 && key <= keys[k - 1]!)) return false;
	}
	return true;
}

/** Keys sorted and in range; each key's postings a valid run (validRun) inside `postings`, in order. */
function validPostings(seg: CachedArrays, passages: number): boolean {
	const {keys, offsets, counts, postings} = seg;
	if (offsets[0] !== 0 || offsets[keys.length] !== postings.length || !validKeys(keys)) return false;
	for (let k = 0; k < keys.length; k++) {
		if (offsets[k + 1]! < offsets[k]! || !validRun(postings, offsets[k]!, offsets[k + 1]!, counts[k]!, passages)) return false;
	}
	return true;
}

/** postings[at, end) is a run of varints decoding to exactly `count` (> 0) ascending passage ids below `passages`. */
export function validRun(postings: Uint8Array, at: number, end: number, count: number, passages: number): boolean {
	let prev = -1;
	let n = 0;
	while (at < end) {
		let b = postings[at++]!;
		n++;
		// Most deltas fit one byte.
		if (b < 0x80) {
			if (b === 0) return false;
			prev += b;
			continue;
		}
		let value = b & 0x7f;
		let shift = 7;
		while (b >= 0x80) {
			// Passage ids are below 2^16: a delta needs three bytes at most.
			if (at >= end || shift > 14) return false;
			b = postings[at++]!;
			value |= (b & 0x7f) << shift;
			shift += 7;
		}
		if (value === 0) return false;
		prev += value;
	}
	// Deltas of at least one: the ids ascend, and the last is the largest.
	return prev < passages && n === count && n > 0;
}
