/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.REFERRAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.Cursor;
import org.jooq.Record;
import org.leaddiversion.domain.access.AccessDecision;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.consent.ReportAccess;
import org.leaddiversion.domain.evaluation.ReportScope;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The de-identified, participant-level research extract an EVALUATOR receives (SPEC §2.2 "research extract", §8.1):
 * one CSV row per referral made at the site in the period, with no direct identifier. Who receives it is the domain's
 * decision ({@link ReportAccess#researchExtract}: the evaluator, for research and evaluation, and nobody else); every
 * request, granted or refused, is audited ({@code what = research-extract}) before a row is written.
 *
 * <p>De-identification: the person and the referral appear only as pseudonyms (a keyed hash, HMAC-SHA-256, of the id,
 * under a key drawn at random for each extract unless the host gives one — so the same person has the same pseudonym
 * throughout one extract, and extracts cannot be linked to each other or to the records without the key); dates are
 * coarsened to the month of referral in the site's zone, and the timing of the referral's later steps is given as whole
 * days after it; no name, date of birth, address, offence location, free-text note or officer appears. Race is the
 * equity group recorded on the referral ({@code UNKNOWN} when none was), never imputed. The columns are {@link
 * #COLUMNS}.
 */
public final class ResearchExtracts {

    /** The extract's columns, in order (the header row). */
    public static final List<String> COLUMNS = List.of("subject", "referral", "site", "door", "referral_month",
            "status", "screening_result", "days_to_acceptance", "days_to_intake", "enrolled", "diverted_case_status",
            "equity_group", "ethnicity", "gender");

    /** The smallest pseudonym key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 32;

    private static final CsvMapper CSV = CsvMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private static final CsvSchema SCHEMA = schema();
    private static final SecureRandom KEYS = new SecureRandom();
    private static final int FETCH_SIZE = 1_000;

    private final JooqTransactions tx;
    private final JooqAuditLog audit;
    private final Clock clock;
    private final ReportAccess access;

    ResearchExtracts(JooqTransactions tx, Clock clock) {
        this.tx = tx;
        this.audit = new JooqAuditLog(tx);
        this.clock = clock;
        this.access = new ReportAccess();
    }

    /**
     * Writes the extract of {@code scope} to {@code out} for {@code reader}, with pseudonyms under a fresh random key
     * (unlinkable to any other extract). See {@link #write(Reader, ReportScope, byte[], Writer)}.
     */
    public Release<Long> write(Reader reader, ReportScope scope, Writer out) {
        byte[] key = new byte[MIN_KEY_BYTES];
        KEYS.nextBytes(key);
        return write(reader, scope, key, out);
    }

    /**
     * Writes the extract of {@code scope} to {@code out} for {@code reader}: the header and one row per referral made
     * at the site in the period, oldest first, read from the database in batches (the extract is never held in
     * memory). The request is audited first, in its own transaction; a refused reader gets nothing written and the
     * refusals (one per data class, field {@code dataClasses.<CLASS>}). The writer is flushed, not closed.
     *
     * @param pseudonymKey the key of the pseudonyms, at least {@link #MIN_KEY_BYTES} bytes: a host that gives the
     *                     same key to several extracts lets the evaluator link them, and must keep the key from her
     * @return the rows written (0 when refused), the classes released and the refusals
     * @throws UncheckedIOException when {@code out} fails; the audit entry stays
     */
    public Release<Long> write(Reader reader, ReportScope scope, byte[] pseudonymKey, Writer out) {
        Require.present(reader, "reader");
        Require.present(scope, "scope");
        Require.present(pseudonymKey, "pseudonymKey");
        Require.present(out, "out");
        if (pseudonymKey.length < MIN_KEY_BYTES) {
            throw new InvalidValueException("pseudonymKey", "must be at least " + MIN_KEY_BYTES + " bytes");
        }
        Map<DataClass, AccessDecision> decisions = access.researchExtract(reader.actor(), reader.purpose());
        Set<DataClass> released = EnumSet.noneOf(DataClass.class);
        List<DomainError> refusals = new ArrayList<>();
        decisions.forEach((data, d) -> {
            if (d instanceof AccessDecision.Denied denied) {
                DomainError why = denied.reason();
                refusals.add(DomainError.of(why.code(), ParticipantRecords.field(data), why.rule(), why.message()));
            } else {
                released.add(data);
            }
        });
        boolean granted = refusals.isEmpty();
        AuditOutcome outcome = granted ? AuditOutcome.ALLOWED : AuditOutcome.DENIED;
        List<String> recordIds = List.of("site:" + scope.site().value(), "period:" + scope.period().start() + "/"
                + scope.period().end());
        Instant at = clock.instant();
        tx.inTransaction(() -> {
            audit.append(reader, Optional.empty(), "research-extract", granted ? released : Set.of(), outcome,
                    recordIds, at);
            return null;
        });
        if (!granted) {
            return new Release<>(Optional.empty(), 0L, Set.of(), refusals, AuditOutcome.DENIED);
        }
        long rows = tx.inTransaction(() -> stream(scope, pseudonymKey, out));
        return new Release<>(Optional.empty(), rows, released, List.of(), AuditOutcome.ALLOWED);
    }

    private long stream(ReportScope scope, byte[] key, Writer out) {
        Instant lo = scope.period().start().atStartOfDay(scope.period().zone()).toInstant();
        Instant hi = scope.period().end().atStartOfDay(scope.period().zone()).toInstant();
        Mac mac = mac(key);
        long rows = 0;
        try (SequenceWriter csv = CSV.writer(SCHEMA).writeValues(out);
             Cursor<? extends Record> cursor = tx.dsl().select(REFERRAL.ID, REFERRAL.PERSON_ID, REFERRAL.SITE_ID,
                             REFERRAL.DOOR, REFERRAL.REFERRED_AT, REFERRAL.ZONE, REFERRAL.STATUS,
                             REFERRAL.SCREENING_RESULT, REFERRAL.ACCEPTED_AT, REFERRAL.INTAKE_COMPLETED_AT,
                             REFERRAL.ENROLLMENT_ID, REFERRAL.DIVERTED_CASE_STATUS, REFERRAL.EQUITY_GROUP,
                             REFERRAL.ETHNICITY, REFERRAL.GENDER)
                     .from(REFERRAL)
                     .where(REFERRAL.SITE_ID.eq(scope.site().value()))
                     .and(REFERRAL.REFERRED_AT.ge(EventStore.utc(lo)))
                     .and(REFERRAL.REFERRED_AT.lt(EventStore.utc(hi)))
                     .orderBy(REFERRAL.REFERRED_AT, REFERRAL.ID)
                     .fetchSize(FETCH_SIZE)
                     .fetchLazy()) {
            for (Record r : cursor) {
                OffsetDateTime referred = r.get(REFERRAL.REFERRED_AT);
                ZoneId zone = ZoneId.of(r.get(REFERRAL.ZONE));
                csv.write(new Object[] {
                    pseudonym(mac, "person:" + r.get(REFERRAL.PERSON_ID)),
                    pseudonym(mac, "referral:" + r.get(REFERRAL.ID)),
                    r.get(REFERRAL.SITE_ID),
                    r.get(REFERRAL.DOOR),
                    YearMonth.from(referred.atZoneSameInstant(zone)).toString(),
                    r.get(REFERRAL.STATUS),
                    r.get(REFERRAL.SCREENING_RESULT),
                    days(referred, r.get(REFERRAL.ACCEPTED_AT)),
                    days(referred, r.get(REFERRAL.INTAKE_COMPLETED_AT)),
                    r.get(REFERRAL.ENROLLMENT_ID) != null,
                    r.get(REFERRAL.DIVERTED_CASE_STATUS),
                    cellText(r.get(REFERRAL.EQUITY_GROUP)),
                    cellText(r.get(REFERRAL.ETHNICITY)),
                    cellText(r.get(REFERRAL.GENDER))});
                rows++;
            }
            csv.flush();
        } catch (JacksonException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        }
        return rows;
    }

    private static CsvSchema schema() {
        CsvSchema.Builder b = CsvSchema.builder();
        COLUMNS.forEach(b::addColumn);
        return b.build().withHeader();
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The first 96 bits of the keyed hash, in hex: unique enough within any extract, and not reversible. */
    private static String pseudonym(Mac mac, String id) {
        byte[] h = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h, 0, 12);
    }

    /** Whole days from the referral to a later step, or null when the step did not happen. */
    private static Long days(OffsetDateTime from, OffsetDateTime to) {
        return to == null ? null : Duration.between(from, to).toDays();
    }

    /**
     * A recorded category as a cell: {@code UNKNOWN} when absent, and text a spreadsheet would run as a formula
     * ({@code = + - @}) prefixed with an apostrophe.
     */
    private static String cellText(String value) {
        if (value == null || value.isBlank()) {
            return "UNKNOWN";
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
