// The mentions added so far, in columns, and what a cluster of them says about its entity. The
// builder fills the table, linking groups its rows into clusters, corrections regroup them, and
// assembly turns clusters into entities.

import {KindVote, aliasesFromCounts, canonicalName} from './entity-summary.js';
import type {EntityKind} from './types.js';
import type {ReadonlyColumn} from './column.js';

/**
 * Every mention added so far, in corpus order (by article, then by start): a mention is named by
 * its place here, so clusters are lists of numbers rather than objects. Only what linking and
 * assembly read of a mention is kept, in columns: mentions come in many shapes (optional fields),
 * reading one field of 300,000 of them was a large part of a snapshot, and two million detected
 * mention objects (a 60,000-article corpus) held most of the heap while linking.
 */
export interface MentionTable {
	readonly articleIds: readonly string[];
	/** Per article, its first mention's number; one more entry at the end. */
	readonly firstMention: readonly number[];
	// Per mention: columns that grow in chunks (column.ts), never copied whole.
	readonly mentionArticle: ReadonlyColumn<number>;
	/** Offsets in the article, the rule that found it, its title and where that starts (-1: none). */
	readonly mentionStart: ReadonlyColumn<number>;
	readonly mentionEnd: ReadonlyColumn<number>;
	readonly mentionRule: ReadonlyColumn<string>;
	readonly mentionTitle: ReadonlyColumn<string | undefined>;
	readonly mentionTitleStart: ReadonlyColumn<number>;
	/** The text as written, one string object per distinct text. */
	readonly mentionText: ReadonlyColumn<string>;
	readonly mentionKind: ReadonlyColumn<EntityKind>;
	readonly mentionWeight: ReadonlyColumn<number>;
	readonly mentionPlaceKey: ReadonlyColumn<string | undefined>;
	/**
	 * The mentions written as a kind is (generic-use.ts). A set, not a column: about one mention in
	 * fifty is, and a column would hold a value for each of two million mentions.
	 */
	readonly genericMentions: ReadonlySet<number>;
	/** The mentions right after a head's or an officer's title (generic-use.ts, headedUse): a set, as above. */
	readonly headedMentions: ReadonlySet<number>;
	/**
	 * What the learned tagger saw over each mention (DetectedMention.tagged): 2 a name of the same
	 * kind, 1 of another kind only, 0 nothing (or it did not run). One byte a mention.
	 */
	readonly mentionTagged: ReadonlyColumn<number>;
	/** The tagger ran on some article (else its word is unknown, not "no name"). */
	readonly taggerRan: boolean;
}

/** A cluster: mention numbers, ascending unless a correction merged clusters. */
export type Cluster = number[];

/**
 * Mentions (or articles) handled between two looks at the clock. Long loops run in plain functions
 * over chunks rather than in the generators: V8 optimises a loop inside a generator only once the
 * whole generator is hot, and a snapshot's generators run once each.
 */
export const CHUNK = 2048;

export interface Summary {
	name: string;
	kind: EntityKind;
	aliases: Array<{name: string; count: number}>;
	placeKey?: string;
	/** idBase of the above, once worked out. */
	idBase?: string;
	/** Why the rules leave the entity out (evidence.ts), or false; once worked out. */
	unlisted?: string | false;
	/** What the learned listing bar reads of the cluster alone (listing-bar.ts); once worked out. */
	barFeatures?: Float64Array;
}

/** Name, kind and spellings of a cluster, from its mentions (in cluster order). */
export function summarize(table: MentionTable, cluster: Cluster): Summary {
	const raw = new Map<string, number>();
	const vote = new KindVote();
	let placeKey: string | undefined;
	for (const g of cluster) {
		const text = table.mentionText.get(g);
		raw.set(text, (raw.get(text) ?? 0) + 1);
		vote.add(table.mentionKind.get(g), table.mentionWeight.get(g));
		placeKey ??= table.mentionPlaceKey.get(g);
	}
	const aliases = aliasesFromCounts(raw);
	const kind = vote.winner();
	return {name: canonicalName(aliases, kind), kind, aliases, placeKey};
}
