// Builds the entity index incrementally: `add` detects one batch of articles and links their
// mentions into the sets seen so far (the caller yields between batches, so input never freezes);
// `snapshot` turns the current sets into an EntityIndex, applying the user's corrections.
//
// Linking: inside an article, a group (a name with its repeats and short forms, or the parts of a
// bracketed definition) is one node; across articles, nodes sharing a link key (link-keys.ts) are
// one entity.

import type {Article} from '../corpus/types.js';
import {type EntityCorrections} from './corrections.js';
import {EntityIndex} from './entity-index.js';
import {canonicalName, collectAliases, idBase, voteKind} from './entity-summary.js';
import {type DetectedMention, detectMentions} from './find-mentions.js';
import {linkKeys} from './link-keys.js';
import {displayName, nameKey} from './normalize.js';
import type {Entity, EntityKind, LinkedMention} from './types.js';
import {UnionFind} from './union-find.js';

export interface EntityIndexOptions {
	corrections?: EntityCorrections;
}

interface ArticleRecord {
	id: string;
	mentions: DetectedMention[];
	/** Union-find node of each local group (index = group number). */
	groupNodes: number[];
}

interface MentionRef {
	article: number;
	mention: DetectedMention;
}

export class EntityIndexBuilder {
	private readonly sets = new UnionFind();
	private readonly keyNode = new Map<string, number>();
	private readonly records: ArticleRecord[] = [];
	private readonly seen = new Set<string>();

	constructor(private readonly options: EntityIndexOptions = {}) {}

	/** Number of articles added so far. */
	get size(): number {
		return this.records.length;
	}

	/** Detects and links a batch of articles (an article id seen before is skipped). */
	add(articles: readonly Article[]): void {
		for (const article of articles) {
			if (this.seen.has(article.id)) continue;
			this.seen.add(article.id);
			const mentions = detectMentions(article);
			const groupNodes: number[] = [];
			for (const m of mentions) {
				let node = groupNodes[m.group];
				if (node === undefined) {
					node = this.sets.add();
					groupNodes[m.group] = node;
				}
				for (const key of linkKeys(m)) {
					const other = this.keyNode.get(key);
					if (other === undefined) this.keyNode.set(key, node);
					else this.sets.union(node, other);
				}
			}
			this.records.push({id: article.id, mentions, groupNodes});
		}
	}

	/** The index of everything added so far. */
	snapshot(): EntityIndex {
		const sets = this.sets;
		// Clusters: one per union-find root, in order of first mention.
		const clusterOfRoot = new Map<number, number>();
		let clusters: MentionRef[][] = [];
		this.records.forEach((record, article) => {
			for (const mention of record.mentions) {
				const root = sets.find(record.groupNodes[mention.group]!);
				let c = clusterOfRoot.get(root);
				if (c === undefined) {
					c = clusters.length;
					clusterOfRoot.set(root, c);
					clusters.push([]);
				}
				clusters[c]!.push({article, mention});
			}
		});
		const corrections = this.options.corrections;
		const warnings: string[] = [];
		let extraAliases = new Map<number, string[]>();
		if (corrections !== undefined) {
			const result = applyClusterCorrections(clusters, corrections, warnings);
			clusters = result.clusters;
			extraAliases = result.extraAliases;
		}
		return buildIndex(this.records, clusters, extraAliases, corrections, warnings);
	}
}

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
}

function summarize(refs: readonly MentionRef[], extra: readonly string[] = []): Summary {
	const mentions = refs.map(r => r.mention);
	const aliases = collectAliases(mentions);
	for (const name of extra) if (!aliases.some(a => a.name === name)) aliases.push({name, count: 0});
	const placeKey = mentions.find(m => m.placeKey !== undefined)?.placeKey;
	const kind = voteKind(mentions);
	return {name: canonicalName(aliases.filter(a => a.count > 0), kind) || canonicalName(aliases, kind), kind, aliases, placeKey};
}

/** Resolves entity references (an id or any alias) to cluster indices. */
class ClusterResolver {
	private readonly byName = new Map<string, Set<number>>();
	private readonly byId = new Map<string, number>();

	constructor(clusters: readonly MentionRef[][]) {
		const used = new Map<string, number>();
		clusters.forEach((refs, c) => {
			if (refs.length === 0) return;
			const s = summarize(refs);
			for (const a of s.aliases) {
				const key = nameKey(a.name);
				let set = this.byName.get(key);
				if (set === undefined) this.byName.set(key, (set = new Set()));
				set.add(c);
			}
			this.byId.set(uniqueId(idBase(s.kind, s.name, s.aliases, s.placeKey), used), c);
		});
	}

	resolve(ref: string): number[] {
		const id = this.byId.get(ref);
		if (id !== undefined) return [id];
		return [...(this.byName.get(nameKey(ref)) ?? [])];
	}
}

/** Merges, splits and alias links from the corrections, on clusters (the builder's sets stay untouched). */
function applyClusterCorrections(clusters: MentionRef[][], corrections: EntityCorrections, warnings: string[]): {clusters: MentionRef[][]; extraAliases: Map<number, string[]>} {
	const resolver = new ClusterResolver(clusters);
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
	// Regroup by merged roots.
	const merged: MentionRef[][] = [];
	const rootIndex = new Map<number, number>();
	const extraAliases = new Map<number, string[]>();
	clusters.forEach((refs, c) => {
		const root = sets.find(c);
		let m = rootIndex.get(root);
		if (m === undefined) {
			m = merged.length;
			rootIndex.set(root, m);
			merged.push([]);
		}
		merged[m]!.push(...refs);
		const extra = aliasNames.get(c);
		if (extra !== undefined) extraAliases.set(m, [...(extraAliases.get(m) ?? []), ...extra]);
	});
	// Splits: the named spellings leave their entity and form one of their own.
	for (const split of corrections.split) {
		const mergedResolver = new ClusterResolver(merged);
		const sources = mergedResolver.resolve(split.from);
		if (sources.length === 0) {
			warnings.push(`split: no entity "${split.from}"`);
			continue;
		}
		const keys = new Set(split.names.map(nameKey));
		const moved: MentionRef[] = [];
		for (const s of sources) {
			const keep: MentionRef[] = [];
			for (const r of merged[s]!) (keys.has(nameKey(r.mention.text)) ? moved : keep).push(r);
			merged[s] = keep;
		}
		if (moved.length === 0) {
			warnings.push(`split: "${split.from}" has no mention written ${split.names.map(n => `"${n}"`).join(' or ')}`);
			continue;
		}
		merged.push(moved);
		if (split.name !== undefined) extraAliases.set(merged.length - 1, [split.name]);
	}
	return {clusters: merged, extraAliases};
}

function uniqueId(base: string, used: Map<string, number>): string {
	const n = (used.get(base) ?? 0) + 1;
	used.set(base, n);
	return n === 1 ? base : `${base}-${n}`;
}

function buildIndex(records: readonly ArticleRecord[], clusters: readonly MentionRef[][], extraAliases: Map<number, string[]>, corrections: EntityCorrections | undefined, warnings: string[]): EntityIndex {
	interface Draft {
		entity: Entity;
		refs: MentionRef[];
	}
	const drafts: Draft[] = [];
	const used = new Map<string, number>();
	const renamed = new Map<number, string>();
	const rekinded = new Map<number, EntityKind>();
	const hidden = new Set<number>();
	if (corrections !== undefined) {
		const resolver = new ClusterResolver(clusters as MentionRef[][]);
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
	clusters.forEach((refs, c) => {
		if (refs.length === 0 || hidden.has(c)) return;
		const extra = [...(extraAliases.get(c) ?? [])];
		const newName = renamed.get(c);
		if (newName !== undefined) extra.unshift(displayName(newName));
		const s = summarize(refs, extra);
		const name = newName !== undefined ? displayName(newName) : s.name;
		const kind = rekinded.get(c) ?? s.kind;
		const aliases = [name, ...s.aliases.map(a => a.name).filter(a => a !== name)];
		const articles = new Set<number>();
		for (const r of refs) articles.add(r.article);
		const entity: Entity = {
			id: uniqueId(idBase(kind, name, s.aliases, newName === undefined ? s.placeKey : undefined), used),
			name,
			kind,
			aliases,
			mentionCount: refs.length,
			articleCount: articles.size,
		};
		drafts.push({entity, refs});
	});
	const mentionsByArticle: LinkedMention[][] = records.map(() => []);
	const mentionsByEntity: LinkedMention[][] = [];
	drafts.sort((a, b) => b.entity.mentionCount - a.entity.mentionCount || a.entity.name.localeCompare(b.entity.name));
	for (const {entity, refs} of drafts) {
		const list: LinkedMention[] = [];
		for (const {article, mention} of refs) {
			const linked: LinkedMention = {
				start: mention.start,
				end: mention.end,
				text: mention.text,
				kind: entity.kind,
				rule: mention.rule,
				articleId: records[article]!.id,
				entityId: entity.id,
			};
			if (mention.title !== undefined) {
				linked.title = mention.title;
				linked.titleStart = mention.titleStart;
			}
			list.push(linked);
			mentionsByArticle[article]!.push(linked);
		}
		// Refs arrive in corpus order unless a correction merged clusters: then sort them.
		if (!inCorpusOrder(refs)) {
			const byRef = new Map(list.map((l, i) => [l, refs[i]!]));
			list.sort((a, b) => byRef.get(a)!.article - byRef.get(b)!.article || a.start - b.start);
		}
		mentionsByEntity.push(list);
	}
	for (const list of mentionsByArticle) list.sort((a, b) => a.start - b.start);
	return new EntityIndex({
		articleIds: records.map(r => r.id),
		entities: drafts.map(d => d.entity),
		mentionsByArticle,
		mentionsByEntity,
		warnings,
	});
}

function inCorpusOrder(refs: readonly MentionRef[]): boolean {
	for (let i = 1; i < refs.length; i++) {
		const a = refs[i - 1]!;
		const b = refs[i]!;
		if (a.article > b.article || (a.article === b.article && a.mention.start > b.mention.start)) return false;
	}
	return true;
}
