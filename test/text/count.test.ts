import {test} from 'node:test';
import assert from 'node:assert/strict';
import {counted} from '../../source/text/count.js';

test('a count takes the singular for one only', () => {
	assert.equal(counted(1, 'mention'), '1 mention');
	assert.equal(counted(0, 'mention'), '0 mentions');
	assert.equal(counted(2, 'article'), '2 articles');
	assert.equal(counted(1, 'match', 'matches'), '1 match');
	assert.equal(counted(12, 'match', 'matches'), '12 matches');
});
