// Finding an entity by a name typed in any spelling or script: `macron`, `มาคร็อง`, `hun manet`.
// An exact alias wins, then an alias starting with the query, then one containing it, then a
// phonetic match of the whole name or of one of its words (Latin ↔ Thai by the coarse key, Thai
// spellings by the finer key; a single Thai word only by the finer key).

import {hasThai, phoneticKeys, thaiFineKey} from '../text/phonetic.js';
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

export function aliasKeys(alias: string): AliasKeys {
	const key = nameKey(alias);
	if (key === '') return {key, phonetic: [], tokenPhonetic: [], fine: []};
	const phonetic = phoneticKeys(alias).filter(k => k.length >= 3);
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

export class NameSearch {
	private readonly exact = new Map<string, Set<number>>();
	private readonly keys: Array<{key: string; entity: number}> = [];
	private readonly phonetic = new Map<string, Set<number>>();
	private readonly tokenPhonetic = new Map<string, Set<number>>();
	private readonly fine = new Map<string, Set<number>>();

	constructor(entries: Iterable<{entity: number; aliases: readonly string[]}> = []) {
		for (const {entity, aliases} of entries) this.add(entity, aliases);
	}

	/** Makes an entity findable by its aliases (`keysOf` may remember keys between searches). */
	add(entity: number, aliases: readonly string[], keysOf: (alias: string) => AliasKeys = aliasKeys): void {
		for (const alias of aliases) {
			const keys = keysOf(alias);
			if (keys.key === '') continue;
			addTo(this.exact, keys.key, entity);
			this.keys.push({key: keys.key, entity});
			for (const k of keys.phonetic) addTo(this.phonetic, k, entity);
			for (const k of keys.tokenPhonetic) addTo(this.tokenPhonetic, k, entity);
			for (const k of keys.fine) addTo(this.fine, k, entity);
		}
	}

	/** Entity indices, best first; `weight` breaks ties (mention counts). */
	find(query: string, weight: (entity: number) => number, limit = 10): number[] {
		const q = nameKey(query);
		if (q === '') return [];
		const hits = new Map<number, number>();
		const hit = (entity: number, score: number): void => {
			if ((hits.get(entity) ?? -1) < score) hits.set(entity, score);
		};
		for (const e of this.exact.get(q) ?? []) hit(e, 100);
		if (q.length >= 2) {
			for (const {key, entity} of this.keys) {
				if (key.startsWith(q)) hit(entity, 80);
				else if (q.length >= 3 && key.includes(q)) hit(entity, 60);
			}
		}
		const multiToken = query.trim().split(/\s+/).length >= 2;
		// One Thai word is matched by the finer key below only: by the coarse key a Thai word of
		// three consonants meets every name with the same skeleton (ทุเรียน = "Trial Run").
		const qKeys = hasThai(query) && !multiToken ? [] : phoneticKeys(query).filter(k => k.length >= 3);
		for (const k of qKeys) {
			for (const e of this.phonetic.get(k) ?? []) hit(e, multiToken ? 70 : 55);
			if (!multiToken) for (const e of this.tokenPhonetic.get(k) ?? []) hit(e, 50);
		}
		if (hasThai(query) && !multiToken) {
			for (const e of this.fine.get(thaiFineKey(query)) ?? []) hit(e, 65);
		}
		return [...hits]
			.sort((a, b) => b[1] - a[1] || weight(b[0]) - weight(a[0]))
			.slice(0, limit)
			.map(([entity]) => entity);
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
