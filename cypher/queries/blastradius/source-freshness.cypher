// When each import source last synced, so that an answer built on stale facts can be noticed.
// params: (none)
// returns: one row per source: source, last_synced
MATCH (s:Source)
RETURN s.name AS source, s.last_synced AS last_synced
ORDER BY source
