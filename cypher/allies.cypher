// title: Allies of an actor
// description: Actors named as allies or partners of the given actor (ALLIED_WITH, which has
// description: no direction, so both stored orientations are searched).
// param name: canonical name of the actor (example: Syria)
MATCH (x:Entity {name: $name})-[r:ALLIED_WITH]->(a:Entity)
WHERE r.negated = false
RETURN a.name AS ally, a.type AS ally_type, r.mentions AS mentions,
       r.first_date AS first_date, r.last_date AS last_date
ORDER BY mentions DESC, ally ASC
UNION
MATCH (a:Entity)-[r:ALLIED_WITH]->(x:Entity {name: $name})
WHERE r.negated = false
RETURN a.name AS ally, a.type AS ally_type, r.mentions AS mentions,
       r.first_date AS first_date, r.last_date AS last_date
ORDER BY mentions DESC, ally ASC
