import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {forEachWordSegment, pushWordStarts, wordSegmenter, wordSegments, words} from '../../source/text/words.js';

const corpusDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'corpus');
const corpus = fs
	.readdirSync(corpusDir)
	.filter((f) => f.endsWith('.txt'))
	.sort()
	.map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8'));

const texts = (s: string, start?: number, end?: number): string[] => wordSegments(s, start, end).map((w) => w.text);

function boundaries(text: string, whole: boolean): number[] {
	const out: number[] = [];
	if (whole) for (const s of wordSegmenter().segment(text)) out.push(s.index);
	else forEachWordSegment(text, 0, text.length, (start) => out.push(start));
	return out;
}

describe('wordSegments', () => {
	it('segments Thai with offsets into the text', () => {
		const text = 'ฉันกินข้าว กับเพื่อน';
		const segs = wordSegments(text);
		assert.deepEqual(
			segs.map((s) => s.text),
			['ฉัน', 'กิน', 'ข้าว', ' ', 'กับ', 'เพื่อน'],
		);
		for (const s of segs) assert.equal(text.slice(s.start, s.end), s.text);
		assert.equal(segs[3]!.wordLike, false);
		assert.equal(segs[0]!.wordLike, true);
	});

	it('works on a sub-range, offsets still into the whole string', () => {
		const text = 'xxxx กินข้าว yyyy';
		const segs = wordSegments(text, 5, 12);
		assert.deepEqual(
			segs.map((s) => [s.text, s.start, s.end]),
			[
				['กิน', 5, 8],
				['ข้าว', 8, 12],
			],
		);
	});

	it('keeps a trailing ฯ on its word (the segmenter alone cuts นา|ยกฯ)', () => {
		assert.deepEqual(texts('นายกฯ'), ['นายกฯ']);
		assert.deepEqual(texts('นายกฯ กล่าว'), ['นายกฯ', ' ', 'กล่าว']);
		assert.deepEqual(texts('รัฐมนตรีฯ,'), ['รัฐมนตรีฯ', ',']);
		assert.deepEqual(texts('ผลไม้ ฯลฯ'), ['ผล', 'ไม้', ' ', 'ฯลฯ']);
	});

	it('words() returns only word-like segments', () => {
		assert.deepEqual(
			words('แมว, หมา (2 ตัว)').map((w) => w.text),
			['แมว', 'หมา', '2', 'ตัว'],
		);
	});

	it('matches whole-paragraph segmentation exactly on spaced text', () => {
		for (const article of corpus) {
			for (const paragraph of article.split('\n')) {
				if (paragraph.length < 700 || paragraph.includes('ฯ')) continue; // long enough to be cut
				assert.deepEqual(boundaries(paragraph, false), boundaries(paragraph, true));
			}
		}
	});

	it('stays close to whole segmentation inside long runs without spaces', () => {
		let differ = 0;
		let total = 0;
		for (const article of corpus) {
			for (const paragraph of article.split('\n')) {
				const run = paragraph.replace(/\s+/g, '').replace(/ฯ/g, '');
				if (run.length < 700) continue; // longer than one piece: cut inside the run
				const a = new Set(boundaries(run, true));
				const b = new Set(boundaries(run, false));
				for (const x of a) if (!b.has(x)) differ++;
				for (const x of b) if (!a.has(x)) differ++;
				total += a.size;
			}
		}
		assert.ok(total > 1000, `only ${total} boundaries compared`);
		assert.ok(differ / total < 0.005, `${differ} of ${total} boundaries differ`);
	});

	it('tiles a 300 K single line without spaces, never cutting a cluster', () => {
		const run = corpus.join('').replace(/\s+/g, '');
		const text = run.repeat(Math.ceil(300_000 / run.length));
		let expected = 0;
		forEachWordSegment(text, 0, text.length, (start, end) => {
			assert.equal(start, expected);
			assert.ok(end > start);
			expected = end;
			assert.ok(!/^[\u0E31\u0E33-\u0E3A\u0E47-\u0E4E]/.test(text.slice(start, start + 1)), `segment starts with a mark at ${start}`);
		});
		assert.equal(expected, text.length);
	});

	it('cuts a huge unknown "word" at cluster boundaries', () => {
		const text = 'ก่'.repeat(2000);
		let expected = 0;
		forEachWordSegment(text, 0, text.length, (start, end) => {
			assert.equal(start, expected);
			assert.equal(start % 2, 0, 'never between a consonant and its mark');
			expected = end;
		});
		assert.equal(expected, text.length);
	});
});

describe('pushWordStarts', () => {
	/** What the iterated segmenter gives: every segment's start after the first. */
	const iterated = (text: string, offset: number): number[] => [...wordSegmenter().segment(text)].map((s) => s.index + offset).filter((i) => i > offset);

	it('gives the starts the iterated segmenter gives, offset and appended', () => {
		const phrases = [
			'',
			'ก',
			'นายกรัฐมนตรีกล่าวว่า',
			'ั่นคือ', // a phrase starting with a vowel sign
			'นายกฯกล่าว',
			'กรุงเทพฯ2567ABCนะ',
			'ไทย🇹🇭ไทย',
			'été',
			'ประชุม​คณะ­กรรมการ',
			'ประชุมคณะกรรมการร่วมกับผู้แทนองค์กรปกครองส่วนท้องถิ่น'.repeat(5),
		];
		for (const text of phrases) {
			assert.deepEqual(pushWordStarts(text, 0, []), iterated(text, 0), text);
			assert.deepEqual(pushWordStarts(text, 7, [1, 2]), [1, 2, ...iterated(text, 7)], text);
		}
	});

	it('agrees on every space-free run of the sample corpus', () => {
		let runs = 0;
		for (const text of corpus) {
			for (const run of text.split(/\s+/)) {
				if (run === '') continue;
				runs++;
				assert.deepEqual(pushWordStarts(run, 0, []), iterated(run, 0), run);
			}
		}
		assert.ok(runs > 1000, `${runs} runs`);
	});
});
