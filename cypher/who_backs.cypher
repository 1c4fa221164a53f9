// title: Who backs an actor
// description: Actors that back (support, arm, fund, train, shelter) the given actor,
// description: most-mentioned first, with the span of dates the evidence covers.
// param name: canonical name of the backed actor (example: Hezbollah)
MATCH (b:Entity)-[r:BACKS]->(x:Entity {name: $name})
WHERE r.negated = false
RETURN b.name AS backer, b.type AS backer_type, r.mentions AS mentions,
       r.confidence AS confidence, r.first_date AS first_date, r.last_date AS last_date
ORDER BY mentions DESC, backer ASC
