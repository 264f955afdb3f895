// Everything a decision reads, in one statement and so one round trip, when the blastgate plugin
// is installed: the publication mark (graph/read-publication.cypher), the target's facts with the
// policy in force (exactly the columns of gate/target-facts.cypher, as one map), the whole blast
// radius (the plugin's procedure, as blastradius/blast-radius.cypher calls it), and the mark again.
// The radius's rows are collected before the mark is read the second time, so a publication that
// committed while the procedure walked shows as seq_after <> seq_before and the read is done again
// (io.blastgate.graph.PublishedReads). Without the plugin, a decision reads those files one by one.
// params: id, maxHops
// returns: one row: seq_before, writer, source (the mark first), facts (null if no identity,
//          credential or workload has the id; else a map of target-facts.cypher's columns), radius
//          (the rows of blast-radius.cypher, in order, each a map of its columns), seq_after
OPTIONAL MATCH (m:Publication {name: 'graph'})
WITH coalesce(m.seq, 0) AS seq_before, m.writer AS writer, m.source AS source
CALL () {
  OPTIONAL MATCH (t:Entity {id: $id})
  WHERE t:Identity OR t:Credential OR t:Workload
  OPTIONAL MATCH (t:Credential)-[:AUTHENTICATES_AS]->(i:Identity)
  OPTIONAL MATCH (p:GatePolicy {name: 'current'})
  RETURN CASE WHEN t IS NULL THEN null ELSE {
           id: t.id,
           label: [l IN labels(t) WHERE l IN ['Identity', 'Credential', 'Workload']][0],
           kind: t.kind,
           tags: coalesce(t.tags, []),
           identity_id: i.id,
           identity_kind: i.kind,
           identity_tags: coalesce(i.tags, []),
           containment: t.containment,
           contained_by: t.contained_by,
           contained_at: t.contained_at,
           contained_until: t.contained_until,
           policy_version: p.version,
           policy_changed_at: p.changed_at} END AS facts
  LIMIT 1
}
CALL blastgate.blastRadius($id, $maxHops) YIELD ids, names, parents, codes, words, owners, answer
WITH seq_before, writer, source, facts,
     collect({ids: ids, names: names, parents: parents, codes: codes, words: words, owners: owners,
              answer: answer}) AS radius
OPTIONAL MATCH (m2:Publication {name: 'graph'})
RETURN seq_before, writer, source, facts, radius, coalesce(m2.seq, 0) AS seq_after
