import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {keyMarkdown} from '../../source/ui/key-lines.js';

const readme = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md');

test("the README's Keys section is the key tables", () => {
	const text = fs.readFileSync(readme, 'utf8');
	const found = /<!-- keys:begin -->\n([\s\S]*?)<!-- keys:end -->/.exec(text);
	assert.ok(found, 'README.md has the <!-- keys:begin --> … <!-- keys:end --> markers');
	const expected = keyMarkdown();
	assert.equal(found[1], expected, `README.md's Keys section differs from source/ui/keymap.ts; paste this between the markers:\n\n${expected}`);
});
