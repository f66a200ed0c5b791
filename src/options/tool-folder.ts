/** The name of the tool's own folder in the user's cache and state folders, and the start of
 * its temporary folders' names. A module of its own: the dashboard's bundle needs it and nothing
 * else of the options. */
export const TOOL_FOLDER = "translation-status";
