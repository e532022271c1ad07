// Where each panel draws its list: how many header rows come first, how tall a row is, how many
// rows fit and which is the first one shown. The panels draw from this and the mouse reads it
// (a click on a row picks that row), so both agree on what is on which screen row.

export interface ListLayout {
	/** Pane rows above the list (a text field, a status line, a rule; a title). */
	header: number;
	/** Screen rows each list row takes (a search hit: its title and its snippet). */
	rowHeight: number;
	/** List rows that fit. */
	visible: number;
	/** The first list row shown. */
	top: number;
}

/** Windows a list so the cursor stays visible, the cursor kept away from the edges when possible. */
export function listWindow(count: number, cursor: number, visible: number): number {
	if (count <= visible) return 0;
	return Math.max(0, Math.min(count - visible, cursor - Math.floor(visible / 2)));
}

/** The search panel: field, status, rule, then two rows a hit. */
export function searchListLayout(count: number, cursor: number, height: number): ListLayout {
	const visible = Math.max(1, Math.floor((height - 3) / 2));
	return {header: 3, rowHeight: 2, visible, top: listWindow(count, cursor, visible)};
}

/** The entity panel: field, header, rule, then a row an entity. */
export function entityListLayout(count: number, cursor: number, height: number): ListLayout {
	const visible = Math.max(1, height - 3);
	return {header: 3, rowHeight: 1, visible, top: listWindow(count, cursor, visible)};
}

/** The bookmarks panel: a title, then a row a bookmark; the list scrolls only as far as the cursor needs. */
export function bookmarkListLayout(count: number, cursor: number, height: number): ListLayout {
	const visible = Math.max(1, height - 1);
	const top = Math.max(0, Math.min(cursor - visible + 1, count - visible));
	return {header: 1, rowHeight: 1, visible, top: Math.max(0, Math.min(top, cursor))};
}

/** The list row drawn on pane row `row` (0: the pane's first row), or undefined (a header, past the end). */
export function rowAt(layout: ListLayout, count: number, row: number): number | undefined {
	const inList = row - layout.header;
	if (inList < 0) return undefined;
	const shown = Math.floor(inList / layout.rowHeight);
	const index = layout.top + shown;
	return shown < layout.visible && index < count ? index : undefined;
}
