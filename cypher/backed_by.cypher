// title: Whom an actor backs
// description: Actors the given actor backs (its clients and proxies), most-mentioned first.
// param name: canonical name of the backing actor (example: Iran)
MATCH (x:Entity {name: $name})-[r:BACKS]->(c:Entity)
WHERE r.negated = false
RETURN c.name AS client, c.type AS client_type, r.mentions AS mentions,
       r.confidence AS confidence, r.first_date AS first_date, r.last_date AS last_date
ORDER BY mentions DESC, client ASC
