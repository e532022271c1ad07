// Finding an entity by a name typed in any spelling or script: `macron`, `มาคร็อง`, `hun manet`.
// An exact alias wins, then an alias starting with the query, then one containing it, then a
// phonetic match of the whole name or of one of its words (Latin ↔ Thai by the coarse key, Thai
// spellings by the finer key; a single Thai word only by the finer key). A Latin query also meets
// Thai names through their RTGS romanisation, loosely (prayuth, srettha, chiang mai).

import {editDistance, hasThai, phoneticKeys, thaiFineKey} from '../text/phonetic.js';
import {latinLooseKey, romanizeThai} from '../text/romanize.js';
import {placeLatinNames, withPlaceLatinNames} from './gazetteer.js';
import {nameKey} from './normalize.js';

/** What a name search keeps of one alias (the same for every snapshot: worth keeping). */
export interface AliasKeys {
	/** nameKey; '' for an alias that cannot be searched. */
	key: string;
	/** Phonetic keys of the whole alias and of each of its words, long enough to be distinctive. */
	phonetic: string[];
	tokenPhonetic: string[];
	/** Fine keys of its Thai words. */
	fine: string[];
}

/** Loose Latin keys of a Thai alias's romanisation, whole and per word. */
interface RomanKeys {
	roman: string;
	romanTokens: string[];
}

const romanCache = new Map<string, RomanKeys>();

/**
 * Worked out only when a Latin query comes (romanising every alias at each snapshot cost the
 * snapshot more than everything else in it), and kept: aliases repeat from snapshot to snapshot.
 */
function romanKeys(alias: string): RomanKeys {
	let keys = romanCache.get(alias);
	if (keys === undefined) {
		const romanized = romanizeThai(alias);
		keys = {
			roman: latinLooseKey(romanized),
			romanTokens: romanized
				.split(/\s+/)
				.map(latinLooseKey)
				.filter((k) => k.length >= 4),
		};
		if (romanCache.size > 200_000) romanCache.clear();
		romanCache.set(alias, keys);
	}
	return keys;
}

export function aliasKeys(alias: string): AliasKeys {
	const key = nameKey(alias);
	if (key === '') return {key, phonetic: [], tokenPhonetic: [], fine: []};
	const phonetic = phoneticKeys(alias).filter((k) => k.length >= 3);
	const tokenPhonetic: string[] = [];
	const fine: string[] = [];
	for (const token of alias.split(/[\s-]+/)) {
		if (token === '') continue;
		for (const k of phoneticKeys(token)) if (k.length >= 3) tokenPhonetic.push(k);
		if (hasThai(token)) {
			const f = thaiFineKey(token);
			if (f.length >= 3) fine.push(f);
		}
	}
	return {key, phonetic, tokenPhonetic, fine};
}

/** Edits a loose romanised key may differ by and still match: none for short names, one per six letters. */
function romanTolerance(length: number): number {
	return Math.floor(length / 6);
}

/**
 * How well a Latin query's loose key matches a romanised whole Thai name (0: not at all). Edits
 * never reach the first letter (a loose key keeps it): the name search looks only among names of
 * the query's first letter, and the panel's filter (matchesName) skips the others as cheaply.
 */
function wholeScore(q: string, roman: string): number {
	if (roman === q) return 75;
	if (roman.charCodeAt(0) !== q.charCodeAt(0)) return 0;
	const tolerance = romanTolerance(Math.max(q.length, roman.length));
	if (tolerance > 0 && Math.abs(roman.length - q.length) <= tolerance && editDistance(q, roman) <= tolerance) return 62;
	if (q.length >= 5 && roman.startsWith(q)) return 58;
	return 0;
}

/** The same for one word of a Thai name (a one-word query: a given name or a surname). */
function tokenScore(q: string, token: string): number {
	if (token === q) return 57;
	if (token.charCodeAt(0) !== q.charCodeAt(0)) return 0;
	const tolerance = romanTolerance(Math.max(q.length, token.length));
	return tolerance > 0 && Math.abs(token.length - q.length) <= tolerance && editDistance(q, token) <= tolerance ? 52 : 0;
}

function romanScore(q: string, singleWord: boolean, keys: RomanKeys): number {
	if (keys.roman === '' || q.length < 4) return 0;
	let best = wholeScore(q, keys.roman);
	if (singleWord) for (const t of keys.romanTokens) best = Math.max(best, tokenScore(q, t));
	return best;
}

/** The query is a Latin spelling to try against romanised Thai names. */
function latinQueryKey(query: string): string {
	return !hasThai(query) && /[A-Za-z]/.test(query) ? latinLooseKey(query) : '';
}

/**
 * A list filter's test (the entity panel): an alias contains the query as typed, or a Latin
 * query is a spelling of a Thai alias (paetongtarn finds แพทองธาร).
 */
export function matchesName(aliases: readonly string[], query: string): boolean {
	return nameMatcher(query)(aliases);
}

/** `matchesName` for one query and many entities: the query's keys worked out once. */
export function nameMatcher(query: string): (aliases: readonly string[]) => boolean {
	const lower = query.trim().toLowerCase();
	if (lower === '') return () => true;
	const q = latinQueryKey(lower);
	const single = !/\s/.test(lower);
	return (aliases) => {
		if (aliases.some((a) => a.toLowerCase().includes(lower))) return true;
		if (q === '') return false;
		if (aliases.some((a) => hasThai(a) && placeLatinNames(a).some((n) => n.toLowerCase().includes(lower)))) return true;
		return q.length >= 4 && aliases.some((a) => hasThai(a) && romanScore(q, single, romanKeys(a)) > 0);
	};
}

/** Whether `alias`'s romanised keys are already worked out (tests of the warming). */
export function romanKeysKnown(alias: string): boolean {
	return romanCache.has(alias);
}

/**
 * Works out the romanised keys of Thai `aliases` ahead of a Latin query (the first one otherwise
 * waits for all of them: 0.7 s for thaigov-2k's 13,000 aliases) until `deadline`
 * (performance.now()); returns how many of `aliases` it got through.
 */
export function warmRomanKeys(aliases: readonly string[], from: number, deadline: number): number {
	let i = from;
	for (; i < aliases.length; i++) {
		if ((i & 15) === 0 && performance.now() >= deadline) break;
		if (hasThai(aliases[i]!)) romanKeys(aliases[i]!);
	}
	return i;
}

/**
 * Where a name search looks: the alias tables, in memory (NameSearch) or on disk (names-cache.ts).
 * Each lookup gives entities (or [key, entity] pairs) in ascending entity order within a call, as
 * NameSearch builds them, so that both give the same ranking, ties included.
 */
export interface NameTables {
	/** Entities with an alias whose nameKey is `key`. */
	exact(key: string): Iterable<number>;
	/** Aliases' nameKeys that contain `q` (and perhaps others: each is tested), with their entity. */
	containing(q: string): Iterable<KeyedEntity>;
	phonetic(key: string): Iterable<number>;
	tokenPhonetic(key: string): Iterable<number>;
	fine(key: string): Iterable<number>;
	/** Loose keys of romanised Thai aliases, whole and per word, starting with `letter`. */
	romans(letter: string): Iterable<KeyedEntity>;
	romanTokens(letter: string): Iterable<KeyedEntity>;
}

export interface KeyedEntity {
	key: string;
	entity: number;
}

/** Entity indices in `tables`, best first; `weight` breaks ties (mention counts). */
export function findInTables(tables: NameTables, query: string, weight: (entity: number) => number, limit = 10): number[] {
	const q = nameKey(query);
	if (q === '') return [];
	const hits = new Map<number, number>();
	const hit = (entity: number, score: number): void => {
		if ((hits.get(entity) ?? -1) < score) hits.set(entity, score);
	};
	for (const e of tables.exact(q)) hit(e, 100);
	if (q.length >= 2) {
		for (const {key, entity} of tables.containing(q)) {
			if (key.startsWith(q)) hit(entity, 80);
			else if (q.length >= 3 && key.includes(q)) hit(entity, 60);
		}
	}
	const multiToken = query.trim().split(/\s+/).length >= 2;
	// One Thai word is matched by the finer key below only: by the coarse key a Thai word of
	// three consonants meets every name with the same skeleton (ทุเรียน = "Trial Run").
	const qKeys = hasThai(query) && !multiToken ? [] : phoneticKeys(query).filter((k) => k.length >= 3);
	for (const k of qKeys) {
		for (const e of tables.phonetic(k)) hit(e, multiToken ? 70 : 55);
		if (!multiToken) for (const e of tables.tokenPhonetic(k)) hit(e, 50);
	}
	const roman = latinQueryKey(query);
	if (roman.length >= 4) {
		for (const {key, entity} of tables.romans(roman[0]!)) {
			const score = wholeScore(roman, key);
			if (score > 0) hit(entity, score);
		}
		if (!multiToken) {
			for (const {key, entity} of tables.romanTokens(roman[0]!)) {
				const score = tokenScore(roman, key);
				if (score > 0) hit(entity, score);
			}
		}
	}
	if (hasThai(query) && !multiToken) {
		for (const e of tables.fine(thaiFineKey(query))) hit(e, 65);
	}
	return [...hits]
		.sort((a, b) => b[1] - a[1] || weight(b[0]) - weight(a[0]))
		.slice(0, limit)
		.map(([entity]) => entity);
}

/** The tables of a NameSearch as they are (names-cache.ts writes them down). */
export interface NameSearchTables {
	exact: ReadonlyMap<string, ReadonlySet<number>>;
	phonetic: ReadonlyMap<string, ReadonlySet<number>>;
	tokenPhonetic: ReadonlyMap<string, ReadonlySet<number>>;
	fine: ReadonlyMap<string, ReadonlySet<number>>;
	romans: ReadonlyMap<string, readonly KeyedEntity[]>;
	romanTokens: ReadonlyMap<string, readonly KeyedEntity[]>;
}

export class NameSearch implements NameTables {
	private readonly exactMap = new Map<string, Set<number>>();
	private readonly keys: KeyedEntity[] = [];
	private readonly phoneticMap = new Map<string, Set<number>>();
	private readonly tokenPhoneticMap = new Map<string, Set<number>>();
	private readonly fineMap = new Map<string, Set<number>>();
	/**
	 * Romanised Thai aliases and their words, for Latin queries, by first letter: a loose key
	 * keeps its first letter, and comparing with a tenth of the names keeps a keystroke cheap.
	 */
	private romanMap?: Map<string, KeyedEntity[]>;
	private romanTokenMap?: Map<string, KeyedEntity[]>;
	private readonly thaiAliases: Array<{alias: string; entity: number}> = [];

	constructor(entries: Iterable<{entity: number; aliases: readonly string[]}> = []) {
		for (const {entity, aliases} of entries) this.add(entity, aliases);
	}

	/** Makes an entity findable by its aliases (`keysOf` may remember keys between searches). */
	add(entity: number, aliases: readonly string[], keysOf: (alias: string) => AliasKeys = aliasKeys): void {
		// A place written only in Thai is found by its Latin names too (tokyo → กรุงโตเกียว).
		for (const alias of withPlaceLatinNames(aliases)) {
			const keys = keysOf(alias);
			if (keys.key === '') continue;
			addTo(this.exactMap, keys.key, entity);
			this.keys.push({key: keys.key, entity});
			for (const k of keys.phonetic) addTo(this.phoneticMap, k, entity);
			for (const k of keys.tokenPhonetic) addTo(this.tokenPhoneticMap, k, entity);
			for (const k of keys.fine) addTo(this.fineMap, k, entity);
			if (hasThai(alias)) this.thaiAliases.push({alias, entity});
		}
	}

	/** Entity indices, best first; `weight` breaks ties (mention counts). */
	find(query: string, weight: (entity: number) => number, limit = 10): number[] {
		return findInTables(this, query, weight, limit);
	}

	exact(key: string): Iterable<number> {
		return this.exactMap.get(key) ?? [];
	}

	containing(): Iterable<KeyedEntity> {
		return this.keys;
	}

	phonetic(key: string): Iterable<number> {
		return this.phoneticMap.get(key) ?? [];
	}

	tokenPhonetic(key: string): Iterable<number> {
		return this.tokenPhoneticMap.get(key) ?? [];
	}

	fine(key: string): Iterable<number> {
		return this.fineMap.get(key) ?? [];
	}

	romans(letter: string): Iterable<KeyedEntity> {
		return this.romanTables().romans.get(letter) ?? [];
	}

	romanTokens(letter: string): Iterable<KeyedEntity> {
		return this.romanTables().romanTokens.get(letter) ?? [];
	}

	/** Every table (the romanised ones built now if they were not yet). */
	tables(): NameSearchTables {
		return {exact: this.exactMap, phonetic: this.phoneticMap, tokenPhonetic: this.tokenPhoneticMap, fine: this.fineMap, ...this.romanTables()};
	}

	/** Romanised Thai aliases by first letter, built on the first Latin query. */
	private romanTables(): {romans: Map<string, KeyedEntity[]>; romanTokens: Map<string, KeyedEntity[]>} {
		if (this.romanMap === undefined || this.romanTokenMap === undefined) {
			const romans = new Map<string, KeyedEntity[]>();
			const tokens = new Map<string, KeyedEntity[]>();
			for (const {alias, entity} of this.thaiAliases) {
				const keys = romanKeys(alias);
				if (keys.roman !== '') pushTo(romans, keys.roman[0]!, {key: keys.roman, entity});
				for (const t of keys.romanTokens) pushTo(tokens, t[0]!, {key: t, entity});
			}
			this.romanMap = romans;
			this.romanTokenMap = tokens;
		}
		return {romans: this.romanMap, romanTokens: this.romanTokenMap};
	}
}

function addTo(map: Map<string, Set<number>>, key: string, entity: number): void {
	let set = map.get(key);
	if (set === undefined) {
		set = new Set();
		map.set(key, set);
	}
	set.add(entity);
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
	const list = map.get(key);
	if (list === undefined) map.set(key, [value]);
	else list.push(value);
}
