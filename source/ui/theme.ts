import type {TextProps} from 'ink';
import {STYLE, type BlockKind} from '../corpus/types.js';

// Colours say what a thing is; under NO_COLOR the same distinctions are made with bold, underline
// and inverse video, which the NO_COLOR convention leaves alone.

/** `entity-focus`: every mention of the focused entity; `entity-current`: the one the user is on. */
export type Tag = 'match' | 'match-current' | 'person' | 'organization' | 'place' | 'other' | 'entity-focus' | 'entity-current';

export interface Theme {
	noColor: boolean;
	block(kind: BlockKind): TextProps;
	tag(tag: Tag): TextProps;
	/** Inline Markdown styles (STYLE bits); under NO_COLOR bold, italic, underline and dim stay. */
	inline(style: number): TextProps;
	accent: TextProps;
	dim: TextProps;
	bar: TextProps;
}

export function makeTheme(noColor: boolean): Theme {
	const blockStyles: Record<BlockKind, TextProps> = noColor
		? {title: {bold: true}, heading: {bold: true}, meta: {dimColor: true}, para: {}, quote: {italic: true}, item: {}, code: {}, rule: {dimColor: true}, table: {}}
		: {
				title: {bold: true, color: 'cyanBright'},
				heading: {bold: true, color: 'cyan'},
				meta: {color: 'gray'},
				para: {},
				quote: {italic: true, color: 'white'},
				item: {},
				code: {color: 'yellow'},
				rule: {color: 'gray'},
				table: {},
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
	// Made once per combination of bits: a frame asks for the same few many times.
	const inlineStyles = new Map<number, TextProps>();
	const inline = (style: number): TextProps => {
		let props = inlineStyles.get(style);
		if (props) return props;
		props = {
			...(style & STYLE.bold ? {bold: true} : {}),
			...(style & STYLE.italic ? {italic: true} : {}),
			...(style & STYLE.strike ? {strikethrough: true} : {}),
			...(style & STYLE.link ? {underline: true} : {}),
			...(style & STYLE.code ? (noColor ? {inverse: true} : {color: 'yellow'}) : {}),
			...(style & STYLE.url ? (noColor ? {dimColor: true} : {color: 'gray'}) : {}),
		};
		inlineStyles.set(style, props);
		return props;
	};
	return {
		noColor,
		inline,
		block: (kind) => blockStyles[kind],
		tag: (tag) => tagStyles[tag],
		accent: noColor ? {bold: true} : {color: 'cyan', bold: true},
		dim: noColor ? {dimColor: true} : {color: 'gray'},
		bar: noColor ? {inverse: true} : {backgroundColor: 'blue', color: 'whiteBright'},
	};
}
