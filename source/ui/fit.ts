import {graphemes} from '../text/graphemes.js';
import {clusterWidth, stringWidth, toDisplay} from '../text/width.js';
import {sanitizeInline} from '../text/sanitize.js';

/**
 * `s` made safe and at most `width` columns wide (exactly `width` when `pad`): cut at a grapheme
 * cluster with '…' when too long. The result is in display form (SARA AM as terminals draw it).
 */
export function fitWidth(s: string, width: number, pad = true): string {
	if (width <= 0) return '';
	const clean = toDisplay(sanitizeInline(s));
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
