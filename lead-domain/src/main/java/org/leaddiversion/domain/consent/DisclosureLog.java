package org.leaddiversion.domain.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.referral.PersonId;

/**
 * The append-only record of disclosure decisions (SPEC §7.6): every decision, granted or refused, is written exactly
 * once, and entries can be read but never changed or removed. Revoking a consent leaves past entries as they were.
 * In memory; a host that needs durability copies entries to its own store as they are appended.
 */
public final class DisclosureLog {

    /**
     * One decision as logged.
     *
     * @param sequence       position in the log, from 1
     * @param who            who asked for the disclosure
     * @param whoRole        the role they acted in
     * @param to             the recipient's role
     * @param toAgency       the recipient's agency, if known
     * @param participant    whose data it was
     * @param dataClasses    what was (or would have been) disclosed
     * @param purpose        what for
     * @param consents       the consents it rested on (empty when refused)
     * @param granted        whether it was granted
     * @param at             when it was decided
     */
    public record Entry(long sequence, ActorId who, Role whoRole, Role to, Optional<String> toAgency,
                        PersonId participant, Set<DataClass> dataClasses, Purpose purpose, List<ConsentId> consents,
                        boolean granted, Instant at) {
        public Entry {
            Require.atLeast((int) Math.min(sequence, Integer.MAX_VALUE), 1, "sequence");
            Require.present(who, "who");
            Require.present(whoRole, "whoRole");
            Require.present(to, "to");
            Require.present(toAgency, "toAgency");
            Require.present(participant, "participant");
            dataClasses = Set.copyOf(Require.noNulls(dataClasses, "dataClasses"));
            Require.present(purpose, "purpose");
            consents = Require.immutableList(consents, "consents");
            Require.present(at, "at");
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Appends the one entry of {@code decision} and returns it. */
    public synchronized Entry record(DisclosureDecision decision) {
        Require.present(decision, "decision");
        DisclosureRequest r = decision.request();
        Entry entry = new Entry(entries.size() + 1L, r.requester().id(), r.requester().role(), r.recipientRole(),
                r.recipientAgency(), r.participant(), r.dataClasses(), r.purpose(), decision.consents(),
                decision.isGranted(), decision.at());
        entries.add(entry);
        return entry;
    }

    /** Every entry in the order appended (an immutable snapshot). */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The entries about one participant, in the order appended. */
    public synchronized List<Entry> entriesAbout(PersonId participant) {
        return entries.stream().filter(e -> e.participant().equals(participant)).toList();
    }

    /** How many decisions are logged. */
    public synchronized int size() {
        return entries.size();
    }
}
