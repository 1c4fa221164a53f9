// title: Relations that contradict the camps
// description: Signed relations that go against the two-camp split of the alliance structure
// description: (node property camp, see `kg balance`): hostility (OPPOSES, ATTACKS) inside one
// description: camp, then friendship (BACKS, ALLIED_WITH, NEGOTIATES_WITH) across the two camps.
// description: These are the frustrated links: shifting alliances, talks between enemies,
// description: feuds among partners, or extraction worth checking.
MATCH (a:Actor)-[r:OPPOSES|ATTACKS]->(b:Actor)
WHERE r.negated = false AND a.camp = b.camp AND a.camp <> ""
RETURN a.name AS subject, a.camp AS subject_camp, type(r) AS relation, b.name AS object,
       b.camp AS object_camp, r.mentions AS mentions
ORDER BY subject ASC, relation ASC, object ASC
UNION ALL
MATCH (a:Actor)-[r:BACKS|ALLIED_WITH|NEGOTIATES_WITH]->(b:Actor)
WHERE r.negated = false AND a.camp <> b.camp AND a.camp <> "" AND b.camp <> ""
RETURN a.name AS subject, a.camp AS subject_camp, type(r) AS relation, b.name AS object,
       b.camp AS object_camp, r.mentions AS mentions
ORDER BY subject ASC, relation ASC, object ASC
