// ink imports react-devtools-core only for its optional DEV=true devtools bridge; the release bundle ships without it.
export default {initialize() {}, connectToDevTools() {}};
