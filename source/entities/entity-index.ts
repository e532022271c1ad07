// The linked entities of a corpus, shaped for the reader: mentions of an article sorted by offset
// (highlighting, "which mention is under the cursor"), mentions of an entity in corpus order
// (jumping to the next one, into the next article), and lookup by name for search.

import {NameSearch} from './name-search.js';
import type {Entity, LinkedMention, MentionPosition} from './types.js';

export type Direction = 'next' | 'previous';

export interface EntityIndexData {
	/** Article ids in corpus order. */
	articleIds: string[];
	entities: Entity[];
	/** Per article (corpus order), its mentions sorted by start. */
	mentionsByArticle: LinkedMention[][];
	/** Per entity (same order as `entities`), its mentions in corpus order. */
	mentionsByEntity: LinkedMention[][];
	/** Per entity, the article orders it occurs in, ascending (worked out from the mentions if absent). */
	articlesByEntity?: number[][];
	/** Correction references that matched no entity. */
	warnings: string[];
	/** The name search over `entities`, when built beforehand (else built on the first search). */
	nameSearch?: NameSearch;
}

export class EntityIndex {
	private readonly articleOrder = new Map<string, number>();
	private readonly entityIndex = new Map<string, number>();
	/** Per entity, the article orders it occurs in, ascending. */
	private readonly articlesByEntity: number[][];
	private search?: NameSearch;

	constructor(private readonly data: EntityIndexData) {
		this.search = data.nameSearch;
		data.articleIds.forEach((id, i) => this.articleOrder.set(id, i));
		data.entities.forEach((e, i) => this.entityIndex.set(e.id, i));
		this.articlesByEntity =
			data.articlesByEntity ??
			data.mentionsByEntity.map((ms) => {
				const orders: number[] = [];
				for (const m of ms) {
					const o = this.articleOrder.get(m.articleId)!;
					if (orders[orders.length - 1] !== o) orders.push(o);
				}
				return orders;
			});
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

	/** Mentions of an article, sorted by start ([] for an unknown article). */
	mentionsIn(articleId: string): readonly LinkedMention[] {
		const o = this.articleOrder.get(articleId);
		return o === undefined ? [] : this.data.mentionsByArticle[o]!;
	}

	/** Entities of an article, in the order of their first mention. */
	entitiesIn(articleId: string): Entity[] {
		const seen = new Set<string>();
		const out: Entity[] = [];
		for (const m of this.mentionsIn(articleId)) {
			if (seen.has(m.entityId)) continue;
			seen.add(m.entityId);
			const e = this.entity(m.entityId);
			if (e !== undefined) out.push(e);
		}
		return out;
	}

	/** Mentions of an entity in corpus order. */
	mentionsOf(entityId: string): readonly LinkedMention[] {
		const i = this.entityIndex.get(entityId);
		return i === undefined ? [] : this.data.mentionsByEntity[i]!;
	}

	/** Ids of the articles mentioning an entity, in corpus order. */
	articlesOf(entityId: string): string[] {
		const i = this.entityIndex.get(entityId);
		return i === undefined ? [] : this.articlesByEntity[i]!.map((o) => this.data.articleIds[o]!);
	}

	/** The mention covering `offset` in an article (start ≤ offset < end). */
	mentionAt(articleId: string, offset: number): LinkedMention | undefined {
		const ms = this.mentionsIn(articleId);
		let lo = 0;
		let hi = ms.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			const m = ms[mid]!;
			if (offset < m.start) hi = mid - 1;
			else if (offset >= m.end) lo = mid + 1;
			else return m;
		}
		return undefined;
	}

	/** Mentions of an article overlapping [start, end) (the visible part of a page). */
	mentionsBetween(articleId: string, start: number, end: number): LinkedMention[] {
		const ms = this.mentionsIn(articleId);
		let lo = 0;
		let hi = ms.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (ms[mid]!.end <= start) lo = mid + 1;
			else hi = mid;
		}
		const out: LinkedMention[] = [];
		for (let i = lo; i < ms.length && ms[i]!.start < end; i++) out.push(ms[i]!);
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
		const ms = this.data.mentionsByEntity[i]!;
		if (ms.length === 0) return undefined;
		const wrap = options.wrap ?? true;
		const here = this.articleOrder.get(articleId);
		const order = (m: LinkedMention): number => this.articleOrder.get(m.articleId)!;
		// First mention strictly after (here, offset) in corpus order.
		let lo = 0;
		let hi = ms.length;
		const after = (m: LinkedMention): boolean => {
			if (here === undefined) return direction === 'next';
			const o = order(m);
			return o > here || (o === here && m.start > offset);
		};
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (after(ms[mid]!)) hi = mid;
			else lo = mid + 1;
		}
		let k: number;
		if (direction === 'next') {
			k = lo;
			if (k >= ms.length) {
				if (!wrap) return undefined;
				k = 0;
			}
		} else {
			// Last mention strictly before (here, offset).
			k = lo - 1;
			while (k >= 0 && here !== undefined && order(ms[k]!) === here && ms[k]!.start >= offset) k--;
			if (here === undefined) k = ms.length - 1;
			if (k < 0) {
				if (!wrap) return undefined;
				k = ms.length - 1;
			}
		}
		return this.position(i, k);
	}

	/** Where a given mention stands among its entity's mentions ("mention 3 of 19 · article 2 of 2"). */
	positionOf(entityId: string, articleId: string, start: number): MentionPosition | undefined {
		const i = this.entityIndex.get(entityId);
		if (i === undefined) return undefined;
		const k = this.data.mentionsByEntity[i]!.findIndex((m) => m.articleId === articleId && m.start === start);
		return k < 0 ? undefined : this.position(i, k);
	}

	private position(entity: number, k: number): MentionPosition {
		const ms = this.data.mentionsByEntity[entity]!;
		const m = ms[k]!;
		const articles = this.articlesByEntity[entity]!;
		const o = this.articleOrder.get(m.articleId)!;
		return {
			articleId: m.articleId,
			start: m.start,
			end: m.end,
			ordinal: k + 1,
			total: ms.length,
			articleOrdinal: lowerBound(articles, o) + 1,
			articleTotal: articles.length,
		};
	}

	/** Entities with a name matching the query in any spelling or script, best first. */
	findByName(query: string, limit = 10): Entity[] {
		this.search ??= new NameSearch(this.data.entities.map((e, entity) => ({entity, aliases: e.aliases})));
		return this.search.find(query, (e) => this.data.entities[e]!.mentionCount, limit).map((e) => this.data.entities[e]!);
	}
}

function lowerBound(a: readonly number[], x: number): number {
	let lo = 0;
	let hi = a.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (a[mid]! < x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
