// Features of one unit for the tagger, as hashed bucket numbers: the unit and its neighbours (one to
// three on each side, alone and as n-grams, which stand in for words), the shape of the context
// (Thai, Latin, digit, space, punctuation), where a listed word starts or ends (titles, organisation
// and place heads, gazetteer places and Thai districts, function words and verbs: the rules' lexicon),
// (the tag transitions are the tagger's own weights).

import {gazetteer} from '../gazetteer.js';
import {COMMON_WORDS, FUNCTION_WORDS, HONORIFICS, LATIN_TITLES, ORG_HEADS, OTHER_HEADS, PLACE_HEADS, POSITIONS, RANKS, STANDALONE_ORGS, VERBS} from '../lexicon.js';
import {FlagTrie} from './flag-trie.js';
import type {Units} from './units.js';

/** Features that depend on the text only, computed once per unit. */
export const STATIC_FEATURES = 18;

const LEX_TITLE = 1;
const LEX_ORG = 2;
const LEX_PLACE_HEAD = 4;
const LEX_PLACE = 8;
const LEX_FUNCTION = 16;
const LEX_COMMON = 32;

let lexicon: FlagTrie | undefined;

/**
 * Every listed word the features read, with its flag (a word listed twice gets both). One list for
 * the trie and for the fingerprint that the weights file records (weights are trained on it).
 */
export function forEachLexiconWord(visit: (word: string, flag: number) => void): void {
	const add = (words: Iterable<string>, flag: number): void => {
		for (const w of words) if (w.length >= 2) visit(w, flag);
	};
	add([...HONORIFICS, ...RANKS, ...POSITIONS, ...LATIN_TITLES], LEX_TITLE);
	add([...ORG_HEADS, ...STANDALONE_ORGS], LEX_ORG);
	add(PLACE_HEADS, LEX_PLACE_HEAD);
	// A city's name known only after a head (ดาร์วิน, เดลี: people's names too) is no place evidence alone.
	const gaz = gazetteer();
	add(
		[...gaz.thai.values()].filter((p) => p.afterTagger !== true && !(p.key.startsWith('city:') && gaz.ambiguous.has(p.name))).map((p) => p.name),
		LEX_PLACE,
	);
	add(gaz.districts, LEX_PLACE);
	add([...FUNCTION_WORDS, ...VERBS], LEX_FUNCTION);
	add([...COMMON_WORDS, ...OTHER_HEADS], LEX_COMMON);
}

function lexiconTrie(): FlagTrie {
	if (lexicon !== undefined) return lexicon;
	const trie = new FlagTrie();
	forEachLexiconWord((word, flag) => trie.add(word, flag));
	lexicon = trie;
	return trie;
}

/** For each unit, the lexicon flags of listed words that start there and that end right before it. */
export function lexiconFlags(text: string, units: Units): {starts: Uint8Array; ends: Uint8Array} {
	const trie = lexiconTrie();
	const walk = trie.walk();
	const n = units.count;
	const starts = (scratch.starts = grow(scratch.starts, n + 1));
	const ends = (scratch.ends = grow(scratch.ends, n + 1));
	starts.fill(0, 0, n + 1);
	ends.fill(0, 0, n + 1);
	const us = units.starts;
	const length = text.length;
	// Which unit starts at each offset (0: none; unit 0 is never looked up): a listed word counts only
	// when it ends at a unit edge (นาย in นายก does not), asked at every word end the walks meet,
	// where scanning the units ahead was a fifth of this function's time.
	const unitAt = (scratch.unitAt = grow(scratch.unitAt, length + 1));
	unitAt.fill(0, 0, length + 1);
	for (let k = 1; k <= n; k++) unitAt[us[k]!] = k;
	for (let i = 0; i < n; i++) {
		let node = 0;
		for (let p = us[i]!; p < length;) {
			node = walk.child(node, text.charCodeAt(p));
			if (node < 0) break;
			p++;
			const flags = trie.flagsAt(node);
			if (flags === 0) continue;
			const j = unitAt[p]!;
			if (j === 0) continue;
			starts[i]! |= flags;
			ends[j]! |= flags;
		}
	}
	return {starts, ends};
}

/**
 * Buffers reused from one text to the next: a new set per paragraph was a good part of the
 * tagger's time, spent by the garbage collector.
 */
const scratch = {
	starts: new Uint8Array(0),
	ends: new Uint8Array(0),
	unitAt: new Int32Array(0),
	features: new Int32Array(0),
	hashes: new Int32Array(0),
	classes: new Uint8Array(0),
};

function grow<T extends Uint8Array | Int32Array>(buffer: T, size: number): T {
	if (buffer.length >= size) return buffer;
	const Kind = buffer.constructor as new (n: number) => T;
	return new Kind(Math.max(size, buffer.length * 2));
}

const mix = (h: number, v: number): number => Math.imul((h ^ v) + 0x9e3779b9, 0x85ebca6b) ^ (h >>> 13);

function finish(h: number, bits: number): number {
	h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
	h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
	return (h ^ (h >>> 16)) >>> (32 - bits);
}

/**
 * The text-only features of every unit, STATIC_FEATURES per unit, each a bucket in [0, 2^bits).
 * Units outside the text read as fixed sentinels. The array is reused by the next call.
 */
export function staticFeatures(text: string, units: Units, bits: number): Int32Array {
	const n = units.count;
	const NS = STATIC_FEATURES;
	const out = (scratch.features = grow(scratch.features, n * NS));
	const {starts: lexStart, ends: lexEnd} = lexiconFlags(text, units);
	// Neighbours read from padded copies: three sentinels on each side instead of a test per read.
	const h = (scratch.hashes = grow(scratch.hashes, n + 6));
	const c = (scratch.classes = grow(scratch.classes, n + 6));
	h.fill(0x51ed27, 0, 3);
	h.set(units.hashes, 3);
	h.fill(0x3c6ef3, n + 3, n + 6);
	c.fill(7, 0, n + 6);
	c.set(units.classes, 3);
	for (let i = 0; i < n; i++) {
		const p = i + 3;
		const u0 = h[p]!,
			um1 = h[p - 1]!,
			up1 = h[p + 1]!,
			um2 = h[p - 2]!,
			up2 = h[p + 2]!,
			um3 = h[p - 3]!,
			up3 = h[p + 3]!;
		const shape = c[p - 2]! | (c[p - 1]! << 3) | (c[p]! << 6) | (c[p + 1]! << 9) | (c[p + 2]! << 12);
		const lex = lexStart[i]! | (lexEnd[i]! << 8) | (lexStart[i + 1]! << 16);
		const o = i * NS;
		out[o] = finish(mix(1, 0), bits);
		out[o + 1] = finish(mix(2, u0), bits);
		out[o + 2] = finish(mix(3, um1), bits);
		out[o + 3] = finish(mix(4, up1), bits);
		out[o + 4] = finish(mix(5, um2), bits);
		out[o + 5] = finish(mix(6, up2), bits);
		out[o + 6] = finish(mix(mix(7, um1), u0), bits);
		out[o + 7] = finish(mix(mix(8, u0), up1), bits);
		out[o + 8] = finish(mix(mix(mix(9, um1), u0), up1), bits);
		out[o + 9] = finish(mix(mix(mix(10, um2), um1), u0), bits);
		out[o + 10] = finish(mix(mix(mix(11, u0), up1), up2), bits);
		out[o + 11] = finish(mix(mix(mix(mix(12, um3), um2), um1), u0), bits);
		out[o + 12] = finish(mix(mix(mix(mix(13, u0), up1), up2), up3), bits);
		out[o + 13] = finish(mix(14, shape), bits);
		out[o + 14] = finish(mix(15, lex), bits);
		out[o + 15] = finish(mix(mix(16, lex), u0), bits);
		out[o + 16] = finish(mix(mix(17, lexEnd[i]!), shape), bits);
		out[o + 17] = finish(mix(mix(mix(18, um2), um1), up1), bits);
	}
	return out.subarray(0, n * NS);
}
