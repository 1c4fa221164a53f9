// title: The two camps of the alliance structure
// description: Every actor with a signed relation and its camp ("1A", "1B": the two sides of
// description: the largest connected part; "2A"… for smaller parts): the split that
// description: contradicts the fewest mentions of BACKS, ALLIED_WITH, NEGOTIATES_WITH (+) and
// description: OPPOSES, ATTACKS (−). Computed over the whole graph by `kg build` / `kg load`;
// description: `kg balance --camps` shows it for a date window.
MATCH (a:Actor)
WHERE a.camp <> ""
RETURN a.camp AS camp, a.name AS actor, a.type AS actor_type
ORDER BY camp ASC, actor ASC
