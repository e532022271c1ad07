// What an entity is called and what it is, from all its mentions: the kind most mentions give
// (a title outweighs a guess), the fullest Thai spelling as its name (Latin when it has none),
// every spelling as an alias, and an id made from its kind and name.

import {hasThai} from '../text/phonetic.js';
import {displayName, nameKey} from './normalize.js';
import type {EntityKind, Mention} from './types.js';
import {compareNames} from '../text/collate.js';

/** How much a rule's word counts when the mentions of one entity disagree on its kind. */
export function kindWeight(m: Pick<Mention, 'kind' | 'title' | 'rule'>): number {
	if (m.kind === 'other') return 0.1;
	if (m.title !== undefined) return 3;
	if (m.rule === 'latin' || m.rule === 'acronym') return 0.5;
	return 1;
}

/** Sums of weights per kind (plain fields: a Map cost a snapshot of 300,000 mentions tens of ms). */
export class KindVote {
	private person = -1;
	private organization = -1;
	private place = -1;
	private other = -1;

	add(kind: EntityKind, weight: number): void {
		switch (kind) {
			case 'person':
				this.person = Math.max(this.person, 0) + weight;
				break;
			case 'organization':
				this.organization = Math.max(this.organization, 0) + weight;
				break;
			case 'place':
				this.place = Math.max(this.place, 0) + weight;
				break;
			case 'other':
				this.other = Math.max(this.other, 0) + weight;
		}
	}

	/** The kind with the most weight; on a tie, the first of person, organization, place, other. */
	winner(): EntityKind {
		let best: EntityKind = 'other';
		let bestScore = -1;
		for (const [kind, score] of [
			['person', this.person],
			['organization', this.organization],
			['place', this.place],
			['other', this.other],
		] as const) {
			if (score > bestScore) {
				best = kind;
				bestScore = score;
			}
		}
		return best;
	}
}

export function voteKind(mentions: readonly Mention[]): EntityKind {
	const vote = new KindVote();
	for (const m of mentions) vote.add(m.kind, kindWeight(m));
	return vote.winner();
}

/** Aliases, most frequent first, one per distinct written form. */
export function collectAliases(mentions: readonly Mention[]): Array<{name: string; count: number}> {
	// Count raw spellings first: most mentions repeat a few strings, normalised once each.
	const raw = new Map<string, number>();
	for (const m of mentions) raw.set(m.text, (raw.get(m.text) ?? 0) + 1);
	return aliasesFromCounts(raw);
}

/** `collectAliases` from counts of the texts as written. */
export function aliasesFromCounts(raw: ReadonlyMap<string, number>): Array<{name: string; count: number}> {
	const counts = new Map<string, number>();
	for (const [text, n] of raw) {
		const name = displayName(text);
		if (name !== '') counts.set(name, (counts.get(name) ?? 0) + n);
	}
	return [...counts].map(([name, count]) => ({name, count})).sort((a, b) => b.count - a.count || compareNames(a.name, b.name));
}

const tokenCount = (s: string): number => s.split(/[\s-]+/).length;

/**
 * The canonical name: Thai script first, then for a person the most tokens (the full name), then
 * the most used; a body or place is called what it is called most often.
 */
export function canonicalName(aliases: ReadonlyArray<{name: string; count: number}>, kind: EntityKind = 'person'): string {
	let best: {name: string; count: number} | undefined;
	const better = (a: {name: string; count: number}, b: {name: string; count: number}): boolean => {
		const ta = hasThai(a.name) ? 1 : 0;
		const tb = hasThai(b.name) ? 1 : 0;
		if (ta !== tb) return ta > tb;
		// An acronym is never the fullest form when a longer name exists.
		const aa = isAbbreviation(a.name) ? 0 : 1;
		const ab = isAbbreviation(b.name) ? 0 : 1;
		if (aa !== ab) return aa > ab;
		// A name cut short with ฯ is never the fullest form of the name it opens (ศูนย์วิจัยฯ, ศูนย์วิจัยX).
		if (cutShortOf(a.name, b.name)) return false;
		if (cutShortOf(b.name, a.name)) return true;
		if (kind === 'person' && tokenCount(a.name) !== tokenCount(b.name)) return tokenCount(a.name) > tokenCount(b.name);
		if (a.count !== b.count) return a.count > b.count;
		return a.name.length > b.name.length;
	};
	for (const a of aliases) if (best === undefined || better(a, best)) best = a;
	return best?.name ?? '';
}

/** A slug: lowercase, words joined by hyphens; Thai letters kept, other symbols dropped. */
export function slugify(name: string): string {
	return nameKeySafe(name)
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9\u0E01-\u0E4E]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

function nameKeySafe(name: string): string {
	return displayName(name).replace(/\u0E2F/g, '');
}

/**
 * The id base for an entity: `kind:slug`, where the slug is a full Latin name when one is known
 * (person:emmanuel-macron), the region code for a country (place:cn), else the Thai name.
 */
export function idBase(kind: EntityKind, name: string, aliases: ReadonlyArray<{name: string}>, placeKey?: string): string {
	if (placeKey !== undefined && /^[A-Z]{2}$|^\d{3}$/.test(placeKey)) return `${kind}:${placeKey.toLowerCase()}`;
	// A person's full Latin name is the same name in another script; a body's Latin "alias" from a
	// bracket may be a programme or a translation, so bodies keep their Thai name.
	const nameTokens = tokenCount(name);
	const latin = kind !== 'person' ? undefined : aliases.find((a) => !hasThai(a.name) && tokenCount(a.name) >= nameTokens && nameKey(a.name) !== '');
	const slug = slugify(latin?.name ?? name);
	return `${kind}:${slug === '' ? 'unnamed' : slug}`;
}

/** `short` is `full` cut short with ฯ for the rest (ศูนย์วิจัยฯ of ศูนย์วิจัยข้าว…). */
function cutShortOf(short: string, full: string): boolean {
	return short.endsWith('ฯ') && full.length > short.length && !full.endsWith('ฯ') && full.startsWith(short.slice(0, -1));
}

/** ASEAN, APEC, ธ.ก.ส., สปส.: short forms that are never an entity's fullest name. */
function isAbbreviation(name: string): boolean {
	return /^[A-Z0-9&.-]+s?$/.test(name) || (/\./.test(name) && name.length <= 12 && !name.includes(' '));
}

/** An id not handed out yet: the base, then base-2, base-3… */
export function uniqueId(base: string, used: Map<string, number>): string {
	const n = (used.get(base) ?? 0) + 1;
	used.set(base, n);
	return n === 1 ? base : `${base}-${n}`;
}
