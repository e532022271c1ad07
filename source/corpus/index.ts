// The corpus layer's public face: from a path (or stdin) to Article objects.
export type {Article, ArticleDate, ArticleFormat, Block, BlockKind, CorpusWarning, Span, WarningKind} from './types.js';
export {CorpusError} from './errors.js';
export {openCorpus, loadCorpus, READY_ARTICLES, type CorpusLoad, type OpenOptions} from './load.js';
export {findDate, parseDate} from './date.js';
export {parseText} from './parse-text.js';
export {parseMarkdown} from './parse-markdown.js';
export {decodeBytes} from './decode.js';
export {CORRECTIONS_FILE} from './discover.js';
