// What the gate's tests add to the seeded worked example: its source as synced an hour ago (fresh
// facts), people of the teams that would break (person:ana of payments is in the seed already), and
// a service account with nothing downstream (sa:bot).
// params: (none)
// returns: nothing
MERGE (s:Source {name: 'payments-inventory'})
SET s.last_synced = datetime() - duration('PT1H')
WITH 1 AS one
MATCH (web:Owner {id: 'team:web'}), (pay:Owner {id: 'team:payments'})
CREATE (:Entity:Owner {id: 'person:bo', name: 'Bo', kind: 'person', sources: ['payments-inventory']})-[:MEMBER_OF]->(web)
CREATE (:Entity:Owner {id: 'person:cy', name: 'Cy', kind: 'person', sources: ['payments-inventory']})-[:MEMBER_OF]->(pay)
CREATE (:Entity:Owner {id: 'person:di', name: 'Di', kind: 'person', sources: ['payments-inventory']})-[:MEMBER_OF]->(web)
CREATE (:Entity:Identity {id: 'sa:bot', name: 'bot', kind: 'service_account', status: 'active',
                          sources: ['payments-inventory']})
