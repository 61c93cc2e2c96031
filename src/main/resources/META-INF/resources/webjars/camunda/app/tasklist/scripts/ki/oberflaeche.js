// Tasklist additions (oberflaeche); loaded through config.js customScripts.
export default [];
