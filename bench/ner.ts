// Mention detection quality on Thai NER 1.5 (Wannaphong Phatthiyaphaibun, CC BY 3.0):
// precision, recall and F1 per kind, counted by overlap. A found mention is right when it overlaps
// a gold mention of the same kind; a gold mention is found when a mention of its kind overlaps it.
// Gold person spans include titles (นาย…), ours do not: overlap makes that fair.
// Three ways: what khao uses (rules and the learned tagger together), the rules alone, the tagger
// alone. The tagger never trained on val.txt (bench/train-ner.ts leaves its lines out of train.txt).
// Run: node --import tsx bench/ner.ts [path]   (default: ../shared/data/thainer-1.5/val.txt)

import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {findMentions} from '../source/entities/find-mentions.js';
import {setTaggerEnabled, sharedTagger} from '../source/entities/model/load.js';
import {tagText} from '../source/entities/model/tagger.js';
import type {EntityKind} from '../source/entities/types.js';
import {type Span, parseTaggedLine} from './thainer.js';

export {type Span, parseTaggedLine} from './thainer.js';

const DEFAULT_PATH = fileURLToPath(new URL('../../shared/data/thainer-1.5/val.txt', import.meta.url));
const KINDS: EntityKind[] = ['person', 'organization', 'place'];

export interface NerRow {
	kind: EntityKind | 'all';
	gold: number;
	found: number;
	precision: number;
	recall: number;
	f1: number;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

export type NerMode = 'combined' | 'rules' | 'model';

/** The mentions each way finds in one text. */
function finder(mode: NerMode): (text: string) => Span[] {
	if (mode === 'model') {
		const model = sharedTagger();
		if (model === null) throw new Error('the NER model did not load');
		return (text) => tagText(text, model);
	}
	return (text) => findMentions({text});
}

export function runNerBench(path = DEFAULT_PATH, mode: NerMode = 'combined'): NerRow[] {
	setTaggerEnabled(mode !== 'rules');
	try {
		return scoreNer(path, finder(mode));
	} finally {
		setTaggerEnabled(true);
	}
}

function scoreNer(path: string, find: (text: string) => Span[]): NerRow[] {
	const lines = readFileSync(path, 'utf8')
		.replace(/^\uFEFF/, '')
		.split('\n');
	const counts = new Map<EntityKind, {gold: number; found: number; truePositive: number; goldFound: number}>();
	for (const k of KINDS) counts.set(k, {gold: 0, found: 0, truePositive: 0, goldFound: 0});
	for (const line of lines) {
		if (line.trim() === '') continue;
		const {text, gold} = parseTaggedLine(line);
		const found = find(text).filter((m) => KINDS.includes(m.kind));
		for (const k of KINDS) {
			const c = counts.get(k)!;
			const g = gold.filter((s) => s.kind === k);
			const f = found.filter((s) => s.kind === k);
			c.gold += g.length;
			c.found += f.length;
			c.truePositive += f.filter((s) => g.some((t) => overlaps(s, t))).length;
			c.goldFound += g.filter((t) => f.some((s) => overlaps(s, t))).length;
		}
	}
	const row = (kind: NerRow['kind'], gold: number, found: number, tp: number, gf: number): NerRow => {
		const precision = found === 0 ? 0 : tp / found;
		const recall = gold === 0 ? 0 : gf / gold;
		const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
		return {kind, gold, found, precision, recall, f1};
	};
	const rows = KINDS.map((k) => {
		const c = counts.get(k)!;
		return row(k, c.gold, c.found, c.truePositive, c.goldFound);
	});
	const total = [...counts.values()].reduce((a, c) => ({
		gold: a.gold + c.gold,
		found: a.found + c.found,
		truePositive: a.truePositive + c.truePositive,
		goldFound: a.goldFound + c.goldFound,
	}));
	rows.push(row('all', total.gold, total.found, total.truePositive, total.goldFound));
	return rows;
}

export function formatNerTable(rows: NerRow[]): string {
	const lines = ['kind          gold  found  precision  recall     F1'];
	for (const r of rows) {
		lines.push(
			`${r.kind.padEnd(12)} ${String(r.gold).padStart(5)}  ${String(r.found).padStart(5)}      ${r.precision.toFixed(3)}   ${r.recall.toFixed(3)}  ${r.f1.toFixed(3)}`,
		);
	}
	return lines.join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
	const path = process.argv[2] ?? DEFAULT_PATH;
	console.log(`Thai NER 1.5: ${path}`);
	for (const mode of ['combined', 'rules', 'model'] as const) {
		console.log(`\n${mode === 'combined' ? 'rules + model (what khao uses)' : `${mode} alone`}`);
		console.log(formatNerTable(runNerBench(path, mode)));
	}
}
