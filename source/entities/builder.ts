// Builds the entity index incrementally: `add` detects a batch of articles and links their mentions
// into the sets seen so far; `snapshot` turns the current sets into an EntityIndex, applying the
// user's corrections. Both also come in steps (`addSteps`, `snapshotSteps`) of a few milliseconds
// each, so the reader can build the index between keystrokes: one long article or one snapshot of
// 10,000 articles would otherwise freeze input for tens or hundreds of milliseconds.
//
// Linking: inside an article, a group (a name with its repeats and short forms, or the parts of a
// bracketed definition) is one node; across articles, nodes sharing a link key (link-keys.ts) are
// one entity.

import type {Article} from '../corpus/types.js';
import {type EntityCorrections} from './corrections.js';
import {EntityIndex} from './entity-index.js';
import {KindVote, aliasesFromCounts, canonicalName, idBase, kindWeight} from './entity-summary.js';
import {type DetectedMention, detectMentionsSteps} from './find-mentions.js';
import {linkKeys} from './link-keys.js';
import {type AliasKeys, NameSearch, aliasKeys} from './name-search.js';
import {displayName, nameKey} from './normalize.js';
import {DEFAULT_STEP_MS, NO_PAUSE, StepClock, type Steps, runSteps, sortSteps} from './steps.js';
import type {Entity, EntityKind, LinkedMention} from './types.js';
import {UnionFind} from './union-find.js';

export interface EntityIndexOptions {
	corrections?: EntityCorrections;
}

/**
 * Every mention added so far, in corpus order (by article, then by start): a mention is named by
 * its place here, so clusters are lists of numbers rather than objects. What a snapshot reads of
 * every mention is also kept in columns of its own: mentions come in many shapes (optional
 * fields), and reading one field of 300,000 of them was a large part of a snapshot.
 */
interface MentionTable {
	readonly articleIds: readonly string[];
	/** Per article, its first mention's number; one more entry at the end. */
	readonly firstMention: readonly number[];
	readonly mentions: readonly DetectedMention[];
	readonly mentionArticle: readonly number[];
	/** The text as written, one string object per distinct text. */
	readonly mentionText: readonly string[];
	readonly mentionKind: readonly EntityKind[];
	readonly mentionWeight: readonly number[];
	readonly mentionPlaceKey: ReadonlyArray<string | undefined>;
}

/** A cluster: mention numbers, ascending unless a correction merged clusters. */
type Cluster = number[];

export class EntityIndexBuilder {
	private readonly table = {
		articleIds: [] as string[],
		firstMention: [0],
		mentions: [] as DetectedMention[],
		mentionArticle: [] as number[],
		mentionText: [] as string[],
		mentionKind: [] as EntityKind[],
		mentionWeight: [] as number[],
		mentionPlaceKey: [] as Array<string | undefined>,
	} satisfies MentionTable;
	/** Union-find node of each mention's group. */
	private readonly mentionNode: number[] = [];
	private readonly sets = new UnionFind();
	private readonly keyNode = new Map<string, number>();
	private readonly seen = new Set<string>();
	/**
	 * One string per distinct mention text: a snapshot counts spellings in maps, and equal texts
	 * that are one object compare at once (distinct slices of articles compare letter by letter).
	 */
	private readonly texts = new Map<string, string>();
	/** Counts added articles, so a snapshot in steps notices articles added under it. */
	private version = 0;
	private previous = new PreviousSnapshot();
	/** Search keys of every alias seen: each snapshot's name search needs them again. */
	private readonly aliasKeys = new Map<string, AliasKeys>();
	private readonly keysOf = (alias: string): AliasKeys => {
		let keys = this.aliasKeys.get(alias);
		if (keys === undefined) this.aliasKeys.set(alias, (keys = aliasKeys(alias)));
		return keys;
	};

	constructor(private readonly options: EntityIndexOptions = {}) {}

	/** Number of articles added so far. */
	get size(): number {
		return this.table.articleIds.length;
	}

	/** Detects and links a batch of articles (an article id seen before is skipped). */
	add(articles: readonly Article[]): void {
		runSteps(this.addWith(articles, NO_PAUSE));
	}

	/**
	 * `add` in steps of about `stepMs`. An article joins the index only once it is fully detected,
	 * so a snapshot may be taken between any two steps (not while a snapshot is in steps).
	 */
	addSteps(articles: readonly Article[], stepMs = DEFAULT_STEP_MS): Steps<void> {
		return this.addWith(articles, new StepClock(stepMs));
	}

	/** The index of everything added so far. */
	snapshot(): EntityIndex {
		return runSteps(this.snapshotWith(NO_PAUSE));
	}

	/**
	 * `snapshot` in steps of about `stepMs`, with the same result. No article may be added until it
	 * is done (the sets it reads would change): a step after an `add` throws.
	 */
	snapshotSteps(stepMs = DEFAULT_STEP_MS): Steps<EntityIndex> {
		const version = this.version;
		return this.snapshotWith(
			new StepClock(stepMs, () => {
				if (this.version !== version) throw new Error('EntityIndexBuilder: articles were added while a snapshot was being built');
			}),
		);
	}

	private *addWith(articles: readonly Article[], clock: StepClock): Steps<void> {
		clock.restart();
		for (const article of articles) {
			if (this.seen.has(article.id)) continue;
			const mentions = yield* detectMentionsSteps(article, clock);
			const keys: string[][] = [];
			for (const m of mentions) {
				keys.push(linkKeys(m));
				if (clock.tick(4)) yield* clock.pause();
			}
			// Another batch may have added the same article while this one was paused.
			if (this.seen.has(article.id)) continue;
			this.commit(article.id, mentions, keys);
			if (clock.due()) yield* clock.pause();
		}
	}

	/** Adds one detected article at once: between steps the builder is always whole. */
	private commit(id: string, mentions: readonly DetectedMention[], keys: readonly string[][]): void {
		this.seen.add(id);
		this.version++;
		const table = this.table;
		const article = table.articleIds.length;
		const groupNodes: number[] = [];
		mentions.forEach((m, i) => {
			let node = groupNodes[m.group];
			if (node === undefined) {
				node = this.sets.add();
				groupNodes[m.group] = node;
			}
			for (const key of keys[i]!) {
				const other = this.keyNode.get(key);
				if (other === undefined) this.keyNode.set(key, node);
				else this.sets.union(node, other);
			}
			const text = this.texts.get(m.text);
			if (text === undefined) this.texts.set(m.text, m.text);
			else m.text = text;
			table.mentions.push(m);
			table.mentionArticle.push(article);
			table.mentionText.push(m.text);
			table.mentionKind.push(m.kind);
			table.mentionWeight.push(kindWeight(m));
			table.mentionPlaceKey.push(m.placeKey);
			this.mentionNode.push(node);
		});
		table.articleIds.push(id);
		table.firstMention.push(table.mentions.length);
	}

	private *snapshotWith(clock: StepClock): Steps<EntityIndex> {
		clock.restart();
		// Clusters: one per union-find root, in order of first mention.
		const mentionCount = this.table.mentions.length;
		const clusterOfRoot = new Int32Array(this.sets.length).fill(-1);
		const found: Cluster[] = [];
		for (let g = 0; g < mentionCount; g += CHUNK) {
			this.clusterMentions(g, Math.min(g + CHUNK, mentionCount), clusterOfRoot, found);
			if (clock.due()) yield* clock.pause();
		}
		const foundSummaries = this.previous.summariesOf(found);
		const corrections = this.options.corrections;
		const warnings: string[] = [];
		let clusters = found;
		let extraAliases = new Map<number, string[]>();
		let summaries = foundSummaries;
		if (corrections !== undefined) {
			const result = yield* applyClusterCorrections(this.table, found, foundSummaries, corrections, warnings, clock);
			({clusters, extraAliases, summaries} = result);
		}
		const index = yield* buildIndex(this.table, clusters, summaries, extraAliases, corrections, warnings, this.previous.linked, this.keysOf, clock);
		this.previous = new PreviousSnapshot(found, foundSummaries, index.linked);
		return index.index;
	}

	private clusterMentions(from: number, to: number, clusterOfRoot: Int32Array, clusters: Cluster[]): void {
		for (let g = from; g < to; g++) {
			const root = this.sets.find(this.mentionNode[g]!);
			const c = clusterOfRoot[root]!;
			if (c >= 0) clusters[c]!.push(g);
			else {
				clusterOfRoot[root] = clusters.length;
				clusters.push([g]);
			}
		}
	}
}

/**
 * Mentions (or articles) handled between two looks at the clock. Long loops run in plain functions
 * over chunks rather than in the generators: V8 optimises a loop inside a generator only once the
 * whole generator is hot, and a snapshot's generators run once each.
 */
const CHUNK = 2048;

/** Builds the whole index at once (tests, plain mode). */
export function buildEntityIndex(articles: readonly Article[], options: EntityIndexOptions = {}): EntityIndex {
	const builder = new EntityIndexBuilder(options);
	builder.add(articles);
	return builder.snapshot();
}

interface Summary {
	name: string;
	kind: EntityKind;
	aliases: Array<{name: string; count: number}>;
	placeKey?: string;
	/** idBase of the above, once worked out. */
	idBase?: string;
}

/**
 * What the last snapshot worked out that the next one can reuse. Mentions never leave a cluster,
 * so a cluster with the same first mention and as many mentions as before has the same mentions,
 * and its summary stands; a placed mention whose entity kept its id and kind is the same again.
 */
class PreviousSnapshot {
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
		return clusters.map(cluster => {
			const hit = this.byFirst.get(cluster[0]!);
			return hit !== undefined && hit.length === cluster.length ? hit.summary : undefined;
		});
	}
}

/** Name, kind and spellings of a cluster, from its mentions (in cluster order). */
function summarize(table: MentionTable, cluster: Cluster): Summary {
	const raw = new Map<string, number>();
	const vote = new KindVote();
	let placeKey: string | undefined;
	for (const g of cluster) {
		const text = table.mentionText[g]!;
		raw.set(text, (raw.get(text) ?? 0) + 1);
		vote.add(table.mentionKind[g]!, table.mentionWeight[g]!);
		placeKey ??= table.mentionPlaceKey[g];
	}
	const aliases = aliasesFromCounts(raw);
	const kind = vote.winner();
	return {name: canonicalName(aliases, kind), kind, aliases, placeKey};
}

/** A summary with more spellings from the corrections: they never outrank a spelling seen. */
function withExtraAliases(base: Summary, extra: readonly string[]): Summary {
	const aliases = [...base.aliases];
	for (const name of extra) if (!aliases.some(a => a.name === name)) aliases.push({name, count: 0});
	return {...base, aliases, name: base.name !== '' ? base.name : canonicalName(aliases, base.kind)};
}

/** Resolves entity references (an id or any alias) to cluster indices. */
class ClusterResolver {
	private readonly byName = new Map<string, Set<number>>();
	private readonly byId = new Map<string, number>();
	private readonly used = new Map<string, number>();

	/** Clusters must come in order. */
	add(c: number, s: Summary): void {
		for (const a of s.aliases) {
			const key = nameKey(a.name);
			let set = this.byName.get(key);
			if (set === undefined) this.byName.set(key, (set = new Set()));
			set.add(c);
		}
		this.byId.set(uniqueId(idBase(s.kind, s.name, s.aliases, s.placeKey), this.used), c);
	}

	resolve(ref: string): number[] {
		const id = this.byId.get(ref);
		if (id !== undefined) return [id];
		return [...(this.byName.get(nameKey(ref)) ?? [])];
	}
}

/** A resolver over all non-empty clusters; fills in the summaries it lacks. */
function* resolverOf(table: MentionTable, clusters: readonly Cluster[], summaries: Array<Summary | undefined>, clock: StepClock): Steps<ClusterResolver> {
	const resolver = new ClusterResolver();
	for (let c = 0; c < clusters.length; c++) {
		const cluster = clusters[c]!;
		if (cluster.length === 0) continue;
		resolver.add(c, (summaries[c] ??= summarize(table, cluster)));
		if (clock.due()) yield* clock.pause();
	}
	return resolver;
}

interface CorrectedClusters {
	clusters: Cluster[];
	extraAliases: Map<number, string[]>;
	/** Summaries (without extra aliases) of the corrected clusters, where already known. */
	summaries: Array<Summary | undefined>;
}

/** Merges, splits and alias links from the corrections, on clusters (the builder's sets stay untouched). */
function* applyClusterCorrections(
	table: MentionTable,
	clusters: readonly Cluster[],
	summaries: Array<Summary | undefined>,
	corrections: EntityCorrections,
	warnings: string[],
	clock: StepClock,
): Steps<CorrectedClusters> {
	const resolver = yield* resolverOf(table, clusters, summaries, clock);
	const sets = new UnionFind();
	for (let i = 0; i < clusters.length; i++) sets.add();
	const resolveAll = (ref: string, where: string): number[] => {
		const found = resolver.resolve(ref);
		if (found.length === 0) warnings.push(`${where}: no entity "${ref}"`);
		return found;
	};
	const aliasNames = new Map<number, string[]>();
	for (const [ref, names] of Object.entries(corrections.aliases)) {
		const targets = resolveAll(ref, 'aliases');
		if (targets.length === 0) continue;
		for (const t of targets) sets.union(t, targets[0]!);
		for (const name of names) for (const c of resolver.resolve(name)) sets.union(c, targets[0]!);
		aliasNames.set(targets[0]!, [...(aliasNames.get(targets[0]!) ?? []), ...names]);
	}
	for (const group of corrections.merge) {
		const all = group.flatMap(ref => resolveAll(ref, 'merge'));
		for (const c of all) sets.union(c, all[0]!);
	}
	// Regroup by merged roots. A cluster merged with none keeps its summary.
	const merged: Cluster[] = [];
	const mergedSummaries: Array<Summary | undefined> = [];
	const rootIndex = new Map<number, number>();
	const extraAliases = new Map<number, string[]>();
	for (let c = 0; c < clusters.length; c++) {
		const root = sets.find(c);
		let m = rootIndex.get(root);
		if (m === undefined) {
			m = merged.length;
			rootIndex.set(root, m);
			merged.push([]);
			mergedSummaries.push(summaries[c]);
		} else {
			mergedSummaries[m] = undefined;
		}
		const into = merged[m]!;
		for (const g of clusters[c]!) into.push(g);
		const extra = aliasNames.get(c);
		if (extra !== undefined) extraAliases.set(m, [...(extraAliases.get(m) ?? []), ...extra]);
		if (clock.tick(16)) yield* clock.pause();
	}
	// Splits: the named spellings leave their entity and form one of their own.
	for (const split of corrections.split) {
		const mergedResolver = yield* resolverOf(table, merged, mergedSummaries, clock);
		const sources = mergedResolver.resolve(split.from);
		if (sources.length === 0) {
			warnings.push(`split: no entity "${split.from}"`);
			continue;
		}
		const keys = new Set(split.names.map(nameKey));
		const moved: Cluster = [];
		for (const s of sources) {
			const keep: Cluster = [];
			for (const g of merged[s]!) (keys.has(nameKey(table.mentions[g]!.text)) ? moved : keep).push(g);
			if (keep.length !== merged[s]!.length) mergedSummaries[s] = undefined;
			merged[s] = keep;
			if (clock.due()) yield* clock.pause();
		}
		if (moved.length === 0) {
			warnings.push(`split: "${split.from}" has no mention written ${split.names.map(n => `"${n}"`).join(' or ')}`);
			continue;
		}
		merged.push(moved);
		mergedSummaries.push(undefined);
		if (split.name !== undefined) extraAliases.set(merged.length - 1, [split.name]);
	}
	return {clusters: merged, extraAliases, summaries: mergedSummaries};
}

function uniqueId(base: string, used: Map<string, number>): string {
	const n = (used.get(base) ?? 0) + 1;
	used.set(base, n);
	return n === 1 ? base : `${base}-${n}`;
}

interface Draft {
	entity: Entity;
	/** Its mention numbers, ascending (corpus order). */
	cluster: Cluster;
}

/** Entity names are ordered as `localeCompare` orders them; a collator is the same, reused. */
const collator = new Intl.Collator();

function* buildIndex(
	table: MentionTable,
	clusters: readonly Cluster[],
	summaries: Array<Summary | undefined>,
	extraAliases: Map<number, string[]>,
	corrections: EntityCorrections | undefined,
	warnings: string[],
	previous: ReadonlyArray<LinkedMention | undefined>,
	keysOf: (alias: string) => AliasKeys,
	clock: StepClock,
): Steps<{index: EntityIndex; linked: Array<LinkedMention | undefined>}> {
	const renamed = new Map<number, string>();
	const rekinded = new Map<number, EntityKind>();
	const hidden = new Set<number>();
	if (corrections !== undefined) {
		const resolver = yield* resolverOf(table, clusters, summaries, clock);
		const each = (refs: Record<string, unknown> | string[], what: string, apply: (c: number, ref: string) => void): void => {
			const list = Array.isArray(refs) ? refs : Object.keys(refs);
			for (const ref of list) {
				const found = resolver.resolve(ref);
				if (found.length === 0) warnings.push(`${what}: no entity "${ref}"`);
				for (const c of found) apply(c, ref);
			}
		};
		each(corrections.rename, 'rename', (c, ref) => renamed.set(c, corrections.rename[ref]!));
		each(corrections.kind, 'kind', (c, ref) => rekinded.set(c, corrections.kind[ref]!));
		each(corrections.hide, 'hide', c => hidden.add(c));
	}
	// Entities, bucketed by mention count (most first) to be sorted by name within a bucket.
	const used = new Map<string, number>();
	const byCount = new Map<number, Draft[]>();
	for (let c = 0; c < clusters.length; c++) {
		const cluster = clusters[c]!;
		if (cluster.length === 0 || hidden.has(c)) continue;
		const summary = (summaries[c] ??= summarize(table, cluster));
		const draft = draftOf(table, cluster, summary, extraAliases.get(c), renamed.get(c), rekinded.get(c), used);
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
			linkMentions(table, draft, i, Math.min(i + CHUNK, draft.cluster.length), list, articles, previous, linkedOf);
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
	const nameSearch = new NameSearch();
	for (let e = 0; e < drafts.length; e++) {
		nameSearch.add(e, drafts[e]!.entity.aliases, keysOf);
		if (clock.due()) yield* clock.pause();
	}
	const index = new EntityIndex({
		articleIds: table.articleIds.slice(),
		entities: drafts.map(d => d.entity),
		mentionsByArticle,
		mentionsByEntity,
		articlesByEntity,
		warnings,
		nameSearch,
	});
	return {index, linked: linkedOf};
}

/** The entity of one cluster, with the corrections that name it. */
function draftOf(
	table: MentionTable,
	cluster: Cluster,
	base: Summary,
	extraAliases: readonly string[] = [],
	newName: string | undefined,
	newKind: EntityKind | undefined,
	used: Map<string, number>,
): Draft {
	const extra = [...extraAliases];
	if (newName !== undefined) extra.unshift(displayName(newName));
	const s = extra.length > 0 ? withExtraAliases(base, extra) : base;
	const name = newName !== undefined ? displayName(newName) : s.name;
	const kind = newKind ?? s.kind;
	const aliases = [name, ...s.aliases.map(a => a.name).filter(a => a !== name)];
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
		id: uniqueId(s === base && kind === s.kind ? (base.idBase ??= idBase(kind, name, s.aliases, s.placeKey)) : idBase(kind, name, s.aliases, newName === undefined ? s.placeKey : undefined), used),
		name,
		kind,
		aliases,
		mentionCount: ordered.length,
		articleCount,
	};
	return {entity, cluster: ordered};
}

/** Places the mentions `from`–`to` of an entity's cluster in the index. */
function linkMentions(
	table: MentionTable,
	{entity, cluster}: Draft,
	from: number,
	to: number,
	list: LinkedMention[],
	articles: number[],
	previous: ReadonlyArray<LinkedMention | undefined>,
	linkedOf: Array<LinkedMention | undefined>,
): void {
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
