// title: Bases of an actor and where they are
// description: Facilities the given actor operates (OPERATES) and the place each lies in
// description: (LOCATED_IN), then the bases whose location the texts do not give, with an
// description: empty located_in.
// param name: canonical name of the operating actor (example: United States)
// fallback: located_in
MATCH (x:Entity {name: $name})-[o:OPERATES]->(f:Entity)-[l:LOCATED_IN]->(place:Entity)
WHERE o.negated = false AND l.negated = false AND place.name <> x.name
RETURN f.name AS base, place.name AS located_in, o.mentions AS mentions
ORDER BY base ASC, located_in ASC
UNION ALL
MATCH (x:Entity {name: $name})-[o:OPERATES]->(f:Entity)
WHERE o.negated = false
RETURN f.name AS base, f.located_in AS located_in, o.mentions AS mentions
ORDER BY base ASC
