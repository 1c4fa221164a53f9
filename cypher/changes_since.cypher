// title: Relations first reported since a date
// description: Relations between two actors whose earliest dated evidence is on or after the
// description: given date (ISO text comparison: a year-only "2020" sorts before "2020-01-01"),
// description: newest first. `kg diff --since DATE` adds what disappeared and what changed sign.
// param since: ISO date, YYYY-MM-DD (example: 2020-01-01)
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.negated = false AND r.first_date >= $since
RETURN r.first_date AS first_date, a.name AS subject, type(r) AS relation, b.name AS object,
       r.mentions AS mentions, r.sources AS sources
ORDER BY first_date DESC, subject ASC, relation ASC, object ASC
