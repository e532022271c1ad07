// Finding a pattern in the index's tone-less text and telling how well it matches: the tone-less
// query is found with indexOf (native string search on one-byte strings), and the tone marks the
// text had there, kept aside, are compared with the query's to tell an exact match from a
// tone-insensitive one.
import type {FoldedWithOffsets} from '../text/fold.js';
import type {Pattern} from './query.js';
import {isCompactTone} from './trigrams.js';

/** The first match starting at or after `from`: its start (its end is start + toneless length), or -1. */
export function findMatch(text: string, from: number, pattern: Pattern): number {
	return text.indexOf(pattern.toneless, from);
}

/** Tone marks of one text: mark k stands after pos[k] tone-less units; [from, to) is this text's part of the arrays. */
export interface Tones {
	pos: Int32Array;
	mark: Uint8Array | Int32Array;
	from: number;
	to: number;
}

/** First k in [from, to) with pos[k] > at. */
function firstAfter(tones: Tones, at: number): number {
	let lo = tones.from;
	let hi = tones.to;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (tones.pos[mid]! > at) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/**
 * True when the text's tone marks on the match [start, end) (after each of its units, the last
 * included) are exactly the pattern's. A mark after the unit before the match belongs to that unit.
 */
export function tonesEqual(tones: Tones, start: number, end: number, pattern: Pattern): boolean {
	let k = firstAfter(tones, start);
	let j = 0;
	for (; k < tones.to && tones.pos[k]! <= end; k++, j++) {
		if (j >= pattern.tonePos.length || tones.pos[k]! - start !== pattern.tonePos[j] || tones.mark[k] !== pattern.toneMark[j]) return false;
	}
	return j === pattern.tonePos.length;
}

/** How many tone marks follow the match's last unit (they belong to the match when mapping it back). */
export function trailingTones(tones: Tones, end: number): number {
	let n = 0;
	for (let k = firstAfter(tones, end - 1); k < tones.to && tones.pos[k] === end; k++) n++;
	return n;
}

/** A compact fold with offsets, split like the index's text: tone-less text, its tone marks, and each tone-less unit's index in the fold. */
export interface TonelessView {
	text: string;
	tones: Tones;
	folded: FoldedWithOffsets;
	toFolded: Int32Array;
}

/** Each tone-less unit's index in a compact fold (the fold without its tone marks). */
export function tonelessUnits(folded: string): Int32Array {
	const toFolded = new Int32Array(folded.length);
	let t = 0;
	for (let i = 0; i < folded.length; i++) if (!isCompactTone(folded.charCodeAt(i))) toFolded[t++] = i;
	return toFolded.subarray(0, t);
}

export function tonelessView(folded: FoldedWithOffsets): TonelessView {
	const n = folded.text.length;
	const pos: number[] = [];
	const mark: number[] = [];
	let text = '';
	let parts: string[] = [];
	let t = 0;
	for (let i = 0; i < n; i++) {
		const unit = folded.text.charCodeAt(i);
		if (isCompactTone(unit)) {
			pos.push(t);
			mark.push(unit);
		} else {
			parts.push(folded.text[i]!);
			t++;
			if (parts.length === 4096) {
				text += parts.join('');
				parts = [];
			}
		}
	}
	text += parts.join('');
	return {text, tones: {pos: Int32Array.from(pos), mark: Int32Array.from(mark), from: 0, to: pos.length}, folded, toFolded: tonelessUnits(folded.text)};
}

/** Source range of the tone-less match [start, end) of a view: from its first unit's source to its last unit's (and trailing marks') end. */
export function viewSourceRange(view: TonelessView, start: number, end: number): [number, number] {
	const first = view.toFolded[start]!;
	const last = view.toFolded[end - 1]! + trailingTones(view.tones, end);
	return [view.folded.starts[first]!, view.folded.ends[last]!];
}
