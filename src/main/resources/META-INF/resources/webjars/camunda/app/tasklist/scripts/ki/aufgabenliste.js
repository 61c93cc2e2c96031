// Tasklist additions (aufgabenliste); loaded through config.js customScripts.
export default [];
