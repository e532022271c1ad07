// The house rules a machine can check: TypeScript's recommended rules, the rules of hooks, no
// import cycles, and the layers of DESIGN.md (nothing below ui/ imports Ink or React; text/
// imports nothing of ours but text/). Not type-aware: the syntactic rules run over the whole tree
// in about 15 s of CPU; the type-checked set took 44 s (README: Tests).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import {createNodeResolver, importX} from 'eslint-plugin-import-x';

const INK_AND_REACT = {
	group: ['ink', 'ink/*', 'react', 'react/*', 'react-dom', 'ink-*', '@inkjs/*'],
	message: 'Below ui/ nothing imports Ink or React (DESIGN.md: one direction only).',
};

/** Layers that may not reach the terminal UI. */
const PURE = ['corpus', 'text', 'layout', 'search', 'entities', 'plain', 'workers'];

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'coverage/', 'source/entities/model/ner-weights.bin']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx,js,mjs}'],
		languageOptions: {ecmaVersion: 2023, sourceType: 'module'},
		plugins: {'react-hooks': reactHooks, 'import-x': importX},
		// Sources import each other as `./x.js` (NodeNext): the resolver maps that to x.ts / x.tsx.
		settings: {
			'import-x/extensions': ['.ts', '.tsx', '.js'],
			'import-x/parsers': {'@typescript-eslint/parser': ['.ts', '.tsx']},
			'import-x/resolver-next': [createNodeResolver({extensions: ['.ts', '.tsx', '.js'], extensionAlias: {'.js': ['.ts', '.tsx', '.js']}})],
		},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'warn',
			'import-x/no-cycle': ['error', {ignoreExternal: true}],
			// TypeScript (strict) checks undefined names, Node's globals included; `_` marks an unused parameter.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
			// Control characters are what khao cleans and tests for: its regexes name them on purpose.
			'no-control-regex': 'off',
			// Thai vowels and tone marks are combining characters: classes of them are the point.
			'no-misleading-character-class': 'off',
			// A measurement or a scan starts from its "none yet" value, which every path may overwrite.
			'no-useless-assignment': 'off',
			'no-empty': ['error', {allowEmptyCatch: true}],
		},
	},
	{
		files: [`source/{${PURE.join(',')}}/**`],
		rules: {'no-restricted-imports': ['error', {patterns: [INK_AND_REACT]}]},
	},
	{
		files: ['source/text/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [INK_AND_REACT, {group: ['../*', '!../text', '!../text/*', '../../*'], message: 'text/ imports nothing of ours but text/ (DESIGN.md).'}],
				},
			],
		},
	},
);
