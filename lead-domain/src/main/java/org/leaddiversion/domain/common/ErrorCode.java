/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

/**
 * Codes of rejected commands and of warnings (SPEC Appendix A, plus the few this library needs besides).
 * Codes are stable API: front ends switch on them.
 */
public enum ErrorCode {
    /** The door is not enabled by the site policy in force. */
    DOOR_DISABLED,
    /** The referrer's role (or referrer kind, or missing LEAD training) is not allowed for this door. */
    REFERRER_NOT_ALLOWED,
    /** A door precondition is missing (probable cause, divertible offence, verification evidence, attestation...). */
    PRECONDITION_MISSING,
    /** The actor's role does not hold the authority the command needs. */
    NOT_AUTHORISED,
    /** A community referral cannot be approved by the person who submitted it. */
    SUBMITTER_CANNOT_APPROVE,
    /** The intake deadline has passed. */
    REFERRAL_LAPSED,
    /** The referral is not in a state that allows the command; the message names the current state. */
    REFERRAL_NOT_PENDING,
    /** A configured intake deadline exceeds the statutory maximum of the profile. */
    DEADLINE_EXCEEDS_STATUTORY_MAX,
    /** The encounter happened outside the site's diversion windows (evaluation red-light shift). */
    OUTSIDE_DIVERSION_WINDOW,
    /** Closure reason never allowed (use, relapse, non-compliance, new arrest...). */
    FORBIDDEN_CLOSURE_REASON,
    /** A charging decision needs a prior consultation or a waiver reason. */
    CONSULTATION_REQUIRED,
    /** Assignment would take a case manager over the caseload cap. */
    CASELOAD_CAP_EXCEEDED,
    /** Warning: the case manager's caseload reaches the target. */
    CASELOAD_AT_TARGET,
    /** A HARD exclusion can never be overridden. */
    HARD_EXCLUSION,
    /** The command needs a non-blank written reason. */
    REASON_REQUIRED,
    /** The person's consent to LEAD has not been recorded. */
    CONSENT_REQUIRED,
    /** Arrest door: the warm hand-off to a case manager has not been recorded. */
    HANDOFF_REQUIRED,
    /** The referral is not (or not yet) eligible. */
    NOT_ELIGIBLE,
    /** A community-door referral awaits approval by a configured approver. */
    APPROVAL_REQUIRED,
    /** The person already has an open enrollment at the site (R23). */
    ALREADY_ENROLLED,
    /** An active confidential informant can never be enrolled (R37). */
    INFORMANT_NOT_ENROLLABLE,
    /** Capacity is exhausted: the referral cannot be offered now. */
    CAPACITY_EXHAUSTED,
    /** No site policy version is in force at the referral instant. */
    NO_POLICY_IN_FORCE,
    /** The site policy does not allow intake-deadline extensions. */
    EXTENSIONS_DISABLED,
    /** Warning: intake cannot complete until the multi-party ROI is signed. */
    ROI_REQUIRED,
    /** A timestamp precedes the referral or lies in the future (R29). */
    INVALID_TIMESTAMP,
    /** The aggregate was changed by someone else since it was read; nothing was written. */
    CONCURRENT_UPDATE,
    /** The aggregate does not exist. */
    NOT_FOUND,
    /** Warning: the warm hand-off took longer than the site's target (recorded, never blocked). */
    HANDOFF_TARGET_MISSED,
    /** The site policy forbids the command (e.g. a fidelity variant that is switched off). */
    POLICY_FORBIDS,
    /** An intervention-plan goal must be set by the participant (R31). */
    GOAL_NOT_PARTICIPANT_SET,
    /** A flexible-fund expenditure above a cap needs approval by a configured role (R33). */
    FLEX_APPROVAL_REQUIRED,
    /** A charging decision may not list a LEAD disclosure as its basis (R35). */
    LEAD_DISCLOSURE_AS_BASIS,
    /** The thing is already recorded once and cannot be recorded again (e.g. a second consultation request). */
    ALREADY_RECORDED,
    /** The command needs an open (ACTIVE or INACTIVE) enrollment and this one is CLOSED. */
    ENROLLMENT_CLOSED
}
