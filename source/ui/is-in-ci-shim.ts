// Ink stops drawing frames when it thinks it runs in CI (the CI variable is set), printing only
// the last one at exit. khao starts Ink only on a real terminal (otherwise it prints), so a
// person whose shell happens to export CI=true must still see the reader: the bundle points
// Ink's `is-in-ci` here.
const isInCi = false;
export default isInCi;
