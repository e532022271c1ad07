/** Prints rows of strings as an aligned Markdown table (pasted as is into the README). */
export function printTable(rows: Record<string, string>[]): void {
	if (rows.length === 0) return;
	const keys = Object.keys(rows[0]!);
	const width = (s: string) => [...s].length;
	const widths = keys.map((k) => Math.max(width(k), ...rows.map((r) => width(r[k] ?? ''))));
	const line = (cells: string[]) => '| ' + cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' | ') + ' |';
	console.log(line(keys));
	console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
	for (const r of rows) console.log(line(keys.map((k) => r[k] ?? '')));
}
