// Every command-line flag, written once: the parser (args.ts), the `Flags` type the program reads
// and the Options part of --help all come from this table. A new flag is one row here.

export interface FlagDef {
	/** The long name, as typed after `--`. */
	name: string;
	short?: string;
	/** `number`: a whole number within `range`. */
	type: 'boolean' | 'string' | 'number';
	/** What --help calls the value (QUERY, N). */
	value?: string;
	range?: readonly [number, number];
	/** A boolean that is on unless `--no-NAME` turns it off. */
	negatable?: boolean;
	/** --help and --version: what parsing returns instead of a run. */
	action?: 'help' | 'version';
	help: string;
}

export const FLAGS = [
	{name: 'print', short: 'p', type: 'boolean', help: 'print the articles wrapped to the width instead of opening the reader'},
	{name: 'list', short: 'l', type: 'boolean', help: 'one line per article: id, date, title (tab-separated)'},
	{name: 'search', short: 's', type: 'string', value: 'QUERY', help: 'print the passages that match QUERY, best first'},
	{name: 'entities', type: 'boolean', help: 'print the people, organisations and places, with their mentions'},
	{name: 'index', type: 'boolean', help: 'build the search and entity caches of PATH ahead of time, then say how big'},
	{name: 'json', type: 'boolean', help: 'with --print, --list, --search or --entities: JSON output'},
	{name: 'width', short: 'w', type: 'number', value: 'N', range: [8, 1000], help: "width for --print (default: the terminal's, 80 when not a terminal)"},
	{name: 'text-width', type: 'number', value: 'N', range: [20, 1000], help: "the reader's longest text line (default 100; W in the reader: the pane's width)"},
	{name: 'entities-file', type: 'string', value: 'F', help: 'entity corrections (default: khao.entities.json in the corpus folder)'},
	{name: 'cache', type: 'boolean', negatable: true, help: 'do not read or write the caches (listings, search, entities)'},
	{name: 'state', type: 'boolean', negatable: true, help: 'do not remember the last article, places and bookmarks'},
	{name: 'mouse', type: 'boolean', negatable: true, help: 'leave the mouse to the terminal (its own selection)'},
	{name: 'version', type: 'boolean', action: 'version', help: 'print the version'},
	{name: 'help', short: 'h', type: 'boolean', action: 'help', help: 'print this help'},
] as const satisfies readonly FlagDef[];

type Def = (typeof FLAGS)[number];
type Setting = Exclude<Def, {action: string}>;
/** `entities-file` → `entitiesFile`. */
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

/** The flags of a run: booleans always there (off, or on for a negatable one), values when given. */
export type Flags = {[D in Setting as D extends {type: 'boolean'} ? Camel<D['name']> : never]: boolean} & {
	[D in Setting as D extends {type: 'boolean'} ? never : Camel<D['name']>]?: D extends {type: 'number'} ? number : string;
};

export const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** How --help writes a flag: `-w, --width N`, `--no-cache`. */
export function flagUsage(def: FlagDef): string {
	const long = def.negatable ? `--no-${def.name}` : `--${def.name}`;
	return `${def.short ? `-${def.short}, ` : '    '}${long}${def.value ? ' ' + def.value : ''}`;
}

/** The Options part of --help. */
export function optionLines(column = 23): string[] {
	return FLAGS.map((def: FlagDef) => {
		const usage = flagUsage(def);
		return usage.length < column ? `${usage.padEnd(column)}${def.help}` : `${usage}\n${' '.repeat(column)}${def.help}`;
	});
}
