// The mention table grows a chunk at a time (issue 10: one article's commit copied the table's ten
// columns of millions of entries at once, 237 ms of the UI thread at 60,000 articles). Counted, not
// timed: no array behind a column outgrows a chunk, and the index is the one plain arrays gave.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {Column, COLUMN_CHUNK_BITS, NumberColumn} from '../../source/entities/column.js';
import {EntityIndexBuilder, type DetectedArticle} from '../../source/entities/builder.js';
import type {DetectedMention} from '../../source/entities/find-mentions.js';

const CHUNK = 1 << COLUMN_CHUNK_BITS;

describe('Column', () => {
	test('reads back what was pushed, across chunk ends, with no array larger than a chunk', () => {
		const column = new Column<number | undefined>();
		const plain: (number | undefined)[] = [];
		for (let i = 0; i < CHUNK * 3 + 5; i++) {
			const value = i % 7 === 0 ? undefined : i * 3;
			column.push(value);
			plain.push(value);
		}
		assert.equal(column.length, plain.length);
		for (const i of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, plain.length - 1]) assert.equal(column.get(i), plain[i]);
		assert.ok(column.largestArray <= CHUNK, `an array of ${column.largestArray} entries`);
	});

	test('NumberColumn: whole numbers in 32 bits read back as pushed, a weight in 64, and a number that would wrap is refused', () => {
		const whole = new NumberColumn();
		const weight = new NumberColumn('float64');
		const values = [0, -1, 2 ** 31 - 1, -(2 ** 31), 123456];
		for (let i = 0; i < CHUNK + 3; i++) {
			whole.push(values[i % values.length]!);
			weight.push([0.1, 3, 0.5, 1][i % 4]!);
		}
		assert.equal(whole.length, CHUNK + 3);
		for (const i of [0, 1, 2, 3, 4, CHUNK - 1, CHUNK, CHUNK + 2]) {
			assert.equal(whole.get(i), values[i % values.length]);
			assert.equal(weight.get(i), [0.1, 3, 0.5, 1][i % 4]);
		}
		assert.ok(whole.largestArray <= CHUNK);
		for (const bad of [2 ** 31, -(2 ** 31) - 1, 0.5, Number.NaN]) assert.throws(() => whole.push(bad), RangeError, String(bad));
		assert.equal(whole.length, CHUNK + 3);
		const bytes = new NumberColumn('uint8');
		for (let i = 0; i < CHUNK + 3; i++) bytes.push(i % 256);
		assert.equal(bytes.get(CHUNK + 2), (CHUNK + 2) % 256);
		for (const bad of [256, -1, 1.5]) assert.throws(() => bytes.push(bad), RangeError, String(bad));
	});
});

// Names written for this test: one organisation per article, shared by every third article.
function detected(count: number, perArticle: number): DetectedArticle[] {
	return Array.from({length: count}, (_, a) => {
		const mentions: DetectedMention[] = [];
		for (let m = 0; m < perArticle; m++) {
			const text = `บริษัทตัวอย่างที่${(a % 3) + m * 10}`;
			mentions.push({start: m * 40, end: m * 40 + text.length, text, kind: 'organization', rule: 'org-prefix', group: m});
		}
		return {id: `a${a}`, mentions};
	});
}

describe('EntityIndexBuilder: the mention table', () => {
	test('its columns grow in chunks however many mentions are linked', () => {
		const builder = new EntityIndexBuilder();
		builder.addDetected(detected(Math.ceil((CHUNK * 2.5) / 8), 8));
		const table = (builder as unknown as {table: Record<string, unknown>}).table;
		const columns = Object.entries(table).filter(([name]) => name.startsWith('mention'));
		assert.equal(columns.length, 11);
		// Numbers in typed chunks (a byte for the tagger's marks, 4 bytes an entry, 8 for the weight), not slots of 8 with a third more room.
		const numbers = ['mentionArticle', 'mentionStart', 'mentionEnd', 'mentionTitleStart', 'mentionWeight', 'mentionTagged'];
		for (const name of numbers) assert.ok(table[name] instanceof NumberColumn, `${name} is a NumberColumn`);
		assert.ok((builder as unknown as {linker: {mentionNode: unknown}}).linker.mentionNode instanceof NumberColumn, "the linker's nodes are a NumberColumn");
		for (const [name, column] of columns) {
			assert.ok(column instanceof Column || column instanceof NumberColumn, `${name} is a Column`);
			assert.ok(column.length > CHUNK * 2, `${name} holds ${column.length}`);
			assert.ok(column.largestArray <= CHUNK, `${name}: an array of ${column.largestArray} entries`);
		}
		// The mentions come back from the columns as they went in, in the last article as in the first.
		const index = builder.snapshot();
		const last = Math.ceil((CHUNK * 2.5) / 8) - 1;
		for (const a of [0, last]) {
			const mentions = index.mentionsIn(`a${a}`);
			assert.deepEqual(
				mentions.map((m) => [m.start, m.text]),
				detected(last + 1, 8)[a]!.mentions.map((m) => [m.start, m.text]),
			);
		}
	});
});
