import {allKeyTables} from './keymap.js';
import {rowKeys} from './keys/key-spec.js';

// The key tables as the people read them: rows with their section, for the `?` screen
// (help-lines.ts), --help and the README's Keys section (which a test keeps equal to keyMarkdown).

export interface DescribedRow {
	/** Set on the first row of each section. */
	section?: string;
	keys: string;
	what: string;
}

/** Every described row of every table, in help order. */
export function describedRows(): DescribedRow[] {
	const out: DescribedRow[] = [];
	let section = '';
	for (const table of allKeyTables) {
		for (const row of table) {
			if (!row.what) continue;
			const first = row.section !== section;
			section = row.section;
			out.push({...(first ? {section} : {}), keys: rowKeys(row), what: row.what});
		}
	}
	return out;
}

/** One line per key row (long keys get a line of their own), sections as headings with a blank line before. */
export function keyLines(keyColumn = 26): string[] {
	const out: string[] = [];
	for (const row of describedRows()) {
		if (row.section) out.push(...(out.length > 0 ? [''] : []), row.section);
		if (row.keys.length < keyColumn) out.push(`  ${row.keys.padEnd(keyColumn)}${row.what}`);
		else out.push(`  ${row.keys}`, `  ${' '.repeat(keyColumn)}${row.what}`);
	}
	return out;
}

const code = (keys: string) =>
	keys
		.split(' / ')
		.map((group) =>
			group
				.split(' ')
				.map((k) => '`' + k + '`')
				.join(' '),
		)
		.join(' / ');

/** The README's Keys tables: one per section. */
export function keyMarkdown(): string {
	const out: string[] = [];
	for (const row of describedRows()) {
		if (row.section) out.push('', `**${row.section}**`, '', '| keys | what they do |', '|---|---|');
		out.push(`| ${code(row.keys)} | ${row.what.replace(/\|/g, '\\|')} |`);
	}
	return out.join('\n').trim() + '\n';
}
