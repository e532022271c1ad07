// The command line, read strictly: every mistake is one sanitised line and exit 2, never a stack
// trace, never an echo of what was typed with its escapes. Node's own parser gives the tokens;
// which of them make sense is decided here.
import {parseArgs, type ParseArgsConfig} from 'node:util';
import {sanitizeInline} from '../text/sanitize.js';
import {camel, FLAGS, type FlagDef, type Flags} from './flags.js';

export type {Flags};

export type Parsed = {kind: 'run'; input: string[]; flags: Flags} | {kind: 'help'} | {kind: 'version'} | {kind: 'usage'; message: string};

const DEFS = new Map<string, FlagDef>(FLAGS.map((def: FlagDef) => [def.name, def]));
const OPTIONS: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
	FLAGS.map((def: FlagDef) => [def.name, {type: def.type === 'boolean' ? 'boolean' : 'string', ...(def.short ? {short: def.short} : {})}]),
);
/** What --help and --version are typed as: they win over everything else on the line. */
const ACTIONS = new Map<string, 'help' | 'version'>(
	FLAGS.flatMap((def: FlagDef) => (def.action ? [[`--${def.name}`, def.action], ...(def.short ? [[`-${def.short}`, def.action] as const] : [])] : [])),
);

/**
 * An option as the user typed it, safe to print and short enough for one line: controls and
 * format characters are written out as \u{…} (dropping them would leave a puzzling `--`).
 */
function shown(raw: string): string {
	const visible = raw.replace(/[\p{Cc}\p{Cf}]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
	const clean = sanitizeInline(visible);
	return clean.length > 40 ? clean.slice(0, 39) + '…' : clean;
}

export function parseArguments(argv: string[]): Parsed {
	// --help and --version win over everything else on the line, as a person means them to.
	const before = argv.indexOf('--');
	const options = before === -1 ? argv : argv.slice(0, before);
	for (const action of ['help', 'version'] as const) if (options.some((o) => ACTIONS.get(o) === action)) return {kind: action};

	const {tokens} = parseArgs({args: argv, options: OPTIONS, strict: false, allowPositionals: true, allowNegative: true, tokens: true});
	const input: string[] = [];
	const values = new Map<string, string | boolean>();
	for (const token of tokens) {
		if (token.kind === 'positional') {
			input.push(token.value);
			continue;
		}
		if (token.kind !== 'option') continue;
		const raw = shown(token.rawName);
		const def = DEFS.get(token.name);
		if (!def || def.action) return {kind: 'usage', message: `unknown option ${raw}`};
		const negated = token.rawName.startsWith('--no-');
		if (negated && !def.negatable) return {kind: 'usage', message: `${raw} is not an option (--${def.name} cannot be turned off)`};
		if (values.has(def.name)) return {kind: 'usage', message: `--${def.name} given more than once`};
		if (def.type === 'boolean') {
			if (token.value !== undefined) return {kind: 'usage', message: `--${def.name} takes no value`};
			values.set(def.name, !negated);
			continue;
		}
		// `--width --print`: the next word is another option, not the value that is missing.
		if (token.value === undefined || (!token.inlineValue && /^-./u.test(token.value))) {
			return {kind: 'usage', message: `--${def.name} needs a value`};
		}
		values.set(def.name, token.value);
	}

	const flags: Record<string, boolean | string | number> = {};
	for (const def of FLAGS as readonly FlagDef[]) {
		if (def.action) continue;
		const value = values.get(def.name);
		const key = camel(def.name);
		if (def.type === 'boolean') flags[key] = value === undefined ? Boolean(def.negatable) : value === true;
		else if (typeof value !== 'string') continue;
		else if (def.type === 'string') flags[key] = value;
		else {
			const [lo, hi] = def.range ?? [0, Number.MAX_SAFE_INTEGER];
			const n = /^\d{1,7}$/u.test(value.trim()) ? Number(value.trim()) : NaN;
			if (!(n >= lo && n <= hi)) return {kind: 'usage', message: `--${def.name} takes a whole number from ${lo} to ${hi}`};
			flags[key] = n;
		}
	}
	return {kind: 'run', input, flags: flags as Flags};
}
