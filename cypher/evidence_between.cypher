// title: Evidence between two actors
// description: Every relation between the two actors, in both directions, with each
// description: supporting sentence and its document, date and source (parallel lists).
// param a: canonical name of the first actor (example: United States)
// param b: canonical name of the second actor (example: Kataib Hezbollah)
MATCH (x:Entity {name: $a})-[r]->(y:Entity {name: $b})
WHERE r.negated = false
RETURN x.name AS subject, type(r) AS relation, y.name AS object, r.mentions AS mentions,
       r.sentences AS sentences, r.docs AS docs, r.dates AS dates,
       r.attributed_to AS attributed_to
ORDER BY relation ASC
UNION ALL
MATCH (y:Entity {name: $b})-[r]->(x:Entity {name: $a})
WHERE r.negated = false
RETURN y.name AS subject, type(r) AS relation, x.name AS object, r.mentions AS mentions,
       r.sentences AS sentences, r.docs AS docs, r.dates AS dates,
       r.attributed_to AS attributed_to
ORDER BY relation ASC
