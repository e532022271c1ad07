import assert from 'node:assert/strict';
import fs from 'node:fs';
import {after, describe, it} from 'node:test';
import {compileKernel, kernelSource} from '../../bench/build-tagger-kernel.js';
import {thaigov2k} from '../../bench/data.js';
import {STATIC_FEATURES, staticFeatures} from '../../source/entities/model/features.js';
import {KERNEL_STRIDE, kernelEmissions, setKernelEnabled} from '../../source/entities/model/kernel.js';
import {sharedTagger} from '../../source/entities/model/load.js';
import {decode} from '../../source/entities/model/tagger.js';
import {splitUnits} from '../../source/entities/model/units.js';

const KERNEL_BINARY = new URL('../../source/entities/model/kernel-binary.ts', import.meta.url);

// Sentences of our own: Thai with and without titles, Latin, digits, stacked spaces, invisible
// characters inside words, punctuation, a lone character, and one long paragraph (120,000 units:
// the kernel's memory must grow for it).
const TEXTS = [
	'',
	'ก',
	'นายสมปอง ใจกว้าง รองอธิบดีกรมทางหลวงชนบท เดินทางไปจังหวัดลำปาง เมื่อวันที่ 3 มีนาคม 2567',
	'Ms. Anong Kaewdee (อนงค์ แก้วดี) of Siam Rice Co., Ltd. met 12 buyers in Chiang Rai.',
	'บริษัท ทดลองดี จำกัด (มหาชน)  ร่วมกับ  มหาวิทยาลัยแห่งหนึ่ง ฯลฯ ๆ  ๑๒๓',
	'รัฐมนตรี\u200bว่าการ\u00adกระทรวง\ufeffพาณิชย์ ประชุมที่ทำเนียบ',
	'ประชุมคณะกรรมการร่วมกับผู้แทนองค์กรปกครองส่วนท้องถิ่น '.repeat(3000),
];

/** The sums as tagger.ts defines them: every feature's weight for every tag, added up. */
function sumsByHand(text: string, weights: Int16Array, bits: number): number[] {
	const units = splitUnits(text);
	const features = staticFeatures(text, units, bits);
	const sums: number[] = [];
	for (let i = 0; i < units.count; i++)
		for (let t = 0; t < 7; t++) {
			let s = 0;
			for (let f = 0; f < STATIC_FEATURES; f++) s += weights[features[i * STATIC_FEATURES + f]! * 7 + t]!;
			sums.push(s);
		}
	return sums;
}

describe('the WebAssembly kernel', () => {
	after(() => setKernelEnabled(true));
	const model = sharedTagger();

	// First, before any paragraph made the memory grow: growing detaches its buffer, and a thread's
	// first detached buffer throws away V8's optimised code of every function reading typed arrays.
	it('tags a long news paragraph (8,000 units) without growing its memory', () => {
		assert.ok(model !== null && model.weights instanceof Int16Array);
		const short = 'นายสมปอง ใจกว้าง เดินทางไปจังหวัดลำปาง';
		const first = kernelEmissions(short, splitUnits(short), model.weights, model.bits);
		assert.ok(first !== null);
		const buffer = first.buffer;
		const long = 'ประชุมคณะกรรมการร่วมกับผู้แทนองค์กรปกครองส่วนท้องถิ่น '.repeat(200);
		const units = splitUnits(long);
		assert.ok(units.count >= 8000, String(units.count));
		const then = kernelEmissions(long, units, model.weights, model.bits);
		assert.ok(then !== null);
		assert.equal(then.buffer, buffer, 'the same memory');
		assert.ok(buffer.byteLength > 0, 'not detached');
	});

	it('sums exactly the weights the features of features.ts pick', () => {
		assert.ok(model !== null && model.weights instanceof Int16Array);
		for (const text of TEXTS) {
			const units = splitUnits(text);
			const got = kernelEmissions(text, units, model.weights, model.bits);
			assert.ok(got !== null, 'the kernel runs on this Node');
			const sums: number[] = [];
			for (let i = 0; i < units.count; i++) for (let t = 0; t < 7; t++) sums.push(got[i * KERNEL_STRIDE + t]!);
			assert.deepEqual(sums, sumsByHand(text, model.weights, model.bits), text.slice(0, 40));
		}
	});

	it('gives the tags of the JavaScript way', () => {
		assert.ok(model !== null);
		const bodies = fs.existsSync(thaigov2k)
			? fs
					.readFileSync(thaigov2k, 'utf8')
					.split('\n')
					.filter((l) => l.trim() !== '')
					.slice(0, 100)
					.map((l) => (JSON.parse(l) as {body?: string}).body ?? '')
			: [];
		for (const text of [...TEXTS, ...bodies.flatMap((b) => b.split('\n'))]) {
			setKernelEnabled(true);
			const fast: number[] = [...decode(text, model).tags];
			setKernelEnabled(false);
			const plain: number[] = [...decode(text, model).tags];
			assert.deepEqual(fast, plain, text.slice(0, 40));
		}
	});

	it('reuses its buffers from one paragraph to the next without changing units or tags', () => {
		const model = sharedTagger();
		assert.ok(model !== null);
		// Long, short, empty and long again: the buffers grow, are read shorter, then reused.
		const order = [TEXTS[6]!, TEXTS[2]!, TEXTS[0]!, TEXTS[1]!, TEXTS[3]!, TEXTS[6]!, TEXTS[5]!, TEXTS[4]!, TEXTS[2]!];
		const fresh = new Map(order.map((text) => [text, [...decode(text, model).tags]]));
		for (const text of order) {
			const own = splitUnits(text);
			const reused = splitUnits(text, true);
			assert.equal(reused.count, own.count);
			assert.deepEqual([...reused.starts], [...own.starts]);
			assert.deepEqual([...reused.hashes], [...own.hashes]);
			assert.deepEqual([...reused.classes], [...own.classes]);
			const decoded = decode(text, model);
			assert.deepEqual([...decoded.tags], fresh.get(text), text.slice(0, 40));
			assert.deepEqual([...decoded.units.starts], [...own.starts]);
		}
	});

	it('is built from kernel.wat (npm run build-tagger-kernel)', async () => {
		assert.equal(fs.readFileSync(KERNEL_BINARY, 'utf8'), kernelSource(await compileKernel()));
	});
});
