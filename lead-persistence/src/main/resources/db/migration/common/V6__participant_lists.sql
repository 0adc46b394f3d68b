-- Lists of participants, participants' timelines and the deadlines due (ParticipantRecords.participants, timeline,
-- deadlinesDue). Portable DDL only. The keyset order of the participant list, (referred_at, id) of each person's first
-- referral, is already served by referral_by_time (V2), and "no earlier referral of the same person" by
-- referral_by_person; a timeline reads domain_event_by_aggregate (V1).

-- the case-manager filter: who holds an enrollment, whatever the site (the primary key starts with the site)
create index caseload_by_enrollment on caseload_assignment (enrollment_id, case_manager_id);
-- a site's open referrals by deadline: lapse_due_at is set only while a referral is open (V2)
create index referral_open_by_site on referral (site_id, lapse_due_at, intake_deadline, id);
