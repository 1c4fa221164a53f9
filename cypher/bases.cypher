// title: Bases of an actor and where they are
// description: Facilities the given actor operates (OPERATES) and the place each lies in
// description: (LOCATED_IN); bases whose location is unknown are not listed.
// param name: canonical name of the operating actor (example: United States)
MATCH (x:Entity {name: $name})-[o:OPERATES]->(f:Entity)-[l:LOCATED_IN]->(place:Entity)
WHERE o.negated = false AND l.negated = false AND place.name <> x.name
RETURN f.name AS base, place.name AS located_in, o.mentions AS mentions
ORDER BY base ASC, located_in ASC
