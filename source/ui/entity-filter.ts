// The entity panel's filter: entities whose names hold what was typed, the most relevant first.
// A name that is the filter comes first, then names starting with it, then the other names holding
// it (a word starting with it before elsewhere), those of the kind the filter's head word announces
// first (typing กระทรวง: organisations; จังหวัด: places; นาย: people); then the Thai names a Latin
// filter spells (matchesName: prayuth finds ประยุทธ์); ties by mentions.
import {ENTITY_KINDS, nameMatcher, type Entity, type EntityKind} from '../entities/index.js';
import {HONORIFICS, ORG_HEADS, OTHER_HEADS, PLACE_HEADS, POSITIONS, RANKS, STANDALONE_ORGS} from '../entities/lexicon.js';
import {compareNames} from '../text/collate.js';
import {foldForSearch} from '../text/fold.js';

const HEADS: [EntityKind, readonly string[]][] = [
	['organization', [...ORG_HEADS, ...STANDALONE_ORGS]],
	['place', PLACE_HEADS],
	['person', [...HONORIFICS, ...RANKS, ...POSITIONS]],
	['other', OTHER_HEADS],
];

/** The head words folded, once. */
let foldedHeads: [EntityKind, string[]][] | undefined;

/** The kind whose head word the filter starts with (the longest head word wins), if any. */
export function kindOfHead(filter: string): EntityKind | undefined {
	foldedHeads ??= HEADS.map(([kind, heads]) => [kind, heads.map((h) => foldForSearch(h))]);
	let best: [EntityKind, number] | undefined;
	for (const [kind, heads] of foldedHeads) {
		for (const h of heads) {
			if ((filter.startsWith(h) || h.startsWith(filter)) && (!best || h.length > best[1])) best = [kind, h.length];
		}
	}
	return best?.[0];
}

/** 0 the name is the filter, 1 starts with it, 2 a word of it does, 3 holds it; undefined: no match. */
function matchRank(folded: string, filter: string): number | undefined {
	// Most names do not hold the filter at all: one search says so.
	const at = folded.indexOf(filter);
	if (at < 0) return undefined;
	if (at === 0) return folded.length === filter.length ? 0 : 1;
	// The filter begins where a word of the name begins (a filter of two words too).
	return folded.includes(' ' + filter) ? 2 : 3;
}

/** An entity's aliases folded, once per entity object (a snapshot's entities live until the next). */
const foldedAliases = new WeakMap<Entity, string[]>();
function foldedOf(entity: Entity): string[] {
	let folded = foldedAliases.get(entity);
	if (folded === undefined) {
		folded = entity.aliases.map((a) => foldForSearch(a));
		foldedAliases.set(entity, folded);
	}
	return folded;
}

/**
 * The entities matching `filter`, most relevant first; with no filter, by kind (people,
 * organisations, places, other) then mentions.
 */
export function rankEntities(list: readonly Entity[], filterText: string): Entity[] {
	const filter = foldForSearch(filterText).trim();
	const kindOrder = (k: EntityKind) => ENTITY_KINDS.indexOf(k);
	if (filter === '') return [...list].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || b.mentionCount - a.mentionCount || compareNames(a.name, b.name));
	const wanted = kindOfHead(filter);
	const spelled = nameMatcher(filterText);
	const ranked: {entity: Entity; rank: number}[] = [];
	for (const entity of list) {
		let rank: number | undefined;
		for (const alias of foldedOf(entity)) {
			const r = matchRank(alias, filter);
			if (r !== undefined && (rank === undefined || r < rank)) rank = r;
		}
		// A Latin spelling of a Thai name (prayut for ประยุทธ์) holds no letter of it: after those that hold it.
		if (rank === undefined && spelled(entity.aliases)) rank = 4;
		if (rank === undefined) continue;
		// The name itself, or its start, first; below that, the kind the head word announces first.
		const relevant = wanted === undefined || entity.kind === wanted;
		ranked.push({entity, rank: (rank <= 1 ? rank : relevant ? 2 : 3) * 4 + rank});
	}
	return ranked.sort((a, b) => a.rank - b.rank || b.entity.mentionCount - a.entity.mentionCount || compareNames(a.entity.name, b.entity.name)).map((r) => r.entity);
}
