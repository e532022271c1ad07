// The trie of every Thai trigger word (titles, positions, head words, gazetteer places), built once.
// Its own module because both the trigger scan (thai-triggers.ts) and the head-name reader
// (head-name.ts), which the scan calls, look words up in it: kept in the scan, the two imported
// each other.
import {gazetteer, type PlaceName} from '../gazetteer.js';
import {HONORIFICS, ORG_HEADS, PLACE_HEADS, POSITIONS, RANKS, STANDALONE_ORGS} from '../lexicon.js';
import {Trie} from '../trie.js';

export type Trigger = {type: 'honorific' | 'position' | 'org' | 'standalone' | 'place'; word: string} | {type: 'gazetteer'; word: string; place: PlaceName};

let cachedTrie: Trie<Trigger> | undefined;

export function triggerTrie(): Trie<Trigger> {
	if (cachedTrie !== undefined) return cachedTrie;
	const trie = new Trie<Trigger>();
	for (const w of [...HONORIFICS, ...RANKS]) trie.add(w, {type: 'honorific', word: w});
	for (const w of POSITIONS) trie.add(w, {type: 'position', word: w});
	for (const w of ORG_HEADS) trie.add(w, {type: 'org', word: w});
	for (const w of STANDALONE_ORGS) trie.add(w, {type: 'standalone', word: w});
	for (const w of PLACE_HEADS) trie.add(w, {type: 'place', word: w});
	for (const place of gazetteer().thai.values()) trie.add(place.name, {type: 'gazetteer', word: place.name, place});
	cachedTrie = trie;
	return trie;
}
