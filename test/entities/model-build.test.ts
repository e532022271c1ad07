import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {gunzipSync, gzipSync} from 'node:zlib';
import {describe, it} from 'node:test';
import {buildWeights, DEFAULT_TRAIN, DEFAULT_VAL, recordDifferences, SHIPPED_WEIGHTS, TRAIN_BITS, TRAIN_EPOCHS, TRAIN_SEED} from '../../bench/train-ner.js';
import {fileDigest, lexiconFingerprint} from '../../source/entities/model/build-record.js';
import {trainTagger, TRAINER_VERSION} from '../../source/entities/model/train.js';
import {decodeWeights, encodeWeights} from '../../source/entities/model/weights-file.js';

// `npm run train-ner` must rebuild the shipped weights byte for byte. A whole training is too slow
// for every test run (`npm run train-ner -- --check` does it); here: the pipeline is deterministic
// on a slice, and the shipped file says how it was built, from the lexicon the features read now.

const DATA = existsSync(DEFAULT_TRAIN) && existsSync(DEFAULT_VAL);
const NO_DATA = 'no ../shared/data/thainer-1.5 here';

describe('the shipped weights file records how it was built', () => {
	const built = decodeWeights(readFileSync(SHIPPED_WEIGHTS)).built;

	it('by this trainer, with the settings npm run train-ner uses', () => {
		assert.deepEqual(
			{trainer: built.trainer, bits: built.bits, epochs: built.epochs, seed: built.seed},
			{trainer: TRAINER_VERSION, bits: TRAIN_BITS, epochs: TRAIN_EPOCHS, seed: TRAIN_SEED},
		);
		assert.match(String(built.train), /^[0-9a-f]{64}$/);
		assert.match(String(built.val), /^[0-9a-f]{64}$/);
	});

	it('from the lexicon the features read now (a changed word list needs npm run train-ner)', () => {
		assert.equal(built.lexicon, lexiconFingerprint(), 'the tagger lexicon changed since ner-weights.bin was trained: run npm run train-ner, then bench/ner.ts');
	});

	it('from the Thai NER 1.5 files in ../shared/data', {skip: DATA ? false : NO_DATA}, () => {
		assert.equal(built.train, fileDigest(DEFAULT_TRAIN));
		assert.equal(built.val, fileDigest(DEFAULT_VAL));
	});
});

describe('npm run train-ner', () => {
	it('gives the same bytes twice from a slice of train.txt, with the slice in the record', {skip: DATA ? false : NO_DATA}, () => {
		const a = buildWeights({trainPath: DEFAULT_TRAIN, valPath: DEFAULT_VAL, limit: 200, epochs: 2});
		const b = buildWeights({trainPath: DEFAULT_TRAIN, valPath: DEFAULT_VAL, limit: 200, epochs: 2});
		assert.ok(a.bytes.equals(b.bytes));
		const decoded = decodeWeights(a.bytes);
		assert.deepEqual(decoded.built, a.record);
		assert.ok(a.record.lines > 0 && a.record.lines <= 200, String(a.record.lines));
		assert.equal(a.record.epochs, 2);
		// 8-bit buckets: what the tagger's kernel reads.
		const buckets = decoded.weights.subarray(0, (1 << TRAIN_BITS) * 7);
		let max = 0;
		for (const w of buckets) max = Math.max(max, Math.abs(w));
		assert.equal(max, 127);
	});

	it('says which inputs differ between two build records', () => {
		assert.deepEqual(recordDifferences({trainer: 2, lexicon: 'aa'}, {trainer: 2, lexicon: 'bb'}), ['lexicon: aa → bb']);
		assert.deepEqual(recordDifferences({trainer: 2}, {trainer: 2}), []);
	});
});

describe('the build record in a weights file', () => {
	const texts = [{text: 'สมหมาย ดีใจ ไปลำพูน', spans: [{start: 0, end: 11, kind: 'person' as const}]}];
	const model = trainTagger(texts, {bits: 8, epochs: 2, seed: 3});

	it('is read back as written', () => {
		assert.deepEqual(decodeWeights(encodeWeights(model, {trainer: 9, train: 'ab12'})).built, {trainer: 9, train: 'ab12'});
		assert.deepEqual(decodeWeights(encodeWeights(model)).built, {});
	});

	it('refuses to write a value that is not plain', () => {
		assert.throws(() => encodeWeights(model, {note: 'two\nlines'}), /not plain/);
	});

	// A file whose record was changed and its checksum made to fit again: the record itself is checked.
	const tampered = (edit: (raw: Buffer) => Buffer): Buffer => {
		const raw = edit(Buffer.from(gunzipSync(encodeWeights(model, {trainer: 9}))));
		let h = 0x811c9dc5;
		for (let i = 32; i < raw.length; i++) h = Math.imul(h ^ raw[i]!, 0x01000193);
		raw.writeUInt32LE(h >>> 0, 28);
		return gzipSync(raw);
	};

	it('damaged, or holding control characters, is refused with a one-line reason', () => {
		const junkJson = tampered((raw) => {
			raw.write('{"trainer":9', 36, 'latin1');
			raw[36 + '{"trainer":9'.length] = 0x20;
			return raw;
		});
		assert.throws(
			() => decodeWeights(junkJson),
			(e: Error) => /build record is damaged/.test(e.message) && !e.message.includes('\n'),
		);
		const escape = tampered((raw) => {
			const record = Buffer.from('{"t":"\\u001b[2J"}');
			const at = 36 + raw.readUInt32LE(32);
			const out = Buffer.concat([raw.subarray(0, 32), Buffer.alloc(4), record, raw.subarray(at)]);
			out.writeUInt32LE(record.length, 32);
			return out;
		});
		assert.throws(() => decodeWeights(escape), /build record is damaged/);
	});

	it('missing, in a file of the first format, is refused as another format version', () => {
		const old = tampered((raw) => {
			raw.write('KHAONER1', 0, 'latin1');
			return raw;
		});
		assert.throws(() => decodeWeights(old), /another format version/);
	});
});
