/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ConsentId;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.DisclosureRequest;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.DivertedCaseStatus;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.GoalId;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.GoalStatus;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.plan.ServiceReferralStatus;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.EvidenceKind;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.leaddiversion.domain.prosecution.LegalMatter;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.prosecution.PostEnrollmentCaseId;
import org.leaddiversion.domain.referral.CriminalHistory;
import org.leaddiversion.domain.referral.Demographics;
import org.leaddiversion.domain.referral.DrugFacts;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;
import org.leaddiversion.domain.referral.VerificationEvidence;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.PersistentProgramme;

/**
 * Synthetic demo data — no real person's data — made through the library's public API exactly as a host's users
 * would make it (commands to the desks, played in memory and then loaded into the database in one go): three reference
 * sites, people referred through every door over the past year, screened (with exclusions, overrides and
 * confirmations), accepted, enrolled or lapsed, planned with, contacted, swept inactive and
 * re-engaged, consenting and revoking, charged again and coordinated, and their work groups meeting.
 *
 * <p>The year is played forward on a {@link SeedingClock}: every person's story is a list of steps at the instants they
 * happen, and one timeline runs all steps in time order, with the deadline sweep every night, the inactivity sweep
 * every week and each work group every other week. Each simulated day's commands run in one transaction. Everything is
 * drawn from {@link SplittableRandom}s split from the seed and ids come from {@link IdGenerator#sequential}, so the same
 * seed, number of people and "today" give the same data.
 *
 * <p>The distributions and their sources are in {@code docs/demo-data.md}; the well-known records are named by
 * {@link #WELL_KNOWN}.
 */
public final class DemoData {

    /** The seed of the server's default data set. */
    public static final long DEFAULT_SEED = 20261122L;
    /** How many people the server's default data set refers. */
    public static final int DEFAULT_PARTICIPANTS = 3000;

    /** Person ids of the well-known records the docs and tests use (all at Seattle). */
    public static final String ROSA = "demo-rosa";
    public static final String SAM = "demo-sam";
    public static final String DANA = "demo-dana";
    public static final String LEE = "demo-lee";
    public static final String ANA = "demo-ana";
    public static final String JO = "demo-jo";
    public static final String KAI = "demo-kai";
    public static final String MAX = "demo-max";
    public static final List<String> WELL_KNOWN = List.of(ROSA, SAM, DANA, LEE, ANA, JO, KAI, MAX);

    /**
     * What to seed.
     *
     * @param seed         every random draw and every id derives from it
     * @param participants how many people are referred (the well-known ones included); at least 20
     * @param today        the data covers the 365 days before the start of this date (UTC)
     */
    public record Settings(long seed, int participants, LocalDate today) {
        public Settings {
            if (participants < 20) {
                throw new IllegalArgumentException("participants must be at least 20, the well-known records and a "
                        + "few others");
            }
            java.util.Objects.requireNonNull(today, "today");
        }

        /** The server's default data set, ending today. */
        public static Settings defaults(LocalDate today) {
            return new Settings(DEFAULT_SEED, DEFAULT_PARTICIPANTS, today);
        }

        /** The end of the data: midnight UTC at the start of {@link #today}. Nothing is dated at or after it. */
        Instant end() {
            return today.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        /** The start of the data: a year before {@link #end}. */
        Instant start() {
            return end().minus(Duration.ofDays(365));
        }
    }

    /**
     * What was seeded, as counts only (no personal data): fit for a log line.
     *
     * @param sites               sites configured
     * @param people              people referred
     * @param referralsByDoor     referrals per door
     * @param referralsByStatus   referrals per status at the end
     * @param enrollmentsByStatus enrollments per status at the end
     * @param activity            counts of everything else written, by what it is
     * @param took                how long the seeding took
     */
    public record Summary(int sites, int people, Map<Door, Integer> referralsByDoor,
                          Map<ReferralStatus, Integer> referralsByStatus,
                          Map<EnrollmentStatus, Integer> enrollmentsByStatus, Map<String, Integer> activity,
                          Duration took) {

        public int referrals() {
            return referralsByDoor.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int enrollments() {
            return enrollmentsByStatus.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int count(String what) {
            return activity.getOrDefault(what, 0);
        }

        /** One line: the counts and the time taken. */
        public String describe() {
            return String.format(java.util.Locale.ROOT,
                    "%d sites, %d people, %d referrals %s, %d enrollments %s, %d contacts, %d goals, %d consents "
                            + "(%d revoked, %d Part 2), %d post-enrollment cases in %.1f s",
                    sites, people, referrals(), referralsByDoor, enrollments(), enrollmentsByStatus,
                    count(CONTACTS), count(GOALS), count(CONSENTS), count(REVOCATIONS), count(PART2_CONSENTS),
                    count(CASES), took.toMillis() / 1000.0);
        }
    }

    // names of the activity counts
    static final String HANDOFFS = "hand-offs";
    static final String APPROVALS = "approvals";
    static final String DECLINES = "declines";
    static final String HARD_EXCLUSIONS = "hard exclusions";
    static final String OVERRIDES = "overrides";
    static final String CONFIRMED_EXCLUSIONS = "confirmed exclusions";
    static final String AUTHORITY_CONFIRMATIONS = "eligibility confirmations";
    static final String AUTHORITY_REJECTIONS = "eligibility rejections";
    static final String WITHDRAWALS = "withdrawals before intake";
    static final String INTAKES = "intakes";
    static final String LAPSES = "lapses";
    static final String ORDINARY_REVIEWS = "ordinary reviews";
    static final String ASSIGNMENTS = "caseload assignments";
    static final String GOALS = "goals";
    static final String GOAL_UPDATES = "goal status changes";
    static final String SERVICE_REFERRALS = "service referrals";
    static final String EXPENDITURES = "flexible-fund expenditures";
    static final String CONTACTS = "contacts";
    static final String INACTIVITY = "became inactive";
    static final String REENGAGEMENTS = "re-engagements";
    static final String CLOSURES = "closures";
    static final String CONSENTS = "consents";
    static final String PART2_CONSENTS = "Part 2 consents";
    static final String REVOCATIONS = "revocations";
    static final String DISCLOSURES = "disclosure decisions";
    static final String CASES = "post-enrollment cases";
    static final String CONSULTATIONS = "consultations";
    static final String CM_INPUTS = "case-manager inputs";
    static final String DECISIONS = "charging decisions";
    static final String WAIVERS = "decisions with a waiver";
    static final String MEETINGS = "OWG meetings";

    /** How a person's referral ends up, drawn once per person (shares in docs/demo-data.md). */
    private enum Path {
        ENROLL, LAPSE, DECLINE, WITHDRAW, HARD, PRESUMPTIVE_CONFIRMED, PRESUMPTIVE_OVERRIDDEN, AUTHORITY_REJECTED
    }

    /** How an enrolled person engages over the months (shares in docs/demo-data.md). */
    private enum Engagement {
        STEADY, SPARSE, DRIFTS_AND_RETURNS, GOES_QUIET
    }

    private final Settings settings;
    private final SeedingClock clock;
    private final DemoTarget target;
    private final Instant start;
    private final Instant end;
    private final List<DemoSite> sites;
    private final Map<String, DemoSite> siteByName = new HashMap<>();
    private final PriorityQueue<Step> timeline = new PriorityQueue<>(
            Comparator.comparing(Step::at).thenComparingLong(Step::order));
    private long order;
    private final List<Story> stories = new ArrayList<>();
    private final Map<ReferralId, Story> byReferral = new HashMap<>();
    private final Map<EnrollmentId, Story> byEnrollment = new HashMap<>();
    /** Open caseload per case manager, as the assignments and closures left it (rule R30 keeps it under the cap). */
    private final Map<Actor, Integer> caseload = new HashMap<>();
    private final Map<String, Integer> activity = new LinkedHashMap<>();

    private DemoData(Settings settings, SeedingClock clock, DemoTarget target) {
        this.settings = settings;
        this.clock = clock;
        this.target = target;
        this.start = settings.start();
        this.end = settings.end();
        this.sites = DemoSite.all(settings.participants());
        sites.forEach(s -> siteByName.put(s.profile.name, s));
    }

    /**
     * Seeds {@code db}: its site policies, and a year of work at the three sites, played through the desks of an
     * {@link InMemoryProgramme} on a {@link SeedingClock} and then written in one go ({@link LeadDatabase#load}): the
     * rows the desks of a {@link PersistentProgramme} would leave after the same commands (DemoDataTest compares the two
     * table by table), in a fraction of the time. The database should hold no site policy yet.
     */
    public static Summary seed(LeadDatabase db, Settings settings) {
        long began = System.nanoTime();
        var clock = new SeedingClock(settings.start().minus(Duration.ofDays(1)));
        var memory = new InMemoryProgramme(clock, IdGenerator.sequential(settings.seed()),
                CaseloadCapacity.notTracked());
        Summary played = seed(DemoTarget.staged(memory), clock, settings);
        // the policies as the desks stored them: on the day before the data starts
        var policies = db.sitePolicies(new SeedingClock(settings.start().minus(Duration.ofDays(1))));
        db.transactions().inTransaction(() -> {
            for (DemoSite site : DemoSite.all(settings.participants())) {
                policies.put(memory.policies().history(site.id).orElseThrow());
            }
            db.load(memory.record(settings.end()));
            return null;
        });
        return new Summary(played.sites(), played.people(), played.referralsByDoor(), played.referralsByStatus(),
                played.enrollmentsByStatus(), played.activity(), Duration.ofNanos(System.nanoTime() - began));
    }

    /**
     * Seeds {@code db} by running every command through the desks of a {@link PersistentProgramme} on it, as a host
     * would: the same data as {@link #seed(LeadDatabase, Settings)}, the slow way (the tests compare the two).
     */
    static Summary seedThroughDesks(LeadDatabase db, Settings settings) {
        var clock = new SeedingClock(settings.start().minus(Duration.ofDays(1)));
        PersistentProgramme programme = db.programme(clock, IdGenerator.sequential(settings.seed()),
                CaseloadCapacity.notTracked());
        return seed(DemoTarget.on(db, programme), clock, settings);
    }

    /** Seeds {@code target}, whose desks run on {@code clock}; {@code clock} must stand before the data's start. */
    static Summary seed(DemoTarget target, SeedingClock clock, Settings settings) {
        return new DemoData(settings, clock, target).run();
    }

    private Summary run() {
        long began = System.nanoTime();
        for (DemoSite site : sites) {
            target.putPolicy(site.history);
        }
        scheduleSweeps();
        scheduleMeetings();
        SplittableRandom root = new SplittableRandom(settings.seed());
        wellKnown(root.split());
        int generated = settings.participants() - WELL_KNOWN.size();
        for (int i = 1; i <= generated; i++) {
            refer(String.format(java.util.Locale.ROOT, "demo-%06d", i), root.split());
        }
        play();
        return summary(Duration.ofNanos(System.nanoTime() - began));
    }

    // ---- the timeline ------------------------------------------------------------------------------------------

    private record Step(Instant at, long order, Runnable action) {
    }

    /** Schedules {@code action} at {@code at} (whole seconds); steps at or after the end of the data never happen. */
    private void at(Instant at, Runnable action) {
        Instant t = at.truncatedTo(ChronoUnit.SECONDS);
        if (t.isBefore(clock.instant())) {
            t = clock.instant();
        }
        if (t.isBefore(end)) {
            timeline.add(new Step(t, order++, action));
        }
    }

    /** Runs every step in time order, one transaction per simulated (UTC) day. */
    private void play() {
        while (!timeline.isEmpty()) {
            Instant dayEnd = timeline.peek().at().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
            target.transactions().inTransaction(() -> {
                while (!timeline.isEmpty() && timeline.peek().at().isBefore(dayEnd)) {
                    Step step = timeline.poll();
                    clock.moveTo(step.at());
                    step.action().run();
                }
                return null;
            });
        }
    }

    /**
     * The deadline sweep every night, as a host's scheduler runs it. The inactivity sweep reads every enrollment, so
     * the demo runs it every six weeks instead of every night: the people who drift away stay away long enough
     * (130 days and more) to be caught by it.
     */
    private void scheduleSweeps() {
        for (Instant t = start.plus(Duration.ofHours(9)); t.isBefore(end); t = t.plus(Duration.ofDays(1))) {
            at(t, () -> target.desk().sweepDeadlines().lapsed().forEach(id -> {
                Story s = byReferral.get(id);
                s.status = ReferralStatus.INTAKE_LAPSED;
                count(LAPSES);
                if (s.afterLapse != null) {
                    s.afterLapse.run();
                }
            }));
        }
        for (Instant t = start.plus(Duration.ofDays(20)).plus(Duration.ofHours(10)); t.isBefore(end);
                t = t.plus(Duration.ofDays(42))) {
            at(t, () -> target.desk().sweepInactivity().forEach(id -> {
                byEnrollment.get(id).enrollmentStatus = EnrollmentStatus.INACTIVE;
                count(INACTIVITY);
            }));
        }
    }

    /**
     * Every work group meets at its cadence (SPEC §7.4): Seattle's precinct groups and the site-wide groups of Santa Fe
     * and Albany, each on its own weekday at 10:00 local time, staffed by the site's project manager.
     */
    private void scheduleMeetings() {
        int weekday = 0;
        for (DemoSite site : sites) {
            int cadence = site.policy.owg().cadenceDays();
            List<Optional<AreaId>> groups = new ArrayList<>();
            if (site.meetsByPrecinct()) {
                site.areas.values().forEach(a -> groups.add(Optional.of(a)));
            } else {
                groups.add(Optional.empty());
            }
            for (Optional<AreaId> precinct : groups) {
                DayOfWeek day = DayOfWeek.of(1 + weekday++ % 5);
                ZonedDateTime first = start.atZone(site.policy.zone()).with(TemporalAdjusters.next(day))
                        .with(LocalTime.of(10, 0));
                for (ZonedDateTime m = first; m.toInstant().isBefore(end); m = m.plusDays(cadence)) {
                    Instant meetingAt = m.toInstant();
                    Instant previous = m.minusDays(cadence).toInstant();
                    Instant next = m.plusDays(cadence).toInstant();
                    at(meetingAt, () -> {
                        if (target.holdMeeting(site.projectManagers.get(0), site.id, precinct, meetingAt, previous,
                                next)) {
                            count(MEETINGS);
                        }
                    });
                }
            }
        }
    }

    // ---- one person's story --------------------------------------------------------------------------------------

    /** A person's story as it unfolds: what the steps have done so far. */
    private static final class Story {
        final DemoSite site;
        final Person person;
        final SplittableRandom random;
        Door door;
        ReferralId referral;
        ReferralStatus status;
        EnrollmentId enrollment;
        EnrollmentStatus enrollmentStatus;
        Actor caseManager;
        Instant enrolledAt;
        boolean closed;
        final List<GoalId> goals = new ArrayList<>();
        ConsentId roi;
        Runnable afterLapse;

        Story(DemoSite site, Person person, SplittableRandom random) {
            this.site = site;
            this.person = person;
            this.random = random;
        }

        PersonId id() {
            return person.id();
        }
    }

    /** A generated person: site, door, path and every fact drawn from the person's own random stream. */
    private void refer(String personId, SplittableRandom r) {
        DemoSite site = pickSite(r);
        Door door = site.doors.pick(r);
        Path path = path(r);
        // paths the door cannot take move to a door that can: a community referral is made with the person's
        // consent and without police facts, so declines and exclusions are found on the police doors
        if (door == Door.COMMUNITY && (path == Path.DECLINE || path == Path.HARD
                || path == Path.PRESUMPTIVE_CONFIRMED || path == Path.PRESUMPTIVE_OVERRIDDEN)) {
            door = Door.SOCIAL_CONTACT;
        }
        boolean presumptive = path == Path.PRESUMPTIVE_CONFIRMED || path == Path.PRESUMPTIVE_OVERRIDDEN;
        if (presumptive && !site.hasPresumptiveCriteria()) {
            path = Path.ENROLL;
        }
        if (path == Path.HARD && site.profile == DemoSite.Profile.ALBANY) {
            door = Door.ARREST_DIVERSION; // Albany's HARD criterion is the complainant's refusal (E13) [ALB-TU]
        }
        if (path == Path.AUTHORITY_REJECTED && !site.prosecutorDecides(door)) {
            path = Path.ENROLL;
        }
        Instant referredAt = referralInstant(site, door, r);
        LocalDate date = LocalDate.ofInstant(referredAt, site.policy.zone());
        boolean minor = path == Path.HARD && site.profile != DemoSite.Profile.ALBANY
                && !(site.profile == DemoSite.Profile.SANTA_FE && door == Door.SOCIAL_CONTACT && r.nextBoolean());
        boolean outside = path == Path.HARD && site.profile == DemoSite.Profile.SANTA_FE && !minor;
        AreaId area = outside ? AreaId.of("AGUA_FRIA") : site.areas.pick(r);
        Demographics demographics = site.demographics(r);
        var person = new Person(new PersonId(personId), Optional.of(site.dateOfBirth(r, date, minor)), demographics,
                Optional.of(area), false);
        var story = new Story(site, person, r);
        story.door = door;
        stories.add(story);
        DemoSite.Screening screening = path == Path.HARD ? DemoSite.Screening.HARD
                : path == Path.PRESUMPTIVE_CONFIRMED || path == Path.PRESUMPTIVE_OVERRIDDEN
                        ? DemoSite.Screening.PRESUMPTIVE : DemoSite.Screening.CLEAR;
        Actor referrer = door == Door.COMMUNITY ? DemoSite.pick(site.communityReferrers, r) : site.officer(r);
        boolean consents = door == Door.COMMUNITY || (path != Path.DECLINE && r.nextDouble() < 0.7);
        ReferralSubmission submission = submission(site, door, referrer, person, area, screening, consents, date, r);
        Path chosen = path;
        at(referredAt, () -> submitted(story, submission, chosen, referrer));
    }

    private ReferralSubmission submission(DemoSite site, Door door, Actor referrer, Person person, AreaId area,
                                          DemoSite.Screening screening, boolean consents, LocalDate date,
                                          SplittableRandom r) {
        var b = ReferralSubmission.builder(site.id, door, new Referrer(referrer, Optional.empty(), true), person)
                .location(Location.in(area)).personConsents(consents);
        switch (door) {
            case ARREST_DIVERSION:
                b.probableCause(true);
                if (screening != DemoSite.Screening.PRESUMPTIVE) {
                    b.history(site.ordinaryHistory(r, date));
                }
                site.arrestFacts(b, screening, r, date);
                break;
            case SOCIAL_CONTACT:
                var social = site.policy.socialContact();
                var kinds = new ArrayList<>(social.evidenceKinds().isEmpty() ? EnumSet.allOf(EvidenceKind.class)
                        : social.evidenceKinds());
                kinds.sort(null);
                int months = social.lookbackMonths().orElse(12);
                // the prior conduct was seen inside the programme area, within the look-back window [CA-CC]
                b.evidence(new VerificationEvidence(DemoSite.pick(kinds, r),
                        date.minusDays(3 + r.nextInt(Math.max(1, months * 30 * 2 / 3))),
                        Location.in(site.areas.pick(r))));
                b.history(screening == DemoSite.Screening.PRESUMPTIVE ? site.presumptiveHistory(r, date)
                        : site.ordinaryHistory(r, date));
                break;
            default:
                b.attestedCriteria(site.policy.communityCriteria());
                break;
        }
        return b.build();
    }

    /** The referral is made: screening has decided, and the story takes its path. */
    private void submitted(Story s, ReferralSubmission submission, Path path, Actor referrer) {
        Referral r = expect(target.desk().submit(submission), "referral");
        s.referral = r.id();
        s.status = r.status();
        byReferral.put(r.id(), s);
        Instant t = clock.instant();
        SplittableRandom rnd = s.random;
        DemoSite site = s.site;
        switch (path) {
            case HARD:
                requireStatus(r, ReferralStatus.INELIGIBLE);
                count(HARD_EXCLUSIONS);
                return;
            case DECLINE:
                at(t.plus(minutes(rnd, 5, 30)), () -> {
                    s.status = expect(target.desk().recordDecline(s.referral, referrer), "decline").status();
                    count(DECLINES);
                });
                return;
            case PRESUMPTIVE_CONFIRMED:
            case PRESUMPTIVE_OVERRIDDEN:
                requireStatus(r, ReferralStatus.PRESUMPTIVELY_INELIGIBLE);
                Actor authority = site.overrideAuthority(s.door, rnd);
                // a sergeant decides on scene; a project manager or prosecutor the next day
                Instant decided = authority.role() == Role.SERGEANT ? t.plus(minutes(rnd, 8, 20))
                        : t.plus(hours(rnd, 16, 40));
                if (path == Path.PRESUMPTIVE_CONFIRMED) {
                    at(decided, () -> {
                        s.status = expect(target.desk().confirmExclusion(s.referral, authority,
                                "the exclusion applies; no reason to lift it"), "confirmation").status();
                        count(CONFIRMED_EXCLUSIONS);
                    });
                    return;
                }
                at(decided, () -> {
                    Referral lifted = expect(target.desk().override(s.referral, authority,
                            "lifted after review: the person is a good fit and the finding is dated"), "override");
                    s.status = lifted.status();
                    count(OVERRIDES);
                    if (lifted.status() == ReferralStatus.PENDING_INTAKE) {
                        // a project manager lifting the finding of a consented referral accepts it at once
                        afterAcceptance(s, Path.ENROLL, authority, lifted);
                    } else {
                        toIntake(s, Path.ENROLL, submission.personConsents());
                    }
                });
                return;
            default:
                toIntake(s, path, submission.personConsents());
        }
    }

    /** From an eligible referral to acceptance: consent, the warm hand-off or the approval, then the case manager. */
    private void toIntake(Story s, Path path, boolean consented) {
        SplittableRandom rnd = s.random;
        DemoSite site = s.site;
        Instant t = clock.instant();
        Actor onCall = DemoSite.pick(site.caseManagers, rnd);
        Instant acceptAt;
        if (s.door == Door.ARREST_DIVERSION) {
            // the warm hand-off: the case manager is called and comes to the scene, target 30 minutes [T-ENR]
            Instant called = t.plus(minutes(rnd, 3, 12));
            Instant arrived = called.plus(minutes(rnd, 8, rnd.nextDouble() < 0.8 ? 30 : 75));
            at(arrived.plus(Duration.ofMinutes(1)), () -> {
                if (!consented) {
                    expect(target.desk().recordConsent(s.referral, onCall), "consent at the hand-off");
                }
                expect(target.desk().recordHandoff(s.referral, onCall, called, arrived), "hand-off");
                count(HANDOFFS);
            });
            acceptAt = arrived.plus(minutes(rnd, 3, 20));
        } else if (s.door == Door.COMMUNITY) {
            Instant approved = t.plus(hours(rnd, 4, 60));
            Actor approver = site.approver(rnd);
            at(approved, () -> {
                expect(target.desk().approve(s.referral, approver), "approval");
                count(APPROVALS);
            });
            acceptAt = approved.plus(hours(rnd, 1, 24));
        } else {
            Instant met = t.plus(hours(rnd, 2, 48));
            if (!consented) {
                at(met, () -> expect(target.desk().recordConsent(s.referral, onCall), "consent"));
            }
            acceptAt = met.plus(minutes(rnd, 5, 60));
        }
        at(acceptAt, () -> {
            Referral accepted = expect(target.desk().accept(s.referral, onCall), "acceptance");
            s.status = accepted.status();
            afterAcceptance(s, path, onCall, accepted);
        });
    }

    private void afterAcceptance(Story s, Path path, Actor onCall, Referral accepted) {
        SplittableRandom rnd = s.random;
        DemoSite site = s.site;
        Instant t = clock.instant();
        // every later step of the referral happens before its deadline (the end of the local day, rule R18)
        long window = Duration.between(t, accepted.intakeDeadline().firstLateInstant()).toMinutes() - 6 * 60;
        if (site.prosecutorDecides(s.door)) {
            // Santa Fe: the attorney's decision on eligibility is final [SF-REF]
            at(daytime(s, t.plus(hours(rnd, 12, 60))), () -> {
                if (s.status != ReferralStatus.PENDING_INTAKE) {
                    return;
                }
                if (path == Path.AUTHORITY_REJECTED) {
                    s.status = expect(target.desk().decideEligibility(s.referral, site.prosecutor, false,
                            "the report does not meet the programme criteria"), "authority rejection").status();
                    count(AUTHORITY_REJECTIONS);
                } else {
                    expect(target.desk().decideEligibility(s.referral, site.prosecutor, true, null),
                            "authority confirmation");
                    count(AUTHORITY_CONFIRMATIONS);
                }
            });
        }
        switch (path) {
            case LAPSE:
                // nobody comes to intake; the nightly sweep lapses the referral after its deadline
                return;
            case WITHDRAW:
                at(daytime(s, t.plus(Duration.ofMinutes(120 + rnd.nextLong(Math.max(1, window - 120))))), () -> {
                    s.status = expect(target.desk().withdraw(s.referral, onCall,
                            "the person chose not to continue"), "withdrawal").status();
                    count(WITHDRAWALS);
                });
                return;
            case AUTHORITY_REJECTED:
                return;
            default:
                // most intakes happen early in the window; none later than a day before the deadline
                double u = rnd.nextDouble();
                Instant intake = daytime(s, t.plus(Duration.ofMinutes(120 + Math.round(u * u * Math.max(0,
                        window - 120)))));
                at(intake, () -> {
                    if (s.status != ReferralStatus.PENDING_INTAKE) {
                        return;
                    }
                    Actor cm = caseManagerFor(site);
                    intake(s, cm);
                    enrolled(s);
                });
        }
    }

    /** The intake assessment by the case manager who takes the person onto her caseload. */
    private void intake(Story s, Actor cm) {
        Referral r = expect(target.desk().completeIntake(s.referral, cm), "intake");
        s.status = r.status();
        s.enrollment = r.enrollment().orElseThrow();
        s.enrollmentStatus = EnrollmentStatus.ACTIVE;
        s.enrolledAt = clock.instant();
        byEnrollment.put(s.enrollment, s);
        count(INTAKES);
        expect(target.caseManagement().assignCaseManager(s.enrollment, CaseManagerId.of(cm.id()), cm), "assignment");
        s.caseManager = cm;
        caseload.merge(cm, 1, Integer::sum);
        count(ASSIGNMENTS);
    }

    /**
     * The least-loaded case manager of the site, so that nobody reaches the cap (rule R30). The demo login's caseload
     * counts four fewer than it is, so that she carries a little more than her colleagues: a full caseload, at or just
     * above the target, for the case manager's screens.
     */
    private Actor caseManagerFor(DemoSite site) {
        Actor best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (Actor cm : site.caseManagers) {
            int load = caseload.getOrDefault(cm, 0) - (cm.id().value().equals(DemoUsers.CASE_MANAGER) ? 4 : 0);
            if (load < bestLoad) {
                best = cm;
                bestLoad = load;
            }
        }
        if (caseload.getOrDefault(best, 0) >= site.policy.caseload().cap()) {
            throw new IllegalStateException("every case manager of " + site.id + " is at the caseload cap");
        }
        return best;
    }

    // ---- enrolled: plan, consents, contacts, new cases, closure ------------------------------------------------------

    private void enrolled(Story s) {
        SplittableRandom r = s.random;
        Instant t = clock.instant();
        consentsAtIntake(s, r, t);
        // the plan: one to three goals the participant sets in the first weeks [SEA-CHOOP-CM]
        int goals = 1 + (r.nextDouble() < 0.4 ? 1 : 0) + (r.nextDouble() < 0.1 ? 1 : 0);
        for (int i = 0; i < goals; i++) {
            PlanDomain domain = GOAL_DOMAINS.pick(r);
            Instant when = daytime(s, t.plus(hours(r, 24, 24 * 21)));
            at(when, () -> goal(s, domain, GoalKind.GENERAL, describe(domain, s.random)));
        }
        // flexible funds: what the money bought (SPEC §6.5)
        double f = r.nextDouble();
        int spends = f < 0.45 ? 0 : f < 0.85 ? 1 : 2;
        for (int i = 0; i < spends; i++) {
            at(daytime(s, t.plus(hours(r, 2, 24 * 150))), () -> spend(s));
        }
        contacts(s, r, t);
        if (r.nextDouble() < 0.15) {
            at(daytime(s, t.plus(hours(r, 24 * 14, 24 * 250))), () -> newCase(s));
        }
        if (r.nextDouble() < 0.08) {
            at(daytime(s, t.plus(hours(r, 24 * 60, 24 * 300))), () -> close(s));
        }
    }

    private void consentsAtIntake(Story s, SplittableRandom r, Instant t) {
        double kind = r.nextDouble();
        Actor cm = s.caseManager;
        if (kind < 0.60) {
            at(t.plus(minutes(r, 5, 90)), () -> {
                s.roi = consent(s, ConsentType.MULTI_PARTY_ROI, FULL_ROI_ROLES, FULL_ROI_PURPOSES, FULL_ROI_CLASSES,
                        Optional.empty()).id();
                if (s.random.nextDouble() < 0.06) {
                    at(clock.instant().plus(hours(s.random, 24 * 20, 24 * 200)), () -> revoke(s, cm));
                }
            });
        } else if (kind < 0.85) {
            at(t.plus(minutes(r, 5, 90)), () -> s.roi = consent(s, ConsentType.MULTI_PARTY_ROI, CARE_ROI_ROLES,
                    CARE_ROI_PURPOSES, CARE_ROI_CLASSES, Optional.empty()).id());
        }
        if (r.nextDouble() < 0.20) {
            at(t.plus(minutes(r, 10, 120)), () -> consent(s, ConsentType.EVALUATION, Set.of(Role.EVALUATOR),
                    Set.of(Purpose.RESEARCH_EVALUATION), EVALUATION_CLASSES, Optional.empty()));
        }
        if (r.nextDouble() < 0.12) {
            at(daytime(s, t.plus(hours(r, 24, 24 * 30))), () -> part2(s));
        }
    }

    private Consent consent(Story s, ConsentType type, Set<Role> roles, Set<Purpose> purposes,
                            Set<DataClass> classes, Optional<Instant> expires) {
        Consent c = expect(target.disclosure().recordConsent(s.caseManager, s.id(), type, roles, Set.of(), purposes,
                classes, expires), "consent");
        count(CONSENTS);
        if (type == ConsentType.PART2) {
            count(PART2_CONSENTS);
        }
        return c;
    }

    /** A Part 2 consent for the substance-use treatment record, for a year (42 CFR Part 2, SPEC §7.6). */
    private void part2(Story s) {
        if (s.closed) {
            return;
        }
        consent(s, ConsentType.PART2, Set.of(Role.CASE_MANAGER, Role.COURT),
                Set.of(Purpose.TREATMENT, Purpose.CARE_COORDINATION, Purpose.COURT_PROGRESS),
                Set.of(DataClass.SUD_PART2), Optional.of(clock.instant().plus(Duration.ofDays(365))));
    }

    private void revoke(Story s, Actor recordedBy) {
        expect(target.disclosure().revoke(s.roi, recordedBy), "revocation");
        count(REVOCATIONS);
    }

    private void goal(Story s, PlanDomain domain, GoalKind kind, String description) {
        if (s.closed) {
            return;
        }
        InterventionPlan plan = expect(target.caseManagement().addGoal(s.enrollment, s.caseManager, domain, kind,
                description, true), "goal");
        GoalId goal = plan.goals().get(plan.goals().size() - 1).id();
        s.goals.add(goal);
        count(GOALS);
        SplittableRandom r = s.random;
        Instant t = clock.instant();
        if (r.nextDouble() < 0.4) {
            at(daytime(s, t.plus(hours(r, 24, 24 * 14))), () -> service(s, domain));
        }
        // the last change of each goal's status is what is recorded (progress is not linear)
        double progress = r.nextDouble();
        if (progress < 0.30) {
            at(daytime(s, t.plus(hours(r, 24 * 7, 24 * 60))), () -> goalStatus(s, goal, GoalStatus.IN_PROGRESS));
        } else if (progress < 0.50) {
            at(daytime(s, t.plus(hours(r, 24 * 30, 24 * 180))), () -> goalStatus(s, goal, GoalStatus.ACHIEVED));
        } else if (progress < 0.55) {
            at(daytime(s, t.plus(hours(r, 24 * 20, 24 * 120))), () -> goalStatus(s, goal, GoalStatus.SET_ASIDE));
        }
    }

    private void goalStatus(Story s, GoalId goal, GoalStatus status) {
        if (!s.closed) {
            expect(target.caseManagement().updateGoalStatus(s.enrollment, s.caseManager, goal, status), "goal status");
            count(GOAL_UPDATES);
        }
    }

    private void service(Story s, PlanDomain domain) {
        if (s.closed) {
            return;
        }
        SplittableRandom r = s.random;
        double x = r.nextDouble();
        ServiceReferralStatus status = x < 0.35 ? ServiceReferralStatus.CONNECTED : x < 0.60
                ? ServiceReferralStatus.REFERRED : x < 0.75 ? ServiceReferralStatus.WAITLISTED : x < 0.88
                ? ServiceReferralStatus.COMPLETED : ServiceReferralStatus.DECLINED;
        expect(target.caseManagement().addServiceReferral(s.enrollment, s.caseManager, domain, PROVIDERS.get(domain),
                status), "service referral");
        count(SERVICE_REFERRALS);
    }

    private void spend(Story s) {
        if (s.closed) {
            return;
        }
        SplittableRandom r = s.random;
        double x = r.nextDouble();
        PlanDomain category;
        String payee;
        String purpose;
        double low;
        double high;
        if (x < 0.30) {
            category = PlanDomain.HOUSING;
            payee = "Motel";
            purpose = "a safe place to sleep for a few nights";
            low = 60;
            high = 320;
        } else if (x < 0.45) {
            category = PlanDomain.IDENTIFICATION_DOCUMENTS;
            payee = "Licensing office";
            purpose = "state ID fee";
            low = 20;
            high = 55;
        } else if (x < 0.65) {
            category = PlanDomain.TRANSPORTATION;
            payee = "Transit agency";
            purpose = "monthly transit pass";
            low = 30;
            high = 90;
        } else if (x < 0.85) {
            category = PlanDomain.BASIC_NEEDS;
            payee = "Grocery store";
            purpose = "food, a warm coat, clean clothes";
            low = 10;
            high = 80;
        } else if (x < 0.95) {
            category = PlanDomain.PHYSICAL_HEALTH;
            payee = "Pharmacy";
            purpose = "prescription co-payment";
            low = 5;
            high = 40;
        } else {
            category = PlanDomain.HOUSING;
            payee = "Landlord";
            purpose = "move-in deposit";
            low = 300;
            high = 900;
        }
        Money amount = Money.of(BigDecimal.valueOf(low + (high - low) * r.nextDouble())
                .setScale(2, RoundingMode.HALF_UP).toPlainString(), "USD");
        expect(target.caseManagement().spend(s.enrollment, s.caseManager, clock.instant(), amount, category, payee,
                purpose, Optional.empty(), Optional.empty()), "expenditure");
        count(EXPENDITURES);
    }

    /**
     * Contacts over the months (SPEC §6.3), thinned to about one recorded contact a month so that the first start stays
     * short: most participants are seen regularly; some sparsely; some drift away for longer than the inactivity
     * threshold (90 days) while outreach keeps looking for them (collateral contacts, which are not engagement) and
     * then come back; some go quiet for the rest of the year.
     */
    private void contacts(Story s, SplittableRandom r, Instant t) {
        double x = r.nextDouble();
        Engagement e = x < 0.60 ? Engagement.STEADY : x < 0.70 ? Engagement.SPARSE : x < 0.85
                ? Engagement.DRIFTS_AND_RETURNS : Engagement.GOES_QUIET;
        Instant next = t.plus(hours(r, 24, 24 * 14));
        switch (e) {
            case STEADY:
                next = seen(s, r, next, end, 20, 20, 40);
                break;
            case SPARSE:
                next = seen(s, r, next, end, 10, 50, 85);
                break;
            case DRIFTS_AND_RETURNS:
                Instant gone = seen(s, r, next, end, 1 + r.nextInt(2), 10, 30);
                Instant back = gone.plus(hours(r, 24 * 130, 24 * 200));
                lookedFor(s, r, gone, back);
                seen(s, r, back, end, 1 + r.nextInt(2), 10, 30);
                break;
            default:
                Instant quiet = seen(s, r, next, end, 1 + r.nextInt(2), 10, 30);
                lookedFor(s, r, quiet, end);
                break;
        }
    }

    /**
     * Up to {@code max} participant contacts from {@code from}, {@code minDays}–{@code maxDays} apart, before
     * {@code until}; returns the instant after the last one.
     */
    private Instant seen(Story s, SplittableRandom r, Instant from, Instant until, int max, int minDays, int maxDays) {
        Instant next = from;
        for (int i = 0; i < max && next.isBefore(until); i++) {
            ContactType type = CONTACT_TYPES.pick(r);
            at(daytime(s, next), () -> contact(s, type));
            next = next.plus(hours(r, 24 * minDays, 24 * maxDays));
        }
        return next;
    }

    /** Outreach looking for a participant who went quiet: up to two collateral contacts. */
    private void lookedFor(Story s, SplittableRandom r, Instant from, Instant until) {
        Instant c = from.plus(hours(r, 24 * 30, 24 * 60));
        for (int i = 0; i < 2 && c.isBefore(until); i++) {
            at(daytime(s, c), () -> contact(s, ContactType.COLLATERAL));
            c = c.plus(hours(r, 24 * 45, 24 * 75));
        }
    }

    private void contact(Story s, ContactType type) {
        if (s.closed) {
            return;
        }
        Enrollment e = expect(target.desk().recordContact(s.enrollment, s.caseManager, type, clock.instant()),
                "contact");
        if (s.enrollmentStatus == EnrollmentStatus.INACTIVE && e.status() == EnrollmentStatus.ACTIVE) {
            count(REENGAGEMENTS);
        }
        s.enrollmentStatus = e.status();
        count(CONTACTS);
    }

    /**
     * A new case after enrollment (SPEC §7.3): the prosecutor records it, asks the case manager (or, when the charging
     * deadline comes first, decides with a written waiver), the case manager answers within what Golden Rule 1
     * allows, and the prosecutor decides. The enrollment is untouched (rule R25).
     */
    private void newCase(Story s) {
        if (s.closed) {
            return;
        }
        SplittableRandom r = s.random;
        DemoSite site = s.site;
        Instant t = clock.instant();
        Offence offence = Offence.of(site.profile == DemoSite.Profile.SANTA_FE ? "SHOPLIFTING"
                : site.profile == DemoSite.Profile.ALBANY ? "PETIT_LARCENY" : "THEFT_LOW_LEVEL",
                OffenceLevel.MISDEMEANOR);
        List<LegalMatter> matters = r.nextDouble() < 0.3
                ? List.of(new LegalMatter(LegalMatter.Kind.COURT_DATE, LocalDate.ofInstant(t, site.policy.zone())
                        .plusDays(20 + r.nextInt(40))))
                : List.of();
        Instant arrested = t.minus(hours(r, 2, 48));
        if (arrested.isBefore(s.enrolledAt)) {
            arrested = s.enrolledAt;
        }
        PostEnrollmentCase c = expect(target.coordination().recordCase(site.prosecutor, s.id(), site.id,
                List.of(offence), matters, arrested), "new case");
        count(CASES);
        PostEnrollmentCaseId id = c.id();
        if (r.nextDouble() < 0.2) {
            at(daytime(s, t.plus(hours(r, 24, 24 * 5))), () -> decide(s, id, Optional.of(
                    "the charging deadline came before the consultation could take place")));
            return;
        }
        Instant asked = daytime(s, t.plus(hours(r, 2, 48)));
        at(asked, () -> {
            expect(target.coordination().requestConsultation(id, site.prosecutor), "consultation");
            count(CONSULTATIONS);
        });
        Instant shared = daytime(s, asked.plus(hours(r, 12, 24 * 4)));
        at(shared, () -> {
            // what the case manager may share with the prosecutor is decided by the participant's consents and logged
            target.disclosure().disclose(DisclosureRequest.of(s.caseManager, Role.PROSECUTOR, s.id(),
                    Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY), Purpose.LEGAL_COORDINATION));
            count(DISCLOSURES);
        });
        Instant input = daytime(s, shared.plus(hours(r, 2, 24 * 3)));
        at(input, () -> {
            if (s.closed) {
                return;
            }
            expect(target.coordination().recordCaseManagerInput(id, s.caseManager,
                    CM_INPUTS_TEXT.get(s.random.nextInt(CM_INPUTS_TEXT.size()))), "case-manager input");
            count(CM_INPUTS);
        });
        at(daytime(s, input.plus(hours(r, 4, 24 * 5))), () -> decide(s, id, Optional.empty()));
    }

    private void decide(Story s, PostEnrollmentCaseId id, Optional<String> waiver) {
        double x = s.random.nextDouble();
        ChargingDecision d = x < 0.35 ? ChargingDecision.FILE_WITH_COORDINATED_RESOLUTION : x < 0.65
                ? ChargingDecision.DECLINE : x < 0.80 ? ChargingDecision.HOLD_PENDING_OWG : x < 0.90
                ? ChargingDecision.FILE_STANDARD : ChargingDecision.NEW_LEAD_DIVERSION;
        expect(target.coordination().recordDecision(id, s.site.prosecutor, d, waiver,
                Optional.of("coordinated with the participant's plan"), false), "charging decision");
        count(DECISIONS);
        if (waiver.isPresent()) {
            count(WAIVERS);
        }
    }

    /** A closure with an allowed reason (SPEC §5.4); never for use, relapse or a new arrest (rule R24). */
    private void close(Story s) {
        if (s.closed) {
            return;
        }
        double x = s.random.nextDouble();
        Enrollment e;
        if (x < 0.35) {
            e = expect(target.desk().withdrawFromEnrollment(s.enrollment, s.caseManager), "withdrawal");
        } else {
            ClosureReason reason = x < 0.60 ? ClosureReason.MOVED_OUT_OF_AREA : x < 0.80
                    ? ClosureReason.GOALS_MET_SELF_SUFFICIENT : x < 0.92 ? ClosureReason.LONG_TERM_INCARCERATION
                    : ClosureReason.DECEASED;
            e = expect(target.desk().closeEnrollment(s.enrollment, s.caseManager, reason), "closure");
        }
        s.enrollmentStatus = e.status();
        s.closed = true;
        caseload.merge(s.caseManager, -1, Integer::sum);
        count(CLOSURES);
    }

    // ---- the well-known records -------------------------------------------------------------------------------------

    /**
     * The records the README, the saved GraphiQL operations and the tests name, all at Seattle: Rosa and Sam on the
     * demo case manager's caseload (Rosa with no consent covering prosecutors, Sam with a release that covers the
     * prosecutor and a new case under consultation), Dana who lapsed, Lee who revoked her release and drifted away and
     * back, Ana with a Part 2 consent, Jo under the minimum age, Kai over the weight threshold and Max whose warrant
     * the sergeant overrode.
     */
    private void wellKnown(SplittableRandom r) {
        DemoSite seattle = siteByName.get(DemoSite.Profile.SEATTLE.name);
        Actor officer = Actor.of(DemoUsers.OFFICER, Role.OFFICER);
        Actor sergeant = Actor.of(DemoUsers.SERGEANT, Role.SERGEANT);
        Actor cm1 = Actor.of(DemoUsers.CASE_MANAGER, Role.CASE_MANAGER);
        Actor pm = Actor.of(DemoUsers.PROJECT_MANAGER, Role.PROJECT_MANAGER);
        Actor prosecutor = Actor.of(DemoUsers.PROSECUTOR, Role.PROSECUTOR);
        Actor shelter = Actor.of(DemoUsers.COMMUNITY_REFERRER, Role.COMMUNITY_REFERRER);
        AreaId west = AreaId.of("WEST_PRECINCT");
        LocalDate today = settings.today();

        // Rosa: arrested with 1.2 g of heroin in the West precinct, diverted, enrolled on cm-1's caseload; her release
        // covers the court, her defender and the work group, but no prosecutor
        Story rosa = known(seattle, ROSA, today.minusYears(38).minusDays(41), "BLACK", "NOT_HISPANIC", "FEMALE", west,
                r);
        Instant rosaAt = local(seattle, today.minusDays(200), 21, 10);
        var rosaReferral = arrest(seattle, officer, rosa.person, west)
                .offence(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR))
                .drugFacts(DrugFacts.possession("HEROIN", "POWDER", new BigDecimal("1.2"))).build();
        at(rosaAt, () -> knownReferral(rosa, rosaReferral));
        at(rosaAt.plus(Duration.ofMinutes(31)), () -> {
            expect(target.desk().recordHandoff(rosa.referral, cm1, rosaAt.plus(Duration.ofMinutes(5)),
                    rosaAt.plus(Duration.ofMinutes(30))), "Rosa's hand-off");
            count(HANDOFFS);
        });
        at(rosaAt.plus(Duration.ofMinutes(35)), () -> rosa.status = expect(target.desk().accept(rosa.referral, cm1),
                "Rosa's acceptance").status());
        Instant rosaIntake = rosaAt.plus(Duration.ofDays(12)).plus(Duration.ofHours(14));
        at(rosaIntake, () -> {
            intake(rosa, cm1);
            consent(rosa, ConsentType.MULTI_PARTY_ROI, CARE_ROI_ROLES, CARE_ROI_PURPOSES, CARE_ROI_CLASSES,
                    Optional.empty());
        });
        scripted(rosa, rosaIntake.plus(Duration.ofDays(3)), PlanDomain.HOUSING, "a room of her own",
                GoalStatus.IN_PROGRESS);
        scripted(rosa, rosaIntake.plus(Duration.ofDays(3)).plusSeconds(600), PlanDomain.IDENTIFICATION_DOCUMENTS,
                "replace her state ID", GoalStatus.ACHIEVED);
        scripted(rosa, rosaIntake.plus(Duration.ofDays(9)), PlanDomain.PHYSICAL_HEALTH,
                "see a doctor about her leg", null);
        at(rosaIntake.plus(Duration.ofDays(4)), () -> {
            expect(target.caseManagement().addServiceReferral(rosa.enrollment, cm1, PlanDomain.HOUSING,
                    "Housing navigation team", ServiceReferralStatus.CONNECTED), "Rosa's service referral");
            count(SERVICE_REFERRALS);
            expect(target.caseManagement().spend(rosa.enrollment, cm1, clock.instant(), Money.of("45.00", "USD"),
                    PlanDomain.IDENTIFICATION_DOCUMENTS, "Licensing office", "state ID fee", Optional.empty(),
                    Optional.of(rosa.goals.get(1))), "Rosa's ID fee");
            count(EXPENDITURES);
            expect(target.caseManagement().spend(rosa.enrollment, cm1, clock.instant(), Money.of("240.00", "USD"),
                    PlanDomain.HOUSING, "Motel", "two nights indoors", Optional.empty(),
                    Optional.of(rosa.goals.get(0))), "Rosa's motel nights");
            count(EXPENDITURES);
        });
        regularContacts(rosa, rosaIntake.plus(Duration.ofDays(1)), 10);

        // Sam: a social-contact referral after an officer saw him use; his release covers the prosecutor for legal
        // coordination, and a new shoplifting case is under consultation
        Story sam = known(seattle, SAM, today.minusYears(46).minusDays(120), "WHITE", "NOT_HISPANIC", "MALE", west, r);
        Instant samAt = local(seattle, today.minusDays(150), 14, 30);
        var samReferral = ReferralSubmission.builder(seattle.id, Door.SOCIAL_CONTACT,
                        new Referrer(officer, Optional.empty(), true), sam.person)
                .location(Location.in(west))
                .evidence(new VerificationEvidence(EvidenceKind.DIRECT_OBSERVATION, today.minusDays(170),
                        Location.in(west)))
                .personConsents(true).build();
        at(samAt, () -> knownReferral(sam, samReferral));
        at(samAt.plus(Duration.ofHours(20)), () -> sam.status = expect(target.desk().accept(sam.referral, cm1),
                "Sam's acceptance").status());
        Instant samIntake = samAt.plus(Duration.ofDays(9));
        at(samIntake, () -> {
            intake(sam, cm1);
            sam.roi = consent(sam, ConsentType.MULTI_PARTY_ROI, FULL_ROI_ROLES, FULL_ROI_PURPOSES, FULL_ROI_CLASSES,
                    Optional.empty()).id();
        });
        scripted(sam, samIntake.plus(Duration.ofDays(2)), PlanDomain.INCOME_BENEFITS, "get his benefits reinstated",
                GoalStatus.IN_PROGRESS);
        scripted(sam, samIntake.plus(Duration.ofDays(2)).plusSeconds(900), PlanDomain.HOUSING,
                "move from the shelter to a studio", null);
        regularContacts(sam, samIntake.plus(Duration.ofDays(2)), 8);
        Instant samCase = local(seattle, today.minusDays(9), 11, 0);
        PostEnrollmentCaseId[] samCaseId = new PostEnrollmentCaseId[1];
        at(samCase, () -> {
            samCaseId[0] = expect(target.coordination().recordCase(prosecutor, sam.id(), seattle.id,
                    List.of(Offence.of("THEFT_LOW_LEVEL", OffenceLevel.MISDEMEANOR)), List.of(),
                    samCase.minus(Duration.ofHours(20))), "Sam's new case").id();
            count(CASES);
        });
        at(samCase.plus(Duration.ofDays(1)), () -> {
            expect(target.coordination().requestConsultation(samCaseId[0], prosecutor), "Sam's consultation");
            count(CONSULTATIONS);
            target.disclosure().disclose(DisclosureRequest.of(cm1, Role.PROSECUTOR, sam.id(),
                    Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY), Purpose.LEGAL_COORDINATION));
            count(DISCLOSURES);
        });
        at(samCase.plus(Duration.ofDays(4)), () -> {
            expect(target.coordination().recordCaseManagerInput(samCaseId[0], cm1,
                    "engaged every week; benefits appointment next week; a conviction would cost him the studio"),
                    "Sam's case-manager input");
            count(CM_INPUTS);
        });

        // Dana: diverted, accepted, but never came to intake; the sweep lapsed her referral and released the charge,
        // which the prosecutor then declined in ordinary review
        Story dana = known(seattle, DANA, today.minusYears(29).minusDays(200), "NATIVE", "NOT_HISPANIC", "FEMALE", west,
                r);
        Instant danaAt = local(seattle, today.minusDays(75), 22, 5);
        var danaReferral = arrest(seattle, officer, dana.person, west)
                .offence(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR))
                .drugFacts(DrugFacts.possession("HEROIN", "POWDER", new BigDecimal("0.8"))).build();
        at(danaAt, () -> knownReferral(dana, danaReferral));
        at(danaAt.plus(Duration.ofMinutes(27)), () -> {
            expect(target.desk().recordHandoff(dana.referral, cm1, danaAt.plus(Duration.ofMinutes(4)),
                    danaAt.plus(Duration.ofMinutes(26))), "Dana's hand-off");
            count(HANDOFFS);
        });
        at(danaAt.plus(Duration.ofMinutes(30)), () -> dana.status = expect(target.desk().accept(dana.referral, cm1),
                "Dana's acceptance").status());
        dana.afterLapse = () -> at(clock.instant().plus(Duration.ofDays(3)), () -> {
            expect(target.desk().recordOrdinaryReview(dana.referral, prosecutor, DivertedCaseStatus.DECLINED),
                    "Dana's ordinary review");
            count(ORDINARY_REVIEWS);
        });

        // Lee: a community referral from the shelter, approved by the project manager; enrolled, signed a release and
        // later revoked it; went quiet for months (inactive) and came back
        Story lee = known(seattle, LEE, today.minusYears(33).minusDays(77), "BLACK", "HISPANIC", "NONBINARY", west, r);
        Instant leeAt = local(seattle, today.minusDays(240), 10, 15);
        var leeReferral = ReferralSubmission.builder(seattle.id, Door.COMMUNITY,
                        new Referrer(shelter, Optional.empty(), true), lee.person)
                .location(Location.in(west)).attestedCriteria(seattle.policy.communityCriteria())
                .personConsents(true).build();
        at(leeAt, () -> knownReferral(lee, leeReferral));
        at(leeAt.plus(Duration.ofDays(1)), () -> {
            expect(target.desk().approve(lee.referral, pm), "Lee's approval");
            count(APPROVALS);
            lee.status = expect(target.desk().accept(lee.referral, cm1), "Lee's acceptance").status();
        });
        Instant leeIntake = leeAt.plus(Duration.ofDays(6));
        at(leeIntake, () -> {
            intake(lee, cm1);
            lee.roi = consent(lee, ConsentType.MULTI_PARTY_ROI, FULL_ROI_ROLES, FULL_ROI_PURPOSES, FULL_ROI_CLASSES,
                    Optional.empty()).id();
        });
        scripted(lee, leeIntake.plus(Duration.ofDays(5)), PlanDomain.MENTAL_HEALTH,
                "find a counsellor they trust", GoalStatus.IN_PROGRESS);
        for (int i = 1; i <= 5; i++) {
            Instant c = leeIntake.plus(Duration.ofDays(7L * i));
            at(c, () -> contact(lee, ContactType.IN_PERSON_FIELD));
        }
        for (int i = 1; i <= 4; i++) {
            Instant c = leeIntake.plus(Duration.ofDays(35 + 30L * i));
            at(c, () -> contact(lee, ContactType.COLLATERAL));
        }
        at(local(seattle, today.minusDays(60), 16, 0), () -> revoke(lee, cm1));
        at(local(seattle, today.minusDays(20), 12, 0), () -> contact(lee, ContactType.IN_PERSON_FIELD));
        at(local(seattle, today.minusDays(6), 12, 0), () -> contact(lee, ContactType.PHONE));

        // Ana: arrested for prostitution, diverted and enrolled; her substance-use treatment record is shared only
        // under a Part 2 consent; abstinence is a goal she chose herself
        Story ana = known(seattle, ANA, today.minusYears(24).minusDays(15), "MULTIRACIAL", "HISPANIC", "FEMALE", west,
                r);
        Instant anaAt = local(seattle, today.minusDays(120), 23, 40);
        var anaReferral = arrest(seattle, officer, ana.person, west)
                .offence(Offence.of("PROSTITUTION", OffenceLevel.MISDEMEANOR)).build();
        at(anaAt, () -> knownReferral(ana, anaReferral));
        at(anaAt.plus(Duration.ofMinutes(25)), () -> {
            expect(target.desk().recordHandoff(ana.referral, cm1, anaAt.plus(Duration.ofMinutes(3)),
                    anaAt.plus(Duration.ofMinutes(22))), "Ana's hand-off");
            count(HANDOFFS);
            ana.status = expect(target.desk().accept(ana.referral, cm1), "Ana's acceptance").status();
        });
        Instant anaIntake = anaAt.plus(Duration.ofDays(4));
        at(anaIntake, () -> {
            intake(ana, cm1);
            consent(ana, ConsentType.MULTI_PARTY_ROI, CARE_ROI_ROLES, CARE_ROI_PURPOSES, CARE_ROI_CLASSES,
                    Optional.empty());
        });
        at(anaIntake.plus(Duration.ofDays(10)), () -> part2(ana));
        at(anaIntake.plus(Duration.ofDays(2)), () -> goal(ana, PlanDomain.SUBSTANCE_USE, GoalKind.ABSTINENCE,
                "stop using heroin: her own goal, never a condition"));
        at(anaIntake.plus(Duration.ofDays(3)), () -> {
            expect(target.caseManagement().addServiceReferral(ana.enrollment, cm1, PlanDomain.SUBSTANCE_USE,
                    "Opioid treatment programme", ServiceReferralStatus.CONNECTED), "Ana's service referral");
            count(SERVICE_REFERRALS);
        });
        regularContacts(ana, anaIntake.plus(Duration.ofDays(1)), 7);

        // Jo: 17 at the arrest; under the minimum age, a HARD exclusion nobody can override (E4, rule R12)
        Story jo = known(seattle, JO, today.minusYears(17).minusDays(80), "WHITE", "NOT_HISPANIC", "MALE", west, r);
        var joReferral = arrest(seattle, officer, jo.person, west)
                .offence(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR))
                .drugFacts(DrugFacts.possession("METHAMPHETAMINE", "POWDER", new BigDecimal("0.5"))).build();
        at(local(seattle, today.minusDays(95), 17, 20), () -> {
            knownReferral(jo, joReferral);
            count(HARD_EXCLUSIONS);
        });

        // Kai: 7.5 g, over Seattle's 3 g threshold; the sergeant confirms the exclusion (E1, PRESUMPTIVE)
        Story kai = known(seattle, KAI, today.minusYears(35).minusDays(10), "BLACK", "NOT_HISPANIC", "MALE", west, r);
        Instant kaiAt = local(seattle, today.minusDays(130), 19, 0);
        var kaiReferral = arrest(seattle, officer, kai.person, west)
                .offence(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR))
                .drugFacts(DrugFacts.possession("HEROIN", "POWDER", new BigDecimal("7.5"))).build();
        at(kaiAt, () -> knownReferral(kai, kaiReferral));
        at(kaiAt.plus(Duration.ofMinutes(15)), () -> {
            kai.status = expect(target.desk().confirmExclusion(kai.referral, sergeant,
                    "more than twice the threshold; not a subsistence amount"), "Kai's confirmation").status();
            count(CONFIRMED_EXCLUSIONS);
        });

        // Max: an outstanding warrant (E12, PRESUMPTIVE) for an unpaid fine; the sergeant lifts it and Max enrolls
        Story max = known(seattle, MAX, today.minusYears(52).minusDays(300), "BLACK", "NOT_HISPANIC", "MALE",
                AreaId.of("EAST_PRECINCT"), r);
        Instant maxAt = local(seattle, today.minusDays(180), 16, 45);
        var maxReferral = arrest(seattle, officer, max.person, AreaId.of("EAST_PRECINCT"))
                .offence(Offence.of("THEFT_LOW_LEVEL", OffenceLevel.MISDEMEANOR))
                .history(new CriminalHistory(List.of(), List.of(), List.of(), List.of(), List.of(), 1)).build();
        at(maxAt, () -> knownReferral(max, maxReferral));
        at(maxAt.plus(Duration.ofMinutes(12)), () -> {
            max.status = expect(target.desk().override(max.referral, sergeant,
                    "the warrant is for an unpaid fine; legal coordination will quash it"), "Max's override").status();
            count(OVERRIDES);
            toIntake(max, Path.ENROLL, true);
        });
    }

    private Story known(DemoSite site, String id, LocalDate dob, String race, String ethnicity, String gender,
                        AreaId area, SplittableRandom r) {
        var person = new Person(new PersonId(id), Optional.of(dob),
                new Demographics(Optional.of(race), Optional.of(ethnicity), Optional.of(gender)), Optional.of(area),
                false);
        var story = new Story(site, person, r.split());
        stories.add(story);
        return story;
    }

    private static ReferralSubmission.Builder arrest(DemoSite site, Actor officer, Person person, AreaId area) {
        return ReferralSubmission.builder(site.id, Door.ARREST_DIVERSION, new Referrer(officer, Optional.empty(), true),
                person).location(Location.in(area)).probableCause(true).personConsents(true);
    }

    private void knownReferral(Story s, ReferralSubmission submission) {
        Referral r = expect(target.desk().submit(submission), "well-known referral");
        s.door = submission.door();
        s.referral = r.id();
        s.status = r.status();
        byReferral.put(r.id(), s);
    }

    private void scripted(Story s, Instant at, PlanDomain domain, String description, GoalStatus later) {
        at(at, () -> {
            if (s.closed) {
                return;
            }
            InterventionPlan plan = expect(target.caseManagement().addGoal(s.enrollment, s.caseManager, domain,
                    GoalKind.GENERAL, description, true), "goal");
            GoalId goal = plan.goals().get(plan.goals().size() - 1).id();
            s.goals.add(goal);
            count(GOALS);
            if (later != null) {
                at(clock.instant().plus(Duration.ofDays(later == GoalStatus.ACHIEVED ? 20 : 6)),
                        () -> goalStatus(s, goal, later));
            }
        });
    }

    /** Contacts every {@code days} days (give or take two) from {@code from} until a few days before the end. */
    private void regularContacts(Story s, Instant from, int days) {
        ContactType[] types = {ContactType.IN_PERSON_FIELD, ContactType.OFFICE, ContactType.PHONE,
            ContactType.IN_PERSON_FIELD, ContactType.ACCOMPANIMENT, ContactType.TEXT};
        int i = 0;
        for (Instant t = from; t.isBefore(end.minus(Duration.ofDays(2))); t = t.plus(Duration.ofDays(days - 2
                + s.random.nextInt(5)))) {
            ContactType type = types[i++ % types.length];
            at(daytime(s, t.plus(Duration.ofMinutes(s.random.nextInt(8 * 60)))), () -> contact(s, type));
        }
    }

    // ---- draws --------------------------------------------------------------------------------------------------

    private DemoSite pickSite(SplittableRandom r) {
        double x = r.nextDouble();
        for (DemoSite s : sites) {
            x -= s.share;
            if (x < 0) {
                return s;
            }
        }
        return sites.get(sites.size() - 1);
    }

    /**
     * The path of a referral, grounded in Santa Fe's 105 referrals (SPEC §8.3: 9 ineligible, 3 declined, 6 without
     * intake within the deadline, 87 enrolled); overrides, withdrawals and authority rejections are assumptions.
     */
    private static Path path(SplittableRandom r) {
        double x = r.nextDouble();
        if (x < 0.030) {
            return Path.HARD;
        }
        if (x < 0.086) {
            return Path.PRESUMPTIVE_CONFIRMED;
        }
        if (x < 0.110) {
            return Path.PRESUMPTIVE_OVERRIDDEN;
        }
        if (x < 0.139) {
            return Path.DECLINE;
        }
        if (x < 0.196) {
            return Path.LAPSE;
        }
        if (x < 0.206) {
            return Path.WITHDRAW;
        }
        if (x < 0.216) {
            return Path.AUTHORITY_REJECTED;
        }
        return Path.ENROLL;
    }

    /** When a referral is made: any day of the year, police doors from morning to late evening, community by day. */
    private Instant referralInstant(DemoSite site, Door door, SplittableRandom r) {
        LocalDate firstDay = LocalDate.ofInstant(start, site.policy.zone()).plusDays(1);
        LocalDate day = firstDay.plusDays(r.nextInt(362));
        int hour = door == Door.COMMUNITY ? 9 + r.nextInt(8) : 8 + r.nextInt(15);
        return local(site, day, hour, r.nextInt(60));
    }

    private static Instant local(DemoSite site, LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(site.policy.zone()).toInstant();
    }

    /**
     * The instant itself during working hours (08:00–20:00 at the site), else the next working morning: staff record
     * their work by day. Never earlier than {@code t}, so steps computed one after another keep their order.
     */
    private static Instant daytime(Story s, Instant t) {
        ZonedDateTime local = t.atZone(s.site.policy.zone());
        int hour = local.getHour();
        if (hour >= 8 && hour < 20) {
            return t;
        }
        ZonedDateTime morning = (hour < 8 ? local : local.plusDays(1)).with(LocalTime.of(hour < 8 ? 8 : 9, 0));
        return morning.plusMinutes(s.random.nextInt(120)).toInstant();
    }

    private static Duration minutes(SplittableRandom r, int min, int max) {
        return Duration.ofMinutes(min + r.nextInt(Math.max(1, max - min + 1)));
    }

    private static Duration hours(SplittableRandom r, int min, int max) {
        return Duration.ofMinutes(60L * min + r.nextInt(Math.max(1, 60 * (max - min) + 1)));
    }

    private static final DemoSite.Weighted<PlanDomain> GOAL_DOMAINS = DemoSite.Weighted.of(Map.ofEntries(
            Map.entry(PlanDomain.HOUSING, 0.28), Map.entry(PlanDomain.SUBSTANCE_USE, 0.14),
            Map.entry(PlanDomain.MENTAL_HEALTH, 0.10), Map.entry(PlanDomain.PHYSICAL_HEALTH, 0.08),
            Map.entry(PlanDomain.LEGAL, 0.08), Map.entry(PlanDomain.INCOME_BENEFITS, 0.10),
            Map.entry(PlanDomain.IDENTIFICATION_DOCUMENTS, 0.08), Map.entry(PlanDomain.EMPLOYMENT_EDUCATION, 0.05),
            Map.entry(PlanDomain.BASIC_NEEDS, 0.04), Map.entry(PlanDomain.FAMILY_CHILDCARE, 0.02),
            Map.entry(PlanDomain.SAFETY, 0.01), Map.entry(PlanDomain.TRANSPORTATION, 0.02)));

    private static final DemoSite.Weighted<ContactType> CONTACT_TYPES = DemoSite.Weighted.of(Map.of(
            ContactType.IN_PERSON_FIELD, 0.45, ContactType.OFFICE, 0.15, ContactType.PHONE, 0.15, ContactType.TEXT,
            0.15, ContactType.ACCOMPANIMENT, 0.10));

    private static final Map<PlanDomain, List<String>> GOAL_TEXT = new EnumMap<>(Map.ofEntries(
            Map.entry(PlanDomain.HOUSING, List.of("a safe place to sleep", "move from the street into a shelter bed",
                    "apply for supportive housing", "keep the apartment")),
            Map.entry(PlanDomain.SUBSTANCE_USE, List.of("start medication for opioid use", "use more safely",
                    "cut down on meth", "try detox again")),
            Map.entry(PlanDomain.MENTAL_HEALTH, List.of("see a counsellor", "get back on medication",
                    "find a crisis plan that works")),
            Map.entry(PlanDomain.PHYSICAL_HEALTH, List.of("sign up for health insurance", "treat hepatitis C",
                    "get a wound looked at")),
            Map.entry(PlanDomain.LEGAL, List.of("clear old warrants", "make the court date", "resolve unpaid fines")),
            Map.entry(PlanDomain.INCOME_BENEFITS, List.of("get food benefits reinstated", "apply for disability",
                    "open a bank account")),
            Map.entry(PlanDomain.IDENTIFICATION_DOCUMENTS, List.of("replace a lost ID", "get a birth certificate")),
            Map.entry(PlanDomain.EMPLOYMENT_EDUCATION, List.of("finish the GED", "find day work",
                    "get a food-handler card")),
            Map.entry(PlanDomain.BASIC_NEEDS, List.of("a phone that works", "warm clothes for the winter")),
            Map.entry(PlanDomain.FAMILY_CHILDCARE, List.of("see the kids again", "reconnect with family")),
            Map.entry(PlanDomain.SAFETY, List.of("a safety plan")),
            Map.entry(PlanDomain.TRANSPORTATION, List.of("a bus pass to get to appointments"))));

    private static final Map<PlanDomain, String> PROVIDERS = new EnumMap<>(Map.ofEntries(
            Map.entry(PlanDomain.HOUSING, "Housing navigation team"),
            Map.entry(PlanDomain.SUBSTANCE_USE, "Opioid treatment programme"),
            Map.entry(PlanDomain.MENTAL_HEALTH, "Community mental health centre"),
            Map.entry(PlanDomain.PHYSICAL_HEALTH, "Street medicine clinic"),
            Map.entry(PlanDomain.LEGAL, "LEAD legal aid"),
            Map.entry(PlanDomain.INCOME_BENEFITS, "Benefits office"),
            Map.entry(PlanDomain.IDENTIFICATION_DOCUMENTS, "Vital records office"),
            Map.entry(PlanDomain.EMPLOYMENT_EDUCATION, "Job training centre"),
            Map.entry(PlanDomain.BASIC_NEEDS, "Day centre"),
            Map.entry(PlanDomain.FAMILY_CHILDCARE, "Family services"),
            Map.entry(PlanDomain.SAFETY, "Domestic violence advocates"),
            Map.entry(PlanDomain.TRANSPORTATION, "Transit reduced-fare desk")));

    private static final List<String> CM_INPUTS_TEXT = List.of(
            "engaged; housing search under way; a jail stay would cost the shelter bed",
            "in contact every week; started treatment last month",
            "hard to reach lately; outreach is looking; a court date would help us find them",
            "working on ID and benefits; resolution aligned with the plan would keep the momentum");

    private static String describe(PlanDomain domain, SplittableRandom r) {
        List<String> texts = GOAL_TEXT.get(domain);
        return texts.get(r.nextInt(texts.size()));
    }

    /** The full multi-party release: partners, the court and the work group, for care and legal coordination. */
    static final Set<Role> FULL_ROI_ROLES = Set.of(Role.PROSECUTOR, Role.LIAISON_PROSECUTOR, Role.DEFENDER,
            Role.OFFICER, Role.SERGEANT, Role.OWG_MEMBER, Role.COURT);
    static final Set<Purpose> FULL_ROI_PURPOSES = Set.of(Purpose.CARE_COORDINATION, Purpose.LEGAL_COORDINATION,
            Purpose.COURT_PROGRESS);
    static final Set<DataClass> FULL_ROI_CLASSES = Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY,
            DataClass.LEGAL_COORDINATION);
    /** A release for care only: defender, court and work group, no police and no prosecutor. */
    static final Set<Role> CARE_ROI_ROLES = Set.of(Role.DEFENDER, Role.OWG_MEMBER, Role.COURT);
    static final Set<Purpose> CARE_ROI_PURPOSES = Set.of(Purpose.CARE_COORDINATION, Purpose.COURT_PROGRESS);
    static final Set<DataClass> CARE_ROI_CLASSES = Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY);
    static final Set<DataClass> EVALUATION_CLASSES = Set.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY,
            DataClass.LEGAL_COORDINATION);

    // ---- bookkeeping --------------------------------------------------------------------------------------------

    private void count(String what) {
        activity.merge(what, 1, Integer::sum);
    }

    private static void requireStatus(Referral r, ReferralStatus expected) {
        if (r.status() != expected) {
            throw new IllegalStateException("demo data: screening gave " + r.status() + " where the story expects "
                    + expected + " " + r.screening().findings().stream().map(f -> f.exclusion() + "")
                    .collect(Collectors.joining(",")));
        }
    }

    /** The value of a command the story expects to succeed; a refusal is a bug in the demo data, named by its codes. */
    private static <T> T expect(Outcome<T> out, String what) {
        if (!out.isSuccess()) {
            throw new IllegalStateException("demo data: the " + what + " was refused: " + out.errors().stream()
                    .map(DemoData::reason).collect(Collectors.joining("; ")));
        }
        return out.value();
    }

    private static String reason(DomainError e) {
        return e.code() + " on " + e.field() + " (" + e.rule() + ")";
    }

    private Summary summary(Duration took) {
        Map<Door, Integer> byDoor = new EnumMap<>(Door.class);
        Map<ReferralStatus, Integer> byStatus = new EnumMap<>(ReferralStatus.class);
        Map<EnrollmentStatus, Integer> enrollments = new EnumMap<>(EnrollmentStatus.class);
        for (Story s : stories) {
            if (s.referral != null) {
                byDoor.merge(s.door, 1, Integer::sum);
                byStatus.merge(s.status, 1, Integer::sum);
            }
            if (s.enrollment != null) {
                enrollments.merge(s.enrollmentStatus, 1, Integer::sum);
            }
        }
        var counts = new LinkedHashMap<String, Integer>();
        activity.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> counts.put(e.getKey(),
                e.getValue()));
        counts.put("case managers", sites.stream().mapToInt(s -> s.caseManagers.size()).sum());
        counts.put("cm-1 caseload", caseload.getOrDefault(Actor.of(DemoUsers.CASE_MANAGER, Role.CASE_MANAGER), 0));
        return new Summary(sites.size(), stories.size(), byDoor, byStatus, enrollments, counts, took);
    }
}
