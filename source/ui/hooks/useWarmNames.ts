import {useEffect} from 'react';
import {warmRomanKeys, type EntityIndex} from '../../entities/index.js';

/** CPU a warming step may take before it lets keys and frames through. */
const STEP_MS = 8;

/**
 * While a panel that looks names up is open (the entity panel, the search panel), the romanised
 * keys of the entities' Thai names are worked out in short steps between keys: otherwise the first
 * Latin letters typed (`paet`…) wait for all of them at once (0.7 s for thaigov-2k's 13,000
 * names). They are kept (name-search.ts), so this is done once per set of names.
 */
export function useWarmNames(entities: EntityIndex | undefined, open: boolean): void {
	useEffect(() => {
		if (!open || !entities) return;
		const aliases: string[] = [];
		for (const entity of entities.all()) for (const alias of entity.aliases) aliases.push(alias);
		let at = 0;
		let timer: NodeJS.Timeout | undefined;
		const step = () => {
			at = warmRomanKeys(aliases, at, performance.now() + STEP_MS);
			timer = at < aliases.length ? setTimeout(step, 1) : undefined;
		};
		timer = setTimeout(step, 0);
		return () => clearTimeout(timer);
	}, [entities, open]);
}
