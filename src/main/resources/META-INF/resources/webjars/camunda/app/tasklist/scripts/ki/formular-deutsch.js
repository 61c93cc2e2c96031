// Tasklist additions (formular-deutsch); loaded through config.js customScripts.
export default [];
