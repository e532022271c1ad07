// Generates source/entities/split-compounds-data.ts: Thai words that Intl.Segmenter cuts into pieces,
// one piece of which alone is a word that ends a body's or place's name (an everyday word never seen in
// a name: เหลือ of ช่วย|เหลือ, ตะเภา of อู่|ตะเภา, กษัตริย์ of พระมหา|กษัตริย์). The head-word name reader
// stops at such a piece (สำนักบริหารกองทุนเพื่อช่วย|เหลือเกษตรกร was read สำนักบริหารกองทุนเพื่อช่วย); with
// this list it sees that the cut would fall inside a word and reads on (head-name.ts, splitCompoundAt).
// A compound is listed when either
// - people wrote it as one word: a token of the human word segmentation of wisesight-1000
//   (../shared/data/wisesight-seg/, PyThaiNLP/wisesight-sentiment, CC0 1.0) that the segmenter cuts; or
// - its pieces stick together in running text: glued at least MIN_GLUED times in
//   ../shared/data/thaigov-2k.jsonl (public domain) and Thai NER 1.5 train.txt without val.txt's lines
//   (Wannaphong Phatthiyaphaibun, CC BY 3.0), and one piece is seen with the other in at least
//   STICK of all its uses (สรรพ|สามิต: สามิต never stands alone; ช่วย|เหลือ: เหลือ follows ช่วย
//   four times in five).
// A compound no piece of which ends a name (ตะวัน|ออก, น้ำ|บาดาล) is listed too when its pieces are a word's:
// its first piece never ends a name in Thai NER, and none is a head, a title, a joining word or a known
// place; a name that a rule cuts between such pieces is widened to the word's end (find-mentions.ts).
// Such word pieces need stick only in LOOSE_STICK of one's uses (คุม|ประพฤติ, สูง|อายุ, เรียน|รู้).
// Compounds that are themselves a clause's verb or a stop word (ร่วม|มือ, ได้|รับ), or a person's name
// (seen after a title or inside a person's name in Thai NER: ธรรม|นัส), are left out. Reproducible: the same input gives the same file.
// Run: npm run build-split-compounds
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {sharedData, thaigov2k, thainerTrain, thainerVal} from './data.js';
import {tally, trainingTextsWithoutVal} from './thainer.js';
import {isCommonWord, isOrgWord, isPlaceWord} from '../source/entities/common-words.js';
import {ORG_STOP, VERB_SET} from '../source/entities/detect/context.js';
import {CLAUSE_VERBS} from '../source/entities/detect/clause-verbs.js';
import {gazetteer} from '../source/entities/gazetteer.js';
import {nameWordUse} from '../source/entities/name-words.js';
import {FUNCTION_WORD_SET, HONORIFICS, ORG_HEADS, PLACE_HEADS, RANKS} from '../source/entities/lexicon.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'source', 'entities', 'split-compounds-data.ts');
/** Thai letters and marks, not ฯ or ๆ (which end a word, they are no piece of one). */
const THAI = /^[\u0E01-\u0E2E\u0E30-\u0E45\u0E47-\u0E4E]+$/u;
/** People's word segmentation of wisesight-1000 (words separated by |). */
const wisesightSeg = path.join(sharedData, 'wisesight-seg', 'wisesight-1000-samples-tokenised.label');
/** Glued fewer times than this, a pair says too little. */
const MIN_GLUED = 10;
/** One piece is seen glued to the other in at least this share of its uses. */
const STICK = 0.5;
/** A word's pieces (wordPieces) need stick only this much (คุม|ประพฤติ: 38% of ประพฤติ's uses). */
const LOOSE_STICK = 1 / 3;
/** The nominalizers: a word they open is a new word (…ขจัด|ความ|ยากจน), and one they end a phrase. */
const NOMINALIZERS = new Set(['การ', 'ความ']);
/** Head words of bodies and places (กรม, ตำบล): the pieces after one are a name's, not a word's. */
const HEADS = new Set([...ORG_HEADS, ...PLACE_HEADS]);
/** Titles: what follows one is a name (นาย|อนุ…). */
const TITLES = new Set([...HONORIFICS, ...RANKS]);
/** Words that join two phrases: no piece of a compound after its first (…ขนาดกลาง|และ…). */
const LINKS = new Set(['และ', 'หรือ', 'ของ', 'กับ', 'เพื่อ', 'ใน', 'แห่ง', 'ว่า', 'ที่', 'ให้', 'โดย', 'จาก', 'ได้', 'จะ', 'เป็น', 'มี']);

for (const file of [thaigov2k, thainerTrain, thainerVal, wisesightSeg]) {
	if (!fs.existsSync(file)) {
		console.error(`build-split-compounds: ${file} is missing; the list is learned from it.`);
		process.exit(1);
	}
}
const segmenter = new Intl.Segmenter('th', {granularity: 'word'});
const pieces = (word: string): string[] => [...segmenter.segment(word)].map((s) => s.segment);
/** A piece the name reader stops at: an everyday word never seen inside a body's or place's name. */
const endsNames = (w: string): boolean => isCommonWord(w) && !isOrgWord(w) && !isPlaceWord(w);
/** A compound a clause opens with, or a stop word: no name reads on through it. */
const opensClause = (w: string): boolean => VERB_SET.has(w) || CLAUSE_VERBS.has(w) || ORG_STOP.has(w);

// People's names the segmenter cuts stick together too (ธรรม|นัส, เอก|นัฏ): a compound seen right
// after a title, a rank or an honorific (a space allowed), or inside a person's name marked in Thai
// NER, is a name of its own, not a word a body's name holds.
const training = trainingTextsWithoutVal(thainerTrain, thainerVal);
const personNames = training.flatMap((t) => t.spans.filter((s) => s.kind === 'person').map((s) => t.text.slice(s.start, s.end)));
const afterTitle = new RegExp(`(?:${[...HONORIFICS, ...RANKS].map((t) => t.replace(/\./g, '\\.')).join('|')}) ?$`, 'u');
const givenNames = new Set<string>();

const listed = new Map<string, string>();
const consider = (parts: string[], source: string): void => {
	const word = parts.join('');
	if (parts.length < 2 || opensClause(word) || listed.has(word) || givenNames.has(word) || personNames.some((n) => n.includes(word))) return;
	// A compound no piece of which ends a name (ตะวัน|ออก, ต่าง|ประเทศ) is listed only
	// when it is a word's pieces: its first piece never ends a name in Thai NER (a name cut after it
	// is cut inside a word), and no piece is a head, a joining word (ขนาดกลาง|และ…: two phrases,
	// however often written together) or a place the gazetteer knows (a name's own word).
	if (!parts.slice(1).some(endsNames) && !wordPieces(parts)) return;
	listed.set(word, `${parts.join('|')}`);
	bySource.set(source, (bySource.get(source) ?? 0) + 1);
};
const bySource = new Map<string, number>();

/** Pieces of one word, not of a name or a phrase (see consider). */
function wordPieces(parts: readonly string[]): boolean {
	const first = nameWordUse(parts[0]!);
	if (first.ending > 0 || first.inside >= 1 || FUNCTION_WORD_SET.has(parts[0]!) || VERB_SET.has(parts[0]!) || NOMINALIZERS.has(parts[0]!) || TITLES.has(parts[0]!))
		return false;
	// A function word after the first piece only where that piece is seldom without it (ตะวัน|ออก, not
	// ชุด|นี้: "this set").
	const bound = parts.length === 2 && (glued.get(parts.join('|')) ?? 0) >= STICK * (uses.get(parts[0]!) ?? Infinity);
	return !parts.some((p, i) => HEADS.has(p) || LINKS.has(p) || gazetteer().thai.has(p) || (i > 0 && (NOMINALIZERS.has(p) || (FUNCTION_WORD_SET.has(p) && !bound))));
}

// 1. People's one-word tokens that the segmenter cuts (judged once the corpus is read).
const fromPeople: string[][] = [];
for (const line of fs.readFileSync(wisesightSeg, 'utf8').split('\n')) for (const token of line.split('|')) if (THAI.test(token)) fromPeople.push(pieces(token));

// 2. Pieces that stick together in running text.
const uses = new Map<string, number>();
const glued = new Map<string, number>();

const texts = [
	...fs
		.readFileSync(thaigov2k, 'utf8')
		.split('\n')
		.filter((l) => l.trim() !== '')
		.map((l) => (JSON.parse(l) as {body?: string}).body ?? ''),
	...training.map((t) => t.text),
];
for (const text of texts) {
	let prev = '';
	let prevEnd = -1;
	for (const s of segmenter.segment(text)) {
		const w = s.segment;
		if (!THAI.test(w)) {
			prev = '';
			continue;
		}
		tally(uses, w);
		if (prev !== '' && prevEnd === s.index) {
			tally(glued, `${prev}|${w}`);
			const at = s.index - prev.length;
			if (afterTitle.test(text.slice(Math.max(0, at - 12), at))) givenNames.add(prev + w);
		}
		prev = w;
		prevEnd = s.index + w.length;
	}
}
for (const parts of fromPeople) consider(parts, 'wisesight');
/** Two pieces glued often, one seen with the other in at least STICK of its uses. */
function sticks(a: string, b: string, share = STICK): boolean {
	const n = glued.get(`${a}|${b}`) ?? 0;
	return n >= MIN_GLUED && (n >= share * (uses.get(a) ?? Infinity) || n >= share * (uses.get(b) ?? Infinity));
}
for (const [pair, n] of [...glued].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
	if (n < MIN_GLUED) continue;
	const [a, b] = pair.split('|') as [string, string];
	if (sticks(a, b)) consider([a, b], 'corpus');
	else if (sticks(a, b, LOOSE_STICK) && wordPieces([a, b])) consider([a, b], 'corpus');
}

const words = [...listed.values()].sort();
const out = `// Generated by bench/build-split-compounds.ts from the human word segmentation of wisesight-1000
// (PyThaiNLP/wisesight-sentiment, CC0 1.0), ../shared/data/thaigov-2k.jsonl (public domain) and Thai NER 1.5
// train.txt without val.txt's lines (Wannaphong Phatthiyaphaibun, CC BY 3.0): do not edit.
// Words Intl.Segmenter cuts into pieces (written here with |), a piece after the first being an everyday
// word that ends names, or else the first piece one that never ends a name in Thai NER (no head, title,
// joining word or known place in it): one word people write whole, or pieces glued in at least
// ${STICK * 100}% of one's uses (${MIN_GLUED} times or more); no person's name.
export const SPLIT_COMPOUND_LIST =\n\t'${words.join(' ')}';
`;
fs.writeFileSync(target, out);
console.log(
	`${words.length} split compounds (${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}), ${(Buffer.byteLength(out) / 1024).toFixed(0)} KB → ${path.relative(root, target)}`,
);
