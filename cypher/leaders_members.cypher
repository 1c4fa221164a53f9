// title: Leaders and members of an actor
// description: People and units that lead (LEADS) or belong to (PART_OF) the given state,
// description: organization or unit.
// param name: canonical name of the state or organization (example: Iran)
MATCH (m:Entity)-[r:LEADS|PART_OF]->(x:Entity {name: $name})
WHERE r.negated = false
RETURN m.name AS member, m.type AS member_type, type(r) AS role, r.mentions AS mentions
ORDER BY role ASC, member ASC
