// The linked entities of a corpus, shaped for the reader: mentions of an article sorted by offset
// (highlighting, "which mention is under the cursor"), mentions of an entity in corpus order
// (jumping to the next one, into the next article), and lookup by name for search.
//
// Mentions are kept as columns (linked-mentions.ts), not as an object each: two million mentions
// of a 60,000-article archive are then a few typed arrays, which the linked-result cache writes and
// reads as they are. The objects the UI reads (LinkedMention) are made for the few it asks for.

import {type LinkedMentions, NONE} from './linked-mentions.js';
import {NameSearch} from './name-search.js';
import type {StepClock, Steps} from './steps.js';
import type {Entity, LinkedMention, MentionPosition} from './types.js';

export type Direction = 'next' | 'previous';

export interface EntityIndexData {
	/** Article ids in corpus order. */
	articleIds: string[];
	entities: Entity[];
	mentions: LinkedMentions;
	/** Correction references that matched no entity. */
	warnings: string[];
	/** The name search over `entities`, when built beforehand (else built on the first search). */
	nameSearch?: NameSearch;
}

/** An index's article and entity numbers by id. */
interface IndexOrders {
	articles: Map<string, number>;
	entities: Map<string, number>;
}

/**
 * The index of `data` made in steps of `clock`: the maps of a 60,000-article archive's ids
 * (hundreds of thousands of entities) take longer than a key may wait. Then its name search,
 * when `nameSearch` says so (else built on the first search, which at that size takes as long).
 */
export function* entityIndexSteps(data: EntityIndexData, clock: StepClock, options: {nameSearch?: boolean} = {}): Steps<EntityIndex> {
	const orders: IndexOrders = {articles: new Map(), entities: new Map()};
	for (let i = 0; i < data.articleIds.length; i++) {
		orders.articles.set(data.articleIds[i]!, i);
		if (clock.tick()) yield* clock.pause();
	}
	for (let i = 0; i < data.entities.length; i++) {
		orders.entities.set(data.entities[i]!.id, i);
		if (clock.tick()) yield* clock.pause();
	}
	if (options.nameSearch && data.nameSearch === undefined) {
		const search = new NameSearch();
		for (let e = 0; e < data.entities.length; e++) {
			search.add(e, data.entities[e]!.aliases);
			if (clock.tick(16)) yield* clock.pause();
		}
		data = {...data, nameSearch: search};
	}
	return new EntityIndex(data, orders);
}

export class EntityIndex {
	private readonly articleOrder: Map<string, number>;
	private readonly entityIndex: Map<string, number>;
	private readonly m: LinkedMentions;
	private search?: NameSearch;
	/** The last article's mentions as objects: the reader asks for the open article's again and again. */
	private recent?: {order: number; list: LinkedMention[]};

	/** `orders` (the maps from ids to numbers) when made beforehand, in steps (`entityIndexSteps`). */
	constructor(
		readonly data: EntityIndexData,
		orders?: IndexOrders,
	) {
		this.m = data.mentions;
		this.search = data.nameSearch;
		if (orders) ({articles: this.articleOrder, entities: this.entityIndex} = orders);
		else {
			this.articleOrder = new Map(data.articleIds.map((id, i) => [id, i]));
			this.entityIndex = new Map(data.entities.map((e, i) => [e.id, i]));
		}
	}

	/** Every entity, most mentioned first. */
	all(): readonly Entity[] {
		return this.data.entities;
	}

	entity(id: string): Entity | undefined {
		const i = this.entityIndex.get(id);
		return i === undefined ? undefined : this.data.entities[i];
	}

	/** Correction references (khao.entities.json) that matched no entity. */
	get warnings(): readonly string[] {
		return this.data.warnings;
	}

	/** The article ids in corpus order. */
	get articleIds(): readonly string[] {
		return this.data.articleIds;
	}

	/** The name search, if built (the reader builds it between keys after a cached index is read). */
	get hasNameSearch(): boolean {
		return this.search !== undefined;
	}

	/** Sets the name search built elsewhere (in steps, off the first lookup's path). */
	setNameSearch(search: NameSearch): void {
		this.search ??= search;
	}

	/** Mentions of an article, sorted by start ([] for an unknown article). */
	mentionsIn(articleId: string): readonly LinkedMention[] {
		const o = this.articleOrder.get(articleId);
		if (o === undefined) return [];
		if (this.recent?.order === o) return this.recent.list;
		const list: LinkedMention[] = [];
		for (let g = this.m.articleFirst[o]!; g < this.m.articleFirst[o + 1]!; g++) list.push(this.mention(g));
		this.recent = {order: o, list};
		return list;
	}

	/** Entities of an article, in the order of their first mention. */
	entitiesIn(articleId: string): Entity[] {
		const o = this.articleOrder.get(articleId);
		if (o === undefined) return [];
		const seen = new Set<number>();
		const out: Entity[] = [];
		for (let g = this.m.articleFirst[o]!; g < this.m.articleFirst[o + 1]!; g++) {
			const e = this.m.entity[g]!;
			if (seen.has(e)) continue;
			seen.add(e);
			out.push(this.data.entities[e]!);
		}
		return out;
	}

	/** Mentions of an entity in corpus order. */
	mentionsOf(entityId: string): readonly LinkedMention[] {
		const i = this.entityIndex.get(entityId);
		if (i === undefined) return [];
		const out: LinkedMention[] = [];
		for (let k = this.m.entityFirst[i]!; k < this.m.entityFirst[i + 1]!; k++) out.push(this.mention(this.m.byEntity[k]!));
		return out;
	}

	/** The first mention of an entity in corpus order. */
	firstMentionOf(entityId: string): LinkedMention | undefined {
		const i = this.entityIndex.get(entityId);
		if (i === undefined || this.m.entityFirst[i] === this.m.entityFirst[i + 1]) return undefined;
		return this.mention(this.m.byEntity[this.m.entityFirst[i]!]!);
	}

	/** Ids of the articles mentioning an entity, in corpus order. */
	articlesOf(entityId: string): string[] {
		const i = this.entityIndex.get(entityId);
		if (i === undefined) return [];
		const out: string[] = [];
		let last = -1;
		for (let k = this.m.entityFirst[i]!; k < this.m.entityFirst[i + 1]!; k++) {
			const a = this.m.article[this.m.byEntity[k]!]!;
			if (a !== last) out.push(this.data.articleIds[a]!);
			last = a;
		}
		return out;
	}

	/** The mention covering `offset` in an article (start ≤ offset < end). */
	mentionAt(articleId: string, offset: number): LinkedMention | undefined {
		const o = this.articleOrder.get(articleId);
		if (o === undefined) return undefined;
		let lo = this.m.articleFirst[o]!;
		let hi = this.m.articleFirst[o + 1]! - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (offset < this.m.start[mid]!) hi = mid - 1;
			else if (offset >= this.m.end[mid]!) lo = mid + 1;
			else return this.mention(mid);
		}
		return undefined;
	}

	/** Mentions of an article overlapping [start, end) (the visible part of a page). */
	mentionsBetween(articleId: string, start: number, end: number): LinkedMention[] {
		const o = this.articleOrder.get(articleId);
		if (o === undefined) return [];
		const last = this.m.articleFirst[o + 1]!;
		let lo = this.m.articleFirst[o]!;
		let hi = last;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.m.end[mid]! <= start) lo = mid + 1;
			else hi = mid;
		}
		const out: LinkedMention[] = [];
		for (let g = lo; g < last && this.m.start[g]! < end; g++) out.push(this.mention(g));
		return out;
	}

	/**
	 * The next (or previous) mention of an entity after (before) `offset` in `articleId`, going on
	 * into the following (preceding) articles that mention it; at the end it wraps around unless
	 * `wrap` is false. An unknown article starts from the beginning (next) or the end (previous).
	 */
	nextMention(entityId: string, articleId: string, offset: number, direction: Direction = 'next', options: {wrap?: boolean} = {}): MentionPosition | undefined {
		const i = this.entityIndex.get(entityId);
		if (i === undefined) return undefined;
		const from = this.m.entityFirst[i]!;
		const to = this.m.entityFirst[i + 1]!;
		if (from === to) return undefined;
		const wrap = options.wrap ?? true;
		const here = this.articleOrder.get(articleId);
		const {article, start, byEntity} = this.m;
		// First mention strictly after (here, offset) in corpus order.
		const after = (g: number): boolean => {
			if (here === undefined) return direction === 'next';
			const o = article[g]!;
			return o > here || (o === here && start[g]! > offset);
		};
		let lo = from;
		let hi = to;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (after(byEntity[mid]!)) hi = mid;
			else lo = mid + 1;
		}
		let k: number;
		if (direction === 'next') {
			k = lo;
			if (k >= to) {
				if (!wrap) return undefined;
				k = from;
			}
		} else {
			// Last mention strictly before (here, offset).
			k = lo - 1;
			while (k >= from && here !== undefined && article[byEntity[k]!] === here && start[byEntity[k]!]! >= offset) k--;
			if (here === undefined) k = to - 1;
			if (k < from) {
				if (!wrap) return undefined;
				k = to - 1;
			}
		}
		return this.position(i, k);
	}

	/** Where a given mention stands among its entity's mentions ("mention 3 of 19 · article 2 of 2"). */
	positionOf(entityId: string, articleId: string, start: number): MentionPosition | undefined {
		const i = this.entityIndex.get(entityId);
		const o = this.articleOrder.get(articleId);
		if (i === undefined || o === undefined) return undefined;
		for (let k = this.m.entityFirst[i]!; k < this.m.entityFirst[i + 1]!; k++) {
			const g = this.m.byEntity[k]!;
			if (this.m.article[g] === o && this.m.start[g] === start) return this.position(i, k);
		}
		return undefined;
	}

	/** Position of the k-th entry of `byEntity` (a mention of entity `entity`). */
	private position(entity: number, k: number): MentionPosition {
		const {article, byEntity, entityFirst} = this.m;
		const from = entityFirst[entity]!;
		const to = entityFirst[entity + 1]!;
		const g = byEntity[k]!;
		// Articles before and including this mention's, and in all: counted, not stored (a jump is rare).
		let articleOrdinal = 0;
		let articleTotal = 0;
		let last = -1;
		for (let j = from; j < to; j++) {
			const a = article[byEntity[j]!]!;
			if (a === last) continue;
			last = a;
			articleTotal++;
			if (j <= k) articleOrdinal++;
		}
		return {
			articleId: this.data.articleIds[article[g]!]!,
			start: this.m.start[g]!,
			end: this.m.end[g]!,
			ordinal: k - from + 1,
			total: to - from,
			articleOrdinal,
			articleTotal,
		};
	}

	/** Entities with a name matching the query in any spelling or script, best first. */
	findByName(query: string, limit = 10): Entity[] {
		this.search ??= new NameSearch(this.data.entities.map((e, entity) => ({entity, aliases: e.aliases})));
		return this.search.find(query, (e) => this.data.entities[e]!.mentionCount, limit).map((e) => this.data.entities[e]!);
	}

	/** Mention number `g` as the object the UI reads. */
	private mention(g: number): LinkedMention {
		const {strings} = this.m;
		const entity = this.data.entities[this.m.entity[g]!]!;
		const out: LinkedMention = {
			start: this.m.start[g]!,
			end: this.m.end[g]!,
			text: strings[this.m.text[g]!]!,
			kind: entity.kind,
			rule: strings[this.m.rule[g]!]!,
			articleId: this.data.articleIds[this.m.article[g]!]!,
			entityId: entity.id,
		};
		const title = this.m.title[g]!;
		if (title !== NONE) {
			out.title = strings[title]!;
			out.titleStart = this.m.titleStart[g]!;
		}
		return out;
	}
}
