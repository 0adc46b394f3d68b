-- SPDX-FileCopyrightText: The LEAD library contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- The schema PostGraphile serves in the W2/W3 runs (issue 8): plain views over the library's tables, one per node of
-- the case-management page, with smart-tag comments giving PostGraphile the keys and relations a view cannot declare.
-- Every field the page shows is a plain column of the library's tables; the views only join what the library's
-- GraphQL types join (a participant is a person with a referral, listed by her first referral; a plan is known by
-- its enrollment; a contact belongs to the person of its enrollment).
-- Run after the library's migrations; idempotent (PostGraphilePeer.prepare runs it).

drop schema if exists postgraphile_peer cascade;
create schema postgraphile_peer;

-- A participant: a person with at least one referral, keyed by her first referral (the library's order and cursor).
create view postgraphile_peer.participant as
select r.person_id as id, r.referred_at as first_referred_at, r.id as first_referral_id
from public.referral r
where not exists (select 1 from public.referral e
                  where e.person_id = r.person_id and (e.referred_at, e.id) < (r.referred_at, r.id));
comment on view postgraphile_peer.participant is '@primaryKey id';

create view postgraphile_peer.referral as
select r.id, r.person_id, r.status, r.door, r.referred_at
from public.referral r;
comment on view postgraphile_peer.referral is E'@primaryKey id\n'
    '@foreignKey (person_id) references postgraphile_peer.participant (id)|@foreignFieldName referrals';

-- A plan, named by its enrollment as the library's Plan type is.
create view postgraphile_peer.plan as
select p.id, e.id as enrollment_id, e.person_id, e.started_at
from public.intervention_plan p
join public.enrollment e on e.id = p.enrollment_id;
comment on view postgraphile_peer.plan is E'@primaryKey id\n'
    '@foreignKey (person_id) references postgraphile_peer.participant (id)|@foreignFieldName plans';

create view postgraphile_peer.goal as
select g.id, g.plan_id, g.ordinal, g.plan_domain as domain, g.status
from public.plan_goal g;
comment on view postgraphile_peer.goal is E'@primaryKey id\n'
    '@foreignKey (plan_id) references postgraphile_peer.plan (id)|@foreignFieldName goals';

-- A contact, with the person of its enrollment.
create view postgraphile_peer.contact as
select c.seq, e.person_id, c.contact_type, c.contact_at
from public.contact c
join public.enrollment e on e.id = c.enrollment_id;
comment on view postgraphile_peer.contact is E'@primaryKey seq\n'
    '@foreignKey (person_id) references postgraphile_peer.participant (id)|@foreignFieldName contacts';
