/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The rules of Law Enforcement Assisted Diversion (LEAD) programmes as a pure-Java model: site policies as data,
 * referrals and eligibility screening, the intake clock and the held charge, enrollment under harm-reduction
 * invariants, case management, prosecution coordination, consent-gated disclosure, evaluation and equity measures and the rule
 * catalogue.
 *
 * <p>Every package is public API and is exported. The module requires nothing but {@code java.base}: hosts embed it
 * whatever their stack. {@code ModuleDescriptorTest} fails the build if a package is exported that is not listed
 * there as API, if a package is neither exported nor listed as internal, or if the module gains a dependency.
 */
module org.leaddiversion.domain {
    exports org.leaddiversion.domain.access;
    exports org.leaddiversion.domain.common;
    exports org.leaddiversion.domain.consent;
    exports org.leaddiversion.domain.enrollment;
    exports org.leaddiversion.domain.evaluation;
    exports org.leaddiversion.domain.evaluation.equity;
    exports org.leaddiversion.domain.intake;
    exports org.leaddiversion.domain.memory;
    exports org.leaddiversion.domain.plan;
    exports org.leaddiversion.domain.policy;
    exports org.leaddiversion.domain.prosecution;
    exports org.leaddiversion.domain.referral;
    exports org.leaddiversion.domain.rules;
    exports org.leaddiversion.domain.screening;
    exports org.leaddiversion.domain.workgroup;
}
