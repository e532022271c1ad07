import type {MatchRange} from '../search/index.js';
import type {LineSource} from '../layout/lazy.js';
import type {BackgroundState} from './background.js';
import {maxTop, type Env, type State} from './state/index.js';
import {fitWidth} from './fit.js';
import {counted} from '../text/count.js';

// What the status bar says, left to right (later pieces are cut first when space runs out).

interface StatusInput {
	state: State;
	env: Env;
	order: readonly number[];
	lines: LineSource;
	/** The top line drawn. */
	top: number;
	/** The active search's matches in the open article. */
	matches: readonly MatchRange[];
	corpus: {count: number; done: boolean; warnings: number};
	background?: BackgroundState;
	/** The sidebar is hidden: the status bar names the article. */
	showTitle: boolean;
}

export function statusPieces({state, env, order, lines, top, matches, corpus, background, showTitle}: StatusInput): string[] {
	const article = env.articles[state.current];
	const status: string[] = [];
	if (state.panel.kind === 'goto') status.push(`go to article: ${state.panel.digits}▏ (1–${order.length}, Enter)`);
	status.push(article ? `${order.indexOf(state.current) + 1}/${order.length}` : 'no article');
	// A third of the bar at most, so that the position and the match or mention still show.
	if (article && showTitle) status.push(fitWidth(article.title, Math.max(8, Math.floor(env.size.columns / 3)), false));
	const pageHeight = env.size.rows - 2;
	if (lines.length > 0) {
		const max = maxTop({lineCount: lines.length, pageHeight});
		status.push(`line ${top + 1}/${lines.exact ? '' : '~'}${lines.length} ${max === 0 ? '100%' : `${Math.round((top / max) * 100)}%`}`);
	}
	if (state.count) status.push(`count ${state.count}`);
	const active = state.active;
	if (active) {
		// The match the user is on: the one at the chosen position, or (a hit in a .jsonl title, which
		// the text does not hold) none yet, until n or N steps onto one.
		const i = active.at === undefined ? -1 : matches.findIndex((m) => m.end > active.at!);
		status.push(
			matches.length === 0
				? `no match of ${active.query} here`
				: i === -1
					? `${counted(matches.length, 'match', 'matches')} here (n: next)`
					: `match ${i + 1} of ${matches.length}`,
		);
	}
	const focused = state.focused;
	if (focused && env.entities) {
		const entity = env.entities.entity(focused.id);
		const position = article && focused.at !== undefined ? env.entities.positionOf(focused.id, article.id, focused.at) : undefined;
		if (entity)
			status.push(
				position
					? `${entity.name} · mention ${position.ordinal} of ${position.total} · article ${position.articleOrdinal} of ${position.articleTotal}`
					: `${entity.name} · ${counted(entity.mentionCount, 'mention')} in ${counted(entity.articleCount, 'article')}`,
			);
	}
	if (state.message) status.push(state.message);
	if (!corpus.done) status.push(`loading… ${corpus.count}`);
	// Also before the indexer has counted the corpus (total 0): no frame between loading and indexing looks ready.
	else if (background && (!background.searchDone || !background.entitiesDone)) {
		const done = Math.min(background.searchIndexed, background.entityArticles);
		// Progress counts whole articles: with one (or the first of a few) there is no 0% to show.
		status.push(background.inWorkers || done === 0 ? 'indexing…' : `indexing ${Math.round((done / background.total) * 100)}%`);
	} else if (background?.saving) status.push('saving the search index…');
	if (background?.problem) status.push(background.problem);
	const warningCount = corpus.warnings + (background?.cacheWarning ? 1 : 0);
	if (warningCount > 0) status.push(`${warningCount} skipped (w)`);
	return status;
}
