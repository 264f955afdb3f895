// After writes (an import, test data): waits until the search index (eventually consistent, V003) holds every change
// committed so far, so that what the import wrote can be found once it has answered.
// params: (none)
// returns: no rows
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
