// Thai short forms (issue 7, "Short forms"): over real articles, the `ชื่อเต็ม (ย่อ.)` definitions
// detection reads, and how many mentions written as a Thai short form (ทช., ก.ล.ต.) the index puts
// in one entity with a full name: in all, and of those used alone (not in a definition's bracket).
// Also the bodies named after a minister's title (รมว.คลัง, รมว.กห.): how many are in one entity with
// a ministry's full name (กระทรวง…).
// Run: node --import tsx bench/short-forms.ts [path] [--list] (--list prints each definition read,
// short form | name and how often, for a person to check).
import {parseArgs} from 'node:util';
import {loadJsonlArticles} from './entities.js';
import {thaigov2k} from './data.js';
import {buildEntityIndex} from '../source/entities/builder.js';
import {detectMentions} from '../source/entities/find-mentions.js';

const {values, positionals} = parseArgs({allowPositionals: true, options: {list: {type: 'boolean', default: false}}});
const articles = loadJsonlArticles(positionals[0] ?? thaigov2k);
const SHORT = /^(?:[ก-ฮ]{1,5}\.)+[ก-ฮ]{0,4}$|^[ก-ฮ]{2,5}$/;
/** A minister's title written short, the ministry's name after it (รมว.คลัง, รมว.กห.). */
const MINISTER = /รมว\.\s?$/;

const definitions = new Map<string, number>();
/** Per name after รมว.: how often, and how often in an entity with a ministry's full name. */
const ministries = new Map<string, [number, number]>();
let shortMentions = 0;
for (const article of articles) {
	const mentions = detectMentions(article);
	for (const m of mentions) {
		if (!SHORT.test(m.text)) continue;
		shortMentions++;
		if (m.rule !== 'definition') continue;
		const full = mentions.find((o) => o.group === m.group && !SHORT.test(o.text));
		if (full === undefined) continue;
		const pair = `${m.text} | ${full.text}`;
		definitions.set(pair, (definitions.get(pair) ?? 0) + 1);
	}
}
const read = [...definitions.values()].reduce((a, b) => a + b, 0);
console.log(`${articles.length} articles; definitions of a Thai short form read: ${read} (${definitions.size} distinct pairs)`);
if (values.list) for (const [pair, n] of [...definitions].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${n}\t${pair}`);

const index = buildEntityIndex(articles);
const textOf = new Map(articles.map((a) => [a.id, a.text]));
let linked = 0;
let alone = 0;
let aloneLinked = 0;
let ministerial = 0;
let ministerialLinked = 0;
for (const e of index.all()) {
	const withFull = e.aliases.some((a) => !SHORT.test(a) && /[ก-ฮ]/.test(a) && a.length > 5);
	const withMinistry = e.aliases.some((a) => a.startsWith('กระทรวง'));
	for (const m of index.mentionsOf(e.id)) {
		const text = textOf.get(m.articleId)!;
		if (MINISTER.test(text.slice(Math.max(0, m.start - 5), m.start)) && !m.text.startsWith('กระทรวง')) {
			ministerial++;
			if (withMinistry) ministerialLinked++;
			const counts = ministries.get(m.text) ?? [0, 0];
			counts[0]++;
			if (withMinistry) counts[1]++;
			ministries.set(m.text, counts);
		}
		if (!SHORT.test(m.text)) continue;
		const bracketed = text[m.start - 1] === '(' && text[m.end] === ')';
		if (withFull) linked++;
		if (!bracketed) {
			alone++;
			if (withFull) aloneLinked++;
		}
	}
}
console.log(`Thai short-form mentions: ${shortMentions} detected; ${linked} in an entity with a full name`);
console.log(`  used alone (not in brackets), listed: ${alone}; ${aloneLinked} in an entity with a full name`);
console.log(`bodies right after รมว., listed: ${ministerial}; ${ministerialLinked} in an entity with a ministry's full name`);
if (values.list) for (const [name, [n, k]] of [...ministries].sort((a, b) => b[1][0] - a[1][0])) console.log(`  ${name}\t${k} of ${n}`);
