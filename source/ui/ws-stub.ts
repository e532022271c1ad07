// Ink's devtools window polyfill imports `ws`; the devtools are never loaded in the published
// bundle, so the bundle points `ws` here instead of carrying a WebSocket library.
export default class WebSocketStub {}
