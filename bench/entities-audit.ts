// Entity audit over real articles: the failures a reader notices, listed for a person to read.
// Prints (1) entities whose aliases mix a country or province with an organisation, (2) persons
// whose aliases hold two different full names, (2b) persons whose full names fall apart into
// names that do not sound alike, in any script (the cross-script phonetic key joining different
// people), (2c) persons whose full names share a word but not all (two people of one surname),
// (3) aliases that are single common words, and (4) 30 random entities of each kind (fixed seed)
// with an example sentence each.
// Run: node --import tsx bench/entities-audit.ts [path[,path…]] [limit] [--seed N[,N…]] [--random N]
// (--seed picks other random samples, one after another from one index; --random how many of
// each kind are printed.)
import {existsSync, readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {parseTaggedLine} from './thainer.js';
import {loadJsonlArticles} from './entities.js';
import {HELD_OUT_JUNK_LABELS, JUNK_LABELS, thaigov2k} from './data.js';
import {buildEntityIndex} from '../source/entities/builder.js';
import {gazetteer} from '../source/entities/gazetteer.js';
import {COMMON_WORDS, FUNCTION_WORDS, ORG_HEADS, LATIN_ORG_HEADS, LATIN_STOP, VERBS} from '../source/entities/lexicon.js';
import {tokenwiseKeys} from '../source/entities/link-keys.js';
import {nameKey} from '../source/entities/normalize.js';
import type {Entity} from '../source/entities/types.js';
import {hasThai, thaiFineKey} from '../source/text/phonetic.js';

const {values, positionals} = parseArgs({
	allowPositionals: true,
	options: {seed: {type: 'string', default: '20240607'}, random: {type: 'string', default: '30'}, unlisted: {type: 'boolean', default: false}},
});
// Several files may be given, comma-separated: a .jsonl of articles, or a Thai NER 1.5 .txt whose
// lines become articles with their tags taken out (more distinct names than repeating thaigov-2k,
// whose copies hold no name the first one lacks).
const paths = (positionals[0] ?? thaigov2k).split(',');
const limit = Number(positionals[1] ?? Infinity);
const sampleSize = Number(values.random);
const seeds = values.seed.split(',').map(Number);
if (seeds.some((s) => !Number.isSafeInteger(s) || s < 0) || !Number.isSafeInteger(sampleSize) || sampleSize < 0) {
	console.error('khao audit: --seed and --random take whole numbers ≥ 0');
	process.exit(2);
}
const absent = paths.find((p) => !existsSync(p));
if (absent !== undefined) {
	console.log(`skip: ${absent} is absent`);
	process.exit(0);
}
const articles = paths.flatMap((path) =>
	path.endsWith('.txt')
		? readFileSync(path, 'utf8')
				.replace(/^\uFEFF/, '')
				.split('\n')
				.map((line, i) => ({id: `${path}#${i + 1}`, path, format: 'txt' as const, title: '', text: parseTaggedLine(line).text, blocks: []}))
				.filter((a) => a.text.trim() !== '')
		: loadJsonlArticles(path, limit),
);
// Every entity, those below the evidence bar too (evidence.ts): section 5 reads them; the lists and
// the random samples read what a user is shown.
const index = buildEntityIndex(articles, {everyEntity: true});
const unlisted = new Map<Entity, string>();
// Assembly's own verdict: it reads what a linked mention does not keep (how each was written).
for (const e of index.all()) if (e.unlisted !== undefined) unlisted.set(e, e.unlisted);
const entities = index.all().filter((e) => !unlisted.has(e));
const gaz = gazetteer();

/** A place the gazetteer knows (a country, region or Thai province), written exactly so. */
function isKnownPlace(alias: string): boolean {
	const hit = gaz.thai.get(alias) ?? gaz.latin.get(alias);
	return hit !== undefined && hit.kind === 'place';
}

function looksOrganisation(alias: string): boolean {
	if (ORG_HEADS.some((h) => alias.startsWith(h) && alias.length > h.length)) return true;
	return alias.split(/\s+/).some((w) => LATIN_ORG_HEADS.has(w));
}

// 1. A country or province in the same entity as an organisation.
const mixed = entities.filter((e) => e.aliases.some(isKnownPlace) && e.aliases.some((a) => !isKnownPlace(a) && looksOrganisation(a)));

// 2. Persons holding two different full names (two tokens or more, same script, no shared token).
function tokensMatch(a: string, b: string): boolean {
	if (nameKey(a) === nameKey(b)) return true;
	if (hasThai(a) && hasThai(b)) {
		const fa = thaiFineKey(a);
		return fa.length >= 2 && fa === thaiFineKey(b);
	}
	return false;
}
function differentFullNames(e: Entity): [string, string] | undefined {
	const full = e.aliases.filter((a) => a.trim().split(/\s+/).length >= 2);
	for (let i = 0; i < full.length; i++) {
		for (let j = i + 1; j < full.length; j++) {
			const a = full[i]!;
			const b = full[j]!;
			if (hasThai(a) !== hasThai(b)) continue;
			const ta = a.split(/\s+/);
			const tb = b.split(/\s+/);
			if (!ta.some((x) => tb.some((y) => tokensMatch(x, y)))) return [a, b];
		}
	}
	return undefined;
}
/** The persons for which `find` finds something, with what it found. */
function personsWith<T>(find: (e: Entity) => T | undefined): Array<{e: Entity; found: T}> {
	return entities
		.filter((e) => e.kind === 'person')
		.flatMap((e) => {
			const found = find(e);
			return found === undefined ? [] : [{e, found}];
		});
}
const twoNames = personsWith(differentFullNames);

// 2c. Persons holding two full names of one script that share a word but not every word
// (สมชาย ใจดี and สมชาย ใจงาม, Li Qiang and Li Peng): two people of one given name or surname.
function partlySame(e: Entity): [string, string] | undefined {
	const full = e.aliases.filter((a) => a.trim().split(/\s+/).length >= 2);
	for (let i = 0; i < full.length; i++) {
		for (let j = i + 1; j < full.length; j++) {
			const [a, b] = [full[i]!, full[j]!];
			if (hasThai(a) !== hasThai(b)) continue;
			const ta = a.split(/\s+/);
			const tb = b.split(/\s+/);
			const shared = ta.filter((x) => tb.some((y) => tokensMatch(x, y))).length;
			if (shared > 0 && shared < Math.min(ta.length, tb.length)) return [a, b];
		}
	}
	return undefined;
}
const partly = personsWith(partlySame);

// 2b. Persons whose full names (two tokens or more, any script) make two groups or more that
// share no token and no word-by-word phonetic key: different people joined, across scripts or not.
/** Some run of `long`'s words (titles may stand around the name: H.E. Mr. … MP) sounds like `short` word by word. */
function soundsInside(long: string[], short: string[]): boolean {
	if (short.length > long.length) return false;
	const want = new Set(tokenwiseKeys(short.join(' ')));
	for (let at = 0; at + short.length <= long.length; at++) {
		if (tokenwiseKeys(long.slice(at, at + short.length).join(' ')).some((k) => want.has(k))) return true;
	}
	return false;
}
function soundGroups(e: Entity): string[][] {
	const full = e.aliases.filter((a) => a.trim().split(/\s+/).length >= 2);
	const parent = full.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
	for (let i = 0; i < full.length; i++) {
		for (let j = i + 1; j < full.length; j++) {
			const ta = full[i]!.split(/\s+/);
			const tb = full[j]!.split(/\s+/);
			const alike = ta.some((x) => tb.some((y) => tokensMatch(x, y))) || soundsInside(ta, tb) || soundsInside(tb, ta);
			if (alike) parent[find(i)] = find(j);
		}
	}
	const groups = new Map<number, string[]>();
	full.forEach((a, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), a]));
	return [...groups.values()];
}
const apart = personsWith((e) => {
	const groups = soundGroups(e);
	return groups.length >= 2 ? groups : undefined;
});

// 3. Aliases that are single common words: a Thai word of the rule lexicon, or a single
// capitalised English word from a small list of everyday words (the junk seen: Logo, Rest...).
const COMMON_LATIN = new Set([
	...LATIN_STOP,
	'Logo',
	'Rest',
	'Area',
	'Quick',
	'Win',
	'Newsletter',
	'Blockchain',
	'Smart',
	'Green',
	'Digital',
	'Data',
	'Health',
	'Care',
	'Power',
	'Energy',
	'Service',
	'Center',
	'Centre',
	'Group',
	'Team',
	'Project',
	'Plan',
	'Work',
	'Life',
	'World',
	'Global',
	'Local',
	'National',
	'Public',
	'Private',
	'Open',
	'Start',
	'Up',
	'Big',
	'Small',
	'Good',
	'Great',
	'Happy',
	'Safe',
	'Food',
	'Water',
	'Land',
	'City',
	'Road',
	'Park',
	'Map',
	'Hub',
	'Zone',
	'Check',
	'Pass',
	'Card',
	'Pay',
	'Fast',
	'Track',
	'Business',
	'Market',
	'Trade',
	'Tourism',
	'Travel',
	'Culture',
	'Sport',
	'Sports',
	'Education',
	'Learning',
	'Skill',
	'Skills',
	'Innovation',
	'Technology',
	'Economy',
	'Economic',
	'Development',
	'Policy',
	'Program',
	'Programme',
	'Forum',
	'Award',
	'E-newsletter',
	'Newsletter',
	'Application',
	'App',
	'Platform',
	'System',
	'Network',
	'Model',
	'Mission',
	'Vision',
]);
const COMMON_THAI = new Set([...COMMON_WORDS, ...FUNCTION_WORDS, ...VERBS]);
// A short form the entity's own full name explains is no junk: a ministry's short name
// (มหาดไทย beside กระทรวงมหาดไทย) or a given name used alone (beside the full name it starts).
function explained(e: Entity, alias: string): boolean {
	return e.aliases.some(
		(a) =>
			a !== alias &&
			(ORG_HEADS.some((h) => a === h + alias || a === `${h}${alias}ฯ`) || (e.kind === 'person' && a.startsWith(`${alias} `) && !COMMON_THAI.has(a.split(' ')[1]!))),
	);
}
const commonAliases: Array<{e: Entity; alias: string}> = [];
for (const e of entities) {
	for (const alias of e.aliases) {
		if (/\s/.test(alias)) continue;
		if ((COMMON_LATIN.has(alias) || COMMON_THAI.has(alias)) && !explained(e, alias)) commonAliases.push({e, alias});
	}
}

function show(e: Entity): string {
	const aliases = e.aliases.slice(0, 8).join(' | ');
	return `${e.id} [${e.kind}] ${e.mentionCount}× ${e.articleCount}a: ${aliases}${e.aliases.length > 8 ? ` (+${e.aliases.length - 8})` : ''}`;
}

console.log(`${articles.length} articles, ${entities.length} entities`);
console.log(`\n## 1. country/province mixed with an organisation: ${mixed.length}`);
for (const e of mixed) console.log(`  ${show(e)}`);
console.log(`\n## 2. persons with two different full names: ${twoNames.length}`);
for (const {e, found: pair} of twoNames) console.log(`  ${pair[0]} ≠ ${pair[1]}  — ${show(e)}`);
console.log(`\n## 2b. persons whose full names do not sound alike (any script): ${apart.length}`);
for (const {e, found: groups} of apart) console.log(`  ${groups.map((g) => g.join(' / ')).join('  ≠  ')}  — ${show(e)}`);
console.log(`\n## 2c. persons whose full names share a word but not all (one script): ${partly.length}`);
for (const {e, found: pair} of partly) console.log(`  ${pair[0]} ~ ${pair[1]}  — ${show(e)}`);
console.log(`\n## 3. aliases that are single common words: ${commonAliases.length}`);
for (const {e, alias} of commonAliases) console.log(`  "${alias}" — ${show(e)}`);

// 5. Entities below the evidence bar, by kind and reason (every one with --unlisted), and what the
// bar does to the hand-labelled sample in bench/fixtures (labelled before the bar came in).
const byReason = new Map<string, Entity[]>();
for (const [e, reason] of unlisted) {
	const key = `${e.kind} ${reason}`;
	byReason.set(key, [...(byReason.get(key) ?? []), e]);
}
console.log(`\n## 5. entities below the evidence bar (not listed): ${unlisted.size} of ${index.all().length}`);
for (const [key, list] of [...byReason].sort()) {
	console.log(`  ${key}: ${list.length}`);
	if (values.unlisted) for (const e of list) console.log(`    ${e.name} (${e.mentionCount}×, ${e.articleCount}a)`);
}
// Each labelled sample was read before a round of changes (the first before the evidence bar, the
// second before the junk4 round, the third before the junk5 round, the fourth before the junk6
// round; the held-out ones at a round's end, the third labelled before the junk7 round's code):
// what the bar and the rules now drop of each, junk and names.
for (const file of [...JUNK_LABELS, ...HELD_OUT_JUNK_LABELS]) {
	const labelsPath = new URL(`fixtures/${file}`, import.meta.url);
	if (!existsSync(labelsPath) || paths.length !== 1 || paths[0] !== thaigov2k) continue;
	const unlistedIds = new Map([...unlisted].map(([e, reason]) => [e.id, reason]));
	const listedIds = new Set(entities.map((e) => e.id));
	const count = new Map<string, number>();
	const lost: string[] = [];
	for (const line of readFileSync(labelsPath, 'utf8').split('\n')) {
		const [kind, label, id] = line.split('\t');
		if (line.startsWith('#') || id === undefined) continue;
		// Gone: below the bar, or no longer found at all (the id of a name whose extent changed may move).
		const gone = unlistedIds.get(id) ?? (listedIds.has(id) ? undefined : 'not found');
		const key = `${kind} ${label} ${gone === undefined ? 'kept' : 'gone'}`;
		count.set(key, (count.get(key) ?? 0) + 1);
		if (label === 'name' && gone !== undefined) lost.push(`name lost: ${id} (${gone})`);
		if (label === 'junk' && gone === undefined) lost.push(`junk kept: ${id}`);
	}
	console.log(`  labelled sample ${file} (kind, label, kept or gone):`);
	for (const [key, n] of [...count].sort()) console.log(`    ${key}: ${n}`);
	for (const line of lost) console.log(`    ${line}`);
}

// 4. Random entities of each kind, from a fixed seed, with the context of one mention.
const textOf = new Map(articles.map((a) => [a.id, a.text]));
for (const first of seeds) {
	let seed = first;
	const random = (): number => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed / 2147483648;
	};
	for (const kind of ['person', 'organization', 'place'] as const) {
		const pool = entities.filter((e) => e.kind === kind);
		const picked = new Set<number>();
		while (picked.size < Math.min(sampleSize, pool.length)) picked.add(Math.floor(random() * pool.length));
		console.log(`\n## 4. seed ${first}: random ${kind} (${picked.size} of ${pool.length})`);
		let n = 0;
		for (const i of picked) {
			const e = pool[i]!;
			const m = index.mentionsOf(e.id)[0];
			let context = '';
			if (m !== undefined) {
				const text = textOf.get(m.articleId) ?? '';
				context = `${text.slice(Math.max(0, m.start - 25), m.start)}[${text.slice(m.start, m.end)}]${text.slice(m.end, m.end + 25)}`.replace(/\s+/g, ' ');
			}
			// The rule that found the mention shown (and its title) says where a junk name comes from.
			const how = m === undefined ? '' : ` {${m.rule}${m.title !== undefined ? `: ${m.title}` : ''}}`;
			console.log(`  ${String(++n).padStart(2)}. ${show(e)}${how}\n      ${context}`);
		}
	}
}
