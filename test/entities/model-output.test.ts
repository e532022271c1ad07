import assert from 'node:assert/strict';
import fs from 'node:fs';
import {test} from 'node:test';
import {runTaggerBench} from '../../bench/tagger.js';
import {thaigov2k} from '../../bench/data.js';

// The tagger's speed work must not change a single tag: every unit's tag over the first 300
// articles of thaigov-2k, checksummed, is the value the tagger gave before it was made faster.
// A change of what the model reads (its lexicon, its weights) changes the value on purpose: record
// the new one from the code before the speed change (the world cities' lexicon did, 6a5f794c →;
// the weights narrowed to 8 bits did, 4531aba9 →; the weights retrained by npm run train-ner with
// 15 epochs did, 16de820e →; the junk11 lexicon (posts written short, ภาคใต้) retrained did, dfb6a90a →; the queen's titles (สมเด็จพระนางเจ้า) retrained did, 4e399cf1 →).
test('the shipped tagger tags real articles exactly as before its speed-ups', {skip: !fs.existsSync(thaigov2k) && 'no ../shared/data'}, () => {
	const result = runTaggerBench(thaigov2k, 300, 1);
	assert.equal(result.units, 576_125);
	assert.equal(result.checksum, '8b0febbd');
});
