// The reader's state: one value (types.ts), one reducer (reduce.ts), and what is derived from them
// and the environment (env.ts). Components read these; only the reducer makes a new state.
export * from './types.js';
export * from './env.js';
export {reduce, readerCommand} from './reduce.js';
export {contextOf, maxTop, type Context} from './moves.js';
export {entityList, searchRowCount} from './panels.js';
