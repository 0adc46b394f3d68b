/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicies;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.referral.Demographics;
import org.leaddiversion.domain.referral.DrugFacts;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;
import org.leaddiversion.domain.screening.EligibilityScreening;
import org.leaddiversion.domain.screening.ScreeningContext;
import org.leaddiversion.domain.screening.ScreeningDecision;

/**
 * Bulk import of referrals exported by a records system, as CSV (the columns are in {@link #COLUMNS} and
 * docs/persistence.md). Each row is one referral made in the past: it is parsed and validated, screened against the
 * site's policy version in force at its {@code referred_at} (rule R40), built by {@link Referral#submit} exactly as the
 * referral desk builds a referral submitted at that instant, and stored with its screening reasons, held charge and
 * events. Rows are written in batches, one transaction per batch, so memory stays flat whatever the input size.
 *
 * <p>Reading, screening and rendering a batch (its state and event documents, and on PostgreSQL its COPY data) run on
 * the calling thread while a writer thread stores the batches before it, in input order, each in its own transaction;
 * one rendered batch at most waits for the writer, so at most three batches are held. The first failure stops the
 * import: batches after the one that failed are never written. An import called inside a transaction already open on
 * the calling thread ({@code db.transactions().inTransaction(…)}) writes every batch in that transaction, on the
 * calling thread.
 *
 * <p>A row that is not valid, or that screening refuses at the door, is reported with its line and field (never its
 * values) and the import goes on. What an import does not know of — enrollments, court orders, caseload capacity — is
 * not checked: a historical referral is screened as if the person had no open enrollment and capacity were not
 * tracked, as the desk screens one with {@link org.leaddiversion.domain.intake.CaseloadCapacity#notTracked()}.
 * Re-importing the same file stores the referrals again under new ids: an import is not idempotent.
 */
public final class ReferralImport {

    /** The header the CSV must start with, in this order. */
    public static final List<String> COLUMNS = List.of("site", "door", "referred_at", "person_id", "date_of_birth",
            "race", "ethnicity", "gender", "area", "probable_cause", "offence_code", "offence_level", "substance",
            "form", "net_weight_grams", "sale_or_intent", "referrer_id", "referrer_role", "referrer_agency",
            "lead_trained", "person_consents");

    /** How many refused rows a report lists (all are counted). */
    public static final int PROBLEMS_KEPT = 1_000;

    /** Rows per transaction unless told otherwise. */
    public static final int DEFAULT_BATCH = 1_000;

    /** Rendered batches that may wait for the writer thread, besides the one it is writing. */
    static final int QUEUED_BATCHES = 1;

    /** Tells the writer thread that no batch follows. */
    private static final JooqReferrals.NewRows END = new JooqReferrals.NewRows(0, List.of());

    private static final int SITE = 0;
    private static final int DOOR = 1;
    private static final int REFERRED_AT = 2;
    private static final int PERSON_ID = 3;
    private static final int DATE_OF_BIRTH = 4;
    private static final int RACE = 5;
    private static final int ETHNICITY = 6;
    private static final int GENDER = 7;
    private static final int AREA = 8;
    private static final int PROBABLE_CAUSE = 9;
    private static final int OFFENCE_CODE = 10;
    private static final int OFFENCE_LEVEL = 11;
    private static final int SUBSTANCE = 12;
    private static final int FORM = 13;
    private static final int NET_WEIGHT = 14;
    private static final int SALE = 15;
    private static final int REFERRER_ID = 16;
    private static final int REFERRER_ROLE = 17;
    private static final int REFERRER_AGENCY = 18;
    private static final int LEAD_TRAINED = 19;
    private static final int PERSON_CONSENTS = 20;

    private final JooqTransactions tx;
    private final JooqReferrals referrals;
    private final SitePolicies policies;
    private final IdGenerator ids;
    private final int batchSize;

    ReferralImport(JooqTransactions tx, JooqReferrals referrals, SitePolicies policies, IdGenerator ids,
                   int batchSize) {
        this.tx = tx;
        this.referrals = referrals;
        this.policies = policies;
        this.ids = ids;
        if (batchSize < 1) {
            throw new InvalidValueException("batchSize", "must be at least 1");
        }
        this.batchSize = batchSize;
    }

    /** The same import writing {@code rows} referrals per transaction. */
    public ReferralImport withBatchSize(int rows) {
        return new ReferralImport(tx, referrals, policies, ids, rows);
    }

    /**
     * Reads every row of {@code csv} (header first), stores the referrals and reports. The reader is read to its end
     * and not closed.
     *
     * <p>A failure — of the database while a batch is written, or of the reader — stops the import and is thrown
     * here, once every batch handed to the writer before it has been written: the batches before the failing one
     * stay stored (each committed on its own), the failing one and everything after it are not. Because the next
     * batches are read and rendered while one is written, the reader may by then have been read a few batches past
     * the failing one (at most two batches, and the read buffer); those rows are not stored either.
     */
    public ImportReport from(Reader csv) {
        var run = new Run(new Writer(tx.isOpen()));
        try {
            readAll(new CsvRecords(csv), run);
            run.writer.finish();
            return run.report();
        } catch (RuntimeException | Error e) {
            throw run.writer.failed(e);
        }
    }

    private void readAll(CsvRecords records, Run run) {
        try {
            CsvRecords.Row header = nextRow(records, run);
            if (header == null) {
                return;
            }
            if (!header.fields().equals(COLUMNS)) {
                run.problem(header.line(), "header", "the header must be exactly " + String.join(",", COLUMNS));
                return;
            }
            CsvRecords.Row row;
            while ((row = nextRow(records, run)) != null) {
                run.read++;
                run.accept(row);
                if (run.pending.size() >= batchSize) {
                    run.flush();
                }
            }
            run.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the import", e);
        }
    }

    private static CsvRecords.Row nextRow(CsvRecords records, Run run) throws IOException {
        while (true) {
            try {
                return records.next();
            } catch (CsvRecords.MalformedRecord e) {
                run.read++;
                run.problem(e.line(), "row", e.getMessage());
            }
        }
    }

    /** A row that cannot become a submission: the column and why. */
    private static final class BadField extends Exception {
        private final String field;

        BadField(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    /**
     * Stores rendered batches in the order it is handed them, one transaction each: on a thread of its own, started
     * with the first batch, so that the calling thread reads and renders the next batches meanwhile (at most
     * {@link #QUEUED_BATCHES} wait); or, {@code inline}, on the calling thread at once. After the first failure it
     * writes nothing more, and the calling thread learns of it at its next hand-off or at {@link #finish}.
     */
    private final class Writer {
        private final boolean inline;
        private final ArrayBlockingQueue<JooqReferrals.NewRows> ready = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        private Thread thread;
        private boolean closed;
        private volatile Throwable failure;

        Writer(boolean inline) {
            this.inline = inline;
        }

        /** Hands one batch over; throws the writer's failure if an earlier batch failed. */
        void write(JooqReferrals.NewRows batch) {
            rethrowFailure();
            if (inline) {
                referrals.insertNew(batch);
                return;
            }
            if (thread == null) {
                thread = new Thread(this::run, "lead-referral-import-writer");
                thread.setDaemon(true);
                thread.start();
            }
            put(batch);
        }

        private void run() {
            while (true) {
                JooqReferrals.NewRows batch = take();
                if (batch == END) {
                    return;
                }
                if (failure != null) {
                    continue; // after the first failure nothing more is written
                }
                try {
                    referrals.insertNew(batch);
                } catch (Throwable t) {
                    failure = t;
                }
            }
        }

        /** Waits until every batch handed over is written, or throws the first failure. */
        void finish() {
            close();
            rethrowFailure();
        }

        /**
         * After {@code e} stopped the calling thread: waits for the batches handed over before it, and returns what
         * the import throws — the writer's failure if it had one (an earlier batch than the calling thread's), else
         * {@code e}.
         */
        RuntimeException failed(Throwable e) {
            close();
            Throwable first = failure != null ? failure : e;
            if (first != e) {
                first.addSuppressed(e);
            }
            if (first instanceof Error error) {
                throw error;
            }
            return first instanceof RuntimeException r ? r : new IllegalStateException("the import failed", first);
        }

        private void rethrowFailure() {
            Throwable f = failure;
            if (f instanceof RuntimeException r) {
                throw r;
            } else if (f instanceof Error e) {
                throw e;
            } else if (f != null) {
                throw new IllegalStateException("the import failed", f);
            }
        }

        private void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (thread == null) {
                return;
            }
            put(END);
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the writer must finish before the import returns
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private void put(JooqReferrals.NewRows batch) {
            boolean interrupted = false;
            while (true) {
                try {
                    ready.put(batch);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // as an import on one thread, an interrupt does not stop it
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private JooqReferrals.NewRows take() {
            while (true) {
                try {
                    return ready.take();
                } catch (InterruptedException e) {
                    // only this class's thread: nothing interrupts it
                }
            }
        }
    }

    /** One import's state: the batch being built, the counts and the policies read so far. */
    private final class Run {
        final Writer writer;
        long read;
        long imported;
        long rejected;
        final Map<ReferralStatus, Long> byStatus = new EnumMap<>(ReferralStatus.class);
        final List<ImportReport.RowProblem> problems = new ArrayList<>();
        final List<Referral> pending = new ArrayList<>();
        final List<DomainEvent> events = new ArrayList<>();
        final Map<SiteId, Optional<SitePolicyHistory>> histories = new HashMap<>();
        // by identity: the versions are the history's own instances, and a policy's record hash reads all of it
        final Map<SitePolicy, EligibilityScreening> screenings = new IdentityHashMap<>();

        Run(Writer writer) {
            this.writer = writer;
        }

        void accept(CsvRecords.Row row) {
            Parsed parsed;
            try {
                parsed = parse(row.fields());
            } catch (BadField e) {
                problem(row.line(), e.field, e.getMessage());
                return;
            } catch (InvalidValueException e) {
                problem(row.line(), e.field(), e.reason());
                return;
            }
            ReferralSubmission submission = parsed.submission();
            Instant referredAt = parsed.referredAt();
            Optional<SitePolicy> policy = histories.computeIfAbsent(submission.site(), policies::history)
                    .flatMap(h -> h.inForceAt(referredAt));
            if (policy.isEmpty()) {
                problem(row.line(), COLUMNS.get(REFERRED_AT), "no policy version of the site is in force then");
                return;
            }
            EligibilityScreening screening = screenings.computeIfAbsent(policy.get(), EligibilityScreening::of);
            ScreeningDecision decision = screening.screen(submission, referredAt,
                    ScreeningContext.withoutCapacityGate(Set.of()));
            Outcome<Referral> out = Referral.submit(new ReferralId(ids.next()), submission, referredAt, policy.get(),
                    decision, List.of());
            if (out instanceof Outcome.Rejection<Referral> refused) {
                List<DomainError> errors = refused.errors();
                DomainError first = errors.get(0);
                problem(row.line(), first.field(), "refused at the door: " + first.code()
                        + (errors.size() > 1 ? " and " + (errors.size() - 1) + " more" : ""));
                return;
            }
            pending.add(out.value());
            events.addAll(out.events());
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            writer.write(referrals.render(pending, events));
            for (Referral r : pending) {
                byStatus.merge(r.status(), 1L, Long::sum);
            }
            imported += pending.size();
            pending.clear();
            events.clear();
        }

        void problem(long line, String field, String reason) {
            rejected++;
            if (problems.size() < PROBLEMS_KEPT) {
                problems.add(new ImportReport.RowProblem(line, field, reason));
            }
        }

        ImportReport report() {
            return new ImportReport(read, imported, rejected, byStatus, problems);
        }
    }

    // ---- one row to a submission ---------------------------------------------------------------------------

    /** A row as the desk would be handed it: the submission and the instant it was made. */
    record Parsed(Instant referredAt, ReferralSubmission submission) {
    }

    /** One data row, parsed as the import parses it (for tests comparing the import with the desk). */
    Parsed parse(String csvLine) {
        try {
            return parse(new CsvRecords(new java.io.StringReader(csvLine)).next().fields());
        } catch (IOException | CsvRecords.MalformedRecord | BadField e) {
            throw new IllegalArgumentException("not a valid row", e);
        }
    }

    private static Parsed parse(List<String> fields) throws BadField {
        if (fields.size() != COLUMNS.size()) {
            throw new BadField("row", "has " + fields.size() + " fields, not " + COLUMNS.size());
        }
        return new Parsed(instant(fields, REFERRED_AT), submission(fields));
    }

    private static ReferralSubmission submission(List<String> f) throws BadField {
        SiteId site = new SiteId(required(f, SITE));
        Door door = enumOf(Door.class, f, DOOR);
        var demographics = new Demographics(optional(f, RACE), optional(f, ETHNICITY), optional(f, GENDER));
        Optional<LocalDate> dob = optional(f, DATE_OF_BIRTH).isEmpty() ? Optional.empty()
                : Optional.of(date(f, DATE_OF_BIRTH));
        var person = new Person(new PersonId(required(f, PERSON_ID)), dob, demographics, Optional.empty(), false);
        Role role = enumOf(Role.class, f, REFERRER_ROLE);
        var actor = new Actor(new ActorId(required(f, REFERRER_ID)), role, optional(f, REFERRER_AGENCY));
        var referrer = new Referrer(actor, Optional.empty(), bool(f, LEAD_TRAINED));
        var b = ReferralSubmission.builder(site, door, referrer, person)
                .probableCause(bool(f, PROBABLE_CAUSE))
                .personConsents(bool(f, PERSON_CONSENTS));
        Optional<String> area = optional(f, AREA);
        if (area.isPresent()) {
            b.location(Location.in(AreaId.of(area.get())));
        }
        Optional<String> offence = optional(f, OFFENCE_CODE);
        if (offence.isPresent()) {
            b.offence(new Offence(OffenceCode.of(offence.get()), enumOf(OffenceLevel.class, f, OFFENCE_LEVEL), false));
        } else if (optional(f, OFFENCE_LEVEL).isPresent()) {
            throw new BadField(COLUMNS.get(OFFENCE_CODE), "is required with offence_level");
        }
        Optional<String> substance = optional(f, SUBSTANCE);
        if (substance.isPresent()) {
            Optional<BigDecimal> grams = Optional.empty();
            if (optional(f, NET_WEIGHT).isPresent()) {
                grams = Optional.of(decimal(f, NET_WEIGHT));
            }
            b.drugFacts(new DrugFacts(substance.get(), required(f, FORM), grams, bool(f, SALE), false, false));
        } else if (optional(f, FORM).isPresent() || optional(f, NET_WEIGHT).isPresent()) {
            throw new BadField(COLUMNS.get(SUBSTANCE), "is required with form or net_weight_grams");
        }
        return b.build();
    }

    private static String required(List<String> f, int column) throws BadField {
        String v = f.get(column).strip();
        if (v.isEmpty()) {
            throw new BadField(COLUMNS.get(column), "is required");
        }
        return v;
    }

    private static Optional<String> optional(List<String> f, int column) {
        String v = f.get(column).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, List<String> f, int column) throws BadField {
        String v = required(f, column);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new BadField(COLUMNS.get(column), "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static boolean bool(List<String> f, int column) throws BadField {
        String v = f.get(column).strip();
        if (v.isEmpty() || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw new BadField(COLUMNS.get(column), "must be true, false or empty");
    }

    private static Instant instant(List<String> f, int column) throws BadField {
        try {
            return Instant.parse(required(f, column));
        } catch (DateTimeParseException e) {
            throw new BadField(COLUMNS.get(column), "must be an ISO-8601 instant such as 2024-05-01T14:30:00Z");
        }
    }

    private static LocalDate date(List<String> f, int column) throws BadField {
        try {
            return LocalDate.parse(required(f, column));
        } catch (DateTimeParseException e) {
            throw new BadField(COLUMNS.get(column), "must be an ISO-8601 date such as 1980-02-29");
        }
    }

    private static BigDecimal decimal(List<String> f, int column) throws BadField {
        try {
            return new BigDecimal(required(f, column));
        } catch (NumberFormatException e) {
            throw new BadField(COLUMNS.get(column), "must be a decimal number");
        }
    }
}
