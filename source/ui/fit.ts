import {graphemes} from '../text/graphemes.js';
import {clusterWidth, stringWidth} from '../text/width.js';
import {sanitizeInline} from '../text/sanitize.js';

/**
 * `s` made safe and at most `width` columns wide (exactly `width` when `pad`): cut at a grapheme
 * cluster with '…' when too long.
 */
export function fitWidth(s: string, width: number, pad = true): string {
	if (width <= 0) return '';
	const clean = sanitizeInline(s);
	const full = stringWidth(clean);
	if (full <= width) return pad ? clean + ' '.repeat(width - full) : clean;
	let used = 0;
	let out = '';
	for (const c of graphemes(clean)) {
		const w = clusterWidth(c);
		if (used + w > width - 1) break;
		out += c;
		used += w;
	}
	out += '…';
	used += 1;
	return pad ? out + ' '.repeat(width - used) : out;
}

export interface StyledRun<T> {
	text: string;
	style?: T;
}

/**
 * Runs of already safe text cut to `width` columns in total (with '…' when cut), each in display
 * form. For snippets and lines whose highlights must survive the cut.
 */
export function fitRuns<T>(runs: readonly StyledRun<T>[], width: number): StyledRun<T>[] {
	const out: StyledRun<T>[] = [];
	let used = 0;
	const total = runs.reduce((sum, r) => sum + stringWidth(r.text), 0);
	const room = total <= width ? width : width - 1;
	for (const run of runs) {
		let text = '';
		for (const c of graphemes(run.text)) {
			const w = clusterWidth(c);
			if (used + w > room) {
				if (text) out.push({text, style: run.style});
				out.push({text: '…'});
				return out;
			}
			text += c;
			used += w;
		}
		if (text) out.push({text, style: run.style});
	}
	return out;
}
