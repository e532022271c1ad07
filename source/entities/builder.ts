// Builds the entity index incrementally: `add` detects a batch of articles and links their mentions
// into the sets seen so far; `snapshot` turns the current sets into an EntityIndex, applying the
// user's corrections. Both also come in steps (`addSteps`, `snapshotSteps`) of a few milliseconds
// each, so the reader can build the index between keystrokes: one long article or one snapshot of
// 10,000 articles would otherwise freeze input for tens or hundreds of milliseconds.
//
// The work is in three parts: linking.ts (mentions into clusters), apply-corrections.ts (the
// user's corrections on clusters) and assembly.ts (clusters into the index).

import type {Article} from '../corpus/types.js';
import {applyClusterCorrections} from './apply-corrections.js';
import {Column, NumberColumn} from './column.js';
import {PreviousSnapshot, buildIndex} from './assembly.js';
import {type EntityCorrections} from './corrections.js';
import {EntityIndex} from './entity-index.js';
import {kindWeight} from './entity-summary.js';
import {type DetectedMention, detectMentionsSteps} from './find-mentions.js';
import {linkKeys} from './link-keys.js';
import {Linker} from './linking.js';
import type {MentionTable} from './mention-table.js';
import {type AliasKeys, aliasKeys} from './name-search.js';
import {DEFAULT_STEP_MS, NO_PAUSE, StepClock, type Steps, runSteps} from './steps.js';
import type {EntityKind} from './types.js';

/** An article's id and its mentions as detection found them. */
export interface DetectedArticle {
	id: string;
	mentions: DetectedMention[];
	/** Each mention's link keys, when worked out with it (else `linkKeys` here). */
	keys?: readonly string[][];
}

export interface EntityIndexOptions {
	corrections?: EntityCorrections;
	/**
	 * Build the name search with each snapshot (default), or on the first name looked up: a third of
	 * a snapshot's work, which `--entities` never uses.
	 */
	nameSearch?: boolean;
	/** List the entities below the evidence bar too (evidence.ts): for the audit, which reads them. */
	everyEntity?: boolean;
}

export class EntityIndexBuilder {
	private readonly table = {
		articleIds: [] as string[],
		firstMention: [0],
		mentionArticle: new NumberColumn(),
		mentionStart: new NumberColumn(),
		mentionEnd: new NumberColumn(),
		mentionRule: new Column<string>(),
		mentionTitle: new Column<string | undefined>(),
		mentionTitleStart: new NumberColumn(),
		mentionText: new Column<string>(),
		mentionKind: new Column<EntityKind>(),
		mentionWeight: new NumberColumn('float64'),
		mentionPlaceKey: new Column<string | undefined>(),
		genericMentions: new Set<number>(),
		headedMentions: new Set<number>(),
		mentionTagged: new NumberColumn('uint8'),
		taggerRan: false as boolean,
	} satisfies MentionTable;
	private readonly linker = new Linker();
	private readonly seen = new Set<string>();
	/**
	 * One string per distinct mention text (and rule, title): a snapshot counts spellings in maps,
	 * and equal texts that are one object compare at once (distinct slices of articles compare
	 * letter by letter); each batch from a worker or the cache brings its own copies.
	 */
	private readonly texts = new Map<string, string>();
	private readonly intern = (s: string): string => {
		const known = this.texts.get(s);
		if (known !== undefined) return known;
		this.texts.set(s, s);
		return s;
	};
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

	/**
	 * Links articles whose mentions were detected elsewhere (a worker, the detection cache), in the
	 * order given: the same index as `add` on the same articles.
	 */
	addDetected(articles: readonly DetectedArticle[]): void {
		runSteps(this.addDetectedSteps(articles, DEFAULT_STEP_MS, NO_PAUSE));
	}

	/** `addDetected` in steps of about `stepMs`, as `addSteps`. */
	addDetectedSteps(articles: readonly DetectedArticle[], stepMs = DEFAULT_STEP_MS, clock: StepClock = new StepClock(stepMs)): Steps<void> {
		return this.linkWith(articles, clock);
	}

	private *addWith(articles: readonly Article[], clock: StepClock): Steps<void> {
		clock.restart();
		for (const article of articles) {
			if (this.seen.has(article.id)) continue;
			const mentions = yield* detectMentionsSteps(article, clock);
			yield* this.linkWith([{id: article.id, mentions}], clock, false);
		}
	}

	private *linkWith(articles: readonly DetectedArticle[], clock: StepClock, restart = true): Steps<void> {
		if (restart) clock.restart();
		for (const {id, mentions, keys: known} of articles) {
			if (this.seen.has(id)) continue;
			let keys = known;
			if (keys === undefined) {
				const worked: string[][] = [];
				for (const m of mentions) {
					worked.push(linkKeys(m));
					if (clock.tick(4)) yield* clock.pause();
				}
				keys = worked;
			}
			// Another batch may have added the same article while this one was paused.
			if (this.seen.has(id)) continue;
			this.commit(id, mentions, keys);
			if (clock.due()) yield* clock.pause();
		}
	}

	/** Adds one detected article at once: between steps the builder is always whole. */
	private commit(id: string, mentions: readonly DetectedMention[], keys: readonly string[][]): void {
		this.seen.add(id);
		this.version++;
		const table = this.table;
		const article = table.articleIds.length;
		this.linker.addArticle(mentions, keys);
		// The mention objects are let go: only the columns are kept.
		for (const m of mentions) {
			if (m.generic === true) table.genericMentions.add(table.mentionText.length);
			if (m.headed === true) table.headedMentions.add(table.mentionText.length);
			table.mentionArticle.push(article);
			table.mentionStart.push(m.start);
			table.mentionEnd.push(m.end);
			table.mentionRule.push(this.intern(m.rule));
			table.mentionTitle.push(m.title === undefined ? undefined : this.intern(m.title));
			table.mentionTitleStart.push(m.titleStart ?? -1);
			table.mentionText.push(this.intern(m.text));
			table.mentionKind.push(m.kind);
			table.mentionWeight.push(kindWeight(m));
			table.mentionPlaceKey.push(m.placeKey);
			table.mentionTagged.push(m.tagged === 'same' ? 2 : m.tagged === 'other' ? 1 : 0);
			if (m.rule === 'model' || m.tagged !== undefined) table.taggerRan = true;
		}
		table.articleIds.push(id);
		table.firstMention.push(table.mentionText.length);
	}

	private *snapshotWith(clock: StepClock): Steps<EntityIndex> {
		clock.restart();
		const found = yield* this.linker.clustersSteps(clock);
		const foundSummaries = this.previous.summariesOf(found);
		const corrections = this.options.corrections;
		const warnings: string[] = [];
		let clusters = found;
		let extraAliases = new Map<number, string[]>();
		let summaries = foundSummaries;
		if (corrections !== undefined) {
			const result = yield* applyClusterCorrections({table: this.table, clusters: found, summaries: foundSummaries, corrections, warnings}, clock);
			({clusters, extraAliases, summaries} = result);
		}
		const index = yield* buildIndex(
			{
				table: this.table,
				clusters,
				summaries,
				extraAliases,
				corrections,
				warnings,
				keysOf: this.options.nameSearch === false ? undefined : this.keysOf,
				everyEntity: this.options.everyEntity,
			},
			clock,
		);
		this.previous = new PreviousSnapshot(found, foundSummaries);
		return index;
	}
}

/** Builds the whole index at once (tests, plain mode). */
export function buildEntityIndex(articles: readonly Article[], options: EntityIndexOptions = {}): EntityIndex {
	const builder = new EntityIndexBuilder(options);
	builder.add(articles);
	return builder.snapshot();
}
