// Linking: inside an article, a group (a name with its repeats and short forms, or the parts of a
// bracketed definition) is one node; across articles, nodes sharing a link key (link-keys.ts) are
// one entity. Nodes live in a union-find that only ever grows, so adding articles never undoes a
// link; a snapshot reads the current sets as clusters of mention numbers.

import type {DetectedMention} from './find-mentions.js';
import {CHUNK, type Cluster} from './mention-table.js';
import {type StepClock, type Steps} from './steps.js';
import {UnionFind} from './union-find.js';

export class Linker {
	/** Union-find node of each mention's group, by mention number. */
	private readonly mentionNode: number[] = [];
	private readonly sets = new UnionFind();
	/** The first node that contributed each link key. */
	private readonly keyNode = new Map<string, number>();

	/** Links the mentions of one article (numbered from the next free number), with their keys. */
	addArticle(mentions: readonly DetectedMention[], keys: readonly string[][]): void {
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
			this.mentionNode.push(node);
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
		return found;
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
