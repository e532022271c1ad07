// Property tests: thousands of random Thai, Latin, mixed and hostile strings at widths 1–120.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import type {BlockKind} from '../../source/corpus/types.js';
import {lineAt} from '../../source/layout/lines.js';
import {OVERWIDE, wrapArticle, wrapText} from '../../source/layout/wrap.js';
import {cleanText} from '../../source/text/clean.js';
import {graphemes} from '../../source/text/graphemes.js';
import {forEachThaiCluster} from '../../source/text/syllables.js';
import {NO_END_CLUSTER, NO_START, checkLines, clusterEdges, contentOf, makeArticle} from './helpers.js';

const THAI = [
	'การ',
	'ประ',
	'เทศ',
	'ไทย',
	'ที่',
	'นี่',
	'น้ำ',
	'ทำ',
	'งาน',
	'ต่าง',
	' ๆ',
	'ๆ',
	'ฯ',
	'นายกฯ',
	'พ.ศ.',
	'ก.ค.',
	'น.',
	'๒๕๖๗',
	'เ',
	'แ',
	'โ',
	'ใ',
	'ไ',
	'ะ',
	'า',
	'ำ',
	'ๅ',
	'่',
	'้',
	'๊',
	'๋',
	'์',
	'ิ',
	'ี',
	'ุ',
	'ู',
	'ั',
	'ฤๅ',
	'กรุงเทพมหานคร',
	'สวัสดี',
	'ครับ',
	'ค่ะ',
	'รัฐมนตรี',
	'ว่าการ',
	'กระทรวง',
	'เศรษฐกิจ',
	'ฯลฯ',
	'ปีก่อนๆ',
	'ผลกระทบ',
	' ',
	' ',
	'  ',
];
const LATIN = [
	'hello',
	'world',
	'Organisation',
	'Cooperation',
	'https://example.com/a/b?c=d',
	'COVID-19',
	'e.g.',
	'U.S.',
	'1,234.56',
	'15-16',
	'8.30',
	',',
	'.',
	'—',
	'(',
	')',
	'“',
	'”',
	'!',
	'?',
	'%',
	' ',
	' ',
	'a',
	'supercalifragilistic',
];
const HOSTILE = [
	'\u001B[31m',
	'\u001B]52;c;QUJDREVG\u0007',
	'\u001B]0;title\u001B\\',
	'\u001B]8;;http://x\u001B\\',
	'\u001BPq#0\u001B\\',
	'\u009B2J',
	'\u009D0;t\u009C',
	'\u0085',
	'\u0007',
	'\b',
	'\r',
	'\r\n',
	'\n',
	'\t',
	'\u202E',
	'\u2066',
	'\u2069',
	'\u200B',
	'\u200D',
	'\uFEFF',
	'\u00AD',
	'\uD800',
	'\uDC00',
	'😀',
	'👍🏽',
	'🇹🇭',
	'中文',
	'한국어',
	'ｶﾀｶﾅ',
	'\u0301',
	'\u3000',
	'\u2028',
	'\u0000',
	'\u007F',
	'\u001B',
];

const text = (alphabet: string[], max = 40) => fc.array(fc.constantFrom(...alphabet), {maxLength: max}).map((parts) => parts.join(''));
const width = fc.integer({min: 1, max: 120});

/** Breaks that are vetoed even though the line before offered a better place to break. */
function checkVetoes(source: string, lines: ReturnType<typeof wrapText>, w: number): void {
	for (let i = 1; i < lines.length; i++) {
		const before = lines[i - 1]!;
		const line = lines[i]!;
		if (line.start === line.end || before.start === before.end) continue;
		if (contentOf(line) === OVERWIDE || contentOf(before) === OVERWIDE) continue;
		if (/[\n\r\u2028\u2029]/u.test(source.slice(before.end, line.start))) continue; // a hard break
		const prevContent = contentOf(before);
		// Clusters of the source (SARA AM's display form splits กำ into two display clusters).
		const clusters = graphemes(cleanText(source, before.start, before.end).text);
		const vetoed = NO_START.test(contentOf(line)) || NO_END_CLUSTER.test(clusters[clusters.length - 1] ?? '');
		if (!vetoed) continue;
		// Unavoidable only when no cluster boundary in the line before was free of vetoes and spaces,
		// and outside Thai syllables (cutting one is worse than starting a line with a comma).
		const lineText = cleanText(source, before.start, before.end).text;
		const syllableStarts = new Set<number>();
		forEachThaiCluster(lineText, 0, lineText.length, (at) => syllableStarts.add(at));
		let offset = 0;
		for (let k = 1; k < clusters.length; k++) {
			const left = clusters[k - 1]!;
			const right = clusters[k]!;
			offset += left.length;
			const free = !/\s/u.test(left) && !/\s/u.test(right) && !NO_END_CLUSTER.test(left) && !NO_START.test(right) && syllableStarts.has(offset);
			assert.ok(
				!free,
				`vetoed break after ${JSON.stringify(prevContent)} / ${JSON.stringify(contentOf(line))} though ${JSON.stringify(left + '|' + right)} was free, at ${w} in ${JSON.stringify(source)}`,
			);
		}
	}
}

function property(alphabet: string[], runs: number, max = 40) {
	fc.assert(
		fc.property(text(alphabet, max), width, (s, w) => {
			const lines = wrapText(s, 0, s.length, w);
			checkLines(s, lines, w, clusterEdges(s));
			checkVetoes(s, lines, w);
			for (const line of lines) assert.equal(lines[lineAt(lines, line.start)]!.start, line.start);
		}),
		{numRuns: runs},
	);
}

describe('wrapText properties', () => {
	it('Thai', () => property(THAI, 3000));
	it('Latin', () => property(LATIN, 2000));
	it('mixed Thai and Latin', () => property([...THAI, ...LATIN], 2000));
	it('hostile', () => property([...THAI, ...LATIN, ...HOSTILE], 3000));
	it('long paragraphs', () => property([...THAI, ...LATIN, ...HOSTILE], 200, 400));
});

describe('wrapArticle properties', () => {
	it('keeps every block within the width with exact offsets', () => {
		const kinds: BlockKind[] = ['title', 'meta', 'heading', 'para', 'quote', 'item', 'code', 'rule'];
		const block = fc.tuple(fc.constantFrom(...kinds), text([...THAI, ...LATIN, ...HOSTILE], 25));
		fc.assert(
			fc.property(fc.array(block, {maxLength: 6}), width, (blocks, w) => {
				const article = makeArticle(blocks.map(([kind, t]) => [kind, t.replace(/[\n\r\u2028\u2029]/gu, ' ')]));
				const lines = wrapArticle(article, w);
				checkLines(article.text, lines, w);
			}),
			{numRuns: 1500},
		);
	});
});
