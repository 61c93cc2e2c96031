-- Every query with an authorization check filters ACT_RU_AUTHORIZATION by "PERMS_ & n = n". Without
-- statistics on these expressions PostgreSQL guesses a few dozen matching grants, joins them to the
-- tasks in a nested loop over all pairs, and a count of a group's 8 000 tasks took 11 s (docs/
-- benchmarks.md, W2). With them it plans per-row index lookups (0.15 s). PostgreSQL only (14+).
CREATE STATISTICS IF NOT EXISTS ki_stat_auth_rechte ON (perms_ & 2), (perms_ & 64), resource_type_ FROM act_ru_authorization;
ANALYZE act_ru_authorization;
