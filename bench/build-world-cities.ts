// Generates source/entities/world-cities-data.ts: world cities with their Thai and Latin names.
//
// Source: GeoNames (https://www.geonames.org/, Creative Commons Attribution 4.0; 3.0 for copies before
// 2018, such as the 2012 one in CliveEvans/lucene-spike, commit 327c7e9, used for the shipped file), the
// `cities15000.txt` dump (every city of at least 15,000 people; `alternatenames` holds its names in
// all scripts, Thai among them). Put the unzipped file at ../shared/geonames/cities15000.txt (https://download.geonames.org/export/dump/
// cities15000.zip) or give its path: npm run build-world-cities -- /path/to/cities15000.txt
// (cities5000.txt or cities1000.txt work the same). Tests do not need it: the output is committed.
// Besides it, ICU's time zone names as Node carries them (CLDR, Unicode licence): a zone of a country
// with several zones is named after its city ("เวลานิวยอร์ก" for America/New_York).
//
// What is kept: cities of at least MIN_POPULATION people with a Thai-script name (one Thai word run,
// no space), a foreign city's head in front taken off (นครนิวยอร์ก → นิวยอร์ก; a Thai city's only before
// its province's name, เมืองขอนแก่น: นครหลวง is a name), administrative variants
// (อำเภอ…, ประเทศ…) left out. A Thai name held by two cities goes to the larger. The Latin names are
// GeoNames' `name` and `asciiname`.
//
// Which names need a place word before them (marked "~", kept as the gazetteer keeps ambiguous
// provinces): a Thai name that is a listed common word, or made only of common words (บ้าน|ใหม่),
// or one seen more often as a person's name than as a place's (see "Evidence" below), or a short one
// never seen as a place's; a Latin single word of a city under
// LATIN_MIN_POPULATION that is no capital (Darwin, Surprise, Reading are people and words too).
// A Thai city that is a province (Udon Thani = อุดรธานี) adds only its Latin name to the province.
//
// Reproducible: the same input gives the same file. Run: npm run build-world-cities [-- path]
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {gazetteerWithoutCities} from '../source/entities/gazetteer.js';
import {isCommonWord} from '../source/entities/common-words.js';
import {forEachWordSegment} from '../source/text/words.js';
import {thaigov2k, thainerTrain, thainerVal} from './data.js';
import {type Span, readTrainingTexts} from './thainer.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'source', 'entities', 'world-cities-data.ts');
const source = process.argv[2] ?? path.resolve(root, '..', 'shared', 'geonames', 'cities15000.txt');
const trainPath = thainerTrain;
const valPath = thainerVal;
/** All of cities15000; with cities5000 or cities1000 smaller places, seldom in the news, stay out. */
const MIN_POPULATION = 15_000;
/** A Latin single word names a place by itself only for a city this large, or a capital. */
const LATIN_MIN_POPULATION = 300_000;
const CITY_ZONES = /^(?:Africa|America|Asia|Australia|Europe)\/([A-Za-z_-]+)$/;
const THAI_NAME = /^[\u0E01-\u0E4E]+(?:-[\u0E01-\u0E4E]+)*$/u;
/** A foreign city's head in front of its name: the name alone is what a reader writes after any head. */
const CITY_HEAD = /^(?:นคร|เมือง|กรุง)(?=[\u0E01-\u0E4E]{3})/u;
/** Names of an administrative unit or a country, not the city's own name. */
const NOT_CITY = /^(?:ประเทศ|จังหวัด|อำเภอ|เขต|ตำบล|เทศบาล|รัฐ|มณฑล|แขวง|กิ่งอำเภอ)/u;

for (const file of [source, trainPath, valPath, thaigov2k]) {
	if (!fs.existsSync(file)) {
		console.error(`build-world-cities: ${file} is missing.${file === source ? ' Put GeoNames cities15000.txt there (see the top of this file) or give its path.' : ''}`);
		process.exit(1);
	}
}

interface City {
	thai: string[];
	latin: string[];
	population: number;
	capital: boolean;
	country: string;
	/** Only from a time zone's name: a small city's name, known after a city's head as before. */
	zone?: boolean;
}

const known = gazetteerWithoutCities();
const isKnown = (name: string): boolean => known.thai.has(name);
const cities: City[] = [];
for (const line of fs.readFileSync(source, 'utf8').split('\n')) {
	const f = line.split('\t');
	if (f.length < 15) continue;
	const population = Number(f[14]);
	if (!(population >= MIN_POPULATION)) continue;
	const thai = f[3]!
		.split(',')
		.map((n) => n.trim())
		.filter((n) => THAI_NAME.test(n) && !NOT_CITY.test(n))
		.map((n) => (known.thai.has(n) || (f[8] === 'TH' && !known.thai.has(n.replace(CITY_HEAD, ''))) ? n : n.replace(CITY_HEAD, '')))
		.filter((n) => n.length >= 3);
	if (thai.length === 0) continue;
	const latin = [...new Set([f[1]!, f[2]!].map((n) => n.trim().replace(/'/g, '’')).filter((n) => /^[\p{Script=Latin}][\p{Script=Latin} .'’-]*$/u.test(n)))];
	if (latin.length === 0) continue;
	cities.push({thai: [...new Set(thai)], latin, population, capital: f[7] === 'PPLC', country: f[8]!});
}
// ICU's city zones: their cities are large and their Thai spelling is CLDR's.
for (const zone of Intl.supportedValuesOf('timeZone')) {
	const m = CITY_ZONES.exec(zone);
	if (m === null) continue;
	const label = new Intl.DateTimeFormat('th', {timeZone: zone, timeZoneName: 'shortGeneric'}).formatToParts(0).find((p) => p.type === 'timeZoneName')?.value;
	const thai = /^เวลา([\u0E01-\u0E4E-]+)$/.exec(label ?? '')?.[1];
	if (thai !== undefined) cities.push({thai: [thai], latin: [m[1]!.replace(/_/g, ' ')], population: 0, capital: false, country: '', zone: true});
}
cities.sort((a, b) => b.population - a.population || a.latin[0]!.localeCompare(b.latin[0]!));

// Evidence for what a name is, in Thai NER 1.5's train.txt (without val.txt's lines) and in
// ../shared/data/thaigov-2k.jsonl (public domain), counting whole-word uses only (ปราก, not inside
// ปรากฏ): a person's when Thai NER's annotators put it inside a person's name (ดาร์วิน in นายดาร์วิน…)
// or it follows a person's title, with a given name between or not (นายเดวิด เดลี); a place's when
// a gold place's name ends with it, or it follows a city's head (กรุง, นคร, เมือง).
const AFTER_PERSON_TITLE = /(?:นาย|นาง|นางสาว|น\.ส\.|ดร\.|Mr\.|Mrs\.|Ms\.) ?(?:[\u0E01-\u0E4E]+ )?$/u;
const AFTER_CITY_HEAD = /(?:กรุง|นคร|เมือง)$/u;
const held = new Set(readTrainingTexts(valPath).map((t) => t.text));
const withBounds = (text: string, spans: readonly Span[]): {text: string; spans: readonly Span[]; bounds: Set<number>} => {
	const bounds = new Set<number>();
	forEachWordSegment(text, 0, text.length, (start, end) => {
		bounds.add(start);
		bounds.add(end);
	});
	return {text, spans, bounds};
};
const evidenceTexts = [
	...readTrainingTexts(trainPath)
		.filter((t) => !held.has(t.text))
		.map((t) => withBounds(t.text, t.spans)),
	...fs
		.readFileSync(thaigov2k, 'utf8')
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => withBounds((JSON.parse(line) as {body?: string}).body ?? '', [])),
];
const nerUses = (name: string): {person: number; place: number} => {
	const uses = {person: 0, place: 0};
	for (const {text, spans, bounds} of evidenceTexts) {
		for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
			if (!bounds.has(at) || !bounds.has(at + name.length)) continue;
			const span = spans.find((s) => s.start <= at && at < s.end);
			const before = text.slice(Math.max(0, at - 30), at);
			if (span?.kind === 'person' || AFTER_PERSON_TITLE.test(before)) uses.person++;
			// A place's name ends with the city's (กานซู is no use of กาน).
			else if ((span?.kind === 'place' && span.end === at + name.length) || AFTER_CITY_HEAD.test(before)) uses.place++;
		}
	}
	return uses;
};
const districts = known.districts;
const ambiguousThai = (name: string, city: City): boolean => {
	// A Thai town's name is a Thai phrase: a district's name stays known only after its head, as
	// thai-districts.ts says, and so does one that is a listed common word.
	if (city.country === 'TH' && (districts.has(name) || isCommonWord(name))) return true;
	// Everyday words put together (ดัน|ดี, บ้าน|ใหม่). A foreign name that is one listed common word
	// (ปารีส) is frequent news, not an everyday word: the list leaves out only places it knows.
	const words: string[] = [];
	forEachWordSegment(name, 0, name.length, (start, end) => {
		words.push(name.slice(start, end));
	});
	if (words.length > 1 && words.every(isCommonWord)) return true;
	const uses = nerUses(name);
	// A name of one short syllable (กาน, บาธ) is often a Thai word too: a place only where Thai NER
	// saw it as one.
	if (name.length <= 3 && uses.place === 0) return true;
	return uses.person > uses.place;
};

const provinceOf = (city: City): string | undefined =>
	city.country === 'TH' ? city.thai.map((n) => known.thai.get(n)?.key).find((k) => k !== undefined && /^[\u0E01-\u0E4E]/u.test(k)) : undefined;
const takenThai = new Set<string>();
const takenLatin = new Set<string>();
const rows: string[] = [];
const provinceRows: string[] = [];
for (const city of cities) {
	const latin = city.latin.filter((n) => !takenLatin.has(n) && !known.latin.has(n));
	const province = provinceOf(city);
	if (province !== undefined) {
		for (const n of latin) takenLatin.add(n);
		if (latin.length > 0) provinceRows.push(`${province}=${latin.join(',')}`);
		continue;
	}
	const thai = city.thai.filter((n) => !takenThai.has(n) && !isKnown(n));
	if (thai.length === 0 || latin.length === 0) continue;
	for (const n of thai) takenThai.add(n);
	for (const n of latin) takenLatin.add(n);
	const latinNeedsContext = !city.capital && city.population < LATIN_MIN_POPULATION;
	const thaiPart = thai.map((n) => (city.zone === true || ambiguousThai(n, city) ? `~${n}` : n)).join(',');
	const latinPart = latin.map((n) => (latinNeedsContext && !n.includes(' ') ? `~${n}` : n)).join(',');
	rows.push(`${thaiPart}=${latinPart}`);
}
rows.sort();
provinceRows.sort();
const out = `// Generated by bench/build-world-cities.ts: do not edit. World cities from GeoNames (https://www.geonames.org/,
// cities15000; "GeoNames geographical database", Creative Commons Attribution, https://creativecommons.org/licenses/),
// those of at least ${MIN_POPULATION.toLocaleString('en')} people with a Thai name, and from ICU's time zone names (Node ${process.versions.node},
// ICU ${process.versions.icu}, CLDR ${process.versions.cldr ?? ''}; Copyright © 1991-2025 Unicode, Inc., Unicode License v3).
// "thai,thai=Latin,Latin" rows separated by "|"; "~" marks a name that needs a place word before it.
export const WORLD_CITIES =
\t'${rows.join('|')}';
// Latin names of Thai cities that are provinces' seats: "province=Latin,Latin".
export const PROVINCE_LATIN =
\t'${provinceRows.join('|')}';
`;
fs.writeFileSync(target, out);
const ambiguous = rows
	.join('|')
	.split(/[|,=]/)
	.filter((n) => n.startsWith('~')).length;
console.log(
	`${rows.length} cities (${ambiguous} names needing a place word), ${provinceRows.length} provinces' Latin names, ${(Buffer.byteLength(out) / 1024).toFixed(1)} KB → ${path.relative(root, target)}`,
);
