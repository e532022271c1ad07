import {wrapText} from '../layout/wrap.js';
import {stringWidth} from '../text/width.js';
import {describedRows} from './key-lines.js';
import {memoLast} from './state/memo.js';

// The `?` screen as lines for a width, written from the key tables: every description whole
// (wrapped under its keys, never cut), so the screen scrolls instead of truncating.

export interface HelpLine {
	kind: 'title' | 'section' | 'row';
	keys: string;
	what: string;
}

export const HELP_TITLE = 'Keys (? or Esc closes; j k space b scroll)';

/** Columns of the keys column at `width`. */
export const helpKeyWidth = (width: number) => Math.min(24, Math.max(10, Math.floor(width / 3)));

export const helpLines = memoLast((width: number): HelpLine[] => {
	const keyWidth = helpKeyWidth(width);
	const room = Math.max(8, width - keyWidth);
	const out: HelpLine[] = [{kind: 'title', keys: '', what: HELP_TITLE}];
	for (const row of describedRows()) {
		if (row.section) out.push({kind: 'section', keys: '', what: row.section});
		const keys = '  ' + row.keys;
		const what = wrapText(row.what, 0, row.what.length, room).map((l) => l.text);
		// Keys too long for their column get a line of their own, the description below them.
		if (stringWidth(keys) >= keyWidth) out.push({kind: 'row', keys, what: ''});
		else out.push({kind: 'row', keys, what: what.shift() ?? ''});
		for (const more of what) out.push({kind: 'row', keys: '', what: more});
	}
	return out;
}, 2);
