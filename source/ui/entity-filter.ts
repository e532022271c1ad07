// The entity panel's filter: entities whose names hold what was typed, the most relevant first.
// A name that is the filter comes first, then names starting with it, then the other names holding
// it (a word starting with it before elsewhere), those of the kind the filter's head word announces
// first (typing กระทรวง: organisations; จังหวัด: places; นาย: people); then the Thai names a Latin
// filter spells (matchesName: prayuth finds ประยุทธ์); ties by mentions.
import {ENTITY_KINDS, matchesName, type Entity, type EntityKind} from '../entities/index.js';
import {HONORIFICS, ORG_HEADS, OTHER_HEADS, PLACE_HEADS, POSITIONS, RANKS, STANDALONE_ORGS} from '../entities/lexicon.js';
import {foldForSearch} from '../text/fold.js';

const HEADS: [EntityKind, readonly string[]][] = [
	['organization', [...ORG_HEADS, ...STANDALONE_ORGS]],
	['place', PLACE_HEADS],
	['person', [...HONORIFICS, ...RANKS, ...POSITIONS]],
	['other', OTHER_HEADS],
];

/** The kind whose head word the filter starts with (the longest head word wins), if any. */
export function kindOfHead(filter: string): EntityKind | undefined {
	let best: [EntityKind, number] | undefined;
	for (const [kind, heads] of HEADS) {
		for (const head of heads) {
			const h = foldForSearch(head);
			if ((filter.startsWith(h) || h.startsWith(filter)) && (!best || h.length > best[1])) best = [kind, h.length];
		}
	}
	return best?.[0];
}

/** 0 the name is the filter, 1 starts with it, 2 a word of it does, 3 holds it; undefined: no match. */
function matchRank(name: string, filter: string): number | undefined {
	const folded = foldForSearch(name);
	if (folded === filter) return 0;
	if (folded.startsWith(filter)) return 1;
	if (folded.split(' ').some((w) => w.startsWith(filter))) return 2;
	return folded.includes(filter) ? 3 : undefined;
}

/**
 * The entities matching `filter`, most relevant first; with no filter, by kind (people,
 * organisations, places, other) then mentions.
 */
export function rankEntities(list: readonly Entity[], filterText: string): Entity[] {
	const filter = foldForSearch(filterText).trim();
	const kindOrder = (k: EntityKind) => ENTITY_KINDS.indexOf(k);
	if (filter === '') return [...list].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
	const wanted = kindOfHead(filter);
	const ranked: {entity: Entity; rank: number}[] = [];
	for (const entity of list) {
		let rank: number | undefined;
		for (const alias of entity.aliases) {
			const r = matchRank(alias, filter);
			if (r !== undefined && (rank === undefined || r < rank)) rank = r;
		}
		// A Latin spelling of a Thai name (prayut for ประยุทธ์) holds no letter of it: last.
		if (rank === undefined && matchesName(entity.aliases, filterText)) rank = 3;
		// Else a Latin filter may be a Thai name's spelling (the entity index's romanised lookup).
		if (rank === undefined && matchesName(entity.aliases, filterText)) rank = 4;
		if (rank === undefined) continue;
		// The name itself, or its start, first; below that, the kind the head word announces first.
		const relevant = wanted === undefined || entity.kind === wanted;
		ranked.push({entity, rank: (rank <= 1 ? rank : relevant ? 2 : 3) * 4 + rank});
	}
	return ranked.sort((a, b) => a.rank - b.rank || b.entity.mentionCount - a.entity.mentionCount || a.entity.name.localeCompare(b.entity.name)).map((r) => r.entity);
}
