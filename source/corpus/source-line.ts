// Source lines: `ที่มา: …`, `แหล่งที่มา …`, `Source: …`, or a line that is only a URL. They are
// metadata, not prose. A label ending in a colon with nothing after it takes its value from the
// next line (`Source:` / `Reuters`); a bare label without a colon takes nothing, because what
// follows it is as often page furniture as a source.

const LABEL = '(?:แหล่งที่มา|แหล่งข่าว|ที่มาข่าว|ที่มา|อ้างอิง|sources?|credits?|via|ref(?:erence)?s?)';
const WITH_COLON = new RegExp(`^${LABEL}\\s*[:：]\\s*(.*)$`, 'iu');
const BARE_LABEL = new RegExp(`^${LABEL}\\s*(\\S*)$`, 'iu');
const URL_ONLY = /^[(<[]?\s*((?:https?:\/\/|www\.)\S+?)\s*[)>\]]?$/iu;

/** Longest line considered: a source line is short, a paragraph that starts with ที่มา is not one. */
const MAX_SOURCE_LINE = 300;
/** Longest value taken from the line after a `Label:` line. */
const MAX_NEXT_LINE_VALUE = 120;

export type SourceLine =
	/** A label with its value (possibly empty: the value may be on the next line when `colon`). */
	{kind: 'label'; value: string; colon: boolean} | {kind: 'url'; value: string};

/** What a trimmed line is as a source line, or undefined when it is prose. */
export function sourceLineOf(line: string): SourceLine | undefined {
	if (line.length === 0 || line.length > MAX_SOURCE_LINE) return undefined;
	const colon = WITH_COLON.exec(line);
	if (colon) return {kind: 'label', value: colon[1]!.trim(), colon: true};
	const bare = BARE_LABEL.exec(line);
	// Without a colon only a lone label or a label + URL: `ที่มาของปัญหา…` is prose.
	if (bare && (bare[1] === '' || URL_ONLY.test(bare[1]!))) return {kind: 'label', value: bare[1]!, colon: false};
	const url = URL_ONLY.exec(line);
	if (url) return {kind: 'url', value: url[1]!};
	return undefined;
}

/** Whether the line after `Label:` can be its value: short, one item, not a new label or a date. */
export function isSourceValueLine(line: string): boolean {
	return line.length > 0 && line.length <= MAX_NEXT_LINE_VALUE && sourceLineOf(line)?.kind !== 'label';
}
