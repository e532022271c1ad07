import type {TextProps} from 'ink';
import type {BlockKind} from '../corpus/types.js';

// Colours say what a thing is; under NO_COLOR the same distinctions are made with bold, underline
// and inverse video, which the NO_COLOR convention leaves alone.

/** `entity-focus`: every mention of the focused entity; `entity-current`: the one the user is on. */
export type Tag = 'match' | 'match-current' | 'person' | 'organization' | 'place' | 'other' | 'entity-focus' | 'entity-current';

export interface Theme {
	noColor: boolean;
	block(kind: BlockKind): TextProps;
	tag(tag: Tag): TextProps;
	accent: TextProps;
	dim: TextProps;
	bar: TextProps;
}

export function makeTheme(noColor: boolean): Theme {
	const blockStyles: Record<BlockKind, TextProps> = noColor
		? {title: {bold: true}, heading: {bold: true}, meta: {dimColor: true}, para: {}, quote: {italic: true}, item: {}, code: {}, rule: {dimColor: true}}
		: {
				title: {bold: true, color: 'cyanBright'},
				heading: {bold: true, color: 'cyan'},
				meta: {color: 'gray'},
				para: {},
				quote: {italic: true, color: 'white'},
				item: {},
				code: {color: 'yellow'},
				rule: {color: 'gray'},
			};
	const tagStyles: Record<Tag, TextProps> = noColor
		? {
				match: {inverse: true},
				'match-current': {inverse: true, bold: true},
				person: {underline: true},
				organization: {underline: true},
				place: {underline: true},
				other: {underline: true},
				'entity-focus': {bold: true, underline: true},
				'entity-current': {bold: true, underline: true, inverse: true},
			}
		: {
				match: {backgroundColor: 'yellow', color: 'black'},
				'match-current': {backgroundColor: 'yellowBright', color: 'black', bold: true},
				person: {color: 'cyan'},
				organization: {color: 'magenta'},
				place: {color: 'green'},
				other: {color: 'blue'},
				'entity-focus': {backgroundColor: 'blue', color: 'whiteBright', bold: true},
				'entity-current': {backgroundColor: 'cyanBright', color: 'black', bold: true},
			};
	return {
		noColor,
		block: (kind) => blockStyles[kind],
		tag: (tag) => tagStyles[tag],
		accent: noColor ? {bold: true} : {color: 'cyan', bold: true},
		dim: noColor ? {dimColor: true} : {color: 'gray'},
		bar: noColor ? {inverse: true} : {backgroundColor: 'blue', color: 'whiteBright'},
	};
}
