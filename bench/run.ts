// `npm run bench`: every benchmark, one table each, in the order the README shows them.
// Needs dist/cli.js (npm run build) for the first-screen timings; takes a few minutes.
import {printTable} from './table.js';
import {benchFirstScreen} from './first-screen.js';
import {benchScroll} from './scroll.js';
import {benchWrap, printWrapTable} from './wrap.js';
import {benchBreakQuality, printQualityTable} from './break-quality.js';
import {benchCorpus, formatRows} from './corpus-load.js';
import {runSearchBench, printSearchBench} from './search.js';
import {runEntityBench, formatEntityBench} from './entities.js';
import {runNerBench, formatNerTable} from './ner.js';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

if (want('reader')) {
	console.log('\n## Reader: first screen, memory, scrolling\n');
	printTable([...(await benchFirstScreen()), ...(await benchScroll())]);
}
if (want('wrap')) {
	console.log('\n## Thai wrapping\n');
	printWrapTable(await benchWrap());
	console.log('\n## Thai wrapping: where lines break\n');
	printQualityTable(await benchBreakQuality());
}
if (want('corpus')) {
	console.log('\n## Corpus loading\n');
	console.log(formatRows(await benchCorpus()));
}
if (want('search')) {
	console.log('\n## Search\n');
	printSearchBench(await runSearchBench());
}
if (want('relevance')) {
	console.log('\n## Search relevance (thaigov-2k, bench/search-relevance.json)\n');
	const {runRelevanceBench, relevanceRows} = await import('./search-relevance.js');
	printTable(relevanceRows(await runRelevanceBench()));
}
if (want('entities')) {
	console.log('\n## Entities: speed\n');
	console.log(formatEntityBench(runEntityBench()));
	console.log('\n## Entities: quality on Thai NER 1.5 (val)\n');
	console.log(formatNerTable(runNerBench()));
}
