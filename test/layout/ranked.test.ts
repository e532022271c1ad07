// Ranked breaks: never inside a Thai syllable or a protected name, hyphens and units kept, spaces
// and loose word pairs preferred over compounds. Sentences and names are written here.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Line} from '../../source/layout/types.js';
import {cohesion} from '../../source/layout/cohesion.js';
import {type Protected, wrapArticle, wrapText} from '../../source/layout/wrap.js';
import {forEachThaiCluster} from '../../source/text/syllables.js';
import {stringWidth} from '../../source/text/width.js';
import {checkLines, contentOf, makeArticle} from './helpers.js';

/** Offsets where a line continues the one before (a break), within one paragraph. */
function breaks(lines: readonly Line[]): number[] {
	const out: number[] = [];
	for (let k = 1; k < lines.length; k++) if (lines[k]!.start > lines[k - 1]!.end || lines[k]!.start === lines[k - 1]!.end) out.push(lines[k]!.start);
	return out;
}

function clusterStarts(text: string): Set<number> {
	const starts = new Set<number>();
	forEachThaiCluster(text, 0, text.length, (at) => starts.add(at));
	return starts;
}

const NAMES_TEXT = 'เมื่อวานนายเหงียน ซวน ฟุก และนางวลาดิเมียร์ โตกาเยฟ เดินทางถึงกรมประมงเพื่อหารือกับนายวราวุธ ศรีประเสริฐกุล เรื่องการส่งออกปลาทูน่า';
const NAMES = ['เหงียน ซวน ฟุก', 'วลาดิเมียร์ โตกาเยฟ', 'กรมประมง', 'วราวุธ ศรีประเสริฐกุล'];

function spans(text: string, names: string[]): Protected[] {
	return names.map((name) => {
		const start = text.indexOf(name);
		assert.ok(start >= 0, name);
		return {start, end: start + name.length};
	});
}

describe('ranked breaks', () => {
	it('never break inside a Thai syllable, even where the dictionary cuts a name', () => {
		const starts = clusterStarts(NAMES_TEXT);
		for (let width = 6; width <= 60; width++) {
			const lines = wrapText(NAMES_TEXT, 0, NAMES_TEXT.length, width);
			checkLines(NAMES_TEXT, lines, width);
			for (const at of breaks(lines)) assert.ok(starts.has(at), `${NAMES_TEXT.slice(at - 6, at)}|${NAMES_TEXT.slice(at, at + 6)} at ${width}`);
		}
	});

	it('never break inside a protected name that fits the line, and still show all of a wider one', () => {
		const protect = spans(NAMES_TEXT, NAMES);
		for (let width = 8; width <= 80; width++) {
			const lines = wrapText(NAMES_TEXT, 0, NAMES_TEXT.length, width, 'para', protect);
			checkLines(NAMES_TEXT, lines, width);
			for (const at of breaks(lines)) {
				for (const name of protect) {
					if (stringWidth(NAMES_TEXT.slice(name.start, name.end)) > width) continue;
					assert.ok(!(at > name.start && at < name.end), `${NAMES_TEXT.slice(name.start, at)}|${NAMES_TEXT.slice(at, name.end)} at ${width}`);
				}
			}
		}
	});

	it('takes protected names through wrapArticle, block by block', () => {
		const a = makeArticle([
			['title', 'ข่าวการประชุม'],
			['para', NAMES_TEXT],
		]);
		const offset = a.text.indexOf(NAMES_TEXT);
		const protect = spans(NAMES_TEXT, NAMES).map((p) => ({start: p.start + offset, end: p.end + offset}));
		for (let width = 16; width <= 60; width += 4) {
			for (const at of breaks(wrapArticle(a, width, protect))) {
				for (const name of protect.filter((p) => stringWidth(a.text.slice(p.start, p.end)) <= width))
					assert.ok(!(at > name.start && at < name.end), `${a.text.slice(name.start, at)}|${a.text.slice(at, name.end)} at ${width}`);
			}
		}
	});

	it('keep a hyphen with the word before it and the number after it, and a number with its unit', () => {
		const text = 'จำนวนผู้ติดเชื้อโควิด-19 รายใหม่วันนี้มี 25คน ส่วนระยะทางจากตัวเมืองคือ 15 กม. และมีผู้ป่วยโควิด-19อีกหลายราย';
		for (let width = 10; width <= 50; width++) {
			const lines = wrapText(text, 0, text.length, width);
			checkLines(text, lines, width);
			for (const line of lines) {
				const content = contentOf(line);
				assert.ok(!/^[-‐‑–]/u.test(content), `starts with a hyphen: ${content} at ${width}`);
				assert.ok(!/^(19|คน|กม\.)/u.test(content), `a number's unit or digits cut off: ${content} at ${width}`);
				assert.ok(!/(-|\s15|\s25)$/u.test(content), `ends before its unit: ${content} at ${width}`);
			}
		}
	});

	it('prefer a space or a loose pair of words to the inside of a frequent compound', () => {
		assert.ok(cohesion('ผิด', 'ชอบ') > cohesion('ของ', 'การ'), 'รับผิดชอบ holds together more than ของการ');
		assert.ok(cohesion('เพิ่ม', 'ขึ้น') > cohesion('และ', 'การ'));
		// Where greedy filling would end a line inside รับผิด|ชอบ, the line ends a little earlier.
		const text = 'เจ้าหน้าที่ทุกคนต้องมีความรับผิดชอบต่องานของตนเอง';
		const cut = text.indexOf('ชอบ');
		for (let width = 10; width <= 40; width++) {
			const lines = wrapText(text, 0, text.length, width);
			checkLines(text, lines, width);
			assert.ok(!breaks(lines).includes(cut), `รับผิด|ชอบ at ${width}: ${lines.map((l) => l.text).join('|')}`);
		}
	});

	it('breaks a word wider than the line at a syllable boundary first', () => {
		const text = 'ประชาธิปไตยแบบรัฐสภาเปลี่ยนแปลง';
		const starts = clusterStarts(text);
		for (let width = 4; width <= 8; width++) {
			const lines = wrapText(text, 0, text.length, width);
			checkLines(text, lines, width);
			for (const at of breaks(lines)) assert.ok(starts.has(at), `${text.slice(0, at)}|${text.slice(at)} at ${width}`);
		}
	});
});

describe('the lazy wrap', () => {
	it('protects the names it is given, piece by piece, as wrapArticle does', async () => {
		const {LazyWrap} = await import('../../source/layout/lazy.js');
		const paragraphs = Array.from({length: 12}, () => NAMES_TEXT);
		const a = makeArticle(paragraphs.map((p) => ['para', p] as ['para', string]));
		const protect: Protected[] = [];
		for (let at = a.text.indexOf(NAMES_TEXT); at >= 0; at = a.text.indexOf(NAMES_TEXT, at + 1)) {
			for (const p of spans(NAMES_TEXT, NAMES)) protect.push({start: p.start + at, end: p.end + at});
		}
		for (const width of [18, 33]) {
			const lazy = new LazyWrap(a, width, 256, protect).all();
			assert.deepEqual(
				lazy.map((l) => [l.text, l.start]),
				wrapArticle(a, width, protect).map((l) => [l.text, l.start]),
			);
			for (const at of breaks(lazy)) {
				for (const name of protect.filter((p) => stringWidth(a.text.slice(p.start, p.end)) <= width)) assert.ok(!(at > name.start && at < name.end), `${width}`);
			}
		}
	});
});
