// Ink loads react-devtools-core only when DEV=true. The bundle points that import here so that
// the published package neither needs nor ships the devtools.
const devtools = {initialize() {}, connectToDevTools() {}};
export default devtools;
