/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.memory;

import java.util.ArrayList;
import java.util.List;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.consent.DisclosureDecision;
import org.leaddiversion.domain.consent.DisclosureLog;
import org.leaddiversion.domain.referral.PersonId;

/** In-memory, append-only {@link DisclosureLog}: an entry and its event are appended in one transaction. */
public final class InMemoryDisclosureLog implements DisclosureLog {

    private final InMemoryStore store;
    private final List<Entry> entries = new ArrayList<>();

    public InMemoryDisclosureLog(InMemoryStore store) {
        this.store = Require.present(store, "store");
    }

    @Override
    public Entry record(DisclosureDecision decision) {
        Require.present(decision, "decision");
        return store.inTransaction(() -> {
            Entry entry = Entry.of(entries.size() + 1L, decision);
            store.write(() -> entries.add(entry), () -> entries.remove(entries.size() - 1));
            store.append(List.of(decision.event()));
            return entry;
        });
    }

    @Override
    public List<Entry> entries() {
        return store.read(() -> List.copyOf(entries));
    }

    @Override
    public List<Entry> entriesAbout(PersonId participant) {
        return store.read(() -> entries.stream().filter(e -> e.participant().equals(participant)).toList());
    }
}
