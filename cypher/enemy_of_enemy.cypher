// title: Enemy-of-my-enemy candidates
// description: Actors hostile (OPPOSES or ATTACKS) to the same third party as the given actor,
// description: or targeted by the same third party: potential partners of convenience.
// param name: canonical name of the actor (example: United States)
MATCH (x:Entity {name: $name})-[r1:OPPOSES|ATTACKS]->(enemy:Entity)<-[r2:OPPOSES|ATTACKS]-(c:Entity)
WHERE r1.negated = false AND r2.negated = false AND c.name <> x.name
RETURN c.name AS candidate, enemy.name AS common_enemy
ORDER BY candidate ASC, common_enemy ASC
UNION
MATCH (x:Entity {name: $name})<-[r1:OPPOSES|ATTACKS]-(enemy:Entity)-[r2:OPPOSES|ATTACKS]->(c:Entity)
WHERE r1.negated = false AND r2.negated = false AND c.name <> x.name
RETURN c.name AS candidate, enemy.name AS common_enemy
ORDER BY candidate ASC, common_enemy ASC
