/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import org.leaddiversion.domain.common.InvalidValueException;

/**
 * A policy file could not be read: names the file, the line (0 when the problem is the file as a whole), the key
 * and the reason, so a programme manager can fix it without reading code.
 */
public class MalformedPolicyException extends InvalidValueException {

    private final String file;
    private final int line;

    public MalformedPolicyException(String file, int line, String key, String reason) {
        super(key, reason);
        this.file = file;
        this.line = line;
    }

    /** The file name as given to the loader. */
    public String file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem concerns the file or a whole version. */
    public int line() {
        return line;
    }

    /** The offending key. */
    public String key() {
        return field();
    }

    @Override
    public String getMessage() {
        return file + (line > 0 ? ":" + line : "") + ": " + field() + ": " + reason();
    }
}
