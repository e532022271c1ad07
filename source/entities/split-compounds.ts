// Words Intl.Segmenter cuts into pieces, one of which alone is an everyday word that ends a name
// (ช่วย|เหลือ, อู่|ตะเภา, พระมหา|กษัตริย์): learned from people's segmentation and from pieces that
// stick together in running text (bench/build-split-compounds.ts). A name reader that meets such a
// piece right after the pieces before it is inside a word, not at the name's end. Words none of whose pieces
// ends a name are listed too (ตะวัน|ออก): a name cut between their pieces is widened (find-mentions.ts).
import {SPLIT_COMPOUND_LIST} from './split-compounds-data.js';

interface Entry {
	/** The pieces before this one, joined, and those after it. */
	before: string;
	after: string;
}

let byPiece: Map<string, Entry[]> | undefined;

function entries(): Map<string, Entry[]> {
	if (byPiece !== undefined) return byPiece;
	byPiece = new Map();
	for (const compound of SPLIT_COMPOUND_LIST.split(' ')) {
		const pieces = compound.split('|');
		for (let i = 1; i < pieces.length; i++) {
			const entry = {before: pieces.slice(0, i).join(''), after: pieces.slice(i + 1).join('')};
			const list = byPiece.get(pieces[i]!);
			if (list === undefined) byPiece.set(pieces[i]!, [entry]);
			else list.push(entry);
		}
	}
	return byPiece;
}

/**
 * The word `word` at `at` is a piece, not the first, of a listed compound that starts at or after
 * `from`: where the compound (the longest one) starts and ends, or undefined.
 */
export function splitCompoundAt(text: string, from: number, at: number, word: string): {start: number; end: number} | undefined {
	let found: {start: number; end: number} | undefined;
	for (const {before, after} of entries().get(word) ?? []) {
		if (at - before.length < from || !text.startsWith(before, at - before.length) || !text.startsWith(after, at + word.length)) continue;
		const end = at + word.length + after.length;
		if (found === undefined || end > found.end) found = {start: at - before.length, end};
	}
	return found;
}
