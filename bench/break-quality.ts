// Where lines break, judged as a Thai reader would, over widths 20–80:
//   - names cut: breaks inside an entity mention short enough to fit a third of the line (the seed
//     articles' mentions as khao finds them, plus hand-written names in sentences written here);
//   - syllables cut: breaks inside a Thai cluster (source/text/syllables.ts: its certain rules; the
//     start of a final consonant counts as a boundary, since มี|คน and มีค|น are both spellings);
//   - bad line starts: a line starting with a hyphen and a digit (-19), or with a lone mark;
//   - human words cut: the share of breaks inside a word of wisesight-1000's human segmentation
//     (../shared/data/wisesight-seg, CC0; the test set: nothing is learned or tuned on it).
// Run: node --import tsx bench/break-quality.ts
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadCorpus} from '../source/corpus/index.js';
import type {Article} from '../source/corpus/types.js';
import {buildEntityIndex} from '../source/entities/builder.js';
import type {Line} from '../source/layout/types.js';
import {type Protected, wrapArticle, wrapText} from '../source/layout/wrap.js';
import {forEachThaiCluster} from '../source/text/syllables.js';
import {stringWidth} from '../source/text/width.js';
import {sharedData} from './data.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WISESIGHT = path.join(sharedData, 'wisesight-seg', 'wisesight-1000-samples-tokenised.label');

/** Article offsets where a new line continues the text of the line before it (a line break). */
export function breakOffsets(lines: readonly Line[]): number[] {
	const out: number[] = [];
	for (let k = 1; k < lines.length; k++) {
		const a = lines[k - 1]!;
		const b = lines[k]!;
		if (a.block !== b.block || a.start === a.end || b.start === b.end) continue;
		out.push(b.start);
	}
	return out;
}

/** Breaks inside a Thai cluster of `text`. */
export function syllableCuts(text: string, lines: readonly Line[]): number {
	const starts = new Set<number>();
	forEachThaiCluster(text, 0, text.length, (at) => starts.add(at)); // weak boundaries included
	let cuts = 0;
	for (const at of breakOffsets(lines)) if (!starts.has(at)) cuts++;
	return cuts;
}

const LONE_MARK = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0E30\u0E32\u0E33\u0E45]/u;
const HYPHEN_DIGIT = /^[-‐‑‒–−][0-9๐-๙]/u;

/** Lines that start with -19 or with a mark or vowel that needs a consonant before it. */
export function badStarts(lines: readonly Line[]): number {
	let bad = 0;
	for (const line of lines) {
		const text = line.text.slice(line.lead);
		if (HYPHEN_DIGIT.test(text) || LONE_MARK.test(text)) bad++;
	}
	return bad;
}

/** Breaks strictly inside a span that fits a third of the line. */
export function nameCuts(text: string, lines: readonly Line[], names: readonly Protected[], width: number): number {
	const fitting = names.filter((n) => stringWidth(text.slice(n.start, n.end)) * 3 <= width);
	let cuts = 0;
	for (const at of breakOffsets(lines)) {
		for (const n of fitting) if (at > n.start && at < n.end) cuts++;
	}
	return cuts;
}

/** wisesight's lines as text with the offsets people put word boundaries at. */
export function humanSegmentation(file = WISESIGHT): Array<{text: string; boundaries: Set<number>}> {
	return fs
		.readFileSync(file, 'utf8')
		.split('\n')
		.filter((l) => l.trim() !== '')
		.map((l) => {
			const boundaries = new Set<number>([0]);
			let text = '';
			for (const word of l.split('|')) {
				text += word;
				boundaries.add(text.length);
			}
			return {text, boundaries};
		});
}

/** Columns used and offered by the lines that end at a break (not a paragraph's last line). */
export function fillOf(lines: readonly Line[], width: number): {used: number; offered: number} {
	let used = 0;
	let offered = 0;
	for (let k = 1; k < lines.length; k++) {
		const a = lines[k - 1]!;
		if (a.block !== lines[k]!.block || a.start === a.end || lines[k]!.start === lines[k]!.end) continue;
		used += a.width;
		offered += width;
	}
	return {used, offered};
}

/** Breaks and how many of them cut a human word, wrapping each line at each width; and the fill. */
export function humanCuts(samples: ReturnType<typeof humanSegmentation>, widths: readonly number[]): {breaks: number; cuts: number; fill: number} {
	let breaks = 0;
	let cuts = 0;
	let used = 0;
	let offered = 0;
	for (const {text, boundaries} of samples) {
		for (const w of widths) {
			const lines = wrapText(text, 0, text.length, w);
			const f = fillOf(lines, w);
			used += f.used;
			offered += f.offered;
			for (const at of breakOffsets(lines)) {
				breaks++;
				if (!boundaries.has(at)) cuts++;
			}
		}
	}
	return {breaks, cuts, fill: used / offered};
}

/** Hand-written sentences with the names in them (not from any corpus). */
export const WRITTEN: Array<{text: string; names: string[]}> = [
	{
		text: 'เมื่อวานนี้นายสมศักดิ์ เกียรติวงศ์ไพบูลย์ เดินทางไปพบนางสาวพิมพ์ชนก ศรีสุวรรณรัตน์ ที่กรมส่งเสริมการเกษตรเพื่อหารือเรื่องราคาข้าวโพดและมันสำปะหลังในฤดูกาลนี้',
		names: ['สมศักดิ์ เกียรติวงศ์ไพบูลย์', 'พิมพ์ชนก ศรีสุวรรณรัตน์', 'กรมส่งเสริมการเกษตร'],
	},
	{
		text: 'ประธานาธิบดีเหงียน ซวน ฟุก พบกับนายกรัฐมนตรีอันโตนิโอ เฟอร์นันเดซ ณ กรุงฮานอย เพื่อลงนามความตกลงว่าด้วยการค้าเสรีระหว่างสองประเทศ',
		names: ['เหงียน ซวน ฟุก', 'อันโตนิโอ เฟอร์นันเดซ', 'กรุงฮานอย'],
	},
	{
		text: 'บริษัทไทยพัฒนาพลังงานสะอาดจำกัดรายงานว่าการติดเชื้อโควิด-19 ในจังหวัดนครศรีธรรมราชลดลงร้อยละ 15 เมื่อเทียบกับเดือนก่อน ขณะที่นายวีรยุทธ ทองประเสริฐ ผู้ว่าราชการจังหวัดกล่าวว่ายังต้องเฝ้าระวังต่อไป',
		names: ['ไทยพัฒนาพลังงานสะอาด', 'นครศรีธรรมราช', 'วีรยุทธ ทองประเสริฐ'],
	},
	{
		text: 'นางอรุณรัตน์ เปรมปรีดิ์ปัญญา รองผู้อำนวยการสำนักงานสถิติแห่งชาติ ชี้แจงว่าดัชนีราคาผู้บริโภคเดือนนี้เพิ่มขึ้นเล็กน้อยตามราคาน้ำมันเชื้อเพลิงและค่าไฟฟ้า',
		names: ['อรุณรัตน์ เปรมปรีดิ์ปัญญา', 'สำนักงานสถิติแห่งชาติ'],
	},
	{
		text: 'คณะผู้แทนจากมหาวิทยาลัยเชียงใหม่นำโดยศาสตราจารย์วลาดิเมียร์ โตกาเยฟ เข้าเยี่ยมชมโรงงานต้นแบบพลังงานแสงอาทิตย์ที่อำเภอแม่ริม ซึ่งผลิตไฟฟ้าได้ 2.5 เมกะวัตต์',
		names: ['มหาวิทยาลัยเชียงใหม่', 'วลาดิเมียร์ โตกาเยฟ', 'อำเภอแม่ริม'],
	},
];

/** Offsets of each name in a written sentence. */
export function writtenNames(sample: {text: string; names: string[]}): Protected[] {
	return sample.names.map((name) => {
		const start = sample.text.indexOf(name);
		if (start < 0) throw new Error(`name not in its sentence: ${name}`);
		return {start, end: start + name.length};
	});
}

export interface QualityRow {
	set: string;
	breaks: number;
	/** Columns used by lines that end at a break, over the columns they had (the price of choosing). */
	fill?: number;
	nameCuts: number;
	syllableCuts: number;
	badStarts: number;
	humanCutShare?: number;
}

export const WIDTHS = Array.from({length: 61}, (_, k) => 20 + k);

/** The seed articles and their mentions as khao finds them. */
export async function seedArticles(): Promise<{articles: Article[]; mentions: Map<Article, Protected[]>}> {
	const load = await loadCorpus(path.join(root, 'corpus'));
	const articles = load.articles;
	const index = buildEntityIndex(articles);
	const mentions = new Map<Article, Protected[]>();
	for (const a of articles)
		mentions.set(
			a,
			index.mentionsIn(a.id).map((m) => ({start: m.start, end: m.end})),
		);
	return {articles, mentions};
}

export async function benchBreakQuality(widths: readonly number[] = WIDTHS): Promise<QualityRow[]> {
	const rows: QualityRow[] = [];
	const {articles, mentions} = await seedArticles();
	for (const [label, protect] of [
		['seed articles, names not passed', false],
		['seed articles, names passed', true],
	] as const) {
		const row: QualityRow = {set: label, breaks: 0, nameCuts: 0, syllableCuts: 0, badStarts: 0};
		let used = 0;
		let offered = 0;
		for (const a of articles) {
			const names = mentions.get(a)!;
			for (const w of widths) {
				const lines = wrapArticle(a, w, protect ? names : undefined);
				const f = fillOf(lines, w);
				used += f.used;
				offered += f.offered;
				row.breaks += breakOffsets(lines).length;
				row.nameCuts += nameCuts(a.text, lines, names, w);
				row.syllableCuts += syllableCuts(a.text, lines);
				row.badStarts += badStarts(lines);
			}
		}
		row.fill = used / offered;
		rows.push(row);
	}
	const written: QualityRow = {set: 'hand-written sentences, names passed', breaks: 0, nameCuts: 0, syllableCuts: 0, badStarts: 0};
	for (const sample of WRITTEN) {
		const names = writtenNames(sample);
		for (const w of widths) {
			const lines = wrapText(sample.text, 0, sample.text.length, w, 'para', names);
			written.breaks += breakOffsets(lines).length;
			written.nameCuts += nameCuts(sample.text, lines, names, w);
			written.syllableCuts += syllableCuts(sample.text, lines);
			written.badStarts += badStarts(lines);
		}
	}
	rows.push(written);
	if (fs.existsSync(WISESIGHT)) {
		const samples = humanSegmentation();
		const {breaks, cuts, fill} = humanCuts(samples, widths);
		let syllables = 0;
		let bad = 0;
		for (const {text} of samples) {
			for (const w of widths) {
				const lines = wrapText(text, 0, text.length, w);
				syllables += syllableCuts(text, lines);
				bad += badStarts(lines);
			}
		}
		rows.push({set: 'wisesight-1000 (human segmentation)', breaks, fill, nameCuts: 0, syllableCuts: syllables, badStarts: bad, humanCutShare: cuts / breaks});
	}
	return rows;
}

export function printQualityTable(rows: readonly QualityRow[]): void {
	console.log(
		'| text (widths 20–80) | breaks | line fill | inside a name that fits | inside a syllable | lines starting -19 or with a lone mark | breaks cutting a human word |',
	);
	console.log('|---|---:|---:|---:|---:|---:|---:|');
	for (const r of rows) {
		const share = r.humanCutShare === undefined ? '' : `${(r.humanCutShare * 100).toFixed(1)} %`;
		const fill = r.fill === undefined ? '' : `${(r.fill * 100).toFixed(1)} %`;
		console.log(`| ${r.set} | ${r.breaks} | ${fill} | ${r.nameCuts} | ${r.syllableCuts} | ${r.badStarts} | ${share} |`);
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) printQualityTable(await benchBreakQuality());
