// A Markdown table drawn as a table: box-drawing borders, columns as wide as their widest cell
// (terminal columns, Thai marks counting none), cells wrapped by the same line breaker as the
// text when the table is wider than the pane. When even a few columns each do not fit, every row
// is shown as lines of `header: cell` instead, which stay readable at any width. The header row
// is bold. Cells keep their article offsets, so search and entities highlight inside them.
import type {Span} from '../corpus/types.js';
import {STYLE} from '../corpus/types.js';
import type {Line, StyleRun} from './types.js';

/** A line of the drawn table: its units as (text end, source end or -1) pairs, as Layout stores them. */
export interface DrawnLine {
	text: string;
	width: number;
	/** Article offsets the line shows; undefined for a border or a blank line. */
	start?: number;
	end?: number;
	units: number[];
	styles?: StyleRun[];
}

/** Wraps a cell's spans at `width` (each of its lines without lead), `style` added to all of it. */
export type WrapCell = (spans: readonly Span[], width: number, style: number) => Line[];

export interface Table {
	rows: Span[][][];
	align: Array<'left' | 'center' | 'right'>;
}

/** Narrower columns than this and the table is shown as `header: cell` lines. */
const MIN_COLUMN = 4;
/** Width to measure a cell on one line. */
const UNBOUNDED = 1 << 16;

/** Columns' widths for `room` columns of cell text: the narrow keep theirs, the wide share the rest. */
function fitColumns(natural: readonly number[], room: number): number[] {
	const widths = natural.map((w) => Math.max(1, w));
	if (widths.reduce((a, b) => a + b, 0) <= room) return widths;
	const order = widths.map((_, c) => c).sort((a, b) => widths[a]! - widths[b]!);
	let left = room;
	order.forEach((c, i) => {
		const share = Math.floor(left / (order.length - i));
		widths[c] = Math.min(widths[c]!, share);
		left -= widths[c]!;
	});
	return widths;
}

/** A line's units and styles appended after `base` text units into `out`. */
function copyLine(line: Line, base: number, out: DrawnLine): void {
	const {textEnds, sourceEnds} = line.map;
	// An empty unit that ends where the cell's text starts: a unit shows the text from the unit
	// before it, which would otherwise be the cell to the left, and take its highlights.
	if (line.end > line.start) out.units.push(base, line.start);
	if (line.lead > 0) out.units.push(base + line.lead, -1);
	for (let k = line.first; k < line.first + line.count; k++) out.units.push(base + textEnds[k]!, sourceEnds[k]!);
	for (const run of line.styles ?? []) (out.styles ??= []).push({...run, from: run.from + base, to: run.to + base});
	if (line.end > line.start) {
		out.start = Math.min(out.start ?? Infinity, line.start);
		out.end = Math.max(out.end ?? -Infinity, line.end);
	}
}

/** Appends synthetic text (a border, padding) as one unit. */
function addSynthetic(out: DrawnLine, s: string, width: number): void {
	if (s.length === 0) return;
	out.text += s;
	out.width += width;
	out.units.push(out.text.length, -1);
}

function border(widths: readonly number[], left: string, middle: string, right: string): DrawnLine {
	const line: DrawnLine = {text: '', width: 0, units: []};
	addSynthetic(
		line,
		left + widths.map((w) => '─'.repeat(w + 2)).join(middle) + right,
		widths.reduce((a, w) => a + w + 3, 1),
	);
	return line;
}

/** The lines of a table `width` columns wide at most. */
export function drawTable(table: Table, width: number, wrapCell: WrapCell): DrawnLine[] {
	const columns = table.align.length;
	const natural = new Array<number>(columns).fill(0);
	table.rows.forEach((row, r) =>
		row.forEach((cell, c) => {
			for (const line of wrapCell(cell, UNBOUNDED, r === 0 ? STYLE.bold : 0)) natural[c] = Math.max(natural[c]!, line.width);
		}),
	);
	const room = width - (3 * columns + 1);
	const widths = fitColumns(natural, room);
	// Every column at least as wide as MIN_COLUMN, or as its widest cell if that is narrower.
	if (room < columns || widths.some((w, c) => w < Math.min(MIN_COLUMN, Math.max(1, natural[c]!)))) return asRecords(table, width, wrapCell);

	const out: DrawnLine[] = [border(widths, '┌', '┬', '┐')];
	table.rows.forEach((row, r) => {
		const cells = row.map((cell, c) => wrapCell(cell, widths[c]!, r === 0 ? STYLE.bold : 0));
		const height = Math.max(1, ...cells.map((lines) => lines.length));
		for (let i = 0; i < height; i++) {
			const line: DrawnLine = {text: '', width: 0, units: []};
			cells.forEach((lines, c) => {
				const cellLine = lines[i];
				const gap = widths[c]! - (cellLine?.width ?? 0);
				const align = table.align[c];
				const before = align === 'right' ? gap : align === 'center' ? gap >> 1 : 0;
				addSynthetic(line, (c === 0 ? '│ ' : ' │ ') + ' '.repeat(before), 2 + (c === 0 ? 0 : 1) + before);
				if (cellLine) {
					copyLine(cellLine, line.text.length, line);
					line.text += cellLine.text;
					line.width += cellLine.width;
				}
				addSynthetic(line, ' '.repeat(gap - before), gap - before);
			});
			addSynthetic(line, ' │', 2);
			out.push(line);
		}
		if (r === 0 && table.rows.length > 1) out.push(border(widths, '├', '┼', '┤'));
	});
	out.push(border(widths, '└', '┴', '┘'));
	return out;
}

/** Each body row as `header: cell` lines, rows apart by a blank line: readable at any width. */
function asRecords(table: Table, width: number, wrapCell: WrapCell): DrawnLine[] {
	const [header = [], ...body] = table.rows;
	const names = header.map((cell) =>
		wrapCell(cell, UNBOUNDED, 0)
			.map((line) => line.text)
			.join(' '),
	);
	const out: DrawnLine[] = [];
	const rows = body.length > 0 ? body : [header];
	rows.forEach((row, r) => {
		if (r > 0) out.push({text: '', width: 0, units: []});
		row.forEach((cell, c) => {
			if (cell.length === 0) return;
			const label: Span = {synthetic: body.length > 0 && names[c] ? `${names[c]}: ` : '', style: STYLE.bold};
			for (const line of wrapCell([label, ...cell], width, 0)) {
				const drawn: DrawnLine = {text: line.text, width: line.width, units: []};
				copyLine(line, 0, drawn);
				out.push(drawn);
			}
		});
	});
	return out;
}
