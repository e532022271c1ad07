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
import {LATIN_COMMON_WORDS, LATIN_LETTER_NAMES, LATIN_ORG_HEADS, LATIN_PLACE_HEADS, LATIN_STOP, PLACE_HEADS} from './lexicon.js';
import {LISTING_BAR} from './listing-bar-table.js';
import {nameWordUse} from './name-words.js';
import type {Cluster, MentionTable, Summary} from './mention-table.js';
import type {EntityKind} from './types.js';
import {hasThai} from '../text/phonetic.js';
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
	/** The mention is written in Thai script (default: as the entity's name is). */
	thai?: boolean;
	/** Right after a head's or an officer's title (generic-use.ts, headedUse). */
	headed?: boolean;
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
	'latin-no-proper-word',
	'last-word-ends-names',
	'words-after-head',
	'never-name-share',
	'headed-share',
	'plain-words',
] as const;

/** How many features: the table holds this many weights per kind, and as many shared. */
export const FEATURE_COUNT = BAR_FEATURES.length;

const DEFINED_RULES = new Set(['definition', 'acronym']);
/** Latin names the rules read by their letters. Not `person-bracket`: a person the article pairs across scripts is its own word. */
const LATIN_RULES = new Set(['latin', 'position-latin']);
const HEAD_RULES = new Set(['org-head', 'place-head']);

/** What the bar counts of an entity's mentions (one pass, no object a mention). */
class MentionCounts {
	n = 0;
	titled = 0;
	model = 0;
	head = 0;
	abbreviation = 0;
	defined = 0;
	latin = 0;
	gaz = 0;
	generic = 0;
	headed = 0;
	/** Mentions in Thai script: the tagger's word is counted over these only (it reads no Latin). */
	thai = 0;
	same = 0;
	none = 0;
	articles = 0;
	private lastArticle: number | string | undefined;
	private seen: Set<number | string> | undefined;

	add(rule: string, titled: boolean, article: number | string, generic: boolean, tagged: number, thai: boolean, headed: boolean): void {
		this.n++;
		if (headed) this.headed++;
		if (titled) this.titled++;
		if (rule === 'model') this.model++;
		else if (HEAD_RULES.has(rule)) this.head++;
		else if (rule === 'abbreviation') this.abbreviation++;
		else if (DEFINED_RULES.has(rule)) this.defined++;
		else if (LATIN_RULES.has(rule)) this.latin++;
		else if (rule === 'gazetteer') this.gaz++;
		if (generic) this.generic++;
		if (thai) {
			this.thai++;
			const word = rule === 'model' ? 2 : tagged;
			if (word === 2) this.same++;
			else if (word === 0) this.none++;
		}
		// Articles: a set only once a second one comes (most entities are seen in one).
		if (article === this.lastArticle) return;
		if (this.lastArticle === undefined) this.articles = 1;
		else {
			this.seen ??= new Set([this.lastArticle]);
			if (!this.seen.has(article)) {
				this.seen.add(article);
				this.articles++;
			}
		}
		this.lastArticle = article;
	}
}

/**
 * The features of an entity (kind aside: the table holds a column of weights per kind).
 * `extensions`: how many other entities' names start with this one and go on (a kind's wording
 * opens many names: โรงพยาบาลศูนย์|X), worked out over the whole corpus (NameExtensions). How
 * many names end on it (a piece cut off a longer one) was tried too and did not help.
 */
export function barFeatures(name: string, aliasCount: number, mentions: readonly BarMention[], taggerRan: boolean, extensions = 0): Float64Array {
	const counts = new MentionCounts();
	const thaiName = hasThai(name);
	for (const m of mentions) counts.add(m.rule, m.title !== undefined, m.article, m.generic === true, m.tagged ?? 0, m.thai ?? thaiName, m.headed === true);
	const f = countFeatures(aliasCount, counts, taggerRan);
	nameFeatures(f, name);
	addShape(f, name);
	f[EXTENSIONS] = Math.log1p(Math.min(MAX_EXTENSIONS, extensions));
	return f;
}

/** The features read off the mentions (the name's left unknown, NaN: nameFeatures, addShape). */
function countFeatures(aliasCount: number, c: MentionCounts, taggerRan: boolean): Float64Array {
	// The tagger reads Thai script only (Latin names are the rules'): its word is counted over an
	// entity's Thai mentions, and of an entity written only in Latin it knows nothing. (Over all the
	// mentions, its silence on the Latin spellings of a name paired across scripts counted against it.)
	const taggerKnows = taggerRan && c.thai > 0;
	const thaiShare = (k: number): number => k / c.thai;
	const f = new Float64Array(FEATURE_COUNT).fill(NaN);
	const share = (k: number): number => (c.n === 0 ? 0 : k / c.n);
	f[0] = 1;
	f[1] = Math.log1p(c.n);
	f[2] = Math.log1p(c.articles);
	f[3] = share(c.titled);
	f[4] = share(c.model);
	f[5] = share(c.head);
	f[6] = share(c.abbreviation);
	f[7] = share(c.defined);
	f[8] = share(c.latin);
	f[9] = share(c.gaz);
	f[10] = share(c.generic);
	// With the tagger switched off nothing is known of its word: the labelled samples' mean.
	f[11] = taggerKnows ? thaiShare(c.same) : LISTING_BAR.taggerMeans[0]!;
	f[12] = taggerKnows ? thaiShare(c.none) : LISTING_BAR.taggerMeans[1]!;
	f[19] = Math.log1p(Math.max(0, aliasCount - 1));
	f[27] = share(c.headed);
	return f;
}

/** The features read off the name's letters, without segmenting it. */
function nameFeatures(f: Float64Array, name: string): void {
	f[13] = knownPlace(name) ? 1 : 0;
	f[14] = hasThai(name) ? 0 : 1;
	f[15] = Math.min(4, name.split(/\s+/).filter((t) => t !== '').length) / 4;
	f[16] = Math.min(60, name.length) / 60;
	f[17] = headEnd(name) > 0 ? 1 : 0;
	f[21] = latinEverydayShare(name);
	// A name the corpus defines or gives an acronym (International Trade Center (ITC)) is one body's.
	f[23] = f[7] === 0 && latinNoProperWord(name) ? 1 : 0;
}

/** The features of the name's words (a segmentation: the costly part, worked out only when it can matter). */
function addShape(f: Float64Array, name: string): void {
	const shape = nameShape(name, headEnd(name));
	f[18] = shape.everydayShare;
	f[20] = shape.namesPlace ? 1 : 0;
	f[24] = shape.lastEnding;
	f[25] = Math.min(MAX_WORDS_AFTER_HEAD, shape.wordsAfterHead) / MAX_WORDS_AFTER_HEAD;
	f[26] = shape.neverNameShare;
	// A head and only everyday words after it, and nothing that says which one: no place in the name,
	// no Latin, no definition, short form or second spelling (ศูนย์พักคอย, บริษัทประกันวินาศภัย). Each is
	// a feature already; a linear model cannot read them together. A name with no head is not read so
	// (the segmenter takes การบินไทย, a company, for one everyday word).
	f[28] = f[17] === 1 && f[18] === 1 && !shape.namesPlace && f[14] === 0 && f[7] === 0 && f[6] === 0 && f[19] === 0 ? 1 : 0;
}
/** Words after the head counted up to this many. */
const MAX_WORDS_AFTER_HEAD = 6;

/** Where a body's or place's head word that opens the name ends (0: none). */
function headEnd(name: string): number {
	let end = 0;
	for (const m of triggerTrie().matchesAt(name, 0)) {
		if (m.values.some((v) => v.type === 'org' || v.type === 'place' || v.type === 'standalone')) end = Math.max(end, m.end);
	}
	return end;
}

/**
 * The share of the name's words after its head that are everyday words, and whether a place the
 * gazetteer or the district list knows starts at one of them (รพ.|ประโคนชัย). How Thai NER 1.5's
 * annotators use the words (name-words.ts): the share of the last word's uses that end a name
 * (…|ร่วม, …|สู่: a phrase swallowed), and the share of the words after the head that are almost
 * never inside a name. And how many words follow the head (a head and one word is often a kind).
 * (The least share inside a name of one word, and the last word's share inside a name rather than
 * ending one, were tried too: leave-one-file-out log-loss no better.)
 */
function nameShape(name: string, head: number): NameShape {
	const after = words(name, head);
	const last = after.at(-1) ?? words(name).at(-1);
	const shape: NameShape = {
		everydayShare: 0,
		namesPlace: false,
		lastEnding: last === undefined ? 1 : nameWordUse(last.text).ending,
		neverNameShare: 0,
		wordsAfterHead: after.length,
	};
	if (!/[\u0E01-\u0E4E]/.test(name)) return shape;
	let everyday = 0;
	const districts = gazetteer().districts;
	for (const w of after) {
		if (isCommonWord(w.text)) everyday++;
		if (nameWordUse(w.text).inside <= NEVER_IN_NAMES) shape.neverNameShare++;
		if (!shape.namesPlace) {
			shape.namesPlace =
				districts.has(name.slice(w.start).split(' ')[0]!) ||
				triggerTrie()
					.matchesAt(name, w.start)
					.some((m) => m.values.some((v) => v.type === 'gazetteer'));
		}
	}
	shape.everydayShare = after.length === 0 ? 1 : everyday / after.length;
	shape.neverNameShare = after.length === 0 ? 1 : shape.neverNameShare / after.length;
	return shape;
}
/** A word inside a name at most this share of its uses in Thai NER 1.5 is almost never a name's. */
const NEVER_IN_NAMES = 0.1;
interface NameShape {
	everydayShare: number;
	namesPlace: boolean;
	lastEnding: number;
	neverNameShare: number;
	wordsAfterHead: number;
}

/** The share of a Latin name's words that are everyday English words (Video Conference, Data Center). */
function latinEverydayShare(name: string): number {
	const latin = name.match(/[A-Za-z]+/g);
	if (latin === null) return 0;
	let everyday = 0;
	for (const w of latin) if (everydayLatin(w)) everyday++;
	return everyday / latin.length;
}

function everydayLatin(w: string): boolean {
	const lower = w.toLowerCase();
	return LATIN_STOP.has(w) || LATIN_COMMON_WORDS.has(w) || LATIN_COMMON_WORDS.has(lower) || LATIN_COMMON_WORDS.has(lower[0]!.toUpperCase() + lower.slice(1));
}

/**
 * A Latin name with no word of its own: every word an everyday English word or a body's or place's
 * head word (Summit, Data Center, Sport City), none in capitals (an acronym is a word of its own:
 * PTT Station), and not a place the gazetteer knows. A name says which one (Kowalczyk Foundation);
 * a head and everyday words say what kind. (Weighed with the rest: Park Avenue is such a name too.)
 * Read only of a name never defined nor given an acronym (nameFeatures).
 */
function latinNoProperWord(name: string): boolean {
	if (hasThai(name)) return false;
	const latin = name.match(/[A-Za-z]+/g);
	if (latin === null || knownPlace(name)) return false;
	return latin.every((w) => {
		if (w.length > 1 && w === w.toUpperCase()) return LATIN_STOP.has(w);
		const folded = w[0]!.toUpperCase() + w.slice(1).toLowerCase();
		return everydayLatin(w) || LATIN_ORG_HEADS.has(folded) || LATIN_PLACE_HEADS.has(folded);
	});
}

/** Extensions counted up to this many: past it a name is as much a kind's opening as can be. */
const MAX_EXTENSIONS = 8;
/** Longer names mostAfter reads at most (it is asked of names the corpus writes often, a ministry's). */
const MAX_MOST_READ = 64;

/**
 * How many other names of the corpus go on from a name (โรงพยาบาลศูนย์ → โรงพยาบาลศูนย์ขอนแก่น…),
 * by one sort of the names and a binary search a name: counted up to MAX_EXTENSIONS.
 */
export class NameExtensions {
	/**
	 * `sorted`: distinct names in code-unit order (text/collate.ts's byCodeUnits); `mentions`: how
	 * many mentions each name's entities hold (the most of one entity).
	 */
	constructor(
		private readonly sorted: readonly string[],
		private readonly mentions: ReadonlyMap<string, number> = new Map(),
	) {}

	/** The first name sorted after `name` (a binary search). */
	private firstAfter(name: string): number {
		const sorted = this.sorted;
		let lo = 0;
		let hi = sorted.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (sorted[mid]! <= name) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** The mentions of the entity named exactly `name` (the most of one; 0: no such name). */
	mentionsOf(name: string): number {
		return this.mentions.get(name) ?? 0;
	}

	/** Names that start with `name` and are longer. */
	count(name: string): number {
		const sorted = this.sorted;
		const lo = this.firstAfter(name);
		let n = 0;
		for (let i = lo; i < sorted.length && n < MAX_EXTENSIONS && sorted[i]!.startsWith(name); i++) n++;
		return n;
	}

	/** The most mentions of one name that starts with `name` and is longer (0: none). */
	mostAfter(name: string): number {
		const sorted = this.sorted;
		let most = 0;
		for (let i = this.firstAfter(name), n = 0; i < sorted.length && n < MAX_MOST_READ && sorted[i]!.startsWith(name); i++, n++)
			most = Math.max(most, this.mentions.get(sorted[i]!) ?? 0);
		return most;
	}

	/**
	 * A longer name of the corpus, mentioned more often, goes on from `name` inside one of its words
	 * (กรมท่าอากาศ|ยาน, กระทรวงอุตสาหกรร|ม, ภูมิภาคตะวัน|ออก): the name, mentioned `count` times, is
	 * that one cut short, not one of its own. A name the others go on from at a word's end (กรมการค้า →
	 * กรมการค้า|ภายใน) is not judged, nor one whose longer forms are rarer: a misspelling
	 * (สภาผู้แทนราษฎร|์), a name glued to the next word (ถนนราชดำเนิน|นอก, …|กับ), another place whose
	 * name starts alike (เขตพระนคร, พระนครศรีอยุธยา); nor a word one letter short (misspelt).
	 */
	cutShort(name: string, count: number): boolean {
		const sorted = this.sorted;
		const lo = this.firstAfter(name);
		for (let i = lo, n = 0; i < sorted.length && n < MAX_EXTENSIONS && sorted[i]!.startsWith(name); i++, n++) {
			const longer = sorted[i]!;
			if ((this.mentions.get(longer) ?? 0) <= count) continue;
			// Only Thai letters on both sides of the cut (a space, a bracket or a digit is a boundary).
			if (!THAI_LETTER.test(longer[name.length - 1]!) || !THAI_LETTER.test(longer[name.length]!)) continue;
			const word = words(longer).find((w) => w.start < name.length && w.end > name.length);
			// (A word one letter short, with its marks, is the same name misspelt: บริษัทซิลลิ|ค, …คลาว|ด์.)
			if (word !== undefined && longer.slice(name.length, word.end).replace(THAI_MARKS, '').length >= 2) return !ownPlace(name);
		}
		return false;
	}

	/**
	 * The provinces or districts the corpus writes right after `name` (สำนักงานสาธารณสุข → …จังหวัดX,
	 * …จังหวัดY, …อำเภอZ: 3 places), and how many mentions those longer names hold (with …จังหวัด
	 * alone, "the province's"), read over at most MAX_PLACES_READ longer names. An office every province has is named
	 * in full only with its place (assembly.ts's office-of-every-place).
	 */
	placesAfter(name: string): {places: number; mentions: number} {
		const sorted = this.sorted;
		const places = new Set<string>();
		let mentions = 0;
		for (let i = this.firstAfter(name), n = 0; i < sorted.length && n < MAX_PLACES_READ && sorted[i]!.startsWith(name); i++, n++) {
			const after = PLACE_AFTER_OFFICE.exec(sorted[i]!.slice(name.length));
			if (after === null) continue;
			// (…จังหวัด alone, "the provincial office", adds its mentions, not a place.)
			if (after[1] !== undefined) places.add(after[1]);
			mentions += this.mentions.get(sorted[i]!) ?? 1;
		}
		return {places: places.size, mentions};
	}
}

/** Longer names read for placesAfter: a province's offices are at most a few hundred. */
const MAX_PLACES_READ = 256;
/** A province's or a district's name (at least two letters) right after a body's name. */
const PLACE_AFTER_OFFICE = /^\s?(?:ประจำ)?(?:จังหวัด|อำเภอ)(?:\s?([\u0E01-\u0E4E]{2,})|$)/;

/**
 * A place the gazetteer or the district list knows, after its head or not (อำเภอ|พนม beside
 * อำเภอพนมสารคาม), or a province or a district by the short form people use (จังหวัดสุพรรณ).
 */
function ownPlace(name: string): boolean {
	return knownPlace(name) || ADMIN_HEAD.test(name) || PLACE_HEADS.some((h) => name.length > h.length && name.startsWith(h) && knownPlace(name.slice(h.length)));
}
/** Thai vowel and tone marks above and below a letter. */
const THAI_MARKS = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;
/** Heads of a Thai province's or district's name. */
const ADMIN_HEAD = /^(?:จังหวัด|จ\.|อำเภอ|อ\.|กิ่งอำเภอ)/;
/** A Thai letter, vowel or tone mark: not ฯ nor ๆ, which end a word. */
const THAI_LETTER = /[\u0E01-\u0E2E\u0E30-\u0E45\u0E47-\u0E4E]/;

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

/** Whether a kind's names are counted for extensions (bodies and places: a kind's wording opens many). */
export function extendedKind(kind: EntityKind): boolean {
	return kind === 'organization' || kind === 'place';
}

/**
 * The learned bar's verdict on a cluster whose rules list it: true when it is left out. The features
 * read off the cluster alone are kept on its summary; the extensions are the corpus's of now. They
 * are worked out cheapest first, and the verdict is settled as soon as the features still unknown,
 * at their largest possible weight, could not lift the logit past the threshold: most entities,
 * people after a title above all, are settled on their mentions alone, and few names are segmented.
 * `full` works every feature out (the audit and the trainer read them).
 */
export function learnedVerdict(table: MentionTable, cluster: Cluster, summary: Summary, extensions: NameExtensions, full = false): boolean {
	const kind = summary.kind;
	const column = KIND_COLUMN[kind];
	if (column === undefined) return false;
	const threshold = LISTING_BAR.thresholds[column]!;
	const spelled = !weighedByBar(kind, summary.name);
	if (spelled && !full) return false;
	const f = (summary.barFeatures ??= clusterCountFeatures(table, cluster, summary));
	const settled = (): boolean => !full && upperBound(column, f) <= threshold;
	f[EXTENSIONS] = NaN;
	if (settled()) return false;
	if (Number.isNaN(f[LETTERS]!)) nameFeatures(f, summary.name);
	if (settled()) return false;
	f[EXTENSIONS] = Math.log1p(Math.min(MAX_EXTENSIONS, extendedKind(kind) ? extensions.count(summary.name) : 0));
	if (settled()) return false;
	if (Number.isNaN(f[SHAPE[0]!]!)) addShape(f, summary.name);
	return !spelled && junkLogit(kind, f) > threshold;
}
/** Whether the bar weighs an entity: not a body's acronym read aloud, one body's name as a Latin acronym is. */
export function weighedByBar(kind: EntityKind, name: string): boolean {
	return !(kind === 'organization' && SPELLED_LETTERS.test(name));
}
/**
 * A name that is only Latin letters as Thai writes them aloud (บี|โอ|ไอ BOI, ดี|เอส|ไอ DSI, อี|ยู EU):
 * a body's acronym. The labelled samples hold none listed, so the learned weights cannot tell; the
 * rules (evidence.ts) still judge it first. On thaigov-2k it lists ดีเอสไอ ×10 and อียู ×3 that the
 * bar hid, and keeps บีโอไอ ×22 listed under a retrained table that would hide it (bench/HISTORY.md).
 */
const SPELLED_LETTERS = new RegExp(`^(?:${LATIN_LETTER_NAMES.join('|')}){2,}$`);
const EXTENSIONS = BAR_FEATURES.indexOf('extensions');
const LETTERS = BAR_FEATURES.indexOf('known-place');
/** The name's words' features (addShape). */
const SHAPE = (['everyday-share', 'names-a-place', 'last-word-ends-names', 'words-after-head', 'never-name-share', 'plain-words'] as const).map((name) =>
	BAR_FEATURES.indexOf(name),
);
/** Each feature's range (all shares and flags are in [0, 1]). */
const HIGHEST = BAR_FEATURES.map((name) => (name === 'extensions' ? Math.log1p(MAX_EXTENSIONS) : 1));

/** The logit with each unknown (NaN) feature at the end of its range that weighs most. */
function upperBound(column: number, f: Float64Array): number {
	const {shared, perKind, means, scales} = LISTING_BAR;
	const own = perKind[column]!;
	let z = 0;
	for (let i = 0; i < FEATURE_COUNT; i++) {
		const w = shared[i]! + own[i]!;
		const v = f[i]!;
		if (i === 0) z += w;
		else if (!Number.isNaN(v)) z += (w * (v - means[i]!)) / scales[i]!;
		else z += Math.max((w * (0 - means[i]!)) / scales[i]!, (w * (HIGHEST[i]! - means[i]!)) / scales[i]!);
	}
	return z;
}

/** The features of a cluster of the mention table read off its mentions (the shape left to learnedVerdict). */
function clusterCountFeatures(table: MentionTable, cluster: Cluster, summary: Summary): Float64Array {
	const counts = new MentionCounts();
	for (const g of cluster) {
		counts.add(
			table.mentionRule.get(g),
			table.mentionTitle.get(g) !== undefined,
			table.mentionArticle.get(g),
			table.genericMentions.has(g),
			table.mentionTagged.get(g),
			hasThai(table.mentionText.get(g)),
			table.headedMentions.has(g),
		);
	}
	return countFeatures(summary.aliases.length, counts, table.taggerRan);
}
