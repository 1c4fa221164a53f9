// title: Proxy attacks on a target
// description: Who attacks the given target, and who backs the attacker (sponsor → proxy → target).
// param target: canonical name of the attacked actor (example: ISIS)
MATCH (s:Entity)-[b:BACKS]->(p:Entity)-[a:ATTACKS]->(t:Entity {name: $target})
WHERE b.negated = false AND a.negated = false AND s.name <> t.name
RETURN s.name AS sponsor, p.name AS proxy, t.name AS target,
       b.mentions AS backing_mentions, a.mentions AS attack_mentions
ORDER BY sponsor ASC, proxy ASC
