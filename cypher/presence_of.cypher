// title: Where an actor controls territory or is deployed
// description: Places the given actor controls (CONTROLS), has forces in (DEPLOYED_IN) or runs
// description: (OPERATES).
// param name: canonical name of the actor (example: United States)
MATCH (x:Entity {name: $name})-[r:CONTROLS|DEPLOYED_IN|OPERATES]->(p:Entity)
WHERE r.negated = false
RETURN p.name AS place, p.type AS place_type, type(r) AS relation,
       r.mentions AS mentions, r.last_date AS last_date
ORDER BY place ASC, relation ASC
