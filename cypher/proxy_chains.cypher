// title: Proxy chains from a sponsor
// description: Sponsor BACKS proxy, proxy ATTACKS target: force used through a backed actor.
// param sponsor: canonical name of the sponsoring actor (example: United States)
MATCH (s:Entity {name: $sponsor})-[b:BACKS]->(p:Entity)-[a:ATTACKS]->(t:Entity)
WHERE b.negated = false AND a.negated = false AND t.name <> s.name
RETURN s.name AS sponsor, p.name AS proxy, t.name AS target,
       b.mentions AS backing_mentions, a.mentions AS attack_mentions
ORDER BY proxy ASC, target ASC
