// title: Who controls or is deployed in a place
// description: Actors that control (CONTROLS), have forces in (DEPLOYED_IN) or run a facility
// description: at (OPERATES) the given place.
// param place: canonical name of the place, facility or country (example: Al-Tanf base)
MATCH (a:Entity)-[r:CONTROLS|DEPLOYED_IN|OPERATES]->(p:Entity {name: $place})
WHERE r.negated = false
RETURN a.name AS actor, a.type AS actor_type, type(r) AS relation,
       r.mentions AS mentions, r.last_date AS last_date
ORDER BY actor ASC, relation ASC
