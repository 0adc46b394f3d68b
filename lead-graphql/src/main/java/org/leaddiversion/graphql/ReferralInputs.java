/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.EvidenceKind;
import org.leaddiversion.domain.policy.GeoPoint;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.ReferrerKind;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.Complainant;
import org.leaddiversion.domain.referral.Conviction;
import org.leaddiversion.domain.referral.CourtOrder;
import org.leaddiversion.domain.referral.CriminalHistory;
import org.leaddiversion.domain.referral.Demographics;
import org.leaddiversion.domain.referral.DrugFacts;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.OfficerJudgement;
import org.leaddiversion.domain.referral.PendingCase;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;
import org.leaddiversion.domain.referral.Supervision;
import org.leaddiversion.domain.referral.VerificationEvidence;

/**
 * The referral inputs of the schema ({@code referral-commands.graphqls}) and their translation into the domain's
 * values. Every value is built through the domain's own constructors, so whatever they refuse is refused here too;
 * the refusal then names the input field ({@code input.person.dateOfBirth}, {@code input.offences[1].code}), not the
 * domain's, and becomes a {@code BAD_REQUEST}. A missing optional input is the domain's "nothing recorded".
 */
final class ReferralInputs {

    private ReferralInputs() {
    }

    record SubmitReferralInput(String site, Door door, ReferrerInput referrer, PersonInput person,
                               LocationInput location, Boolean probableCause, List<OffenceInput> offences,
                               DrugFactsInput drugFacts, ComplainantInput complainant,
                               List<VerificationEvidenceInput> verificationEvidence,
                               CriminalHistoryInput criminalHistory, OfficerJudgementInput officerJudgement,
                               List<String> attestedCriteria, Boolean personConsents) {
    }

    record ReferrerInput(ReferrerKind kind, Boolean leadTrained) {
    }

    record PersonInput(String id, LocalDate dateOfBirth, String race, String ethnicity, String gender,
                       String residence, Boolean activeConfidentialInformant) {
    }

    record LocationInput(String area, Double latitude, Double longitude) {
    }

    record OffenceInput(String code, OffenceLevel level, Boolean requiresRestitution) {
    }

    record DrugFactsInput(String substance, String form, String netWeightGrams, Boolean saleOrIntent,
                          Boolean forProfitAboveSubsistence, Boolean substantialQuantity) {
    }

    record ComplainantInput(Boolean identified, Boolean consentsToForgoProsecution) {
    }

    record VerificationEvidenceInput(EvidenceKind kind, LocalDate date, LocationInput location) {
    }

    record CriminalHistoryInput(List<ConvictionInput> convictions, List<PendingCaseInput> pendingCases,
                                List<CourtOrderInput> orders, List<SupervisionInput> supervisions,
                                List<LocalDate> prisonReleases, Integer outstandingWarrants) {
    }

    record ConvictionInput(List<String> categories, LocalDate convictionDate, Boolean attemptOrConspiracy) {
    }

    record PendingCaseInput(String offence, OffenceLevel level, String court) {
    }

    record CourtOrderInput(CourtOrder.Kind kind, String protectedPerson) {
    }

    record SupervisionInput(Supervision.Kind kind, List<String> categories) {
    }

    record OfficerJudgementInput(Boolean notAmenable, Boolean exploitsMinors, Boolean promotesProstitution) {
    }

    /** The submission {@code in} describes, made by {@code referrer} (the viewer). */
    static ReferralSubmission submission(SubmitReferralInput in, Actor referrer) {
        ReferrerInput r = in.referrer();
        Referrer who = new Referrer(referrer, Optional.ofNullable(r == null ? null : r.kind()),
                r != null && is(r.leadTrained()));
        ReferralSubmission.Builder b = ReferralSubmission.builder(at("input.site", () -> new SiteId(in.site())),
                in.door(), who, person(in.person(), "input.person"));
        if (in.location() != null) {
            b.location(location(in.location(), "input.location"));
        }
        b.probableCause(is(in.probableCause()));
        b.offences(offences(in.offences(), "input.offences"));
        if (in.drugFacts() != null) {
            b.drugFacts(drugFacts(in.drugFacts(), "input.drugFacts"));
        }
        if (in.complainant() != null) {
            b.complainant(new Complainant(is(in.complainant().identified()),
                    is(in.complainant().consentsToForgoProsecution())));
        }
        b.evidence(list(in.verificationEvidence(), "input.verificationEvidence", (e, path) ->
                new VerificationEvidence(e.kind(), e.date(), location(e.location(), path + ".location"))));
        if (in.criminalHistory() != null) {
            b.history(history(in.criminalHistory(), "input.criminalHistory"));
        }
        OfficerJudgementInput j = in.officerJudgement();
        if (j != null) {
            b.judgement(new OfficerJudgement(is(j.notAmenable()), is(j.exploitsMinors()),
                    is(j.promotesProstitution())));
        }
        b.attestedCriteria(new TreeSet<>(list(in.attestedCriteria(), "input.attestedCriteria",
                (code, path) -> Require.code(code, "code"))));
        b.personConsents(is(in.personConsents()));
        return b.build();
    }

    private static Person person(PersonInput p, String path) {
        Demographics demographics = new Demographics(Optional.ofNullable(blankless(p.race())),
                Optional.ofNullable(blankless(p.ethnicity())), Optional.ofNullable(blankless(p.gender())));
        return new Person(at(path + ".id", () -> new PersonId(p.id())), Optional.ofNullable(p.dateOfBirth()),
                demographics, area(p.residence(), path + ".residence"), is(p.activeConfidentialInformant()));
    }

    private static Location location(LocationInput l, String path) {
        Optional<AreaId> area = area(l.area(), path + ".area");
        if (l.latitude() == null && l.longitude() == null) {
            return new Location(area, Optional.empty());
        }
        Double lat = Require.present(l.latitude(), path + ".latitude");
        Double lon = Require.present(l.longitude(), path + ".longitude");
        try {
            return new Location(area, Optional.of(new GeoPoint(lat, lon)));
        } catch (InvalidValueException e) {
            throw new InvalidValueException(path + "." + e.field(), e.reason());
        }
    }

    private static Optional<AreaId> area(String area, String path) {
        return Optional.ofNullable(blankless(area)).map(a -> at(path, () -> AreaId.of(a)));
    }

    /** The offences of {@code in} at {@code path}: an empty list when absent. */
    static List<Offence> offences(List<OffenceInput> in, String path) {
        return list(in, path, (o, p) -> new Offence(at(p + ".code", () -> OffenceCode.of(o.code())), o.level(),
                is(o.requiresRestitution())));
    }

    private static DrugFacts drugFacts(DrugFactsInput d, String path) {
        Optional<BigDecimal> grams = Optional.ofNullable(blankless(d.netWeightGrams())).map(g -> {
            try {
                return new BigDecimal(g);
            } catch (NumberFormatException e) {
                throw new InvalidValueException(path + ".netWeightGrams", "is not a decimal number");
            }
        });
        return at(path, () -> new DrugFacts(d.substance(), d.form(), grams, is(d.saleOrIntent()),
                is(d.forProfitAboveSubsistence()), is(d.substantialQuantity())));
    }

    private static CriminalHistory history(CriminalHistoryInput h, String path) {
        List<Conviction> convictions = list(h.convictions(), path + ".convictions", (c, p) ->
                new Conviction(offenceCodes(c.categories(), p + ".categories"), c.convictionDate(),
                        is(c.attemptOrConspiracy())));
        List<PendingCase> pending = list(h.pendingCases(), path + ".pendingCases", (c, p) ->
                new PendingCase(at(p + ".offence", () -> OffenceCode.of(c.offence())), c.level(),
                        Optional.ofNullable(blankless(c.court()))));
        List<CourtOrder> orders = list(h.orders(), path + ".orders", (o, p) ->
                new CourtOrder(o.kind(), at(p + ".protectedPerson", () -> new PersonId(o.protectedPerson()))));
        List<Supervision> supervisions = list(h.supervisions(), path + ".supervisions", (s, p) ->
                new Supervision(s.kind(), offenceCodes(s.categories(), p + ".categories")));
        List<LocalDate> releases = h.prisonReleases() == null ? List.of() : h.prisonReleases();
        int warrants = h.outstandingWarrants() == null ? 0 : h.outstandingWarrants();
        return at(path, () -> new CriminalHistory(convictions, pending, orders, supervisions, releases, warrants));
    }

    private static Set<OffenceCode> offenceCodes(List<String> codes, String path) {
        return new TreeSet<>(list(codes, path, (code, p) -> OffenceCode.of(code)));
    }

    /** Each element of {@code in} translated at its own path ({@code path[i]}); absent is empty. */
    static <I, O> List<O> list(List<I> in, String path, BiFunction<I, String, O> each) {
        if (in == null) {
            return List.of();
        }
        var out = new ArrayList<O>(in.size());
        for (int i = 0; i < in.size(); i++) {
            String p = path + "[" + i + "]";
            I item = in.get(i);
            out.add(at(p, () -> each.apply(item, p)));
        }
        return out;
    }

    /**
     * The value {@code make} builds, with a domain refusal renamed to the input field: a refusal that already names
     * an input field is kept; a leaf refusal ({@code offenceCode}) names {@code path}; a refusal inside a compound
     * value ({@code drugFacts.forProfitAboveSubsistence}) names the part under {@code path}.
     */
    static <T> T at(String path, Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidValueException e) {
            if (e.field().startsWith("input.")) {
                throw e;
            }
            int dot = e.field().indexOf('.');
            String field = dot < 0 ? path : path + e.field().substring(dot);
            throw new InvalidValueException(field, e.reason());
        }
    }

    private static boolean is(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
