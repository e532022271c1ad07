// Linking: inside an article, a group (a name with its repeats and short forms, or the parts of a
// bracketed definition) is one node; across articles, nodes sharing a link key (link-keys.ts) are
// one entity. Nodes live in a union-find that only ever grows, so adding articles never undoes a
// link; a snapshot reads the current sets as clusters of mention numbers.
//
// Acronyms are the exception: an acronym joins an expansion only as the corpus defines it. A
// defined acronym (in a group with its expansion) links nothing by itself, so two bodies that share
// an acronym stay two; acronyms used alone link with each other, and that cluster joins the
// expansion at snapshot time only while every definition in the corpus names one entity (a later
// second definition undoes it at the next snapshot: the sets themselves never hold it).

import type {DetectedMention} from './find-mentions.js';
import {CHUNK, type Cluster} from './mention-table.js';
import {nameKey} from './normalize.js';
import {type StepClock, type Steps} from './steps.js';
import {UnionFind} from './union-find.js';
import {NumberColumn} from './column.js';

export class Linker {
	/** Union-find node of each mention's group, by mention number. */
	private readonly mentionNode = new NumberColumn();
	private readonly sets = new UnionFind();
	/** The first node that contributed each link key. */
	private readonly keyNode = new Map<string, number>();
	/** Per acronym (its name key): the nodes of the groups that define it, and a node of its bare uses. */
	private readonly definedAcronym = new Map<string, number[]>();
	private readonly bareAcronym = new Map<string, number>();

	/** Links the mentions of one article (numbered from the next free number), with their keys. */
	addArticle(mentions: readonly DetectedMention[], keys: readonly string[][]): void {
		const groupNodes: number[] = [];
		// Groups holding a name beside their acronym define it.
		const defining = new Set<number>();
		for (const m of mentions) if (!isAcronym(m)) defining.add(m.group);
		mentions.forEach((m, i) => {
			let node = groupNodes[m.group];
			if (node === undefined) {
				node = this.sets.add();
				groupNodes[m.group] = node;
			}
			this.mentionNode.push(node);
			if (isAcronym(m) && !m.short) {
				const acronym = nameKey(m.text);
				if (defining.has(m.group)) {
					pushTo(this.definedAcronym, acronym, node);
					return;
				}
				if (!this.bareAcronym.has(acronym)) this.bareAcronym.set(acronym, node);
			}
			for (const key of keys[i]!) {
				const other = this.keyNode.get(key);
				if (other === undefined) this.keyNode.set(key, node);
				else this.sets.union(node, other);
			}
		});
	}

	/** Clusters of all mentions so far: one per set, in order of first mention, each ascending. */
	*clustersSteps(clock: StepClock): Steps<Cluster[]> {
		const mentionCount = this.mentionNode.length;
		const clusterOfRoot = new Int32Array(this.sets.length).fill(-1);
		const found: Cluster[] = [];
		for (let g = 0; g < mentionCount; g += CHUNK) {
			this.clusterMentions(g, Math.min(g + CHUNK, mentionCount), clusterOfRoot, found);
			if (clock.due()) yield* clock.pause();
		}
		return this.joinDefinedAcronyms(found, clusterOfRoot);
	}

	/** Bare acronyms join the one entity every definition of them names; clusters stay ascending. */
	private joinDefinedAcronyms(found: Cluster[], clusterOfRoot: Int32Array): Cluster[] {
		const merged = new Set<number>();
		for (const [acronym, bareNode] of this.bareAcronym) {
			const nodes = this.definedAcronym.get(acronym);
			if (nodes === undefined) continue;
			const roots = new Set(nodes.map((n) => this.sets.find(n)));
			if (roots.size !== 1) continue;
			const into = clusterOfRoot[[...roots][0]!]!;
			const from = clusterOfRoot[this.sets.find(bareNode)]!;
			if (into < 0 || from < 0 || into === from || merged.has(from)) continue;
			found[into] = mergeAscending(found[into]!, found[from]!);
			found[from] = [];
			merged.add(from);
		}
		return merged.size === 0 ? found : found.filter((c) => c.length > 0);
	}

	private clusterMentions(from: number, to: number, clusterOfRoot: Int32Array, clusters: Cluster[]): void {
		for (let g = from; g < to; g++) {
			const root = this.sets.find(this.mentionNode.get(g));
			const c = clusterOfRoot[root]!;
			if (c >= 0) clusters[c]!.push(g);
			else {
				clusterOfRoot[root] = clusters.length;
				clusters.push([g]);
			}
		}
	}
}

/** ASEAN, สปส., ก.ล.ต.: what a definition abbreviates. */
function isAcronym(m: DetectedMention): boolean {
	if (m.rule === 'acronym' || m.rule === 'abbreviation') return true;
	return /^[A-Z][A-Z0-9&.-]*[A-Z0-9.]s?$/.test(m.text) || /^(?:[ก-ฮ]{1,5}\.)+[ก-ฮ]{0,4}$/.test(m.text);
}

function pushTo(map: Map<string, number[]>, key: string, value: number): void {
	const list = map.get(key);
	if (list === undefined) map.set(key, [value]);
	else list.push(value);
}

function mergeAscending(a: Cluster, b: Cluster): Cluster {
	const out: Cluster = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
	return out;
}
