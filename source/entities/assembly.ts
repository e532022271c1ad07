// Assembly: clusters (with their corrections) become the EntityIndex the UI reads — entities
// with names, kinds, aliases and ids, mentions placed by entity and by article, and the name
// search. What the previous snapshot worked out is reused where a cluster did not change.

import type {EntityCorrections} from './corrections.js';
import {resolveEntityEdits} from './apply-corrections.js';
import {EntityIndex} from './entity-index.js';
import {canonicalName, idBase, uniqueId} from './entity-summary.js';
import {clusterUnlistedReason, knownPlaceAt, ministryRunOn, namesUnderOneHead} from './evidence.js';
import {NameExtensions, extendedKind, learnedVerdict} from './listing-bar.js';
import {CHUNK, type Cluster, type MentionTable, type Summary, summarize} from './mention-table.js';
import {type AliasKeys, NameSearch} from './name-search.js';
import {displayName} from './normalize.js';
import {type StepClock, type Steps, sortSteps} from './steps.js';
import type {Entity, EntityKind} from './types.js';
import {LinkedMentionsWriter} from './linked-mentions.js';
import {byCodeUnits, compareNames} from '../text/collate.js';
import {words} from '../text/words.js';

/**
 * What the last snapshot worked out that the next one can reuse. Mentions never leave a cluster,
 * so a cluster with the same first mention and as many mentions as before has the same mentions,
 * and its summary stands.
 */
export class PreviousSnapshot {
	private readonly byFirst = new Map<number, {length: number; summary: Summary}>();

	constructor(clusters: readonly Cluster[] = [], summaries: ReadonlyArray<Summary | undefined> = []) {
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
	/** Search keys of an alias; without it the name search is left to the index's first lookup. */
	keysOf?: (alias: string) => AliasKeys;
	/** List entities below the evidence bar too (the audit reads them); a user's correction always lists one. */
	everyEntity?: boolean;
}

export function* buildIndex(input: AssemblyInput, clock: StepClock): Steps<EntityIndex> {
	const {table, clusters, summaries, extraAliases, corrections, warnings, keysOf, everyEntity = false} = input;
	const {renamed, rekinded, hidden} =
		corrections !== undefined
			? yield* resolveEntityEdits({table, clusters, summaries, corrections, warnings}, clock)
			: {renamed: new Map<number, string>(), rekinded: new Map<number, EntityKind>(), hidden: new Set<number>()};
	// Entities, bucketed by mention count (most first) to be sorted by name within a bucket.
	const used = new Map<string, number>();
	const byCount = new Map<number, Draft[]>();
	// Every body's and place's name, for the learned bar's extensions (listing-bar.ts).
	const names: string[] = [];
	const mentionsOf = new Map<string, number>();
	for (let c = 0; c < clusters.length; c++) {
		const cluster = clusters[c]!;
		if (cluster.length === 0 || hidden.has(c)) continue;
		const summary = (summaries[c] ??= summarize(table, cluster));
		if (extendedKind(summary.kind)) {
			names.push(summary.name);
			mentionsOf.set(summary.name, Math.max(mentionsOf.get(summary.name) ?? 0, cluster.length));
		}
		if (clock.tick()) yield* clock.pause();
	}
	const sorted = yield* sortSteps(names, byCodeUnits, clock);
	const extensions = new NameExtensions(
		sorted.filter((n, i) => i === 0 || n !== sorted[i - 1]),
		mentionsOf,
	);
	for (let c = 0; c < clusters.length; c++) {
		const cluster = clusters[c]!;
		if (cluster.length === 0 || hidden.has(c)) continue;
		const summary = summaries[c]!;
		const corrected = renamed.has(c) || rekinded.has(c) || extraAliases.has(c);
		// A summary is reused only while its cluster is unchanged, and the rules' reason with it. The
		// rules first (evidence.ts), then the learned bar on what they list (listing-bar.ts), whose
		// extensions are the whole corpus's of now.
		const ruledAlone = corrected ? false : (summary.unlisted ??= clusterUnlistedReason(table, cluster, summary) ?? false);
		// A longer name of the corpus of now going on inside a word makes this one a cut, and a piece
		// after a space naming a body of the corpus makes it a list (neither kept on the summary).
		const ruled =
			ruledAlone !== false || corrected || !extendedKind(summary.kind)
				? ruledAlone
				: extensions.cutShort(summary.name, cluster.length)
					? 'cut-short'
					: summary.kind === 'organization' && (officeOfEveryPlace(extensions.placesAfter(summary.name), cluster.length) || officeRunOn(summary.name, extensions))
						? 'office-of-every-place'
						: summary.kind === 'organization' && cluster.every((g) => table.mentionRule.get(g) === 'model') && namesUnderOneHead(summary.name, extensions)
							? 'names-under-one-head'
							: summary.kind === 'organization' && ministryRunOn(summary.name, cluster.length, extensions)
								? 'ministry-run-on'
								: false;
		// The audit and the trainer read every feature (worked out for all but corrected entities).
		const full = everyEntity && !corrected;
		const learned = !corrected && (ruled === false || full) && learnedVerdict(table, cluster, summary, extensions, full);
		const unlisted = ruled !== false ? ruled : learned ? 'learned-bar' : false;
		if (!everyEntity && unlisted !== false) continue;
		const draft = draftOf(table, cluster, {base: summary, extraAliases: extraAliases.get(c), newName: renamed.get(c), newKind: rekinded.get(c), used});
		if (unlisted !== false) draft.entity.unlisted = unlisted;
		if (full) draft.entity.barFeatures = summary.barFeatures?.slice();
		const bucket = byCount.get(draft.entity.mentionCount);
		if (bucket === undefined) byCount.set(draft.entity.mentionCount, [draft]);
		else bucket.push(draft);
		if (clock.due()) yield* clock.pause();
	}
	const drafts: Draft[] = [];
	const byName = (a: Draft, b: Draft): number => compareNames(a.entity.name, b.entity.name);
	for (const count of [...byCount.keys()].sort((a, b) => b - a)) {
		const bucket = byCount.get(count)!;
		for (const d of bucket.length > 1 ? yield* sortSteps(bucket, byName, clock) : bucket) drafts.push(d);
	}
	// Each mention's entity (-1: hidden), then the columns in corpus order, grouped by entity.
	const entityOf = new Int32Array(table.mentionText.length).fill(-1);
	for (let e = 0; e < drafts.length; e++) {
		const cluster = drafts[e]!.cluster;
		for (let i = 0; i < cluster.length; i += CHUNK) {
			for (let j = i; j < Math.min(i + CHUNK, cluster.length); j++) entityOf[cluster[j]!] = e;
			if (clock.due()) yield* clock.pause();
		}
	}
	// Sized to the mentions placed, not all: trimming eight columns of two million mentions at the
	// end copied them (64 MB beside the originals, the linking worker's last-second peak).
	let placed = 0;
	for (let g = 0; g < entityOf.length; g += CHUNK) {
		for (let h = g; h < Math.min(g + CHUNK, entityOf.length); h++) if (entityOf[h]! >= 0) placed++;
		if (clock.due()) yield* clock.pause();
	}
	const writer = new LinkedMentionsWriter(placed, table.articleIds.length);
	for (let a = 0; a < table.articleIds.length; a += CHUNK / 8) {
		placeMentions(table, entityOf, a, Math.min(a + CHUNK / 8, table.articleIds.length), writer);
		if (clock.due()) yield* clock.pause();
	}
	writer.startArticle(table.articleIds.length);
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
		mentions: writer.finish(drafts.length),
		warnings,
		...(nameSearch === undefined ? {} : {nameSearch}),
	});
	return index;
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
	const articleCount = articlesOf(table, ordered);
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

/** How many articles the mentions of `cluster` (in corpus order) are in. */
function articlesOf(table: MentionTable, ordered: Cluster): number {
	let count = 0;
	let last = -1;
	for (const g of ordered) {
		const a = table.mentionArticle.get(g);
		if (a !== last) count++;
		last = a;
	}
	return count;
}

/**
 * A body the corpus writes again and again with a province's or a district's name after it, in at
 * least two places and in at least as many mentions as it is written bare
 * (NameExtensions.placesAfter): an office every province has (สำนักงานสาธารณสุข|จังหวัดX), named in
 * full only with its place; bare it is that kind of office (สำนักงานสาธารณสุข|ในพื้นที่), one entry for
 * dozens of bodies. Mentions, not articles, so that the test reads alike on 2,000 articles and on
 * 60,000. A national body with provincial offices is written bare more often than its offices are
 * written, and keeps its entry (the social security office; the House, whose
 * `สภาผู้แทนราษฎร|จังหวัดX` is a member's seat).
 */
function officeOfEveryPlace({places, mentions}: {places: number; mentions: number}, bare: number): boolean {
	return places >= 2 && mentions >= bare;
}

/**
 * An office (สำนักงาน, ศูนย์…) of every place (officeOfEveryPlace, written after three places or more) and then, glued,
 * neither its place nor its unit but the sentence (สำนักงานสาธารณสุข|เตรียมการ|ช่วย…, "the health
 * office prepares to help"): the province's name is missing, the office is a kind, run on into its
 * clause. The longest such office in the name decides; after it a province, a district, a unit, a
 * region, a branch or a number (…จังหวัดX, …กรุงเทพมหานครพื้นที่ 2, …ภาคที่ 4) names one office.
 */
function officeRunOn(name: string, extensions: NameExtensions): boolean {
	if (!/^[\u0E01-\u0E4E]+$/.test(name)) return false;
	const head = OFFICE_HEADS.find((h) => name.startsWith(h));
	if (head === undefined) return false;
	const pieces = words(name);
	for (let i = pieces.length - 1; i >= 1; i--) {
		const end = pieces[i]!.start;
		if (end <= head.length) break;
		const office = name.slice(0, end);
		const after = extensions.placesAfter(office);
		if (after.places < 3 || !officeOfEveryPlace(after, extensions.mentionsOf(office))) continue;
		return !OFFICE_PLACE_AFTER.test(name.slice(end)) && !knownPlaceAt(name, end);
	}
	return false;
}
/** Heads of offices (longest first): the office of every place is a field after one (สำนักงาน|สาธารณสุข). */
const OFFICE_HEADS = ['สำนักงาน', 'สำนัก', 'ศูนย์', 'สถานี', 'ที่ทำการ'];
/** What names one office after an office of every place: its unit, region, zone, branch or rank. */
const OFFICE_PLACE_AFTER = /^(?:จังหวัด|อำเภอ|ตำบล|ประจำ|แห่ง|ภาค|เขต|พื้นที่|สาขา|ที่|กรุงเทพ|ส่วน)/;

/** The mentions of articles `from`–`to` that belong to an entity shown (hidden ones left out), in order. */
function placeMentions(table: MentionTable, entityOf: Int32Array, from: number, to: number, writer: LinkedMentionsWriter): void {
	for (let a = from; a < to; a++) {
		writer.startArticle(a);
		for (let g = table.firstMention[a]!; g < table.firstMention[a + 1]!; g++) {
			const e = entityOf[g]!;
			if (e < 0) continue;
			const title = table.mentionTitle.get(g);
			writer.add(
				a,
				table.mentionStart.get(g),
				table.mentionEnd.get(g),
				e,
				table.mentionText.get(g),
				table.mentionRule.get(g),
				title,
				title === undefined ? undefined : table.mentionTitleStart.get(g),
			);
		}
	}
}

function ascending(cluster: Cluster): boolean {
	for (let i = 1; i < cluster.length; i++) if (cluster[i - 1]! > cluster[i]!) return false;
	return true;
}
