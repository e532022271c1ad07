// Generates source/entities/common-words-data.ts: Thai words that are common in news and practically
// never a name, learned from data instead of listed by hand. A word is listed when it is seen at least
// MIN_COUNT times (Intl.Segmenter words) in the two corpora below together, and at most once in every
// NAME_SHARE of those times as name evidence:
// - Thai NER 1.5 `train.txt` (Wannaphong Phatthiyaphaibun, CC BY 3.0), without the lines `val.txt`
//   holds (they are for measuring): a word inside a gold PERSON span is name evidence;
// - ../shared/data/thaigov-2k.jsonl (public domain): a word right after นาย, นาง, นางสาว or น.ส. (a
//   space allowed) is name evidence. No detector is used, so the list does not depend on khao's rules.
// Given names that are also words (ประกอบ, สมชาย, ชัย) are seen after those titles and are not listed;
// verbs and nouns (อนุมัติ, พิจารณา, เกษตรกรรม) are. The rules use the list where the evidence for a
// name is weak: after a position (not after นาย), after a province or city head, in the tagger's names.
// Place names are common words too (พัทยา, ยุโรป): those of the list seen inside a gold LOCATION span
// of Thai NER are listed apart, and a place head may still open them; so are those seen inside a
// gold ORGANIZATION span (พลังงาน in กระทรวงพลังงาน), which a body's name may hold.
//
// Reproducible: the same input gives the same file. Run: npm run build-common-words
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {forEachWordSegment} from '../source/text/words.js';
import {thaigov2k, thainerTrain, thainerVal} from './data.js';
import {tally, trainingTextsWithoutVal} from './thainer.js';
import {gazetteer} from '../source/entities/gazetteer.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'source', 'entities', 'common-words-data.ts');
const trainPath = thainerTrain;
const valPath = thainerVal;
const THAI = /^[\u0E01-\u0E4E]+$/u;
/** Seen fewer times than this, a word says too little either way. */
const MIN_COUNT = 10;
/** A word is listed when at most one in this many of its uses is name evidence. */
const NAME_SHARE = 200;
/** Right after a title that only people carry (a space allowed). */
const AFTER_TITLE = /(?:นาย|นาง|นางสาว|น\.ส\.) ?$/u;

for (const file of [trainPath, valPath, thaigov2k]) {
	if (!fs.existsSync(file)) {
		console.error(`build-common-words: ${file} is missing; the list is learned from it.`);
		process.exit(1);
	}
}

const total = new Map<string, number>();
const named = new Map<string, number>();
const inPlaceName = new Set<string>();
const inOrgName = new Set<string>();
/** Thai NER uses of a word, and those inside a gold name of any kind (not as the name's first word). */
const nerTotal = new Map<string, number>();
const nerInName = new Map<string, number>();
const count = tally;

for (const {text, spans} of trainingTextsWithoutVal(trainPath, valPath)) {
	const kind = new Uint8Array(text.length);
	for (const s of spans) kind.fill(s.kind === 'person' ? 1 : s.kind === 'place' ? 2 : 3, s.start, s.end);
	forEachWordSegment(text, 0, text.length, (start, end, wordLike) => {
		const word = text.slice(start, end);
		if (!wordLike || !THAI.test(word)) return;
		count(total, word);
		count(nerTotal, word);
		// After a name's first word: a place's head (จังหวัด, เกาะ) opens its name.
		const afterFirst = start > 0 && kind[start - 1] === kind[start];
		if (kind[start] === 1 || (kind[start] === 2 && afterFirst)) count(nerInName, word);
		if (kind[start] === 1) count(named, word);
		if (kind[start] === 2) inPlaceName.add(word);
		if (kind[start] === 3) inOrgName.add(word);
	});
}
for (const line of fs.readFileSync(thaigov2k, 'utf8').split('\n')) {
	if (line.trim() === '') continue;
	const {body} = JSON.parse(line) as {body?: string};
	const text = body ?? '';
	forEachWordSegment(text, 0, text.length, (start, end, wordLike) => {
		const word = text.slice(start, end);
		if (!wordLike || !THAI.test(word)) return;
		count(total, word);
		if (AFTER_TITLE.test(text.slice(Math.max(0, start - 7), start))) count(named, word);
	});
}

// A name is not a common word, however often the news writes it: a place the gazetteer knows
// (provinces, countries, world cities), or a word that Thai NER's annotators put inside a person's
// name, or after the first word of a place's name, in at least half of its uses (a place's head
// word such as จังหวัด opens its name). Words inside bodies' names stay: most are everyday words
// (อัญมณี, เทคโนโลยี), and ORG_WORD_LIST says a body's name may hold them.
const gaz = gazetteer();
// Names that are also everyday words (เลย, the province; a district's name, known only after its
// head word) are left to the other two tests.
const placeNames = new Set([...gaz.thai.keys()].filter((name) => !gaz.ambiguous.has(name)));
const share = (map: Map<string, number>, word: string): number => (map.get(word) ?? 0) / Math.max(1, nerTotal.get(word) ?? 0);
const isName = (word: string): boolean => placeNames.has(word) || share(nerInName, word) >= 0.5;
const listed = [...total]
	.filter(([word, n]) => word.length >= 2 && n >= MIN_COUNT && (named.get(word) ?? 0) * NAME_SHARE <= n && !isName(word))
	.map(([word]) => word)
	.sort();
const out = `// Generated by bench/build-common-words.ts from Thai NER 1.5 train.txt without val.txt's lines (Wannaphong
// Phatthiyaphaibun, CC BY 3.0) and ../shared/data/thaigov-2k.jsonl (public domain): do not edit.
// Thai words seen at least ${MIN_COUNT} times, at most one use in ${NAME_SHARE} inside a person's name or right after นาย/นาง,
// and no name themselves (not a place the gazetteer knows, not mostly inside people's or places' names).
export const COMMON_WORD_LIST =\n\t'${listed.join(' ')}';
// Those of them seen inside a place's name (LOCATION) in Thai NER.
export const PLACE_WORD_LIST =\n\t'${listed.filter((w) => inPlaceName.has(w)).join(' ')}';
// Those of them seen inside a body's name (ORGANIZATION) in Thai NER.
export const ORG_WORD_LIST =\n\t'${listed.filter((w) => inOrgName.has(w)).join(' ')}';
`;
fs.writeFileSync(target, out);
console.log(
	`${listed.length} common words of ${total.size} (${listed.filter((w) => inPlaceName.has(w)).length} in place names, ${listed.filter((w) => inOrgName.has(w)).length} in bodies' names), ${(Buffer.byteLength(out) / 1024).toFixed(0)} KB → ${path.relative(root, target)}`,
);
