// Named entities: find mentions in an article, link them across the corpus, look them up.
export type {Entity, EntityKind, LinkedMention, Mention, MentionPosition} from './types.js';
export {ENTITY_KINDS} from './types.js';
export {findMentions} from './find-mentions.js';
export {taggerWarning} from './model/load.js';
export {EntityIndexBuilder, buildEntityIndex, type EntityIndexOptions} from './builder.js';
export {EntityIndex, type Direction} from './entity-index.js';
export {EntityCorrectionsError, correctionsWarnings, loadEntityCorrections, parseEntityCorrections, type EntityCorrections} from './corrections.js';
export {matchesName, nameMatcher, warmRomanKeys} from './name-search.js';
