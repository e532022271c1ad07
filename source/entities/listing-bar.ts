// The learned listing bar: after the evidence bar's rules (evidence.ts), a small logistic model
// weighs what the corpus says of an entity — how often and where it is written, by which rules,
// after a title or not, as a kind or not, whether the learned tagger also reads a name of its kind
// there, and the shape of the name (script, words, head word, everyday words) — and leaves out an
// entity whose odds of being no name are high. Its weights are learned from the hand-labelled
// samples in bench/fixtures by `bench/train-listing-bar.ts` (leave-one-file-out), shipped as the
// constant table in listing-bar-table.ts. Judged on the whole entity after linking: detection,
// and so Thai NER's val score, does not move.
import {isCommonWord} from './common-words.js';
import {triggerTrie} from './detect/trigger-trie.js';
import {gazetteer} from './gazetteer.js';
import {LATIN_COMMON_WORDS, LATIN_STOP} from './lexicon.js';
import {LISTING_BAR} from './listing-bar-table.js';
import type {Cluster, MentionTable, Summary} from './mention-table.js';
import type {EntityKind} from './types.js';
import {words} from '../text/words.js';

/** What the bar reads of one mention. */
export interface BarMention {
	rule: string;
	title?: string;
	/** Anything that tells articles apart. */
	article: number | string;
	generic?: boolean;
	/** What the tagger saw there: 2 a name of the same kind, 1 of another kind, 0 nothing. */
	tagged?: number;
}

/** The features' names, in the table's order (the trainer and the table check them). */
export const BAR_FEATURES = [
	'bias',
	'log-mentions',
	'log-articles',
	'title-share',
	'model-rule-share',
	'head-rule-share',
	'abbreviation-rule-share',
	'defined-share',
	'latin-rule-share',
	'gazetteer-rule-share',
	'generic-share',
	'tagged-same-share',
	'untagged-share',
	'known-place',
	'latin',
	'tokens',
	'long-name',
	'head-at-start',
	'everyday-share',
	'aliases',
	'names-a-place',
	'latin-everyday-share',
	'extensions',
] as const;

/** How many features: the table holds this many weights per kind, and as many shared. */
export const FEATURE_COUNT = BAR_FEATURES.length;

const DEFINED_RULES = new Set(['definition', 'acronym']);
const LATIN_RULES = new Set(['latin', 'person-brackets', 'position-latin']);
const HEAD_RULES = new Set(['org-head', 'place-head']);

/**
 * The features of an entity (kind aside: the table holds a column of weights per kind).
 * `extensions`: how many other entities' names start with this one and go on (a kind's wording
 * opens many names: โรงพยาบาลศูนย์|X), worked out over the whole corpus (NameExtensions). How
 * many names end on it (a piece cut off a longer one) was tried too and did not help.
 */
export function barFeatures(name: string, aliasCount: number, mentions: readonly BarMention[], taggerRan: boolean, extensions = 0): Float64Array {
	const f = new Float64Array(FEATURE_COUNT);
	const n = mentions.length;
	let titled = 0;
	let model = 0;
	let head = 0;
	let abbreviation = 0;
	let defined = 0;
	let latin = 0;
	let gaz = 0;
	let generic = 0;
	let same = 0;
	let none = 0;
	let articles = 0;
	let lastArticle: number | string | undefined;
	const seen = new Set<number | string>();
	for (const m of mentions) {
		if (m.title !== undefined) titled++;
		if (m.rule === 'model') model++;
		else if (HEAD_RULES.has(m.rule)) head++;
		else if (m.rule === 'abbreviation') abbreviation++;
		else if (DEFINED_RULES.has(m.rule)) defined++;
		else if (LATIN_RULES.has(m.rule)) latin++;
		else if (m.rule === 'gazetteer') gaz++;
		if (m.generic === true) generic++;
		const tagged = m.rule === 'model' ? 2 : (m.tagged ?? 0);
		if (tagged === 2) same++;
		else if (tagged === 0) none++;
		// Mentions come in corpus order: a new article is one not seen just before (sets only when out of order).
		if (m.article !== lastArticle && !seen.has(m.article)) {
			articles++;
			seen.add(m.article);
		}
		lastArticle = m.article;
	}
	const share = (k: number): number => (n === 0 ? 0 : k / n);
	f[0] = 1;
	f[1] = Math.log1p(n);
	f[2] = Math.log1p(articles);
	f[3] = share(titled);
	f[4] = share(model);
	f[5] = share(head);
	f[6] = share(abbreviation);
	f[7] = share(defined);
	f[8] = share(latin);
	f[9] = share(gaz);
	f[10] = share(generic);
	// With the tagger switched off nothing is known of its word: the labelled samples' mean.
	f[11] = taggerRan ? share(same) : LISTING_BAR.taggerMeans[0]!;
	f[12] = taggerRan ? share(none) : LISTING_BAR.taggerMeans[1]!;
	f[13] = knownPlace(name) ? 1 : 0;
	f[14] = /[\u0E00-\u0E7F]/.test(name) ? 0 : 1;
	f[15] = Math.min(4, name.split(/\s+/).filter((t) => t !== '').length) / 4;
	f[16] = Math.min(60, name.length) / 60;
	const shape = nameShape(name);
	f[17] = shape.headAtStart ? 1 : 0;
	f[18] = shape.everydayShare;
	f[19] = Math.log1p(Math.max(0, aliasCount - 1));
	f[20] = shape.namesPlace ? 1 : 0;
	f[21] = latinEverydayShare(name);
	f[22] = Math.log1p(Math.min(MAX_EXTENSIONS, extensions));
	return f;
}

/**
 * Whether a head word opens the name, the share of its other words that are everyday words, and
 * whether a place the gazetteer or the district list knows starts at one of them (รพ.|ประโคนชัย).
 */
function nameShape(name: string): {headAtStart: boolean; everydayShare: number; namesPlace: boolean} {
	if (!/[\u0E01-\u0E4E]/.test(name)) return {headAtStart: false, everydayShare: 0, namesPlace: false};
	let headEnd = 0;
	for (const m of triggerTrie().matchesAt(name, 0)) {
		if (m.values.some((v) => v.type === 'org' || v.type === 'place' || v.type === 'standalone')) headEnd = Math.max(headEnd, m.end);
	}
	let total = 0;
	let everyday = 0;
	let namesPlace = false;
	const districts = gazetteer().districts;
	for (const w of words(name, headEnd)) {
		if (!w.wordLike) continue;
		total++;
		if (isCommonWord(w.text)) everyday++;
		if (!namesPlace) {
			namesPlace =
				districts.has(name.slice(w.start).split(' ')[0]!) ||
				triggerTrie()
					.matchesAt(name, w.start)
					.some((m) => m.values.some((v) => v.type === 'gazetteer'));
		}
	}
	return {headAtStart: headEnd > 0, everydayShare: total === 0 ? 1 : everyday / total, namesPlace};
}

/** The share of a Latin name's words that are everyday English words (Video Conference, Data Center). */
function latinEverydayShare(name: string): number {
	const latin = name.match(/[A-Za-z]+/g);
	if (latin === null) return 0;
	let everyday = 0;
	for (const w of latin) {
		const lower = w.toLowerCase();
		if (LATIN_STOP.has(w) || LATIN_COMMON_WORDS.has(w) || LATIN_COMMON_WORDS.has(lower) || LATIN_COMMON_WORDS.has(lower[0]!.toUpperCase() + lower.slice(1))) everyday++;
	}
	return everyday / latin.length;
}

/** Extensions counted up to this many: past it a name is as much a kind's opening as can be. */
const MAX_EXTENSIONS = 8;

/**
 * How many other names of the corpus go on from a name (โรงพยาบาลศูนย์ → โรงพยาบาลศูนย์ขอนแก่น…),
 * by one sort of the names and a binary search a name: counted up to MAX_EXTENSIONS.
 */
export class NameExtensions {
	/** `sorted`: distinct names in code-unit order (byCodeUnits). */
	constructor(private readonly sorted: readonly string[]) {}

	/** Names that start with `name` and are longer. */
	count(name: string): number {
		const sorted = this.sorted;
		let lo = 0;
		let hi = sorted.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (sorted[mid]! <= name) lo = mid + 1;
			else hi = mid;
		}
		let n = 0;
		for (let i = lo; i < sorted.length && n < MAX_EXTENSIONS && sorted[i]!.startsWith(name); i++) n++;
		return n;
	}
}

function knownPlace(name: string): boolean {
	const gaz = gazetteer();
	return gaz.thai.has(name) || gaz.latin.has(name) || gaz.districts.has(name);
}

const KIND_COLUMN: Partial<Record<EntityKind, number>> = {person: 0, organization: 1, place: 2};

/** The model's odds, as a logit, that an entity of this kind and these features is no name. */
export function junkLogit(kind: EntityKind, f: Float64Array): number {
	const column = KIND_COLUMN[kind];
	if (column === undefined) return -Infinity;
	const {shared, perKind, means, scales} = LISTING_BAR;
	const own = perKind[column]!;
	let z = 0;
	for (let i = 0; i < FEATURE_COUNT; i++) {
		// Standardised as in training (the bias is not).
		const x = i === 0 ? 1 : (f[i]! - means[i]!) / scales[i]!;
		z += x * (shared[i]! + own[i]!);
	}
	return z;
}

/** Left out when the odds of no name pass the kind's threshold (see the trainer). */
export function belowLearnedBar(kind: EntityKind, f: Float64Array): boolean {
	const column = KIND_COLUMN[kind];
	return column !== undefined && junkLogit(kind, f) > LISTING_BAR.thresholds[column]!;
}

/** Strings in code-unit order, as NameExtensions needs them. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a kind's names are counted for extensions (bodies and places: a kind's wording opens many). */
export function extendedKind(kind: EntityKind): boolean {
	return kind === 'organization' || kind === 'place';
}

/**
 * The learned bar's verdict on a cluster whose rules' verdict is to list it: the features that
 * depend on the cluster alone are kept on its summary; the extensions are the corpus's of now.
 */
export function learnedVerdict(table: MentionTable, cluster: Cluster, summary: Summary, extensions: NameExtensions | undefined): Float64Array {
	const f = (summary.barFeatures ??= clusterBarFeatures(table, cluster, summary, table.taggerRan));
	f[EXTENSIONS] = Math.log1p(Math.min(MAX_EXTENSIONS, extensions !== undefined && extendedKind(summary.kind) ? extensions.count(summary.name) : 0));
	return f;
}
const EXTENSIONS = BAR_FEATURES.indexOf('extensions');

/** The features of a cluster of the mention table. */
export function clusterBarFeatures(table: MentionTable, cluster: Cluster, summary: Summary, taggerRan: boolean): Float64Array {
	const mentions: BarMention[] = new Array(cluster.length);
	for (let i = 0; i < cluster.length; i++) {
		const g = cluster[i]!;
		mentions[i] = {
			rule: table.mentionRule.get(g),
			title: table.mentionTitle.get(g),
			article: table.mentionArticle.get(g),
			generic: table.genericMentions.has(g),
			tagged: table.mentionTagged.get(g),
		};
	}
	return barFeatures(summary.name, summary.aliases.length, mentions, taggerRan);
}
