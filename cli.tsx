#!/usr/bin/env node
import process from 'node:process';
import meow from 'meow';
import {helpText, runCli} from './source/app/run.js';
import packageJson from './package.json' with {type: 'json'};

const cli = meow(helpText(), {
	importMeta: import.meta,
	description: false,
	// Given, so that meow does not look for and normalise package.json at every start.
	pkg: {name: packageJson.name, version: packageJson.version, description: packageJson.description},
	allowUnknownFlags: false,
	flags: {
		print: {type: 'boolean', shortFlag: 'p', default: false},
		list: {type: 'boolean', shortFlag: 'l', default: false},
		search: {type: 'string', shortFlag: 's'},
		entities: {type: 'boolean', default: false},
		json: {type: 'boolean', default: false},
		width: {type: 'number', shortFlag: 'w'},
		entitiesFile: {type: 'string'},
		cache: {type: 'boolean', default: true},
	},
});

// Exit explicitly: background work (loading, indexing) must not keep a finished command alive.
process.exit(await runCli(cli.input, cli.flags, import.meta.url));
