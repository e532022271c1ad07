import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {forEachThaiCluster, thaiClusters} from '../../source/text/syllables.js';

describe('Thai clusters', () => {
	it('keep vowels, onsets, finals and silent letters with their syllable', () => {
		const cases: Array<[string, string]> = [
			['เหงียน', 'เหงียน'], // เ-ีย closed by ย, ห-led onset, final น
			['เซือง', 'เซือง'], // เ-ือ closed by อ
			['ดิเมียร์', 'ดิ|เมียร์'], // the silent ร์ belongs to the syllable before it
			['ศาสตร์', 'ศาสตร์'],
			['สิทธิ์', 'สิทธิ์'],
			['จันทร์', 'จันทร์'],
			['เปลี่ยนแปลง', 'เปลี่ยน|แปลง'],
			['ด้วยกัน', 'ด้วย|กัน'],
			['ประเทศไทย', 'ประ|เทศ|ไทย'],
			['ทำให้', 'ทำ|ให้'],
			['แข็งแรง', 'แข็ง|แรง'],
			['ผลกระทบ', 'ผล|กระ|ทบ'],
			['เกาะ', 'เกาะ'],
			['ตัวเอง', 'ตัว|เอง'],
			['นายวรากุล', 'นาย|วรา|กุล'],
		];
		for (const [word, expected] of cases) assert.equal(thaiClusters(word).join('|'), expected, word);
	});

	it('report where a final consonant may instead begin the next word', () => {
		assert.equal(thaiClusters('มีคน').join('|'), 'มีค|น');
		assert.equal(thaiClusters('มีคน', true).join('|'), 'มี|ค|น');
	});

	it('come in order and never start with a mark', () => {
		const alphabet = [...'กขคงจนมยรลวสหอเแโใไะาำิีึืุู่้๊๋็์ัๆฯ a1.'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...alphabet), {maxLength: 30}), (chars) => {
				const s = chars.join('');
				const starts: number[] = [];
				forEachThaiCluster(s, 0, s.length, (at, weak) => {
					if (!weak) starts.push(at);
				});
				for (let k = 1; k < starts.length; k++) assert.ok(starts[k]! > starts[k - 1]!, 'in order');
				for (const at of starts) {
					if (at === 0) continue;
					assert.ok(!/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0E33]/u.test(s[at]!), `${JSON.stringify(s)} at ${at}`);
				}
			}),
			{numRuns: 2000},
		);
	});
});
