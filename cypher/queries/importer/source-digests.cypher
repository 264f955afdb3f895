// What a source asserted, entity by entity, as its last run left it: each id with the digest of what
// the source stated about it (io.blastgate.importer.ContentHash; null for an entity written before
// digests were kept, which therefore counts as changed).
// params: source
// returns: id, digest
MATCH (n:Entity)
WHERE $source IN n.sources
RETURN n.id AS id,
       [h IN coalesce(n.source_hashes, []) WHERE h STARTS WITH $source + '@' | substring(h, size($source) + 1)][0]
         AS digest
