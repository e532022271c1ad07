// Which entity a query names, across scripts: close names only (the coarse consonant key alone is
// shared by unrelated names). The names are made up.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {namedEntities, spellingsOf, type NamedEntity} from '../../source/search/also-spelled.js';

function entity(id: string, aliases: string[], mentionCount = 1): NamedEntity {
	return {id, name: aliases[0]!, kind: 'person', aliases, mentionCount};
}

/** A stand-in for the entity index: returns its entities in the order given, whatever the query. */
function finder(entities: NamedEntity[]) {
	return {findByName: (_query: string, limit = 10) => entities.slice(0, limit)};
}

test('a Latin query names the Thai spelling with the same consonants and vowels, not another with the same consonants', () => {
	const wrong = entity('place:x', ['ทิลลิน'], 50);
	const right = entity('person:talen', ['ทาเลน', 'นายทาเลน'], 2);
	const named = namedEntities(finder([wrong, right]), 'talen');
	assert.deepEqual(
		named.map((e) => e.id),
		['person:talen'],
	);
	assert.deepEqual(spellingsOf(named), ['ทาเลน', 'นายทาเลน']);
});

test('one name in two scripts can be two entities: both are kept, the closest first', () => {
	const latin = entity('other:sorbin-ak', ['Sorbin Ak'], 1);
	const thai = entity('person:sorbin-ak', ['ซอร์บิน อัก'], 4);
	assert.deepEqual(
		namedEntities(finder([thai, latin]), 'sorbin ak').map((e) => e.id),
		['other:sorbin-ak', 'person:sorbin-ak'],
	);
	// Every word must meet a word of the name.
	assert.deepEqual(namedEntities(finder([thai, latin]), 'sorbin ok'), []);
});

test('an acronym never stands for a name with vowels, and filters are no part of the name', () => {
	assert.deepEqual(namedEntities(finder([entity('org:tln', ['ทลน.'])]), 'talen'), []);
	assert.deepEqual(
		namedEntities(finder([entity('person:talen', ['ทาเลน'])]), 'talen date:2024').map((e) => e.id),
		['person:talen'],
	);
	assert.deepEqual(namedEntities(undefined, 'talen'), []);
});

test('a Latin spelling meets a Thai name by its loose romanisation, where the consonant keys differ', () => {
	const person = entity('person:phaisan-rakdi', ['ไพศาล รักดี', 'ไพศาล']);
	assert.deepEqual(
		namedEntities(finder([person]), 'phaisan').map((e) => e.id),
		['person:phaisan-rakdi'],
	);
	assert.deepEqual(namedEntities(finder([person]), 'phaisun kong'), []);
});

test('a Chinese name in Pinyin names its Thai spelling, short syllables and y / w before i / u too', () => {
	const right = entity('person:chen-yi', ['เฉิน อี้'], 3);
	const wu = entity('person:liu-wu', ['หลิว อู๋'], 2);
	assert.deepEqual(
		namedEntities(finder([right, wu]), 'chen yi').map((e) => e.id),
		['person:chen-yi'],
	);
	assert.deepEqual(
		namedEntities(finder([right, wu]), 'liu wu').map((e) => e.id),
		['person:liu-wu'],
	);
	// Twins: another short syllable does not meet it, nor does yi meet a longer word.
	assert.deepEqual(namedEntities(finder([right]), 'chen ye'), []);
	assert.deepEqual(namedEntities(finder([entity('person:chen-yingchai', ['เฉิน อิ่งชัย'])]), 'chen yi'), []);
});
