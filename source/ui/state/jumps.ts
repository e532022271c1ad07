import type {Entity} from '../../entities/index.js';
import {rangesWithin} from '../../layout/lines.js';
import {isVisible, stepRange, visibleRange} from '../navigation.js';
import {currentLines, matchesIn, matchingArticles, orderOf, panesOf, type Env} from './env.js';
import {goTo} from './moves.js';
import {WAITING, type State} from './types.js';

// Jumps between matches and mentions: pure functions of the state and the indexes, so that a run
// of keys (n n n in one chunk) steps from where the previous step left, never from a stale view.

type Direction = 1 | -1;
const said = (state: State, message: string): State => ({...state, message});

/** n / N: the next match here, else the first (last) match of the next (previous) article in the sidebar. */
export function stepMatch(state: State, direction: Direction, env: Env): State {
	const active = state.active;
	const article = env.articles[state.current];
	if (!active || !article) return state;
	const lines = currentLines(state, env);
	const {bodyHeight} = panesOf(state, env);
	const matches = matchesIn(article, active.query, active.also);
	const here = stepRange(matches, active.at ?? (direction === 1 ? (lines.at(state.top)?.start ?? 0) - 1 : undefined), direction);
	if (here !== -1) {
		const m = matches[here]!;
		const next = {...state, active: {...active, at: m.start}};
		return isVisible(lines, state.top, bodyHeight, m.start) ? next : goTo(next, state.current, m.start, env);
	}
	const order = orderOf(state, env);
	const matching = matchingArticles(env.searchIndex, env.searchDone, active.query, active.also);
	for (let p = order.indexOf(state.current) + direction; p >= 0 && p < order.length; p += direction) {
		if (matching && !matching.has(order[p]!)) continue;
		const found = matchesIn(env.articles[order[p]!], active.query, active.also);
		if (found.length > 0) {
			const m = direction === 1 ? found[0]! : found[found.length - 1]!;
			return goTo({...state, active: {...active, at: m.start}}, order[p]!, m.start, env);
		}
	}
	return said(state, `no ${direction === 1 ? 'later' : 'earlier'} match of ${active.query}`);
}

/** m / M: the next mention of the focused entity, continuing into other articles. */
export function stepMention(state: State, direction: Direction, env: Env): State {
	const focus = state.focused;
	const article = env.articles[state.current];
	const entities = env.entities;
	if (!focus || !entities || !article) return said(state, 'no focused entity: e focuses one on screen, p lists them');
	const lines = currentLines(state, env);
	const topStart = lines.at(state.top)?.start ?? 0;
	const from = focus.at ?? (direction === 1 ? topStart - 1 : topStart);
	const next = entities.nextMention(focus.id, article.id, from, direction === 1 ? 'next' : 'previous');
	if (!next) return said(state, `no ${direction === 1 ? 'later' : 'earlier'} mention`);
	const was = focus.at !== undefined ? entities.positionOf(focus.id, article.id, focus.at) : undefined;
	const wrapped = was && (direction === 1 ? next.ordinal < was.ordinal : next.ordinal > was.ordinal);
	const moved: State = {
		...state,
		focused: {id: focus.id, at: next.start},
		message: wrapped ? `wrapped to the ${direction === 1 ? 'first' : 'last'} mention` : state.message,
	};
	const index = next.articleId === article.id ? state.current : env.articles.findIndex((a) => a.id === next.articleId);
	if (index === state.current && isVisible(lines, state.top, panesOf(state, env).bodyHeight, next.start)) return moved;
	return goTo(moved, index, next.start, env);
}

/** e / E: focus the next (previous) entity mention on screen. */
export function stepEntityOnScreen(state: State, direction: Direction, env: Env): State {
	const article = env.articles[state.current];
	if (!env.entities || !article) return said(state, WAITING.entities);
	const [from, to] = visibleRange(currentLines(state, env), state.top, panesOf(state, env).bodyHeight);
	const onScreen = rangesWithin(env.entities.mentionsIn(article.id), from, to).filter((m) => m.start >= from);
	if (onScreen.length === 0) return said(state, 'no entity on screen');
	const at = state.focused?.at !== undefined && state.focused.at >= from && state.focused.at < to ? state.focused.at : undefined;
	let i = stepRange(onScreen, at, direction);
	if (i === -1) i = direction === 1 ? 0 : onScreen.length - 1;
	const m = onScreen[i]!;
	return {...state, focused: {id: m.entityId, at: m.start}};
}

/** Focuses `entity` at its first mention here (else its first anywhere) and shows that mention. */
export function focusEntity(state: State, entity: Entity, env: Env): State {
	const closed: State = {...state, panel: {kind: 'none'}};
	if (!env.entities) return closed;
	const article = env.articles[state.current];
	const inHere = article ? env.entities.mentionsIn(article.id).find((m) => m.entityId === entity.id) : undefined;
	const first = inHere ?? env.entities.firstMentionOf(entity.id);
	if (!first) return {...closed, focused: {id: entity.id}};
	const index = env.articles.findIndex((a) => a.id === first.articleId);
	return goTo({...closed, focused: {id: entity.id, at: first.start}}, index === -1 ? state.current : index, first.start, env);
}
