// Names in the order `localeCompare` gives them (the default locale's collation), by one collator
// made once: `localeCompare` makes its own each call, which a sort of thousands of names felt.
const collator = new Intl.Collator();

export const compareNames = (a: string, b: string): number => collator.compare(a, b);

/** Strings in code-unit order (what a binary search over prefixes needs; the same on every machine). */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
