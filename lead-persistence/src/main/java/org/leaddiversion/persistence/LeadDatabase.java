/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.leaddiversion.domain.common.EventLog;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Transactions;
import org.leaddiversion.domain.consent.Consents;
import org.leaddiversion.domain.consent.DisclosureLog;
import org.leaddiversion.domain.consent.ParticipantAccess;
import org.leaddiversion.domain.enrollment.Enrollments;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.Referrals;
import org.leaddiversion.domain.plan.FlexFunds;
import org.leaddiversion.domain.plan.InterventionPlans;
import org.leaddiversion.domain.plan.SiteCaseloads;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicies;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.prosecution.PostEnrollmentCases;
import org.leaddiversion.domain.workgroup.Meetings;
import org.leaddiversion.domain.workgroup.WorkgroupDesk;

/**
 * The library's database: its schema migrated with Flyway, and the domain's ports on it. Open one with
 * {@link #connect} (the library builds and owns a HikariCP pool from {@link DatabaseSettings}), {@link #on} (the host
 * hands in its own {@code DataSource}, which the library never closes), or {@link #h2InMemory} / {@link #h2File}
 * for the embedded default. PostgreSQL is the production database; H2 runs the same migrations.
 *
 * <p>Every command's aggregate changes, events and log entries are written in one transaction
 * ({@link #transactions()}); a stale write is refused with a conflict naming the aggregate and versions.
 */
public final class LeadDatabase implements AutoCloseable {

    /** The database products the library runs on. */
    public enum Vendor {
        POSTGRESQL("postgresql", SQLDialect.POSTGRES), H2("h2", SQLDialect.H2);

        private final String folder;
        private final SQLDialect dialect;

        Vendor(String folder, SQLDialect dialect) {
            this.folder = folder;
            this.dialect = dialect;
        }
    }

    private final DataSource dataSource;
    private final Optional<HikariDataSource> owned;
    private final Vendor vendor;
    private final JooqTransactions transactions;
    private final EventStore events;
    private final JooqConsents consents;
    private final JooqDisclosureLog disclosures;
    private final JooqEnrollments enrollments;
    private final JooqContacts contacts;
    private final JooqInterventionPlans plans;
    private final JooqFlexFunds flexFunds;
    private final JooqSiteCaseloads caseloads;
    private final JooqReferrals referrals;
    private final JooqPostEnrollmentCases postEnrollmentCases;
    private final JooqMeetings meetings;
    private final JooqAuditLog audit;
    private final ParticipantAccess access = new ParticipantAccess();
    /** Parsed site policy histories by site and latest version: a few per site is plenty. */
    private final CommittedVersions<SiteId, SitePolicyHistory> parsedPolicies = new CommittedVersions<>(256);

    private LeadDatabase(DataSource dataSource, Optional<HikariDataSource> owned, Optional<String> schema) {
        this.dataSource = dataSource;
        this.owned = owned;
        this.vendor = vendorOf(dataSource);
        migrate(schema);
        // jOOQ's own execute logging is off: at DEBUG it would write each statement with its bind values inlined,
        // personal data included, to the host's log; and SQL warnings are not fetched after every statement (the
        // library acts on none)
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteWithOptimisticLocking(false).withExecuteLogging(false).withFetchWarnings(false);
        var configuration = new DefaultConfiguration().set(dataSource).set(vendor.dialect).set(settings)
                .set(new DefaultExecuteListenerProvider(new ExecuteListener() {
                    @Override
                    public void exception(ExecuteContext ctx) {
                        // every statement, in a transaction or not: connection failures become the library's error
                        if (ctx.exception() instanceof DataAccessException e) {
                            ctx.exception(Failures.translate(e));
                        }
                    }
                }));
        DSLContext dsl = DSL.using(configuration);
        this.transactions = new JooqTransactions(dsl);
        this.events = new EventStore(transactions);
        this.consents = new JooqConsents(transactions, events);
        this.disclosures = new JooqDisclosureLog(transactions, events);
        this.enrollments = new JooqEnrollments(transactions, events);
        this.contacts = new JooqContacts(transactions);
        this.plans = new JooqInterventionPlans(transactions, events);
        this.flexFunds = new JooqFlexFunds(transactions, events);
        this.caseloads = new JooqSiteCaseloads(transactions, events, new CommittedVersions<>(64));
        this.referrals = new JooqReferrals(transactions, events);
        this.postEnrollmentCases = new JooqPostEnrollmentCases(transactions, events);
        this.meetings = new JooqMeetings(transactions);
        this.audit = new JooqAuditLog(transactions);
    }

    /** Builds a connection pool from {@code settings}, migrates the schema and opens the ports. Close it when done. */
    public static LeadDatabase connect(DatabaseSettings settings) {
        Require.present(settings, "settings");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        settings.username().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        settings.schema().ifPresent(config::setSchema);
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setIdleTimeout(settings.idleTimeout().toMillis());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        config.setPoolName("lead");
        // a pool that starts while the database is down still starts, and connects once it is back
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new LeadDatabase(pool, Optional.of(pool), settings.schema());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Migrates and opens the ports on the host's own {@code dataSource}, which the library never closes. */
    public static LeadDatabase on(DataSource dataSource) {
        return new LeadDatabase(Require.present(dataSource, "dataSource"), Optional.empty(), Optional.empty());
    }

    /** An in-process H2 database in memory, gone when closed (for tests and demos). */
    public static LeadDatabase h2InMemory(String name) {
        Require.text(name, "name");
        return connect(DatabaseSettings.of("jdbc:h2:mem:" + name + ";" + H2_MODE + ";DB_CLOSE_DELAY=-1"));
    }

    /** An in-process H2 database in a file (the embedded default of the example server). */
    public static LeadDatabase h2File(Path file) {
        Require.present(file, "file");
        return connect(DatabaseSettings.of("jdbc:h2:file:" + file.toAbsolutePath() + ";" + H2_MODE));
    }

    /** H2 behaving like PostgreSQL as far as the library's SQL needs. */
    static final String H2_MODE = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** One transaction per command (the domain's {@link Transactions} port). */
    public Transactions transactions() {
        return transactions;
    }

    /** The domain event log (the library's own desks and tests; hosts take events through {@link #outbox}). */
    EventLog events() {
        return events;
    }

    /**
     * The transactional outbox, for the host's relay of domain events to other systems; {@code clock} stamps when
     * each batch was published.
     */
    public Outbox outbox(Clock clock) {
        return new Outbox(transactions, Require.present(clock, "clock"), vendor);
    }

    /**
     * The audited reads of participant data: the only way a host reads a participant's record from this database.
     * Every read is decided by the domain's {@link ParticipantAccess} at {@code clock}'s instant and writes one audit
     * entry per participant in the read's transaction.
     */
    public ParticipantRecords records(Clock clock) {
        Require.present(clock, "clock");
        var workgroup = new WorkgroupDesk(clock, sitePolicies(clock), referrals, enrollments, postEnrollmentCases,
                consents, events);
        return new ParticipantRecords(transactions, referrals, postEnrollmentCases, consents, audit, access, workgroup,
                clock);
    }

    /** The read audit about a participant, for a compliance officer (itself audited; see {@link AuditTrail}). */
    public AuditTrail auditTrail(Clock clock) {
        return new AuditTrail(transactions, audit, Require.present(clock, "clock"));
    }

    /**
     * The domain's desks on this database, wired as {@link org.leaddiversion.domain.memory.InMemoryProgramme} wires
     * them in memory: how a host runs commands. Reads of participant data go through its
     * {@link PersistentProgramme#records()}.
     */
    public PersistentProgramme programme(Clock clock, IdGenerator ids, CaseloadCapacity capacity) {
        return new PersistentProgramme(this, clock, ids, capacity);
    }

    /**
     * Writes a whole programme record into this database, which must hold no programme data yet, in one transaction:
     * every referral, enrollment, caseload, plan, fund, consent and case at the version it has in the record, the
     * contacts, the disclosure log with its sequence numbers, the OWG meetings, and the event log in the record's order
     * — the rows the desks of {@link #programme} would have left had they taken the commands that made the record. It
     * moves a programme played in memory ({@link org.leaddiversion.domain.memory.InMemoryProgramme#record}: a pilot,
     * a migration rehearsal, demo data) into a database at once, far faster than replaying its commands. The record's
     * site policies are not written (a {@link SitePolicies} cannot be listed): store each site's history first through
     * {@link #sitePolicies()}.
     *
     * @throws IllegalStateException when the database already holds programme data, or the record names a site without
     *                               a stored policy; nothing is written then
     */
    public void load(org.leaddiversion.domain.rules.ProgrammeRecord record) {
        Require.present(record, "record");
        new ProgrammeLoad(transactions, sitePolicies(), referrals, enrollments, caseloads, plans, flexFunds, consents,
                postEnrollmentCases, disclosures, meetings, events).load(record);
    }

    /** Every audit entry, oldest first (the library's tests). */
    JooqAuditLog audit() {
        return audit;
    }

    /*
     * The ports below hand out participant data unaudited. They are package-private: the desks of
     * PersistentProgramme and the library's own tests use them; a host reads through records(clock).
     */

    /** Consents (the domain's {@link Consents} port). */
    Consents consents() {
        return consents;
    }

    /** The append-only disclosure log (the domain's {@link DisclosureLog} port). */
    DisclosureLog disclosureLog() {
        return disclosures;
    }

    /**
     * Enrollments (the domain's {@link Enrollments} port). A second open enrollment of a person at a site is refused
     * by the database itself and reported as a conflict; each recorded contact is projected to {@link #contacts()}.
     */
    Enrollments enrollments() {
        return enrollments;
    }

    /** Every recorded contact, for reports and the participant's timeline (read-only). */
    Contacts contacts() {
        return contacts;
    }

    /** Intervention plans, one per enrollment (the domain's {@link InterventionPlans} port). */
    InterventionPlans interventionPlans() {
        return plans;
    }

    /** Flexible-fund ledgers, one per enrollment (the domain's {@link FlexFunds} port). */
    FlexFunds flexFunds() {
        return flexFunds;
    }

    /** Case-manager assignments, one versioned aggregate per site (the domain's {@link SiteCaseloads} port). */
    SiteCaseloads siteCaseloads() {
        return caseloads;
    }

    /** Referrals with their screening decisions and held charges (the domain's {@link Referrals} port). */
    Referrals referrals() {
        return referrals;
    }

    /**
     * A bulk import of referrals from CSV, screened against {@code policies} at each referral's instant (rule R40),
     * with new referral ids from {@code ids}; {@link ReferralImport#DEFAULT_BATCH} rows per transaction.
     */
    public ReferralImport referralImport(SitePolicies policies, IdGenerator ids) {
        return new ReferralImport(transactions, referrals, Require.present(policies, "policies"),
                Require.present(ids, "ids"), ReferralImport.DEFAULT_BATCH);
    }

    /**
     * Records the evaluation data from outside the programme (legal events, legal-system costs, monthly status,
     * programme spend, the records system's encounters). A write path only: nothing recorded is read back.
     */
    public EvaluationData evaluationData() {
        return new EvaluationData(transactions);
    }

    /**
     * The evaluation's outcome and equity measures computed by the database: aggregates only, equal to what the
     * domain's measures give over the same data.
     */
    public EvaluationReports evaluationReports() {
        return new EvaluationReports(transactions);
    }

    /**
     * The evaluator's de-identified research extract as CSV (SPEC §2.2): granted by the domain's access policy,
     * every request audited with the time of {@code clock}.
     */
    public ResearchExtracts researchExtracts(Clock clock) {
        return new ResearchExtracts(transactions, Require.present(clock, "clock"));
    }

    /** Post-enrollment and pre-existing cases (the domain's {@link PostEnrollmentCases} port). */
    PostEnrollmentCases postEnrollmentCases() {
        return postEnrollmentCases;
    }

    /** The OWG meetings held. */
    Meetings meetings() {
        return meetings;
    }

    /**
     * Site policies, stored as the text of their policy files. {@code clock} gives "today" (in each site's zone) for
     * the rule that a new version is never retroactive. Parsed histories are shared by every store of this database,
     * keyed by site and latest version, so a version published by any node is read by the next transaction.
     */
    public SitePolicyStore sitePolicies(Clock clock) {
        return new JooqSitePolicies(transactions, Require.present(clock, "clock"), parsedPolicies);
    }

    /** Site policies, with today taken from the system clock. */
    public SitePolicyStore sitePolicies() {
        return sitePolicies(Clock.systemUTC());
    }

    /** Which database this is. */
    public Vendor vendor() {
        return vendor;
    }

    /** Closes the pool the library built; a host's own data source is left alone. */
    @Override
    public void close() {
        owned.ifPresent(HikariDataSource::close);
    }

    private void migrate(Optional<String> schema) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration/common",
                "classpath:db/migration/" + vendor.folder));
        var flyway = Flyway.configure().dataSource(dataSource).locations(locations.toArray(String[]::new))
                .javaMigrations(new V8_1__Referral_stage_facts(vendor.dialect));
        schema.ifPresent(s -> flyway.schemas(s).defaultSchema(s));
        flyway.load().migrate();
    }

    private static Vendor vendorOf(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            if (product.contains("postgres")) {
                return Vendor.POSTGRESQL;
            }
            if (product.contains("h2")) {
                return Vendor.H2;
            }
            throw new IllegalArgumentException("the library runs on PostgreSQL or H2, not " + product);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot reach the database to migrate it", e);
        }
    }
}
