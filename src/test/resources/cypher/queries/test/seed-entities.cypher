// Seeds the worked example of graph-model/README.md (as an importer would write it: the Entity label, provenance
// on every node and relationship, datetimes in UTC), plus more stripe-named entities for search and
// paging, and person:ana, a member of team:payments.
// params: (none)
// returns: nothing
WITH {sources: ['payments-inventory'], source_runs: ['payments-inventory@run-1'],
      first_seen: datetime('2026-11-01T08:30:00Z'), last_changed: datetime('2026-11-20T12:00:00Z'),
      last_run: 'run-1'} AS p
CREATE (sa:Entity:Identity {id: 'id:stripe-sa', name: 'stripe service account', kind: 'service_account',
                            status: 'active', tags: ['protected']})
CREATE (key:Entity:Credential {id: 'cred:stripe-key', name: 'Stripe API key', kind: 'api_token',
                               status: 'active', created_at: datetime('2026-01-04T09:00:00Z'),
                               last_used_at: datetime('2026-11-20T12:00:00Z')})
CREATE (hook:Entity:Credential {id: 'cred:stripe-webhook-secret', name: 'Stripe webhook signing secret',
                                kind: 'secret', status: 'active'})
CREATE (checkout:Entity:Workload {id: 'wl:checkout', name: 'checkout', kind: 'service',
                                  criticality: 'critical', environment: 'prod', status: 'active'})
CREATE (refunds:Entity:Workload {id: 'wl:refunds', name: 'refunds', kind: 'service',
                                 criticality: 'high', environment: 'prod', status: 'active'})
CREATE (storefront:Entity:Workload {id: 'wl:storefront', name: 'storefront', kind: 'service',
                                    criticality: 'high', environment: 'prod', status: 'active'})
CREATE (reports:Entity:Workload {id: 'wl:reports', name: 'reports', kind: 'job',
                                 criticality: 'low', environment: 'dev', status: 'active'})
CREATE (webhooks:Entity:Workload {id: 'wl:stripe-webhooks', name: 'stripe webhooks', kind: 'service',
                                  environment: 'prod', status: 'active'})
CREATE (payments:Entity:Owner {id: 'team:payments', name: 'Payments', kind: 'team',
                               oncall: 'payments-oncall'})
CREATE (web:Entity:Owner {id: 'team:web', name: 'Web', kind: 'team'})
CREATE (ana:Entity:Owner {id: 'person:ana', name: 'Ana', kind: 'person', email: 'ana@example.com'})
SET sa += p, key += p, hook += p, checkout += p, refunds += p, storefront += p, reports += p,
    webhooks += p, payments += p, web += p, ana += p
CREATE (key)-[r1:AUTHENTICATES_AS]->(sa)
CREATE (checkout)-[r2:USES]->(key)
CREATE (refunds)-[r3:USES]->(key)
CREATE (storefront)-[r4:DEPENDS_ON]->(checkout)
CREATE (reports)-[r5:DEPENDS_ON]->(storefront)
CREATE (webhooks)-[r6:USES]->(hook)
CREATE (payments)-[r7:OWNS]->(checkout)
CREATE (payments)-[r8:OWNS]->(refunds)
CREATE (payments)-[r9:OWNS]->(key)
CREATE (web)-[r10:OWNS]->(storefront)
CREATE (ana)-[r11:MEMBER_OF]->(payments)
SET r1 = p, r2 = p, r3 = p, r4 = p, r5 = p, r6 = p, r7 = p, r8 = p, r9 = p, r10 = p, r11 = p
