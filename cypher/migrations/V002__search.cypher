// V002: search by name or id. A full-text index (case-insensitive, ranked) over the model's labels,
// so that "stripe key" finds "Stripe API key". Safe to apply again.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Identity|Credential|Workload|Owner) ON EACH [n.name, n.id];
