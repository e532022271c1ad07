// Assembly: clusters (with their corrections) become the EntityIndex the UI reads — entities
// with names, kinds, aliases and ids, mentions placed by entity and by article, and the name
// search. What the previous snapshot worked out is reused where a cluster did not change.

import type {EntityCorrections} from './corrections.js';
import {resolveEntityEdits} from './apply-corrections.js';
import {EntityIndex} from './entity-index.js';
import {canonicalName, idBase, uniqueId} from './entity-summary.js';
import {CHUNK, type Cluster, type MentionTable, type Summary, summarize} from './mention-table.js';
import {type AliasKeys, NameSearch} from './name-search.js';
import {displayName} from './normalize.js';
import {type StepClock, type Steps, sortSteps} from './steps.js';
import type {Entity, EntityKind, LinkedMention} from './types.js';

/**
 * What the last snapshot worked out that the next one can reuse. Mentions never leave a cluster,
 * so a cluster with the same first mention and as many mentions as before has the same mentions,
 * and its summary stands; a placed mention whose entity kept its id and kind is the same again.
 */
export class PreviousSnapshot {
	private readonly byFirst = new Map<number, {length: number; summary: Summary}>();

	constructor(
		clusters: readonly Cluster[] = [],
		summaries: ReadonlyArray<Summary | undefined> = [],
		readonly linked: ReadonlyArray<LinkedMention | undefined> = [],
	) {
		clusters.forEach((cluster, c) => {
			const summary = summaries[c];
			if (summary !== undefined) this.byFirst.set(cluster[0]!, {length: cluster.length, summary});
		});
	}

	/** The summaries still valid for clusters found now (undefined where a cluster grew or is new). */
	summariesOf(clusters: readonly Cluster[]): Array<Summary | undefined> {
		return clusters.map((cluster) => {
			const hit = this.byFirst.get(cluster[0]!);
			return hit !== undefined && hit.length === cluster.length ? hit.summary : undefined;
		});
	}
}

/** A summary with more spellings from the corrections: they never outrank a spelling seen. */
function withExtraAliases(base: Summary, extra: readonly string[]): Summary {
	const aliases = [...base.aliases];
	for (const name of extra) if (!aliases.some((a) => a.name === name)) aliases.push({name, count: 0});
	return {...base, aliases, name: base.name !== '' ? base.name : canonicalName(aliases, base.kind)};
}

interface Draft {
	entity: Entity;
	/** Its mention numbers, ascending (corpus order). */
	cluster: Cluster;
}

/** Entity names are ordered as `localeCompare` orders them; a collator is the same, reused. */
const collator = new Intl.Collator();

/** What assembly reads. */
export interface AssemblyInput {
	table: MentionTable;
	clusters: readonly Cluster[];
	/** Known summaries (filled in where missing). */
	summaries: Array<Summary | undefined>;
	/** Spellings the corrections add, by cluster. */
	extraAliases: ReadonlyMap<number, readonly string[]>;
	corrections?: EntityCorrections;
	warnings: string[];
	/** The placed mentions of the previous snapshot, by mention number. */
	previous: ReadonlyArray<LinkedMention | undefined>;
	/** Search keys of an alias; without it the name search is left to the index's first lookup. */
	keysOf?: (alias: string) => AliasKeys;
}

export function* buildIndex(input: AssemblyInput, clock: StepClock): Steps<{index: EntityIndex; linked: Array<LinkedMention | undefined>}> {
	const {table, clusters, summaries, extraAliases, corrections, warnings, previous, keysOf} = input;
	const {renamed, rekinded, hidden} =
		corrections !== undefined
			? yield* resolveEntityEdits({table, clusters, summaries, corrections, warnings}, clock)
			: {renamed: new Map<number, string>(), rekinded: new Map<number, EntityKind>(), hidden: new Set<number>()};
	// Entities, bucketed by mention count (most first) to be sorted by name within a bucket.
	const used = new Map<string, number>();
	const byCount = new Map<number, Draft[]>();
	for (let c = 0; c < clusters.length; c++) {
		const cluster = clusters[c]!;
		if (cluster.length === 0 || hidden.has(c)) continue;
		const summary = (summaries[c] ??= summarize(table, cluster));
		const draft = draftOf(table, cluster, {base: summary, extraAliases: extraAliases.get(c), newName: renamed.get(c), newKind: rekinded.get(c), used});
		const bucket = byCount.get(draft.entity.mentionCount);
		if (bucket === undefined) byCount.set(draft.entity.mentionCount, [draft]);
		else bucket.push(draft);
		if (clock.due()) yield* clock.pause();
	}
	const drafts: Draft[] = [];
	const byName = (a: Draft, b: Draft): number => collator.compare(a.entity.name, b.entity.name);
	for (const count of [...byCount.keys()].sort((a, b) => b - a)) {
		const bucket = byCount.get(count)!;
		for (const d of bucket.length > 1 ? yield* sortSteps(bucket, byName, clock) : bucket) drafts.push(d);
	}
	// Mentions placed in the index, by entity and, through their numbers, by article.
	const linkedOf = new Array<LinkedMention | undefined>(table.mentions.length).fill(undefined);
	const mentionsByEntity: LinkedMention[][] = [];
	const articlesByEntity: number[][] = [];
	for (const draft of drafts) {
		const list: LinkedMention[] = [];
		const articles: number[] = [];
		for (let i = 0; i < draft.cluster.length; i += CHUNK) {
			linkMentions(table, draft, i, Math.min(i + CHUNK, draft.cluster.length), {list, articles, previous, linkedOf});
			if (clock.due()) yield* clock.pause();
		}
		mentionsByEntity.push(list);
		articlesByEntity.push(articles);
	}
	// Mention numbers run in article order and by start within an article: no sorting needed.
	const mentionsByArticle: LinkedMention[][] = [];
	for (let a = 0; a < table.articleIds.length; a += CHUNK / 8) {
		listByArticle(table, linkedOf, a, Math.min(a + CHUNK / 8, table.articleIds.length), mentionsByArticle);
		if (clock.due()) yield* clock.pause();
	}
	// The name search too: built on the first search, it held that key up for hundreds of ms.
	let nameSearch: NameSearch | undefined;
	if (keysOf !== undefined) {
		nameSearch = new NameSearch();
		for (let e = 0; e < drafts.length; e++) {
			nameSearch.add(e, drafts[e]!.entity.aliases, keysOf);
			if (clock.due()) yield* clock.pause();
		}
	}
	const index = new EntityIndex({
		articleIds: table.articleIds.slice(),
		entities: drafts.map((d) => d.entity),
		mentionsByArticle,
		mentionsByEntity,
		articlesByEntity,
		warnings,
		...(nameSearch === undefined ? {} : {nameSearch}),
	});
	return {index, linked: linkedOf};
}

/** The entity of one cluster, with the corrections that name it. */
interface DraftOptions {
	base: Summary;
	extraAliases?: readonly string[];
	newName?: string;
	newKind?: EntityKind;
	/** Ids handed out so far. */
	used: Map<string, number>;
}

function draftOf(table: MentionTable, cluster: Cluster, {base, extraAliases = [], newName, newKind, used}: DraftOptions): Draft {
	const extra = [...extraAliases];
	if (newName !== undefined) extra.unshift(displayName(newName));
	const s = extra.length > 0 ? withExtraAliases(base, extra) : base;
	const name = newName !== undefined ? displayName(newName) : s.name;
	const kind = newKind ?? s.kind;
	const aliases = [name, ...s.aliases.map((a) => a.name).filter((a) => a !== name)];
	// Mentions arrive in corpus order unless a correction merged clusters: then sort them.
	const ordered = ascending(cluster) ? cluster : Array.from(Int32Array.from(cluster).sort());
	let articleCount = 0;
	let lastArticle = -1;
	for (const g of ordered) {
		const a = table.mentionArticle[g]!;
		if (a !== lastArticle) articleCount++;
		lastArticle = a;
	}
	const entity: Entity = {
		id: uniqueId(
			s === base && kind === s.kind
				? (base.idBase ??= idBase(kind, name, s.aliases, s.placeKey))
				: idBase(kind, name, s.aliases, newName === undefined ? s.placeKey : undefined),
			used,
		),
		name,
		kind,
		aliases,
		mentionCount: ordered.length,
		articleCount,
	};
	return {entity, cluster: ordered};
}

/** Places the mentions `from`–`to` of an entity's cluster in the index. */
interface Placement {
	/** The entity's mentions and article numbers, filled in. */
	list: LinkedMention[];
	articles: number[];
	previous: ReadonlyArray<LinkedMention | undefined>;
	/** Every mention's placement, by mention number, filled in. */
	linkedOf: Array<LinkedMention | undefined>;
}

function linkMentions(table: MentionTable, {entity, cluster}: Draft, from: number, to: number, {list, articles, previous, linkedOf}: Placement): void {
	for (let i = from; i < to; i++) {
		const g = cluster[i]!;
		const article = table.mentionArticle[g]!;
		if (articles[articles.length - 1] !== article) articles.push(article);
		const before = previous[g];
		if (before !== undefined && before.entityId === entity.id && before.kind === entity.kind) {
			list.push(before);
			linkedOf[g] = before;
			continue;
		}
		const mention = table.mentions[g]!;
		const linked: LinkedMention = {
			start: mention.start,
			end: mention.end,
			text: mention.text,
			kind: entity.kind,
			rule: mention.rule,
			articleId: table.articleIds[article]!,
			entityId: entity.id,
		};
		if (mention.title !== undefined) {
			linked.title = mention.title;
			linked.titleStart = mention.titleStart;
		}
		list.push(linked);
		linkedOf[g] = linked;
	}
}

/** The placed mentions of articles `from`–`to`, in order (hidden entities' mentions left out). */
function listByArticle(table: MentionTable, linkedOf: ReadonlyArray<LinkedMention | undefined>, from: number, to: number, out: LinkedMention[][]): void {
	for (let a = from; a < to; a++) {
		const list: LinkedMention[] = [];
		for (let g = table.firstMention[a]!; g < table.firstMention[a + 1]!; g++) {
			const linked = linkedOf[g];
			if (linked !== undefined) list.push(linked);
		}
		out.push(list);
	}
}

function ascending(cluster: Cluster): boolean {
	for (let i = 1; i < cluster.length; i++) if (cluster[i - 1]! > cluster[i]!) return false;
	return true;
}
