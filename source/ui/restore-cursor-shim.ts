// Ink's cli-cursor asks restore-cursor to write "show the cursor" to stderr when the process ends.
// With `2>log` that escape lands in the log file. khao shows the cursor itself, on the terminal
// and only there, on every way out (terminal.ts), so the bundle points restore-cursor here.
export default function restoreCursor(): void {}
