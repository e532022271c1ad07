// Names in every script: when a query names an entity (`macron`, `angela merkel`, ยูเนสโก), search
// also looks for the entity's other spellings (มาครง, อังเกลา แมร์เคิล, UNESCO). The entity index finds the
// candidate by name in any script; this side keeps only a close one, since the coarse cross-script
// key is shared by unrelated names (biden, button and ปัตตานี are all P-T-N): every word of the
// query must meet a word of one of the entity's names spelled the same (or as its start), or with
// the same consonant key and the same first vowel. Only a structural type of the entity index is
// used here, and of the entities module only the gazetteer (a place's Latin names).
import {withPlaceLatinNames} from '../entities/gazetteer.js';
import {foldForSearch} from '../text/fold.js';
import {editDistance, hasThai, phoneticKeys} from '../text/phonetic.js';
import {latinLooseKey, romanizeThai} from '../text/romanize.js';
import {parseQuery} from './parse.js';

export interface NamedEntity {
	id: string;
	name: string;
	kind: string;
	aliases: readonly string[];
	mentionCount: number;
}

/** What search needs of the entity index. */
export interface NameFinder<E extends NamedEntity> {
	findByName(query: string, limit?: number): E[];
}

/** Spellings looked for at most (an entity seen under many names keeps its most common ones). */
const MAX_SPELLINGS = 8;
/** Candidates asked of the entity index. */
export const CANDIDATES = 12;

/** Vowel classes: a Latin vowel letter, and what a Thai vowel sign usually stands for in a transliteration. */
const LATIN_VOWEL: Record<string, string> = {a: 'a', e: 'e', i: 'i', o: 'o', u: 'u'};
const THAI_LEADING: Record<string, string> = {'\u0e40': 'e', '\u0e41': 'e', '\u0e42': 'o', '\u0e43': 'i', '\u0e44': 'i'};
const THAI_AFTER: Record<string, string> = {
	'\u0e30': 'a',
	'\u0e31': 'a',
	'\u0e32': 'a',
	'\u0e33': 'a',
	'\u0e34': 'i',
	'\u0e35': 'i',
	'\u0e36': 'u',
	'\u0e37': 'u',
	'\u0e38': 'u',
	'\u0e39': 'u',
	'\u0e2d': 'o',
};

/**
 * The vowels of a word, one letter each (the classes above), in order (Thai: ไ = i, as Biden is
 * ไบเดน; a vowel Thai leaves unwritten inside a word is simply absent).
 */
function vowels(word: string): string {
	let out = '';
	if (!hasThai(word)) {
		let run = '';
		// A run of vowel letters (ae, ai, ee, ou) is one vowel, heard as its last letter.
		for (const ch of word + '-') {
			const v = LATIN_VOWEL[ch] ?? '';
			if (v === '' && run !== '') out += run[run.length - 1];
			run = v === '' ? '' : run + v;
		}
		return out;
	}
	// No vowel written after the first consonant (and its cluster): an unwritten a (อนุทิน).
	let j = 1;
	if ('\u0e23\u0e25\u0e27'.includes(word[j] ?? '-') && THAI_AFTER[word[j + 1] ?? '']) j++;
	if (!THAI_LEADING[word[0]!] && !THAI_AFTER[word[j] ?? ''] && /[\u0e01-\u0e2e]/.test(word[j] ?? '')) out += 'a';
	for (let i = 0; i < word.length; i++) {
		const ch = word[i]!;
		const v = THAI_LEADING[ch] ?? (ch !== '\u0e2d' || (i > 0 && !THAI_LEADING[word[i - 2] ?? ''] && !THAI_AFTER[word[i - 1]!]) ? THAI_AFTER[ch] : undefined);
		if (v !== undefined && !(ch === '\u0e32' && THAI_AFTER[word[i - 1]!] === 'a')) out += v;
	}
	return out;
}

function words(s: string): string[] {
	return foldForSearch(s)
		.split(/[\s\-.,()]+/)
		.filter((w) => w !== '');
}

/**
 * How closely word q of the query meets word a of a name: 3 spelled the same, 2.5 the same loose
 * romanisation across scripts, 2 its start, 1.5 a romanisation one letter off, else (across
 * scripts) the same consonant key with the same first vowel, less for each other vowel that
 * differs; 0 when they do not meet.
 */
function wordCloseness(q: string, a: string): number {
	if (q === a) return 3;
	if (q.length >= 3 && a.startsWith(q)) return 2;
	if (hasThai(q) === hasThai(a)) return 0;
	// A Latin spelling of a Thai name, compared loosely with the name's romanisation (srettha =
	// เศรษฐา, paetongtarn = แพทองธาร): the closest evidence there is across scripts.
	const [latin, thai] = hasThai(q) ? [a, q] : [q, a];
	const loose = latinLooseKey(latin);
	const romanised = latinLooseKey(romanizeThai(thai));
	// Short words only when spelled so exactly: a Chinese syllable (yi = อี้, chen = เฉิน).
	if (loose === romanised && (loose.length >= 4 || (loose.length > 0 && latin.length <= 4))) return 2.5;
	if (loose.length >= 6 && editDistance(loose, romanised) <= 1) return 1.5;
	const other = new Set(phoneticKeys(a));
	if (!phoneticKeys(q).some((k) => k !== '' && other.has(k))) return 0;
	const x = vowels(q);
	const y = vowels(a);
	// A name with vowels never meets one without (an acronym: สรท. is not srettha).
	if (x.length === 0 || y.length === 0) return x.length === y.length ? 1 : 0;
	if (x[0] !== y[0]) return 0;
	// Short names must agree on every vowel (biden is not บาดาล), longer ones on most.
	const d = editDistance(x, y);
	return d > Math.floor(Math.max(x.length, y.length) / 3) ? 0 : 1 - 0.3 * d;
}

/** How closely `name` matches every word of `query` (0: some word meets none of its words). */
function closeness(query: string[], name: string): number {
	const a = words(name);
	let total = 0;
	for (const w of query) {
		const best = Math.max(0, ...a.map((x) => wordCloseness(w, x)));
		if (best === 0) return 0;
		total += best;
	}
	return total;
}

/**
 * The entities the query's words name closely (every word meets a word of one of their names),
 * closest first, then by mentions (filters and excluded words aside; none for a quoted phrase,
 * which asks for exactly that). One name is often two
 * entities, one per script (Angela Merkel, อังเกลา แมร์เคิล): all are kept.
 */
export function namedEntities<E extends NamedEntity>(finder: NameFinder<E> | undefined, query: string): E[] {
	const text = nameQuery(query);
	return finder && text !== undefined ? closeEntities(text, finder.findByName(text, CANDIDATES)) : [];
}

/** The words of a query that may name an entity (undefined: none, or a quoted phrase), to give findByName. */
export function nameQuery(query: string): string | undefined {
	const {terms} = parseQuery(query);
	// A quoted phrase asks for exactly that.
	if (terms.some((t) => t.quoted)) return undefined;
	const text = terms
		.map((t) => t.text)
		.join(' ')
		.trim();
	return [...text].length < 2 || words(text).length === 0 ? undefined : text;
}

/** An entity's names, and a Thai-written place's gazetteer Latin names (`tokyo` names กรุงโตเกียว). */
const namesOf = (entity: NamedEntity): readonly string[] => (entity.kind === 'place' ? withPlaceLatinNames(entity.aliases) : entity.aliases);

/** Of the `candidates` findByName gave for `text` (a nameQuery), those it names closely, closest first. */
export function closeEntities<E extends NamedEntity>(text: string, candidates: readonly E[]): E[] {
	const q = words(text);
	return candidates
		.map((entity) => ({entity, score: Math.max(0, ...namesOf(entity).map((alias) => closeness(q, alias)))}))
		.filter((c) => c.score > 0)
		.sort((a, b) => b.score - a.score || b.entity.mentionCount - a.entity.mentionCount)
		.map((c) => c.entity);
}

/** The entities' names to look for besides the query (canonical names first, at most a few). */
export function spellingsOf(entities: readonly NamedEntity[]): string[] {
	const names = [...entities.map((e) => e.name), ...entities.flatMap((e) => e.aliases)];
	return [...new Set(names)].filter((s) => s.trim().length >= 2).slice(0, MAX_SPELLINGS);
}
