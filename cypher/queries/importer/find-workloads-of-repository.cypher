// The workloads whose code lives in one repository (their repository property, which the Backstage
// and Kubernetes importers record), with the folder inside it: the CODEOWNERS importer gives each the
// owners of its folder.
// params: repository (normalised: github.com/org/name)
// returns: id, path (the folder, or null for the repository's root)
MATCH (w:Workload)
WHERE w.repository = $repository
RETURN w.id AS id, w.repository_path AS path
ORDER BY id
