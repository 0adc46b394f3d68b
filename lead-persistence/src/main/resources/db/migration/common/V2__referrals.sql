-- Referrals (SPEC §5.1) with their screening decisions (§4.8) and held charges (§5.6).
-- Portable DDL only. A referral is restored from `state` (the whole Referral.State as JSON); the other columns and the
-- child tables are projections of it, written in the same transaction, for the queries of the sweep, the desks, a
-- GraphQL layer and the equity and evaluation reports. Instants in projection columns are at microsecond precision;
-- the exact values live in `state`.

create table referral (
    id                   uuid                     primary key,
    version              bigint                   not null,
    site_id              varchar(100)             not null,
    person_id            varchar(100)             not null,
    door                 varchar(30)              not null,
    status               varchar(30)              not null,
    screening_result     varchar(30)              not null,
    referred_at          timestamp with time zone not null,
    policy_version       integer                  not null,
    zone                 varchar(60)              not null,
    intake_deadline      date,
    -- the deadline's first late instant while the referral is open (Referral.isLapseDue), else null
    lapse_due_at         timestamp with time zone,
    accepted_at          timestamp with time zone,
    intake_completed_at  timestamp with time zone,
    ended_at             timestamp with time zone,
    enrollment_id        uuid,
    diverted_case_status varchar(30),
    -- the person's demographics as recorded at referral, for the equity reports (SPEC §8.5); null is unknown
    race                 varchar(60),
    ethnicity            varchar(60),
    gender               varchar(60),
    state                text                     not null,
    constraint referral_version check (version >= 0),
    constraint referral_policy_version check (policy_version >= 1),
    constraint referral_door check (door in ('ARREST_DIVERSION', 'SOCIAL_CONTACT', 'COMMUNITY', 'PROSECUTOR')),
    constraint referral_status check (status in ('SUBMITTED', 'DECLINED_BY_PERSON', 'REJECTED', 'INELIGIBLE',
        'PRESUMPTIVELY_INELIGIBLE', 'DEFERRED_CAPACITY', 'PENDING_INTAKE', 'INTAKE_COMPLETED', 'INTAKE_LAPSED',
        'WITHDRAWN')),
    constraint referral_screening_result check (screening_result in ('ELIGIBLE', 'PRESUMPTIVELY_INELIGIBLE',
        'INELIGIBLE', 'REJECTED', 'DEFERRED_CAPACITY')),
    constraint referral_diverted_case_status check (diverted_case_status is null or diverted_case_status in ('HELD',
        'NOT_FILED', 'RELEASED_FOR_ORDINARY_REVIEW', 'FILED', 'DECLINED')),
    -- only an open referral can have a lapse due; a terminal one has ended
    constraint referral_lapse_only_while_open check (lapse_due_at is null or status in ('SUBMITTED',
        'PRESUMPTIVELY_INELIGIBLE', 'DEFERRED_CAPACITY', 'PENDING_INTAKE')),
    constraint referral_ended_when_terminal check ((ended_at is null and status in ('SUBMITTED',
        'PRESUMPTIVELY_INELIGIBLE', 'DEFERRED_CAPACITY', 'PENDING_INTAKE')) or (ended_at is not null
        and status not in ('SUBMITTED', 'PRESUMPTIVELY_INELIGIBLE', 'DEFERRED_CAPACITY', 'PENDING_INTAKE'))),
    constraint referral_enrolled_on_intake check (enrollment_id is null or status = 'INTAKE_COMPLETED')
);
-- keyset pagination over all referrals: order by (referred_at, id), seek past the last row seen
create index referral_by_time on referral (referred_at, id);
-- a person's timeline
create index referral_by_person on referral (person_id, referred_at, id);
-- per-site status counts, the pending-intake count (rule R17) and a site's pages
create index referral_by_site_status on referral (site_id, status, referred_at, id);
-- the deadline sweep: `lapse_due_at <= now`
create index referral_lapse_due on referral (lapse_due_at);
create index referral_by_enrollment on referral (enrollment_id);

-- The screening decision's reasons, one row each, in the decision's order: HARD/PRESUMPTIVE findings, DISCRETIONARY
-- notes, and rejections before eligibility (door, referrer, precondition, capacity).
create table screening_reason (
    referral_id uuid         not null references referral (id),
    ordinal     integer      not null,
    kind        varchar(20)  not null,
    exclusion   varchar(60),
    strength    varchar(20),
    rule        varchar(3)   not null,
    field       varchar(200) not null,
    code        varchar(60),
    message     text         not null,
    primary key (referral_id, ordinal),
    constraint screening_reason_kind check (kind in ('FINDING', 'NOTE', 'REJECTION')),
    constraint screening_reason_exclusion check (exclusion is null or exclusion in ('DRUG_WEIGHT_OVER_THRESHOLD',
        'SALES_ABOVE_SUBSISTENCE', 'NOT_AMENABLE', 'UNDER_MIN_AGE', 'EXPLOITS_MINORS', 'PROMOTES_PROSTITUTION',
        'DISQUALIFYING_CRIMINAL_HISTORY', 'PENDING_TREATMENT_COURT_CASE', 'NO_CONTACT_ORDER_WITH_PARTICIPANT',
        'ON_SUPERVISION', 'PENDING_FELONY', 'OUTSTANDING_WARRANT', 'COMPLAINANT_DOES_NOT_CONSENT',
        'RESTITUTION_OFFENCE', 'OUTSIDE_CATCHMENT', 'ACTIVE_CONFIDENTIAL_INFORMANT', 'NOT_LEAD_ELIGIBLE_OFFENCE')),
    constraint screening_reason_strength check (strength is null or strength in ('HARD', 'PRESUMPTIVE',
        'DISCRETIONARY')),
    -- a finding or note names its criterion and strength; a rejection names its error code
    constraint screening_reason_shape check ((kind = 'REJECTION' and code is not null and exclusion is null
        and strength is null) or (kind <> 'REJECTION' and code is null and exclusion is not null
        and strength is not null))
);
create index screening_reason_by_exclusion on screening_reason (exclusion, strength);

-- The held charge of a charge-holding door, one per referral at most: the prosecutor's queue.
create table diverted_case (
    id               uuid                     primary key,
    referral_id      uuid                     not null unique references referral (id),
    status           varchar(30)              not null,
    reviewing_office varchar(200),
    offences         text                     not null,
    held_at          timestamp with time zone not null,
    resolved_at      timestamp with time zone,
    release_reason   varchar(30),
    constraint diverted_case_status check (status in ('HELD', 'NOT_FILED', 'RELEASED_FOR_ORDINARY_REVIEW', 'FILED',
        'DECLINED')),
    constraint diverted_case_release_reason check (release_reason is null or release_reason in ('INTAKE_LAPSED',
        'AUTHORITY_REJECTED', 'WITHDRAWN_BEFORE_INTAKE', 'LATER_NON_ENGAGEMENT'))
);
create index diverted_case_queue on diverted_case (status, reviewing_office, held_at);
