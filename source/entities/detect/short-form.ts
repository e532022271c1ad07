// Does a Thai short form abbreviate a full name? Thai short forms take the first consonant of
// chosen syllables of the name, in order, and often skip its head word: กรมทางหลวงชนบท (ทช.),
// กระทรวงคมนาคม (คค.), สำนักงานคณะกรรมการอาหารและยา (อย.), กรมการขนส่งทางบก (ขบ.).

import {forEachThaiCluster, isLeadingVowel, isThaiConsonant} from '../../text/syllables.js';
import {boundedMemo} from '../../text/memo.js';
import {type WordSegment, words} from '../../text/words.js';
import {triggerTrie} from './trigger-trie.js';

/** Nominal words that may open a name or follow its head, skipped by its short form. */
const NOMINALS = ['การ', 'กิจการ'];
/** Heads skipped one after another at most (สำนักงาน|คณะกรรมการ|…). */
const MAX_HEADS = 3;

/**
 * `abbreviation` (its consonants, dots aside) abbreviates `name`: its first letter opens the name,
 * a word inside the head words that open it, or the first syllable after them (and after การ or
 * กิจการ there), and each further letter opens a later syllable of the name, in order. A syllable opens with its first
 * consonant (past a leading vowel), or with the sonorant a silent ห or อ leads (หลัก, อย่า); a
 * consonant that may end one syllable or open the next (คม|นา|คม, เกษ|ตร) counts as opening.
 * One letter abbreviates nothing.
 */
export function abbreviates(name: string, abbreviation: string): boolean {
	const letters = [...abbreviation].filter((ch) => isThaiConsonant(ch.charCodeAt(0)));
	// The letters in order anywhere in the name, before the name is segmented (most names tried fail here).
	if (letters.length < 2 || !lettersInOrder(name, letters)) return false;
	return spelled(`${letters.join('')}\u0000${name}`);
}

/** Names and their short forms repeat across a corpus (the ministries): each pair is read once. */
const spelled = boundedMemo((key: string): boolean => {
	const cut = key.indexOf('\u0000');
	return spells(key.slice(cut + 1), [...key.slice(0, cut)]);
}, 10_000);

function lettersInOrder(name: string, letters: readonly string[]): boolean {
	let at = 0;
	for (const letter of letters) {
		at = name.indexOf(letter, at) + 1;
		if (at === 0) return false;
	}
	return true;
}

function spells(name: string, letters: readonly string[]): boolean {
	const segments = words(name);
	const onsets = syllableOnsets(name, segments);
	for (const anchor of anchors(name, segments)) {
		const first = onsets.findIndex((o) => o.at === anchor);
		if (first >= 0 && onsets[first]!.letters.includes(letters[0]!) && inOrder(onsets, first + 1, letters, 1)) return true;
	}
	return false;
}

interface Onset {
	at: number;
	/** The letters that may stand for this syllable. */
	letters: string[];
}

/**
 * Each syllable's start in `name`, with the letters that may stand for it: clusters word by word,
 * since across a word's end a final reads as the onset of the next (งาน|วัฒนธรรม is not งา|นวัฒ…).
 */
function syllableOnsets(name: string, segments: readonly WordSegment[]): Onset[] {
	const onsets: Onset[] = [];
	const visit = (at: number, weak: boolean): void => {
		let i = at;
		if (!weak && isLeadingVowel(name.charCodeAt(i))) i++;
		const c = name[i];
		if (c === undefined || !isThaiConsonant(c.charCodeAt(0))) return;
		const letters = [c];
		const next = name[i + 1];
		if (!weak && (c === 'ห' || c === 'อ') && next !== undefined && SONORANT_AFTER[c].includes(next)) letters.push(next);
		onsets.push({at, letters});
	};
	for (const w of segments) forEachThaiCluster(name, w.start, w.end, visit);
	return onsets;
}

/** Sonorants a silent ห or อ leads (หง หญ หน หม หย หร หล หว, อย). */
const SONORANT_AFTER = {ห: 'งญนมยรลว', อ: 'ย'} as const;

/**
 * Where the name proper may start: its start; each word inside the head words that open it (คณะ|กรรมการ
 * gives ก: คณะกรรมการนโยบายการเงิน (กนง.); กอง|บัญชาการ gives บ); past them; and past a nominal
 * word after them (การ, กิจการ: กรมการขนส่งทางบก (ขบ.), กรมกิจการเด็กและเยาวชน (ดย.)).
 */
function anchors(name: string, segments: readonly WordSegment[]): number[] {
	const out = [0];
	const skipNominal = (at: number): void => {
		for (const word of NOMINALS) if (name.startsWith(word, at) && at + word.length < name.length) out.push(at + word.length);
	};
	skipNominal(0);
	const trie = triggerTrie();
	let at = 0;
	for (let k = 0; k < MAX_HEADS; k++) {
		const heads = trie.matchesAt(name, at).filter((m) => m.end < name.length && m.values.some((v) => v.type === 'org'));
		const head = heads[heads.length - 1];
		if (head === undefined) break;
		for (const w of segments) if (w.start > at && w.start < head.end) out.push(w.start);
		at = head.end;
		while (name[at] === ' ') at++;
		out.push(at);
		skipNominal(at);
	}
	return out;
}

/** letters[from…] open syllables onsets[start…] in order. */
function inOrder(onsets: readonly Onset[], start: number, letters: readonly string[], from: number): boolean {
	let k = from;
	for (let i = start; i < onsets.length && k < letters.length; i++) if (onsets[i]!.letters.includes(letters[k]!)) k++;
	return k === letters.length;
}
