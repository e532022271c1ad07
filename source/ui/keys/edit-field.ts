import type {EditCommand} from '../keymap.js';

/**
 * A text field's value after one editing key; undefined when the key changes nothing. Typed or
 * pasted text loses its control characters, so nothing unsafe ends up in a query.
 */
export function editField(value: string, command: EditCommand, input: string): string | undefined {
	switch (command) {
		case 'erase':
			return value === '' ? undefined : [...value].slice(0, -1).join('');
		case 'eraseAll':
			return value === '' ? undefined : '';
		case 'eraseWord':
			return value === '' ? undefined : value.replace(/\S+\s*$/u, '');
		case 'type': {
			const clean = input.replace(/[\u0000-\u001F\u007F-\u009F]/g, '');
			return clean ? value + clean : undefined;
		}
	}
}
