// Sizes in bytes as people write and read them (limits in messages, KHAO_MAX_INPUT_SIZE).

const UNITS: Record<string, number> = {'': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4};

/** A size such as `512M`, `2G`, `1.5g`, `100000` (bytes); undefined when it is not one. */
export function parseSize(text: string): number | undefined {
	const m = /^\s*(\d{1,15}(?:\.\d{1,6})?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(text);
	if (!m) return undefined;
	const bytes = Math.floor(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!);
	return bytes > 0 ? bytes : undefined;
}

/** A size for messages: `1 GiB`, `512 MiB`, `300 KiB`, `12 bytes`. */
export function formatSize(bytes: number): string {
	for (const [unit, size] of [
		['GiB', 1024 ** 3],
		['MiB', 1024 ** 2],
		['KiB', 1024],
	] as const) {
		if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
	}
	return `${bytes} bytes`;
}
