// The names metadata is written under, for every reader and writer of it.

/** The date of the translation, as Hugo templates read it. */
export const TIME_KEY = "last_translation_time";
/** The misspelling Mastodon's pages carry; read, flagged, and stamped like the right one. */
export const MISSPELLED_TIME_KEY = "last_tranlation_time";
/** Both, the right one first: a writer updates each the page has. */
export const TIME_KEYS = [TIME_KEY, MISSPELLED_TIME_KEY] as const;
/** OpenTelemetry's record of a page's drift (`true`, or `file not found`), kept beside the
 * commit; its own scripts remove it once the page is in sync. */
export const DRIFT_KEY = "drifted_from_default";
