-- The facts of a referral's stages that were only inside `state`, as columns, so that the process funnel
-- (EvaluationReports.processFunnel, ProcessMeasures.referralFunnel) and the stage counts are aggregate SQL over the
-- referral table: whether the person's consent and an eligibility override were recorded (when, at microsecond
-- precision like every projection column) and the warm hand-off's whole minutes from call to arrival
-- (Referral.Handoff.minutes(), computed from the exact instants). Null is "not recorded". Portable DDL only, like V2.
-- Written by every save from the referral's state; rows stored before this migration get them from their state in
-- the Java migration V8_1 (the JSON functions of H2 and PostgreSQL differ, and minutes need the exact instants).
alter table referral add column consent_at timestamp with time zone;
alter table referral add column override_at timestamp with time zone;
alter table referral add column handoff_minutes bigint;
