// The lint config enforces DESIGN.md's layers: probes written as if they lived in each folder are
// linted in memory (no file is written), so a config that silently stopped applying would fail here.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {ESLint} from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({cwd: root});

async function rulesBroken(code: string, file: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, {filePath: path.join(root, file)});
	return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

test('below ui/ nothing imports Ink or React', async () => {
	for (const folder of ['corpus', 'text', 'layout', 'search', 'entities', 'plain']) {
		const broken = await rulesBroken("import {Text} from 'ink';\nimport React from 'react';\nexport const x = [Text, React];\n", `source/${folder}/probe.ts`);
		assert.deepEqual(broken, ['no-restricted-imports', 'no-restricted-imports'], folder);
	}
});

test('ui/ may import Ink and React', async () => {
	assert.deepEqual(await rulesBroken("import {Text} from 'ink';\nimport React from 'react';\nexport const x = [Text, React];\n", 'source/ui/components/Probe.tsx'), []);
});

test('text/ imports nothing of ours but text/', async () => {
	assert.deepEqual(await rulesBroken("import type {Article} from '../corpus/types.js';\nexport type A = Article;\n", 'source/text/probe.ts'), ['no-restricted-imports']);
	assert.deepEqual(await rulesBroken("import {stringWidth} from './width.js';\nexport const w = stringWidth;\n", 'source/text/probe.ts'), []);
	// layout/ may use text/ and the corpus types.
	assert.deepEqual(
		await rulesBroken(
			"import type {Article} from '../corpus/types.js';\nimport {stringWidth} from '../text/width.js';\nexport const w: [typeof stringWidth, Article?] = [stringWidth];\n",
			'source/layout/probe.ts',
		),
		[],
	);
});
