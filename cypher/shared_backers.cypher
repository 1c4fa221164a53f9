// title: Actors sharing a backer with an actor
// description: Other clients of the given actor's backers: who else the same patron supports,
// description: a hint of alignment even where no alliance is stated.
// param name: canonical name of the backed actor (example: Hezbollah)
MATCH (x:Entity {name: $name})<-[r1:BACKS]-(backer:Entity)-[r2:BACKS]->(other:Entity)
WHERE r1.negated = false AND r2.negated = false AND other.name <> x.name
RETURN other.name AS actor, other.type AS actor_type, backer.name AS shared_backer,
       r2.mentions AS mentions
ORDER BY actor ASC, shared_backer ASC
