// A second khao for the concurrent-writers test: visits `count` articles named `prefix`-N, saving
// after each, as a reader scrolling through many articles would.
import {ReadingState} from '../../source/app/session-state.js';

const [file, prefix, count] = process.argv.slice(2) as [string, string, string];
const state = ReadingState.open(file);
for (let i = 0; i < Number(count); i++) {
	state.visit(`${prefix}-${String(i).padStart(4, '0')}`, `${prefix}.txt`, {offset: i, rank: -1}, Date.now());
	const problem = state.save();
	if (problem) {
		process.stderr.write(problem + '\n');
		process.exit(1);
	}
}
