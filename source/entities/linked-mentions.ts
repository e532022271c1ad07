// The mentions of an EntityIndex as columns: one typed array per field, numbered in corpus order
// (by article, then by start), and the same numbers grouped by entity. An object per mention cost
// about 150 bytes of heap each (two million of them in a 60,000-article archive); a column costs 4.
// Assembly fills them, the linked-result cache stores them as they are, and `validLinkedMentions`
// checks a stored set before anything reads it.

import {NO_PAUSE, runSteps, type StepClock, type Steps} from './steps.js';

/** Absent title (and its start). */
export const NONE = -1;

export interface LinkedMentions {
	/** Per mention: its article (order in the index's articleIds), offsets and entity (order in entities). */
	article: Int32Array;
	start: Int32Array;
	end: Int32Array;
	entity: Int32Array;
	/** Indices into `strings`: the name as written, the rule that found it, its title (NONE: none). */
	text: Int32Array;
	rule: Int32Array;
	title: Int32Array;
	/** Where the title starts (NONE without a title). */
	titleStart: Int32Array;
	/** Per article, its first mention's number; one more entry at the end. */
	articleFirst: Int32Array;
	/** Mention numbers grouped by entity (in entity order), ascending within an entity. */
	byEntity: Int32Array;
	/** Per entity, where its mentions start in byEntity; one more entry at the end. */
	entityFirst: Int32Array;
	strings: string[];
}

/** The typed arrays, in the order the cache stores them. */
export const LINKED_COLUMNS = ['article', 'start', 'end', 'entity', 'text', 'rule', 'title', 'titleStart', 'articleFirst', 'byEntity', 'entityFirst'] as const;

export type LinkedColumn = (typeof LINKED_COLUMNS)[number];

/** Fills the columns one mention at a time, in corpus order; then groups them by entity. */
export class LinkedMentionsWriter {
	private readonly cols: Omit<LinkedMentions, 'articleFirst' | 'byEntity' | 'entityFirst' | 'strings'>;
	private readonly strings: string[] = [];
	private readonly stringIndex = new Map<string, number>();
	private readonly articleFirst: Int32Array;
	private count = 0;

	/** At most `mentions` mentions of `articles` articles (the hidden ones are left out: fewer). */
	constructor(mentions: number, articles: number) {
		this.cols = {
			article: new Int32Array(mentions),
			start: new Int32Array(mentions),
			end: new Int32Array(mentions),
			entity: new Int32Array(mentions),
			text: new Int32Array(mentions),
			rule: new Int32Array(mentions),
			title: new Int32Array(mentions),
			titleStart: new Int32Array(mentions),
		};
		this.articleFirst = new Int32Array(articles + 1);
	}

	/** Marks the start of article `a`'s mentions (called for every article in order, then once with the count). */
	startArticle(a: number): void {
		this.articleFirst[a] = this.count;
	}

	add(article: number, start: number, end: number, entity: number, text: string, rule: string, title: string | undefined, titleStart: number | undefined): void {
		const g = this.count++;
		const c = this.cols;
		// A typed array drops a write past its end without a word.
		if (g >= c.article.length) throw new RangeError(`LinkedMentionsWriter: more than the ${c.article.length} mentions it was made for`);
		c.article[g] = article;
		c.start[g] = start;
		c.end[g] = end;
		c.entity[g] = entity;
		c.text[g] = this.ref(text);
		c.rule[g] = this.ref(rule);
		c.title[g] = title === undefined ? NONE : this.ref(title);
		c.titleStart[g] = title === undefined ? NONE : (titleStart ?? NONE);
	}

	/** The columns, trimmed to the mentions added (a copy of each when fewer than made for), grouped by entity (`entities` of them). */
	finish(entities: number): LinkedMentions {
		const n = this.count;
		const cut = (a: Int32Array): Int32Array => (a.length === n ? a : a.slice(0, n));
		const c = this.cols;
		const entity = cut(c.entity);
		const {byEntity, entityFirst} = groupByEntity(entity, entities);
		return {
			article: cut(c.article),
			start: cut(c.start),
			end: cut(c.end),
			entity,
			text: cut(c.text),
			rule: cut(c.rule),
			title: cut(c.title),
			titleStart: cut(c.titleStart),
			articleFirst: this.articleFirst,
			byEntity,
			entityFirst,
			strings: this.strings,
		};
	}

	private ref(s: string): number {
		let i = this.stringIndex.get(s);
		if (i === undefined) {
			i = this.strings.length;
			this.strings.push(s);
			this.stringIndex.set(s, i);
		}
		return i;
	}
}

/** A counting sort of mention numbers by entity: ascending within each, as they are met. */
function groupByEntity(entity: Int32Array, entities: number): {byEntity: Int32Array; entityFirst: Int32Array} {
	const entityFirst = new Int32Array(entities + 1);
	for (let g = 0; g < entity.length; g++) entityFirst[entity[g]! + 1]!++;
	for (let e = 0; e < entities; e++) entityFirst[e + 1]! += entityFirst[e]!;
	const next = entityFirst.slice(0, entities);
	const byEntity = new Int32Array(entity.length);
	for (let g = 0; g < entity.length; g++) byEntity[next[entity[g]!]!++] = g;
	return {byEntity, entityFirst};
}

/**
 * True when stored columns can be read safely for these articles (by their text lengths) and this
 * many entities: equal lengths, every reference in range, every mention inside its article's text
 * and in order, byEntity the grouping that `entity` says. Linear in the number of mentions.
 */
export function validLinkedMentions(m: LinkedMentions, textLengths: ArrayLike<number>, entities: number): boolean {
	return runSteps(validLinkedMentionsSteps(m, textLengths, entities, NO_PAUSE));
}

/** `validLinkedMentions` in steps of `clock` (two million mentions take a while). */
export function* validLinkedMentionsSteps(m: LinkedMentions, textLengths: ArrayLike<number>, entities: number, clock: StepClock): Steps<boolean> {
	const n = m.article.length;
	for (const name of ['start', 'end', 'entity', 'text', 'rule', 'title', 'titleStart', 'byEntity'] as const) if (m[name].length !== n) return false;
	const articles = textLengths.length;
	if (m.articleFirst.length !== articles + 1 || m.entityFirst.length !== entities + 1) return false;
	if (m.articleFirst[0] !== 0 || m.articleFirst[articles] !== n || m.entityFirst[0] !== 0 || m.entityFirst[entities] !== n) return false;
	const strings = m.strings.length;
	const isRef = (r: number): boolean => r >= 0 && r < strings;
	for (let a = 0; a < articles; a++) {
		const from = m.articleFirst[a]!;
		const to = m.articleFirst[a + 1]!;
		if (to < from || to > n) return false;
		const length = textLengths[a]!;
		let lastStart = 0;
		for (let g = from; g < to; g++) {
			const start = m.start[g]!;
			const end = m.end[g]!;
			if (m.article[g] !== a || start < lastStart || end <= start || end > length) return false;
			lastStart = start;
			const e = m.entity[g]!;
			if (e < 0 || e >= entities || !isRef(m.text[g]!) || !isRef(m.rule[g]!) || m.strings[m.text[g]!]!.length !== end - start) return false;
			const title = m.title[g]!;
			const titleStart = m.titleStart[g]!;
			if (title === NONE ? titleStart !== NONE : !isRef(title) || titleStart < 0 || titleStart + m.strings[title]!.length > length) return false;
		}
		if (clock.tick(1 + to - from)) yield* clock.pause();
	}
	// byEntity must be exactly the counting sort of `entity`: each entity's mentions, ascending.
	// (Every mention's entity is in range, checked above; entityFirst ascending with the right ends
	// and each group ascending and of its entity make byEntity a permutation equal to the sort.)
	for (let e = 0; e < entities; e++) {
		const from = m.entityFirst[e]!;
		const to = m.entityFirst[e + 1]!;
		if (to < from) return false;
		let last = -1;
		for (let k = from; k < to; k++) {
			const g = m.byEntity[k]!;
			if (g <= last || g >= n || m.entity[g] !== e) return false;
			last = g;
		}
		if (clock.tick(1 + to - from)) yield* clock.pause();
	}
	return true;
}
