/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.consent.DisclosureDecision;
import org.leaddiversion.domain.intake.SweepReport;

/**
 * A host cannot read participant data around the audit: the database's public face hands out only the audited reads,
 * the desks (commands only), site policies, transactions and the outbox relay — never a raw port such as {@code Referrals} or
 * {@code Consents}, and no rule-check snapshot of the whole programme.
 */
@DisplayName("The public API offers no unaudited read of participant data")
class PublicApiTest {

    @Test
    void the_database_hands_out_only_the_audited_reads_the_desks_and_no_raw_port() {
        Set<String> returned = new TreeSet<>();
        for (Method m : LeadDatabase.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
                returned.add(m.getName() + ":" + m.getReturnType().getSimpleName());
            }
        }
        assertEquals(new TreeSet<>(Set.of("transactions:Transactions", "outbox:Outbox",
                "records:ParticipantRecords", "auditTrail:AuditTrail", "programme:PersistentProgramme",
                "sitePolicies:SitePolicyStore", "vendor:Vendor", "close:void",
                // a write path: the import reports counts and line-numbered problems, never participant data
                "referralImport:ReferralImport",
                // a write path: a whole programme record into an empty database, nothing read back
                "load:void",
                // evaluation data: a write path (nothing is read back) and aggregate reports (no person-level row)
                "evaluationData:EvaluationData", "evaluationReports:EvaluationReports",
                // the evaluator's de-identified extract: granted by the access policy and audited
                "researchExtracts:ResearchExtracts")), returned);
    }

    @Test
    void the_programme_on_the_database_offers_desks_policies_and_audited_reads_but_no_whole_record() {
        Set<String> returned = new TreeSet<>();
        for (Method m : PersistentProgramme.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                returned.add(m.getName() + ":" + m.getReturnType().getSimpleName());
            }
        }
        assertEquals(new TreeSet<>(Set.of("desk:ReferralDesk", "caseManagement:CaseManagementDesk",
                "coordination:CoordinationDesk", "disclosure:DisclosureDesk", "reminders:List",
                "policies:SitePolicyStore", "records:ParticipantRecords",
                // staff workload: open enrollments counted per case manager, no enrollment or person id
                "openCaseloads:Map")), returned);
    }

    /**
     * The desks take commands: every public method returns an {@link Outcome} (the aggregate changed, to the actor who
     * changed it), a disclosure decision (logged in the disclosure log), or a sweep's ids — never a read of a record.
     */
    @Test
    void the_desks_handed_out_offer_commands_and_no_read_of_a_record() {
        Set<Class<?>> commandResults = Set.of(Outcome.class, DisclosureDecision.class, SweepReport.class, List.class,
                void.class);
        for (Method accessor : PersistentProgramme.class.getDeclaredMethods()) {
            Class<?> desk = accessor.getReturnType();
            if (!Modifier.isPublic(accessor.getModifiers()) || !desk.getSimpleName().endsWith("Desk")) {
                continue;
            }
            for (Method m : desk.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                assertTrue(commandResults.contains(m.getReturnType()), desk.getSimpleName() + "." + m.getName()
                        + " returns " + m.getReturnType().getSimpleName());
                if (m.getReturnType() == List.class) {
                    // the sweeps and the lapse list return ids only
                    var element = ((java.lang.reflect.ParameterizedType) m.getGenericReturnType())
                            .getActualTypeArguments()[0].getTypeName();
                    assertTrue(element.endsWith("Id"), desk.getSimpleName() + "." + m.getName() + " lists " + element);
                }
            }
        }
    }

    @Test
    void the_adapters_and_the_audit_writer_are_not_public() {
        for (Class<?> adapter : new Class<?>[] {JooqReferrals.class, JooqEnrollments.class, JooqContacts.class,
                JooqInterventionPlans.class, JooqFlexFunds.class, JooqSiteCaseloads.class,
                JooqPostEnrollmentCases.class, JooqConsents.class, JooqDisclosureLog.class, JooqMeetings.class,
                JooqAuditLog.class, Contacts.class}) {
            assertFalse(Modifier.isPublic(adapter.getModifiers()), adapter.getSimpleName());
        }
        assertFalse(Arrays.stream(ParticipantRecords.class.getConstructors()).findAny().isPresent(),
                "the audited reads are built by the database only");
    }
}
