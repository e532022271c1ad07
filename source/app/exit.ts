// Exit codes in a module of their own: the reader (loaded lazily by run.ts) returns them too, and
// importing them from run.ts made the two modules import each other.

/** Exit codes, as the README documents them. */
export const EXIT = {ok: 0, unreadable: 1, usage: 2, crash: 70} as const;
