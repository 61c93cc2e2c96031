-- Camunda 7.24 creates no index on ACT_RU_TASK.PARENT_TASK_ID_, yet every task completion looks up
-- the task's sub-tasks by it: with many open tasks each completion scanned the whole task table
-- (docs/benchmarks.md, W2). Runs after the engine has created its tables (BetriebsKonfiguration.flywayNachDerEngine).
CREATE INDEX IF NOT EXISTS ki_idx_ru_task_parent ON act_ru_task (parent_task_id_);
