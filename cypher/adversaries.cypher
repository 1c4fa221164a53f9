// title: Adversaries of an actor
// description: Political (OPPOSES) and armed (ATTACKS) hostility between the given actor and
// description: others, in either direction: first what the actor does to others, then what
// description: others do to it. The adversary is whichever of source and target is not the actor.
// param name: canonical name of the actor (example: United States)
MATCH (x:Entity {name: $name})-[r:OPPOSES|ATTACKS]->(other:Entity)
WHERE r.negated = false
RETURN x.name AS source, type(r) AS relation, other.name AS target,
       other.type AS adversary_type, r.mentions AS mentions
ORDER BY target ASC, relation ASC
UNION ALL
MATCH (other:Entity)-[r:OPPOSES|ATTACKS]->(x:Entity {name: $name})
WHERE r.negated = false
RETURN other.name AS source, type(r) AS relation, x.name AS target,
       other.type AS adversary_type, r.mentions AS mentions
ORDER BY source ASC, relation ASC
