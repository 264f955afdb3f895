// When each import source that asserts something in an answer last synced, so that an answer built
// on stale facts can be noticed.
// params: names (the sources that assert an entity the answer names)
// returns: one row per source: source, last_synced
MATCH (s:Source)
WHERE s.name IN $names
RETURN s.name AS source, s.last_synced AS last_synced
ORDER BY source
