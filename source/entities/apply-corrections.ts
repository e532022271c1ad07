// Applying the user's corrections (khao.entities.json, loaded by corrections.ts) to the clusters
// linking found: merges, splits and added spellings regroup clusters; renames, kinds and hidden
// entities are resolved to the clusters they name. The builder's own sets are never touched, so
// a corrected snapshot and the next uncorrected link stay independent.

import type {EntityCorrections} from './corrections.js';
import {idBase, uniqueId} from './entity-summary.js';
import {type Cluster, type MentionTable, type Summary, summarize} from './mention-table.js';
import {nameKey} from './normalize.js';
import type {StepClock, Steps} from './steps.js';
import type {EntityKind} from './types.js';
import {UnionFind} from './union-find.js';

/** What every correction step reads: the table, the clusters and their summaries so far. */
export interface CorrectionInput {
	table: MentionTable;
	clusters: readonly Cluster[];
	/** Known summaries (filled in where missing). */
	summaries: Array<Summary | undefined>;
	corrections: EntityCorrections;
	/** Where references that name nothing are reported. */
	warnings: string[];
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

export interface CorrectedClusters {
	clusters: Cluster[];
	extraAliases: Map<number, string[]>;
	/** Summaries (without extra aliases) of the corrected clusters, where already known. */
	summaries: Array<Summary | undefined>;
}

/** Merges, splits and alias links from the corrections, on clusters (the builder's sets stay untouched). */
export function* applyClusterCorrections({table, clusters, summaries, corrections, warnings}: CorrectionInput, clock: StepClock): Steps<CorrectedClusters> {
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
		const all = group.flatMap((ref) => resolveAll(ref, 'merge'));
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
			for (const g of merged[s]!) (keys.has(nameKey(table.mentionText.get(g))) ? moved : keep).push(g);
			if (keep.length !== merged[s]!.length) mergedSummaries[s] = undefined;
			merged[s] = keep;
			if (clock.due()) yield* clock.pause();
		}
		if (moved.length === 0) {
			warnings.push(`split: "${split.from}" has no mention written ${split.names.map((n) => `"${n}"`).join(' or ')}`);
			continue;
		}
		merged.push(moved);
		mergedSummaries.push(undefined);
		if (split.name !== undefined) extraAliases.set(merged.length - 1, [split.name]);
	}
	return {clusters: merged, extraAliases, summaries: mergedSummaries};
}

/** Renames, kinds and hidden entities, by cluster index. */
export interface EntityEdits {
	renamed: Map<number, string>;
	rekinded: Map<number, EntityKind>;
	hidden: Set<number>;
}

export function* resolveEntityEdits({table, clusters, summaries, corrections, warnings}: CorrectionInput, clock: StepClock): Steps<EntityEdits> {
	const edits: EntityEdits = {renamed: new Map(), rekinded: new Map(), hidden: new Set()};
	const resolver = yield* resolverOf(table, clusters, summaries, clock);
	const each = (refs: Record<string, unknown> | string[], what: string, apply: (c: number, ref: string) => void): void => {
		const list = Array.isArray(refs) ? refs : Object.keys(refs);
		for (const ref of list) {
			const found = resolver.resolve(ref);
			if (found.length === 0) warnings.push(`${what}: no entity "${ref}"`);
			for (const c of found) apply(c, ref);
		}
	};
	each(corrections.rename, 'rename', (c, ref) => edits.renamed.set(c, corrections.rename[ref]!));
	each(corrections.kind, 'kind', (c, ref) => edits.rekinded.set(c, corrections.kind[ref]!));
	each(corrections.hide, 'hide', (c) => edits.hidden.add(c));
	return edits;
}
