// Name normalisation. Two strengths: `displayName` is what an alias looks like (spaces collapsed,
// invisible characters gone), `nameKey` is what two spellings must share to be the same name
// exactly (case, spacing, hyphens, dots, ฯ and Latin accents ignored). Thai letters, vowels and
// tone marks are never folded here: สี and สี่ are different words.

import {boundedMemo} from '../text/memo.js';

/** Zero-width and soft-hyphen characters that hide inside Thai words (รัฐมนตรี\u200bว่าการ). */
export const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Names repeat across a corpus; a bounded memo keeps snapshots and linking cheap and memory flat. */
export const displayName: (s: string) => string = boundedMemo((s) => computeDisplayName(s), 100_000);

function computeDisplayName(s: string): string {
	return s
		.replace(INVISIBLE, '')
		.normalize('NFC')
		.replace(/\u0E4D\u0E32/g, '\u0E33')
		.replace(/\s+/g, ' ')
		.trim();
}

export const nameKey: (s: string) => string = boundedMemo((s) => computeNameKey(s), 100_000);

function computeNameKey(s: string): string {
	return displayName(s)
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.normalize('NFC')
		.toLowerCase()
		.replace(/[\s\-‐‑–—.·'’ฯ]/g, '');
}

/** Text as detection reads it, and where each folded index came from. */
export interface FoldedText {
	text: string;
	/** folded index → original index; undefined when nothing was removed. */
	map?: Int32Array;
}

/**
 * Spaces of other widths, one UTF-16 unit each: half of a government archive's articles space
 * their words with no-break spaces (นาย\u00A0X\u00A0Y), which the rules must read as spaces.
 */
const OTHER_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/**
 * The text as detection reads it: invisible characters removed, other spaces made plain ones
 * (same length, so the map is unchanged by them), and where each folded index came from.
 */
export function foldForDetection(text: string): FoldedText {
	const folded = foldInvisible(text);
	OTHER_SPACES.lastIndex = 0;
	return OTHER_SPACES.test(folded.text) ? {...folded, text: folded.text.replace(OTHER_SPACES, ' ')} : folded;
}

function foldInvisible(text: string): FoldedText {
	INVISIBLE.lastIndex = 0;
	if (!INVISIBLE.test(text)) return {text};
	INVISIBLE.lastIndex = 0;
	const map = new Int32Array(text.length + 1);
	let out = '';
	let n = 0;
	let runStart = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) {
			out += text.slice(runStart, i);
			runStart = i + 1;
			continue;
		}
		map[n++] = i;
	}
	out += text.slice(runStart);
	map[n] = text.length;
	return {text: out, map: map.subarray(0, n + 1)};
}

/** Maps a folded [start, end) back to the original text. */
export function unfoldRange(folded: FoldedText, start: number, end: number): [number, number] {
	const map = folded.map;
	if (map === undefined) return [start, end];
	return [map[start]!, end > start ? map[end - 1]! + 1 : map[start]!];
}
