// Tasklist additions (entwuerfe); loaded through config.js customScripts.
export default [];
