/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.intake.Referral;

@DisplayName("A referral's state document: the view read from it is the view of the restored referral")
class ReferralJsonTest {

    /** Every set of a referral's classes a view may be released with: its core, with or without the others. */
    private static final List<Set<DataClass>> RELEASES = List.of(EnumSet.of(DataClass.REFERRAL_CORE),
            EnumSet.of(DataClass.REFERRAL_CORE, DataClass.SCREENING),
            EnumSet.of(DataClass.REFERRAL_CORE, DataClass.LEGAL_COORDINATION),
            EnumSet.of(DataClass.REFERRAL_CORE, DataClass.SCREENING, DataClass.LEGAL_COORDINATION));

    private final ReferralJson json = new ReferralJson();

    @Test
    void a_view_read_from_the_document_equals_the_view_of_the_restored_referral_for_every_release() {
        var held = new java.util.concurrent.atomic.AtomicInteger();
        qt().withFixedSeed(20_261_123L).withExamples(80).forAll(ReferralWalks.walks()).checkAssert(walk -> {
            for (List<ReferralWalks.Saved> history : walk.histories()) {
                for (ReferralWalks.Saved saved : history) {
                    Referral referral = saved.referral();
                    String document = json.write(referral.state());
                    for (Set<DataClass> released : RELEASES) {
                        ReferralView view = ReferralJson.view(document, released);
                        assertEquals(ReferralView.of(Referral.restore(json.read(document)), released), view,
                                released + " of " + walk);
                        held.addAndGet(view.heldCharge().isPresent() ? 1 : 0);
                    }
                }
            }
        });
        assertTrue(held.get() > 0, "some views show a held charge");
    }

    @Test
    void a_view_without_its_core_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> ReferralJson.view("{}", EnumSet.of(DataClass.SCREENING, DataClass.LEGAL_COORDINATION)));
    }
}
