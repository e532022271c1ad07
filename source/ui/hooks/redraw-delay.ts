// When a background redraw (indexing progress, entities ready) may happen while the user types.
// Ink draws the whole frame (20-30 ms of CPU for a Thai screen) and draws at most once per 34 ms
// (its 30 fps throttle): a key that arrives during or just after a background frame waits for both.
// Four background frames a second made that likely for one key in ten typed; while keys come, the
// background waits for a pause instead (or for the longest it may wait, so the status bar still moves).

/** A pause this long after a key lets a waiting background redraw through. */
export const QUIET_MS = 400;
/** A background change waits at most this long for a pause in the typing. */
export const LONGEST_WAIT_MS = 2_000;

/**
 * Ms to wait before redrawing a background change that has waited since `pendingSince` (the
 * throttle's own wait already over), the last key having come at `lastKey`: 0 to redraw now.
 */
export function redrawDelay(now: number, lastKey: number, pendingSince: number, quietMs = QUIET_MS, longestMs = LONGEST_WAIT_MS): number {
	const quietAt = lastKey + quietMs;
	const latest = pendingSince + longestMs;
	if (now >= quietAt || now >= latest) return 0;
	return Math.min(quietAt, latest) - now;
}
