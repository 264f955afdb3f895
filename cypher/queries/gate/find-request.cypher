// One action request by its id.
// params: id
// returns: at most one row: request (map of its properties)
MATCH (r:ActionRequest {id: $id})
RETURN properties(r) AS request
