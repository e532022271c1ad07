// Reading Thai NER 1.5 (Wannaphong Phatthiyaphaibun, CC BY 3.0): a line's plain text and its gold
// person, organisation and place spans. Its own module with no detection code behind it, so that the
// generators of detection data (bench/build-common-words.ts) can read the corpus before that data exists.
import {readFileSync} from 'node:fs';
import type {TrainingText} from '../source/entities/model/train.js';
import type {EntityKind} from '../source/entities/types.js';

const GOLD_KINDS: Record<string, EntityKind> = {PERSON: 'person', ORGANIZATION: 'organization', LOCATION: 'place'};

export interface Span {
	start: number;
	end: number;
	kind: EntityKind;
}

/** One tagged line → its plain text and gold spans of the three kinds. */
export function parseTaggedLine(line: string): {text: string; gold: Span[]} {
	const gold: Span[] = [];
	let text = '';
	const open: Array<{tag: string; start: number}> = [];
	const tag = /\[(\/?)([A-Z_]+)\]/g;
	let last = 0;
	for (let m = tag.exec(line); m !== null; m = tag.exec(line)) {
		text += line.slice(last, m.index);
		last = m.index + m[0].length;
		const name = m[2]!;
		if (m[1] === '') {
			open.push({tag: name, start: text.length});
			continue;
		}
		const i = open.map((o) => o.tag).lastIndexOf(name);
		if (i < 0) continue;
		const [o] = open.splice(i, 1);
		const kind = GOLD_KINDS[name];
		if (kind !== undefined && text.length > o!.start) gold.push({start: o!.start, end: text.length, kind});
	}
	text += line.slice(last);
	return {text, gold};
}

export function readTrainingTexts(path: string): TrainingText[] {
	const texts: TrainingText[] = [];
	for (const line of readFileSync(path, 'utf8')
		.replace(/^\uFEFF/, '')
		.split('\n')) {
		if (line.trim() === '') continue;
		const {text, gold} = parseTaggedLine(line);
		texts.push({text, spans: gold});
	}
	return texts;
}

/** Thai NER 1.5's training lines without those `val.txt` holds too (they are for measuring). */
export function trainingTextsWithoutVal(trainPath: string, valPath: string): TrainingText[] {
	const held = new Set(readTrainingTexts(valPath).map((t) => t.text));
	return readTrainingTexts(trainPath).filter((t) => !held.has(t.text));
}

/** One more use of `word` in a tally. */
export function tally(map: Map<string, number>, word: string): void {
	map.set(word, (map.get(word) ?? 0) + 1);
}
