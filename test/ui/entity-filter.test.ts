// The entity panel's filter ranks by relevance. Names are made up.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Entity, EntityKind} from '../../source/entities/index.js';
import {kindOfHead, rankEntities} from '../../source/ui/entity-filter.js';

function entity(name: string, kind: EntityKind, mentionCount: number, aliases: string[] = []): Entity {
	return {id: `${kind}:${name}`, name, kind, aliases: [name, ...aliases], mentionCount, articleCount: 1};
}

const list = [
	entity('สมชาย กระทรวงดี', 'person', 90),
	entity('กระทรวงการท่องเที่ยวและกีฬา', 'organization', 5),
	entity('กระทรวงพาณิชย์', 'organization', 12),
	entity('ศูนย์ข้อมูลกระทรวง', 'organization', 40),
	entity('จังหวัดน่าน', 'place', 3, ['น่าน']),
	entity('น่านฟ้า', 'other', 30),
];

test("names starting with the filter come before names merely holding it; the head word's kind first", () => {
	assert.deepEqual(
		rankEntities(list, 'กระทรวง').map((e) => e.name),
		['กระทรวงพาณิชย์', 'กระทรวงการท่องเที่ยวและกีฬา', 'ศูนย์ข้อมูลกระทรวง', 'สมชาย กระทรวงดี'],
	);
	assert.equal(kindOfHead('กระทรวง'), 'organization');
	assert.equal(kindOfHead('จังหวัดน่าน'), 'place');
});

test('a name that is the filter comes first, whatever the mentions', () => {
	assert.deepEqual(
		rankEntities(list, 'น่าน').map((e) => e.name),
		['จังหวัดน่าน', 'น่านฟ้า'],
	);
});

test('no filter: by kind, then mentions', () => {
	assert.deepEqual(
		rankEntities(list, '').map((e) => e.kind),
		['person', 'organization', 'organization', 'organization', 'place', 'other'],
	);
});

test('a Latin filter also finds the Thai names it spells, after the names that hold it', () => {
	const people = [entity('ไพศาล รักดี', 'person', 2), entity('Phaisan Co', 'organization', 1)];
	assert.deepEqual(
		rankEntities(people, 'phaisan').map((e) => e.name),
		['Phaisan Co', 'ไพศาล รักดี'],
	);
	// After a name holding it anywhere, even one mentioned less.
	const more = [entity('ไพศาล รักดี', 'person', 50), entity('Saphaisan Hotel', 'organization', 1)];
	assert.deepEqual(
		rankEntities(more, 'phaisan').map((e) => e.name),
		['Saphaisan Hotel', 'ไพศาล รักดี'],
	);
});

test('a word of the name starting with the filter ranks above the filter inside a word, for a filter of two words too', () => {
	const names = [entity('ศรีสมชาย ดีงาม', 'person', 50), entity('ทองดี สมชาย', 'person', 1)];
	assert.deepEqual(
		rankEntities(names, 'สมชาย').map((e) => e.name),
		['ทองดี สมชาย', 'ศรีสมชาย ดีงาม'],
	);
	const two = [entity('ทองดี สมชายา', 'person', 50), entity('นาย ดี สมชาย', 'person', 1)];
	assert.deepEqual(
		rankEntities(two, 'ดี สมชาย').map((e) => e.name),
		['นาย ดี สมชาย', 'ทองดี สมชายา'],
	);
});
